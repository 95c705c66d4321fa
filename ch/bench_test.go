package ch_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/caravan-transport/caravan/ch"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/dimacs"
	"github.com/caravan-transport/caravan/internal/shareddata"
	"github.com/caravan-transport/caravan/roadgrid"
	"github.com/caravan-transport/caravan/tntp"
)

// benchGraph loads one benchmark graph, skipping when shared data is absent.
func benchGraph(b testing.TB, name string) (*csr.Graph, []float64) {
	b.Helper()
	ctx := context.Background()
	switch name {
	case "rome99":
		d, err := dimacs.ReadFile(ctx, shareddata.Path(b, "data/dimacs/rome99.gr"))
		if err != nil {
			b.Fatal(err)
		}
		g, w, _, err := d.CSR()
		if err != nil {
			b.Fatal(err)
		}
		return g, w
	case "BerlinCenter", "ChicagoRegional":
		file := map[string]string{
			"BerlinCenter":    "data/tntp/BerlinCenter/berlin-center_net.tntp",
			"ChicagoRegional": "data/tntp/ChicagoRegional/ChicagoRegional_net.tntp",
		}[name]
		n, err := tntp.ReadNetFile(ctx, shareddata.Path(b, file))
		if err != nil {
			b.Fatal(err)
		}
		g, perm, err := n.Graph()
		if err != nil {
			b.Fatal(err)
		}
		return g, csr.Permute(n.FreeFlowTimes(), perm)
	case "roadgrid100k":
		net, err := roadgrid.Generate(roadgrid.Options{Width: 316, Height: 316, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		g, w, err := net.CSR()
		if err != nil {
			b.Fatal(err)
		}
		return g, w
	}
	b.Fatalf("unknown graph %q", name)
	return nil, nil
}

// pairs returns n random (source, target) pairs, the same for every run.
func pairs(nodes, n int) [][2]int32 {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([][2]int32, n)
	for i := range out {
		out[i] = [2]int32{int32(rng.IntN(nodes)), int32(rng.IntN(nodes))}
	}
	return out
}

var benchGraphs = []string{"rome99", "BerlinCenter", "ChicagoRegional", "roadgrid100k"}

// BenchmarkDijkstra times csr.Searcher point-to-point queries (with the path)
// over fixed random pairs: ns/op is the mean time of one query.
func BenchmarkDijkstra(b *testing.B) {
	for _, name := range benchGraphs {
		b.Run(name, func(b *testing.B) {
			g, w := benchGraph(b, name)
			ps := pairs(g.NumNodes(), 1000)
			s := csr.NewSearcher(g)
			var path []int32
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				p := ps[i%len(ps)]
				s.Search(w, nil, p[0], p[1])
				path = s.Path(p[1], path[:0])
				i++
			}
		})
	}
}

// BenchmarkQuery times CH point-to-point queries with path unpacking over
// the same pairs as BenchmarkDijkstra.
func BenchmarkQuery(b *testing.B) {
	for _, name := range benchGraphs {
		b.Run(name, func(b *testing.B) {
			g, w := benchGraph(b, name)
			h, err := ch.Build(context.Background(), g, w, ch.Options{})
			if err != nil {
				b.Fatal(err)
			}
			ps := pairs(g.NumNodes(), 1000)
			q := ch.NewQuery(h)
			var path []int32
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				p := ps[i%len(ps)]
				q.Distance(p[0], p[1])
				path = q.Path(path[:0])
				i++
			}
		})
	}
}

// BenchmarkBuild times preprocessing on rome99.
func BenchmarkBuild(b *testing.B) {
	g, w := benchGraph(b, "rome99")
	for b.Loop() {
		if _, err := ch.Build(context.Background(), g, w, ch.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCustomize times re-weighting a rome99 hierarchy (weights scaled
// by random factors in [0.8, 1.2), as a scenario might).
func BenchmarkCustomize(b *testing.B) {
	g, w := benchGraph(b, "rome99")
	h, err := ch.Build(context.Background(), g, w, ch.Options{})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 0))
	w2 := make([]float64, len(w))
	for a := range w {
		w2[a] = w[a] * (0.8 + 0.4*rng.Float64())
	}
	for b.Loop() {
		if _, err := h.Customize(context.Background(), w2); err != nil {
			b.Fatal(err)
		}
	}
}
