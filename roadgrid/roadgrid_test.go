package roadgrid_test

import (
	"slices"
	"testing"

	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/roadgrid"
)

func TestGenerate(t *testing.T) {
	opt := roadgrid.Options{Width: 120, Height: 80, Seed: 3}
	a, err := roadgrid.Generate(opt)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := roadgrid.Generate(opt)
	if !slices.Equal(a.Tails, b.Tails) || !slices.Equal(a.Heads, b.Heads) || !slices.Equal(a.Seconds, b.Seconds) {
		t.Error("two runs with the same options differ")
	}
	c, _ := roadgrid.Generate(roadgrid.Options{Width: 120, Height: 80, Seed: 4})
	if slices.Equal(a.Seconds, c.Seconds) {
		t.Error("seeds 3 and 4 give the same weights")
	}
	n := a.NumNodes()
	if n != 9600 || len(a.X) != n {
		t.Fatalf("NumNodes = %d with %d coordinates, want 9600", n, len(a.X))
	}
	// Road-like: a little under 3 arcs per node, many nodes of degree 2.
	if avg := float64(len(a.Tails)) / float64(n); avg < 2.5 || avg > 3.3 {
		t.Errorf("%.2f arcs per node, want 2.5..3.3", avg)
	}
	for k := range a.Tails {
		if a.Seconds[k] <= 0 || a.LengthKm[k] <= 0 {
			t.Fatalf("arc %d: %v s, %v km, want positive", k, a.Seconds[k], a.LengthKm[k])
		}
	}
	g, w, err := a.CSR()
	if err != nil {
		t.Fatal(err)
	}
	// Strongly connected: node 0 reaches every node and every node reaches 0.
	s := csr.NewSearcher(g)
	s.Search(w, nil, 0, -1)
	r, _ := g.Reverse()
	rs := csr.NewSearcher(r)
	rs.Search(csr.Permute(w, reversePerm(g)), nil, 0, -1)
	for v := range int32(n) {
		if d := s.Dist(v); d > 1e9 {
			t.Fatalf("node %d unreachable from 0", v)
		}
		if d := rs.Dist(v); d > 1e9 {
			t.Fatalf("node 0 unreachable from %d", v)
		}
	}
	if _, err := roadgrid.Generate(roadgrid.Options{Width: 1, Height: 5}); err == nil {
		t.Error("Generate(1×5): no error")
	}
}

// reversePerm returns, for each arc of g, its number in g.Reverse().
func reversePerm(g *csr.Graph) []int32 {
	_, orig := g.Reverse()
	perm := make([]int32, len(orig))
	for ra, a := range orig {
		perm[a] = int32(ra)
	}
	return perm
}
