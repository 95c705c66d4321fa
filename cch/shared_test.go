package cch_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/caravan-transport/caravan/cch"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/dimacs"
	"github.com/caravan-transport/caravan/internal/shareddata"
	"github.com/caravan-transport/caravan/tntp"
)

// sharedGraph loads rome99 (DIMACS, metres) or a TNTP network (free-flow
// time), skipping when the shared data is absent.
func sharedGraph(tb testing.TB, name string) (*csr.Graph, []float64) {
	tb.Helper()
	ctx := context.Background()
	if name == "rome99" {
		d, err := dimacs.ReadFile(ctx, shareddata.Path(tb, "data/dimacs/rome99.gr"))
		if err != nil {
			tb.Fatal(err)
		}
		g, w, _, err := d.CSR()
		if err != nil {
			tb.Fatal(err)
		}
		return g, w
	}
	file := map[string]string{
		"BerlinCenter":    "data/tntp/BerlinCenter/berlin-center_net.tntp",
		"ChicagoRegional": "data/tntp/ChicagoRegional/ChicagoRegional_net.tntp",
	}[name]
	n, err := tntp.ReadNetFile(ctx, shareddata.Path(tb, file))
	if err != nil {
		tb.Fatal(err)
	}
	g, perm, err := n.Graph()
	if err != nil {
		tb.Fatal(err)
	}
	return g, csr.Permute(n.FreeFlowTimes(), perm)
}

// TestSharedGraphs holds the CCH of real networks against Dijkstra:
// rome99's published reference distances, and random pairs with their
// paths on rome99, BerlinCenter (zero-weight connectors, duplicate links)
// and ChicagoRegional, for the base weights and a scenario's.
func TestSharedGraphs(t *testing.T) {
	for _, name := range []string{"rome99", "BerlinCenter", "ChicagoRegional"} {
		t.Run(name, func(t *testing.T) {
			g, w := sharedGraph(t, name)
			c, err := cch.Build(context.Background(), g, cch.Options{})
			if err != nil {
				t.Fatal(err)
			}
			m, err := c.Customize(context.Background(), w)
			if err != nil {
				t.Fatal(err)
			}
			q := cch.NewQuery(m)
			if name == "rome99" {
				for _, tt := range []struct {
					from, to int32 // DIMACS ids
					want     float64
				}{
					{1, 3353, 30305}, {1, 1000, 33725}, {1, 2000, 33517}, {100, 2000, 31719}, {3000, 50, 42528},
				} {
					if got := q.Distance(tt.from-1, tt.to-1); got != tt.want {
						t.Errorf("Distance(%d, %d) = %v, want %v", tt.from, tt.to, got, tt.want)
					}
				}
			}
			rng := rand.New(rand.NewPCG(5, 0))
			w2 := randomWeights(rng, len(w), 0.02)
			for i, ww := range [][]float64{w, w2} {
				if i == 1 {
					if m, err = c.Customize(context.Background(), ww); err != nil {
						t.Fatal(err)
					}
				}
				checkRandomPairs(t, m, ww, rng, 300)
			}
		})
	}
}
