package route_test

import (
	"context"
	"testing"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
	"github.com/caravan-transport/caravan/scenario"
)

// BenchmarkPlanRegional plans a long regional route with its full
// explanation (legs, sources, risk) on the shipped dataset.
func BenchmarkPlanRegional(b *testing.B) {
	p := builtinPlanner(b)
	ctx := context.Background()
	req := route.Request{From: "kz-pavlodar", To: "tr-istanbul", AsOf: date("2026-11-21")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Plan(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCostRegional is the same query without the itinerary: the
// search itself, which allocates nothing.
func BenchmarkCostRegional(b *testing.B) {
	p := builtinPlanner(b)
	ctx := context.Background()
	req := &route.Request{From: "kz-pavlodar", To: "tr-istanbul", AsOf: date("2026-11-21")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Cost(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCostRegionalVia is BenchmarkCostRegional through two
// waypoints: the layered search (see route.Waypoint).
func BenchmarkCostRegionalVia(b *testing.B) {
	p := builtinPlanner(b)
	ctx := context.Background()
	req := &route.Request{From: "kz-pavlodar", To: "tr-istanbul", AsOf: date("2026-11-21"),
		Via: []route.Waypoint{{"uz-tashkent"}, {"ir-tehran"}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Cost(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCostRegionalLegModes is BenchmarkCostRegionalVia with the
// modes of its three legs restricted (Request.LegModes): the same layered
// search, which skips the arcs of other modes.
func BenchmarkCostRegionalLegModes(b *testing.B) {
	p := builtinPlanner(b)
	ctx := context.Background()
	req := &route.Request{From: "kz-pavlodar", To: "tr-istanbul", AsOf: date("2026-11-21"),
		Via:      []route.Waypoint{{"uz-tashkent"}, {"ir-tehran"}},
		LegModes: [][]network.Mode{{network.Rail}, {network.Rail, network.Road}, nil}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Cost(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParetoRegional computes a Pareto front between two regional
// places.
func BenchmarkParetoRegional(b *testing.B) {
	p := builtinPlanner(b)
	ctx := context.Background()
	req := route.Request{From: "uz-tashkent", To: "pk-karachi", AsOf: date("2026-11-21")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Pareto(ctx, req, route.ParetoOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyScenarioRegional re-weights the regional graph with a
// shipped scenario (no rebuild of the structure).
func BenchmarkApplyScenarioRegional(b *testing.B) {
	n, err := dataset.Load(context.Background(), dataset.Builtin())
	if err != nil {
		b.Fatal(err)
	}
	g, err := graph.Compile(n)
	if err != nil {
		b.Fatal(err)
	}
	s, err := scenario.Example("chabahar-sanctions")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Apply(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileRegional builds the regional graph from the network.
func BenchmarkCompileRegional(b *testing.B) {
	n, err := dataset.Load(context.Background(), dataset.Builtin())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := graph.Compile(n); err != nil {
			b.Fatal(err)
		}
	}
}
