package sqlkb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// row is one record to write: its table, id, fingerprint, main columns and
// the statements that write its child rows.
type row struct {
	table    string
	id       string
	fp       string
	cols     []string
	vals     []any
	children []string // child tables, keyed by parentKey
	write    func(ctx context.Context, t *txn) error
}

// parentKey names the column of each child table that holds the parent id.
var parentKey = map[string]string{
	"agreement_parties": "agreement_id", "agreement_history": "agreement_id",
	"project_countries": "project_id", "project_history": "project_id", "project_links": "project_id",
	"fact_countries": "fact_id",
}

// upsert writes r: inserts it when its id is new, replaces it (and its
// children) when its fingerprint changed, leaves it alone otherwise.
func (t *txn) upsert(ctx context.Context, r *row, c *kb.Counts) error {
	var old string
	err := t.queryRow(ctx, `SELECT fingerprint FROM `+r.table+` WHERE id = ?`, r.id).Scan(&old)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		cols := append([]string{"id", "fingerprint"}, r.cols...)
		vals := append([]any{r.id, r.fp}, r.vals...)
		q := `INSERT INTO ` + r.table + ` (` + strings.Join(cols, ", ") + `) VALUES (` + marks(len(cols)) + `)`
		if _, err := t.exec(ctx, q, vals...); err != nil {
			return err
		}
		c.Inserted++
	case err != nil:
		return err
	case old == r.fp:
		c.Unchanged++
		return nil
	default:
		set := make([]string, 0, len(r.cols)+1)
		for _, col := range append([]string{"fingerprint"}, r.cols...) {
			set = append(set, col+" = ?")
		}
		q := `UPDATE ` + r.table + ` SET ` + strings.Join(set, ", ") + ` WHERE id = ?`
		if _, err := t.exec(ctx, q, append(append([]any{r.fp}, r.vals...), r.id)...); err != nil {
			return err
		}
		for _, child := range r.children {
			if _, err := t.exec(ctx, `DELETE FROM `+child+` WHERE `+parentKey[child]+` = ?`, r.id); err != nil {
				return err
			}
		}
		c.Updated++
	}
	if r.write != nil {
		return r.write(ctx, t)
	}
	return nil
}

func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// upsertAll converts each record with toRow and writes it, counting what
// changed in c; it stops at the first error or when ctx is done.
func upsertAll[T any](ctx context.Context, t *txn, recs []T, toRow func(T) (*row, error), c *kb.Counts) error {
	for _, x := range recs {
		r, err := toRow(x)
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := t.upsert(ctx, r, c); err != nil {
			return err
		}
	}
	return nil
}

// Apply writes the records of b in one transaction; see kb.Store.
func (s *DB) Apply(ctx context.Context, b *kb.Bundle) (kb.Stats, error) {
	var st kb.Stats
	err := s.do(ctx, "Apply", true, func(t *txn) error {
		st = kb.Stats{}
		for _, step := range []func() error{
			func() error { return upsertAll(ctx, t, b.Sources, sourceRow, &st.Sources) },
			func() error { return upsertAll(ctx, t, b.Agreements, agreementRow, &st.Agreements) },
			func() error { return upsertAll(ctx, t, b.Projects, projectRow, &st.Projects) },
			func() error { return upsertAll(ctx, t, b.Figures, figureRow, &st.Figures) },
			func() error { return upsertAll(ctx, t, b.Documents, documentRow, &st.Documents) },
			func() error { return upsertAll(ctx, t, b.Facts, factRow, &st.Facts) },
		} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return kb.Stats{}, err
	}
	return st, nil
}

// AddDocument stores a document and its facts unless its text is stored
// already; see kb.Store.
func (s *DB) AddDocument(ctx context.Context, d *kb.Document, facts []kb.Fact) (bool, error) {
	d.Hash = kb.HashText(d.Text)
	d.ID = kb.DocumentID(d.Hash)
	var ps network.Problems
	d.Validate(&ps)
	for i := range facts {
		f := &facts[i]
		f.Document = d.ID
		f.ID = kb.FactID(d.ID, i+1)
		if f.Review.State == "" {
			f.Review.State = kb.Pending
		}
		f.Validate(d.Text, &ps)
	}
	if err := ps.Err(); err != nil {
		return false, s.errf("AddDocument", err)
	}
	created := false
	err := s.do(ctx, "AddDocument", true, func(t *txn) error {
		var id string
		err := t.queryRow(ctx, `SELECT id FROM documents WHERE hash = ?`, d.Hash).Scan(&id)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var c kb.Counts
		r, err := documentRow(*d)
		if err != nil {
			return err
		}
		if err := t.upsert(ctx, r, &c); err != nil {
			return err
		}
		for _, f := range facts {
			r, err := factRow(f)
			if err != nil {
				return err
			}
			if err := t.upsert(ctx, r, &c); err != nil {
				return err
			}
		}
		created = true
		return nil
	})
	return created, err
}

// Review records a decision on a fact; see kb.Store.
func (s *DB) Review(ctx context.Context, id string, r kb.Review) error {
	if _, err := kb.ParseReviewState(string(r.State)); err != nil {
		return caravan.Errorf(caravan.Invalid, s.d.Name+".Review", "fact %s: %w", id, err)
	}
	return s.do(ctx, "Review", true, func(t *txn) error {
		facts, _, err := t.facts(ctx, kb.FactFilter{}, []string{"f.id = ?"}, []any{id})
		if err != nil {
			return err
		}
		if len(facts) == 0 {
			return caravan.Errorf(caravan.NotFound, "", "fact %q: %w", id, caravan.ErrNotFound)
		}
		f := facts[0]
		f.Review = r
		f = normFact(f)
		fp, err := fingerprint(f)
		if err != nil {
			return err
		}
		_, err = t.exec(ctx, `UPDATE facts SET fingerprint = ?, review_state = ?, review_note = ?, reviewed_at = ? WHERE id = ?`,
			fp, string(f.Review.State), f.Review.Note, timeArg(f.Review.At), id)
		return err
	})
}

func sourceRow(x network.Source) (*row, error) {
	x = normSource(x)
	fp, err := fingerprint(x)
	if err != nil {
		return nil, err
	}
	return &row{table: "sources", id: x.ID, fp: fp,
		cols: []string{"title", "publisher", "url", "date", "note"},
		vals: []any{x.Title, x.Publisher, x.URL, dateArg(x.Date), x.Note},
	}, nil
}

func agreementRow(x kb.Agreement) (*row, error) {
	x = normAgreement(x)
	fp, err := fingerprint(x)
	if err != nil {
		return nil, err
	}
	cites, err := citesArg(x.Sources)
	if err != nil {
		return nil, err
	}
	return &row{table: "agreements", id: x.ID, fp: fp,
		cols:     []string{"name", "kind", "signatories", "subject", "project", "sources", "note"},
		vals:     []any{x.Name, x.Kind.String(), x.Signatories, x.Subject, x.Project, cites, x.Note},
		children: []string{"agreement_parties", "agreement_history"},
		write: func(ctx context.Context, t *txn) error {
			for _, p := range x.Parties {
				if _, err := t.exec(ctx, `INSERT INTO agreement_parties (agreement_id, country) VALUES (?, ?)`, x.ID, p); err != nil {
					return err
				}
			}
			for i, h := range x.History {
				c, err := citesArg(h.Sources)
				if err != nil {
					return err
				}
				if _, err := t.exec(ctx, `INSERT INTO agreement_history (agreement_id, seq, date, status, event, sources) VALUES (?, ?, ?, ?, ?, ?)`,
					x.ID, i+1, h.Date.String(), h.Status.String(), h.Event, c); err != nil {
					return err
				}
			}
			return nil
		},
	}, nil
}

func projectRow(x kb.Project) (*row, error) {
	x = normProject(x)
	fp, err := fingerprint(x)
	if err != nil {
		return nil, err
	}
	cites, err := citesArg(x.Sources)
	if err != nil {
		return nil, err
	}
	names, err := jsonArg(x.Names)
	if err != nil {
		return nil, err
	}
	lv, llo, lhi := rangeArgs(x.LengthKm)
	cv, clo, chi := rangeArgs(x.CostUSD)
	pv, plo, phi := rangeArgs(x.CapacityTPY)
	return &row{table: "projects", id: x.ID, fp: fp,
		cols: []string{"name_en", "names", "kind", "length_km", "length_km_min", "length_km_max",
			"cost_usd", "cost_usd_min", "cost_usd_max", "capacity_tpy", "capacity_tpy_min", "capacity_tpy_max", "sources", "note"},
		vals:     []any{x.Names.En, names, x.Kind, lv, llo, lhi, cv, clo, chi, pv, plo, phi, cites, x.Note},
		children: []string{"project_countries", "project_history", "project_links"},
		write: func(ctx context.Context, t *txn) error {
			for i, c := range x.Countries {
				if _, err := t.exec(ctx, `INSERT INTO project_countries (project_id, seq, country) VALUES (?, ?, ?)`, x.ID, i+1, c); err != nil {
					return err
				}
			}
			for i, h := range x.History {
				c, err := citesArg(h.Sources)
				if err != nil {
					return err
				}
				if _, err := t.exec(ctx, `INSERT INTO project_history (project_id, seq, date, status, event, sources) VALUES (?, ?, ?, ?, ?, ?)`,
					x.ID, i+1, h.Date.String(), statusName(h.Status), h.Event, c); err != nil {
					return err
				}
			}
			for _, l := range x.Links {
				if _, err := t.exec(ctx, `INSERT INTO project_links (project_id, link_id) VALUES (?, ?)`, x.ID, l); err != nil {
					return err
				}
			}
			return nil
		},
	}, nil
}

// statusName writes a project status; 0 (unknown) is the empty string.
func statusName(s network.Status) string {
	if s == 0 {
		return ""
	}
	return s.String()
}

func figureRow(x trade.Figure) (*row, error) {
	x = normFigure(x)
	fp, err := fingerprint(x)
	if err != nil {
		return nil, err
	}
	cites, err := citesArg(x.Sources)
	if err != nil {
		return nil, err
	}
	uv, ulo, uhi := rangeArgs(x.USD)
	tv, tlo, thi := rangeArgs(x.Tonnes)
	return &row{table: "trade_figures", id: x.ID, fp: fp,
		cols: []string{"country_a", "country_b", "flow", "scope", "kind", "period_label", "period_start", "period_end",
			"subject", "usd", "usd_min", "usd_max", "tonnes", "tonnes_min", "tonnes_max", "qualifier", "growth_pct",
			"announced", "reporter", "reporter_name", "sources", "document", "start_byte", "end_byte", "doubt", "note"},
		vals: []any{x.A, x.B, x.Flow, x.Scope.String(), x.Kind.String(), x.Period.Label, dateArg(x.Period.Start), dateArg(x.Period.End),
			x.Subject, uv, ulo, uhi, tv, tlo, thi, x.Qualifier, floatArg(x.GrowthPct),
			dateArg(x.Announced), x.Reporter, x.ReporterName, cites, x.Document, x.Start, x.End, x.Doubt, x.Note},
	}, nil
}

func documentRow(x kb.Document) (*row, error) {
	x = normDocument(x)
	fp, err := fingerprint(x)
	if err != nil {
		return nil, err
	}
	return &row{table: "documents", id: x.ID, fp: fp,
		cols: []string{"hash", "title", "lang", "date", "url", "source", "text"},
		vals: []any{x.Hash, x.Title, x.Lang, dateArg(x.Date), x.URL, x.Source, x.Text},
	}, nil
}

func factRow(x kb.Fact) (*row, error) {
	x = normFact(x)
	fp, err := fingerprint(x)
	if err != nil {
		return nil, err
	}
	parties, err := jsonArg(x.Parties)
	if err != nil {
		return nil, err
	}
	seq := 0
	if i := strings.LastIndexByte(x.ID, '#'); i >= 0 {
		for _, c := range x.ID[i+1:] {
			if c >= '0' && c <= '9' {
				seq = seq*10 + int(c-'0')
			}
		}
	}
	return &row{table: "facts", id: x.ID, fp: fp,
		cols: []string{"document_id", "seq", "kind", "countries", "value", "value_max", "unit", "period", "status",
			"growth_pct", "quote", "start_byte", "end_byte", "flow", "qualifier", "subject", "project", "parties", "place",
			"date", "alt_countries", "note", "review_state", "review_note", "reviewed_at", "place_id"},
		vals: []any{x.Document, seq, string(x.Kind), joinList(x.Countries), floatArg(x.Value), floatArg(x.ValueMax), x.Unit, x.Period, x.Status,
			floatArg(x.GrowthPct), x.Quote, x.Start, x.End, x.Flow, x.Qualifier, x.Subject, x.Project, parties, x.Place,
			dateArg(x.Date), joinList(x.AltCountries), x.Note, string(x.Review.State), x.Review.Note, timeArg(x.Review.At), x.PlaceID},
		children: []string{"fact_countries"},
		write: func(ctx context.Context, t *txn) error {
			for _, c := range x.Countries {
				if _, err := t.exec(ctx, `INSERT INTO fact_countries (fact_id, country) VALUES (?, ?)`, x.ID, c); err != nil {
					return err
				}
			}
			return nil
		},
	}, nil
}
