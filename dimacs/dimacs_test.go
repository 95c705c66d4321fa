package dimacs_test

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/dimacs"
	"github.com/caravan-transport/caravan/internal/shareddata"
)

const small = `c a small graph
c with comments

p sp 4 5
a 1 2 7
a 2 3 0
a 1 3 9
a 1 3 8
a 4 4 1
`

func TestRead(t *testing.T) {
	g, err := dimacs.Read(context.Background(), strings.NewReader(small), "small.gr")
	if err != nil {
		t.Fatal(err)
	}
	want := &dimacs.Graph{
		NumNodes: 4,
		Tails:    []int32{0, 1, 0, 0, 3},
		Heads:    []int32{1, 2, 2, 2, 3},
		Weights:  []int64{7, 0, 9, 8, 1},
	}
	if g.NumNodes != want.NumNodes || !slices.Equal(g.Tails, want.Tails) || !slices.Equal(g.Heads, want.Heads) || !slices.Equal(g.Weights, want.Weights) {
		t.Errorf("Read = %+v, want %+v", g, want)
	}
	cg, w, perm, err := g.CSR()
	if err != nil {
		t.Fatal(err)
	}
	for i := range g.Tails {
		a := perm[i]
		if cg.Tails[a] != g.Tails[i] || cg.Heads[a] != g.Heads[i] || w[a] != float64(g.Weights[i]) {
			t.Errorf("arc line %d: CSR arc %d is %d→%d (%v), want %d→%d (%d)", i, a, cg.Tails[a], cg.Heads[a], w[a], g.Tails[i], g.Heads[i], g.Weights[i])
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"no problem line", "c nothing\n", "x.gr: no problem line"},
		{"arc first", "a 1 2 3\np sp 2 1\n", "x.gr:1: arc before the problem line"},
		{"bad problem", "p max 2 1\n", "x.gr:1: problem line"},
		{"two problems", "p sp 2 0\np sp 2 0\n", "x.gr:2: second problem line"},
		{"bad node count", "p sp -2 0\n", "x.gr:1: field nodes"},
		{"bad arc count", "p sp 2 x\n", "x.gr:1: field arcs"},
		{"short arc", "p sp 2 1\na 1 2\n", "x.gr:2: arc line"},
		{"tail zero", "p sp 2 1\na 0 2 1\n", "x.gr:2: field tail: node \"0\" is not in 1..2"},
		{"head too big", "p sp 2 1\na 1 3 1\n", "x.gr:2: field head: node \"3\" is not in 1..2"},
		{"negative weight", "p sp 2 1\na 1 2 -1\n", "x.gr:2: field weight"},
		{"float weight", "p sp 2 1\na 1 2 1.5\n", "x.gr:2: field weight"},
		{"huge weight", "p sp 2 1\na 1 2 9007199254740993\n", "x.gr:2: field weight"},
		{"too many arcs", "p sp 2 1\na 1 2 1\na 2 1 1\n", "x.gr:3: more arcs than the 1"},
		{"too few arcs", "p sp 2 2\na 1 2 1\n", "x.gr: 1 arcs, but the problem line declares 2"},
		{"unknown line", "p sp 2 0\nx 1\n", "x.gr:2: unknown line type \"x\""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := dimacs.Read(context.Background(), strings.NewReader(tt.in), "x.gr")
			if err == nil {
				t.Fatalf("Read(%q): no error, want %q", tt.in, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
			if !errors.Is(err, caravan.ErrInvalid) {
				t.Errorf("Read(%q) error kind = %v, want invalid", tt.in, caravan.KindOf(err))
			}
		})
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := dimacs.ReadFile(context.Background(), t.TempDir()+"/none.gr")
	if !errors.Is(err, caravan.ErrNotFound) {
		t.Errorf("ReadFile(missing) error = %v, want kind not found", err)
	}
}

func TestReadCancelled(t *testing.T) {
	var b strings.Builder
	b.WriteString("p sp 2 70000\n")
	for range 70000 {
		b.WriteString("a 1 2 1\n")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := dimacs.Read(ctx, strings.NewReader(b.String()), "big.gr"); !errors.Is(err, context.Canceled) {
		t.Errorf("Read with cancelled context: error = %v, want context.Canceled", err)
	}
}

func TestReadCoordinates(t *testing.T) {
	in := "c coords\np aux sp co 3\nv 2 -5 7\nv 1 10 20\nv 3 0 0\n"
	c, err := dimacs.ReadCoordinates(context.Background(), strings.NewReader(in), "x.co")
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{10, -5, 0}; !slices.Equal(c.X, want) {
		t.Errorf("X = %v, want %v", c.X, want)
	}
	if want := []int64{20, 7, 0}; !slices.Equal(c.Y, want) {
		t.Errorf("Y = %v, want %v", c.Y, want)
	}
	for _, tt := range []struct{ name, in, want string }{
		{"missing node", "p aux sp co 2\nv 1 0 0\n", "x.co: 1 node lines, but the problem line declares 2"},
		{"twice", "p aux sp co 2\nv 1 0 0\nv 1 0 0\n", "x.co:3: field id: node 1 listed twice"},
		{"bad x", "p aux sp co 1\nv 1 a 0\n", "x.co:2: field x"},
		{"bad problem", "p sp 1 1\n", "x.co:1: problem line"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := dimacs.ReadCoordinates(context.Background(), strings.NewReader(tt.in), "x.co")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadCoordinates(%q) error = %v, want %q", tt.in, err, tt.want)
			}
		})
	}
}

// TestRome99 checks the reader against the figures the shared data README
// lists for rome99.gr and runs Dijkstra to its reference distances.
func TestRome99(t *testing.T) {
	path := shareddata.Path(t, "data/dimacs/rome99.gr")
	g, err := dimacs.ReadFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if g.NumNodes != 3353 || len(g.Tails) != 8870 {
		t.Fatalf("rome99: %d nodes, %d arcs, want 3353 and 8870", g.NumNodes, len(g.Tails))
	}
	var sum int64
	lo, hi := int64(math.MaxInt64), int64(0)
	pairs := map[[2]int32]int{}
	for i, w := range g.Weights {
		sum += w
		lo, hi = min(lo, w), max(hi, w)
		pairs[[2]int32{g.Tails[i], g.Heads[i]}]++
	}
	dup := 0
	for _, c := range pairs {
		if c > 1 {
			dup++
		}
	}
	if sum != 4721692 || lo != 1 || hi != 12711 || dup != 11 {
		t.Errorf("rome99 weights sum %d in [%d, %d] with %d parallel pairs, want 4721692 in [1, 12711] with 11", sum, lo, hi, dup)
	}
	cg, w, _, err := g.CSR()
	if err != nil {
		t.Fatal(err)
	}
	s := csr.NewSearcher(cg)
	s.Search(w, nil, 0, -1)
	total, far := 0.0, 0.0
	for v := range int32(cg.NumNodes()) {
		d := s.Dist(v)
		total += d
		far = max(far, d)
	}
	if total != 116006476 || far != 69102 {
		t.Errorf("from node 1: sum of distances %v, max %v, want 116006476 and 69102", total, far)
	}
	for _, tt := range []struct {
		from, to int32 // file ids
		want     float64
	}{
		{1, 3353, 30305}, {1, 1000, 33725}, {1, 2000, 33517}, {100, 2000, 31719}, {3000, 50, 42528},
	} {
		if got := s.Search(w, nil, tt.from-1, tt.to-1); got != tt.want {
			t.Errorf("d(%d, %d) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

func FuzzDIMACS(f *testing.F) {
	f.Add([]byte(small))
	f.Add([]byte("p sp 1 0\n"))
	f.Add([]byte("p sp 3 2\na 1 2 5\na 3 3 0\n"))
	f.Add([]byte("p aux sp co 2\nv 1 1 1\nv 2 -3 4\n"))
	f.Add([]byte("c\n\np sp 2 1\n a  2\t1   9007199254740992 \n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		ctx := context.Background()
		g, err := dimacs.Read(ctx, strings.NewReader(string(in)), "fuzz.gr")
		if err == nil {
			if len(g.Tails) != len(g.Heads) || len(g.Tails) != len(g.Weights) {
				t.Fatalf("slices of different lengths: %d, %d, %d", len(g.Tails), len(g.Heads), len(g.Weights))
			}
			for i := range g.Tails {
				if g.Tails[i] < 0 || int(g.Tails[i]) >= g.NumNodes || g.Heads[i] < 0 || int(g.Heads[i]) >= g.NumNodes || g.Weights[i] < 0 {
					t.Fatalf("arc %d: %d→%d (%d) outside %d nodes or negative", i, g.Tails[i], g.Heads[i], g.Weights[i], g.NumNodes)
				}
			}
			if g.NumNodes <= 1<<16 {
				if _, _, _, err := g.CSR(); err != nil {
					t.Fatalf("CSR of a valid graph: %v", err)
				}
			}
		} else if caravan.KindOf(err) != caravan.Invalid {
			t.Fatalf("Read error kind %v, want invalid: %v", caravan.KindOf(err), err)
		}
		c, err := dimacs.ReadCoordinates(ctx, strings.NewReader(string(in)), "fuzz.co")
		if err == nil && len(c.X) != len(c.Y) {
			t.Fatalf("X and Y of lengths %d and %d", len(c.X), len(c.Y))
		} else if err != nil && caravan.KindOf(err) != caravan.Invalid {
			t.Fatalf("ReadCoordinates error kind %v, want invalid: %v", caravan.KindOf(err), err)
		}
	})
}
