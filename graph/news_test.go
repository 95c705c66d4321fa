package graph_test

import (
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/internal/testnet"
	"github.com/caravan-transport/caravan/network"
)

// TestWithClosures: a closure from the news takes its place out of service
// from its date; a reopening ends it; the original graph is unchanged; an
// unknown target is NotFound.
func TestWithClosures(t *testing.T) {
	n := testnet.Mini(t)
	g, err := graph.Compile(n)
	if err != nil {
		t.Fatal(err)
	}
	place := n.Places()[0].ID
	day := func(s string) network.Date { d, _ := network.ParseDate(s); return d }
	blockedArcs := func(g *graph.Graph, d string) int {
		b, err := g.Blocked(&graph.Conditions{AsOf: day(d)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		for a := 0; a < g.NumArcs(); a++ {
			if b[a/64]&(1<<(a%64)) != 0 {
				k++
			}
		}
		return k
	}
	before := blockedArcs(g, "2025-06-01")
	closed, err := g.WithClosures([]network.Closure{{ID: "doc-1#1", Target: place, Period: network.Interval{From: day("2025-05-20")}, Reason: "news: closed"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := blockedArcs(closed, "2025-06-01"); got <= before {
		t.Errorf("a closure of %s blocks %d arcs, the network alone %d", place, got, before)
	}
	if got := blockedArcs(closed, "2025-05-01"); got != blockedArcs(g, "2025-05-01") {
		t.Errorf("the closure acts before its date")
	}
	if got := blockedArcs(g, "2025-06-01"); got != before {
		t.Errorf("WithClosures changed the original graph")
	}
	// The graphs of the other rail service and of trucks under TIR keep
	// the news closure; the original's stay without it.
	for _, tir := range []bool{false, true} {
		other, err := closed.For(graph.Wagonload, tir)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := blockedArcs(other, "2025-06-01"), blockedArcs(closed, "2025-06-01"); got != want {
			t.Errorf("wagonload (tir %v) graph of the closed one blocks %d arcs, want %d", tir, got, want)
		}
		plain, err := g.For(graph.Wagonload, tir)
		if err != nil {
			t.Fatal(err)
		}
		if got := blockedArcs(plain, "2025-06-01"); got != before {
			t.Errorf("wagonload (tir %v) graph of the original blocks %d arcs, want %d", tir, got, before)
		}
	}
	reopened, err := closed.WithClosures(nil, []graph.Reopening{{Target: place, Date: day("2025-05-25"), Source: "doc-2"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := blockedArcs(reopened, "2025-06-01"); got != before {
		t.Errorf("after the reopening %d arcs blocked, want %d", got, before)
	}
	if _, err := g.WithClosures([]network.Closure{{ID: "x", Target: "xx-nowhere"}}, nil); caravan.KindOf(err) != caravan.NotFound {
		t.Errorf("unknown target: %v", err)
	}
}
