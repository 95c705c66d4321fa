package assign

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// randomNetwork returns a strongly connected network on n nodes (a ring in
// both directions plus random chords) whose first zones nodes are zones,
// with BPR links of powers 0–4 and demand between random zone pairs.
func randomNetwork(tb testing.TB, rng *rand.Rand, n, zones, chords int) (*Network, *Demand) {
	tb.Helper()
	var links []Link
	add := func(u, v int) {
		l := Link{From: int32(u), To: int32(v), FreeFlowTime: 1 + 9*rng.Float64(), Capacity: 5 + 20*rng.Float64(),
			B: 0.15 * float64(rng.IntN(3)), Power: float64(rng.IntN(5)), Fixed: float64(rng.IntN(2)) * rng.Float64()}
		links = append(links, l)
	}
	for v := range n {
		add(v, (v+1)%n)
		add((v+1)%n, v)
	}
	for range chords {
		u, v := rng.IntN(n), rng.IntN(n)
		if u != v {
			add(u, v)
		}
	}
	net, err := NewNetwork(n, zones, 0, links)
	if err != nil {
		tb.Fatal(err)
	}
	var ods []OD
	for o := range zones {
		for d := range zones {
			if o != d && rng.IntN(3) > 0 {
				ods = append(ods, OD{From: int32(o), To: int32(d), Flow: 1 + 30*rng.Float64()})
			}
		}
	}
	if len(ods) == 0 {
		ods = append(ods, OD{From: 0, To: 1, Flow: 10})
	}
	dem, err := NewDemand(zones, ods)
	if err != nil {
		tb.Fatal(err)
	}
	return net, dem
}

// TestUsedPathsEqualCost is the Wardrop property on random small networks:
// after Algorithm B reaches a relative gap g, every path that carries flow in
// an origin's bush costs the same as the OD pair's shortest path, up to what
// the gap allows: bottleneck flow × excess cost ≤ g·TSTT for every used path
// (the excess costs of all used paths, weighted by flow, add up to
// TSTT − SPTT), and within 1e-6 relative for paths carrying at least 0.1 %
// of the pair's demand. The gap itself is checked against Measure, and the
// linear algorithms must reach the same objective.
func TestUsedPathsEqualCost(t *testing.T) {
	for seed := range uint64(30) {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 0))
			n := 4 + rng.IntN(6)
			net, dem := randomNetwork(t, rng, n, 2+rng.IntN(n-2), rng.IntN(3*n))
			s, err := solve(t.Context(), net, dem, Options{Algorithm: B, Gap: 1e-12, MaxIterations: 500, Workers: 1 + int(seed%2)})
			if err != nil {
				t.Fatal(err)
			}
			r := s.result()
			tstt, _, gap, _, err := Measure(t.Context(), net, dem, r.Flow)
			if err != nil || math.Abs(gap-r.Gap) > 1e-12+1e-6*r.Gap {
				t.Fatalf("Measure: gap %v (%v), Solve said %v", gap, err, r.Gap)
			}
			if !r.Converged {
				t.Logf("gap %v after %d iterations", r.Gap, r.Iterations)
			}
			checkUsedPaths(t, s, tstt, max(r.Gap, 0))
			for _, alg := range []Algorithm{FW, CFW, BFW} {
				rl, err := Solve(t.Context(), net, dem, Options{Algorithm: alg, Gap: 1e-9, MaxIterations: 20000})
				if err != nil {
					t.Fatal(err)
				}
				// Z(x) − Z* ≤ TSTT − SPTT: the gap bounds the objective's error.
				if d := rl.Objective - r.Objective; d > rl.TSTT-rl.SPTT+1e-9*r.Objective || -d > r.TSTT-r.SPTT+1e-9*r.Objective {
					t.Errorf("%v: objective %v (gap %v after %d iterations), Algorithm B %v (gap %v)", alg, rl.Objective, rl.Gap, rl.Iterations, r.Objective, r.Gap)
				}
			}
		})
	}
}

// checkUsedPaths enumerates the used paths of every bush.
func checkUsedPaths(t *testing.T, s *state, tstt, gap float64) {
	t.Helper()
	net, d := s.net, s.dem
	cost := make([]float64, net.Links())
	for a, x := range s.x {
		cost[a] = net.cost(a, x)
	}
	w := s.b.workers[0]
	tails, heads := net.g.Tails, net.g.Heads
	paths := 0
	for i := range s.b.bushes {
		bu := &s.b.bushes[i]
		o := bu.origin
		if d.off[o] == d.off[o+1] {
			continue
		}
		// The origin's flow on each arc of its bush.
		w.nodeFlows(s.b, bu)
		flow := map[int32]float64{}
		fi := 0
		for j := 0; j < len(bu.arcs); {
			k := j
			for bu.arcs[k]&lastBit == 0 {
				k++
			}
			for g := j; g <= k; g++ {
				a := int32(bu.arcs[g] &^ lastBit)
				if k == j {
					flow[a] = w.nf[heads[a]]
				} else {
					flow[a] = bu.flow[fi]
					fi++
				}
			}
			j = k + 1
		}
		// Shortest costs over the whole network.
		tr := newTree(net)
		tr.search(cost, o, nil)
		// Depth-first over used arcs.
		var walk func(v int32, c, bottleneck float64, depth int)
		walk = func(v int32, c, bottleneck float64, depth int) {
			if depth > net.nodes {
				t.Fatalf("origin %d: cycle in the used arcs", o)
			}
			if v != o && v < int32(net.zones) {
				if dem := d.between(o, v); dem > 0 {
					paths++
					excess := c - tr.dist[v]
					if excess < -1e-9*(1+c) {
						t.Errorf("origin %d → %d: used path costs %v, below the shortest %v", o, v, c, tr.dist[v])
					}
					if bottleneck*excess > gap*tstt*(1+1e-6)+1e-9 {
						t.Errorf("origin %d → %d: used path with flow ≥ %v costs %v, shortest %v: excess beyond the gap %v", o, v, bottleneck, c, tr.dist[v], gap)
					}
					if bottleneck >= 1e-3*dem && excess > 1e-6*(1+c) {
						t.Errorf("origin %d → %d: path with flow ≥ %v of %v costs %v, shortest %v", o, v, bottleneck, dem, c, tr.dist[v])
					}
				}
			}
			for a := net.g.Offsets[v]; a < net.g.Offsets[v+1]; a++ {
				if f := flow[a]; f > 0 && tails[a] == v {
					walk(heads[a], c+cost[a], min(bottleneck, f), depth+1)
				}
			}
		}
		walk(o, 0, math.Inf(1), 0)
	}
	if paths == 0 {
		t.Fatal("no used paths")
	}
}

// TestAllocs guards the hot paths: an all-or-nothing round, a line search
// and a whole Algorithm B iteration (gap, bush updates, flow shifts) on a
// converged solution allocate nothing.
func TestAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 0))
	net, dem := randomNetwork(t, rng, 60, 12, 120)
	s, err := solve(t.Context(), net, dem, Options{Algorithm: B, Gap: 1e-12, MaxIterations: 200, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	s.team = newTeam(2) // solve closed its own
	defer s.team.close()
	s.paths.team = s.team
	y := make([]float64, net.Links())
	if n := testing.AllocsPerRun(20, func() { s.paths.run(s.cost, y) }); n != 0 {
		t.Errorf("all-or-nothing: %v allocs per round, want 0", n)
	}
	for a := range y {
		y[a] -= s.x[a]
	}
	if n := testing.AllocsPerRun(20, func() { s.lineSearch(y) }); n != 0 {
		t.Errorf("line search: %v allocs, want 0", n)
	}
	ctx := context.Background()
	if n := testing.AllocsPerRun(20, func() {
		if _, err := s.b.measure(); err != nil {
			t.Fatal(err)
		}
		s.b.iterate(ctx, 20)
	}); n != 0 {
		t.Errorf("Algorithm B: %v allocs per iteration, want 0", n)
	}
}
