package kb_test

import (
	"context"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/kb/kbtest"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

func TestParseWhen(t *testing.T) {
	for _, tt := range []struct {
		in, first string
		prec      kb.Precision
	}{
		{"2010", "2010-01-01", kb.Year},
		{"2025-06", "2025-06-01", kb.Month},
		{"2025-07-17", "2025-07-17", kb.Day},
		{"", "", kb.Day},
	} {
		w, err := kb.ParseWhen(tt.in)
		if err != nil {
			t.Fatalf("ParseWhen(%q): %v", tt.in, err)
		}
		if w.Date.String() != tt.first || w.Prec != tt.prec || w.String() != tt.in {
			t.Errorf("ParseWhen(%q) = %s (%d), String %q; want %s (%d)", tt.in, w.Date, w.Prec, w.String(), tt.first, tt.prec)
		}
	}
	for _, bad := range []string{"10", "2025-13", "2025-02-30", "0000", "June 2025", "2025/06", "0001\t\t\t", "2025   "} {
		if w, err := kb.ParseWhen(bad); err == nil {
			t.Errorf("ParseWhen(%q) = %v, want an error", bad, w)
		}
	}
}

func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"2010", "2025-06", "2025-07-17", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := kb.ParseWhen(s)
		if err != nil {
			return
		}
		if w.String() != s {
			t.Fatalf("ParseWhen(%q).String() = %q", s, w.String())
		}
	})
}

func TestAgreementStatusOn(t *testing.T) {
	a := kbtest.Fixture(t).Agreements[2] // aptta: signed 2010, in force 2011-06-12, expired 2021-02
	for _, tt := range []struct {
		day  string
		want kb.AgreementStatus
	}{
		{"2009-12-31", 0},
		{"2010-05-01", kb.Signed},
		{"2011-06-12", kb.InForce},
		{"2021-02-01", kb.Expired},
	} {
		d, _ := network.ParseDate(tt.day)
		if got := a.StatusOn(d); got != tt.want {
			t.Errorf("StatusOn(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
	if a.Status() != kb.Expired || a.Since().String() != "2021-02" {
		t.Errorf("Status, Since = %v, %v; want expired since 2021-02", a.Status(), a.Since())
	}
}

func TestCheck(t *testing.T) {
	ctx := context.Background()
	if err := kb.Check(ctx, nil, kbtest.Fixture(t)); err != nil {
		t.Fatalf("the fixture does not check: %v", err)
	}
	for _, tt := range []struct {
		name   string
		break_ func(b *kb.Bundle)
		want   string
	}{
		{"duplicate id", func(b *kb.Bundle) { b.Agreements = append(b.Agreements, b.Agreements[0]) }, "agreement pk-kg-transit appears twice"},
		{"unknown source", func(b *kb.Bundle) { b.Figures[0].Sources.All = []string{"NOPE"} }, `cites unknown source "NOPE"`},
		{"unknown project", func(b *kb.Bundle) { b.Agreements[1].Project = "nope" }, `unknown project "nope"`},
		{"unsorted parties", func(b *kb.Bundle) { b.Agreements[0].Parties = []string{"PK", "KG"} }, "parties must be sorted"},
		{"history out of order", func(b *kb.Bundle) {
			h := b.Agreements[0].History
			h[0], h[1] = h[1], h[0]
		}, "history out of date order"},
		{"quote moved", func(b *kb.Bundle) { b.Facts[0].Start++ }, "the quote is not at bytes"},
		{"unknown document", func(b *kb.Bundle) { b.Facts[0].Document = "doc-x" }, `unknown document "doc-x"`},
		{"hash mismatch", func(b *kb.Bundle) { b.Documents[0].Text += "!" }, "does not match the text"},
		{"figure without numbers", func(b *kb.Bundle) { b.Figures[0].USD = network.Range{} }, "neither usd nor tonnes"},
		{"bad flow", func(b *kb.Bundle) { b.Figures[1].Flow = "UZ->AF" }, "is not between AF and KZ"},
		{"bad review", func(b *kb.Bundle) { b.Facts[0].Review.State = "maybe" }, "review state"},
	} {
		b := kbtest.Fixture(t)
		tt.break_(b)
		err := kb.Check(ctx, nil, b)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Check = %v, want an error with %q", tt.name, err, tt.want)
		}
	}
}

func TestFactFigure(t *testing.T) {
	b := kbtest.Fixture(t)
	doc := &b.Documents[0]
	f := b.Facts[0]
	g, ok := f.Figure(doc)
	if !ok || g.Kind != trade.Actual || g.USD.Value != 1.6e9 || g.Period.String() != "2025" || g.Announced != doc.Date || g.Scope != trade.Bilateral {
		t.Errorf("Figure of the accepted AF–UZ fact = %+v, %v", g, ok)
	}
	for _, tt := range []struct {
		name string
		edit func(f *kb.Fact)
		ok   bool
		test func(g trade.Figure) bool
	}{
		{"pending", func(f *kb.Fact) { f.Review.State = kb.Pending }, false, nil},
		{"meeting", func(f *kb.Fact) { f.Kind = kb.Meeting }, false, nil},
		{"no value", func(f *kb.Fact) { f.Value = nil }, false, nil},
		{"capacity", func(f *kb.Fact) { f.Status = "capacity" }, false, nil},
		{"km", func(f *kb.Fact) { f.Unit = "km" }, false, nil},
		{"tonnage transit", func(f *kb.Fact) {
			f.Kind, f.Unit, f.Subject, f.Status = kb.Tonnage, "t/yr", "annual transit via Iran", "target"
		},
			true, func(g trade.Figure) bool { return g.Scope == trade.Transit && g.Tonnes.Value == 1.6e9 && !g.USD.Known }},
		{"range", func(f *kb.Fact) { v := 2e9; f.ValueMax = &v }, true, func(g trade.Figure) bool { return g.USD.Max == 2e9 }},
	} {
		f := b.Facts[0]
		tt.edit(&f)
		g, ok := f.Figure(doc)
		if ok != tt.ok || (ok && !tt.test(g)) {
			t.Errorf("%s: Figure = %+v, %v; want ok=%v", tt.name, g, ok, tt.ok)
		}
	}
}
