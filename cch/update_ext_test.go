package cch_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/cch"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

// TestUpdateMatchesDijkstra: on random graphs, every distance and path of
// the metrics an Updater returns for a sequence of changed weight vectors
// (closures, reopenings, faster and slower arcs) equals Dijkstra's.
func TestUpdateMatchesDijkstra(t *testing.T) {
	seeds := uint64(60)
	if testing.Short() {
		seeds = 15
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		rng := rand.New(rand.NewPCG(seed, 13))
		n := 1 + rng.IntN(70)
		m := rng.IntN(5 * n)
		t.Run(fmt.Sprintf("seed=%d/n=%d/m=%d", seed, n, m), func(t *testing.T) {
			g, w, x, y := randomGraph(rng, n, m, 0.05)
			c, err := cch.Build(context.Background(), g, cch.Options{X: x, Y: y})
			if err != nil {
				t.Fatal(err)
			}
			u, err := c.NewUpdater(context.Background(), w)
			if err != nil {
				t.Fatal(err)
			}
			checkAllPairs(t, u.Metric(), w)
			for _, count := range []int{1, 2, 5, m / 2} {
				w = slices.Clone(w)
				for range count {
					a := rng.IntN(max(m, 1))
					if m == 0 {
						break
					}
					switch rng.IntN(4) {
					case 0:
						w[a] = math.Inf(1)
					case 1:
						w[a] = float64(rng.IntN(10))
					case 2:
						w[a] *= 1.5
					default:
						w[a] = rng.Float64() * 50
					}
				}
				mt, err := u.Update(context.Background(), w)
				if err != nil {
					t.Fatal(err)
				}
				checkAllPairs(t, mt, w)
			}
		})
	}
}

// TestUpdateRoadgrid: closures, a regional slow-down and their reverts on a
// roadgrid, checked on random pairs against Dijkstra.
func TestUpdateRoadgrid(t *testing.T) {
	c, g, w, net := roadgridCCH(t, roadgrid.Options{Width: 80, Height: 60, Seed: 4})
	u, err := c.NewUpdater(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(4, 1))
	closed := slices.Clone(w)
	for range 50 {
		closed[rng.IntN(len(w))] = math.Inf(1)
	}
	region := slices.Clone(w)
	for a := range region {
		if v := g.Tails[a]; net.X[v] < net.X[0]+10 && net.Y[v] < net.Y[0]+10 {
			region[a] *= 1.5
		}
	}
	for _, ww := range [][]float64{closed, w, region, closed, w} {
		mt, err := u.Update(context.Background(), ww)
		if err != nil {
			t.Fatal(err)
		}
		checkRandomPairs(t, mt, ww, rng, 200)
	}
	if _, err := u.Update(context.Background(), w[1:]); err == nil {
		t.Error("Update with a short weight vector: no error")
	}
	bad := slices.Clone(w)
	bad[3] = -1
	if _, err := u.Update(context.Background(), bad); err == nil {
		t.Error("Update with a negative weight: no error")
	}
}

// cancelAfter is a context whose Err reports cancellation from its n-th
// call on.
type cancelAfter struct {
	context.Context
	n int
}

func (c *cancelAfter) Err() error {
	if c.n--; c.n <= 0 {
		return context.Canceled
	}
	return nil
}

// TestUpdateCancelled: an update cancelled half way returns the context's
// error, and the Updater refuses later updates instead of answering from a
// half-updated state; the Metric it returned before stays exact.
func TestUpdateCancelled(t *testing.T) {
	c, _, w, _ := roadgridCCH(t, roadgrid.Options{Width: 80, Height: 60, Seed: 6})
	u, err := c.NewUpdater(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	before := u.Metric()
	slow := slices.Clone(w)
	for a := range slow {
		slow[a] *= 2
	}
	if _, err := u.Update(&cancelAfter{context.Background(), 2}, slow); !errors.Is(err, context.Canceled) {
		t.Fatalf("Update with a context cancelled half way: error %v, want context.Canceled", err)
	}
	if _, err := u.Update(context.Background(), w); !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("Update after a cancelled one: error %v, want invalid", err)
	}
	checkRandomPairs(t, before, w, rand.New(rand.NewPCG(6, 0)), 50)
}

// TestUpdateWhileQuerying: the Metrics an Updater returned stay valid and
// unchanged while it updates (run with -race): a goroutine queries the
// first one throughout.
func TestUpdateWhileQuerying(t *testing.T) {
	c, g, w, _ := roadgridCCH(t, roadgrid.Options{Width: 50, Height: 40, Seed: 8})
	u, err := c.NewUpdater(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	first := u.Metric()
	n := g.NumNodes()
	want := make([]float64, 100)
	q := cch.NewQuery(first)
	for i := range want {
		want[i] = q.Distance(int32(i), int32(n-1-i))
	}
	done := make(chan bool)
	go func() {
		defer close(done)
		q := cch.NewQuery(first)
		var path []int32
		for range 20 {
			for i := range want {
				if d := q.Distance(int32(i), int32(n-1-i)); d != want[i] {
					t.Errorf("distance %d → %d changed under an update: %v, was %v", i, n-1-i, d, want[i])
					return
				}
				path = q.Path(path[:0])
			}
		}
	}()
	rng := rand.New(rand.NewPCG(8, 0))
	for range 10 {
		ww := slices.Clone(w)
		for range 30 {
			ww[rng.IntN(len(ww))] = math.Inf(1)
		}
		if _, err := u.Update(context.Background(), ww); err != nil {
			t.Fatal(err)
		}
	}
	<-done
}

// TestUpdateParallelArcs: Path names the lightest of parallel arcs (the
// first of equal ones) after updates that change which one that is without
// changing its weight.
func TestUpdateParallelArcs(t *testing.T) {
	// Arcs 0–2: 0 → 1; arcs 3–4: 1 → 2.
	g, _, err := csr.Build(3, []int32{0, 0, 0, 1, 1}, []int32{1, 1, 1, 2, 2})
	if err != nil {
		t.Fatal(err)
	}
	c, err := cch.Build(context.Background(), g, cch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := []float64{5, 5, 9, 1, 1}
	u, err := c.NewUpdater(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		a    int
		x    float64
		want []int32
	}{
		{-1, 0, []int32{0, 3}},
		{0, 7, []int32{1, 3}},
		{1, math.Inf(1), []int32{0, 3}},
		{3, 2, []int32{0, 4}},
		{0, 9, []int32{0, 4}},
		{0, 10, []int32{2, 4}},
	} {
		mt := u.Metric()
		if tt.a >= 0 {
			w = slices.Clone(w)
			w[tt.a] = tt.x
			if mt, err = u.Update(context.Background(), w); err != nil {
				t.Fatal(err)
			}
		}
		q := cch.NewQuery(mt)
		q.Distance(0, 2)
		if got := q.Path(nil); !slices.Equal(got, tt.want) {
			t.Errorf("weights %v: Path(0, 2) = %v, want %v", w, got, tt.want)
		}
		checkAllPairs(t, mt, w)
	}
}
