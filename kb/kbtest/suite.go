package kbtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// Open returns a new, empty, migrated store for one test; the suite closes
// it.
type Open func(tb testing.TB) kb.Store

// Run runs the contract tests of kb.Store against the stores open returns.
func Run(t *testing.T, open Open) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, kb.Store)
	}{
		{"ApplyAndReadBack", testApplyReadBack},
		{"ApplyTwiceChangesNothing", testIdempotent},
		{"ApplyUpdatesChangedRecords", testUpdate},
		{"ApplyIsAtomic", testAtomic},
		{"Filters", testFilters},
		{"Pages", testPages},
		{"AddDocumentIsIdempotent", testAddDocument},
		{"Review", testReview},
		{"AcceptedFactsJoinFigures", testAcceptedFigures},
		{"DocumentLookup", testDocumentLookup},
		{"Meta", testMeta},
		{"CheckAndEmpty", testEmpty},
		{"ConcurrentWriters", testConcurrent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

// read returns everything s holds as a sorted bundle.
func read(tb testing.TB, s kb.Store) *kb.Bundle {
	tb.Helper()
	ctx := context.Background()
	var b kb.Bundle
	var err error
	if b.Sources, err = s.Sources(ctx); err != nil {
		tb.Fatal(err)
	}
	if b.Agreements, _, err = s.Agreements(ctx, kb.AgreementFilter{}); err != nil {
		tb.Fatal(err)
	}
	if b.Projects, _, err = s.Projects(ctx, kb.ProjectFilter{}); err != nil {
		tb.Fatal(err)
	}
	if b.Figures, err = s.Figures(ctx, kb.FigureFilter{}); err != nil {
		tb.Fatal(err)
	}
	if b.Documents, _, err = s.Documents(ctx, kb.DocumentFilter{}); err != nil {
		tb.Fatal(err)
	}
	if b.Facts, _, err = s.Facts(ctx, kb.FactFilter{}); err != nil {
		tb.Fatal(err)
	}
	return &b
}

// same reports the first difference between two bundles, by JSON.
func same(tb testing.TB, got, want *kb.Bundle) {
	tb.Helper()
	want.Sort()
	got.Sort()
	for _, part := range []struct {
		name      string
		got, want any
	}{
		{"sources", got.Sources, want.Sources}, {"agreements", got.Agreements, want.Agreements},
		{"projects", got.Projects, want.Projects}, {"figures", got.Figures, want.Figures},
		{"documents", got.Documents, want.Documents}, {"facts", got.Facts, want.Facts},
	} {
		g, _ := json.MarshalIndent(part.got, "", " ")
		w, _ := json.MarshalIndent(part.want, "", " ")
		if string(g) != string(w) {
			tb.Errorf("%s read back differ:\ngot  %s\nwant %s", part.name, g, w)
		}
	}
}

func apply(tb testing.TB, s kb.Store, b *kb.Bundle) kb.Stats {
	tb.Helper()
	ctx := context.Background()
	if err := kb.Check(ctx, s, b); err != nil {
		tb.Fatalf("fixture does not check: %v", err)
	}
	st, err := s.Apply(ctx, b)
	if err != nil {
		tb.Fatalf("Apply: %v", err)
	}
	return st
}

func testApplyReadBack(t *testing.T, s kb.Store) {
	want := Fixture(t)
	st := apply(t, s, want)
	wantStats := kb.Stats{
		Sources: kb.Counts{Inserted: 2}, Agreements: kb.Counts{Inserted: 3}, Projects: kb.Counts{Inserted: 2},
		Figures: kb.Counts{Inserted: 5}, Documents: kb.Counts{Inserted: 1}, Facts: kb.Counts{Inserted: 3},
	}
	if st != wantStats {
		t.Errorf("Apply stats = %+v, want %+v", st, wantStats)
	}
	same(t, read(t, s), Fixture(t))
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func testIdempotent(t *testing.T, s kb.Store) {
	apply(t, s, Fixture(t))
	before := read(t, s)
	st := apply(t, s, Fixture(t))
	if st.Changed() != 0 {
		t.Errorf("second Apply changed %d records (%s), want 0", st.Changed(), st)
	}
	// What the store returns, written back, is also unchanged.
	st = apply(t, s, read(t, s))
	if st.Changed() != 0 {
		t.Errorf("Apply of the read-back records changed %d (%s), want 0", st.Changed(), st)
	}
	same(t, read(t, s), before)
}

func testUpdate(t *testing.T, s kb.Store) {
	apply(t, s, Fixture(t))
	b := Fixture(t)
	a := &b.Agreements[0]
	a.History = append(a.History, kb.AgreementChange{Date: mustWhen(t, "2026-03-01"), Status: kb.Signed, Event: "signed", Sources: cites("SRC-A")})
	a.Parties = []string{"CN", "KG", "PK"}
	p := &b.Projects[0]
	p.History = p.History[:1]
	p.Links = []string{"x-link"}
	b.Figures[0].USD = network.Exact(990e6)
	b.Facts[1].Review = kb.Review{State: kb.Accepted, At: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}
	st := apply(t, s, b)
	if st.Agreements.Updated != 1 || st.Projects.Updated != 1 || st.Figures.Updated != 1 || st.Facts.Updated != 1 || st.Changed() != 4 {
		t.Errorf("stats = %s, want one agreement, project, figure and fact updated", st)
	}
	same(t, read(t, s), b)
}

func testAtomic(t *testing.T, s kb.Store) {
	ctx := context.Background()
	b := Fixture(t)
	// A fact whose document does not exist: the database refuses it, after
	// every other record of the bundle was written in the transaction.
	b.Facts = append(b.Facts, kb.Fact{ID: "doc-missing#1", Document: "doc-missing", Kind: kb.Meeting, Review: kb.Review{State: kb.Pending}})
	if _, err := s.Apply(ctx, b); err == nil {
		t.Fatal("Apply of a fact with an unknown document succeeded, want an error")
	} else if k := caravan.KindOf(err); k != caravan.Invalid {
		t.Errorf("error kind = %v, want invalid (%v)", k, err)
	}
	if got := read(t, s); got.Len() != 0 {
		t.Errorf("after a failed Apply the store holds %d records, want 0", got.Len())
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func testFilters(t *testing.T, s kb.Store) {
	ctx := context.Background()
	apply(t, s, Fixture(t))
	ids := func(n int, id func(int) string) []string {
		out := []string{}
		for i := range n {
			out = append(out, id(i))
		}
		return out
	}
	for _, tt := range []struct {
		name string
		f    kb.AgreementFilter
		want []string
	}{
		{"all", kb.AgreementFilter{}, []string{"aptta", "pk-kg-transit", "uap-framework"}},
		{"country", kb.AgreementFilter{Country: "PK"}, []string{"aptta", "pk-kg-transit", "uap-framework"}},
		{"country UZ", kb.AgreementFilter{Country: "UZ"}, []string{"uap-framework"}},
		{"status is the latest", kb.AgreementFilter{Status: kb.Signed}, []string{"uap-framework"}},
		{"expired", kb.AgreementFilter{Status: kb.Expired}, []string{"aptta"}},
		{"kind", kb.AgreementFilter{Kind: kb.Treaty}, []string{"aptta", "pk-kg-transit"}},
		{"country and status", kb.AgreementFilter{Country: "KG", Status: kb.Agreed}, []string{"pk-kg-transit"}},
		{"none", kb.AgreementFilter{Country: "IR"}, []string{}},
	} {
		as, _, err := s.Agreements(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(len(as), func(i int) string { return as[i].ID }); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Agreements(%s) = %v, want %v", tt.name, got, tt.want)
		}
		for _, a := range as {
			if len(a.History) == 0 || len(a.Parties) == 0 {
				t.Errorf("Agreements(%s): %s lost its history or parties", tt.name, a.ID)
			}
		}
	}
	for _, tt := range []struct {
		f    kb.ProjectFilter
		want []string
	}{
		{kb.ProjectFilter{}, []string{"hairatan-mazar", "trans-afghan"}},
		{kb.ProjectFilter{Country: "PK"}, []string{"trans-afghan"}},
		{kb.ProjectFilter{Status: network.Operational}, []string{"hairatan-mazar"}},
		{kb.ProjectFilter{Status: network.Proposed}, []string{}},
	} {
		ps, _, err := s.Projects(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(len(ps), func(i int) string { return ps[i].ID }); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Projects(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
	for _, tt := range []struct {
		f    kb.FigureFilter
		want []string
	}{
		{kb.FigureFilter{A: "KZ", B: "AF"}, []string{"af-kz-target", "af-kz-2022", "af-kz-2023-exports"}},
		{kb.FigureFilter{A: "IR", B: "KZ", Kind: trade.Actual}, []string{"ir-kz-sh1400"}},
		{kb.FigureFilter{Kind: trade.Target}, []string{"af-kz-target", "ir-kz-transit"}},
	} {
		fs, err := s.Figures(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(len(fs), func(i int) string { return fs[i].ID }); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Figures(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
	doc := Fixture(t).Documents[0].ID
	for _, tt := range []struct {
		f    kb.FactFilter
		want []string
	}{
		{kb.FactFilter{}, []string{doc + "#1", doc + "#2", doc + "#3"}},
		{kb.FactFilter{State: kb.Pending}, []string{doc + "#2"}},
		{kb.FactFilter{Country: "KZ"}, []string{doc + "#2", doc + "#3"}},
		{kb.FactFilter{Country: "KZ", State: kb.Rejected}, []string{doc + "#3"}},
		{kb.FactFilter{Kind: kb.TradeValue, Page: kb.Page{Limit: 1}}, []string{doc + "#1"}},
		{kb.FactFilter{Document: "doc-none"}, []string{}},
	} {
		fs, _, err := s.Facts(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(len(fs), func(i int) string { return fs[i].ID }); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Facts(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
}

func testAddDocument(t *testing.T, s kb.Store) {
	ctx := context.Background()
	b := Fixture(t)
	apply(t, s, &kb.Bundle{Sources: b.Sources})
	mk := func() (*kb.Document, []kb.Fact) {
		fx := Fixture(t)
		d := kb.Document{Text: docText, Lang: "prs", Source: "SRC-B"}
		facts := fx.Facts[:2]
		for i := range facts {
			facts[i].ID, facts[i].Document, facts[i].Review = "", "", kb.Review{}
		}
		return &d, facts
	}
	d, facts := mk()
	created, err := s.AddDocument(ctx, d, facts)
	if err != nil || !created {
		t.Fatalf("AddDocument = %v, %v; want true, nil", created, err)
	}
	if want := kb.NewDocument(docText).ID; d.ID != want || facts[1].ID != want+"#2" || facts[0].Review.State != kb.Pending {
		t.Errorf("AddDocument filled in id %q, fact %q, state %q; want %q, %q#2, pending", d.ID, facts[1].ID, facts[0].Review.State, want, want)
	}
	if err := s.Review(ctx, facts[0].ID, kb.Review{State: kb.Accepted}); err != nil {
		t.Fatal(err)
	}
	before := read(t, s)
	d2, facts2 := mk()
	d2.Title = "another title"
	created, err = s.AddDocument(ctx, d2, facts2)
	if err != nil || created {
		t.Fatalf("second AddDocument = %v, %v; want false, nil", created, err)
	}
	same(t, read(t, s), before)
	// A quote that is not at its offsets is refused, and nothing is stored.
	d3 := &kb.Document{Text: "another text"}
	bad := []kb.Fact{{Kind: kb.Meeting, Quote: "text", Start: 0, End: 4}}
	if _, err := s.AddDocument(ctx, d3, bad); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("AddDocument with a misplaced quote: %v, want an invalid error", err)
	}
	if _, err := s.Document(ctx, d3.ID); !errors.Is(err, caravan.ErrNotFound) {
		t.Errorf("the refused document was stored (%v)", err)
	}
}

func testReview(t *testing.T, s kb.Store) {
	ctx := context.Background()
	b := Fixture(t)
	apply(t, s, b)
	id := b.Facts[1].ID
	at := time.Date(2026, 5, 1, 12, 30, 0, 0, time.UTC)
	if err := s.Review(ctx, id, kb.Review{State: kb.Rejected, Note: "duplicate", At: at}); err != nil {
		t.Fatal(err)
	}
	fs, _, err := s.Facts(ctx, kb.FactFilter{State: kb.Rejected})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].ID != id || fs[0].Review.Note != "duplicate" || !fs[0].Review.At.Equal(at) {
		t.Errorf("rejected facts = %+v, want %s first with its note and time", fs, id)
	}
	if err := s.Review(ctx, "doc-none#1", kb.Review{State: kb.Accepted}); !errors.Is(err, caravan.ErrNotFound) {
		t.Errorf("Review of an unknown fact: %v, want not found", err)
	}
	if err := s.Review(ctx, id, kb.Review{State: "maybe"}); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("Review with a bad state: %v, want invalid", err)
	}
	// Writing the fixture again restores its review: the fingerprint
	// followed the review.
	if st := apply(t, s, Fixture(t)); st.Facts.Updated != 1 {
		t.Errorf("re-applying the fixture: %s, want the reviewed fact updated", st)
	}
}

func testAcceptedFigures(t *testing.T, s kb.Store) {
	ctx := context.Background()
	b := Fixture(t)
	apply(t, s, b)
	figs, err := kb.Figures(ctx, s, kb.FigureFilter{A: "UZ", B: "AF"})
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 1 || figs[0].ID != b.Facts[0].ID || figs[0].USD.Value != 1.6e9 || figs[0].Period.String() != "2025" ||
		figs[0].Announced.String() != "2026-02-15" || fmt.Sprint(figs[0].Sources.All) != "[SRC-B]" || figs[0].Start != b.Facts[0].Start {
		t.Fatalf("AF–UZ figures = %+v, want the accepted fact as a 2025 figure", figs)
	}
	// The pending AF–KZ target joins once accepted, and leaves when rejected.
	count := func() int {
		figs, err := kb.Figures(ctx, s, kb.FigureFilter{A: "AF", B: "KZ", Kind: trade.Target})
		if err != nil {
			t.Fatal(err)
		}
		return len(figs)
	}
	if n := count(); n != 1 {
		t.Errorf("AF–KZ targets before review = %d, want 1", n)
	}
	if err := s.Review(ctx, b.Facts[1].ID, kb.Review{State: kb.Accepted}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("AF–KZ targets after accepting = %d, want 2", n)
	}
	if err := s.Review(ctx, b.Facts[1].ID, kb.Review{State: kb.Rejected}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Errorf("AF–KZ targets after rejecting = %d, want 1", n)
	}
}

func testDocumentLookup(t *testing.T, s kb.Store) {
	ctx := context.Background()
	b := Fixture(t)
	apply(t, s, b)
	want := b.Documents[0]
	for _, key := range []string{want.ID, want.Hash} {
		d, err := s.Document(ctx, key)
		if err != nil {
			t.Fatalf("Document(%q): %v", key, err)
		}
		if d.Text != want.Text || d.Title != want.Title || d.Date != want.Date {
			t.Errorf("Document(%q) = %+v, want %+v", key, d, want)
		}
	}
	if _, err := s.Document(ctx, "doc-0000000000000000"); !errors.Is(err, caravan.ErrNotFound) {
		t.Errorf("Document(unknown): %v, want not found", err)
	}
	ds, _, err := s.Documents(ctx, kb.DocumentFilter{Lang: "en"})
	if err != nil || len(ds) != 0 {
		t.Errorf("Documents(en) = %d, %v; want none", len(ds), err)
	}
}

func testMeta(t *testing.T, s kb.Store) {
	ctx := context.Background()
	if v, err := s.Meta(ctx, "dataset"); err != nil || v != "" {
		t.Errorf("Meta of a new store = %q, %v; want empty", v, err)
	}
	for _, v := range []string{"abc", "def"} {
		if err := s.SetMeta(ctx, "dataset", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Meta(ctx, "dataset"); err != nil || got != v {
			t.Errorf("Meta = %q, %v; want %q", got, err, v)
		}
	}
}

func testEmpty(t *testing.T, s kb.Store) {
	ctx := context.Background()
	if got := read(t, s); got.Len() != 0 {
		t.Errorf("a new store holds %d records", got.Len())
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("Check of a new store: %v", err)
	}
	st, err := s.Apply(ctx, &kb.Bundle{})
	if err != nil || st.Changed() != 0 {
		t.Errorf("Apply(empty) = %s, %v", st, err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Apply(canceled, Fixture(t)); !errors.Is(err, context.Canceled) {
		t.Errorf("Apply with a canceled context: %v, want context.Canceled", err)
	}
}

func testConcurrent(t *testing.T, s kb.Store) {
	ctx := context.Background()
	apply(t, s, &kb.Bundle{Sources: Fixture(t).Sources})
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				f := trade.Figure{ID: fmt.Sprintf("w%d-%d", w, i), A: "AF", B: "KZ", Scope: trade.Bilateral, Kind: trade.Actual,
					Period: mustPeriod(t, fmt.Sprint(2000+i)), USD: network.Exact(float64(w*100 + i)), Sources: cites("SRC-A")}
				if _, err := s.Apply(ctx, &kb.Bundle{Figures: []trade.Figure{f}}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Apply: %v", err)
	}
	figs, err := s.Figures(ctx, kb.FigureFilter{})
	if err != nil || len(figs) != writers*each {
		t.Errorf("Figures = %d, %v; want %d", len(figs), err, writers*each)
	}
}

// testPages reads every list page by page: each page holds the records of
// the whole list at its offset, and every page reports the same total.
func testPages(t *testing.T, s kb.Store) {
	ctx := context.Background()
	apply(t, s, Fixture(t))
	d := kb.NewDocument("Kabul and Tashkent signed a roadmap. Trade reached $1 bn. Almaty and Kabul met.")
	facts := []kb.Fact{
		{Kind: kb.AgreementF, Countries: []string{"AF", "UZ"}, Quote: "Kabul and Tashkent signed a roadmap", Start: 0, End: 35},
		{Kind: kb.TradeValue, Countries: []string{"AF", "UZ"}, Quote: "Trade reached $1 bn", Start: 37, End: 56},
		{Kind: kb.Meeting, Countries: []string{"AF", "KZ"}, Quote: "Almaty and Kabul met", Start: 58, End: 78},
	}
	if _, err := s.AddDocument(ctx, &d, facts); err != nil {
		t.Fatal(err)
	}
	pages := func(name string, list func(kb.Page) ([]string, int, error)) {
		t.Helper()
		all, total, err := list(kb.Page{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if total != len(all) || total == 0 {
			t.Fatalf("%s: total %d for %d records", name, total, len(all))
		}
		for size := 1; size <= 2; size++ {
			var got []string
			for off := 0; off < total+size; off += size {
				page, n, err := list(kb.Page{Limit: size, Offset: off})
				if err != nil {
					t.Fatalf("%s: page %d+%d: %v", name, off, size, err)
				}
				if n != total {
					t.Errorf("%s: page %d+%d says total %d, want %d", name, off, size, n, total)
				}
				if len(page) > size {
					t.Errorf("%s: page %d+%d holds %d records", name, off, size, len(page))
				}
				got = append(got, page...)
			}
			if strings.Join(got, ",") != strings.Join(all, ",") {
				t.Errorf("%s: pages of %d give %v, want %v", name, size, got, all)
			}
		}
		rest, _, err := list(kb.Page{Offset: 1})
		if err != nil || strings.Join(rest, ",") != strings.Join(all[1:], ",") {
			t.Errorf("%s: offset 1 without a limit gives %v, %v; want %v", name, rest, err, all[1:])
		}
	}
	pages("agreements", func(p kb.Page) ([]string, int, error) {
		xs, n, err := s.Agreements(ctx, kb.AgreementFilter{Page: p})
		var ids []string
		for _, x := range xs {
			ids = append(ids, x.ID)
		}
		return ids, n, err
	})
	pages("projects", func(p kb.Page) ([]string, int, error) {
		xs, n, err := s.Projects(ctx, kb.ProjectFilter{Page: p})
		var ids []string
		for _, x := range xs {
			ids = append(ids, x.ID)
		}
		return ids, n, err
	})
	pages("documents", func(p kb.Page) ([]string, int, error) {
		xs, n, err := s.Documents(ctx, kb.DocumentFilter{Page: p})
		var ids []string
		for _, x := range xs {
			ids = append(ids, x.ID)
		}
		return ids, n, err
	})
	pages("facts", func(p kb.Page) ([]string, int, error) {
		xs, n, err := s.Facts(ctx, kb.FactFilter{Page: p})
		var ids []string
		for _, x := range xs {
			ids = append(ids, x.ID)
		}
		return ids, n, err
	})
	kz, _, err := s.Facts(ctx, kb.FactFilter{Country: "KZ"})
	if err != nil {
		t.Fatal(err)
	}
	if page, n, err := s.Facts(ctx, kb.FactFilter{Country: "KZ", Page: kb.Page{Limit: 1}}); err != nil || n != len(kz) || len(page) != 1 {
		t.Errorf("facts about KZ, first page of 1: %d record(s), total %d, %v; want 1 of %d (the filter's count, not the table's)", len(page), n, err, len(kz))
	}
}
