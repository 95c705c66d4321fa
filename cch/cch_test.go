package cch_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/cch"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

// randomGraph returns a random directed graph with n nodes and m arcs and
// random coordinates. Its weights mix zeros, repeated small integers (ties),
// fractions and, with probability pInf, +Inf; some arcs are parallel or
// self-loops.
func randomGraph(rng *rand.Rand, n, m int, pInf float64) (*csr.Graph, []float64, []float64, []float64) {
	tails := make([]int32, m)
	heads := make([]int32, m)
	for i := range m {
		tails[i] = int32(rng.IntN(n))
		heads[i] = int32(rng.IntN(n))
		if i > 0 && rng.IntN(10) == 0 { // parallel to the previous arc
			tails[i], heads[i] = tails[i-1], heads[i-1]
		}
	}
	g, _, err := csr.Build(n, tails, heads)
	if err != nil {
		panic(err)
	}
	x, y := make([]float64, n), make([]float64, n)
	for v := range n {
		x[v], y[v] = rng.Float64(), rng.Float64()
		if rng.IntN(8) == 0 && v > 0 { // same place as another node
			x[v], y[v] = x[v-1], y[v-1]
		}
	}
	return g, randomWeights(rng, m, pInf), x, y
}

func randomWeights(rng *rand.Rand, m int, pInf float64) []float64 {
	w := make([]float64, m)
	for i := range w {
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
	return w
}

// near reports whether got equals want up to a relative 1e-9 (and both
// infinite counts as equal).
func near(got, want float64) bool {
	if math.IsInf(want, 1) || math.IsInf(got, 1) {
		return got == want
	}
	return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// checkPair compares one distance with Dijkstra's (s must have searched
// from src) and checks that the path is a real src-dst path of that length.
func checkPair(tb testing.TB, g *csr.Graph, w []float64, s *csr.Searcher, q *cch.Query, src, dst int32, path []int32) []int32 {
	tb.Helper()
	want := s.Dist(dst)
	got := q.Distance(src, dst)
	if !near(got, want) {
		tb.Fatalf("Distance(%d, %d) = %v, want %v", src, dst, got, want)
	}
	path = checkPath(tb, g, w, q, src, dst, got, want, path)
	if got2 := q.DistanceSearch(src, dst); !near(got2, want) {
		tb.Fatalf("DistanceSearch(%d, %d) = %v, want %v", src, dst, got2, want)
	}
	return checkPath(tb, g, w, q, src, dst, want, want, path)
}

// checkPath checks the path of the last query.
func checkPath(tb testing.TB, g *csr.Graph, w []float64, q *cch.Query, src, dst int32, got, want float64, path []int32) []int32 {
	tb.Helper()
	path = q.Path(path[:0])
	if math.IsInf(got, 1) || src == dst {
		if len(path) != 0 {
			tb.Fatalf("Path(%d, %d) = %v, want none", src, dst, path)
		}
		return path
	}
	sum, at := 0.0, src
	for _, a := range path {
		if g.Tails[a] != at {
			tb.Fatalf("Path(%d, %d) = %v: arc %d leaves %d, want %d", src, dst, path, a, g.Tails[a], at)
		}
		sum += w[a]
		at = g.Heads[a]
	}
	if at != dst || !near(sum, want) {
		tb.Fatalf("Path(%d, %d) ends at %d with length %v, want %d and %v", src, dst, at, sum, dst, want)
	}
	return path
}

// checkAllPairs compares every distance of m with csr's Dijkstra.
func checkAllPairs(t *testing.T, m *cch.Metric, w []float64) {
	t.Helper()
	g := m.CCH().Graph()
	n := int32(g.NumNodes())
	s := csr.NewSearcher(g)
	q := cch.NewQuery(m)
	var path []int32
	for src := range n {
		s.Search(w, nil, src, -1)
		for dst := range n {
			path = checkPair(t, g, w, s, q, src, dst, path)
		}
	}
}

// checkRandomPairs checks count random pairs of m (weights w) with
// checkPair.
func checkRandomPairs(tb testing.TB, m *cch.Metric, w []float64, rng *rand.Rand, count int) {
	tb.Helper()
	g := m.CCH().Graph()
	s, q := csr.NewSearcher(g), cch.NewQuery(m)
	var path []int32
	n := g.NumNodes()
	for range count {
		src, dst := int32(rng.IntN(n)), int32(rng.IntN(n))
		s.Search(w, nil, src, dst)
		path = checkPair(tb, g, w, s, q, src, dst, path)
	}
}

// TestDistanceMatchesDijkstra is the property test: on many random graphs
// (parallel arcs, self-loops, zero and tied weights, blocked arcs,
// unreachable pairs; orders from coordinates, from BFS and from the
// identity, half of them with random classes), every CCH distance equals
// Dijkstra's and every unpacked path is a shortest path, for the first
// metric and for two more customized on the same CCH.
func TestDistanceMatchesDijkstra(t *testing.T) {
	seeds := uint64(150)
	if testing.Short() {
		seeds = 30
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 0))
		n := 1 + rng.IntN(70)
		if seed%10 == 0 {
			n = 100 + rng.IntN(200) // large enough for flow cuts
		}
		m := rng.IntN(5 * n)
		kind := []string{"coordinates", "bfs", "identity"}[seed%3]
		t.Run(fmt.Sprintf("seed=%d/n=%d/m=%d/%s", seed, n, m, kind), func(t *testing.T) {
			g, w, x, y := randomGraph(rng, n, m, 0.05)
			var opt cch.Options
			switch kind {
			case "coordinates":
				opt.X, opt.Y = x, y
			case "identity":
				opt.Order = make([]int32, n)
				for v := range opt.Order {
					opt.Order[v] = int32(v)
				}
			}
			if seed%4 < 2 { // static classes steer the cuts and separators
				opt.Class = make([]uint8, n)
				for v := range opt.Class {
					opt.Class[v] = uint8(rng.IntN(4))
				}
			}
			c, err := cch.Build(context.Background(), g, opt)
			if err != nil {
				t.Fatal(err)
			}
			seen := make([]bool, n)
			for r, v := range c.Order() {
				if seen[v] || c.Rank(v) != int32(r) {
					t.Fatalf("Order()[%d] = %d (rank %d): not a permutation", r, v, c.Rank(v))
				}
				seen[v] = true
			}
			for i := range 3 {
				if i > 0 {
					w = randomWeights(rng, m, 0.1*float64(i))
				}
				mt, err := c.Customize(context.Background(), w)
				if err != nil {
					t.Fatal(err)
				}
				checkAllPairs(t, mt, w)
				if i == 2 {
					if mt, err = c.CustomizeBasic(context.Background(), w); err != nil {
						t.Fatal(err)
					}
					checkAllPairs(t, mt, w)
				}
			}
		})
	}
}

// testRoadgrid returns the 120×90 roadgrid the tests order, with its graph
// and weights.
func testRoadgrid(t *testing.T) (*roadgrid.Network, *csr.Graph, []float64) {
	t.Helper()
	return cch.GridGraph(t, roadgrid.Options{Width: 120, Height: 90, Seed: 3})
}

// TestRoadgrid checks random pairs on a synthetic road network ordered by
// its coordinates, before and after a scenario closes 2 % of the arcs.
func TestRoadgrid(t *testing.T) {
	net, g, w := testRoadgrid(t)
	c, err := cch.Build(context.Background(), g, cch.Options{X: net.X, Y: net.Y})
	if err != nil {
		t.Fatal(err)
	}
	straight, err := cch.Build(context.Background(), g, cch.Options{X: net.X, Y: net.Y, StraightCuts: true})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := c.Stats(), straight.Stats(); a.Triangles >= b.Triangles {
		t.Errorf("with flow cuts %d triangles, with straight cuts %d: want fewer with flow cuts", a.Triangles, b.Triangles)
	}
	rng := rand.New(rand.NewPCG(3, 1))
	w2 := make([]float64, len(w))
	for a, x := range w {
		w2[a] = x * (0.8 + 0.4*rng.Float64())
		if rng.IntN(50) == 0 {
			w2[a] = math.Inf(1)
		}
	}
	for i, ww := range [][]float64{w, w2, w2, w2} {
		c := c
		if i == 2 {
			c = straight
		}
		t.Run(fmt.Sprintf("metric=%d", i), func(t *testing.T) {
			customize := c.Customize
			if i == 3 {
				customize = c.CustomizeBasic
			}
			mt, err := customize(context.Background(), ww)
			if err != nil {
				t.Fatal(err)
			}
			checkRandomPairs(t, mt, ww, rng, 300)
		})
	}
}

// TestRoadgridClass orders a roadgrid with and without its street classes
// (Options.Class): with them the top of the order is a highway (the top
// separator runs along one), and distances still equal Dijkstra's.
func TestRoadgridClass(t *testing.T) {
	net, g, w := testRoadgrid(t)
	nc, class := net.NodeClass(), net.NodeClassValues()
	for _, tt := range []struct {
		name        string
		class       []uint8
		wantHighway int // at least this many of the top 60 ranks are highway nodes
	}{
		{"degree only", nil, 0},
		{"classes", class, 60},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cch.Build(context.Background(), g, cch.Options{X: net.X, Y: net.Y, Class: tt.class})
			if err != nil {
				t.Fatal(err)
			}
			order := c.Order()
			highway := 0
			for _, v := range order[len(order)-60:] {
				if nc[v] == roadgrid.Highway {
					highway++
				}
			}
			if highway < tt.wantHighway {
				t.Errorf("%d of the top 60 ranks are highway nodes, want at least %d", highway, tt.wantHighway)
			}
			mt, err := c.Customize(context.Background(), w)
			if err != nil {
				t.Fatal(err)
			}
			checkRandomPairs(t, mt, w, rand.New(rand.NewPCG(3, 2)), 300)
		})
	}
}

func TestErrors(t *testing.T) {
	g, _, err := csr.Build(2, []int32{0, 1}, []int32{1, 0})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		opt  cch.Options
		want string
	}{
		{"x only", cch.Options{X: []float64{1, 2}}, "coordinates for 2 and 0 nodes"},
		{"short coordinates", cch.Options{X: []float64{1}, Y: []float64{1}}, "coordinates for 1 and 1 nodes"},
		{"short order", cch.Options{Order: []int32{0}}, "order of 1 nodes for 2"},
		{"repeated node", cch.Options{Order: []int32{1, 1}}, "rank 1 is node 1: not a permutation"},
		{"short classes", cch.Options{Class: []uint8{1}}, "classes for 1 nodes, want 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cch.Build(ctx, g, tt.opt)
			if err == nil || !errors.Is(err, caravan.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Build error = %v, want invalid %q", err, tt.want)
			}
		})
	}
	c, err := cch.Build(ctx, g, cch.Options{})
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
			_, err := c.Customize(ctx, tt.w)
			if err == nil || !errors.Is(err, caravan.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Customize(%v) error = %v, want invalid %q", tt.w, err, tt.want)
			}
		})
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := cch.Build(cancelled, g, cch.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build with a cancelled context: error = %v, want context.Canceled", err)
	}
	if _, err := c.Customize(cancelled, []float64{1, 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("Customize with a cancelled context: error = %v, want context.Canceled", err)
	}
	if _, err := c.CustomizeBasic(ctx, []float64{1}); !errors.Is(err, caravan.ErrInvalid) || !strings.Contains(err.Error(), "1 weights for 2 arcs") {
		t.Errorf("CustomizeBasic with 1 weight: error = %v, want invalid", err)
	}
}

// TestQueryAllocs guards the hot path: after warm-up a query allocates
// nothing, and neither does unpacking into a buffer with room.
func TestQueryAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 0))
	c, g, w, _ := roadgridCCH(t, roadgrid.Options{Width: 60, Height: 50, Seed: 7})
	mt, err := c.Customize(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	q := cch.NewQuery(mt)
	buf := make([]int32, 0, g.NumNodes())
	for v := range int32(200) { // warm up: arrays, unpacking stack
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

// TestEmpty: a graph without nodes builds, customizes and reports its size.
func TestEmpty(t *testing.T) {
	g, _, err := csr.Build(0, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := cch.Build(context.Background(), g, cch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Customize(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	ws := c.NewWorkspace()
	for range 2 {
		m, err := ws.Customize(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		ws.Recycle(m)
	}
	if _, err := ws.Customize(context.Background(), []float64{1}); err == nil {
		t.Error("a workspace customized one weight for a graph of no arcs")
	}
	if st := c.Stats(); st.Nodes != 0 || st.Arcs != 0 {
		t.Errorf("Stats() = %+v, want no nodes and no arcs", st)
	}
}
