package cch

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

// TestSupernodal holds the supernodal customization against the rank by
// rank one (supernodal off, the code before supernodes) arc by arc: the
// same basic and perfect weights bit for bit, the same middle nodes and
// halves, the same keep flags and the same Metric, with every supernode
// dense (denseMin 2), the default rule and none dense, on one goroutine
// and on two with and without the top part's split of a rank's work.
// The graphs: random ones (zero, tied and +Inf weights, parallel arcs,
// self-loops), roadgrids with and without street classes, and in the long
// run the 90,000-node roadgrid.
func TestSupernodal(t *testing.T) {
	type weighted struct {
		name string
		c    *CCH
		w    []float64
	}
	var graphs []weighted
	rng := rand.New(rand.NewPCG(13, 1))
	for i := range 12 {
		n := 2 + rng.IntN(300)
		if i%4 == 3 {
			n = 4096 + rng.IntN(2000) // subtrees on two goroutines
		}
		g, w := randomSparse(rng, n, 2+rng.IntN(3))
		c, err := Build(context.Background(), g, Options{})
		if err != nil {
			t.Fatal(err)
		}
		graphs = append(graphs, weighted{"random", c, w})
	}
	sides := []int{60, 100}
	if !testing.Short() {
		sides = append(sides, 300)
	}
	for _, side := range sides {
		net, g, w := gridGraph(t, roadgrid.Options{Width: side, Height: side, Seed: 2})
		class := net.NodeClassValues()
		for _, opt := range []Options{{X: net.X, Y: net.Y}, {X: net.X, Y: net.Y, Class: class}} {
			c, err := Build(context.Background(), g, opt)
			if err != nil {
				t.Fatal(err)
			}
			tied := make([]float64, len(w)) // rounded: many triangles tie
			for a, x := range w {
				tied[a] = math.Round(x / 10)
			}
			name := "roadgrid"
			if opt.Class != nil {
				name += " with classes"
			}
			graphs = append(graphs, weighted{name, c, w}, weighted{name + ", tied", c, tied})
		}
	}
	for i, gr := range graphs {
		want := customizeWith(t, gr.c, gr.w, false, math.MaxInt32, 1<<30, 1)
		wide := 0
		for r := range want.sf {
			if r > 0 && want.sf[r] == want.sf[r-1] {
				t.Fatalf("graph %d: rank %d joins a supernode with supernodal off", i, r)
			}
		}
		for _, tt := range []struct {
			dense, split int32
			procs        int
			portable     bool // the portable kernels, not the assembly ones (kernel.go)
		}{
			{2, 1 << 30, 1, false}, {denseMin, 1 << 30, 1, false}, {math.MaxInt32, 1 << 30, 1, false},
			{2, 1 << 30, 2, false}, {2, 1, 2, false}, {denseMin, splitWork, 2, false}, {2, 1, 2, true},
		} {
			restore := useKernels(tt.portable)
			got := customizeWith(t, gr.c, gr.w, true, tt.dense, tt.split, tt.procs)
			restore()
			if tt.dense == 2 {
				wide = 0
				for r := range got.sf {
					if r > 0 && got.sf[r] == got.sf[r-1] {
						wide++
					}
				}
			}
			if d := got.diff(want); d != "" {
				t.Fatalf("%s (graph %d), denseMin %d, splitWork %d, %d goroutines, portable kernels %v: %s", gr.name, i, tt.dense, tt.split, tt.procs, tt.portable, d)
			}
		}
		if wide == 0 && gr.c.Stats().Nodes > 1000 {
			t.Errorf("%s (graph %d): no supernode wider than one rank", gr.name, i)
		}
	}
}

// useKernels selects the portable kernels if portable (else leaves the
// default ones) and returns a function that restores the previous ones.
func useKernels(portable bool) (restore func()) {
	r, u := minPlusRow, upperRow
	if portable {
		minPlusRow, upperRow = minPlusRowGo, upperRowGo
	}
	return func() { minPlusRow, upperRow = r, u }
}

// customized is what a customization leaves for the tests to compare.
type customized struct {
	wt, pw []pair
	via    []halves
	keep   []uint8
	m      *Metric
	sf     []int32
}

// diff describes the first difference between a and b, "" if none.
func (a customized) diff(b customized) string {
	for k := range a.wt {
		for d := range 2 {
			switch {
			case math.Float64bits(a.wt[k][d]) != math.Float64bits(b.wt[k][d]):
				return fmt.Sprintf("arc %d, direction %d: basic weight %v, want %v", k, d, a.wt[k][d], b.wt[k][d])
			case math.Float64bits(a.pw[k][d]) != math.Float64bits(b.pw[k][d]):
				return fmt.Sprintf("arc %d, direction %d: perfect weight %v, want %v", k, d, a.pw[k][d], b.pw[k][d])
			case a.via[k][d] != b.via[k][d]:
				return fmt.Sprintf("arc %d, direction %d: triangle %v, want %v", k, d, a.via[k][d], b.via[k][d])
			}
		}
	}
	if !slices.Equal(a.keep, b.keep) {
		return "keep flags differ"
	}
	if !equalMetrics(a.m, b.m) {
		return "metrics differ"
	}
	return ""
}

// customizeWith customizes c for w with the given settings and returns its
// state.
func customizeWith(tb testing.TB, c *CCH, w []float64, on bool, dense, split int32, procs int) customized {
	tb.Helper()
	defer func(on bool, d, s int32, p int) {
		supernodal, denseMin, splitWork = on, d, s
		runtime.GOMAXPROCS(p)
	}(supernodal, denseMin, splitWork, runtime.GOMAXPROCS(procs))
	supernodal, denseMin, splitWork = on, dense, split
	m, cu, keep, err := c.customizeState(context.Background(), "test", w, true, true, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return customized{cu.wt, cu.pw, cu.via, keep, m, cu.sfirst}
}

// randomSparse returns a random graph of n nodes with about deg arcs per
// node, mostly between nearby node numbers (so that it has separators
// and wide supernodes), some parallel, some self-loops, and weights that
// mix zeros (some −0), small integers (ties), fractions and +Inf.
func randomSparse(rng *rand.Rand, n, deg int) (*csr.Graph, []float64) {
	m := n * deg
	tails, heads := make([]int32, m), make([]int32, m)
	w := make([]float64, m)
	for i := range m {
		u := rng.IntN(n)
		v := u + rng.IntN(21) - 10
		if rng.IntN(500) == 0 {
			v = rng.IntN(n)
		}
		v = min(max(v, 0), n-1)
		tails[i], heads[i] = int32(u), int32(v)
		if i > 0 && rng.IntN(10) == 0 { // parallel to the previous arc
			tails[i], heads[i] = tails[i-1], heads[i-1]
		}
		switch r := rng.Float64(); {
		case r < 0.1:
			w[i] = 0
		case r < 0.15:
			w[i] = math.Copysign(0, -1)
		case r < 0.4:
			w[i] = float64(1 + rng.IntN(5))
		case r < 0.45:
			w[i] = math.Inf(1)
		default:
			w[i] = rng.Float64() * 100
		}
	}
	g, _, err := csr.Build(n, tails, heads)
	if err != nil {
		panic(err)
	}
	return g, w
}

// BenchmarkSupernodal measures a customization (basic and perfect) of the
// 90,000-node roadgrid, ordered by its coordinates and with its street
// classes, rank by rank (off), with supernodes but none dense, and with
// the dense path from denseMin ranks on: the measurement behind denseMin.
func BenchmarkSupernodal(b *testing.B) {
	net, g, w := gridGraph(b, roadgrid.Options{Width: 300, Height: 300, Seed: 1})
	class := net.NodeClassValues()
	for _, order := range []string{"coordinates", "classes"} {
		opt := Options{X: net.X, Y: net.Y}
		if order == "classes" {
			opt.Class = class
		}
		c, err := Build(context.Background(), g, opt)
		if err != nil {
			b.Fatal(err)
		}
		for _, tt := range []struct {
			name  string
			on    bool
			dense int32
		}{{"off", false, math.MaxInt32}, {"sparse", true, math.MaxInt32}, {"dense2", true, 2}, {"dense4", true, 4}, {"dense8", true, 8}, {"dense16", true, 16}} {
			b.Run(order+"/"+tt.name, func(b *testing.B) {
				defer func(on bool, d int32) { supernodal, denseMin = on, d }(supernodal, denseMin)
				supernodal, denseMin = tt.on, tt.dense
				for b.Loop() {
					if _, err := c.Customize(context.Background(), w); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(c.Stats().Triangles), "triangles")
			})
		}
	}
}
