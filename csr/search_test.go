package csr_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/caravan-transport/caravan/csr"
)

// randomGraph returns a random directed graph with n nodes and about m arcs,
// weights in [0, 100) and, with probability pInf, +Inf (blocked).
func randomGraph(rng *rand.Rand, n, m int, pInf float64) (*csr.Graph, []float64) {
	tails := make([]int32, m)
	heads := make([]int32, m)
	w := make([]float64, m)
	for i := range m {
		tails[i] = int32(rng.IntN(n))
		heads[i] = int32(rng.IntN(n))
		w[i] = math.Floor(rng.Float64()*1000) / 10
		if rng.Float64() < pInf {
			w[i] = math.Inf(1)
		}
	}
	g, perm, err := csr.Build(n, tails, heads)
	if err != nil {
		panic(err)
	}
	return g, csr.Permute(w, perm)
}

// naive computes all distances from src with the O(V²) textbook Dijkstra,
// scanning the arc list directly.
func naive(g *csr.Graph, w []float64, blocked []uint64, src int32) []float64 {
	n := g.NumNodes()
	d := make([]float64, n)
	done := make([]bool, n)
	for i := range d {
		d[i] = math.Inf(1)
	}
	d[src] = 0
	for {
		u := -1
		for v := range n {
			if !done[v] && !math.IsInf(d[v], 1) && (u < 0 || d[v] < d[u]) {
				u = v
			}
		}
		if u < 0 {
			return d
		}
		done[u] = true
		for a := g.Offsets[u]; a < g.Offsets[u+1]; a++ {
			if blocked != nil && blocked[a/64]&(1<<(uint(a)%64)) != 0 {
				continue
			}
			if nd := d[u] + w[a]; nd < d[g.Heads[a]] {
				d[g.Heads[a]] = nd
			}
		}
	}
}

func TestSearchMatchesNaive(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 0))
			n := 2 + rng.IntN(60)
			g, w := randomGraph(rng, n, rng.IntN(4*n), 0.1)
			var blocked []uint64
			if seed%2 == 0 {
				blocked = csr.Bitset(g.NumArcs())
				for a := range g.NumArcs() {
					if rng.IntN(8) == 0 {
						csr.SetBit(blocked, int32(a))
					}
				}
			}
			s := csr.NewSearcher(g)
			for src := range int32(n) {
				want := naive(g, w, blocked, src)
				s.Search(w, blocked, src, -1)
				for v := range int32(n) {
					if got := s.Dist(v); got != want[v] {
						t.Fatalf("Dist(%d→%d) = %v, want %v", src, v, got, want[v])
					}
				}
				// Point-to-point answers and their paths.
				for dst := range int32(n) {
					got := s.Search(w, blocked, src, dst)
					if got != want[dst] {
						t.Fatalf("Search(%d, %d) = %v, want %v", src, dst, got, want[dst])
					}
					if math.IsInf(got, 1) || src == dst {
						continue
					}
					sum, at := 0.0, src
					for _, a := range s.Path(dst, nil) {
						if g.Tails[a] != at {
							t.Fatalf("path %d→%d: arc %d leaves %d, want %d", src, dst, a, g.Tails[a], at)
						}
						sum += w[a]
						at = g.Heads[a]
					}
					if at != dst || math.Abs(sum-got) > 1e-9 {
						t.Fatalf("path %d→%d ends at %d with length %v, want %d and %v", src, dst, at, sum, dst, got)
					}
				}
			}
		})
	}
}

func TestSearchFromMultipleSources(t *testing.T) {
	// 0 →(5) 2, 1 →(1) 2; starting 0 at cost 0 and 1 at cost 10.
	g, perm, err := csr.Build(3, []int32{0, 1}, []int32{2, 2})
	if err != nil {
		t.Fatal(err)
	}
	w := csr.Permute([]float64{5, 1}, perm)
	s := csr.NewSearcher(g)
	got := s.SearchFrom(w, nil, []csr.Start{{Node: 0, Cost: 0}, {Node: 1, Cost: 10}}, 2)
	if got != 5 {
		t.Errorf("SearchFrom = %v, want 5", got)
	}
}

func TestBuildErrors(t *testing.T) {
	if _, _, err := csr.Build(2, []int32{0}, []int32{2}); err == nil {
		t.Error("Build with head out of range: no error")
	}
	if _, _, err := csr.Build(2, []int32{0, 1}, []int32{1}); err == nil {
		t.Error("Build with mismatched slices: no error")
	}
}

func TestSearchAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 0))
	g, w := randomGraph(rng, 2000, 8000, 0)
	s := csr.NewSearcher(g)
	s.Search(w, nil, 0, -1) // warm up: allocate arrays and grow the heap
	allocs := testing.AllocsPerRun(50, func() {
		s.Search(w, nil, int32(rng.IntN(2000)), int32(rng.IntN(2000)))
	})
	if allocs != 0 {
		t.Errorf("got %v allocs per query, want 0", allocs)
	}
}

func BenchmarkSearchRandom(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 0))
	g, w := randomGraph(rng, 100000, 400000, 0)
	s := csr.NewSearcher(g)
	b.ReportAllocs()
	for b.Loop() {
		s.Search(w, nil, int32(rng.IntN(100000)), int32(rng.IntN(100000)))
	}
}
