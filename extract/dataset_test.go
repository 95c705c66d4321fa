package extract_test

import (
	"context"
	"testing"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/network"
)

// notInDataset are gazetteer places of countries the dataset covers that
// are not (yet) nodes of its network: the extractor reads them, a closure
// there has no node to take out of service.
var notInDataset = map[string]bool{"ir-isfahan": true, "ir-bandar-imam-khomeini": true}

// TestPlacesInDataset checks that every place id of the built-in gazetteer
// in a country the regional dataset covers is a place of the dataset, in
// the same country, so that a disruption's place id (Fact.PlaceID) names a
// node the planner knows. Capitals of other countries (Paris, Doha) only
// tell the extractor a country.
func TestPlacesInDataset(t *testing.T) {
	n, err := dataset.Load(context.Background(), dataset.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, p := range n.Places() {
		covered[p.Country] = true
	}
	g := extract.NewGazetteer()
	for _, id := range g.PlaceIDs() {
		p, _ := g.Place(id)
		q, ok := n.Place(id)
		if !covered[p.Country] || notInDataset[id] {
			if ok {
				t.Errorf("place %s is in the dataset: drop it from notInDataset", id)
			}
			continue
		}
		if !ok {
			t.Errorf("gazetteer place %s (%s) is not in the dataset", id, p.Name)
			continue
		}
		if q.Country != p.Country {
			t.Errorf("gazetteer place %s is in %s, the dataset says %s", id, p.Country, q.Country)
		}
	}
}

// TestNormalizeAgreesWithFoldName checks that the extractor's normalizer
// and the network's name key fold alike: keying a normalized name gives
// the name's key, for every name of every dataset place.
func TestNormalizeAgreesWithFoldName(t *testing.T) {
	n, err := dataset.Load(context.Background(), dataset.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"نمایندۀ ویژۀ", "كاشغر", "اسلام\u200cآباد", "بندر عباس", "کاسا-۱۰۰۰", "تُن", "مزار شريف"}
	for _, p := range n.Places() {
		names = append(names, p.Names.All()...)
	}
	for _, name := range names {
		if got, want := network.FoldName(extract.Normalize(name).Norm), network.FoldName(name); got != want {
			t.Errorf("FoldName(Normalize(%q)) = %q, FoldName(%q) = %q", name, got, name, want)
		}
	}
}
