package main

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/caravan-transport/caravan/ch"
	"github.com/caravan-transport/caravan/csr"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// result is what one tool did on one graph.
type result struct {
	tool     string
	kind     string        // "dijkstra" or "ch": which caravan tool it is compared with
	load     time.Duration // building the tool's graph from the arcs (caravan: reading the file too)
	prep     time.Duration // preprocessing (CH)
	reweight time.Duration // CH: applying a new metric without a new ordering
	sssp     []time.Duration
	times    []time.Duration // per pair: the fastest of the rounds
	dist     []float64       // per pair; +Inf when unreachable
	failed   string          // why the tool has no results (timeout, error)
	note     string
}

// measure runs query over every pair rounds times and keeps, per pair, the
// fastest run and the distance of the last one.
func measure(ps [][2]int32, rounds int, query func(s, t int32) float64) ([]time.Duration, []float64) {
	times := make([]time.Duration, len(ps))
	dist := make([]float64, len(ps))
	for r := range rounds {
		for i, p := range ps {
			start := time.Now()
			d := query(p[0], p[1])
			el := time.Since(start)
			if r == 0 || el < times[i] {
				times[i] = el
			}
			dist[i] = d
		}
	}
	return times, dist
}

// runDijkstra measures caravan's csr.Searcher: point-to-point search plus
// path extraction, and a few whole shortest-path trees.
func runDijkstra(in *instance, ps [][2]int32, rounds, ssspRuns int) result {
	s := csr.NewSearcher(in.g)
	var buf []int32
	res := result{tool: "caravan Dijkstra (csr)", kind: "dijkstra", load: in.load}
	res.times, res.dist = measure(ps, rounds, func(src, dst int32) float64 {
		d := s.Search(in.cw, nil, src, dst)
		buf = s.Path(dst, buf[:0])
		return d
	})
	for i := range ssspRuns {
		start := time.Now()
		s.Search(in.cw, nil, ps[i%len(ps)][0], -1)
		res.sssp = append(res.sssp, time.Since(start))
	}
	return res
}

// runCH measures caravan's contraction hierarchy: build, queries with path
// unpacking, and a re-weighting (every weight scaled by a random factor in
// [0.8, 1.2) and 1 % of arcs closed), whose answers it checks against
// Dijkstra on the new weights for the first pairs.
func runCH(ctx context.Context, in *instance, ps [][2]int32, rounds int, seed uint64) (result, error) {
	res := result{tool: "caravan CH", kind: "ch"}
	start := time.Now()
	h, err := ch.Build(ctx, in.g, in.cw, ch.Options{})
	if err != nil {
		return res, err
	}
	res.prep = time.Since(start)
	q := ch.NewQuery(h)
	var buf []int32
	res.times, res.dist = measure(ps, rounds, func(src, dst int32) float64 {
		d := q.Distance(src, dst)
		buf = q.Path(buf[:0])
		return d
	})
	st := h.Stats()

	w2 := scenarioWeights(in.cw, seed)
	start = time.Now()
	h2, err := h.Customize(ctx, w2)
	if err != nil {
		return res, err
	}
	res.reweight = time.Since(start)
	bad := disagreements(in, w2, ps, ch.NewQuery(h2).Distance)
	res.note = "shortcuts " + commas(st.Shortcuts) + " (" + commas(st.Arcs) + " hierarchy arcs)"
	if bad > 0 {
		res.failed = "re-weighted hierarchy disagrees with Dijkstra on " + commas(bad) + " pairs"
	}
	return res, nil
}

// scenarioWeights returns a scenario's weights for the re-weighting runs:
// every weight times a random factor in [0.8, 1.2), and 1 % of arcs closed.
func scenarioWeights(cw []float64, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 0x7265))
	w2 := make([]float64, len(cw))
	for a, x := range cw {
		w2[a] = x * (0.8 + 0.4*rng.Float64())
		if rng.IntN(100) == 0 {
			w2[a] = math.Inf(1)
		}
	}
	return w2
}

// disagreements counts the first (up to 200) pairs on which dist differs
// from Dijkstra on weights w2.
func disagreements(in *instance, w2 []float64, ps [][2]int32, dist func(s, t int32) float64) int {
	s := csr.NewSearcher(in.g)
	bad := 0
	for _, p := range ps[:min(len(ps), 200)] {
		if !near(dist(p[0], p[1]), s.Search(w2, nil, p[0], p[1]), 1e-9) {
			bad++
		}
	}
	return bad
}

// runGonum measures gonum's DijkstraFromTo (point to point, path included)
// and DijkstraFrom (whole tree) on a simple.WeightedDirectedGraph.
func runGonum(in *instance, arcs []arc, ps [][2]int32, rounds, ssspRuns int) result {
	res := result{tool: "gonum v0.17.0 Dijkstra", kind: "dijkstra"}
	start := time.Now()
	g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for v := range in.n {
		g.AddNode(simple.Node(v))
	}
	for _, a := range arcs {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(a.u), simple.Node(a.v), a.w))
	}
	res.load = time.Since(start)
	res.times, res.dist = measure(ps, rounds, func(src, dst int32) float64 {
		_, d := path.DijkstraFromTo(simple.Node(src), simple.Node(dst), g)
		return d
	})
	for i := range ssspRuns {
		start := time.Now()
		path.DijkstraFrom(simple.Node(ps[i%len(ps)][0]), g)
		res.sssp = append(res.sssp, time.Since(start))
	}
	return res
}

// near reports whether a and b agree up to relative tolerance tol (two
// infinities agree).
func near(a, b, tol float64) bool {
	if math.IsInf(a, 1) || math.IsInf(b, 1) {
		return a == b
	}
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// median returns the median of ds (the mean of the middle two for even
// lengths), or 0 for none.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// mean returns the mean of ds, or 0 for none.
func mean(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return sum / time.Duration(len(ds))
}
