package route_test

import (
	"context"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// sideIDs resolves an end of a trip: a place id as itself, a border
// crossing's name as the places at its sides (network.CrossingSides), and
// anything else as itself, for Plan to report.
func sideIDs(n *network.Network, q string) []string {
	if _, ok := n.Place(q); ok {
		return []string{q}
	}
	var out []string
	for _, p := range n.CrossingSides(q) {
		out = append(out, p.ID)
	}
	if out == nil {
		out = []string{q}
	}
	return out
}

// TestPlanSides: a border name resolves to the side that fits the direction.
func TestPlanSides(t *testing.T) {
	p := builtinPlanner(t)
	n := p.Graph().Net
	for _, tt := range []struct{ from, to, wantFrom, wantTo string }{
		{"af-kabul", "Torkham", "af-kabul", "af-torkham"},
		{"pk-peshawar", "Torkham", "pk-peshawar", "pk-torkham"},
		{"Torkham", "pk-peshawar", "pk-torkham", "pk-peshawar"},
		{"Torkham", "af-kabul", "af-torkham", "af-kabul"},
		{"uz-tashkent", "Hairatan/Termez", "uz-tashkent", "uz-termez"},
		{"af-kabul", "Hairatan/Termez", "af-kabul", "af-hairatan"},
	} {
		it, err := p.PlanSides(context.Background(), route.Request{AsOf: date("2025-06-01")}, sideIDs(n, tt.from), sideIDs(n, tt.to))
		if err != nil {
			t.Errorf("%s → %s: %v", tt.from, tt.to, err)
			continue
		}
		if it.From.ID != tt.wantFrom || it.To.ID != tt.wantTo {
			t.Errorf("%s → %s: planned %s → %s, want %s → %s", tt.from, tt.to, it.From.ID, it.To.ID, tt.wantFrom, tt.wantTo)
		}
	}
}

// TestNoRouteNamesRestriction: a rail-only trip to Mazar-i-Sharif names the
// restriction and the railhead it can reach.
func TestNoRouteNamesRestriction(t *testing.T) {
	p := builtinPlanner(t)
	_, err := p.Plan(context.Background(), route.Request{From: "uz-termez", To: "af-mazar-i-sharif", AsOf: date("2026-06-01"), AvoidModes: railOnly})
	if caravan.KindOf(err) != caravan.NotFound {
		t.Fatalf("err = %v, want NotFound", err)
	}
	for _, want := range []string{"the modes asked for (only rail, ferry)", "af-naibabad"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "avoids what was asked") {
		t.Errorf("error %q blames avoid lists", err)
	}
}

// TestP90AboveMean: wherever a crossing or a scheduled service is on the
// route, the trip's p90 exceeds its mean (the spread is not dropped).
func TestP90AboveMean(t *testing.T) {
	p := builtinPlanner(t)
	for _, tt := range []struct{ from, to string }{
		{"af-kabul", "pk-karachi"}, {"kz-altynkol", "az-baku"}, {"in-mundra", "ir-chabahar"}, {"cn-xian", "kz-almaty"}, {"ge-poti", "ro-constanta"},
	} {
		it, err := p.Plan(context.Background(), route.Request{From: tt.from, To: tt.to, AsOf: date("2025-06-01")})
		if err != nil {
			t.Fatal(err)
		}
		scheduled := false
		for _, l := range it.Legs {
			if l.Kind == "crossing" || l.Wait > 0 {
				scheduled = true
			}
		}
		if scheduled && !(it.Total.HoursP90 > it.Total.Hours && it.Total.HoursP10 < it.Total.HoursP50) {
			t.Errorf("%s → %s: mean %g, p10 %g, p50 %g, p90 %g: want p10 < p50 and p90 > mean", tt.from, tt.to, it.Total.Hours, it.Total.HoursP10, it.Total.HoursP50, it.Total.HoursP90)
		}
	}
}

// TestByP90 plans by the 90th percentile and gets a trip p90 no worse than
// the time-optimal route's (and a mean no better), on pairs where the sum of
// the legs' p90s picks another route than time does (Altynkol – Aktau,
// Herat – Bandar Abbas) and where it picks the same; the p10, mean and p90
// are distinct.
func TestByP90(t *testing.T) {
	p := builtinPlanner(t)
	if c, err := route.ParseCriterion("p90"); err != nil || c != route.P90 {
		t.Errorf("ParseCriterion(p90) = %v, %v", c, err)
	}
	var differ int
	for _, pair := range [][2]string{{"kz-altynkol", "tr-istanbul"}, {"kz-altynkol", "kz-aktau"}, {"af-herat", "ir-bandar-abbas"}, {"af-kabul", "pk-karachi"}, {"tj-dushanbe", "in-nhava-sheva"}} {
		req := route.Request{From: pair[0], To: pair[1], AsOf: date("2025-06-01")}
		fast, err := p.Plan(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		req.By = route.P90
		safe, err := p.Plan(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if safe.By != "p90" {
			t.Errorf("By = %q, want p90", safe.By)
		}
		t.Logf("%s → %s: time-optimal mean %.0f h, p90 %.0f h; p90-optimal mean %.0f h, p90 %.0f h", pair[0], pair[1], fast.Total.Hours, fast.Total.HoursP90, safe.Total.Hours, safe.Total.HoursP90)
		if safe.Total.HoursP90 < fast.Total.HoursP90 {
			differ++
		}
		// Totals are rounded to 0.1 h.
		if safe.Total.HoursP90 > fast.Total.HoursP90+0.1 {
			t.Errorf("%s → %s: p90-optimal route's p90 %.1f h exceeds the time-optimal route's %.1f h", pair[0], pair[1], safe.Total.HoursP90, fast.Total.HoursP90)
		}
		if safe.Total.Hours < fast.Total.Hours-0.1 {
			t.Errorf("%s → %s: p90-optimal route's mean %.1f h beats the time-optimal route's %.1f h", pair[0], pair[1], safe.Total.Hours, fast.Total.Hours)
		}
		for _, it := range []*route.Itinerary{fast, safe} {
			// A crossing's dwell and a train's consolidation wait are
			// skewed, and every leg's running time spreads: the trip's p90
			// lies above its mean and its p10 below, with or without a
			// border (Altynkol – Aktau stays in Kazakhstan).
			if !(it.Total.HoursP10 < it.Total.Hours && it.Total.Hours < it.Total.HoursP90) {
				t.Errorf("%s → %s by %s: p10 %.1f, mean %.1f, p90 %.1f h: want p10 < mean < p90 with %d crossings", pair[0], pair[1], it.By, it.Total.HoursP10, it.Total.Hours, it.Total.HoursP90, it.Total.Borders)
			}
		}
	}
	if differ == 0 {
		t.Error("by p90 never found a route with a lower p90 than by time: the pairs no longer test the search")
	}
}

// TestSeasonalSailing: the Astrakhan sailings stop in the Volga–Caspian
// ice season, Makhachkala's do not.
func TestSeasonalSailing(t *testing.T) {
	p := builtinPlanner(t)
	seaOnly := []network.Mode{network.Road, network.Rail, network.Ferry, network.Air}
	if _, err := p.Plan(context.Background(), route.Request{From: "ru-astrakhan", To: "ir-anzali", AsOf: date("2025-07-01"), AvoidModes: seaOnly}); err != nil {
		t.Errorf("summer: %v", err)
	}
	_, err := p.Plan(context.Background(), route.Request{From: "ru-astrakhan", To: "ir-anzali", AsOf: date("2025-01-15"), AvoidModes: seaOnly})
	if err == nil || !strings.Contains(err.Error(), "runs only in season 03-05..12-13") {
		t.Errorf("winter: err = %v, want the season named", err)
	}
	if _, err := p.Plan(context.Background(), route.Request{From: "ru-makhachkala", To: "ir-anzali", AsOf: date("2025-01-15"), AvoidModes: seaOnly}); err != nil {
		t.Errorf("Makhachkala in winter: %v", err)
	}
}
