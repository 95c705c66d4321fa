package route

import (
	"slices"
	"testing"

	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/internal/testnet"
	"github.com/caravan-transport/caravan/network"
)

// TestBlockedCache: the cached bitset of a date equals the graph's own,
// the cache is not changed by what a caller does with its copy, and
// conditions that avoid or open something bypass it.
func TestBlockedCache(t *testing.T) {
	g, err := graph.Compile(testnet.Mini(t))
	if err != nil {
		t.Fatal(err)
	}
	p := New(g)
	for _, d := range []string{"2020-01-01", "2024-06-01", "2025-01-15", "2026-11-21", "2024-06-01"} {
		day, _ := network.ParseDate(d)
		for _, c := range []graph.Conditions{{AsOf: day}, {AsOf: day, AvoidModes: []network.Mode{network.Rail}}} {
			want, err := g.Blocked(&c, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.blocked(&c, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s %+v: cached bitset differs from the graph's", d, c)
			}
			for i := range got { // a caller scribbles on its copy
				got[i] = ^got[i]
			}
		}
	}
}
