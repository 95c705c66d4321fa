package graph_test

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/internal/testnet"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/scenario"
)

func mini(tb testing.TB) *graph.Graph {
	tb.Helper()
	g, err := graph.Compile(testnet.Mini(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func day(s string) network.Date {
	d, err := network.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// arcOf returns the arc of link or transfer id leaving place from (to the
// other end of the link, or the same place for a transfer).
func arcOf(t *testing.T, g *graph.Graph, id, from string) int32 {
	t.Helper()
	for _, to := range g.Net.Places() {
		if a := g.ArcOf(id, from, to.ID); a >= 0 {
			return a
		}
	}
	t.Fatalf("no arc %s from %s", id, from)
	return -1
}

func blocked(b []uint64, a int32) bool { return b[a/64]&(1<<(uint(a)%64)) != 0 }

func TestCompileMini(t *testing.T) {
	g := mini(t)
	// 7 places, each with a road and a 1520 mm rail state and an arrival
	// node: 21 states. 12 two-way links and 2 two-way transfers give 28
	// arcs, and each of the 14 states has an arc to its arrival node.
	if got, want := g.String(), "21 states, 42 arcs"; got != want {
		t.Errorf("graph = %s, want %s", got, want)
	}
	a := arcOf(t, g, "saryagash-keles-rail", "kz-border")
	arc := g.Arc(a)
	if arc.Kind != graph.CrossingArc || arc.DwellHours != 6.8 || arc.DwellP90Hours != 12 {
		t.Errorf("crossing arc = %+v", arc)
	}
	// 10 km at the default rail speed of 40 km/h.
	if math.Abs(arc.RunHours-0.25) > 1e-12 {
		t.Errorf("run hours = %v, want 0.25", arc.RunHours)
	}
	// 0.08 USD/t-km × 10 km + 133 USD per 40-t wagon.
	if math.Abs(arc.USDPerTonne-(0.8+133.0/40)) > 1e-12 {
		t.Errorf("USD/t = %v", arc.USDPerTonne)
	}
	c := g.ArcCost(a, graph.Shipment{TEU: 2, Tonnes: 24})
	if c.Borders != 1 || math.Abs(c.USD-24*(0.8+133.0/40)) > 1e-9 {
		t.Errorf("ArcCost = %+v", c)
	}
	// Uzbek roads use the UZ rate (46 km/h), Kazakh ones the default (45).
	uz := g.Arc(arcOf(t, g, "tashkent-termez-road", "uz-tashkent"))
	if math.Abs(uz.RunHours-720.0/46) > 1e-9 {
		t.Errorf("UZ road hours = %v, want 720/46", uz.RunHours)
	}
}

func TestBlocked(t *testing.T) {
	g := mini(t)
	road := arcOf(t, g, "termez-hairatan-road", "uz-termez")
	planned := arcOf(t, g, "hairatan-mazar-rail", "af-hairatan")
	for _, tt := range []struct {
		name          string
		c             graph.Conditions
		road, planned bool // blocked?
	}{
		{"before the closure", graph.Conditions{AsOf: day("2024-12-31")}, false, true},
		{"during the closure", graph.Conditions{AsOf: day("2025-01-15")}, true, true},
		{"after the closure", graph.Conditions{AsOf: day("2025-02-01")}, false, true},
		{"project opened", graph.Conditions{AsOf: day("2025-02-01"), OpenProjects: []string{"test-rail"}}, false, false},
		{"avoid country", graph.Conditions{AsOf: day("2025-02-01"), AvoidCountries: []string{"AF"}}, true, true},
		{"avoid mode", graph.Conditions{AsOf: day("2025-02-01"), AvoidModes: []network.Mode{network.Road}}, true, true},
		{"ignore availability", graph.Conditions{AsOf: day("2025-01-15"), IgnoreAvailability: true}, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := g.Blocked(&tt.c, nil)
			if err != nil {
				t.Fatal(err)
			}
			if blocked(b, road) != tt.road || blocked(b, planned) != tt.planned {
				t.Errorf("road blocked %v (want %v), planned blocked %v (want %v)", blocked(b, road), tt.road, blocked(b, planned), tt.planned)
			}
		})
	}
	if _, err := g.Blocked(&graph.Conditions{AvoidPlaces: []string{"nowhere"}}, nil); err == nil || !strings.Contains(err.Error(), `unknown place "nowhere"`) {
		t.Errorf("unknown place: %v", err)
	}
	why := g.Why(road, &graph.Conditions{AsOf: day("2025-01-15")})
	if !strings.Contains(why, "closed from 2025-01-01 until 2025-02-01 (test closure; closure hairatan-2025)") {
		t.Errorf("Why = %q", why)
	}
}

func TestRisk(t *testing.T) {
	g := mini(t)
	road := arcOf(t, g, "termez-hairatan-road", "uz-termez")
	// The 31-day closure of January 2025, seen from mid-2025 and 2031.
	if got, want := g.Risk(road, int32(day("2025-06-01"))), 31.0/graph.RiskWindowDays; math.Abs(got-want) > 1e-12 {
		t.Errorf("Risk(2025-06-01) = %v, want %v", got, want)
	}
	if got := g.Risk(road, int32(day("2031-06-01"))); got != 0 {
		t.Errorf("Risk(2031) = %v, want 0 (outside the window)", got)
	}
	if got, want := g.Risk(road, int32(day("2025-01-11"))), 10.0/graph.RiskWindowDays; math.Abs(got-want) > 1e-12 {
		t.Errorf("Risk(2025-01-11) = %v, want %v (only the days before)", got, want)
	}
	if src := g.RiskSources(road, int32(day("2025-06-01"))); len(src) != 1 || src[0] != "S1" {
		t.Errorf("RiskSources = %v", src)
	}
}

func TestApply(t *testing.T) {
	g := mini(t)
	data, err := os.ReadFile("../scenario/testdata/ok.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Parse("ok.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := g.Apply(s)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	dwell := arcOf(t, g, "saryagash-keles-road", "kz-border")
	if got := sg.Arc(dwell).DwellHours; got != 8.4 {
		t.Errorf("dwell after ×2 = %v, want 8.4", got)
	}
	if got := g.Arc(dwell).DwellHours; got != 4.2 {
		t.Errorf("Apply changed the original graph: dwell %v", got)
	}
	if notes := sg.Notes(dwell); len(notes) != 1 || !strings.Contains(notes[0], "dwell ×2 (scenario \"Test\", ok.yaml:10)") {
		t.Errorf("notes = %q", notes)
	}
	road := arcOf(t, g, "termez-hairatan-road", "uz-termez")
	planned := arcOf(t, g, "hairatan-mazar-rail", "af-hairatan")
	for _, tt := range []struct {
		on            string
		road, planned bool
	}{
		{"2025-01-15", false, true}, // the dataset closure is lifted by the agreement
		{"2026-02-01", true, true},  // the scenario closes the road bridge
		{"2030-01-01", false, false},
	} {
		b, err := sg.Blocked(&graph.Conditions{AsOf: day(tt.on)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if blocked(b, road) != tt.road || blocked(b, planned) != tt.planned {
			t.Errorf("%s: road blocked %v (want %v), planned %v (want %v)", tt.on, blocked(b, road), tt.road, blocked(b, planned), tt.planned)
		}
	}
	bad, _ := scenario.Parse("bad.yaml", []byte("name: bad\nchange:\n  - {link: nope, dwell_factor: 2}\nopen:\n  - {project: nope}\n"))
	_, err = g.Apply(bad)
	for _, want := range []string{`bad.yaml:3: link: unknown link or crossing "nope"`, `bad.yaml:5: project: unknown project "nope"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Apply(bad) = %v, want %q", err, want)
		}
	}
}

// BenchmarkApply measures re-weighting a compiled graph with a scenario.
func BenchmarkApply(b *testing.B) {
	g := mini(b)
	data, _ := os.ReadFile("../scenario/testdata/ok.yaml")
	s, err := scenario.Parse("ok.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := g.Apply(s); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRoadPricedPerTruck: a road arc's price per tonne is a truck's price
// over truck_load_tonnes, paid per truck when the shipment counts its
// trucks (containers) and per tonne otherwise; rail arcs keep paying per
// tonne.
func TestRoadPricedPerTruck(t *testing.T) {
	g := mini(t)
	road := arcOf(t, g, "tashkent-termez-road", "uz-tashkent")
	rail := arcOf(t, g, "saryagash-keles-rail", "kz-border")
	if !g.Arc(road).ByTruck || g.Arc(rail).ByTruck {
		t.Fatalf("ByTruck: road %v, rail %v", g.Arc(road).ByTruck, g.Arc(rail).ByTruck)
	}
	perT := g.Arc(road).USDPerTonne
	if c := g.ArcCost(road, graph.Shipment{TEU: 2, Tonnes: 28}); math.Abs(c.USD-28*perT) > 1e-9 {
		t.Errorf("by weight: USD = %v, want 28 t × %v", c.USD, perT)
	}
	one := graph.Shipment{TEU: 2, Tonnes: 28, Trucks: 1}
	if c := g.ArcCost(road, one); math.Abs(c.USD-g.TruckLoadTonnes*perT) > 1e-9 {
		t.Errorf("one truck: USD = %v, want %g t × %v", c.USD, g.TruckLoadTonnes, perT)
	}
	if c, want := g.ArcCost(rail, one), g.ArcCost(rail, graph.Shipment{TEU: 2, Tonnes: 28}); c.USD != want.USD {
		t.Errorf("rail arc: USD %v with trucks, %v without", c.USD, want.USD)
	}
	// Weights agree with ArcCost.
	w := g.Weights(graph.Weighting{USD: 1}, one, nil, nil)
	if c := g.ArcCost(road, one); math.Abs(w[road]-c.USD) > 1e-9 {
		t.Errorf("weight %v, ArcCost %v", w[road], c.USD)
	}
	if got := g.ContainerTrucks(1); got != 0 {
		t.Errorf("without truck_teu: ContainerTrucks(1) = %v, want 0 (by weight)", got)
	}
	g.TruckTEU = 2
	for _, c := range []struct{ teu, trucks float64 }{{0.5, 1}, {1, 1}, {2, 1}, {3, 2}, {4, 2}, {5, 3}} {
		if got := g.ContainerTrucks(c.teu); got != c.trucks {
			t.Errorf("ContainerTrucks(%g) = %v, want %v", c.teu, got, c.trucks)
		}
	}
}
