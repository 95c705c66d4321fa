package main

import (
	"context"
	"fmt"
	"time"

	"github.com/caravan-transport/caravan/cch"
)

// runCCH measures caravan's customizable contraction hierarchy: build (order
// and supergraph; coordinates on the synthetic graph, BFS bisection on the
// others), customization for the base weights, queries with path
// unpacking, and a customization for a scenario's weights (every weight
// times a random factor in [0.8, 1.2) and 1 % of arcs closed), whose
// answers it checks against Dijkstra on the new weights for the first
// pairs. Its note gives the customization time and the query median over
// caravan CH's, when CH ran.
func runCCH(ctx context.Context, in *instance, ps [][2]int32, rounds int, seed uint64, before []result) (result, error) {
	res := result{tool: "caravan CCH", kind: "cch"}
	start := time.Now()
	c, err := cch.Build(ctx, in.g, cch.Options{X: in.x, Y: in.y})
	if err != nil {
		return res, err
	}
	res.prep = time.Since(start)
	start = time.Now()
	m, err := c.Customize(ctx, in.cw)
	if err != nil {
		return res, err
	}
	custom := time.Since(start)
	q := cch.NewQuery(m)
	var buf []int32
	res.times, res.dist = measure(ps, rounds, func(src, dst int32) float64 {
		d := q.Distance(src, dst)
		buf = q.Path(buf[:0])
		return d
	})

	w2 := scenarioWeights(in.cw, seed)
	start = time.Now()
	m2, err := c.Customize(ctx, w2)
	if err != nil {
		return res, err
	}
	res.reweight = time.Since(start)
	bad := disagreements(in, w2, ps, cch.NewQuery(m2).Distance)
	st := c.Stats()
	res.note = fmt.Sprintf("%s supergraph arcs; customization %s", commas(st.Arcs), dur(custom))
	for _, b := range before {
		if b.tool == "caravan CH" && len(b.times) > 0 {
			res.note += fmt.Sprintf("; query %.1f× CH's", float64(median(res.times))/float64(median(b.times)))
		}
	}
	if bad > 0 {
		res.failed = "re-customized CCH disagrees with Dijkstra on " + commas(bad) + " pairs"
	}
	return res, nil
}
