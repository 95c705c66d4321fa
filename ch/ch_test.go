package ch_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/ch"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

// randomGraph returns a random directed graph with n nodes and m arcs. Its
// weights mix zeros, repeated small integers (ties), fractions and, with
// probability pInf, +Inf; some arcs are parallel or self-loops.
func randomGraph(rng *rand.Rand, n, m int, pInf float64) (*csr.Graph, []float64) {
	tails := make([]int32, m)
	heads := make([]int32, m)
	w := make([]float64, m)
	for i := range m {
		tails[i] = int32(rng.IntN(n))
		heads[i] = int32(rng.IntN(n))
		if i > 0 && rng.IntN(10) == 0 { // parallel to the previous arc
			tails[i], heads[i] = tails[i-1], heads[i-1]
		}
		switch r := rng.Float64(); {
		case r < 0.1:
			w[i] = 0
		case r < 0.4:
			w[i] = float64(1 + rng.IntN(5))
		default:
			w[i] = rng.Float64() * 100
		}
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

// near reports whether got equals want up to a relative 1e-9 (and both
// infinite counts as equal).
func near(got, want float64) bool {
	if math.IsInf(want, 1) || math.IsInf(got, 1) {
		return got == want
	}
	return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// checkAllPairs compares every distance of h with csr's Dijkstra and checks
// that each path is a real s-t path of that length.
func checkAllPairs(t *testing.T, h *ch.Hierarchy, w []float64) {
	t.Helper()
	g := h.Graph()
	n := int32(g.NumNodes())
	s := csr.NewSearcher(g)
	q := ch.NewQuery(h)
	var path []int32
	for src := range n {
		s.Search(w, nil, src, -1)
		for dst := range n {
			want := s.Dist(dst)
			got := q.Distance(src, dst)
			if !near(got, want) {
				t.Fatalf("Distance(%d, %d) = %v, want %v", src, dst, got, want)
			}
			path = q.Path(path[:0])
			if math.IsInf(got, 1) || src == dst {
				if len(path) != 0 {
					t.Fatalf("Path(%d, %d) = %v, want none", src, dst, path)
				}
				continue
			}
			sum, at := 0.0, src
			for _, a := range path {
				if g.Tails[a] != at {
					t.Fatalf("Path(%d, %d) = %v: arc %d leaves %d, want %d", src, dst, path, a, g.Tails[a], at)
				}
				sum += w[a]
				at = g.Heads[a]
			}
			if at != dst || !near(sum, want) {
				t.Fatalf("Path(%d, %d) ends at %d with length %v, want %d and %v", src, dst, at, sum, dst, want)
			}
		}
	}
}

// TestDistanceMatchesDijkstra is the property test: on many random graphs
// (parallel arcs, self-loops, zero and tied weights, blocked arcs,
// unreachable pairs, and several witness limits), every CH distance equals
// Dijkstra's and every unpacked path is a shortest path.
func TestDistanceMatchesDijkstra(t *testing.T) {
	seeds := uint64(150)
	if testing.Short() {
		seeds = 30
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 0))
		n := 1 + rng.IntN(70)
		m := rng.IntN(5 * n)
		limit := []int{1, 3, 0}[seed%3]
		t.Run(fmt.Sprintf("seed=%d/n=%d/m=%d/limit=%d", seed, n, m, limit), func(t *testing.T) {
			g, w := randomGraph(rng, n, m, 0.05)
			h, err := ch.Build(context.Background(), g, w, ch.Options{WitnessLimit: limit})
			if err != nil {
				t.Fatal(err)
			}
			checkAllPairs(t, h, w)
		})
	}
}

// TestCustomize re-weights a hierarchy and checks it against Dijkstra on the
// new weights, including arcs that become blocked or free.
func TestCustomize(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		rng := rand.New(rand.NewPCG(seed, 1))
		n := 2 + rng.IntN(60)
		g, w := randomGraph(rng, n, 4*n, 0.02)
		h, err := ch.Build(context.Background(), g, w, ch.Options{})
		if err != nil {
			t.Fatal(err)
		}
		w2 := make([]float64, len(w))
		for a := range w2 {
			switch r := rng.Float64(); {
			case r < 0.1:
				w2[a] = math.Inf(1)
			case r < 0.2:
				w2[a] = 0
			default:
				w2[a] = rng.Float64() * 50
			}
		}
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			h2, err := h.Customize(context.Background(), w2)
			if err != nil {
				t.Fatal(err)
			}
			for r, v := range h.Order() {
				if h2.Rank(v) != int32(r) {
					t.Fatalf("Customize changed the rank of node %d from %d to %d", v, r, h2.Rank(v))
				}
			}
			checkAllPairs(t, h2, w2)
			checkAllPairs(t, h, w) // the old hierarchy is untouched
		})
	}
}

func TestBuildErrors(t *testing.T) {
	g, _, err := csr.Build(2, []int32{0, 1}, []int32{1, 0})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		w    []float64
		want string
	}{
		{"short", []float64{1}, "1 weights for 2 arcs"},
		{"negative", []float64{1, -1}, "arc 1 (1→0): weight -1 is negative or NaN"},
		{"nan", []float64{math.NaN(), 1}, "arc 0 (0→1): weight NaN is negative or NaN"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ch.Build(context.Background(), g, tt.w, ch.Options{})
			if err == nil || !errors.Is(err, caravan.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Build(%v) error = %v, want invalid %q", tt.w, err, tt.want)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ch.Build(ctx, g, []float64{1, 1}, ch.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build with a cancelled context: error = %v, want context.Canceled", err)
	}
	h, err := ch.Build(context.Background(), g, []float64{1, 1}, ch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.Customize(context.Background(), []float64{1})
	if ce, ok := errors.AsType[*caravan.Error](err); !ok || ce.Kind != caravan.Invalid || ce.Op != "ch.Customize" || !strings.Contains(err.Error(), "1 weights for 2 arcs") {
		t.Errorf("Customize with 1 weight: error = %v, want invalid \"1 weights for 2 arcs\" from op ch.Customize", err)
	}
	if _, err := h.Customize(ctx, []float64{1, 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("Customize with a cancelled context: error = %v, want context.Canceled", err)
	}
}

// TestQueryAllocs guards the hot path: after warm-up a query allocates
// nothing, and neither does unpacking into a buffer with room.
func TestQueryAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 0))
	net, err := roadgrid.Generate(roadgrid.Options{Width: 60, Height: 50, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	g, w, err := net.CSR()
	if err != nil {
		t.Fatal(err)
	}
	h, err := ch.Build(context.Background(), g, w, ch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := ch.NewQuery(h)
	buf := make([]int32, 0, g.NumNodes())
	for v := range int32(200) { // warm up: arrays, heaps, unpacking stack
		q.Distance(v, int32(g.NumNodes())-1-v)
		buf = q.Path(buf[:0])
	}
	allocs := testing.AllocsPerRun(200, func() {
		q.Distance(int32(rng.IntN(3000)), int32(rng.IntN(3000)))
	})
	if allocs != 0 {
		t.Errorf("got %v allocs per query, want 0", allocs)
	}
	allocs = testing.AllocsPerRun(200, func() {
		q.Distance(int32(rng.IntN(3000)), int32(rng.IntN(3000)))
		buf = q.Path(buf[:0])
	})
	if allocs != 0 {
		t.Errorf("got %v allocs per query with path, want 0", allocs)
	}
}
