package cch

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

// TestParallelCustomization checks that the ways a customization shares
// its work (subtrees on separate goroutines, a rank's triangles split
// between two in the top part of the tree, or one goroutine for all) give
// the same metric, middle nodes included: ties between triangles go to the
// lowest middle node, whatever order the lower neighbours come in.
func TestParallelCustomization(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS ≥ 2")
	}
	net, g, w := gridGraph(t, roadgrid.Options{Width: 90, Height: 70, Seed: 5})
	c, err := Build(context.Background(), g, Options{X: net.X, Y: net.Y})
	if err != nil {
		t.Fatal(err)
	}
	// Tens of seconds, rounded: many triangles tie.
	tied := make([]float64, len(w))
	for a, x := range w {
		tied[a] = math.Round(x / 10)
	}
	for _, w := range [][]float64{w, tied} {
		checkParallel(t, c, w)
	}
}

func checkParallel(t *testing.T, c *CCH, w []float64) {
	t.Helper()
	run := func(split int32, procs int) *Metric {
		defer func(s int32, p int) { splitWork = s; runtime.GOMAXPROCS(p) }(splitWork, runtime.GOMAXPROCS(procs))
		splitWork = split
		m, err := c.Customize(context.Background(), w)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	want := run(1<<30, 1)
	for _, split := range []int32{1 << 30, 1} {
		got := run(split, 2)
		if !equalMetrics(got, want) {
			t.Errorf("splitWork %d on 2 goroutines: metric differs from one goroutine's", split)
		}
	}
}

// gridGraph generates the roadgrid of opt, with its graph and weights.
func gridGraph(tb testing.TB, opt roadgrid.Options) (*roadgrid.Network, *csr.Graph, []float64) {
	tb.Helper()
	net, err := roadgrid.Generate(opt)
	if err != nil {
		tb.Fatal(err)
	}
	g, w, err := net.CSR()
	if err != nil {
		tb.Fatal(err)
	}
	return net, g, w
}

// equalMetrics reports whether a and b keep the same arcs with the same
// weights and middle nodes.
func equalMetrics(a, b *Metric) bool {
	if len(a.blocks) != len(b.blocks) {
		return false
	}
	for i, x := range a.blocks {
		y := b.blocks[i]
		for _, p := range [2][2]*arcs{{&x.f, &y.f}, {&x.b, &y.b}} {
			if !slices.Equal(p[0].first, p[1].first) || p[0].wide != p[1].wide || !slices.Equal(p[0].head, p[1].head) || !slices.Equal(p[0].w, p[1].w) || !slices.Equal(p[0].mid, p[1].mid) ||
				!slices.Equal(p[0].wideHead, p[1].wideHead) || !slices.Equal(p[0].wideMid, p[1].wideMid) {
				return false
			}
		}
	}
	return true
}

// TestWideBlocks checks the blocks whose ranks do not fit in 3 bytes (see
// arcs), on a graph small enough for a test: with a lower bound, some
// blocks are wide, the others packed, and the metric holds the same arcs
// and answers the same distances and paths as one packed throughout.
func TestWideBlocks(t *testing.T) {
	net, g, w := gridGraph(t, roadgrid.Options{Width: 120, Height: 100, Seed: 3})
	ctx := context.Background()
	c, err := Build(ctx, g, Options{X: net.X, Y: net.Y})
	if err != nil {
		t.Fatal(err)
	}
	packed, err := c.Customize(ctx, w) // not wide: fewer than 2^24 - 1 nodes
	if err != nil {
		t.Fatal(err)
	}
	// The bound: the median of the blocks' highest ranks.
	var tops []int32
	for _, bl := range packed.blocks {
		top := int32(0)
		for _, a := range [2]*arcs{&bl.f, &bl.b} {
			for j := range a.w {
				top = max(top, a.headAt(j))
			}
		}
		tops = append(tops, top)
	}
	slices.Sort(tops)
	n := g.NumNodes()
	c.packLimit = tops[len(tops)/2]
	mixed, err := c.Customize(ctx, w)
	c.packLimit = packedMax
	if err != nil {
		t.Fatal(err)
	}
	wide := map[bool]int{}
	for i, bl := range mixed.blocks {
		pb := packed.blocks[i]
		for _, p := range [2][2]*arcs{{&bl.f, &pb.f}, {&bl.b, &pb.b}} {
			wide[p[0].wide]++
			if !slices.Equal(p[0].first, p[1].first) || !slices.Equal(p[0].w, p[1].w) {
				t.Fatalf("block %d: arcs or weights differ", i)
			}
			for j := range p[0].w {
				if p[0].headAt(j) != p[1].headAt(j) || p[0].midAt(j) != p[1].midAt(j) {
					t.Fatalf("block %d, arc %d: head %d, middle %d (wide %v); %d, %d packed", i, j,
						p[0].headAt(j), p[0].midAt(j), p[0].wide, p[1].headAt(j), p[1].midAt(j))
				}
			}
		}
	}
	if wide[false] == 0 || wide[true] == 0 {
		t.Fatalf("blocks wide (true) and packed (false): %v, want both", wide)
	}
	qp, qm := NewQuery(packed), NewQuery(mixed)
	var pp, pm []int32
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		s, t2 := int32(rng.IntN(n)), int32(rng.IntN(n))
		dp, dm := qp.Distance(s, t2), qm.Distance(s, t2)
		pp, pm = qp.Path(pp[:0]), qm.Path(pm[:0])
		if dp != dm || !slices.Equal(pp, pm) {
			t.Fatalf("%d → %d: distance %v, path %v packed in 3 bytes; %v, %v mixed", s, t2, dp, pp, dm, pm)
		}
		if ds := qm.DistanceSearch(s, t2); ds != dp {
			t.Fatalf("%d → %d: DistanceSearch %v mixed, Distance %v", s, t2, ds, dp)
		}
	}
}

// TestPathArcs: the csr arc an original kept arc names (see arcs) by
// number, by its place among its tail's arcs (a CCH that is not direct) or
// not at all (a Metric whose original arcs are cleared, as where lo + k does
// not fit in 3 bytes) give the same paths, on a roadgrid and on random
// graphs with parallel arcs.
func TestPathArcs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	_, g, w := gridGraph(t, roadgrid.Options{Width: 60, Height: 50, Seed: 5})
	type weighted struct {
		g *csr.Graph
		w []float64
	}
	graphs := []weighted{{g, w}}
	for range 20 {
		n := 2 + rng.IntN(60)
		m := rng.IntN(6 * n)
		tails, heads := make([]int32, m), make([]int32, m)
		w := make([]float64, m)
		for i := range m {
			tails[i], heads[i] = int32(rng.IntN(n)), int32(rng.IntN(n))
			if i > 0 && rng.IntN(4) == 0 { // parallel to the previous arc
				tails[i], heads[i] = tails[i-1], heads[i-1]
			}
			w[i] = float64(rng.IntN(6))
		}
		g, _, err := csr.Build(n, tails, heads)
		if err != nil {
			t.Fatal(err)
		}
		graphs = append(graphs, weighted{g, w})
	}
	for i, gr := range graphs {
		c, err := Build(context.Background(), gr.g, Options{})
		if err != nil {
			t.Fatal(err)
		}
		direct, err := c.Customize(context.Background(), gr.w)
		if err != nil {
			t.Fatal(err)
		}
		c.direct = false
		placed, err := c.Customize(context.Background(), gr.w)
		c.direct = true
		if err != nil {
			t.Fatal(err)
		}
		if !direct.direct || placed.direct {
			t.Fatalf("graph %d: direct %v and %v, want true and false", i, direct.direct, placed.direct)
		}
		bare := &Metric{c: c, w: direct.w}
		originals, differ := 0, 0
		for b, bl := range direct.blocks {
			nb := &mblock{f: bl.f, b: bl.b}
			pb := placed.blocks[b]
			for d, a := range [2]*arcs{&nb.f, &nb.b} {
				p := [2]*arcs{&pb.f, &pb.b}[d]
				a.mid = slices.Clone(a.mid)
				for r := range len(a.first) - 1 {
					lo := int32(b<<blockShift + r)
					for j := a.first[r]; j < a.first[r+1]; j++ {
						if x := a.midAt(int(j)); x >= lo {
							a.mid[j] = uint24{}
							originals++
							if p.midAt(int(j)) != x {
								differ++
							}
						}
					}
				}
			}
			bare.blocks = append(bare.blocks, nb)
		}
		if originals == 0 || differ == 0 {
			t.Fatalf("graph %d: %d original arcs name their csr arcs, %d differently by place, want some of each", i, originals, differ)
		}
		q, qp, qb := NewQuery(direct), NewQuery(placed), NewQuery(bare)
		var p, pp, pb []int32
		n := gr.g.NumNodes()
		for range 300 {
			s, t2 := int32(rng.IntN(n)), int32(rng.IntN(n))
			d, dp, db := q.Distance(s, t2), qp.Distance(s, t2), qb.Distance(s, t2)
			p, pp, pb = q.Path(p[:0]), qp.Path(pp[:0]), qb.Path(pb[:0])
			if d != dp || d != db || !slices.Equal(p, pp) || !slices.Equal(p, pb) {
				t.Fatalf("graph %d, %d → %d: distance %v, path %v by number; %v, %v by place; %v, %v not named", i, s, t2, d, p, dp, pp, db, pb)
			}
		}
	}
}
