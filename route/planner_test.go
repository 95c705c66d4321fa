package route_test

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/internal/testnet"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

func miniPlanner(tb testing.TB) *route.Planner {
	tb.Helper()
	g, err := graph.Compile(testnet.Mini(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return route.New(g)
}

func date(s string) network.Date {
	d, err := network.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// legIDs returns the ids of an itinerary's legs joined by spaces.
func legIDs(it *route.Itinerary) string {
	var ids []string
	for _, l := range it.Legs {
		ids = append(ids, l.ID)
	}
	return strings.Join(ids, " ")
}

func TestPlanMini(t *testing.T) {
	p := miniPlanner(t)
	for _, tt := range []struct {
		name string
		req  route.Request
		want string // leg ids
	}{
		{"fastest by road", route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2024-06-01")},
			"almaty-saryagash-road saryagash-keles-road keles-tashkent-road tashkent-termez-road termez-hairatan-road hairatan-mazar-road"},
		{"road bridge closed: rail then unload at Hairatan", route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2025-01-15")},
			"almaty-saryagash-rail saryagash-keles-rail keles-tashkent-rail tashkent-termez-rail termez-hairatan-rail hairatan-rail-road hairatan-mazar-road"},
		{"closure ended", route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2025-02-01")},
			"almaty-saryagash-road saryagash-keles-road keles-tashkent-road tashkent-termez-road termez-hairatan-road hairatan-mazar-road"},
		// Uzbek road (0.069 USD/t-km) beats the default rail rate (0.08) even
		// after 50 USD per TEU for the transfer at Tashkent.
		{"cheapest: rail in Kazakhstan, road in Uzbekistan", route.Request{From: "kz-almaty", To: "uz-termez", AsOf: date("2024-06-01"), By: route.Cost},
			"almaty-saryagash-rail saryagash-keles-rail keles-tashkent-rail tashkent-rail-road tashkent-termez-road"},
		{"planned railway opened by scenario", route.Request{From: "uz-termez", To: "af-mazar", AsOf: date("2025-01-15"), OpenProjects: []string{"test-rail"}},
			"termez-hairatan-rail hairatan-mazar-rail"},
		// Rail all the way (30 h to Tashkent) beats road to Tashkent and an
		// 8-hour transfer (32.2 h).
		{"avoid a link", route.Request{From: "kz-almaty", To: "uz-termez", AsOf: date("2024-06-01"), AvoidLinks: []string{"tashkent-termez-road"}},
			"almaty-saryagash-rail saryagash-keles-rail keles-tashkent-rail tashkent-termez-rail"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it, err := p.Plan(context.Background(), tt.req)
			if err != nil {
				t.Fatalf("Plan: %v", err)
			}
			if got := legIDs(it); got != tt.want {
				t.Errorf("legs = %s\nwant   %s", got, tt.want)
			}
		})
	}
}

func TestPlanExplains(t *testing.T) {
	p := miniPlanner(t)
	it, err := p.Plan(context.Background(), route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2024-06-01"), TEU: 2})
	if err != nil {
		t.Fatal(err)
	}
	if it.Shipment.Tonnes != 24 {
		t.Errorf("tonnes = %v, want 2 TEU × 12 t", it.Shipment.Tonnes)
	}
	var sumKm, sumUSD float64
	for _, l := range it.Legs {
		sumKm += l.Km
		sumUSD += l.USD
		if len(l.Sources["km"]) == 0 || len(l.Sources["cost"]) == 0 || len(l.Sources["co2"]) == 0 {
			t.Errorf("leg %s: sources %v lack km, cost or co2", l.ID, l.Sources)
		}
		if l.Kind == "crossing" && (l.Dwell == 0 || len(l.Sources["dwell"]) == 0 || len(l.Sources["fee"]) == 0) {
			t.Errorf("crossing %s: dwell %v with sources %v", l.ID, l.Dwell, l.Sources)
		}
	}
	if d := sumKm - it.Total.Km; d > 0.5 || d < -0.5 {
		t.Errorf("legs sum to %v km, total says %v", sumKm, it.Total.Km)
	}
	if d := sumUSD - it.Total.USD; d > 3 || d < -3 {
		t.Errorf("legs sum to %v USD, total says %v", sumUSD, it.Total.USD)
	}
	if got, want := strings.Join(it.Countries, ">"), "KZ>UZ>AF"; got != want {
		t.Errorf("countries = %s, want %s", got, want)
	}
	if it.Total.Borders != 2 {
		t.Errorf("borders = %d, want 2", it.Total.Borders)
	}
}

func TestPlanErrors(t *testing.T) {
	p := miniPlanner(t)
	for _, tt := range []struct {
		name string
		req  route.Request
		kind caravan.Kind
		msg  string
	}{
		{"unknown place", route.Request{From: "kz-nowhere", To: "af-mazar"}, caravan.NotFound, `unknown place "kz-nowhere"`},
		{"same place", route.Request{From: "af-mazar", To: "af-mazar"}, caravan.Invalid, "origin and destination are the same place"},
		{"no route as of a date", route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2025-01-15"), AvoidModes: []network.Mode{network.Rail}},
			caravan.NotFound, "closed from 2025-01-01 until 2025-02-01 (test closure; closure hairatan-2025)"},
		{"avoided country at an end", route.Request{From: "kz-almaty", To: "af-mazar", AvoidCountries: []string{"AF"}}, caravan.Invalid, "a country to avoid"},
		{"unknown project", route.Request{From: "kz-almaty", To: "af-mazar", OpenProjects: []string{"nope"}}, caravan.NotFound, `unknown project "nope"`},
		{"negative shipment", route.Request{From: "kz-almaty", To: "af-mazar", TEU: -1}, caravan.Invalid, "shipment size"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Plan(context.Background(), tt.req)
			if err == nil {
				t.Fatal("Plan: no error")
			}
			if got := caravan.KindOf(err); got != tt.kind {
				t.Errorf("kind = %v, want %v (%v)", got, tt.kind, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error = %v\nwant it to contain %q", err, tt.msg)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Plan(ctx, route.Request{From: "kz-almaty", To: "af-mazar"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Plan with a cancelled context: %v", err)
	}
}

func TestCostAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	p := miniPlanner(t)
	req := &route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2024-06-01"), AvoidLinks: []string{"hairatan-mazar-rail"}}
	ctx := context.Background()
	if _, err := p.Cost(ctx, req); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(100, func() { p.Cost(ctx, req) })
	if allocs != 0 {
		t.Errorf("got %v allocs per query, want 0", allocs)
	}
}

// TestRailService: the same rail trip booked as wagonload takes longer than
// as a block train, and each itinerary names its service; Cost agrees with
// Plan for either.
func TestRailService(t *testing.T) {
	p := builtinPlanner(t)
	ctx := context.Background()
	req := route.Request{From: "uz-tashkent", To: "af-hairatan", AsOf: date("2024-06-01"), AvoidModes: railOnly}
	block, err := p.Plan(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	req.RailService = graph.Wagonload
	wagon, err := p.Plan(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if block.RailService != "block" || wagon.RailService != "wagonload" {
		t.Errorf("services %q, %q; want block, wagonload", block.RailService, wagon.RailService)
	}
	if wagon.Total.Hours <= block.Total.Hours {
		t.Errorf("wagonload %.1f h, block %.1f h: want wagonload slower", wagon.Total.Hours, block.Total.Hours)
	}
	c, err := p.Cost(ctx, &req)
	if err != nil || c < wagon.Total.Hours-0.1 || c > wagon.Total.Hours+0.1 {
		t.Errorf("Cost(wagonload) = %v, %v; want the itinerary's %.1f h", c, err, wagon.Total.Hours)
	}
	road, err := p.Plan(ctx, route.Request{From: "uz-tashkent", To: "af-hairatan", AsOf: date("2024-06-01"), AvoidModes: []network.Mode{network.Rail}, RailService: graph.Wagonload})
	if err != nil {
		t.Fatal(err)
	}
	if road.RailService != "" {
		t.Errorf("a route without rail names the service %q", road.RailService)
	}
}

// TestRailServiceConcurrent: planners of the other service are made once,
// under concurrent first use (run with -race).
func TestRailServiceConcurrent(t *testing.T) {
	p := builtinPlanner(t)
	req := route.Request{From: "uz-tashkent", To: "af-hairatan", AsOf: date("2024-06-01"), AvoidModes: railOnly, RailService: graph.Wagonload}
	hours := make([]float64, 8)
	errs := make([]error, 8)
	done := make(chan int)
	for i := range hours {
		go func() {
			it, err := p.Plan(context.Background(), req)
			if err == nil {
				hours[i] = it.Total.Hours
			}
			errs[i] = err
			done <- i
		}()
	}
	for range hours {
		<-done
	}
	for i := range hours {
		if errs[i] != nil || hours[i] != hours[0] {
			t.Errorf("plan %d: %.1f h, %v; want %.1f h", i, hours[i], errs[i], hours[0])
		}
	}
}

// TestTIR: trucks under TIR carnets cross road borders in
// tir_border_time_factor of the dwell, so Karachi – Tashkent by road is
// faster; the itinerary says TIR and cites the factor on its road crossings.
// Concurrent first plans build the TIR planner once and agree.
func TestTIR(t *testing.T) {
	p := builtinPlanner(t)
	req := route.Request{From: "pk-karachi", To: "uz-tashkent", AsOf: date("2021-04-29"), AvoidModes: []network.Mode{network.Rail, network.Sea, network.Ferry, network.Air}, AvoidCountries: []string{"IR", "TJ", "TM"}}
	std, err := p.Plan(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	req.TIR = true
	hours := make([]float64, 8)
	its := make([]*route.Itinerary, 8)
	errs := make([]error, 8)
	done := make(chan int)
	for i := range hours {
		go func() {
			its[i], errs[i] = p.Plan(context.Background(), req)
			done <- i
		}()
	}
	for range hours {
		<-done
	}
	for i := range its {
		if errs[i] != nil || its[i].Total.Hours != its[0].Total.Hours {
			t.Fatalf("plan %d: %v, %v; want the first plan's hours", i, its[i], errs[i])
		}
	}
	tir := its[0]
	if std.TIR || !tir.TIR {
		t.Errorf("itineraries say TIR %v (standard) and %v (TIR)", std.TIR, tir.TIR)
	}
	if tir.Total.Hours >= std.Total.Hours {
		t.Errorf("TIR %.1f h, standard %.1f h: want TIR faster", tir.Total.Hours, std.Total.Hours)
	}
	var cited int
	for _, l := range tir.Legs {
		if l.Kind == "crossing" && l.Mode == "road" {
			if !slices.Contains(l.Sources["dwell"], "IRU-CAREC-TIR") {
				t.Errorf("%s: dwell sources %v lack the TIR factor's", l.ID, l.Sources["dwell"])
			}
			cited++
		}
	}
	if cited == 0 {
		t.Error("no road crossing on the TIR route")
	}
}

// TestRoadPricedPerTruck: containers pay the road by the truck (one 40-ft
// box or two 20-ft a truck, a 20-ft box alone a whole one), cargo given by
// weight alone by the tonne.
func TestRoadPricedPerTruck(t *testing.T) {
	p := builtinPlanner(t)
	plan := func(r route.Request) *route.Itinerary {
		t.Helper()
		r.From, r.To, r.AsOf, r.AvoidModes = "pk-karachi", "af-kabul", date("2024-06-01"), []network.Mode{network.Rail, network.Sea, network.Ferry, network.Air}
		it, err := p.Plan(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	one, two, bulk := plan(route.Request{TEU: 1}), plan(route.Request{TEU: 2}), plan(route.Request{Tonnes: 28})
	if one.Shipment.Trucks != 1 || two.Shipment.Trucks != 1 || bulk.Shipment.Trucks != 0 {
		t.Errorf("trucks: 1 TEU %v, 2 TEU %v, 28 t %v; want 1, 1, 0", one.Shipment.Trucks, two.Shipment.Trucks, bulk.Shipment.Trucks)
	}
	if one.Total.USD != two.Total.USD {
		t.Errorf("a 20-ft box alone costs %v by road, a 40-ft %v: want one truck's price for both", one.Total.USD, two.Total.USD)
	}
	load := p.Graph().TruckLoadTonnes
	if got, want := bulk.Total.USD, one.Total.USD*28/load; math.Abs(got-want) > 2 {
		t.Errorf("28 t by weight costs %v, want %v (28 t at a truck's price per %g t)", got, want, load)
	}
	if !slices.Contains(one.Sources, "COMBINE-LASTMILE") {
		t.Errorf("sources %v lack truck_teu's", one.Sources)
	}
}

// TestFromFirstDeparture: a published time counts from the first scheduled
// departure; trucks sent to meet it (road legs only before it) leave it
// out too, a train before it does not.
func TestFromFirstDeparture(t *testing.T) {
	p := builtinPlanner(t)
	plan := func(r route.Request, first bool) *route.Itinerary {
		t.Helper()
		r.FromFirstDeparture = first
		it, err := p.Plan(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	only := func(keep ...network.Mode) []network.Mode {
		var avoid []network.Mode
		for _, m := range network.Modes {
			if !slices.Contains(keep, m) {
				avoid = append(avoid, m)
			}
		}
		return avoid
	}
	// Kandahar → Nhava Sheva: trucks to Chabahar, then a scheduled sailing.
	byRoad := route.Request{From: "af-kandahar", To: "in-nhava-sheva", AsOf: date("2019-05-23"), AvoidCountries: []string{"PK"}, AvoidModes: only(network.Road, network.Sea)}
	all, first := plan(byRoad, false), plan(byRoad, true)
	var wait float64
	for _, l := range first.Legs {
		if l.Mode == "sea" {
			wait = l.Wait
		}
	}
	if wait <= 0 {
		t.Fatalf("no wait reported on the sailing: %+v", first.Legs)
	}
	if d := all.Total.Hours - first.Total.Hours; math.Abs(d-wait) > 0.2 {
		t.Errorf("trucks then a sailing: timed from the first departure %v h shorter, want the sailing's wait %v h", d, wait)
	}
	// Altynkol → Constanța: trains first, so the Black Sea feeder's wait counts.
	byRail := route.Request{From: "kz-altynkol", To: "ro-constanta", AsOf: date("2024-06-01"), AvoidCountries: []string{"RU", "UZ", "TM", "IR", "TR"}, AvoidModes: only(network.Rail, network.Ferry, network.Sea)}
	if a, b := plan(byRail, false), plan(byRail, true); a.Total.Hours != b.Total.Hours {
		t.Errorf("trains then a sailing: %v h timed from the first departure, %v h from arrival: want the same", b.Total.Hours, a.Total.Hours)
	}
}
