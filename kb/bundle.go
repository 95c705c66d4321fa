package kb

import (
	"cmp"
	"context"
	"slices"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// Bundle holds records of every type: what a file holds, what Apply
// writes, what an export contains.
type Bundle struct {
	Sources    []network.Source `json:"sources"`
	Agreements []Agreement      `json:"agreements"`
	Projects   []Project        `json:"projects"`
	Figures    []trade.Figure   `json:"figures"`
	Documents  []Document       `json:"documents"`
	Facts      []Fact           `json:"facts"`
}

// Len returns the number of records in b.
func (b *Bundle) Len() int {
	return len(b.Sources) + len(b.Agreements) + len(b.Projects) + len(b.Figures) + len(b.Documents) + len(b.Facts)
}

// Sort orders every list by id (documents by date, then id; facts by
// document, then place) and each project's links, the order in which a
// Store returns them.
func (b *Bundle) Sort() {
	slices.SortStableFunc(b.Sources, func(x, y network.Source) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortStableFunc(b.Agreements, func(x, y Agreement) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortStableFunc(b.Projects, func(x, y Project) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Projects {
		slices.Sort(b.Projects[i].Links)
	}
	trade.SortFigures(b.Figures)
	SortDocuments(b.Documents)
	SortFacts(b.Facts)
}

// SortDocuments orders documents by date, then id.
func SortDocuments(ds []Document) {
	slices.SortStableFunc(ds, func(x, y Document) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.ID, y.ID))
	})
}

// SortFacts orders facts by document, then place in it.
func SortFacts(fs []Fact) {
	slices.SortStableFunc(fs, func(x, y Fact) int {
		return cmp.Or(cmp.Compare(x.Document, y.Document), cmp.Compare(factSeq(x.ID), factSeq(y.ID)), cmp.Compare(x.ID, y.ID))
	})
}

// factSeq returns N of an id DOCUMENT#N (0 when malformed).
func factSeq(id string) int {
	n := 0
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '#' {
			for _, c := range id[i+1:] {
				if c < '0' || c > '9' {
					return 0
				}
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	return 0
}

// Check validates every record of b and its references: ids are unique,
// cited sources exist in b or in s, agreements' projects and facts'
// documents exist in b or in s,
// and facts' quotes sit where their offsets say. s may be nil (then every
// reference must resolve inside b). It returns a *network.ValidationError
// listing every problem with file:line where known, or nil.
func Check(ctx context.Context, s Store, b *Bundle) error {
	var ps network.Problems
	sources := map[string]bool{}
	for _, src := range b.Sources {
		if src.ID == "" {
			ps.Addf(src.Pos, "id", "required value missing")
		}
		if sources[src.ID] {
			ps.Addf(src.Pos, "id", "source %s appears twice", src.ID)
		}
		sources[src.ID] = true
		if src.Title == "" {
			ps.Addf(src.Pos, "title", "source %s: required value missing", src.ID)
		}
	}
	if s != nil {
		stored, err := s.Sources(ctx)
		if err != nil {
			return err
		}
		for _, src := range stored {
			if !sources[src.ID] {
				sources[src.ID] = true
			}
		}
	}
	cite := func(pos network.Pos, what string, c network.Citations) {
		for _, id := range c.IDs() {
			if !sources[id] {
				ps.Addf(pos, "sources", "%s cites unknown source %q", what, id)
			}
		}
	}
	projects := map[string]bool{}
	for _, p := range b.Projects {
		projects[p.ID] = true
	}
	if s != nil {
		stored, _, err := s.Projects(ctx, ProjectFilter{})
		if err != nil {
			return err
		}
		for _, p := range stored {
			projects[p.ID] = true
		}
	}
	dup := dupChecker(&ps)
	for i := range b.Agreements {
		a := &b.Agreements[i]
		dup("agreement", a.ID, a.Pos)
		a.Validate(&ps)
		if a.Project != "" && !projects[a.Project] {
			ps.Addf(a.Pos, "project", "agreement %s: unknown project %q", a.ID, a.Project)
		}
		cite(a.Pos, "agreement "+a.ID, a.Sources)
		for _, h := range a.History {
			cite(cmp.Or(h.Pos, a.Pos), "agreement "+a.ID, h.Sources)
		}
	}
	for i := range b.Projects {
		p := &b.Projects[i]
		dup("project", p.ID, p.Pos)
		p.Validate(&ps)
		cite(p.Pos, "project "+p.ID, p.Sources)
		for _, h := range p.History {
			cite(cmp.Or(h.Pos, p.Pos), "project "+p.ID, h.Sources)
		}
	}
	for i := range b.Figures {
		f := &b.Figures[i]
		dup("figure", f.ID, f.Pos)
		f.Validate(&ps)
		cite(f.Pos, "figure "+f.ID, f.Sources)
	}
	texts := map[string]string{}
	for i := range b.Documents {
		d := &b.Documents[i]
		dup("document", d.ID, d.Pos)
		d.Validate(&ps)
		if d.Source != "" && !sources[d.Source] {
			ps.Addf(d.Pos, "source", "document %s cites unknown source %q", d.ID, d.Source)
		}
		texts[d.ID] = d.Text
	}
	for i := range b.Facts {
		f := &b.Facts[i]
		dup("fact", f.ID, f.Pos)
		text, ok := texts[f.Document]
		if !ok && s != nil && f.Document != "" {
			d, err := s.Document(ctx, f.Document)
			switch {
			case err == nil:
				text, ok = d.Text, true
				texts[f.Document] = text
			case caravan.KindOf(err) != caravan.NotFound:
				return err
			}
		}
		if !ok {
			ps.Addf(f.Pos, "document", "fact %s: unknown document %q", f.ID, f.Document)
		}
		f.Validate(text, &ps)
	}
	return ps.Err()
}

// dupChecker returns a function that records a problem when an id is seen
// twice for the same record type.
func dupChecker(ps *network.Problems) func(kind, id string, pos network.Pos) {
	seen := map[string]network.Pos{}
	return func(kind, id string, pos network.Pos) {
		if id == "" {
			return
		}
		k := kind + "\x00" + id
		if first, ok := seen[k]; ok {
			ps.Addf(pos, "id", "%s %s appears twice (first at %s)", kind, id, first)
			return
		}
		seen[k] = pos
	}
}
