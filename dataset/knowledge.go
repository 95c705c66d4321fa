package dataset

import (
	"context"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// The knowledge files. Sources and projects use the network files'
// formats (sources.csv, projects.csv, project_history.csv).
const (
	AgreementsFile       = "agreements.csv"
	AgreementHistoryFile = "agreement_history.csv"
	TradeFile            = "trade.csv"
	ProjectLinksFile     = "project_links.csv"
	DocumentsFile        = "documents.csv"
	FactsFile            = "facts.csv"
)

// withSrc adds an optional x_src column (the sources of field x alone) for
// every text column that holds data; number columns have theirs already.
func withSrc(cols []column) []column {
	out := slices.Clone(cols)
	for _, c := range cols {
		switch c.name {
		case "id", "sources", "note":
			continue
		}
		if c.kind == text {
			out = append(out, column{name: c.name + "_src"})
		}
	}
	return out
}

var (
	agreementCols = withSrc([]column{
		{name: "id", required: true}, {name: "name", required: true}, {name: "kind", required: true},
		{name: "parties", required: true}, {name: "signatories"}, {name: "subject"}, {name: "project"},
		{name: "sources"}, {name: "note"},
	})
	agreementHistoryCols = withSrc([]column{
		{name: "agreement", required: true}, {name: "date", required: true}, {name: "status", required: true},
		{name: "event", required: true}, {name: "sources"},
	})
	tradeCols = withSrc([]column{
		{name: "id", required: true}, {name: "countries", required: true}, {name: "flow"}, {name: "scope"},
		{name: "kind", required: true}, {name: "period"}, {name: "subject"},
		{name: "usd", kind: number}, {name: "tonnes", kind: number}, {name: "qualifier"}, {name: "growth_pct"},
		{name: "announced"}, {name: "reporter"}, {name: "reporter_name"}, {name: "sources"},
		{name: "document"}, {name: "start"}, {name: "end"}, {name: "doubt"}, {name: "note"},
	})
	projectLinkCols = []column{{name: "project", required: true}, {name: "link", required: true}}
	documentCols    = []column{
		{name: "id"}, {name: "hash"}, {name: "title"}, {name: "lang"}, {name: "date"}, {name: "url"},
		{name: "source"}, {name: "text", required: true},
	}
	factCols = []column{
		{name: "id", required: true}, {name: "document", required: true}, {name: "kind", required: true},
		{name: "countries"}, {name: "value"}, {name: "value_max"}, {name: "unit"}, {name: "period"},
		{name: "status"}, {name: "growth_pct"}, {name: "quote"}, {name: "start"}, {name: "end"},
		{name: "flow"}, {name: "qualifier"}, {name: "subject"}, {name: "project"}, {name: "parties"},
		{name: "place"}, {name: "date"}, {name: "alt_countries"}, {name: "note"},
		{name: "review_state"}, {name: "review_note"}, {name: "reviewed_at"},
	}
)

// LoadKnowledge returns the knowledge base shipped in fsys (Builtin, or a
// directory in the dataset format): the agreements and trade figures of
// its knowledge files, with the sources and projects of net (the network
// loaded from the same files, see Load) and the links each project adds.
// Every problem is reported at once in a *network.ValidationError with
// file:line and field, including citations of unknown sources.
func LoadKnowledge(ctx context.Context, fsys fs.FS, net *network.Network) (*kb.Bundle, error) {
	const op = "dataset.LoadKnowledge"
	var ps network.Problems
	b := &kb.Bundle{Sources: slices.Clone(net.Sources())}
	links := map[string][]string{}
	for _, l := range net.Links() {
		if l.Project != "" {
			links[l.Project] = append(links[l.Project], l.ID)
		}
	}
	for _, p := range net.Projects() {
		kp := kb.Project{Project: p, Links: links[p.ID]}
		slices.Sort(kp.Links)
		b.Projects = append(b.Projects, kp)
	}
	readAgreements(fsys, b, &ps)
	readTrade(fsys, b, &ps)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := ps.Err(); err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%w", err)
	}
	if err := kb.Check(ctx, nil, b); err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%w", err)
	}
	b.Sort()
	return b, nil
}

// ReadKnowledge reads every knowledge file present in fsys, the format
// that WriteCSV writes: sources.csv, agreements.csv with
// agreement_history.csv, projects.csv with project_history.csv and
// project_links.csv, trade.csv, documents.csv and facts.csv. Missing files
// are skipped. Malformed rows are reported at once with file:line and
// field in a *network.ValidationError; references between records (cited
// sources, facts' documents) are left to kb.Check.
func ReadKnowledge(ctx context.Context, fsys fs.FS) (*kb.Bundle, error) {
	const op = "dataset.ReadKnowledge"
	var ps network.Problems
	b := &kb.Bundle{}
	if t := readTable(fsys, "sources.csv", sourceCols, true, &ps); t != nil {
		for _, r := range t.rows {
			b.Sources = append(b.Sources, readSource(r))
		}
	}
	readAgreements(fsys, b, &ps)
	readProjects(fsys, b, &ps)
	readTrade(fsys, b, &ps)
	readDocuments(fsys, b, &ps)
	readFacts(fsys, b, &ps)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := ps.Err(); err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%w", err)
	}
	return b, nil
}

func readAgreements(fsys fs.FS, b *kb.Bundle, ps *network.Problems) {
	byID := map[string]int{}
	if t := readTable(fsys, AgreementsFile, agreementCols, true, ps); t != nil {
		for _, r := range t.rows {
			a := kb.Agreement{
				ID: r.req("id"), Name: r.req("name"), Kind: parse(r, "kind", true, kb.ParseAgreementKind),
				Parties: r.list("parties"), Signatories: r.str("signatories"), Subject: r.str("subject"),
				Project: r.str("project"), Sources: r.cites(), Note: r.str("note"), Pos: r.pos(),
			}
			if _, dup := byID[a.ID]; !dup {
				byID[a.ID] = len(b.Agreements)
			}
			b.Agreements = append(b.Agreements, a)
		}
	}
	t := readTable(fsys, AgreementHistoryFile, agreementHistoryCols, true, ps)
	if t == nil {
		return
	}
	for _, r := range t.rows {
		id := r.req("agreement")
		h := kb.AgreementChange{
			Date:   parse(r, "date", false, kb.ParseWhen), // empty: the source gives no date
			Status: parse(r, "status", true, kb.ParseAgreementStatus),
			Event:  r.req("event"), Sources: r.cites(), Pos: r.pos(),
		}
		i, ok := byID[id]
		if !ok {
			if id != "" {
				r.addf("agreement", "unknown agreement %q", id)
			}
			continue
		}
		b.Agreements[i].History = append(b.Agreements[i].History, h)
	}
}

func readProjects(fsys fs.FS, b *kb.Bundle, ps *network.Problems) {
	byID := map[string]int{}
	if t := readTable(fsys, "projects.csv", projectCols, true, ps); t != nil {
		for _, r := range t.rows {
			p := kb.Project{Project: readProject(r)}
			byID[p.ID] = len(b.Projects)
			b.Projects = append(b.Projects, p)
		}
	}
	attach := func(r *row, id string) *kb.Project {
		i, ok := byID[id]
		if !ok {
			if id != "" {
				r.addf("project", "unknown project %q", id)
			}
			return nil
		}
		return &b.Projects[i]
	}
	if t := readTable(fsys, "project_history.csv", historyCols, true, ps); t != nil {
		for _, r := range t.rows {
			h := network.StatusChange{
				Date: r.date("date"), Status: parse(r, "status", true, network.ParseStatus),
				Event: r.req("event"), Sources: r.cites(), Pos: r.pos(),
			}
			if p := attach(r, r.req("project")); p != nil {
				p.History = append(p.History, h)
			}
		}
	}
	if t := readTable(fsys, ProjectLinksFile, projectLinkCols, true, ps); t != nil {
		for _, r := range t.rows {
			l := r.req("link")
			if p := attach(r, r.req("project")); p != nil {
				p.Links = append(p.Links, l)
			}
		}
	}
	for i := range b.Projects {
		slices.Sort(b.Projects[i].Links)
	}
}

func readTrade(fsys fs.FS, b *kb.Bundle, ps *network.Problems) {
	t := readTable(fsys, TradeFile, tradeCols, true, ps)
	if t == nil {
		return
	}
	for _, r := range t.rows {
		f := trade.Figure{
			ID: r.req("id"), Flow: r.str("flow"), Scope: trade.Bilateral,
			Kind: parse(r, "kind", true, trade.ParseKind), Period: parse(r, "period", false, trade.ParsePeriod),
			Subject: r.str("subject"), USD: r.rng("usd"), Tonnes: r.rng("tonnes"), Qualifier: r.str("qualifier"),
			GrowthPct: signed(r, "growth_pct"), Announced: r.date("announced"), Reporter: r.str("reporter"),
			ReporterName: r.str("reporter_name"), Sources: r.cites(), Document: r.str("document"),
			Start: r.integer("start"), End: r.integer("end"), Doubt: r.str("doubt"), Note: r.str("note"), Pos: r.pos(),
		}
		if s := r.str("scope"); s != "" {
			f.Scope = parse(r, "scope", false, trade.ParseScope)
		}
		switch cs := r.list("countries"); {
		case len(cs) != 2:
			r.addf("countries", "want two country codes separated by ';', have %q", r.str("countries"))
		default:
			f.A, f.B = trade.SortPair(cs[0], cs[1])
		}
		b.Figures = append(b.Figures, f)
	}
}

func readDocuments(fsys fs.FS, b *kb.Bundle, ps *network.Problems) {
	t := readTable(fsys, DocumentsFile, documentCols, true, ps)
	if t == nil {
		return
	}
	for _, r := range t.rows {
		d := kb.Document{
			ID: r.str("id"), Hash: r.str("hash"), Title: r.str("title"), Lang: r.str("lang"), Date: r.date("date"),
			URL: r.str("url"), Source: r.str("source"), Text: raw(r, "text"), Pos: r.pos(),
		}
		// A document written by hand may leave its hash and id to us.
		if d.Hash == "" && d.ID == "" {
			d.Hash = kb.HashText(d.Text)
			d.ID = kb.DocumentID(d.Hash)
		}
		b.Documents = append(b.Documents, d)
	}
}

func readFacts(fsys fs.FS, b *kb.Bundle, ps *network.Problems) {
	t := readTable(fsys, FactsFile, factCols, true, ps)
	if t == nil {
		return
	}
	for _, r := range t.rows {
		f := kb.Fact{
			ID: r.req("id"), Document: r.req("document"), Kind: kb.FactKind(r.req("kind")),
			Countries: r.list("countries"), Value: signed(r, "value"), ValueMax: signed(r, "value_max"),
			Unit: r.str("unit"), Period: r.str("period"), Status: r.str("status"), GrowthPct: signed(r, "growth_pct"),
			Quote: raw(r, "quote"), Start: r.integer("start"), End: r.integer("end"), Flow: r.str("flow"),
			Qualifier: r.str("qualifier"), Subject: r.str("subject"), Project: r.str("project"),
			Parties: r.list("parties"), Place: r.str("place"), Date: r.date("date"),
			AltCountries: r.list("alt_countries"), Note: r.str("note"), Pos: r.pos(),
			Review: kb.Review{State: kb.Pending, Note: r.str("review_note")},
		}
		if s := r.str("review_state"); s != "" {
			f.Review.State = parse(r, "review_state", false, kb.ParseReviewState)
		}
		if s := r.str("reviewed_at"); s != "" {
			at, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				r.addf("reviewed_at", "%q: want an RFC 3339 time", s)
			}
			f.Review.At = at.UTC()
		}
		b.Facts = append(b.Facts, f)
	}
}

// raw returns the cell of col exactly as written (document texts and
// quotes keep their spaces: offsets and hashes depend on them).
func raw(r *row, col string) string {
	i, ok := r.t.idx[col]
	if !ok {
		return ""
	}
	return r.rec[i]
}

// signed reads col as a finite number that may be negative (nil when
// empty).
func signed(r *row, col string) *float64 {
	s := r.str(col)
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil || v != v || v > 1e300 || v < -1e300 {
		r.addf(col, "%q is not a number", s)
		return nil
	}
	return &v
}
