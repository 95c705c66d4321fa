package geojson_test

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/importer"
	"github.com/caravan-transport/caravan/importer/geojson"
	"github.com/caravan-transport/caravan/internal/shareddata"
	"github.com/caravan-transport/caravan/network"
)

func write(tb testing.TB, name, text string) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

const tee = `{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"railway": "rail", "osm_way_id": 1, "name": "A–C"}, "geometry": {"type": "LineString", "coordinates": [[60, 40], [61, 40], [62, 40]]}},
{"type": "Feature", "properties": {"railway": "rail", "osm_way_id": 2, "maxspeed": "120"}, "geometry": {"type": "LineString", "coordinates": [[61, 40], [61, 41]]}},
{"type": "Feature", "properties": {"railway": "proposed", "osm_way_id": 3}, "geometry": {"type": "LineString", "coordinates": [[62, 40], [63, 40]]}},
{"type": "Feature", "properties": {"railway": "station", "osm_id": 9, "name": "Junction"}, "geometry": {"type": "Point", "coordinates": [61.001, 40.001]}}
]}`

// TestTee: a T junction splits the first line in two; the proposed line is
// filtered out; the station snaps to the junction.
func TestTee(t *testing.T) {
	n, err := geojson.Read(context.Background(), geojson.DefaultMapping(), write(t, "tee.geojson", tee))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Nodes) != 4 || len(n.Edges) != 3 {
		t.Fatalf("%d nodes, %d edges, want 4 and 3: %+v", len(n.Nodes), len(n.Edges), n.Edges)
	}
	var total float64
	for _, e := range n.Edges {
		total += e.Km
		if e.Mode != network.Rail {
			t.Errorf("edge mode %v, want rail", e.Mode)
		}
	}
	if want := 85.2 + 85.2 + 111.2; math.Abs(total-want) > 1 {
		t.Errorf("total length %.1f km, want about %.1f", total, want)
	}
	if n.Edges[2].KmPerHour != 120 || n.Edges[0].Name != "A–C" {
		t.Errorf("edges = %+v, want speed 120 on way 2 and the name on way 1", n.Edges)
	}
	if len(n.Places) != 1 || n.Places[0].Node < 0 || n.Nodes[n.Places[0].Node].Loc != [2]float64{61, 40} {
		t.Errorf("places = %+v, want the station snapped to (61, 40)", n.Places)
	}
}

func TestErrors(t *testing.T) {
	long := strings.Repeat("x", geojson.MaxFieldBytes+1)
	for _, tt := range []struct {
		name, text, want string
	}{
		{"utf8", "{\"type\": \"FeatureCollection\",\n\"features\": [\n{\"type\": \"Feature\", \"properties\": {\"name\": \"\xff\"}, \"geometry\": null}]}", "bad.geojson:3: invalid UTF-8"},
		{"long", "{\"type\": \"FeatureCollection\",\n\n\"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"" + long + "\"}}]}", "bad.geojson:3: a string of 65537 bytes"},
		{"not a collection", `{"type": "Feature"}`, "bad.geojson:1: type \"Feature\", want \"FeatureCollection\""},
		{"array", `[1]`, "want a GeoJSON FeatureCollection object"},
		{"bad feature", "{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": 5}}]}", "bad.geojson:2: feature 1"},
		{"truncated", `{"type": "FeatureCollection", "features": [`, "bad.geojson:1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := geojson.Read(context.Background(), geojson.DefaultMapping(), write(t, "bad.geojson", tt.text))
			if err == nil || !errors.Is(err, caravan.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read error = %v, want invalid %q", err, tt.want)
			}
		})
	}
}

func TestMapping(t *testing.T) {
	p := write(t, "map.json", `{"mode": "road", "filter": {"highway": ["primary"]}, "default_kmh": 70}`)
	m, err := geojson.ReadMapping(p)
	if err != nil {
		t.Fatal(err)
	}
	if m.Mode != "road" || m.DefaultKmh != 70 || m.ID != "osm_way_id" {
		t.Errorf("ReadMapping = %+v, want road, 70 km/h and the default id property", m)
	}
	for _, text := range []string{`{"mode": "air"}`, `{"colour": "red"}`} {
		if _, err := geojson.ReadMapping(write(t, "map.json", text)); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("ReadMapping(%s) error = %v, want invalid", text, err)
		}
	}
}

// components counts the weakly connected components with at least one edge.
func components(n *importer.Network) int {
	g, _, _, _, err := n.Graph()
	if err != nil {
		panic(err)
	}
	r, _ := g.Reverse()
	seen := make([]bool, g.NumNodes())
	count := 0
	var stack []int32
	for v := range int32(g.NumNodes()) {
		if seen[v] || g.Offsets[v] == g.Offsets[v+1] && r.Offsets[v] == r.Offsets[v+1] {
			continue
		}
		count++
		seen[v] = true
		stack = append(stack[:0], v)
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, gg := range []*csr.Graph{g, r} {
				for _, w := range gg.Heads[gg.Offsets[u]:gg.Offsets[u+1]] {
					if !seen[w] {
						seen[w] = true
						stack = append(stack, w)
					}
				}
			}
		}
	}
	return count
}

// TestCentralAsia imports the shared OSM railway extract: the counts and
// the components of its README.
func TestCentralAsia(t *testing.T) {
	lines := shareddata.Path(t, "data/osm_rail_central_asia/osm_railways_af_az_tm.geojson")
	stations := shareddata.Path(t, "data/osm_rail_central_asia/osm_rail_stations.geojson")
	n, err := geojson.Read(context.Background(), geojson.DefaultMapping(), lines, stations)
	if err != nil {
		t.Fatal(err)
	}
	if n.Counts.Ways != 19369 || n.Counts.Nodes != 13100 || n.Counts.RailWays != 18933+17 {
		t.Errorf("counts = %+v, want 19,369 lines (18,950 rail and narrow gauge) and 13,100 points", n.Counts)
	}
	if got := components(n); got != 170 {
		t.Errorf("%d connected components, want 170", got)
	}
	km := 0.0
	for _, e := range n.Edges {
		km += e.Km
	}
	if want := 27034.0 + 14; math.Abs(km-want) > 0.005*want {
		t.Errorf("rail length %.0f km, want about %.0f", km, want)
	}
	snapped := 0
	for _, p := range n.Places {
		if p.Node >= 0 {
			snapped++
		}
	}
	t.Logf("%s; %d of %d stations within 2 km of a line; %v", n.Summary(), snapped, len(n.Places), n.Warnings)
}

// FuzzDecode: any bytes give a network or an error, never a panic, and an
// accepted file is valid UTF-8.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(tee))
	f.Add([]byte(`{"type": "FeatureCollection", "features": []}`))
	f.Add([]byte(`{"features": [{"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": [[[0, 0], [0, 0], [1, 1]], [[1, 1], [0, 0]]]}, "properties": {"railway": "rail"}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := geojson.Decode(context.Background(), geojson.DefaultMapping(), "fuzz.geojson", b)
		if err != nil {
			return
		}
		for _, e := range n.Edges {
			if e.From == e.To || len(e.Geometry) < 2 || int(e.From) >= len(n.Nodes) || int(e.To) >= len(n.Nodes) {
				t.Fatalf("bad edge %+v", e)
			}
		}
	})
}
