package extract_test

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/network"
)

// datasetPlace is a row of the regional dataset's places table.
type datasetPlace struct {
	id, country string
	names       []string
}

// readDatasetPlaces reads ../dataset/data/places.csv by its header (the
// file, not the dataset package, so this test does not build the
// dataset's loader and its dependencies).
func readDatasetPlaces(t *testing.T) map[string]datasetPlace {
	t.Helper()
	f, err := os.Open("../dataset/data/places.csv")
	if err != nil {
		t.Skipf("dataset places absent: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("read places.csv: %v", err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"id", "country", "name_en", "name_fa", "name_prs", "alt"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("places.csv has no column %q", h)
		}
	}
	out := map[string]datasetPlace{}
	for _, r := range rows[1:] {
		p := datasetPlace{id: r[col["id"]], country: r[col["country"]]}
		for _, h := range []string{"name_en", "name_fa", "name_prs"} {
			if r[col[h]] != "" {
				p.names = append(p.names, r[col[h]])
			}
		}
		for _, a := range strings.Split(r[col["alt"]], ";") {
			if a != "" {
				p.names = append(p.names, a)
			}
		}
		out[p.id] = p
	}
	return out
}

// notInDataset are gazetteer places of countries the dataset covers that
// are not (yet) nodes of its network: the extractor reads them, a closure
// there has no node to take out of service.
var notInDataset = map[string]bool{"ir-isfahan": true, "ir-bandar-imam-khomeini": true,
	"ir-khangiran": true, "tm-dovletabat": true, // (a gas line's ends, no transport nodes)
	"cn-xinjiang": true} // (a region: its trade is China's, a closure there names no node)

// TestPlacesInDataset checks that every place id of the built-in gazetteer
// in a country the regional dataset covers is a place of the dataset, in
// the same country, so that a disruption's place id (Fact.PlaceID) names a
// node the planner knows. Capitals of other countries (Paris, Doha) only
// tell the extractor a country.
func TestPlacesInDataset(t *testing.T) {
	places := readDatasetPlaces(t)
	covered := map[string]bool{}
	for _, p := range places {
		covered[p.country] = true
	}
	g := extract.NewGazetteer()
	for _, id := range g.PlaceIDs() {
		p, _ := g.Place(id)
		q, ok := places[id]
		if !covered[p.Country] || notInDataset[id] || strings.Contains(id, "-prov-") {
			// (A province is a region, as Xinjiang is: its country's, no node.)
			if ok {
				t.Errorf("place %s is in the dataset: drop it from notInDataset", id)
			}
			continue
		}
		if !ok {
			t.Errorf("gazetteer place %s (%s) is not in the dataset", id, p.Name)
			continue
		}
		if q.country != p.Country {
			t.Errorf("gazetteer place %s is in %s, the dataset says %s", id, p.Country, q.country)
		}
	}
}

// TestNormalizeAgreesWithFoldName checks that the extractor's normalizer
// and the network's name key fold alike: keying a normalized name gives
// the name's key, for every name of every dataset place.
func TestNormalizeAgreesWithFoldName(t *testing.T) {
	names := []string{"نمایندۀ ویژۀ", "كاشغر", "اسلام\u200cآباد", "بندر عباس", "کاسا-۱۰۰۰", "تُن", "مزار شريف"}
	for _, p := range readDatasetPlaces(t) {
		names = append(names, p.names...)
	}
	for _, name := range names {
		if got, want := network.FoldName(extract.Normalize(name).Norm), network.FoldName(name); got != want {
			t.Errorf("FoldName(Normalize(%q)) = %q, FoldName(%q) = %q", name, got, name, want)
		}
	}
}
