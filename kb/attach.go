package kb

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/script"
)

// ProjectWord is one row of the table that reads the extractor's status
// words for projects (extract's CueStatus codes and the rules that derive
// from them, corpus/seeds/README.md): the stage of the network it states,
// and the stage assumed when the record has none yet.
type ProjectWord struct {
	Word string // the extractor's word: "construction_started"
	// Status is the stage the word states; 0 when the word says nothing of
	// the stage (a delay, a sum paid), so the record keeps its own.
	Status network.Status
	// Default is the stage a step takes when Status is 0 and the record
	// has no stage yet on that date; 0: no step, the article is cited only.
	Default network.Status
}

// ProjectWords is the one table of project status words. A word that is
// not in it is kept in the step's event and states no stage.
var ProjectWords = []ProjectWord{
	{"launched", network.Operational, 0},
	{"completed", network.Operational, 0},
	{"construction_started", network.UnderConstruction, 0},
	{"under_construction", network.UnderConstruction, 0},
	{"resumed", network.UnderConstruction, 0},
	{"planned", network.Planned, 0},
	{"feasibility_study", network.Planned, 0},
	{"land_acquisition", network.Planned, 0},
	{"acceleration_agreed", network.Planned, 0},
	{"proposed", network.Proposed, 0},
	{"stalled", network.Suspended, 0},
	{"delayed", 0, network.Planned},
	{"completion_expected", 0, network.Planned},
	{"financing_secured", 0, network.Planned},
	{"financing_pledged", 0, network.Planned},
	{"paid", 0, network.Planned},
}

// LookupProjectWord returns the row of ProjectWords for word, and false
// (with a row that states nothing) for a word not in the table.
func LookupProjectWord(word string) (ProjectWord, bool) {
	for _, w := range ProjectWords {
		if w.Word == word {
			return w, true
		}
	}
	return ProjectWord{Word: word}, false
}

// projectAttribute says which sourced range of a project a measured
// project fact fills: by the fact's unit, and not for a sum paid or a
// financing secured (a part of the cost, not the cost).
var projectAttributes = []struct {
	unit, field, label string
	skip               []string // statuses whose figure is not the attribute
}{
	{"km", "length_km", "length", nil},
	{"USD", "cost_usd", "cost", []string{"paid", "financing_secured", "financing_pledged"}},
	{"t/yr", "capacity_tpy", "capacity", nil},
}

// rangeOf returns the range of p that field names.
func rangeOf(p *Project, field string) *network.Range {
	switch field {
	case "length_km":
		return &p.LengthKm
	case "cost_usd":
		return &p.CostUSD
	case "capacity_tpy":
		return &p.CapacityTPY
	}
	return nil
}

// projectKinds guesses the kind of a new project record from its name:
// the first row whose word the name's key contains.
var projectKinds = []struct{ word, kind string }{
	{"railway", "rail"}, {"railroad", "rail"}, {"rail", "rail"}, {"راهآهن", "rail"}, {"خطآهن", "rail"}, {"ریلی", "rail"},
	{"pipeline", "pipeline"}, {"خطلوله", "pipeline"},
	{"powerline", "power_line"}, {"transmission", "power_line"}, {"kv", "power_line"}, {"کیلوولت", "power_line"}, {"خطانتقال", "power_line"},
	{"hydropower", "power_plant"}, {"powerplant", "power_plant"}, {"نیروگاه", "power_plant"}, {"dam", "power_plant"},
	{"canal", "canal"}, {"کانال", "canal"},
	{"port", "port"}, {"بندر", "port"},
	{"terminal", "terminal"}, {"پایانه", "terminal"}, {"ترمینال", "terminal"},
	{"corridor", "multimodal"}, {"کریدور", "multimodal"}, {"دهلیز", "multimodal"},
	{"highway", "road"}, {"road", "road"}, {"bridge", "road"}, {"tunnel", "road"}, {"بزرگراه", "road"}, {"جاده", "road"},
}

// ProjectKind returns the kind of project name suggests (rail, pipeline,
// power_line, power_plant, canal, port, terminal, multimodal, road), or
// "other".
func ProjectKind(name string) string {
	k := script.Key(name)
	for _, r := range projectKinds {
		if strings.Contains(k, r.word) {
			return r.kind
		}
	}
	return "other"
}

// nameKeys returns the lookup keys of a name: its script.Key, and when it
// ends in a parenthesis, the keys of the name without it and of what the
// parenthesis holds ("Middle Corridor (Trans-Caspian …)").
func nameKeys(name string) []string {
	var keys []string
	add := func(s string) {
		if k := script.Key(s); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	add(name)
	s := strings.TrimSpace(name)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			add(s[:i])
			add(s[i+1 : len(s)-1])
		}
	}
	return keys
}

// MatchProject returns the index in ps of the project called name in any
// of its languages (script.Key folds spelling: «راه‌آهن ترانس افغان» is
// «راه‌آهن ترانس‌افغان», a name's trailing parenthesis is optional), else
// of the project whose id is Slug(name), else -1. When several match, the
// first in ps wins.
func MatchProject(ps []Project, name string) int {
	want := nameKeys(name)
	if len(want) == 0 {
		return -1
	}
	for i := range ps {
		for _, n := range ps[i].Names.All() {
			for _, k := range nameKeys(n) {
				if slices.Contains(want, k) {
					return i
				}
			}
		}
	}
	id := Slug(name)
	for i := range ps {
		if ps[i].ID == id {
			return i
		}
	}
	return -1
}

// Slug returns a stable record id for name: its letters and digits in
// lower-case ASCII (Latin diacritics and Persian digits folded as
// script.Key folds them), words joined by '-', cut at a word's end to at
// most 60 bytes ("CASA-۱۰۰۰" → "casa-1000"). A name with letters of another script gets
// "x-" and 12 hex digits of the SHA-256 of its key instead.
func Slug(name string) string {
	var b strings.Builder
	sep := false
	for _, r := range name {
		k := script.Key(string(r))
		if k == "" {
			if unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' || r == '_' || r == '.' || r == '\'' || r == '’' {
				sep = b.Len() > 0
			}
			continue
		}
		for _, c := range k {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if sep {
					b.WriteByte('-')
					sep = false
				}
				b.WriteRune(c)
			case unicode.IsLetter(c) || unicode.IsDigit(c):
				h := sha256.Sum256([]byte(script.Key(name)))
				return "x-" + hex.EncodeToString(h[:6])
			default:
				sep = b.Len() > 0
			}
		}
	}
	s := b.String()
	if len(s) > 60 {
		if i := strings.LastIndexByte(s[:61], '-'); i > 0 {
			s = s[:i] // at a word's end
		} else {
			s = s[:60]
		}
	}
	return s
}

// DocumentSource returns the source a record cites for document d: the
// dataset source d is (Source set; then it is not written again, ok is
// false), or a new source whose id is the document's, with its title (or
// its first words), URL and date.
func DocumentSource(d *Document) (src network.Source, ok bool) {
	if d.Source != "" {
		return network.Source{ID: d.Source}, false
	}
	title := d.Title
	if title == "" {
		title = firstWords(d.Text, 12, 100)
	}
	if title == "" {
		title = "document " + d.ID
	}
	return network.Source{
		ID: d.ID, Title: title, URL: d.URL, Date: d.Date,
		Note: "News article " + d.ID + " of the knowledge base, cited by the facts accepted from it.",
	}, true
}

// ArticleHeaderKeys are the keys of an article file's header lines
// ("date: 2025-10-09", "url …"), which extract.ParseArticle reads and a
// document's title skips.
var ArticleHeaderKeys = []string{"date", "title", "source", "url", "lang", "language", "publisher", "outlet", "author", "country", "site", "id", "headline"}

// firstWords returns at most n words (and max bytes) of text, after the
// header lines of an article file ("date 2025-10-09", "url …"), with "…"
// when cut.
func firstWords(text string, n, max int) string {
	lines := strings.Split(text, "\n")
	var words []string
	header := true
	for _, l := range lines {
		f := strings.Fields(l)
		if header && len(f) > 0 {
			key := strings.TrimSuffix(strings.ToLower(f[0]), ":")
			if slices.Contains(ArticleHeaderKeys, key) {
				if key == "date" && len(f) > 2 { // "date 2025-12-04 پاکستان و …": text on the date line
					f = f[2:]
				} else {
					continue
				}
			}
			header = false
		}
		words = append(words, f...)
		if len(words) > n {
			break
		}
	}
	cut := len(words) > n
	if cut {
		words = words[:n]
	}
	s := strings.Join(words, " ")
	if len(s) > max {
		s, cut = cutBytes(s, max), true
	}
	if cut && s != "" {
		s += "…"
	}
	return s
}

// factMark ends the event of a step that fact id wrote: a second
// acceptance of the same fact finds it and adds nothing.
func factMark(id string) string { return "(fact " + id + ")" }

// quoteText returns q shortened to about 200 bytes, in guillemets.
func quoteText(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if len(q) > 200 {
		q = cutBytes(q, 200) + "…"
	}
	return "«" + q + "»"
}

// cutBytes returns s cut to at most n bytes without splitting a
// character.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// figureText writes the value of a measured fact with its unit.
func figureText(f *Fact) string {
	if f.Value == nil {
		return ""
	}
	s := strconv.FormatFloat(*f.Value, 'f', -1, 64)
	if f.ValueMax != nil && *f.ValueMax > *f.Value {
		s += "–" + strconv.FormatFloat(*f.ValueMax, 'f', -1, 64)
	}
	if f.Unit != "" {
		s += " " + f.Unit
	}
	return s
}

// Attach returns the records that accepting fact f (of document doc)
// writes, for Store.Apply: for a project fact, the project it names
// (matched in projects by MatchProject, or a new record with id
// Slug(name), the kind ProjectKind suggests and the fact's countries) with
// a dated status step citing the document — its status from ProjectWords,
// the extractor's word, the figure and the quote in the event — and a
// length, cost or capacity filled in from the fact when the record has
// none (a sourced figure is kept; the article's figure goes into the
// event); for an agreement fact, likewise the agreement (see
// AttachAgreement). The document becomes a source (DocumentSource) in the
// bundle. The step's date is the fact's date, else the document's; an
// undated fact, or one that states nothing new (a mere mention), cites the
// document in the record's sources without a step.
//
// Attach is idempotent: a fact already attached gives an empty bundle, as
// do facts of other kinds. It does not modify its arguments. A fact that
// names no project, or an agreement with fewer than two parties, is an
// error of kind Invalid.
func Attach(f *Fact, doc *Document, projects []Project, agreements []Agreement) (*Bundle, error) {
	var b Bundle
	switch f.Kind {
	case ProjectF:
		p, changed, err := AttachProject(projects, f, doc)
		if err != nil || !changed {
			return &b, err
		}
		b.Projects = []Project{p}
	case AgreementF:
		a, changed, err := AttachAgreement(agreements, f, doc)
		if err != nil || !changed {
			return &b, err
		}
		b.Agreements = []Agreement{a}
	default:
		return &b, nil
	}
	if src, ok := DocumentSource(doc); ok {
		b.Sources = []network.Source{src}
	}
	return &b, nil
}

// cloneProject returns a deep copy of the parts of p that attaching writes.
func cloneProject(p Project) Project {
	p.History = slices.Clone(p.History)
	p.Countries = slices.Clone(p.Countries)
	p.Links = slices.Clone(p.Links)
	p.Sources = cloneCitations(p.Sources)
	return p
}

func cloneCitations(c network.Citations) network.Citations {
	out := network.Citations{All: slices.Clone(c.All)}
	if c.ByField != nil {
		out.ByField = make(map[string][]string, len(c.ByField))
		for k, v := range c.ByField {
			out.ByField[k] = slices.Clone(v)
		}
	}
	return out
}

// citeAll adds id to c.All unless it is there.
func citeAll(c *network.Citations, id string) bool {
	if slices.Contains(c.All, id) {
		return false
	}
	c.All = append(c.All, id)
	return true
}

// newProject returns the record of a project first heard of in fact f.
func newProject(f *Fact, doc *Document, name string) Project {
	p := Project{Project: network.Project{
		ID: Slug(name), Names: network.Names{En: name}, Kind: ProjectKind(name),
		Countries: slices.Clone(f.Countries),
	}}
	if p.Countries == nil {
		p.Countries = []string{}
	}
	slices.Sort(p.Countries)
	p.Countries = slices.Compact(p.Countries)
	if strings.HasPrefix(p.ID, "x-") {
		// A name in another script (Persian): kept in its language too,
		// and as the English name, which a record requires.
		switch doc.Lang {
		case "prs":
			p.Names.Prs = name
		default:
			p.Names.Fa = name
		}
	}
	return p
}

// AttachProject returns project fact f attached to its record (see
// Attach), whether the record changed, and an Invalid error when f names
// no project.
func AttachProject(projects []Project, f *Fact, doc *Document) (Project, bool, error) {
	name := strings.TrimSpace(f.Project)
	if name == "" || Slug(name) == "" {
		return Project{}, false, caravan.Errorf(caravan.Invalid, "kb.AttachProject", "fact %s: names no project", f.ID)
	}
	var p Project
	created := false
	if i := MatchProject(projects, name); i >= 0 {
		p = cloneProject(projects[i])
	} else {
		p, created = newProject(f, doc, name), true
	}
	mark := factMark(f.ID)
	if strings.Contains(p.Note, mark) {
		return p, false, nil // attached before, without a step
	}
	for _, h := range p.History {
		if strings.HasSuffix(h.Event, mark) {
			return p, false, nil // attached before
		}
	}
	src, _ := DocumentSource(doc)
	cite := src.ID
	changed := created
	if created {
		citeAll(&p.Sources, cite)
	}

	word, _ := LookupProjectWord(f.Status)
	var parts []string
	if f.Status != "" {
		parts = append(parts, f.Status)
	}
	if f.Status == "completion_expected" && f.Period != "" {
		parts = append(parts, "by "+f.Period)
	}
	if fig := figureText(f); fig != "" {
		note := fig
		for _, a := range projectAttributes {
			if a.unit != f.Unit || slices.Contains(a.skip, f.Status) {
				continue
			}
			r := rangeOf(&p, a.field)
			switch {
			case !r.Known:
				*r = network.Exact(*f.Value)
				if f.ValueMax != nil && *f.ValueMax > *f.Value {
					r.Max = *f.ValueMax
				}
				if p.Sources.ByField == nil {
					p.Sources.ByField = map[string][]string{}
				}
				p.Sources.ByField[a.field] = []string{cite}
				note += " (recorded as the " + a.label + ")"
				changed = true
			case r.Value != *f.Value:
				note += " (the record keeps its sourced " + r.String() + ")"
			}
		}
		parts = append(parts, note)
	}
	if len(parts) == 0 {
		// A mention: the article is a source of the record, no step.
		if citeAll(&p.Sources, cite) {
			changed = true
		}
		return p, changed, nil
	}
	date := f.Date
	if date == 0 {
		date = doc.Date
	}
	status := word.Status
	if status == 0 && date != 0 {
		status = p.StatusOn(date)
	}
	if status == 0 {
		status = word.Default
	}
	if date == 0 || status == 0 {
		// No date or no stage to give a step: the article is cited by the
		// record, and what it said kept in the note.
		citeAll(&p.Sources, cite)
		p.Note = strings.TrimSpace(p.Note + " " + cite + ": " + strings.Join(parts, ", ") + " " + mark + ".")
		return p, true, nil
	}
	step := network.StatusChange{
		Date: date, Status: status,
		Event:   strings.Join(parts, ", ") + ": " + quoteText(f.Quote) + " " + mark,
		Sources: network.Citations{All: []string{cite}},
	}
	at := len(p.History)
	for at > 0 && p.History[at-1].Date > date {
		at--
	}
	p.History = slices.Insert(p.History, at, step)
	return p, true, nil
}

// agreementKinds reads the kind of a new agreement from its quote: the
// first row whose word the quote's key contains.
var agreementKinds = []struct {
	word string
	kind AgreementKind
}{
	{"memorand", MoU}, {"یادداشتتفاهم", MoU}, {"تفاهمنامه", MoU}, {"mou", MoU},
	{"roadmap", Roadmap}, {"نقشهراه", Roadmap}, {"actionplan", Roadmap}, {"برنامهاقدام", Roadmap},
	{"framework", Framework}, {"چارچوب", Framework},
	{"protocol", Protocol}, {"پروتکل", Protocol}, {"پروتکول", Protocol},
	{"convention", Convention}, {"کنوانسیون", Convention},
	{"treaty", Treaty}, {"agreement", Treaty}, {"موافقتنامه", Treaty}, {"قرارداد", Treaty}, {"معاهده", Treaty},
}

// AgreementKindOf returns the kind of instrument quote names, Commitment
// when it names none.
func AgreementKindOf(quote string) AgreementKind {
	k := script.Key(quote)
	for _, r := range agreementKinds {
		if strings.Contains(k, r.word) {
			return r.kind
		}
	}
	return Commitment
}

// MatchAgreement returns the index in as of the agreement between exactly
// parties whose name or subject is name (by script.Key), else of the one
// whose id is id, else -1.
func MatchAgreement(as []Agreement, parties []string, name, id string) int {
	if k := script.Key(name); k != "" {
		for i := range as {
			if slices.Equal(as[i].Parties, parties) && (script.Key(as[i].Name) == k || script.Key(as[i].Subject) == k) {
				return i
			}
		}
	}
	for i := range as {
		if as[i].ID == id {
			return i
		}
	}
	return -1
}

// AttachAgreement returns agreement fact f attached to its record: the
// agreement between the fact's parties (Parties, else Countries) named as
// the fact's subject, or else a new record named after the subject (or the
// quote), with id "news-", the parties and Slug(name), the kind
// AgreementKindOf reads in the quote. The step's status is the fact's
// (signed, agreed, negotiating, …); its date the fact's or the document's
// (an undated step comes first). It reports whether the record changed;
// an unknown status or fewer than two parties is an error of kind Invalid.
func AttachAgreement(as []Agreement, f *Fact, doc *Document) (Agreement, bool, error) {
	const op = "kb.AttachAgreement"
	status, err := ParseAgreementStatus(f.Status)
	if err != nil {
		return Agreement{}, false, caravan.Errorf(caravan.Invalid, op, "fact %s: %v", f.ID, err)
	}
	parties := slices.Clone(f.Parties)
	if len(parties) == 0 {
		parties = slices.Clone(f.Countries)
	}
	slices.Sort(parties)
	parties = slices.Compact(parties)
	if len(parties) < 2 {
		return Agreement{}, false, caravan.Errorf(caravan.Invalid, op, "fact %s: want at least two parties, have %q", f.ID, parties)
	}
	name := strings.TrimSpace(f.Subject)
	if name == "" {
		name = firstWords(f.Quote, 16, 160)
	}
	slug := Slug(name)
	if slug == "" {
		slug = Slug(f.ID)
	}
	id := "news-" + strings.ToLower(strings.Join(parties, "-")) + "-" + slug
	var a Agreement
	created := false
	if i := MatchAgreement(as, parties, strings.TrimSpace(f.Subject), id); i >= 0 {
		a = as[i]
		a.History = slices.Clone(a.History)
		a.Sources = cloneCitations(a.Sources)
	} else {
		a = Agreement{ID: id, Name: name, Kind: AgreementKindOf(f.Quote), Parties: parties, Subject: f.Subject}
		created = true
	}
	mark := factMark(f.ID)
	for _, h := range a.History {
		if strings.HasSuffix(h.Event, mark) {
			return a, false, nil
		}
	}
	src, _ := DocumentSource(doc)
	if created {
		citeAll(&a.Sources, src.ID)
	}
	date := f.Date
	if date == 0 {
		date = doc.Date
	}
	step := AgreementChange{
		Date: When{Date: date}, Status: status,
		Event:   fmt.Sprintf("%s: %s %s", f.Status, quoteText(f.Quote), mark),
		Sources: network.Citations{All: []string{src.ID}},
	}
	at := len(a.History)
	for at > 0 && a.History[at-1].Date.Date > date {
		at--
	}
	a.History = slices.Insert(a.History, at, step)
	return a, true, nil
}

// Detach returns the records that withdrawing fact f writes (rejected, or
// back to pending, after it was accepted): every project and agreement
// loses the steps f added, and a project the length, cost or capacity f
// filled in (when the figure still cites only f's document). The document
// stays a source, and so do records f created. An agreement that would be
// left with no step is left as it is (a record needs one) and its id
// returned in kept. Detach does not modify its arguments; a fact never
// attached gives an empty bundle.
func Detach(f *Fact, doc *Document, projects []Project, agreements []Agreement) (b *Bundle, kept []string) {
	b = &Bundle{}
	mark := factMark(f.ID)
	src, _ := DocumentSource(doc)
	for _, p := range projects {
		hit := strings.Contains(p.Note, mark) || slices.ContainsFunc(p.History, func(h network.StatusChange) bool { return strings.HasSuffix(h.Event, mark) })
		if !hit {
			continue
		}
		p = cloneProject(p)
		var said []string // what f said: the events and note it wrote
		p.History = slices.DeleteFunc(p.History, func(h network.StatusChange) bool {
			if strings.HasSuffix(h.Event, mark) {
				said = append(said, h.Event)
				return true
			}
			return false
		})
		if i := strings.Index(p.Note, mark+"."); i >= 0 {
			start := strings.LastIndex(p.Note[:i], src.ID+": ")
			if start < 0 {
				start = i
			}
			said = append(said, p.Note[start:i])
			p.Note = strings.TrimSpace(strings.TrimSpace(p.Note[:start]) + " " + strings.TrimSpace(p.Note[i+len(mark)+1:]))
		}
		for _, a := range projectAttributes {
			recorded := slices.ContainsFunc(said, func(s string) bool { return strings.Contains(s, "(recorded as the "+a.label+")") })
			if recorded && slices.Equal(p.Sources.ByField[a.field], []string{src.ID}) {
				*rangeOf(&p, a.field) = network.Range{}
				delete(p.Sources.ByField, a.field)
			}
		}
		b.Projects = append(b.Projects, p)
	}
	for _, a := range agreements {
		n := 0
		for _, h := range a.History {
			if strings.HasSuffix(h.Event, mark) {
				n++
			}
		}
		switch {
		case n == 0:
			continue
		case n == len(a.History):
			kept = append(kept, a.ID)
			continue
		}
		a.History = slices.DeleteFunc(slices.Clone(a.History), func(h AgreementChange) bool { return strings.HasSuffix(h.Event, mark) })
		a.Sources = cloneCitations(a.Sources)
		b.Agreements = append(b.Agreements, a)
	}
	return b, kept
}
