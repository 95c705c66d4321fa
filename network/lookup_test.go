package network_test

import (
	"testing"

	"github.com/caravan-transport/caravan/network"
	"github.com/paulmach/orb"
)

func TestFoldName(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Mazar-i-Sharif", "mazar i sharif"},
		{"مزار شریف", "مزارشریف"},
		{"مزار\u200cشریف", "مزار شریف"},
		{"Türkiye", "turkiye"},
		{"Kapıköy", "Kapikoy"},
		{"كابل", "کابل"},            // Arabic kaf
		{"هيرتان", "هیرتان"},        // Arabic yeh
		{"تُرکمنستان", "ترکمنستان"}, // damma
		{"Алматы", "алматы"},
		{"Ақтау", "Актау"},
	} {
		if fa, fb := network.FoldName(tt.a), network.FoldName(tt.b); fa != fb {
			t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q; want equal", tt.a, fa, tt.b, fb)
		}
	}
	if network.FoldName("Termez") == network.FoldName("Tirmiz") {
		t.Error("different names fold together")
	}
}

func TestFindPlaces(t *testing.T) {
	src := network.Citations{All: []string{"S"}}
	n, err := network.New(network.Data{
		Sources:   []network.Source{{ID: "S", Title: "t"}},
		Countries: []network.Country{{Code: "AF", Names: network.Names{En: "Afghanistan"}}, {Code: "PK", Names: network.Names{En: "Pakistan"}}},
		Places: []network.Place{
			{ID: "af-hairatan", Names: network.Names{En: "Hairatan", Fa: "حیرتان", Alt: []string{"هیرتان", "Hayratan"}}, Country: "AF", Kind: network.BorderPost, Loc: orb.Point{67.4, 37.2}, Sources: src},
			{ID: "af-torkham", Names: network.Names{En: "Torkham", Fa: "تورخم"}, Country: "AF", Kind: network.BorderPost, Loc: orb.Point{71.1, 34.1}, Sources: src},
			{ID: "pk-torkham", Names: network.Names{En: "Torkham", Fa: "تورخم"}, Country: "PK", Kind: network.BorderPost, Loc: orb.Point{71.1, 34.1}, Sources: src},
			{ID: "af-kabul", Names: network.Names{En: "Kabul", Fa: "کابل"}, Country: "AF", Kind: network.City, Loc: orb.Point{69.2, 34.5}, Sources: src},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(ms []network.PlaceMatch) string {
		s := ""
		for i, m := range ms {
			if i > 0 {
				s += ","
			}
			s += m.Place.ID
		}
		return s
	}
	for _, tt := range []struct {
		q, want string
		dist    int
	}{
		{"Hairatan", "af-hairatan", 0},
		{"حیرتان", "af-hairatan", 0},
		{"هیرتان", "af-hairatan", 0},
		{"هيرتان", "af-hairatan", 0}, // Arabic yeh
		{"hayratan", "af-hairatan", 0},
		{"af-kabul", "af-kabul", 0},
		{"Torkham", "af-torkham,pk-torkham", 0}, // ambiguous
		{"Kab", "af-kabul", 1},                  // prefix
		{"Hairaton", "af-hairatan", 3},          // suggestion
		{"Zzzzzzzz", "", 0},                     // nothing close
	} {
		ms := n.FindPlaces(tt.q)
		if got := ids(ms); got != tt.want {
			t.Errorf("FindPlaces(%q) = %s, want %s", tt.q, got, tt.want)
			continue
		}
		if len(ms) > 0 && ms[0].Distance != tt.dist {
			t.Errorf("FindPlaces(%q) distance = %d, want %d", tt.q, ms[0].Distance, tt.dist)
		}
	}
}
