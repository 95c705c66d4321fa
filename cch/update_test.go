package cch

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

// changeWeights returns a copy of w with count random arcs changed:
// closed, reopened to a new weight, made slower or faster, or set to zero.
func changeWeights(rng *rand.Rand, w []float64, count int) []float64 {
	w2 := slices.Clone(w)
	for range count {
		a := rng.IntN(len(w2))
		switch rng.IntN(5) {
		case 0:
			w2[a] = math.Inf(1)
		case 1:
			w2[a] = float64(rng.IntN(50))
		case 2:
			w2[a] *= 1.5
		case 3:
			w2[a] *= 0.5
		default:
			w2[a] = 0
		}
	}
	return w2
}

// checkUpdater compares the state of u with that of a full customization
// for w, bit for bit: basic and perfect weights and middle nodes; the keep
// flags of u must include the full customization's.
func checkUpdater(t *testing.T, u *Updater, w []float64) {
	t.Helper()
	_, cu, keep, err := u.c.customizeState(context.Background(), "test", w, true, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k := range cu.wt {
		if u.wt[k] != cu.wt[k] || u.via[k] != cu.via[k] || u.pw[k] != cu.pw[k] {
			t.Fatalf("arc %d: update gives basic %v via %v perfect %v, full customization %v via %v perfect %v",
				k, u.wt[k], u.via[k], u.pw[k], cu.wt[k], cu.via[k], cu.pw[k])
		}
		if keep[k]&^u.keep[k] != 0 {
			t.Fatalf("arc %d: update keeps %b, full customization %b", k, u.keep[k], keep[k])
		}
	}
	// The blocks the update rebuilt and those it shared make the Metric
	// that its flags give.
	want := (&customizer{c: u.c, wt: u.wt, via: u.via}).compact(w, u.keep, nil, nil)
	if !equalMetrics(u.Metric(), want) {
		t.Fatal("the updated Metric differs from one compacted from the Updater's state")
	}
}

// TestUpdateEqualsCustomize applies sequences of changes (a single arc,
// a few, many) to random graphs and a roadgrid and compares the Updater's
// state with a full customization after each.
func TestUpdateEqualsCustomize(t *testing.T) {
	ctx := context.Background()
	type graph struct {
		g    *csr.Graph
		w    []float64
		x, y []float64
	}
	var graphs []graph
	rng := rand.New(rand.NewPCG(11, 0))
	for range 20 {
		n := 2 + rng.IntN(150)
		m := rng.IntN(5 * n)
		tails, heads := make([]int32, m), make([]int32, m)
		for i := range m {
			tails[i], heads[i] = int32(rng.IntN(n)), int32(rng.IntN(n))
			if i > 0 && rng.IntN(10) == 0 {
				tails[i], heads[i] = tails[i-1], heads[i-1]
			}
		}
		g, _, err := csr.Build(n, tails, heads)
		if err != nil {
			t.Fatal(err)
		}
		w := make([]float64, m)
		for i := range w {
			w[i] = float64(rng.IntN(20)) // ties
			if rng.IntN(3) == 0 {
				w[i] = rng.Float64() * 100
			}
		}
		graphs = append(graphs, graph{g: g, w: w})
	}
	net, g, w := gridGraph(t, roadgrid.Options{Width: 80, Height: 60, Seed: 2}) // several blocks
	graphs = append(graphs, graph{g, w, net.X, net.Y})
	for gi, gr := range graphs {
		c, err := Build(ctx, gr.g, Options{X: gr.x, Y: gr.y})
		if err != nil {
			t.Fatal(err)
		}
		// Partial steps only; then, with a budget of 1 ns on every other
		// step, updates that end in a full customization (see
		// Updater.customizeFull) between partial ones.
		for _, fallback := range []bool{false, true} {
			u, err := c.NewUpdater(ctx, gr.w)
			if err != nil {
				t.Fatal(err)
			}
			w, fulls := gr.w, 0
			for step, count := range []int{1, 1, 3, 10, len(w) / 3, 1} {
				if len(w) == 0 {
					break
				}
				u.budget, u.stopAfter = time.Hour, 0
				if fallback && step%2 == 0 {
					// Over budget at once, or half way through the
					// partial steps.
					u.budget = time.Nanosecond
					if step%4 == 2 {
						u.budget, u.stopAfter = time.Hour, 1+rng.IntN(1+count)
					}
				}
				w = changeWeights(rng, w, count)
				if _, err := u.Update(ctx, w); err != nil {
					t.Fatal(err)
				}
				if u.LastUpdate().Full {
					fulls++
					if u.budget == time.Hour && u.stopAfter == 0 {
						t.Fatalf("graph %d step %d: a full customization within a budget of an hour", gi, step)
					}
				}
				t.Logf("graph %d step %d: %+v", gi, step, u.LastUpdate())
				checkUpdater(t, u, w)
			}
			if fallback && fulls == 0 && len(gr.w) > 10 {
				t.Errorf("graph %d: no update fell back to a full customization with a budget of 1 ns", gi)
			}
		}
	}
}
