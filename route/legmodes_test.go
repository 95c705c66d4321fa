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
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

var (
	rail = []network.Mode{network.Rail}
	road = []network.Mode{network.Road}
)

// legsObey says how an itinerary breaks its leg modes, "" when it does
// not: every link, crossing and transfer of leg k (the arc that reaches
// waypoint k+1 ends leg k; a transfer there starts leg k+1) goes in, or
// changes to, a mode of legs[k] (an empty set: any). It also checks that
// the route passes the waypoints.
func legsObey(it *route.Itinerary, via []route.Waypoint, legs [][]network.Mode) string {
	k := 0
	allowed := func(mode string) bool {
		if len(legs[k]) == 0 {
			return true
		}
		for _, m := range legs[k] {
			if m.String() == mode {
				return true
			}
		}
		return false
	}
	for i, l := range it.Legs {
		mode := l.Mode
		if l.Kind == "transfer" {
			mode = l.ToMode
		}
		if !allowed(mode) {
			return fmt.Sprintf("step %d (%s %s → %s) by %s in leg %d, which allows %v", i+1, l.ID, l.From.ID, l.To.ID, mode, k+1, legs[k])
		}
		if k < len(via) && l.Kind != "transfer" && slices.Contains(via[k], l.To.ID) {
			k++
		}
	}
	if k != len(via) {
		return fmt.Sprintf("passes %d of %d waypoints", k, len(via))
	}
	return ""
}

// TestLegModesRegional plans the trips forwarders describe leg by leg on
// the shipped dataset: each leg keeps to its modes, a leg restricted to
// rail goes by rail where the unrestricted route trucks, and empty sets
// change nothing.
func TestLegModesRegional(t *testing.T) {
	p := builtinPlanner(t)
	ctx := context.Background()
	for _, tt := range []struct {
		name     string
		r        route.Request
		changes  bool // the route differs from the one through the same waypoints without leg modes
		railLegs []int
	}{
		{name: "rail to Kashgar, trucks to Osh, rail to Hairatan",
			r: route.Request{From: "cn-lanzhou", To: "af-hairatan", AsOf: date("2023-07-05"), AvoidCountries: []string{"TJ"},
				Via: wps("cn-kashgar", "kg-osh"), LegModes: [][]network.Mode{rail, road, rail}},
			changes: true, railLegs: []int{0, 2}},
		{name: "the same by cost",
			r: route.Request{From: "cn-lanzhou", To: "af-hairatan", AsOf: date("2023-07-05"), AvoidCountries: []string{"TJ"}, By: route.Cost,
				Via: wps("cn-kashgar", "kg-osh"), LegModes: [][]network.Mode{rail, road, rail}},
			railLegs: []int{0, 2}},
		{name: "only the last leg by rail",
			r: route.Request{From: "cn-lanzhou", To: "af-hairatan", AsOf: date("2023-07-05"), AvoidCountries: []string{"TJ"},
				Via: wps("cn-kashgar", "kg-osh"), LegModes: [][]network.Mode{nil, nil, rail}},
			changes: true, railLegs: []int{2}},
		{name: "every leg empty is no restriction",
			r: route.Request{From: "cn-lanzhou", To: "tj-dushanbe", AsOf: date("2026-11-21"),
				Via: wps("cn-kashgar", "kg-osh"), LegModes: [][]network.Mode{nil, {}, nil}}},
		{name: "a leg's modes that the optimum already uses",
			r: route.Request{From: "kz-almaty", To: "tm-ashgabat", AsOf: date("2026-11-21"),
				Via: wps("uz-tashkent"), LegModes: [][]network.Mode{rail, rail},
				AvoidModes: []network.Mode{network.Road, network.Ferry, network.Sea, network.Air}}},
		{name: "with the route's modes: rail and road, rail then road",
			r: route.Request{From: "uz-tashkent", To: "pk-karachi", AsOf: date("2026-11-21"), Via: wps("af-kabul"),
				LegModes: [][]network.Mode{{network.Rail, network.Road}, road}, AvoidModes: []network.Mode{network.Air, network.Sea}},
			changes: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			free := tt.r
			free.LegModes = nil
			want, err := p.Plan(ctx, free)
			if err != nil {
				t.Fatalf("Plan without leg modes: %v", err)
			}
			it, err := p.Plan(ctx, tt.r)
			if err != nil {
				t.Fatalf("Plan: %v", err)
			}
			if why := legsObey(it, tt.r.Via, tt.r.LegModes); why != "" {
				t.Errorf("route %s: %s", legIDs(it), why)
			}
			by := tt.r.By
			if by == 0 {
				by = route.Time
			}
			if got, best := objective(it, by), objective(want, by); got < best-1e-6 {
				t.Errorf("%s with leg modes %v < %v without them", by, got, best)
			}
			if changed := legIDs(it) != legIDs(want); changed != tt.changes {
				t.Errorf("route changed = %v, want %v:\n%s\nwithout leg modes\n%s", changed, tt.changes, legIDs(it), legIDs(want))
			}
			if !tt.changes && it.Total != want.Total {
				t.Errorf("totals %+v, want %+v", it.Total, want.Total)
			}
			for _, k := range tt.railLegs {
				if !hasModeInLeg(it, tt.r.Via, k, "rail") {
					t.Errorf("leg %d has no rail: %s", k+1, legIDs(it))
				}
			}
			c, err := p.Cost(ctx, &tt.r)
			if err != nil || math.Abs(c-objective(it, by)) > 0.05*max(1, c) {
				t.Errorf("Cost = %v, %v; Plan's %s %v", c, err, by, objective(it, by))
			}
		})
	}
}

// hasModeInLeg reports whether leg k of it has a link or crossing by mode.
func hasModeInLeg(it *route.Itinerary, via []route.Waypoint, k int, mode string) bool {
	leg := 0
	for _, l := range it.Legs {
		if leg == k && l.Kind != "transfer" && l.Mode == mode {
			return true
		}
		if leg < len(via) && l.Kind != "transfer" && slices.Contains(via[leg], l.To.ID) {
			leg++
		}
	}
	return false
}

// TestLegModesParetoAndAlternatives: every route of a front and of a set
// of alternatives keeps to the legs' modes.
func TestLegModesParetoAndAlternatives(t *testing.T) {
	p := builtinPlanner(t)
	ctx := context.Background()
	r := route.Request{From: "cn-lanzhou", To: "af-hairatan", AsOf: date("2023-07-05"), AvoidCountries: []string{"TJ"},
		Via: wps("cn-kashgar", "kg-osh"), LegModes: [][]network.Mode{rail, road, rail}}
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
		if why := legsObey(it, r.Via, r.LegModes); why != "" {
			t.Errorf("front route %d: %s", i, why)
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
		t.Fatalf("alternatives %d, want the best first", len(alts))
	}
	for i, a := range alts {
		if why := legsObey(a.Itinerary, r.Via, r.LegModes); why != "" {
			t.Errorf("alternative %d: %s", i, why)
		}
	}
}

// oracleLegs concatenates plain searches with a weight array per leg: leg k's arcs that
// lead into a state of a mode leg k does not allow weigh +Inf. It
// concatenates plain searches, each from the states the one before
// reached at its waypoint, so a change of mode at a waypoint is a transfer
// of the next leg.
func oracleLegs(g *graph.Graph, w []float64, blocked []uint64, from, to string, via []string, legs [][]network.Mode) float64 {
	n := g.Net
	idx := func(id string) int32 { i, _ := n.PlaceIndex(id); return int32(i) }
	states := func(id string) []int32 {
		var out []int32
		for _, v := range g.PlaceNodes(idx(id)) {
			if g.States[v].Mode != 0 {
				out = append(out, v)
			}
		}
		return out
	}
	legW := func(k int) []float64 {
		out := slices.Clone(w)
		if len(legs[k]) == 0 {
			return out
		}
		for a := range out {
			if m := g.States[g.CSR.Heads[a]].Mode; m != 0 && !slices.Contains(legs[k], m) {
				out[a] = math.Inf(1)
			}
		}
		return out
	}
	s := csr.NewSearcher(g.CSR)
	cur := map[int32]float64{}
	for _, v := range states(from) {
		cur[v] = 0
	}
	for k, stop := range via {
		wk := legW(k)
		next := map[int32]float64{}
		for u, du := range cur {
			s.Search(wk, blocked, u, -1)
			for _, v := range states(stop) {
				d := du + s.Dist(v)
				if old, ok := next[v]; !math.IsInf(d, 1) && (!ok || d < old) {
					next[v] = d
				}
			}
		}
		cur = next
	}
	best := math.Inf(1)
	dst := g.Arrival(idx(to))
	if dst < 0 {
		return best
	}
	wk := legW(len(via))
	for u, du := range cur {
		best = min(best, du+s.Search(wk, blocked, u, dst))
	}
	return best
}

// TestLegModesMatchOracle holds the layered search with leg modes against
// the concatenation of plain searches on random networks of road and
// rail: the same time, routes that keep to their legs' modes, and a
// NotFound naming the waypoints where the oracle finds nothing.
func TestLegModesMatchOracle(t *testing.T) {
	ctx := context.Background()
	compared, unreachable := 0, 0
	defer func() {
		if compared < 100 || unreachable == 0 {
			t.Errorf("compared %d routes, %d unreachable; the generator no longer exercises both", compared, unreachable)
		}
	}()
	choices := [][]network.Mode{nil, nil, rail, road, {network.Road, network.Rail}}
	for seed := uint64(1); seed <= 30; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 17))
			d, g, p, w := randomPlanner(t, rng)
			for range 40 {
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
				legs := make([][]network.Mode, k+1)
				for i := range legs {
					legs[i] = choices[rng.IntN(len(choices))]
				}
				asOf := network.MakeDate(2019+rng.IntN(8), time.Month(1+rng.IntN(12)), 1)
				blocked, err := g.Blocked(&graph.Conditions{AsOf: asOf}, nil)
				if err != nil {
					t.Fatal(err)
				}
				want := oracleLegs(g, w, blocked, from, to, via, legs)
				req := route.Request{From: from, To: to, AsOf: asOf, Via: wps(via...), LegModes: legs}
				it, err := p.Plan(ctx, req)
				if math.IsInf(want, 1) {
					if err == nil {
						t.Fatalf("%s→%s via %v legs %v: planner found %v h, oracle no route", from, to, via, legs, it.Total.Hours)
					}
					if caravan.KindOf(err) != caravan.NotFound || !strings.Contains(err.Error(), "via") {
						t.Fatalf("%s→%s via %v legs %v: error %v, want NotFound naming the waypoints", from, to, via, legs, err)
					}
					unreachable++
					continue
				}
				if err != nil {
					t.Fatalf("%s→%s via %v legs %v: %v (oracle %v h)", from, to, via, legs, err, want)
				}
				if math.Abs(it.Total.Hours-want) > 0.06 {
					t.Fatalf("%s→%s via %v legs %v: planner %v h, oracle %v h", from, to, via, legs, it.Total.Hours, want)
				}
				if why := legsObey(it, wps(via...), legs); why != "" {
					t.Fatalf("%s→%s via %v legs %v: %s", from, to, via, legs, why)
				}
				compared++
			}
		})
	}
}

// TestLegModesErrors: leg modes without waypoints, of the wrong number,
// with an unknown mode or ruled out by the route's modes are Invalid
// errors naming leg_modes, from every entry point.
func TestLegModesErrors(t *testing.T) {
	p := miniPlanner(t)
	ctx := context.Background()
	base := route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2024-06-01"), Via: wps("uz-termez")}
	for _, tt := range []struct {
		name string
		edit func(*route.Request)
		want string
	}{
		{"without via", func(r *route.Request) { r.Via = nil; r.LegModes = [][]network.Mode{rail} }, "need waypoints (via)"},
		{"too few legs", func(r *route.Request) { r.LegModes = [][]network.Mode{rail} }, "1 legs given; 1 waypoints make 2 legs"},
		{"too many legs", func(r *route.Request) { r.LegModes = [][]network.Mode{rail, road, rail} }, "3 legs given; 1 waypoints make 2 legs"},
		{"unknown mode", func(r *route.Request) { r.LegModes = [][]network.Mode{rail, {network.Mode(9)}} }, "leg 2: unknown mode 9"},
		{"ruled out by the route's modes", func(r *route.Request) {
			r.LegModes = [][]network.Mode{rail, road}
			r.AvoidModes = []network.Mode{network.Road}
		}, "leg 2 (uz-termez → af-mazar) allows only road, which the modes of the route rule out"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			tt.edit(&r)
			_, err := p.Plan(ctx, r)
			if err == nil {
				t.Fatal("Plan: no error")
			}
			if caravan.KindOf(err) != caravan.Invalid || caravan.ParamOf(err) != "leg_modes" || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Plan: %v (kind %v, param %q), want Invalid about leg_modes containing %q", err, caravan.KindOf(err), caravan.ParamOf(err), tt.want)
			}
			if err2 := route.CheckLegModes(&r); err2 == nil || err2.Error() != err.Error() {
				t.Errorf("CheckLegModes: %v, want %v", err2, err)
			}
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

// TestLegModesNoRoute: when a leg's modes are what blocks, the error says
// so and names the leg that cannot be made in them.
func TestLegModesNoRoute(t *testing.T) {
	p := miniPlanner(t)
	r := route.Request{From: "kz-almaty", To: "af-mazar", AsOf: date("2024-06-01"), Via: wps("uz-termez"),
		LegModes: [][]network.Mode{{network.Ferry}, nil}}
	_, err := p.Plan(context.Background(), r)
	if caravan.KindOf(err) != caravan.NotFound {
		t.Fatalf("Plan: %v, want NotFound", err)
	}
	for _, want := range []string{
		"no route from kz-almaty to af-mazar via uz-termez with leg modes ferry/",
		"the modes of the legs (ferry/): with every mode on every leg there is a route",
		"uz-termez cannot be reached from kz-almaty by ferry as asked",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\nlacks %q", err, want)
		}
	}
}

// TestParseLegModes: the syntax of --leg-modes and leg_modes.
func TestParseLegModes(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want [][]network.Mode
		err  string
	}{
		{"", nil, ""},
		{"  ", nil, ""},
		{"rail/road/rail", [][]network.Mode{rail, road, rail}, ""},
		{"Rail , ROAD//rail", [][]network.Mode{{network.Rail, network.Road}, nil, rail}, ""},
		{"rail,rail/", [][]network.Mode{rail, nil}, ""},
		{"/", [][]network.Mode{nil, nil}, ""},
		{"rail/truck", nil, `leg 2: mode "truck": want road, rail, ferry, sea or air`},
	} {
		got, err := route.ParseLegModes(tt.in)
		if tt.err != "" {
			if err == nil || caravan.ParamOf(err) != "leg_modes" || caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseLegModes(%q) = %v, %v; want Invalid leg_modes %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || fmt.Sprint(got) != fmt.Sprint(tt.want) || len(got) != len(tt.want) {
			t.Errorf("ParseLegModes(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}
