package route_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/internal/testnet"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

var update = flag.Bool("update", false, "rewrite golden files")

// builtinPlanner returns a planner on the shipped dataset.
func builtinPlanner(tb testing.TB) *route.Planner {
	tb.Helper()
	g, err := graph.Compile(testnet.Builtin(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return route.New(g)
}

// golden compares v, as indented JSON, with testdata/name, or rewrites it
// with -update.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./route -run %s -update and review the diff", path, t.Name())
	}
}

func usesCrossing(it *route.Itinerary, name string) bool {
	for _, l := range it.Legs {
		if l.Kind == "crossing" && strings.Contains(l.Crossing, name) {
			return true
		}
	}
	return false
}

func transfersAt(it *route.Itinerary, kind string) []string {
	var at []string
	for _, l := range it.Legs {
		if l.Kind == "transfer" && l.Transfer == kind {
			at = append(at, l.From.ID)
		}
	}
	return at
}

var railOnly = []network.Mode{network.Road, network.Sea, network.Air}

func TestGoldenItineraries(t *testing.T) {
	p := builtinPlanner(t)
	ctx := context.Background()
	today := date("2026-11-21")
	for _, tt := range []struct {
		name  string
		req   route.Request
		check func(t *testing.T, it *route.Itinerary)
	}{
		{"almaty-tehran-rail", route.Request{From: "kz-almaty", To: "ir-tehran", AsOf: today, AvoidModes: railOnly},
			func(t *testing.T, it *route.Itinerary) {
				if len(transfersAt(it, "gauge_change")) != 1 {
					t.Errorf("want one gauge change 1520→1435, have %v", transfersAt(it, "gauge_change"))
				}
			}},
		{"almaty-tehran-kti", route.Request{From: "kz-almaty", To: "ir-tehran", AsOf: today, AvoidModes: railOnly, AvoidCountries: []string{"UZ"}},
			func(t *testing.T, it *route.Itinerary) {
				if got := strings.Join(it.Countries, ">"); got != "KZ>TM>IR" {
					t.Errorf("countries %s, want the Kazakhstan–Turkmenistan–Iran line", got)
				}
				if at := transfersAt(it, "gauge_change"); len(at) != 1 || (at[0] != "tm-etrek" && at[0] != "ir-incheh-borun") {
					t.Errorf("gauge change at %v, want Etrek or Incheh Borun", at)
				}
			}},
		// The 2022 train went round Russia; through Russia, Azerbaijan and
		// Georgia a block train would be about half a day faster.
		{"pavlodar-istanbul", route.Request{From: "kz-pavlodar", To: "tr-istanbul", AsOf: date("2022-06-15"), AvoidModes: railOnly, AvoidCountries: []string{"RU"}},
			func(t *testing.T, it *route.Itinerary) {
				if got := strings.Join(it.Countries, ">"); got != "KZ>TM>IR>TR" {
					t.Errorf("countries %s, want the route of the 2022 train KZ>TM>IR>TR", got)
				}
			}},
		{"kabul-karachi-2025-06-01", route.Request{From: "af-kabul", To: "pk-karachi", AsOf: date("2025-06-01")},
			func(t *testing.T, it *route.Itinerary) {
				if !usesCrossing(it, "Torkham") {
					t.Error("does not cross at Torkham")
				}
			}},
		{"kabul-karachi-2026-11-21", route.Request{From: "af-kabul", To: "pk-karachi", AsOf: today},
			func(t *testing.T, it *route.Itinerary) {
				for _, l := range it.Legs {
					if l.Kind == "crossing" && l.From.Country+l.To.Country == "AFPK" {
						t.Errorf("crosses from Afghanistan into Pakistan at %s, closed since 2025-10-12", l.Crossing)
					}
				}
			}},
		{"tashkent-karachi", route.Request{From: "uz-tashkent", To: "pk-karachi", AsOf: today}, nil},
		{"tashkent-karachi-trans-afghan", route.Request{From: "uz-tashkent", To: "pk-karachi", AsOf: today, OpenProjects: []string{"trans-afghan-railway"}},
			func(t *testing.T, it *route.Itinerary) {
				if !usesCrossing(it, "Kharlachi") || !slices.Contains(transfersAt(it, "gauge_change"), "pk-kharlachi") {
					t.Error("does not take the Trans-Afghan railway to Kharlachi and its gauge change")
				}
				without, err := p.Plan(ctx, route.Request{From: "uz-tashkent", To: "pk-karachi", AsOf: today})
				if err != nil {
					t.Fatal(err)
				}
				if it.Total.Hours >= without.Total.Hours {
					t.Errorf("with the railway %v h, without %v h: want faster", it.Total.Hours, without.Total.Hours)
				}
			}},
		{"urumqi-almaty-rail", route.Request{From: "cn-urumqi", To: "kz-almaty", AsOf: today, AvoidModes: railOnly},
			func(t *testing.T, it *route.Itinerary) {
				at := transfersAt(it, "gauge_change")
				ok := len(at) == 1 && (strings.Contains(at[0], "altynkol") || strings.Contains(at[0], "khorgos") || strings.Contains(at[0], "horgos") || strings.Contains(at[0], "dostyk") || strings.Contains(at[0], "alashankou"))
				if !ok {
					t.Errorf("gauge change at %v, want Khorgos/Altynkol or Dostyk/Alashankou", at)
				}
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it, err := p.Plan(ctx, tt.req)
			if err != nil {
				t.Fatalf("Plan: %v", err)
			}
			if tt.check != nil {
				tt.check(t, it)
			}
			golden(t, filepath.Join("itineraries", tt.name+".json"), it)
		})
	}
}

func TestNoRouteAsOf(t *testing.T) {
	p := builtinPlanner(t)
	// Kabul cannot reach Peshawar through Afghanistan and Pakistan alone while
	// every crossing between them is closed (it can through Iran, or through
	// Tajikistan, Kyrgyzstan and China to Khunjerab).
	_, err := p.Plan(context.Background(), route.Request{From: "af-kabul", To: "pk-peshawar", AsOf: date("2026-11-21"),
		AvoidCountries: []string{"IR", "TJ", "CN", "UZ", "TM"}})
	if err == nil {
		t.Fatal("found a route with every Pakistan–Afghanistan crossing closed")
	}
	if !strings.Contains(err.Error(), "closed from 2025-10-12 with no reopening date") {
		t.Errorf("error does not name the closure: %v", err)
	}
}
