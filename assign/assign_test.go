package assign_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/assign"
)

var algorithms = []assign.Algorithm{assign.FW, assign.CFW, assign.BFW, assign.B}

// braess returns Braess's network (the shared data's Braess instance, in
// code): 6 trips from zone 0 to zone 1 over nodes 2 and 3.
func braess(tb testing.TB) (*assign.Network, *assign.Demand) {
	tb.Helper()
	links := []assign.Link{
		{From: 0, To: 2, FreeFlowTime: 1e-8, Capacity: 1, B: 1e9, Power: 1}, // 10x
		{From: 0, To: 3, FreeFlowTime: 50, Capacity: 1, B: 0.02, Power: 1},  // 50 + x
		{From: 2, To: 1, FreeFlowTime: 50, Capacity: 1, B: 0.02, Power: 1},  // 50 + x
		{From: 2, To: 3, FreeFlowTime: 10, Capacity: 1, B: 0.1, Power: 1},   // 10 + x
		{From: 3, To: 1, FreeFlowTime: 1e-8, Capacity: 1, B: 1e9, Power: 1}, // 10x
	}
	net, err := assign.NewNetwork(4, 2, 0, links)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := assign.NewDemand(2, []assign.OD{{From: 0, To: 1, Flow: 6}})
	if err != nil {
		tb.Fatal(err)
	}
	return net, d
}

// TestBraess checks every algorithm against the equilibrium derived by
// hand: 2 trips on each of the three paths, each costing 92.
func TestBraess(t *testing.T) {
	want := []float64{4, 2, 2, 2, 4}
	for _, alg := range algorithms {
		t.Run(alg.String(), func(t *testing.T) {
			net, d := braess(t)
			r, err := assign.Solve(t.Context(), net, d, assign.Options{Algorithm: alg, Gap: 1e-9, MaxIterations: 100000})
			if err != nil {
				t.Fatal(err)
			}
			if !r.Converged || r.Gap > 1e-9 {
				t.Errorf("gap %v after %d iterations, converged %v", r.Gap, r.Iterations, r.Converged)
			}
			for i, x := range r.Flow {
				if math.Abs(x-want[i]) > 1e-3 {
					t.Errorf("flow[%d] = %v, want %v", i, x, want[i])
				}
			}
			if math.Abs(r.TSTT-552) > 0.1 || math.Abs(r.SPTT-552) > 0.1 {
				t.Errorf("TSTT %v, SPTT %v, want 552", r.TSTT, r.SPTT)
			}
			tstt, sptt, gap, _, err := assign.Measure(t.Context(), net, d, r.Flow)
			if err != nil || math.Abs(tstt-r.TSTT) > 1e-9*tstt || math.Abs(sptt-r.SPTT) > 1e-9*sptt || math.Abs(gap-r.Gap) > 1e-12 {
				t.Errorf("Measure = %v %v %v %v, want the result's %v %v %v", tstt, sptt, gap, err, r.TSTT, r.SPTT, r.Gap)
			}
		})
	}
}

func TestNewNetworkErrors(t *testing.T) {
	ok := assign.Link{From: 0, To: 1, FreeFlowTime: 1, Capacity: 1, B: 0.15, Power: 4}
	for _, tt := range []struct {
		name              string
		nodes, zones, thr int
		link              func(l *assign.Link)
		want              string
	}{
		{"ZonesAboveNodes", 2, 3, 0, nil, "3 zones"},
		{"NodeOutside", 2, 1, 0, func(l *assign.Link) { l.To = 2 }, "node outside 0..1"},
		{"NegativeNode", 2, 1, 0, func(l *assign.Link) { l.From = -1 }, "node outside"},
		{"ZeroCapacity", 2, 1, 0, func(l *assign.Link) { l.Capacity = 0 }, "capacity 0 with b = 0.15"},
		{"NegativeCapacity", 2, 1, 0, func(l *assign.Link) { l.Capacity = -5 }, "capacity -5 is negative"},
		{"NaNTime", 2, 1, 0, func(l *assign.Link) { l.FreeFlowTime = math.NaN() }, "free-flow time NaN"},
		{"InfPower", 2, 1, 0, func(l *assign.Link) { l.Power = math.Inf(1) }, "power +Inf"},
		{"NegativeFixed", 2, 1, 0, func(l *assign.Link) { l.Fixed = -1 }, "fixed cost -1"},
		{"Overflow", 2, 1, 0, func(l *assign.Link) { l.Capacity = 1e-300; l.Power = 8 }, "overflows"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := ok
			if tt.link != nil {
				tt.link(&l)
			}
			_, err := assign.NewNetwork(tt.nodes, tt.zones, tt.thr, []assign.Link{ok, l})
			if err == nil || caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewNetwork = %v, want an invalid error containing %q", err, tt.want)
			}
		})
	}
}

func TestNewDemand(t *testing.T) {
	d, err := assign.NewDemand(3, []assign.OD{{0, 2, 1}, {1, 1, 5}, {0, 2, 2}, {2, 0, 0}, {1, 0, 4}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.ODs(), []assign.OD{{0, 2, 3}, {1, 0, 4}}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("ODs = %v, want %v (summed, intrazonal and zeros dropped)", got, want)
	}
	if d.Total() != 7 || d.Pairs() != 2 {
		t.Errorf("Total %v, Pairs %d, want 7, 2", d.Total(), d.Pairs())
	}
	for _, tt := range []struct {
		name string
		od   assign.OD
		want string
	}{
		{"ZoneOutside", assign.OD{From: 0, To: 3, Flow: 1}, "zone outside 0..2"},
		{"Negative", assign.OD{From: 0, To: 1, Flow: -1}, "flow -1"},
		{"NaN", assign.OD{From: 0, To: 1, Flow: math.NaN()}, "flow NaN"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := assign.NewDemand(3, []assign.OD{{0, 1, 1}, tt.od})
			if err == nil || caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), "entry 1") || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewDemand = %v, want an invalid error about entry 1 containing %q", err, tt.want)
			}
		})
	}
}

// TestUnreachable checks that demand between disconnected zones is an
// invalid-input error for every algorithm, and that a zone that may not be
// passed through blocks paths.
func TestUnreachable(t *testing.T) {
	links := []assign.Link{{From: 0, To: 2, FreeFlowTime: 1}, {From: 2, To: 1, FreeFlowTime: 1}}
	for _, tt := range []struct {
		name      string
		links     []assign.Link
		firstThru int
	}{
		{"NoArc", links[:1], 0},
		{"ThroughZone", []assign.Link{{From: 0, To: 1, FreeFlowTime: 1}, {From: 1, To: 2, FreeFlowTime: 1}}, 2},
	} {
		for _, alg := range algorithms {
			t.Run(tt.name+"/"+alg.String(), func(t *testing.T) {
				net, err := assign.NewNetwork(3, 3, tt.firstThru, tt.links)
				if err != nil {
					t.Fatal(err)
				}
				d, _ := assign.NewDemand(3, []assign.OD{{From: 0, To: 2, Flow: 1}, {From: 0, To: 1, Flow: 1}})
				if tt.name == "NoArc" {
					d, _ = assign.NewDemand(3, []assign.OD{{From: 0, To: 1, Flow: 7}})
				}
				_, err = assign.Solve(t.Context(), net, d, assign.Options{Algorithm: alg})
				if err == nil || caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), "no path") {
					t.Fatalf("Solve = %v, want an invalid error saying there is no path", err)
				}
			})
		}
	}
}

func TestCancel(t *testing.T) {
	net, d := braess(t)
	for _, alg := range algorithms {
		ctx, cancel := context.WithCancel(t.Context())
		calls := 0
		_, err := assign.Solve(ctx, net, d, assign.Options{Algorithm: alg, Gap: -1, MaxIterations: 1 << 30,
			Progress: func(p assign.Progress) {
				calls++
				if p.Iteration == 3 {
					cancel()
				}
			}})
		cancel()
		if !errors.Is(err, context.Canceled) || calls != 4 {
			t.Errorf("%v: Solve = %v after %d progress calls, want context.Canceled after 4", alg, err, calls)
		}
	}
}

func TestParseAlgorithm(t *testing.T) {
	for _, alg := range algorithms {
		got, err := assign.ParseAlgorithm(alg.String())
		if err != nil || got != alg {
			t.Errorf("ParseAlgorithm(%q) = %v, %v", alg.String(), got, err)
		}
	}
	if _, err := assign.ParseAlgorithm("msa"); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("ParseAlgorithm(msa) = %v, want invalid", err)
	}
}

// TestThrough follows Braess's OD pair: 4 of its 6 trips use link 0→2, 2
// use link 2→3, and every trip ends on 2→1 or 3→1.
func TestThrough(t *testing.T) {
	net, d := braess(t)
	r, err := assign.Solve(t.Context(), net, d, assign.Options{Algorithm: assign.B, Gap: 1e-12, KeepBushes: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		via  []int
		want float64
	}{{[]int{0}, 4.0 / 6}, {[]int{3}, 2.0 / 6}, {[]int{1}, 2.0 / 6}, {[]int{2, 4}, 1}, {[]int{0, 3}, 4.0 / 6}, {nil, 0}} {
		got, err := r.Through(0, 1, tt.via)
		if err != nil || math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("Through(0, 1, %v) = %v, %v; want %v", tt.via, got, err, tt.want)
		}
	}
	if got, err := r.Through(1, 0, []int{0}); err != nil || got != 0 {
		t.Errorf("Through without demand = %v, %v", got, err)
	}
	if _, err := r.Through(0, 1, []int{7}); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("Through with a bad link: %v", err)
	}
	r2, _ := assign.Solve(t.Context(), net, d, assign.Options{Algorithm: assign.B})
	if _, err := r2.Through(0, 1, []int{0}); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("Through without bushes: %v", err)
	}
}

// TestOverflow: demand so large that a BPR term overflows is an invalid-
// input error naming the link, for every algorithm, not a panic or NaNs.
func TestOverflow(t *testing.T) {
	links := []assign.Link{{From: 0, To: 1, FreeFlowTime: 1, Capacity: 1, B: 1, Power: 8}, {From: 0, To: 1, FreeFlowTime: 2, Capacity: 1, B: 1, Power: 4}}
	net, err := assign.NewNetwork(2, 2, 0, links)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := assign.NewDemand(2, []assign.OD{{From: 0, To: 1, Flow: 1e80}})
	for _, alg := range algorithms {
		_, err := assign.Solve(t.Context(), net, d, assign.Options{Algorithm: alg, MaxIterations: 20})
		if caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), "link 0: cost +Inf at flow 1e+80 overflows") {
			t.Errorf("%v: %v", alg, err)
		}
	}
	// Measuring flows whose costs overflow is the same error, not a gap of 0.
	_, _, gap, _, err := assign.Measure(t.Context(), net, d, []float64{1e80, 0})
	if caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), "overflows") {
		t.Errorf("Measure: gap %v, error %v; want the overflow error", gap, err)
	}
}
