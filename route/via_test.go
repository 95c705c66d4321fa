package route_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// stops returns the places an itinerary passes, in order, from its origin.
func stops(it *route.Itinerary) []string {
	out := []string{it.From.ID}
	for _, l := range it.Legs {
		if l.To.ID != out[len(out)-1] {
			out = append(out, l.To.ID)
		}
	}
	return out
}

// visitsInOrder reports whether the itinerary passes every waypoint (any
// of its places) in order.
func visitsInOrder(it *route.Itinerary, via []route.Waypoint) bool {
	k := 0
	for _, s := range stops(it) {
		if k < len(via) && slices.Contains(via[k], s) {
			k++
		}
	}
	return k == len(via)
}

func wps(ids ...string) []route.Waypoint {
	out := make([]route.Waypoint, len(ids))
	for i, id := range ids {
		out[i] = route.Waypoint{id}
	}
	return out
}

// objective returns an itinerary's value on the criterion it was planned
// by.
func objective(it *route.Itinerary, by route.Criterion) float64 {
	switch by {
	case route.Cost:
		return it.Total.USD
	case route.CO2:
		return it.Total.KgCO2
	case route.GC:
		return it.Total.GC
	case route.Risk:
		return it.Total.Risk
	case route.P90:
		return it.Total.HoursP90
	}
	return it.Total.Hours
}

// TestViaRegional plans through waypoints on the shipped dataset: the
// route passes them in order, under every criterion, and costs at least
// the unconstrained optimum on its criterion; a waypoint the optimum
// already passes changes nothing.
func TestViaRegional(t *testing.T) {
	p := builtinPlanner(t)
	ctx := context.Background()
	asOf := date("2026-11-21")
	for _, tt := range []struct {
		name     string
		from, to string
		via      []route.Waypoint
		by       route.Criterion
		modes    []network.Mode // to avoid
		same     bool           // the optimum already passes the waypoints
	}{
		{name: "Kashgar then Osh", from: "cn-lanzhou", to: "tj-dushanbe", via: wps("cn-kashgar", "kg-osh")},
		{name: "Kashgar on the way", from: "cn-lanzhou", to: "tj-dushanbe", via: wps("cn-kashgar"), same: true},
		{name: "Osh then Kashgar", from: "cn-lanzhou", to: "tj-dushanbe", via: wps("kg-osh", "cn-kashgar")},
		{name: "by p90", from: "cn-lanzhou", to: "tj-dushanbe", via: wps("kg-osh"), by: route.P90},
		{name: "by cost", from: "cn-lanzhou", to: "tj-dushanbe", via: wps("kg-osh"), by: route.Cost},
		{name: "by co2", from: "cn-lanzhou", to: "tj-dushanbe", via: wps("kg-osh"), by: route.CO2},
		{name: "by gc", from: "cn-lanzhou", to: "tj-dushanbe", via: wps("kg-osh"), by: route.GC},
		{name: "by risk", from: "cn-lanzhou", to: "tj-dushanbe", via: wps("kg-osh"), by: route.Risk},
		{name: "Tashkent to Karachi via Torkham (either side)", from: "uz-tashkent", to: "pk-karachi",
			via: []route.Waypoint{sideIDs(p.Graph().Net, "Torkham")}},
		{name: "rail only via Tashkent", from: "kz-almaty", to: "tm-ashgabat", via: wps("uz-tashkent"),
			modes: []network.Mode{network.Road, network.Ferry, network.Sea, network.Air}, same: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			by := tt.by
			if by == 0 {
				by = route.Time
			}
			free := route.Request{From: tt.from, To: tt.to, AsOf: asOf, By: by, AvoidModes: tt.modes}
			best, err := p.Plan(ctx, free)
			if err != nil {
				t.Fatalf("Plan without waypoints: %v", err)
			}
			r := free
			r.Via = tt.via
			it, err := p.Plan(ctx, r)
			if err != nil {
				t.Fatalf("Plan via %v: %v", tt.via, err)
			}
			if !visitsInOrder(it, tt.via) {
				t.Errorf("route %v does not pass %v in order", stops(it), tt.via)
			}
			if it.From.ID != tt.from || it.To.ID != tt.to {
				t.Errorf("route from %s to %s, want %s to %s", it.From.ID, it.To.ID, tt.from, tt.to)
			}
			for _, l := range it.Legs {
				if len(tt.modes) > 0 && l.Mode != "rail" {
					t.Errorf("leg %s by %s with only rail allowed", l.ID, l.Mode)
				}
			}
			got, want := objective(it, by), objective(best, by)
			if by != route.P90 && got < want-1e-6 {
				t.Errorf("%s via the waypoints %v < %v without them", by, got, want)
			}
			if tt.same {
				if legIDs(it) != legIDs(best) || got != want {
					t.Errorf("the optimum passes the waypoints but the route changed:\n%s (%v)\nwant\n%s (%v)", legIDs(it), got, legIDs(best), want)
				}
			} else if legIDs(it) == legIDs(best) {
				t.Errorf("the waypoints did not change the route %s", legIDs(it))
			}
			c, err := p.Cost(ctx, &r)
			if err != nil || math.IsInf(c, 1) {
				t.Errorf("Cost via the waypoints = %v, %v", c, err)
			}
		})
	}
}

// TestViaOneTrip: a route through a waypoint is one continuous trip, not
// legs glued together: it leaves each place in the mode and gauge it
// arrived in unless a transfer of the network changes them.
func TestViaOneTrip(t *testing.T) {
	p := builtinPlanner(t)
	it, err := p.Plan(context.Background(), route.Request{From: "cn-lanzhou", To: "tj-dushanbe", AsOf: date("2026-11-21"),
		Via: wps("kg-osh", "uz-tashkent")})
	if err != nil {
		t.Fatal(err)
	}
	mode, gauge := it.Legs[0].Mode, it.Legs[0].Gauge
	for i, l := range it.Legs {
		if i > 0 && (l.Mode != mode || l.Gauge != gauge) {
			t.Errorf("leg %d (%s) leaves by %s %d after arriving by %s %d without a transfer", i+1, l.ID, l.Mode, l.Gauge, mode, gauge)
		}
		if i > 0 && l.From.ID != it.Legs[i-1].To.ID {
			t.Errorf("leg %d starts at %s, the one before ends at %s", i+1, l.From.ID, it.Legs[i-1].To.ID)
		}
		mode, gauge = l.Mode, l.Gauge
		if l.Kind == "transfer" {
			mode, gauge = l.ToMode, l.ToGauge
		}
	}
	if !visitsInOrder(it, wps("kg-osh", "uz-tashkent")) {
		t.Errorf("route %v misses a waypoint", stops(it))
	}
}

// TestViaZeroWaypoints: an empty list of waypoints is no waypoint at all.
func TestViaZeroWaypoints(t *testing.T) {
	p := builtinPlanner(t)
	ctx := context.Background()
	r := route.Request{From: "kz-pavlodar", To: "tr-istanbul", AsOf: date("2026-11-21")}
	a, err := p.Plan(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	r.Via = []route.Waypoint{}
	b, err := p.Plan(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if legIDs(a) != legIDs(b) || a.Total != b.Total {
		t.Errorf("empty via changed the route:\n%s\n%s", legIDs(a), legIDs(b))
	}
}

// oracleVia is the best time from any state of place from through states
// of the waypoints, in order, to place to, by concatenating plain
// searches (oracleLegs with no leg restricted).
func oracleVia(g *graph.Graph, w []float64, blocked []uint64, from, to string, via []string) float64 {
	return oracleLegs(g, w, blocked, from, to, via, make([][]network.Mode, len(via)+1))
}

// TestViaMatchesConcatenation holds the layered search against the
// brute-force oracle on random networks, with one and two waypoints: the
// planner's time through the waypoints equals the best valid
// concatenation, is never below the unconstrained optimum, and equals it
// when the unconstrained route already passes the waypoints.
func TestViaMatchesConcatenation(t *testing.T) {
	ctx := context.Background()
	compared, unreachable, passing := 0, 0, 0
	defer func() {
		if compared < 200 || unreachable == 0 || passing == 0 {
			t.Errorf("compared %d routes, %d unreachable, %d already passing; the generator no longer exercises all three", compared, unreachable, passing)
		}
	}()
	for seed := uint64(1); seed <= 40; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 11))
			d, g, p, w := randomPlanner(t, rng)
			for range 25 {
				pick := rng.Perm(len(d.Places))
				k := 1 + rng.IntN(2)
				if len(pick) < k+2 {
					continue
				}
				from, to := d.Places[pick[0]].ID, d.Places[pick[1]].ID
				var via []string
				for _, i := range pick[2 : 2+k] {
					via = append(via, d.Places[i].ID)
				}
				asOf := network.MakeDate(2019+rng.IntN(8), time.Month(1+rng.IntN(12)), 1)
				blocked, err := g.Blocked(&graph.Conditions{AsOf: asOf}, nil)
				if err != nil {
					t.Fatal(err)
				}
				want := oracleVia(g, w, blocked, from, to, via)
				req := route.Request{From: from, To: to, AsOf: asOf, Via: wps(via...)}
				it, err := p.Plan(ctx, req)
				if math.IsInf(want, 1) {
					if err == nil {
						t.Fatalf("%s→%s via %v: planner found %v h, oracle no route", from, to, via, it.Total.Hours)
					}
					if caravan.KindOf(err) != caravan.NotFound || !strings.Contains(err.Error(), "via") {
						t.Fatalf("%s→%s via %v: error %v, want NotFound naming the waypoints", from, to, via, err)
					}
					unreachable++
					continue
				}
				if err != nil {
					t.Fatalf("%s→%s via %v: %v (oracle %v h)", from, to, via, err, want)
				}
				if math.Abs(it.Total.Hours-want) > 0.06 {
					t.Fatalf("%s→%s via %v: planner %v h, oracle %v h", from, to, via, it.Total.Hours, want)
				}
				if !visitsInOrder(it, wps(via...)) {
					t.Fatalf("%s→%s via %v: route %v", from, to, via, stops(it))
				}
				compared++
				free, err := p.Plan(ctx, route.Request{From: from, To: to, AsOf: asOf})
				if err != nil {
					t.Fatalf("%s→%s: a route via %v but none without: %v", from, to, via, err)
				}
				if it.Total.Hours < free.Total.Hours-1e-9 {
					t.Fatalf("%s→%s via %v: %v h, below the unconstrained %v h", from, to, via, it.Total.Hours, free.Total.Hours)
				}
				if visitsInOrder(free, wps(via...)) {
					passing++
					if it.Total.Hours != free.Total.Hours {
						t.Fatalf("%s→%s: the optimum passes %v in %v h, the route via them takes %v h", from, to, via, free.Total.Hours, it.Total.Hours)
					}
				}
			}
		})
	}
}

// TestViaErrors: a waypoint that is unknown, an end of the route, given
// twice or avoided is an error naming via and the place.
func TestViaErrors(t *testing.T) {
	p := miniPlanner(t)
	ctx := context.Background()
	base := route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2024-06-01")}
	for _, tt := range []struct {
		name string
		edit func(*route.Request)
		kind caravan.Kind
		want string
	}{
		{"unknown", func(r *route.Request) { r.Via = wps("xx-nowhere") }, caravan.NotFound, `"xx-nowhere"`},
		{"origin", func(r *route.Request) { r.Via = wps("kz-almaty") }, caravan.Invalid, "kz-almaty is the origin"},
		{"destination", func(r *route.Request) { r.Via = wps("af-mazar") }, caravan.Invalid, "af-mazar is the destination"},
		{"twice", func(r *route.Request) { r.Via = wps("uz-tashkent", "uz-termez", "uz-tashkent") }, caravan.Invalid, "uz-tashkent is given twice"},
		{"avoided place", func(r *route.Request) { r.Via = wps("uz-termez"); r.AvoidPlaces = []string{"uz-termez"} }, caravan.Invalid, "uz-termez is both a waypoint and a place to avoid"},
		{"avoided country", func(r *route.Request) { r.Via = wps("uz-termez"); r.AvoidCountries = []string{"UZ"} }, caravan.Invalid, "uz-termez is in UZ"},
		{"empty waypoint", func(r *route.Request) { r.Via = []route.Waypoint{{}} }, caravan.Invalid, "waypoint 1 names no place"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			tt.edit(&r)
			_, err := p.Plan(ctx, r)
			if err == nil {
				t.Fatal("Plan: no error")
			}
			if caravan.KindOf(err) != tt.kind || caravan.ParamOf(err) != "via" || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Plan: %v (kind %v, param %q), want %v about via containing %q", err, caravan.KindOf(err), caravan.ParamOf(err), tt.kind, tt.want)
			}
			// The other entry points check the same.
			if _, err2 := p.Cost(ctx, &r); err2 == nil || err2.Error() != err.Error() {
				t.Errorf("Cost: %v, want %v", err2, err)
			}
			if _, err2 := p.Alternatives(ctx, r, route.AltOptions{}); err2 == nil || err2.Error() != err.Error() {
				t.Errorf("Alternatives: %v, want %v", err2, err)
			}
			if _, err2 := p.Pareto(ctx, r, route.ParetoOptions{}); err2 == nil || err2.Error() != err.Error() {
				t.Errorf("Pareto: %v, want %v", err2, err)
			}
		})
	}
}

// TestViaNoRoute: when the waypoints are what blocks, the error says so
// and names the leg that cannot be made.
func TestViaNoRoute(t *testing.T) {
	p := miniPlanner(t)
	r := route.Request{From: "kz-almaty", To: "uz-termez", AsOf: date("2024-06-01"), Via: wps("af-mazar"),
		AvoidLinks: []string{"hairatan-mazar-rail", "hairatan-mazar-road"}}
	_, err := p.Plan(context.Background(), r)
	if caravan.KindOf(err) != caravan.NotFound {
		t.Fatalf("Plan: %v, want NotFound", err)
	}
	for _, want := range []string{
		"no route from kz-almaty to uz-termez via af-mazar",
		"the waypoints (af-mazar): af-mazar cannot be reached from kz-almaty as asked; without them there is a route",
		"the links to avoid (hairatan-mazar-rail, hairatan-mazar-road): without them there is a route",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\nlacks %q", err, want)
		}
	}
	// Without the avoided links the same waypoint is a detour there and
	// back.
	r.AvoidLinks = nil
	it, err := p.Plan(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(stops(it), " "); !strings.Contains(got, "af-mazar") || !strings.HasSuffix(got, "uz-termez") {
		t.Errorf("stops %s", got)
	}
}

// TestViaParetoAndAlternatives: every route of a front or a set of
// alternatives passes the waypoints in order, and the front's fastest
// route is the best route by time through them.
func TestViaParetoAndAlternatives(t *testing.T) {
	p := builtinPlanner(t)
	ctx := context.Background()
	r := route.Request{From: "uz-tashkent", To: "pk-karachi", AsOf: date("2026-11-21"), Via: wps("af-kabul")}
	best, err := p.Plan(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := p.Pareto(ctx, r, route.ParetoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Routes) == 0 {
		t.Fatal("empty front")
	}
	for i, it := range f.Routes {
		if !visitsInOrder(it, r.Via) {
			t.Errorf("front route %d %v misses af-kabul", i, stops(it))
		}
	}
	if got := f.Routes[0].Total.Hours; math.Abs(got-best.Total.Hours) > 0.051 {
		t.Errorf("fastest route of the front %v h, best by time %v h", got, best.Total.Hours)
	}
	alts, err := p.Alternatives(ctx, r, route.AltOptions{K: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(alts) == 0 || alts[0].Total != best.Total {
		t.Fatalf("alternatives %d, first %+v, want the best %+v", len(alts), alts, best.Total)
	}
	for i, a := range alts {
		if !visitsInOrder(a.Itinerary, r.Via) {
			t.Errorf("alternative %d %v misses af-kabul", i, stops(a.Itinerary))
		}
	}
}
