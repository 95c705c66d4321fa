package service

import (
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/kb"
)

// TestNewsChangesTheRoute is the path from news to plan, end to end: a
// closure of Torkham reported in a Persian and in an English article is
// extracted, ingested pending review (the route is unchanged), accepted
// (routes after its date avoid Torkham, routes before it do not), and an
// English report of the reopening, accepted, gives Torkham back.
func TestNewsChangesTheRoute(t *testing.T) {
	s := newStoreService(t)
	viaTorkham := func(asOf string) bool {
		t.Helper()
		q, err := s.ParseRoute(Params{"from": "Kabul", "to": "Karachi", "as_of": asOf})
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Route(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range res.Routes[0].Legs {
			if l.Crossing == "Torkham" {
				return true
			}
		}
		return false
	}
	ingest := func(name, text string) kb.Fact {
		t.Helper()
		in := ingestText(t, s, name, text)
		for _, f := range in.Facts {
			if f.Kind == kb.Disruption {
				if f.PlaceID == "" {
					t.Fatalf("%s: disruption without a place id: %+v", name, f)
				}
				return f
			}
		}
		t.Fatalf("%s: no disruption among %d facts", name, len(in.Facts))
		return kb.Fact{}
	}
	if !viaTorkham("2025-06-01") {
		t.Fatal("before any news, Kabul → Karachi as of 2025-06-01 does not cross at Torkham")
	}
	fa := ingest("fa", "date: 2025-05-18\nlang: fa\n\nگذرگاه مرزی تورخم روز یکشنبه پس از درگیری میان نیروهای مرزی دو کشور بسته شد و تجارت متوقف گردید.\n")
	en := ingest("en", "date: 2025-05-20\ntitle: Torkham closed\n\nPakistani authorities closed the Torkham border crossing with Afghanistan on Tuesday after clashes between border forces, halting trade.\n")
	if !viaTorkham("2025-06-01") {
		t.Error("a disruption pending review changed the route")
	}

	// The Persian report, accepted: closed from 2025-05-18.
	if _, err := s.Review(t.Context(), fa.ID, kb.Accepted, ""); err != nil {
		t.Fatal(err)
	}
	if viaTorkham("2025-06-01") {
		t.Error("accepted Persian closure: the route of 2025-06-01 still crosses at Torkham")
	}
	if !viaTorkham("2025-05-10") {
		t.Error("accepted Persian closure: the route before its date lost Torkham")
	}
	nq, err := s.ParseNetwork(Params{"as_of": "2025-06-01"})
	if err != nil {
		t.Fatal(err)
	}
	fc, err := s.NetworkGeoJSON(t.Context(), nq)
	if err != nil {
		t.Fatal(err)
	}
	cited := false
	for _, f := range fc.Features {
		if f.ID == fa.PlaceID {
			for _, c := range f.Properties.(map[string]any)["closures"].([]closureRow) {
				cited = cited || (strings.Contains(c.Reason, "news") && len(c.Sources) == 1 && c.Sources[0] == fa.Document)
			}
		}
	}
	if !cited {
		t.Errorf("the map's %s shows no closure citing the Persian article %s", fa.PlaceID, fa.Document)
	}

	// The English report alone: closed from 2025-05-20.
	if _, err := s.Review(t.Context(), fa.ID, kb.Rejected, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Review(t.Context(), en.ID, kb.Accepted, ""); err != nil {
		t.Fatal(err)
	}
	if !viaTorkham("2025-05-19") || viaTorkham("2025-06-01") {
		t.Error("accepted English closure: want Torkham on 2025-05-19 and not on 2025-06-01")
	}

	// The reopening, accepted: Torkham again from 2025-05-28.
	re := ingest("re", "date: 2025-05-28\n\nThe Torkham border crossing reopened on Wednesday after talks between Afghan and Pakistani officials, and trucks resumed crossing.\n")
	if _, err := s.Review(t.Context(), re.ID, kb.Accepted, ""); err != nil {
		t.Fatal(err)
	}
	if !viaTorkham("2025-06-01") || viaTorkham("2025-05-25") {
		t.Error("accepted reopening: want Torkham on 2025-06-01 and not on 2025-05-25")
	}
}
