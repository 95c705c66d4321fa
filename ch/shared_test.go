package ch_test

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/caravan-transport/caravan/ch"
	"github.com/caravan-transport/caravan/csr"
)

// TestSharedGraphs checks the hierarchy of real networks against Dijkstra:
// rome99's published reference distances, and random pairs on rome99 and
// BerlinCenter (zero-weight connectors, duplicate links). Skipped without
// the shared data.
func TestSharedGraphs(t *testing.T) {
	for _, name := range []string{"rome99", "BerlinCenter"} {
		t.Run(name, func(t *testing.T) {
			g, w := benchGraph(t, name)
			h, err := ch.Build(context.Background(), g, w, ch.Options{})
			if err != nil {
				t.Fatal(err)
			}
			q := ch.NewQuery(h)
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
			s := csr.NewSearcher(g)
			rng := rand.New(rand.NewPCG(5, 0))
			n := g.NumNodes()
			var path []int32
			for range 300 {
				src, dst := int32(rng.IntN(n)), int32(rng.IntN(n))
				want := s.Search(w, nil, src, dst)
				got := q.Distance(src, dst)
				if !near(got, want) {
					t.Fatalf("Distance(%d, %d) = %v, want %v", src, dst, got, want)
				}
				path = q.Path(path[:0])
				sum := 0.0
				for _, a := range path {
					sum += w[a]
				}
				if src != dst && !math.IsInf(want, 1) && !near(sum, want) {
					t.Fatalf("Path(%d, %d) has length %v, want %v", src, dst, sum, want)
				}
			}
		})
	}
}
