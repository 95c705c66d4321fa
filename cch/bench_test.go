package cch_test

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/caravan-transport/caravan/cch"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

// benchRoadgrid builds the CCH of a side×side roadgrid ordered by its
// coordinates (about 2 s for a side of 300).
func benchRoadgrid(b *testing.B, side int) (*cch.CCH, *csr.Graph, []float64) {
	c, g, w, _ := roadgridCCH(b, roadgrid.Options{Width: side, Height: side, Seed: 1})
	return c, g, w
}

// roadgridCCH builds the CCH of the roadgrid of opt ordered by its
// coordinates.
func roadgridCCH(tb testing.TB, opt roadgrid.Options) (*cch.CCH, *csr.Graph, []float64, *roadgrid.Network) {
	tb.Helper()
	net, g, w := cch.GridGraph(tb, opt)
	c, err := cch.Build(context.Background(), g, cch.Options{X: net.X, Y: net.Y})
	if err != nil {
		tb.Fatal(err)
	}
	return c, g, w, net
}

// BenchmarkCustomize measures basic + perfect customization of a 90,000-node
// roadgrid (22 M triangles); run with -benchmem to see the Metric and the
// scratch it allocates.
func BenchmarkCustomize(b *testing.B) {
	c, _, w := benchRoadgrid(b, 300)
	b.ResetTimer()
	for range b.N {
		if _, err := c.Customize(context.Background(), w); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Stats().Triangles), "triangles")
}

// BenchmarkWorkspaceCustomize is BenchmarkCustomize through one Workspace,
// alternating two weight vectors: from the second customization on, the
// scratch is reused and only the Metric is allocated (compare B/op).
func BenchmarkWorkspaceCustomize(b *testing.B) {
	c, _, w := benchRoadgrid(b, 300)
	w2 := make([]float64, len(w))
	for a, x := range w {
		w2[a] = x * (1 + float64(a%7)/10)
	}
	ws := c.NewWorkspace()
	if _, err := ws.Customize(context.Background(), w2); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		ww := w
		if i%2 == 1 {
			ww = w2
		}
		if _, err := ws.Customize(context.Background(), ww); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDistance measures queries on random pairs of a 90,000-node
// roadgrid, ordered by its coordinates alone and with its street classes
// (Options.Class); -benchmem shows that a warmed-up Query allocates
// nothing, with or without unpacking the path into a buffer with room.
// path/op is the number of arcs of a path; unpack times Path alone (the
// timer stops for each Distance).
func BenchmarkDistance(b *testing.B) {
	net, err := roadgrid.Generate(roadgrid.Options{Width: 300, Height: 300, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	g, w, err := net.CSR()
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	n := g.NumNodes()
	ps := make([][2]int32, 1024)
	for i := range ps {
		ps[i] = [2]int32{int32(rng.IntN(n)), int32(rng.IntN(n))}
	}
	class := net.NodeClassValues()
	for _, order := range []string{"coordinates", "classes"} {
		opt := cch.Options{X: net.X, Y: net.Y}
		name := ""
		if order == "classes" {
			opt.Class, name = class, "class/"
		}
		var m *cch.Metric
		setup := func(b *testing.B) {
			if m != nil {
				return
			}
			c, err := cch.Build(context.Background(), g, opt)
			if err != nil {
				b.Fatal(err)
			}
			if m, err = c.Customize(context.Background(), w); err != nil {
				b.Fatal(err)
			}
		}
		for _, sub := range []string{"distance", "path", "unpack"} {
			path := sub != "distance"
			b.Run(name+sub, func(b *testing.B) {
				setup(b)
				q := cch.NewQuery(m)
				buf := make([]int32, 0, n)
				for _, p := range ps { // warm up
					q.Distance(p[0], p[1])
					buf = q.Path(buf[:0])
				}
				relaxed, arcs := 0, 0
				b.ResetTimer()
				for i := range b.N {
					p := ps[i%len(ps)]
					if sub == "unpack" {
						b.StopTimer()
					}
					q.Distance(p[0], p[1])
					relaxed += q.Relaxed
					if sub == "unpack" {
						b.StartTimer()
					}
					if path {
						buf = q.Path(buf[:0])
						arcs += len(buf)
					}
				}
				b.ReportMetric(float64(relaxed)/float64(b.N), "arcs/op")
				if path {
					b.ReportMetric(float64(arcs)/float64(b.N), "path/op")
				}
			})
		}
	}
}

// BenchmarkUpdate measures partial customization on a 90,000-node
// roadgrid: closing 10 random arcs and reopening them (two updates per
// iteration).
func BenchmarkUpdate(b *testing.B) {
	c, _, w := benchRoadgrid(b, 300)
	u, err := c.NewUpdater(context.Background(), w)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 3))
	closed := make([]float64, len(w))
	b.ResetTimer()
	for range b.N {
		copy(closed, w)
		for range 10 {
			closed[rng.IntN(len(w))] = math.Inf(1)
		}
		if _, err := u.Update(context.Background(), closed); err != nil {
			b.Fatal(err)
		}
		if _, err := u.Update(context.Background(), w); err != nil {
			b.Fatal(err)
		}
	}
}
