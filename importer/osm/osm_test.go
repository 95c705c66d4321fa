package osm_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/importer"
	"github.com/caravan-transport/caravan/importer/osm"
	"github.com/caravan-transport/caravan/internal/shareddata"
	"github.com/caravan-transport/caravan/network"
)

func read(tb testing.TB, file string, opt osm.Options) *importer.Network {
	tb.Helper()
	path := shareddata.Path(tb, "data/osm/"+file)
	n, err := osm.Read(context.Background(), path, opt)
	if err != nil {
		tb.Fatalf("Read(%s) error: %v", file, err)
	}
	return n
}

// TestCounts holds the element counts against data/osm/README.md.
func TestCounts(t *testing.T) {
	for _, tt := range []struct {
		file                         string
		nodes, ways, relations       int
		railWays, railRefs, roadWays int
	}{
		{"liechtenstein-2013-08-03.osm.pbf", 65733, 7121, 113, 34, 167, -1},
		{"cologne-railway.osm.pbf", 60035, 8358, 0, 5920, 45281, -1},
		{"vde8.2-rail.osm.pbf", 13031, 1823, 0, 1823, 15176, 0},
	} {
		t.Run(tt.file, func(t *testing.T) {
			n := read(t, tt.file, osm.Options{Modes: []network.Mode{network.Rail, network.Road}})
			c := n.Counts
			if c.Nodes != tt.nodes || c.Ways != tt.ways || c.Relations != tt.relations {
				t.Errorf("nodes, ways, relations = %d, %d, %d, want %d, %d, %d", c.Nodes, c.Ways, c.Relations, tt.nodes, tt.ways, tt.relations)
			}
			if c.RailWays != tt.railWays || c.RailRefs != tt.railRefs {
				t.Errorf("rail ways (refs) = %d (%d), want %d (%d)", c.RailWays, c.RailRefs, tt.railWays, tt.railRefs)
			}
			if tt.roadWays >= 0 && c.RoadWays != tt.roadWays {
				t.Errorf("road ways = %d, want %d", c.RoadWays, tt.roadWays)
			}
			if n.Warnings.DanglingRefs != 0 {
				t.Errorf("dangling refs = %d, want 0 (README: every way-to-node reference resolves)", n.Warnings.DanglingRefs)
			}
			t.Log(n.Summary(), "; warnings:", n.Warnings)
		})
	}
}

// TestLiechtenstein: relation members missing from the cut extract are
// counted, not fatal; the main line is standard gauge.
func TestLiechtenstein(t *testing.T) {
	calls, last := 0, int64(0)
	n := read(t, "liechtenstein-2013-08-03.osm.pbf", osm.Options{Progress: func(pass int, done, total int64) {
		calls++
		if pass == 2 {
			last = done
		}
		if done > total || total != 592630 {
			t.Errorf("progress(%d, %d, %d): want done ≤ total = 592630", pass, done, total)
		}
	}})
	if calls < 2 || last != 592630 {
		t.Errorf("progress called %d times, last at %d bytes; want at least twice, ending at 592630", calls, last)
	}
	if got, want := n.Warnings.MissingWayMembers, 6179; got != want {
		t.Errorf("missing relation members = %d, want at least %d (README: 6,179 of 7,504 member ways)", got, want)
	}
	if len(n.Warnings.Examples) == 0 || !strings.Contains(n.Warnings.Examples[0], "not in the file") {
		t.Errorf("warning examples = %q, want one naming a missing member", n.Warnings.Examples)
	}
	for _, e := range n.Edges {
		if e.Mode != network.Rail || e.GaugeMM != 1435 {
			t.Fatalf("edge of way %d: mode %v gauge %d, want rail 1435", e.SourceID, e.Mode, e.GaugeMM)
		}
		if len(e.Geometry) < 2 || e.Km <= 0 {
			t.Fatalf("edge of way %d: %d points, %v km", e.SourceID, len(e.Geometry), e.Km)
		}
		for _, p := range e.Geometry {
			if p[0] < 9.48 || p[0] > 9.58 || p[1] < 47.16 || p[1] > 47.23 {
				t.Fatalf("edge of way %d: point %v outside the line's extent", e.SourceID, p)
			}
		}
	}
}

// TestCologneRoute routes across the Cologne railway extract: the shortest
// path by length between the two rail nodes farthest west and east must
// exist, be at least the straight-line distance and follow the edges.
func TestCologneRoute(t *testing.T) {
	n := read(t, "cologne-railway.osm.pbf", osm.Options{})
	g, hours, km, edgeOf, err := n.Graph()
	if err != nil {
		t.Fatal(err)
	}
	_ = hours
	// Largest component, by a search from the node with most arcs.
	s := csr.NewSearcher(g)
	best := int32(0)
	for v := range int32(g.NumNodes()) {
		if g.Offsets[v+1]-g.Offsets[v] > g.Offsets[best+1]-g.Offsets[best] {
			best = v
		}
	}
	s.Search(km, nil, best, -1)
	west, east := int32(-1), int32(-1)
	reached := 0
	for v := range int32(g.NumNodes()) {
		if math.IsInf(s.Dist(v), 1) {
			continue
		}
		reached++
		if west < 0 || n.Nodes[v].Loc[0] < n.Nodes[west].Loc[0] {
			west = v
		}
		if east < 0 || n.Nodes[v].Loc[0] > n.Nodes[east].Loc[0] {
			east = v
		}
	}
	if reached < g.NumNodes()/2 {
		t.Errorf("largest component reached from node %d has %d of %d nodes", best, reached, g.NumNodes())
	}
	d := s.Search(km, nil, west, east)
	path := s.Path(east, nil)
	straight := importer.LineKm(orb.LineString{n.Nodes[west].Loc, n.Nodes[east].Loc})
	t.Logf("west %v → east %v: %.1f km by rail over %d edges, %.1f km straight", n.Nodes[west].Loc, n.Nodes[east].Loc, d, len(path), straight)
	if math.IsInf(d, 1) || d < straight || d > 3*straight || len(path) == 0 {
		t.Fatalf("route west → east: %v km over %d arcs, straight line %.1f km", d, len(path), straight)
	}
	at, sum := west, 0.0
	for _, a := range path {
		e := n.Edges[edgeOf[a]]
		if g.Tails[a] != at {
			t.Fatalf("path arc %d leaves %d, want %d", a, g.Tails[a], at)
		}
		sum += e.Km
		at = g.Heads[a]
	}
	if at != east || math.Abs(sum-d) > 1e-9*d {
		t.Errorf("path ends at %d with %v km, want %d and %v", at, sum, east, d)
	}
}

// TestCorrupt: truncated or damaged files give an Invalid error, no panic.
func TestCorrupt(t *testing.T) {
	data, err := os.ReadFile(shareddata.Path(t, "data/osm/vde8.2-rail.osm.pbf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"header only", data[:100]},
		{"truncated", data[:len(data)/2]},
		{"garbage", bytes.Repeat([]byte{0xff}, 1000)},
		{"flipped", flip(data, 5000)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := osm.ReadSeeker(context.Background(), bytes.NewReader(tt.data), "x.osm.pbf", osm.Options{})
			if err == nil || !errors.Is(err, caravan.ErrInvalid) || !strings.Contains(err.Error(), "x.osm.pbf") {
				t.Errorf("ReadSeeker(%s) error = %v, want invalid naming the file", tt.name, err)
			}
		})
	}
}

func flip(b []byte, at int) []byte {
	c := bytes.Clone(b)
	for i := at; i < at+64 && i < len(c); i++ {
		c[i] ^= 0x5a
	}
	return c
}

// FuzzRead feeds damaged PBF bytes to the reader: it must return (an
// error or a network) without panicking.
func FuzzRead(f *testing.F) {
	if root, ok := shareddata.Root(); ok {
		if data, err := os.ReadFile(root + "/data/osm/vde8.2-rail.osm.pbf"); err == nil {
			f.Add(data[:4096])
			f.Add(flip(data[:8192], 300))
		}
	}
	f.Add([]byte{0, 0, 0, 13, 10, 9, 'O', 'S', 'M', 'H', 'e', 'a', 'd', 'e', 'r'})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = osm.ReadSeeker(context.Background(), bytes.NewReader(b), "fuzz.osm.pbf", osm.Options{})
	})
}

// TestBBox keeps only what lies in the box: every edge point inside it,
// fewer edges than without, and no dangling-reference warnings for the
// nodes the box leaves out.
func TestBBox(t *testing.T) {
	all := read(t, "cologne-railway.osm.pbf", osm.Options{})
	box, err := osm.ParseBBox("6.9,50.9,7.0,51.0")
	if err != nil {
		t.Fatal(err)
	}
	n := read(t, "cologne-railway.osm.pbf", osm.Options{BBox: box})
	if len(n.Edges) == 0 || len(n.Edges) >= len(all.Edges) {
		t.Fatalf("%d edges in the box, %d in all: want some and fewer", len(n.Edges), len(all.Edges))
	}
	for _, e := range n.Edges {
		for _, p := range e.Geometry {
			if !box.Contains(p) {
				t.Fatalf("edge of way %d: point %v outside %v", e.SourceID, p, box)
			}
		}
	}
	if n.Warnings.DanglingRefs != 0 {
		t.Errorf("dangling refs = %d, want 0 (nodes outside the box are not warnings)", n.Warnings.DanglingRefs)
	}
}

func TestParseBBoxAndModes(t *testing.T) {
	for _, s := range []string{"1,2,3", "3,2,1,4", "a,2,3,4", "-200,0,10,10", "0,0,0,0"} {
		if _, err := osm.ParseBBox(s); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("ParseBBox(%q) error = %v, want invalid", s, err)
		}
	}
	if b, err := osm.ParseBBox(" 9.4, 47.0,9.7 ,47.3"); err != nil || b.Min[0] != 9.4 || b.Max[1] != 47.3 {
		t.Errorf("ParseBBox = %v, %v", b, err)
	}
	if m, err := osm.Modes("rail, road,ferry"); err != nil || len(m) != 3 || m[2] != network.Ferry {
		t.Errorf("Modes = %v, %v", m, err)
	}
	if _, err := osm.Modes("rail,sea"); !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("Modes(rail,sea) error = %v, want invalid", err)
	}
}
