package sqlkb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// where joins conditions with AND into a WHERE clause ("" for none).
func where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// pageClause returns the LIMIT/OFFSET clause of p ("" for every row).
// Both dialects read "LIMIT n OFFSET m"; without a limit the largest
// 64-bit integer stands for "no limit".
func pageClause(p kb.Page) string {
	switch {
	case p.Limit > 0:
		return fmt.Sprintf(" LIMIT %d OFFSET %d", p.Limit, max(p.Offset, 0))
	case p.Offset > 0:
		return fmt.Sprintf(" LIMIT 9223372036854775807 OFFSET %d", p.Offset)
	}
	return ""
}

// count returns how many rows of from (a table with its alias) match
// conds, given that the page p of them held read rows: read itself,
// without a query, when p is every row.
func (t *txn) count(ctx context.Context, p kb.Page, read int, from string, conds []string, args []any) (int, error) {
	if pageClause(p) == "" {
		return read, nil
	}
	var n int
	err := t.queryRow(ctx, `SELECT COUNT(*) FROM `+from+where(conds), args...).Scan(&n)
	return n, err
}

// Sources returns every source, by id.
func (s *DB) Sources(ctx context.Context) ([]network.Source, error) {
	var out []network.Source
	err := s.do(ctx, "Sources", false, func(t *txn) error {
		rows, err := t.query(ctx, `SELECT id, title, publisher, url, date, note FROM sources ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x network.Source
			var d sql.NullString
			if err := rows.Scan(&x.ID, &x.Title, &x.Publisher, &x.URL, &d, &x.Note); err != nil {
				return err
			}
			if x.Date, err = getDate(d); err != nil {
				return err
			}
			out = append(out, normSource(x))
		}
		return rows.Err()
	})
	return out, err
}

// Agreements returns the page of the agreements that match f, by id, and
// how many match.
func (s *DB) Agreements(ctx context.Context, f kb.AgreementFilter) ([]kb.Agreement, int, error) {
	var conds []string
	var args []any
	if f.Country != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.country = ?)`)
		args = append(args, f.Country)
	}
	if f.Kind != 0 {
		conds = append(conds, `a.kind = ?`)
		args = append(args, f.Kind.String())
	}
	if f.Status != 0 {
		conds = append(conds, `(SELECT h.status FROM agreement_history h WHERE h.agreement_id = a.id ORDER BY h.seq DESC LIMIT 1) = ?`)
		args = append(args, f.Status.String())
	}
	page := where(conds) + ` ORDER BY a.id` + pageClause(f.Page) // the agreements, and the ids their parties and history are read for
	sel := `SELECT a.id FROM agreements a` + page
	var out []kb.Agreement
	total := 0
	err := s.do(ctx, "Agreements", false, func(t *txn) error {
		out = nil
		idx := map[string]int{}
		rows, err := t.query(ctx, `SELECT a.id, a.name, a.kind, a.signatories, a.subject, a.project, a.sources, a.note FROM agreements a`+page, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x kb.Agreement
			var kind, cites string
			if err := rows.Scan(&x.ID, &x.Name, &kind, &x.Signatories, &x.Subject, &x.Project, &cites, &x.Note); err != nil {
				return err
			}
			if x.Kind, err = kb.ParseAgreementKind(kind); err != nil {
				return err
			}
			if x.Sources, err = getCites(cites); err != nil {
				return err
			}
			idx[x.ID] = len(out)
			out = append(out, x)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		if total, err = t.count(ctx, f.Page, len(out), "agreements a", conds, args); err != nil {
			return err
		}
		err = t.each(ctx, `SELECT agreement_id, country FROM agreement_parties WHERE agreement_id IN (`+sel+`) ORDER BY agreement_id, country`, args, func(r *sql.Rows) error {
			var id, c string
			if err := r.Scan(&id, &c); err != nil {
				return err
			}
			a := &out[idx[id]]
			a.Parties = append(a.Parties, c)
			return nil
		})
		if err != nil {
			return err
		}
		return t.each(ctx, `SELECT agreement_id, date, status, event, sources FROM agreement_history WHERE agreement_id IN (`+sel+`) ORDER BY agreement_id, seq`, args, func(r *sql.Rows) error {
			var id, date, status, cites string
			var h kb.AgreementChange
			if err := r.Scan(&id, &date, &status, &h.Event, &cites); err != nil {
				return err
			}
			var err error
			if h.Date, err = kb.ParseWhen(date); err != nil {
				return err
			}
			if h.Status, err = kb.ParseAgreementStatus(status); err != nil {
				return err
			}
			if h.Sources, err = getCites(cites); err != nil {
				return err
			}
			a := &out[idx[id]]
			a.History = append(a.History, h)
			return nil
		})
	})
	for i := range out {
		out[i] = normAgreement(out[i])
	}
	return out, total, err
}

// each runs q and calls fn for every row.
func (t *txn) each(ctx context.Context, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Projects returns the page of the projects that match f, by id, and how
// many match.
func (s *DB) Projects(ctx context.Context, f kb.ProjectFilter) ([]kb.Project, int, error) {
	var conds []string
	var args []any
	if f.Country != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM project_countries c WHERE c.project_id = p.id AND c.country = ?)`)
		args = append(args, f.Country)
	}
	if f.Status != 0 {
		conds = append(conds, `(SELECT h.status FROM project_history h WHERE h.project_id = p.id ORDER BY h.seq DESC LIMIT 1) = ?`)
		args = append(args, f.Status.String())
	}
	page := where(conds) + ` ORDER BY p.id` + pageClause(f.Page) // the projects, and the ids their countries, links and history are read for
	sel := `SELECT p.id FROM projects p` + page
	var out []kb.Project
	total := 0
	err := s.do(ctx, "Projects", false, func(t *txn) error {
		out = nil
		idx := map[string]int{}
		err := t.each(ctx, `SELECT p.id, p.names, p.kind, p.length_km, p.length_km_min, p.length_km_max, p.cost_usd, p.cost_usd_min, p.cost_usd_max,
			p.capacity_tpy, p.capacity_tpy_min, p.capacity_tpy_max, p.sources, p.note FROM projects p`+page, args, func(r *sql.Rows) error {
			var x kb.Project
			var names, cites string
			var l, c, k nullRange
			dest := append(append(append([]any{&x.ID, &names, &x.Kind}, l.dest()...), c.dest()...), k.dest()...)
			if err := r.Scan(append(dest, &cites, &x.Note)...); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(names), &x.Names); err != nil {
				return fmt.Errorf("project %s names: %w", x.ID, err)
			}
			x.LengthKm, x.CostUSD, x.CapacityTPY = l.get(), c.get(), k.get()
			var err error
			if x.Sources, err = getCites(cites); err != nil {
				return err
			}
			idx[x.ID] = len(out)
			out = append(out, x)
			return nil
		})
		if err != nil {
			return err
		}
		if total, err = t.count(ctx, f.Page, len(out), "projects p", conds, args); err != nil {
			return err
		}
		err = t.each(ctx, `SELECT project_id, country FROM project_countries WHERE project_id IN (`+sel+`) ORDER BY project_id, seq`, args, func(r *sql.Rows) error {
			var id, c string
			if err := r.Scan(&id, &c); err != nil {
				return err
			}
			p := &out[idx[id]]
			p.Countries = append(p.Countries, c)
			return nil
		})
		if err != nil {
			return err
		}
		err = t.each(ctx, `SELECT project_id, link_id FROM project_links WHERE project_id IN (`+sel+`) ORDER BY project_id, link_id`, args, func(r *sql.Rows) error {
			var id, l string
			if err := r.Scan(&id, &l); err != nil {
				return err
			}
			p := &out[idx[id]]
			p.Links = append(p.Links, l)
			return nil
		})
		if err != nil {
			return err
		}
		return t.each(ctx, `SELECT project_id, date, status, event, sources FROM project_history WHERE project_id IN (`+sel+`) ORDER BY project_id, seq`, args, func(r *sql.Rows) error {
			var id, date, status, cites string
			var h network.StatusChange
			if err := r.Scan(&id, &date, &status, &h.Event, &cites); err != nil {
				return err
			}
			var err error
			if h.Date, err = network.ParseDate(date); err != nil {
				return err
			}
			if status != "" {
				if h.Status, err = network.ParseStatus(status); err != nil {
					return err
				}
			}
			if h.Sources, err = getCites(cites); err != nil {
				return err
			}
			p := &out[idx[id]]
			p.History = append(p.History, h)
			return nil
		})
	})
	for i := range out {
		out[i] = normProject(out[i])
	}
	return out, total, err
}

// Figures returns the stored trade figures that match f.
func (s *DB) Figures(ctx context.Context, f kb.FigureFilter) ([]trade.Figure, error) {
	var conds []string
	var args []any
	if f.A != "" || f.B != "" {
		a, b := trade.SortPair(f.A, f.B)
		conds = append(conds, `country_a = ?`, `country_b = ?`)
		args = append(args, a, b)
	}
	if f.Kind != 0 {
		conds = append(conds, `kind = ?`)
		args = append(args, f.Kind.String())
	}
	var out []trade.Figure
	err := s.do(ctx, "Figures", false, func(t *txn) error {
		out = nil
		return t.each(ctx, `SELECT id, country_a, country_b, flow, scope, kind, period_label, period_start, period_end, subject,
			usd, usd_min, usd_max, tonnes, tonnes_min, tonnes_max, qualifier, growth_pct, announced, reporter, reporter_name,
			sources, document, start_byte, end_byte, doubt, note FROM trade_figures`+where(conds)+` ORDER BY id`, args, func(r *sql.Rows) error {
			var x trade.Figure
			var scope, kind, cites string
			var ps, pe, ann sql.NullString
			var usd, ton nullRange
			var g sql.NullFloat64
			dest := []any{&x.ID, &x.A, &x.B, &x.Flow, &scope, &kind, &x.Period.Label, &ps, &pe, &x.Subject}
			dest = append(append(dest, usd.dest()...), ton.dest()...)
			dest = append(dest, &x.Qualifier, &g, &ann, &x.Reporter, &x.ReporterName, &cites, &x.Document, &x.Start, &x.End, &x.Doubt, &x.Note)
			if err := r.Scan(dest...); err != nil {
				return err
			}
			var err error
			if x.Scope, err = trade.ParseScope(scope); err != nil {
				return err
			}
			if x.Kind, err = trade.ParseKind(kind); err != nil {
				return err
			}
			if x.Period.Start, err = getDate(ps); err != nil {
				return err
			}
			if x.Period.End, err = getDate(pe); err != nil {
				return err
			}
			if x.Announced, err = getDate(ann); err != nil {
				return err
			}
			if x.Sources, err = getCites(cites); err != nil {
				return err
			}
			x.USD, x.Tonnes, x.GrowthPct = usd.get(), ton.get(), getFloat(g)
			out = append(out, normFigure(x))
			return nil
		})
	})
	trade.SortFigures(out)
	return out, err
}

const documentCols = `id, hash, title, lang, date, url, source, text`

func scanDocument(r interface{ Scan(...any) error }) (kb.Document, error) {
	var x kb.Document
	var d sql.NullString
	if err := r.Scan(&x.ID, &x.Hash, &x.Title, &x.Lang, &d, &x.URL, &x.Source, &x.Text); err != nil {
		return x, err
	}
	var err error
	x.Date, err = getDate(d)
	return x, err
}

// Documents returns the page of the documents that match f, by date
// (undated first) then id, and how many match.
func (s *DB) Documents(ctx context.Context, f kb.DocumentFilter) ([]kb.Document, int, error) {
	var conds []string
	var args []any
	if f.Lang != "" {
		conds = append(conds, `lang = ?`)
		args = append(args, f.Lang)
	}
	var out []kb.Document
	total := 0
	err := s.do(ctx, "Documents", false, func(t *txn) error {
		out = nil
		err := t.each(ctx, `SELECT `+documentCols+` FROM documents`+where(conds)+` ORDER BY COALESCE(date, ''), id`+pageClause(f.Page), args, func(r *sql.Rows) error {
			x, err := scanDocument(r)
			out = append(out, x)
			return err
		})
		if err != nil {
			return err
		}
		total, err = t.count(ctx, f.Page, len(out), "documents", conds, args)
		return err
	})
	return out, total, err
}

// Document returns the document with id (or content hash) key.
func (s *DB) Document(ctx context.Context, key string) (kb.Document, error) {
	var x kb.Document
	err := s.do(ctx, "Document", false, func(t *txn) error {
		var err error
		x, err = scanDocument(t.queryRow(ctx, `SELECT `+documentCols+` FROM documents WHERE id = ? OR hash = ?`, key, key))
		if errors.Is(err, sql.ErrNoRows) {
			return caravan.Errorf(caravan.NotFound, "", "document %q: %w", key, caravan.ErrNotFound)
		}
		return err
	})
	return x, err
}

// Facts returns the page of the facts that match f, by document then
// place in it, and how many match.
func (s *DB) Facts(ctx context.Context, f kb.FactFilter) ([]kb.Fact, int, error) {
	var out []kb.Fact
	total := 0
	err := s.do(ctx, "Facts", false, func(t *txn) error {
		var err error
		out, total, err = t.facts(ctx, f, nil, nil)
		return err
	})
	return out, total, err
}

// facts reads the page of the facts matching f and the extra conditions,
// and how many match.
func (t *txn) facts(ctx context.Context, f kb.FactFilter, conds []string, args []any) ([]kb.Fact, int, error) {
	if f.State != "" {
		conds = append(conds, `f.review_state = ?`)
		args = append(args, string(f.State))
	}
	if f.Country != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM fact_countries c WHERE c.fact_id = f.id AND c.country = ?)`)
		args = append(args, f.Country)
	}
	if f.Document != "" {
		conds = append(conds, `f.document_id = ?`)
		args = append(args, f.Document)
	}
	if f.Kind != "" {
		conds = append(conds, `f.kind = ?`)
		args = append(args, string(f.Kind))
	}
	q := `SELECT f.id, f.document_id, f.kind, f.countries, f.value, f.value_max, f.unit, f.period, f.status, f.growth_pct,
		f.quote, f.start_byte, f.end_byte, f.flow, f.qualifier, f.subject, f.project, f.parties, f.place, f.date,
		f.alt_countries, f.note, f.review_state, f.review_note, f.reviewed_at, f.place_id FROM facts f` + where(conds) + ` ORDER BY f.document_id, f.seq` + pageClause(f.Page)
	var out []kb.Fact
	err := t.each(ctx, q, args, func(r *sql.Rows) error {
		var x kb.Fact
		var kind, countries, parties, alt, state, at string
		var v, vmax, g sql.NullFloat64
		var d sql.NullString
		if err := r.Scan(&x.ID, &x.Document, &kind, &countries, &v, &vmax, &x.Unit, &x.Period, &x.Status, &g,
			&x.Quote, &x.Start, &x.End, &x.Flow, &x.Qualifier, &x.Subject, &x.Project, &parties, &x.Place, &d,
			&alt, &x.Note, &state, &x.Review.Note, &at, &x.PlaceID); err != nil {
			return err
		}
		x.Kind, x.Review.State = kb.FactKind(kind), kb.ReviewState(state)
		x.Countries, x.AltCountries = splitList(countries), splitList(alt)
		x.Value, x.ValueMax, x.GrowthPct = getFloat(v), getFloat(vmax), getFloat(g)
		if err := json.Unmarshal([]byte(parties), &x.Parties); err != nil {
			return fmt.Errorf("fact %s parties: %w", x.ID, err)
		}
		var err error
		if x.Date, err = getDate(d); err != nil {
			return err
		}
		if x.Review.At, err = getTime(at); err != nil {
			return err
		}
		out = append(out, normFact(x))
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	total, err := t.count(ctx, f.Page, len(out), "facts f", conds, args)
	return out, total, err
}
