package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/importer"
	"github.com/caravan-transport/caravan/importer/geojson"
	"github.com/caravan-transport/caravan/internal/shareddata"
	"github.com/caravan-transport/caravan/internal/testnet"
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
