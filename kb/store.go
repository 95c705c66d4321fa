package kb

import (
	"context"
	"fmt"

	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// Store keeps the knowledge base. Implementations are safe for use by
// several goroutines; every write is one transaction, so a failed or
// interrupted write leaves nothing half-written.
//
// Errors are *caravan.Error: NotFound for a missing id, Invalid for
// records that break the rules, Unavailable when the database cannot be
// reached, Internal otherwise.
type Store interface {
	// Apply writes the records of b in one transaction. Records are keyed
	// by id (documents by content hash): a new id is inserted, a changed
	// record replaces the stored one (with its history), an equal one is
	// left alone, so applying the same bundle twice changes nothing. Apply
	// does not validate b: call Check first.
	Apply(ctx context.Context, b *Bundle) (Stats, error)

	// AddDocument stores a document and the facts extracted from it, unless
	// a document with the same text (content hash) is stored already: then
	// nothing changes, the stored facts keep their reviews, and created is
	// false. It fills in d's hash and id and the facts' ids and document.
	AddDocument(ctx context.Context, d *Document, facts []Fact) (created bool, err error)

	// Sources returns every source, by id.
	Sources(ctx context.Context) ([]network.Source, error)
	// Agreements returns the page of the agreements that match f, by id,
	// and how many match in all.
	Agreements(ctx context.Context, f AgreementFilter) (_ []Agreement, total int, _ error)
	// Projects returns the page of the projects that match f, by id, and
	// how many match in all.
	Projects(ctx context.Context, f ProjectFilter) (_ []Project, total int, _ error)
	// Figures returns the stored trade figures that match f, in the order of
	// trade.SortFigures. Accepted facts are not included (see Figures).
	Figures(ctx context.Context, f FigureFilter) ([]trade.Figure, error)
	// Documents returns the page of the documents that match f, by id,
	// and how many match in all.
	Documents(ctx context.Context, f DocumentFilter) (_ []Document, total int, _ error)
	// Document returns the document with id (or content hash) key.
	Document(ctx context.Context, key string) (Document, error)
	// Facts returns the page of the facts that match f, by document then
	// place in it, and how many match in all.
	Facts(ctx context.Context, f FactFilter) (_ []Fact, total int, _ error)
	// Review records a decision on the fact with id.
	Review(ctx context.Context, id string, r Review) error

	// Meta returns the value stored under key, "" when there is none.
	Meta(ctx context.Context, key string) (string, error)
	// SetMeta stores value under key.
	SetMeta(ctx context.Context, key, value string) error

	// Check verifies the database: its integrity and that every reference
	// (history to record, fact to document) resolves.
	Check(ctx context.Context) error
	// Close releases the database.
	Close() error
}

// Page selects a page of a list: at most Limit records (0: all) after
// the first Offset.
type Page struct {
	Limit, Offset int
}

// AgreementFilter selects agreements. Zero fields match everything.
type AgreementFilter struct {
	Page
	Country string          // a party
	Status  AgreementStatus // the latest status
	Kind    AgreementKind
}

// ProjectFilter selects projects. Zero fields match everything.
type ProjectFilter struct {
	Page
	Country string
	Status  network.Status // the latest status
}

// FigureFilter selects trade figures. Zero fields match everything.
type FigureFilter struct {
	A, B string // the pair, in either order; both or neither
	Kind trade.Kind
}

// DocumentFilter selects documents. Zero fields match everything.
type DocumentFilter struct {
	Page
	Lang string
}

// FactFilter selects facts. Zero fields match everything.
type FactFilter struct {
	Page
	State    ReviewState
	Country  string
	Document string
	Kind     FactKind
}

// Counts says what a write did to records of one type.
type Counts struct {
	Inserted  int `json:"inserted"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Stats says what Apply did, by record type.
type Stats struct {
	Sources    Counts `json:"sources"`
	Agreements Counts `json:"agreements"`
	Projects   Counts `json:"projects"`
	Figures    Counts `json:"figures"`
	Documents  Counts `json:"documents"`
	Facts      Counts `json:"facts"`
}

// Changed returns how many records were inserted or updated.
func (s Stats) Changed() int {
	n := 0
	for _, c := range []Counts{s.Sources, s.Agreements, s.Projects, s.Figures, s.Documents, s.Facts} {
		n += c.Inserted + c.Updated
	}
	return n
}

// String summarises the stats: "agreements 3 new, 1 updated, 20 unchanged; ...".
func (s Stats) String() string {
	out := ""
	for _, x := range []struct {
		name string
		c    Counts
	}{{"sources", s.Sources}, {"agreements", s.Agreements}, {"projects", s.Projects}, {"figures", s.Figures}, {"documents", s.Documents}, {"facts", s.Facts}} {
		if x.c == (Counts{}) {
			continue
		}
		if out != "" {
			out += "; "
		}
		out += fmt.Sprintf("%s %d new, %d updated, %d unchanged", x.name, x.c.Inserted, x.c.Updated, x.c.Unchanged)
	}
	if out == "" {
		return "nothing"
	}
	return out
}

// Figures returns the trade figures that match f: the stored ones and those
// stated by accepted trade_value and tonnage facts, in the order of
// trade.SortFigures.
func Figures(ctx context.Context, s Store, f FigureFilter) ([]trade.Figure, error) {
	figs, err := s.Figures(ctx, f)
	if err != nil {
		return nil, err
	}
	ff := FactFilter{State: Accepted}
	facts, _, err := s.Facts(ctx, ff)
	if err != nil {
		return nil, err
	}
	docs := map[string]*Document{}
	for _, fact := range facts {
		if fact.Kind != TradeValue && fact.Kind != Tonnage {
			continue
		}
		d, ok := docs[fact.Document]
		if !ok {
			doc, err := s.Document(ctx, fact.Document)
			if err != nil {
				return nil, err
			}
			doc.Text = ""
			d = &doc
			docs[fact.Document] = d
		}
		g, ok := fact.Figure(d)
		if !ok || (f.Kind != 0 && g.Kind != f.Kind) {
			continue
		}
		if f.A != "" {
			a, b := trade.SortPair(f.A, f.B)
			if g.A != a || g.B != b {
				continue
			}
		}
		figs = append(figs, g)
	}
	trade.SortFigures(figs)
	return figs, nil
}
