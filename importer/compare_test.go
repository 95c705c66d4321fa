package importer_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/importer"
	"github.com/caravan-transport/caravan/importer/geojson"
	"github.com/caravan-transport/caravan/internal/shareddata"
	"github.com/caravan-transport/caravan/internal/testnet"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// TestCompareCentralAsia lines up the shared OSM railway extract with the
// curated dataset's Afghan and Turkmen rail links.
func TestCompareCentralAsia(t *testing.T) {
	lines := shareddata.Path(t, "data/osm_rail_central_asia/osm_railways_af_az_tm.geojson")
	stations := shareddata.Path(t, "data/osm_rail_central_asia/osm_rail_stations.geojson")
	imp, err := geojson.Read(context.Background(), geojson.DefaultMapping(), lines, stations)
	if err != nil {
		t.Fatal(err)
	}
	cur := testnet.Builtin(t)
	rep, err := importer.Compare(imp, cur, importer.CompareOptions{Countries: []string{"AF", "TM"}})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	found := map[string]importer.LinkMatch{}
	for _, m := range rep.Links {
		found[m.Link.ID] = m
	}
	// Hairatan–Naibabad (75 km curated) is in OSM.
	m, ok := found["af-hairatan--af-naibabad-rail"]
	if !ok || m.Status != "matched" || m.Ratio() < 0.7 || m.Ratio() > 1.5 {
		t.Errorf("af-hairatan--af-naibabad-rail: %+v, want matched within 0.7–1.5× of 75 km", m)
	}
	if len(rep.Links) < 10 {
		t.Errorf("%d links compared, want the Afghan and Turkmen rail links", len(rep.Links))
	}
}

// TestRefine: derived lengths of matched links take the imported length;
// the result validates and plans.
func TestRefine(t *testing.T) {
	lines := shareddata.Path(t, "data/osm_rail_central_asia/osm_railways_af_az_tm.geojson")
	imp, err := geojson.Read(context.Background(), geojson.DefaultMapping(), lines)
	if err != nil {
		t.Fatal(err)
	}
	cur := testnet.Builtin(t)
	rep, err := importer.Compare(imp, cur, importer.CompareOptions{Countries: []string{"TM"}})
	if err != nil {
		t.Fatal(err)
	}
	src := network.Source{ID: "OSM-RAIL-CA", Title: "OpenStreetMap railways (Afghanistan, Turkmenistan, Azerbaijan boxes), Overpass extract 2026-02-26", Publisher: "OpenStreetMap contributors (ODbL 1.0)"}
	n, done, err := importer.Refine(cur, rep, src, importer.RefineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(done) < 5 {
		t.Fatalf("refined %d links, want the derived Turkmen lengths: %+v", len(done), done)
	}
	for _, r := range done {
		l, _ := n.Link(r.LinkID)
		old, _ := cur.Link(r.LinkID)
		if l.KmDerived || l.Km.Value != r.NewKm || !slices.Equal(l.Sources.For("km"), []string{src.ID}) || old.Km.Value != r.OldKm {
			t.Errorf("link %s after Refine: %+v (was %+v)", r.LinkID, l, old)
		}
	}
	if len(n.Links()) != len(cur.Links()) || len(n.Transfers()) != len(cur.Transfers()) || len(n.Closures()) != len(cur.Closures()) || len(n.Sources()) != len(cur.Sources())+1 {
		t.Errorf("Refine changed the network's shape")
	}
	// The refined network plans like the curated one.
	for _, nn := range []*network.Network{cur, n} {
		g, err := graph.Compile(nn)
		if err != nil {
			t.Fatal(err)
		}
		it, err := route.New(g).Plan(context.Background(), route.Request{From: "tm-ashgabat", To: "tm-turkmenabat", AsOf: network.MakeDate(2026, 1, 15), By: route.Time})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("Ashgabat → Turkmenabat: %.0f km, %.1f days", it.Total.Km, it.Total.Days)
	}

	// Written as a dataset directory, the merge loads like the curated
	// dataset and gives the refined network.
	dir := filepath.Join(t.TempDir(), "merged")
	if err := importer.WriteDataset(dataset.Builtin(), dir, src, done); err != nil {
		t.Fatal(err)
	}
	fsys, err := dataset.Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := dataset.Load(context.Background(), fsys)
	if err != nil {
		t.Fatalf("the merged dataset does not load: %v", err)
	}
	if len(loaded.Places()) != len(n.Places()) || len(loaded.Links()) != len(n.Links()) || len(loaded.Transfers()) != len(n.Transfers()) ||
		len(loaded.Closures()) != len(n.Closures()) || len(loaded.Projects()) != len(n.Projects()) || len(loaded.Sources()) != len(n.Sources()) {
		t.Errorf("merged dataset: %d places, %d links, %d transfers, %d closures, %d projects, %d sources; refined network %d, %d, %d, %d, %d, %d",
			len(loaded.Places()), len(loaded.Links()), len(loaded.Transfers()), len(loaded.Closures()), len(loaded.Projects()), len(loaded.Sources()),
			len(n.Places()), len(n.Links()), len(n.Transfers()), len(n.Closures()), len(n.Projects()), len(n.Sources()))
	}
	for _, l := range n.Links() {
		got, ok := loaded.Link(l.ID)
		if !ok || got.Km != l.Km || got.KmDerived != l.KmDerived || !slices.Equal(got.Sources.For("km"), l.Sources.For("km")) {
			t.Errorf("link %s: merged dataset %+v, refined network %+v", l.ID, got, l)
		}
	}
	if err := importer.WriteDataset(dataset.Builtin(), dir, src, done); err == nil {
		t.Error("WriteDataset into a non-empty directory: no error")
	}

	// Replace: sourced lengths of the region are replaced too, their old
	// value and sources kept in the note.
	_, all, err := importer.Refine(cur, rep, src, importer.RefineOptions{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	sourced := 0
	for _, r := range all {
		if r.OldSourced {
			sourced++
			if !strings.Contains(r.Note, "replacing") {
				t.Errorf("%s: note %q does not keep the replaced length", r.LinkID, r.Note)
			}
		}
	}
	if len(all) <= len(done) || sourced == 0 {
		t.Errorf("Replace refined %d links (%d sourced), without it %d", len(all), sourced, len(done))
	}
}
