package cch

import (
	"context"
	"math"
	"runtime"
	"slices"
	"testing"

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
	net, err := roadgrid.Generate(roadgrid.Options{Width: 90, Height: 70, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	g, w, err := net.CSR()
	if err != nil {
		t.Fatal(err)
	}
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

// equalMetrics reports whether a and b keep the same arcs with the same
// weights and middle nodes.
func equalMetrics(a, b *Metric) bool {
	if len(a.blocks) != len(b.blocks) {
		return false
	}
	for i, x := range a.blocks {
		y := b.blocks[i]
		for _, p := range [2][2]*arcs{{&x.f, &y.f}, {&x.b, &y.b}} {
			if !slices.Equal(p[0].first, p[1].first) || !slices.Equal(p[0].head, p[1].head) || !slices.Equal(p[0].w, p[1].w) || !slices.Equal(p[0].mid, p[1].mid) {
				return false
			}
		}
	}
	return true
}
