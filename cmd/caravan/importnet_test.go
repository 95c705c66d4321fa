package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/internal/shareddata"
)

func TestImportOSM(t *testing.T) {
	pbf := shareddata.Path(t, "data/osm/liechtenstein-2013-08-03.osm.pbf")
	dir := t.TempDir()
	out, errs, code := cli(t, "import", "osm", pbf, "--modes", "rail,road", "--out", dir)
	if code != exitOK {
		t.Fatalf("import osm: exit %d, stderr %s", code, errs)
	}
	for _, want := range []string{"; road ", "read 65733 nodes, 7121 ways, 113 relations", "6419 missing relation members"} {
		if !strings.Contains(out, want) {
			t.Errorf("import osm output lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "network.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []json.RawMessage `json:"features"`
	}
	rows := 0
	for _, f := range []string{"edges.csv", "places.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		rows += strings.Count(string(b), "\n") - 1
	}
	if err := json.Unmarshal(b, &fc); err != nil || len(fc.Features) != rows || rows < 4000 {
		t.Errorf("network.geojson: %d features (%v), want %d (the rows of edges.csv and places.csv)", len(fc.Features), err, rows)
	}
	// Bounding box and bad flags.
	out, _, code = cli(t, "import", "osm", pbf, "--bbox", "9.5,47.1,9.55,47.2", "--json")
	if code != exitOK || !strings.Contains(out, `"edges"`) {
		t.Errorf("import osm --bbox --json: exit %d, %s", code, out)
	}
	for _, args := range [][]string{
		{"import", "osm"},
		{"import", "osm", pbf, "--modes", "air"},
		{"import", "osm", pbf, "--bbox", "1,2,3"},
	} {
		if _, _, code := cli(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
	bad := filepath.Join(dir, "bad.osm.pbf")
	os.WriteFile(bad, []byte("not a pbf at all"), 0o644)
	if _, errs, code := cli(t, "import", "osm", bad); code != exitError || !strings.Contains(errs, "bad.osm.pbf: corrupt or truncated PBF") {
		t.Errorf("import osm of a bad file: exit %d, stderr %q", code, errs)
	}
}

func TestImportGeoJSONCompare(t *testing.T) {
	lines := shareddata.Path(t, "data/osm_rail_central_asia/osm_railways_af_az_tm.geojson")
	out, errs, code := cli(t, "import", "geojson", lines, "--compare", "--countries", "AF,TM", "--refine")
	if code != exitOK {
		t.Fatalf("import geojson: exit %d, stderr %s", code, errs)
	}
	for _, want := range []string{"curated links compared", "| af-hairatan--af-naibabad-rail | operational | 75.0 |", "link lengths refined (the refined network validates)", "tm-ashgabat--tm-tejen-rail: 260.4 (derived) → 219.3 km"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestExportNetwork(t *testing.T) {
	out, errs, code := cli(t, "export", "geojson", "--data", mini)
	if code != exitOK {
		t.Fatalf("export geojson: exit %d, stderr %s", code, errs)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		t.Fatalf("export geojson: %v, %d features", err, len(fc.Features))
	}
	dir := t.TempDir()
	if _, errs, code := cli(t, "export", "csv", "--data", mini, "--out", dir); code != exitOK {
		t.Fatalf("export csv: exit %d, stderr %s", code, errs)
	}
	b, err := os.ReadFile(filepath.Join(dir, "edges.csv"))
	if err != nil || !strings.HasPrefix(string(b), "edge,from,to,mode,km") {
		t.Errorf("edges.csv = %.80q, %v", b, err)
	}
	if _, _, code := cli(t, "export", "csv", "--data", mini); code != exitUsage {
		t.Errorf("export csv without --out: exit %d, want %d", code, exitUsage)
	}
}
