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

// TestClass checks the class of every arc against the layout (rows and
// columns by their index, diagonals local), its travel time against the
// class's speed, and NodeClass against the arcs.
func TestClass(t *testing.T) {
	net, err := roadgrid.Generate(roadgrid.Options{Width: 120, Height: 110, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(net.Class) != len(net.Tails) {
		t.Fatalf("%d classes for %d arcs", len(net.Class), len(net.Tails))
	}
	lineClass := func(k int) roadgrid.Class {
		switch {
		case k%50 == 0:
			return roadgrid.Highway
		case k%10 == 0:
			return roadgrid.Arterial
		}
		return roadgrid.Local
	}
	kmh := map[roadgrid.Class]float64{roadgrid.Local: 30, roadgrid.Arterial: 60, roadgrid.Highway: 100}
	w := int32(net.Width)
	seen := map[roadgrid.Class]int{}
	for k, c := range net.Class {
		u, v := net.Tails[k], net.Heads[k]
		var want roadgrid.Class
		switch {
		case u/w == v/w: // along row u/w
			want = lineClass(int(u / w))
		case u%w == v%w: // along column u%w
			want = lineClass(int(u % w))
		default: // diagonal
			want = roadgrid.Local
		}
		if c != want {
			t.Fatalf("arc %d (%d→%d): class %d, want %d", k, u, v, c, want)
		}
		seen[c]++
		// Seconds = km / kmh × 3600 × a factor in [1, 1.25).
		if f := net.Seconds[k] / (net.LengthKm[k] / kmh[c] * 3600); f < 1-1e-9 || f >= 1.25 {
			t.Fatalf("arc %d of class %d: slowdown %.3f, want [1, 1.25)", k, c, f)
		}
	}
	for _, c := range []roadgrid.Class{roadgrid.Local, roadgrid.Arterial, roadgrid.Highway} {
		if seen[c] == 0 {
			t.Errorf("no arc of class %d", c)
		}
	}
	nc := net.NodeClass()
	for _, tt := range []struct {
		name string
		i, j int
		want roadgrid.Class
	}{
		{"highway crossing", 0, 0, roadgrid.Highway},
		{"highway row", 7, 50, roadgrid.Highway},
		{"highway column", 100, 33, roadgrid.Highway},
		{"arterial crossing", 10, 20, roadgrid.Arterial},
		{"arterial column", 30, 7, roadgrid.Arterial},
		{"local", 7, 33, roadgrid.Local},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := nc[tt.j*net.Width+tt.i]; got != tt.want {
				t.Errorf("NodeClass at (%d, %d) = %d, want %d", tt.i, tt.j, got, tt.want)
			}
		})
	}
	if vs := net.NodeClassValues(); len(vs) != len(nc) {
		t.Errorf("NodeClassValues: %d values for %d nodes", len(vs), len(nc))
	} else {
		for v, c := range nc {
			if vs[v] != uint8(c) {
				t.Fatalf("NodeClassValues()[%d] = %d, NodeClass %d", v, vs[v], c)
			}
		}
	}
	for v, c := range nc[:500] { // the first rows, against every arc
		top := roadgrid.Local
		for k := range net.Class {
			if int(net.Tails[k]) == v || int(net.Heads[k]) == v {
				top = max(top, net.Class[k])
			}
		}
		if c != top {
			t.Fatalf("NodeClass[%d] = %d, want %d", v, c, top)
		}
	}
}
