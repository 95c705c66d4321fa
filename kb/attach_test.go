package kb_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
)

func TestLookupProjectWord(t *testing.T) {
	for _, tt := range []struct {
		word        string
		status, def network.Status
		known       bool
	}{
		{"launched", network.Operational, 0, true},
		{"completed", network.Operational, 0, true},
		{"construction_started", network.UnderConstruction, 0, true},
		{"under_construction", network.UnderConstruction, 0, true},
		{"resumed", network.UnderConstruction, 0, true},
		{"planned", network.Planned, 0, true},
		{"feasibility_study", network.Planned, 0, true},
		{"acceleration_agreed", network.Planned, 0, true},
		{"proposed", network.Proposed, 0, true},
		{"stalled", network.Suspended, 0, true},
		{"delayed", 0, network.Planned, true},
		{"completion_expected", 0, network.Planned, true},
		{"financing_secured", 0, network.Planned, true},
		{"paid", 0, network.Planned, true},
		{"", 0, 0, false},
		{"rumoured", 0, 0, false},
	} {
		t.Run(tt.word, func(t *testing.T) {
			w, ok := kb.LookupProjectWord(tt.word)
			if w.Status != tt.status || w.Default != tt.def || ok != tt.known || w.Word != tt.word {
				t.Errorf("LookupProjectWord(%q) = %+v, %v; want status %v, default %v, %v", tt.word, w, ok, tt.status, tt.def, tt.known)
			}
		})
	}
}

// TestProjectWordsCoverTheExtractor reads every project status in the
// extractor's test sets (gold labels and golden output): each must be a
// row of kb.ProjectWords, so a new word fails here, not silently later.
func TestProjectWordsCoverTheExtractor(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "extract", "testdata", "*", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no extractor test sets: %v", err)
	}
	seen := map[string]bool{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var x struct {
				Kind   string  `json:"kind"`
				Status *string `json:"status"`
			}
			if json.Unmarshal(sc.Bytes(), &x) != nil || x.Kind != "project" || x.Status == nil || seen[*x.Status] {
				continue
			}
			seen[*x.Status] = true
			if _, ok := kb.LookupProjectWord(*x.Status); !ok {
				t.Errorf("%s: project status %q is not in kb.ProjectWords", name, *x.Status)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if len(seen) < 10 {
		t.Errorf("only %d project statuses in the test sets: %v", len(seen), seen)
	}
}

func TestSlug(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Trans-Afghan railway", "trans-afghan-railway"},
		{"CASA-۱۰۰۰", "casa-1000"},
		{"Khaf–Herat railway", "khaf-herat-railway"},
		{"Türkmenbaşy port", "turkmenbasy-port"},
		{"  TAPI gas pipeline ", "tapi-gas-pipeline"},
		{"", ""},
	} {
		if got := kb.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A Persian name: a stable hash, the same however it is spelt.
	a, b := kb.Slug("خط ۵۰۰ کیلوولت"), kb.Slug("خط 500 كيلوولت")
	if !strings.HasPrefix(a, "x-") || len(a) != 14 || a != b {
		t.Errorf("Slug of a Persian name = %q and %q, want one x- id", a, b)
	}
}

// records are the stored projects of the attach tests.
func records() []kb.Project {
	return []kb.Project{
		{Project: network.Project{
			ID: "casa-1000", Names: network.Names{En: "CASA-1000", Fa: "کاسا-۱۰۰۰"}, Countries: []string{"KG", "PK"}, Kind: "power_line",
			Sources: network.Citations{All: []string{"SEED-002"}},
		}},
		{Project: network.Project{
			ID: "trans-afghan-railway", Names: network.Names{En: "Trans-Afghan railway (Uzbekistan–Afghanistan–Pakistan)", Fa: "راه\u200cآهن ترانس\u200cافغان", Alt: []string{"UAP railway"}},
			Countries: []string{"AF", "PK", "UZ"}, Kind: "rail", LengthKm: network.Range{Value: 764, Min: 573, Max: 850, Known: true},
			History: []network.StatusChange{
				{Date: day("2021-02-01"), Status: network.Planned, Event: "Roadmap signed", Sources: network.Citations{All: []string{"RAILJOURNAL-2022"}}},
				{Date: day("2025-07-17"), Status: network.Planned, Event: "Framework agreement", Sources: network.Citations{All: []string{"ARYNEWS"}}},
			},
			Sources: network.Citations{All: []string{"FRONTIER-ARA"}},
		}},
	}
}

func day(s string) network.Date {
	d, err := network.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestMatchProject(t *testing.T) {
	ps := records()
	for _, tt := range []struct {
		name string
		want int
	}{
		{"CASA-1000", 0},
		{"کاسا ۱۰۰۰", 0},            // Persian, spaced, Persian digits
		{"راه آهن ترانس افغان", 1},  // Persian, spelt without ZWNJ
		{"Trans-Afghan railway", 1}, // without the parenthesis
		{"uap railway", 1},          // an alternative name
		{"trans afghan railway", 1}, // its slug is the id
		{"TAPI gas pipeline", -1},   // no record
		{"Herat railway", -1},       // a part of a name is not the name
		{"", -1},
	} {
		if got := kb.MatchProject(ps, tt.name); got != tt.want {
			t.Errorf("MatchProject(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func fnum(v float64) *float64 { return &v }

func TestAttachProject(t *testing.T) {
	doc := kb.Document{ID: "doc-0123456789abcdef", Title: "CASA-1000: Afghan section 70 percent complete", Date: day("2025-10-09"), Lang: "en"}
	for _, tt := range []struct {
		name    string
		fact    kb.Fact
		id      string // the record's id
		created bool
		// the record after: its status, the last step's event, length and
		// cost, and its sources
		status  network.Status
		event   string // a substring of the new step's event, "" for no step
		length  string
		cost    string
		sources string
	}{
		{"status step on a Persian-named record",
			kb.Fact{ID: "doc-0123456789abcdef#1", Project: "راه\u200cآهن ترانس افغان", Status: "construction_started", Quote: "عملیات ساخت آغاز شد"},
			"trans-afghan-railway", false, network.UnderConstruction, "construction_started: «عملیات ساخت آغاز شد» (fact doc-0123456789abcdef#1)",
			"764 (573–850)", "-", "FRONTIER-ARA"},
		{"a length does not overwrite a sourced one",
			kb.Fact{ID: "doc-0123456789abcdef#2", Project: "Trans-Afghan railway", Status: "planned", Value: fnum(647), Unit: "km", Quote: "a 647-kilometre line"},
			"trans-afghan-railway", false, network.Planned, "planned, 647 km (the record keeps its sourced 764 (573–850))",
			"764 (573–850)", "-", "FRONTIER-ARA"},
		{"a cost fills the record's unknown one and keeps its stage",
			kb.Fact{ID: "doc-0123456789abcdef#3", Project: "CASA-1000", Value: fnum(1.2e9), Unit: "USD", Quote: "is estimated to cost $1.2 billion"},
			"casa-1000", false, 0, "", // no stage yet: no step, the note keeps it
			"-", "1.2e+09", "SEED-002, doc-0123456789abcdef"},
		{"a sum paid is not the cost",
			kb.Fact{ID: "doc-0123456789abcdef#4", Project: "CASA-1000", Status: "financing_secured", Value: fnum(316e6), Unit: "USD", Quote: "approved $316 million"},
			"casa-1000", false, network.Planned, "financing_secured, 316000000 USD:",
			"-", "-", "SEED-002"},
		{"a mention cites the article, no step",
			kb.Fact{ID: "doc-0123456789abcdef#5", Project: "CASA-1000", Quote: "the CASA-1000 power project"},
			"casa-1000", false, 0, "",
			"-", "-", "SEED-002, doc-0123456789abcdef"},
		{"an unknown project is a new record",
			kb.Fact{ID: "doc-0123456789abcdef#6", Project: "TAPI gas pipeline", Countries: []string{"TM", "AF"}, Status: "under_construction", Value: fnum(816), Unit: "km", Quote: "the 816-km Afghan section of TAPI"},
			"tapi-gas-pipeline", true, network.UnderConstruction, "under_construction, 816 km (recorded as the length)",
			"816", "-", "doc-0123456789abcdef"},
		{"the fact's own date comes first",
			kb.Fact{ID: "doc-0123456789abcdef#7", Project: "UAP railway", Status: "proposed", Date: day("2018-12-01"), Quote: "proposed in 2018"},
			"trans-afghan-railway", false, network.Planned, "proposed:",
			"764 (573–850)", "-", "FRONTIER-ARA"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ps := records()
			f := tt.fact
			f.Kind = kb.ProjectF
			b, err := kb.Attach(&f, &doc, ps, nil)
			if err != nil {
				t.Fatalf("Attach: %v", err)
			}
			if len(b.Projects) != 1 || len(b.Sources) != 1 || b.Sources[0].ID != doc.ID || b.Sources[0].Title != doc.Title || b.Sources[0].Date != doc.Date {
				t.Fatalf("Attach = %+v, want one project and the document as a source", b)
			}
			p := b.Projects[0]
			if p.ID != tt.id || (kb.MatchProject(ps, f.Project) < 0) != tt.created {
				t.Errorf("record %s (created %v), want %s (created %v)", p.ID, kb.MatchProject(ps, f.Project) < 0, tt.id, tt.created)
			}
			if p.Status() != tt.status && !(tt.status == 0 && tt.event == "") {
				t.Errorf("status %v, want %v", p.Status(), tt.status)
			}
			var step *network.StatusChange
			for i, h := range p.History {
				if strings.Contains(h.Event, f.ID) {
					step = &p.History[i]
				}
			}
			switch {
			case tt.event == "" && step != nil:
				t.Errorf("step %+v, want none", step)
			case tt.event != "" && step == nil:
				t.Errorf("no step in %+v, want one with %q", p.History, tt.event)
			case step != nil:
				if !strings.Contains(step.Event, tt.event) || strings.Join(step.Sources.All, ",") != doc.ID {
					t.Errorf("step %+v, want event with %q citing %s", step, tt.event, doc.ID)
				}
				want := doc.Date
				if f.Date != 0 {
					want = f.Date
				}
				if step.Date != want {
					t.Errorf("step dated %s, want %s", step.Date, want)
				}
			}
			if got := p.LengthKm.String(); got != tt.length {
				t.Errorf("length %s, want %s", got, tt.length)
			}
			if got := p.CostUSD.String(); got != tt.cost {
				t.Errorf("cost %s, want %s", got, tt.cost)
			}
			if got := strings.Join(p.Sources.IDs(), ", "); got != tt.sources {
				t.Errorf("sources %s, want %s", got, tt.sources)
			}
			// The written record is valid, citing the bundle's source.
			if err := kb.Check(context.Background(), nil, &kb.Bundle{Projects: b.Projects, Sources: append(b.Sources, stubSources(b)...)}); err != nil {
				t.Errorf("Check: %v", err)
			}
			// Attaching again changes nothing; the stored records were not touched.
			again, err := kb.Attach(&f, &doc, b.Projects, nil)
			if err != nil || again.Len() != 0 {
				t.Errorf("Attach again = %+v, %v; want nothing", again, err)
			}
			if fresh := records(); len(ps[1].History) != len(fresh[1].History) || ps[0].CostUSD.Known {
				t.Errorf("Attach modified its input: %+v", ps)
			}
		})
	}
}

// stubSources returns a source for every id b cites that b lacks.
func stubSources(b *kb.Bundle) []network.Source {
	have := map[string]bool{}
	for _, s := range b.Sources {
		have[s.ID] = true
	}
	var out []network.Source
	add := func(c network.Citations) {
		for _, id := range c.IDs() {
			if !have[id] {
				have[id] = true
				out = append(out, network.Source{ID: id, Title: id})
			}
		}
	}
	for _, p := range b.Projects {
		add(p.Sources)
		for _, h := range p.History {
			add(h.Sources)
		}
	}
	for _, a := range b.Agreements {
		add(a.Sources)
		for _, h := range a.History {
			add(h.Sources)
		}
	}
	return out
}

func TestAttachAgreement(t *testing.T) {
	doc := kb.Document{ID: "doc-fedcba9876543210", Text: "date 2025-07-18\nurl https://example.org/x\n\nTASHKENT (UzA) – Uzbekistan, Afghanistan and Pakistan signed a framework agreement on Thursday.", Date: day("2025-07-18")}
	stored := []kb.Agreement{{
		ID: "uap-framework", Name: "Framework agreement on the joint feasibility study of the Trans-Afghan railway", Kind: kb.Framework,
		Parties: []string{"AF", "PK", "UZ"}, Subject: "joint feasibility study",
		History: []kb.AgreementChange{{Date: kb.Exactly(day("2025-07-17")), Status: kb.Signed, Event: "signed in Kabul", Sources: network.Citations{All: []string{"ARYNEWS"}}}},
		Sources: network.Citations{All: []string{"ARYNEWS"}},
	}}
	for _, tt := range []struct {
		name   string
		fact   kb.Fact
		id     string
		kind   kb.AgreementKind
		status kb.AgreementStatus
		steps  int
	}{
		{"matched by subject", kb.Fact{ID: "doc-fedcba9876543210#1", Countries: []string{"UZ", "AF", "PK"}, Status: "in_force", Subject: "Joint feasibility study", Quote: "came into force"},
			"uap-framework", kb.Framework, kb.InForce, 2},
		{"a new record", kb.Fact{ID: "doc-fedcba9876543210#2", Countries: []string{"AF", "PK", "UZ"}, Status: "signed", Quote: "Uzbekistan, Afghanistan and Pakistan signed a framework agreement on Thursday"},
			"news-af-pk-uz-uzbekistan-afghanistan-and-pakistan-signed-a-framework", kb.Framework, kb.Signed, 1},
		{"a Persian memorandum", kb.Fact{ID: "doc-fedcba9876543210#3", Countries: []string{"IR", "TJ"}, Status: "signed", Quote: "یادداشت تفاهم همکاری در زمینه حمل و نقل جاده ای"},
			"", kb.MoU, kb.Signed, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.fact
			f.Kind = kb.AgreementF
			b, err := kb.Attach(&f, &doc, nil, stored)
			if err != nil {
				t.Fatalf("Attach: %v", err)
			}
			if len(b.Agreements) != 1 || len(b.Sources) != 1 || b.Sources[0].ID != doc.ID {
				t.Fatalf("Attach = %+v, want one agreement and the document as a source", b)
			}
			a := b.Agreements[0]
			if tt.id != "" && a.ID != tt.id {
				t.Errorf("id %s, want %s", a.ID, tt.id)
			}
			if a.Kind != tt.kind || a.Status() != tt.status || len(a.History) != tt.steps || a.Since().Date != doc.Date {
				t.Errorf("agreement %s: %s %s since %s, %d steps; want %s %s since %s, %d steps", a.ID, a.Kind, a.Status(), a.Since(), len(a.History), tt.kind, tt.status, doc.Date, tt.steps)
			}
			if last := a.History[len(a.History)-1]; !strings.HasSuffix(last.Event, "(fact "+f.ID+")") || last.Sources.All[0] != doc.ID {
				t.Errorf("last step %+v, want the fact's, citing %s", last, doc.ID)
			}
			if b.Sources[0].Title == "" || strings.HasPrefix(b.Sources[0].Title, "date") || b.Sources[0].Title != "TASHKENT (UzA) – Uzbekistan, Afghanistan and Pakistan signed a framework agreement on…" {
				t.Errorf("source title %q, want the article's first words", b.Sources[0].Title)
			}
			if err := kb.Check(context.Background(), nil, &kb.Bundle{Agreements: b.Agreements, Sources: append(b.Sources, stubSources(b)...)}); err != nil {
				t.Errorf("Check: %v", err)
			}
			again, err := kb.Attach(&f, &doc, nil, b.Agreements)
			if err != nil || again.Len() != 0 {
				t.Errorf("Attach again = %+v, %v; want nothing", again, err)
			}
		})
	}
	f := kb.Fact{ID: "doc-fedcba9876543210#9", Kind: kb.AgreementF, Countries: []string{"AF"}, Status: "signed"}
	if _, err := kb.Attach(&f, &doc, nil, stored); err == nil {
		t.Errorf("Attach of a one-party agreement: want an error")
	}
	f = kb.Fact{ID: "doc-fedcba9876543210#10", Kind: kb.ProjectF, Status: "launched"}
	if _, err := kb.Attach(&f, &doc, nil, stored); err == nil {
		t.Errorf("Attach of a project fact with no project: want an error")
	}
	f = kb.Fact{ID: "doc-fedcba9876543210#11", Kind: kb.TradeValue}
	if b, err := kb.Attach(&f, &doc, nil, stored); err != nil || b.Len() != 0 {
		t.Errorf("Attach of a trade fact = %+v, %v; want nothing", b, err)
	}
}

func TestDetach(t *testing.T) {
	doc := kb.Document{ID: "doc-0123456789abcdef", Title: "news", Date: day("2025-10-09")}
	for _, tt := range []struct {
		name string
		fact kb.Fact
	}{
		{"a status step", kb.Fact{ID: "doc-0123456789abcdef#1", Project: "Trans-Afghan railway", Status: "stalled", Quote: "work stalled"}},
		{"a step that filled a length", kb.Fact{ID: "doc-0123456789abcdef#2", Project: "CASA-1000", Status: "under_construction", Value: fnum(562), Unit: "km", Quote: "562 km"}},
		{"a note that filled a cost", kb.Fact{ID: "doc-0123456789abcdef#3", Project: "CASA-1000", Value: fnum(1.2e9), Unit: "USD", Quote: "$1.2 billion"}},
		{"a figure the record kept", kb.Fact{ID: "doc-0123456789abcdef#4", Project: "Trans-Afghan railway", Status: "planned", Value: fnum(647), Unit: "km", Quote: "647 km"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ps := records()
			f := tt.fact
			f.Kind = kb.ProjectF
			i := kb.MatchProject(ps, f.Project)
			b, err := kb.Attach(&f, &doc, ps, nil)
			if err != nil || len(b.Projects) != 1 {
				t.Fatalf("Attach = %+v, %v", b, err)
			}
			ps[i] = b.Projects[0]
			d, kept := kb.Detach(&f, &doc, ps, nil)
			if len(d.Projects) != 1 || len(kept) != 0 {
				t.Fatalf("Detach = %+v, %v; want the record", d, kept)
			}
			got, want := d.Projects[0], records()[i]
			if len(got.History) != len(want.History) || got.LengthKm != want.LengthKm || got.CostUSD != want.CostUSD ||
				got.Note != want.Note || len(got.Sources.ByField) != len(want.Sources.ByField) {
				t.Errorf("detached %+v, want %+v", got, want)
			}
			if again, _ := kb.Detach(&f, &doc, d.Projects, nil); again.Len() != 0 {
				t.Errorf("Detach again = %+v, want nothing", again)
			}
		})
	}
	// An agreement keeps its only step; one with another step loses f's.
	a := kb.Agreement{ID: "a", Name: "a", Kind: kb.MoU, Parties: []string{"AF", "UZ"}, Sources: network.Citations{All: []string{"S"}},
		History: []kb.AgreementChange{{Status: kb.Signed, Event: "signed", Sources: network.Citations{All: []string{"S"}}}}}
	f := kb.Fact{ID: "doc-0123456789abcdef#5", Kind: kb.AgreementF, Countries: []string{"AF", "UZ"}, Status: "in_force", Subject: "a", Quote: "in force"}
	b, err := kb.Attach(&f, &doc, nil, []kb.Agreement{a})
	if err != nil || len(b.Agreements) != 1 || len(b.Agreements[0].History) != 2 {
		t.Fatalf("Attach = %+v, %v", b, err)
	}
	if d, kept := kb.Detach(&f, &doc, nil, b.Agreements); len(d.Agreements) != 1 || len(d.Agreements[0].History) != 1 || len(kept) != 0 {
		t.Errorf("Detach = %+v, %v; want the agreement with its own step", d, kept)
	}
	f.Subject = "b"
	b, _ = kb.Attach(&f, &doc, nil, nil)
	if d, kept := kb.Detach(&f, &doc, nil, b.Agreements); d.Len() != 0 || len(kept) != 1 {
		t.Errorf("Detach of an agreement's only step = %+v, %v; want it kept", d, kept)
	}
}
