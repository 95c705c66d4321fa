package service

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
)

// newStoreService returns a Service over a knowledge base in a fresh file,
// closed when the test ends.
func newStoreService(t *testing.T) *Service {
	t.Helper()
	s, err := New(t.Context(), Options{Now: fixed, DB: filepath.Join(t.TempDir(), "kb.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// ingestText ingests one article (header lines, blank line, text) into s.
func ingestText(t *testing.T, s *Service, name, text string) Ingested {
	t.Helper()
	a, err := extract.ParseArticle(name, text)
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Ingest(t.Context(), []extract.Article{a}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return out[0]
}

// TestAcceptedFactsLandOnRecords is the path from news to the records, end
// to end: an English article on the Trans-Afghan railway and a Persian one
// on CASA-1000 are ingested; their project facts and an agreement fact,
// accepted, become dated steps of the projects' and an agreement's
// timelines citing the articles, which are sources; a figure fills the
// record's unknown length but not a sourced one; accepting again adds
// nothing; rejected, a fact leaves the record.
func TestAcceptedFactsLandOnRecords(t *testing.T) {
	s := newStoreService(t)
	ingest := func(name, text string) Ingested { return ingestText(t, s, name, text) }
	// findBy finds the first fact of kind with field (status or unit)
	// equal to want: a measure carries no status (labelling decision 9 of
	// extract/testdata/README.md) and is found by its unit.
	findBy := func(field string, get func(kb.Fact) string) func(Ingested, kb.FactKind, string) kb.Fact {
		return func(in Ingested, kind kb.FactKind, want string) kb.Fact {
			t.Helper()
			for _, f := range in.Facts {
				if f.Kind == kind && get(f) == want {
					return f
				}
			}
			t.Fatalf("%s: no %s fact with %s %q among %+v", in.Article, kind, field, want, in.Facts)
			return kb.Fact{}
		}
	}
	find := findBy("status", func(f kb.Fact) string { return f.Status })
	findUnit := findBy("unit", func(f kb.Fact) string { return f.Unit })
	accept := func(f kb.Fact) {
		t.Helper()
		if _, err := s.Review(t.Context(), f.ID, kb.Accepted, ""); err != nil {
			t.Fatalf("accept %s: %v", f.ID, err)
		}
	}
	project := func(id string) kb.Project {
		t.Helper()
		list, err := s.Projects(t.Context(), Params{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range list.Items {
			if p.ID == id {
				return p
			}
		}
		t.Fatalf("no project %s", id)
		return kb.Project{}
	}
	stepOf := func(p kb.Project, doc string) []network.StatusChange {
		var out []network.StatusChange
		for _, h := range p.History {
			if strings.Join(h.Sources.All, ",") == doc {
				out = append(out, h)
			}
		}
		return out
	}

	uap := ingest("uap", "date: 2025-11-20\ntitle: Construction of the Trans-Afghan railway begins\n\n"+
		"TERMEZ (UzA) – Construction of the Trans-Afghan railway began on Thursday near Termez, officials said.\n"+
		"Uzbekistan, Afghanistan and Pakistan signed a memorandum on the financing of the railway in Tashkent.\n")
	casa := ingest("casa", "date: 2025-10-09\nlang: fa\n\n"+
		"ساخت بخش افغانستان خط انتقال برق کاسا-۱۰۰۰ به طول ۵۶۲ کیلومتر ۷۰ درصد پیشرفت فیزیکی دارد. هزینه این پروژه ۱.۲ میلیارد دلار برآورد شده است.\n")

	// Projects that are not freight links are records of the dataset too.
	if tapi := project("tapi"); tapi.Kind != "pipeline" || len(tapi.Links) != 0 {
		t.Errorf("tapi = %+v, want a pipeline with no links", tapi)
	}
	before := project("trans-afghan-railway")
	if len(stepOf(before, uap.Document)) != 0 || len(stepOf(project("casa-1000"), casa.Document)) != 0 {
		t.Fatal("facts pending review are on the records")
	}

	// The Trans-Afghan railway: under construction from the article's date,
	// citing it; its sourced length stays.
	accept(find(uap, kb.ProjectF, "construction_started"))
	p := project("trans-afghan-railway")
	steps := stepOf(p, uap.Document)
	if len(steps) != 1 || steps[0].Date.String() != "2025-11-20" || steps[0].Status != network.UnderConstruction ||
		!strings.HasPrefix(steps[0].Event, "construction_started: «") {
		t.Errorf("trans-afghan-railway steps citing %s = %+v, want one under_construction on 2025-11-20", uap.Document, steps)
	}
	if p.Status() != network.UnderConstruction || len(p.History) != len(before.History)+1 || p.LengthKm != before.LengthKm {
		t.Errorf("trans-afghan-railway: status %s, %d steps, length %s; want under_construction, %d steps, length %s",
			p.Status(), len(p.History), p.LengthKm, len(before.History)+1, before.LengthKm)
	}
	if len(p.Links) == 0 || len(p.Links) != len(before.Links) {
		t.Errorf("trans-afghan-railway links %v, want %v", p.Links, before.Links)
	}

	// CASA-1000, from the seeds' record: its stage, length and cost from
	// the Persian article (three facts: a measure carries no status), a
	// step for each (the length and the cost keep the stage).
	accept(find(casa, kb.ProjectF, "under_construction"))
	accept(findUnit(casa, kb.ProjectF, "km"))
	accept(findUnit(casa, kb.ProjectF, "USD"))
	c := project("casa-1000")
	steps = stepOf(c, casa.Document)
	if len(steps) != 3 || steps[0].Date.String() != "2025-10-09" || steps[0].Status != network.UnderConstruction || steps[1].Status != network.UnderConstruction || steps[2].Status != network.UnderConstruction ||
		!strings.HasPrefix(steps[0].Event, "under_construction: «") || !strings.HasPrefix(steps[1].Event, "562 km (recorded as the length): «") || !strings.HasPrefix(steps[2].Event, "1200000000 USD (recorded as the cost): «") {
		t.Errorf("casa-1000 steps citing %s = %+v, want three under_construction on 2025-10-09", casa.Document, steps)
	}
	if c.LengthKm.Value != 562 || c.CostUSD.Value != 1.2e9 || strings.Join(c.Sources.For("length_km"), ",") != casa.Document || strings.Join(c.Sources.For("cost_usd"), ",") != casa.Document {
		t.Errorf("casa-1000 length %s, cost %s, sources %+v; want 562 and 1.2e9 citing %s", c.LengthKm, c.CostUSD, c.Sources, casa.Document)
	}

	// The agreement: a record of its own, signed on the article's date.
	accept(find(uap, kb.AgreementF, "signed"))
	as, err := s.Agreements(t.Context(), Params{"country": "UZ"})
	if err != nil {
		t.Fatal(err)
	}
	var signed *kb.Agreement
	for i, a := range as.Items {
		for _, h := range a.History {
			if strings.Join(h.Sources.All, ",") == uap.Document {
				signed = &as.Items[i]
			}
		}
	}
	if signed == nil || signed.Kind != kb.MoU || signed.Status() != kb.Signed || signed.Since().String() != "2025-11-20" || strings.Join(signed.Parties, ",") != "AF,PK,UZ" {
		t.Errorf("agreement citing %s = %+v, want an AF–PK–UZ MoU signed 2025-11-20", uap.Document, signed)
	}

	// The articles are sources the timelines cite.
	for _, in := range []Ingested{uap, casa} {
		src, err := s.Source(t.Context(), in.Document)
		if err != nil || src.Date.IsZero() || src.Title == "" {
			t.Errorf("Source(%s) = %+v, %v; want a dated, titled source", in.Document, src, err)
		}
	}

	// Accepting again changes nothing.
	accept(find(uap, kb.ProjectF, "construction_started"))
	accept(find(uap, kb.AgreementF, "signed"))
	if got := project("trans-afghan-railway"); len(got.History) != len(p.History) {
		t.Errorf("accepted twice: %d steps, want %d", len(got.History), len(p.History))
	}
	if as2, err := s.Agreements(t.Context(), Params{"country": "UZ"}); err != nil || as2.Total != as.Total {
		t.Errorf("agreements of UZ after a second acceptance: %v, %v; want %d", as2, err, as.Total)
	}
	st, err := s.Store(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Check(t.Context()); err != nil {
		t.Errorf("store check: %v", err)
	}

	// A new built-in dataset replaces its records; EnsureDataset puts the
	// news steps back, and attaching again adds nothing.
	if _, err := s.EnsureDataset(t.Context(), st, true); err != nil {
		t.Fatal(err)
	}
	if got := project("trans-afghan-railway"); len(got.History) != len(p.History) {
		t.Fatalf("after the dataset is applied again: %d steps, want %d (the dataset's %d and the news)", len(got.History), len(p.History), len(before.History))
	}
	for range 2 {
		if _, err := s.reattach(t.Context(), st); err != nil {
			t.Fatal(err)
		}
	}
	if got := project("trans-afghan-railway"); len(got.History) != len(p.History) {
		t.Errorf("reattached: %d steps, want %d", len(got.History), len(p.History))
	}
	if got := project("casa-1000"); len(stepOf(got, casa.Document)) != 3 || got.LengthKm.Value != 562 {
		t.Errorf("reattached casa-1000 = %+v, want its three steps and length back", got)
	}

	// Rejected after all, the cost leaves the record with its step.
	cost := findUnit(casa, kb.ProjectF, "USD")
	if _, err := s.Review(t.Context(), cost.ID, kb.Rejected, "a section's cost"); err != nil {
		t.Fatal(err)
	}
	if got := project("casa-1000"); len(stepOf(got, casa.Document)) != 2 || got.CostUSD.Known || got.LengthKm.Value != 562 {
		t.Errorf("rejected cost: casa-1000 = %+v, want two steps, no cost, the length", got)
	}
	accept(cost)
	if got := project("casa-1000"); len(stepOf(got, casa.Document)) != 3 || got.CostUSD.Value != 1.2e9 {
		t.Errorf("accepted cost again: casa-1000 = %+v, want three steps and the cost", got)
	}
}
