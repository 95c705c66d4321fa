package cch

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

// TestWorkspace checks that customizations through one Workspace, each
// reusing the scratch of the one before (other weights, closures, the basic
// metric between perfect ones, a cancelled one), give the metrics that
// fresh customizations give, arc by arc, and that a Metric returned earlier
// stays unchanged by the later ones.
func TestWorkspace(t *testing.T) {
	net, g, w := gridGraph(t, roadgrid.Options{Width: 90, Height: 70, Seed: 7})
	class := net.NodeClassValues()
	ctx := context.Background()
	rg, rw := randomSparse(rand.New(rand.NewPCG(3, 4)), 6000, 3)
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{name: "roadgrid with classes", opts: Options{X: net.X, Y: net.Y, Class: class}},
		{name: "random sparse"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gg, base := g, w
			if tc.opts.X == nil {
				gg, base = rg, rw
			}
			c, err := Build(ctx, gg, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			scenario := func() []float64 {
				s := make([]float64, len(base))
				for a, x := range base {
					s[a] = x * (0.5 + rng.Float64())
					if rng.IntN(50) == 0 {
						s[a] = math.Inf(1)
					}
				}
				return s
			}
			ws := c.NewWorkspace()
			first, err := ws.Customize(ctx, base)
			if err != nil {
				t.Fatal(err)
			}
			firstWant, err := c.Customize(ctx, base)
			if err != nil {
				t.Fatal(err)
			}
			cancelled, cancel := context.WithCancel(ctx)
			cancel()
			// A Metric from elsewhere is not taken.
			ws.Recycle(firstWant)
			ws.Recycle(nil)
			var prev *Metric   // handed back before the next customization
			var reused *mblock // its first block
			for i := range 6 {
				wi := scenario()
				var got, want *Metric
				switch i {
				case 2:
					got, err = ws.CustomizeBasic(ctx, wi)
					if err == nil {
						want, err = c.CustomizeBasic(ctx, wi)
					}
				case 4:
					if _, err := ws.Customize(cancelled, wi); err == nil {
						t.Fatal("a cancelled customization returned no error")
					}
					fallthrough
				default:
					got, err = ws.Customize(ctx, wi)
					if err == nil {
						want, err = c.Customize(ctx, wi)
					}
				}
				if err != nil {
					t.Fatal(err)
				}
				if !equalMetrics(got, want) {
					t.Fatalf("customization %d through the workspace differs from a fresh one", i)
				}
				if reused != nil && len(got.blocks[0].f.w) > 0 && len(got.blocks[0].f.w) <= cap(reused.f.w) && &got.blocks[0].f.w[0] != &reused.f.w[0] {
					t.Fatalf("customization %d did not build its Metric in the one handed back", i)
				}
				reused = nil
				if i%3 != 1 { // every third Metric is kept: the next one allocates
					if prev != nil {
						reused = prev.blocks[0]
					}
					ws.Recycle(prev)
					if prev != nil && prev.blocks != nil {
						t.Fatalf("customization %d: the Metric handed back kept its blocks", i)
					}
				}
				prev = got
				// Against Dijkstra too, though equal to a fresh metric.
				sr, q := csr.NewSearcher(c.Graph()), NewQuery(got)
				for range 20 {
					src, dst := int32(rng.IntN(c.Graph().NumNodes())), int32(rng.IntN(c.Graph().NumNodes()))
					want := sr.Search(wi, nil, src, dst)
					if d := q.Distance(src, dst); d != want && math.Abs(d-want) > 1e-9*math.Max(1, want) {
						t.Fatalf("customization %d: Distance(%d, %d) = %v, Dijkstra %v", i, src, dst, d, want)
					}
				}
			}
			if firstWant.blocks == nil {
				t.Fatal("Recycle took the blocks of a Metric the workspace did not make")
			}
			if !equalMetrics(first, firstWant) {
				t.Fatal("the first metric changed after later customizations through its workspace")
			}
		})
	}
}

// TestMakeHuge checks that makeHuge gives a zeroed, writable slice of the
// length asked, small or large (the advice covers only whole huge pages
// inside it, whatever its alignment).
func TestMakeHuge(t *testing.T) {
	for _, n := range []int{0, 1, 1000, hugeMin/16 - 1, hugeMin/16 + 12345} {
		s := makeHuge[pair](n)
		if len(s) != n {
			t.Fatalf("makeHuge(%d): length %d", n, len(s))
		}
		for i := range s {
			if s[i] != (pair{}) {
				t.Fatalf("makeHuge(%d)[%d] = %v, want zero", n, i, s[i])
			}
			s[i] = pair{float64(i), 1}
		}
		if n > 0 && s[n-1][0] != float64(n-1) {
			t.Fatalf("makeHuge(%d): last entry not written", n)
		}
	}
}
