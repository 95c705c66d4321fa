package cch

import (
	"context"
	"math"
	"slices"

	"github.com/caravan-transport/caravan"
)

// Metric is a CCH customized for one weight vector: for every rank, the
// upward arcs a forward search needs (fhead, fw) and those a backward
// search needs (bhead, bw), and for every supergraph arc the middle node
// of the path it stands for in each direction (for unpacking). A Metric is
// immutable and safe for concurrent use.
type Metric struct {
	c *CCH
	w []float64 // the weights it was customized for (not copied)

	ffirst, bfirst []int32 // by rank, len N+1
	fhead, bhead   []int32
	fw, bw         []float64

	// mid[2k] and mid[2k+1] are the middle ranks of arc k upwards and
	// downwards, -1 when the arc is an original arc of the graph.
	mid []int32
}

// MetricStats describes a Metric.
type MetricStats struct {
	ForwardArcs, BackwardArcs int // arcs the searches relax (the rest are not shortest paths)
	Bytes                     int // memory held by the Metric
}

// tightTol is the relative slack within which a basic arc weight counts as
// the true distance between its ends; it absorbs rounding, since the two are
// sums of the same weights in different orders.
const tightTol = 1e-12

// Customize returns the metric of c for weights w (one per arc of the
// graph, in CSR order, ≥ 0; +Inf blocks an arc). w is not copied: it must
// not change while the Metric is in use (Query.Path reads it). A negative
// or NaN weight or a length mismatch is an error of kind Invalid; a
// cancelled ctx returns ctx.Err(). Time is linear in the triangles of the
// supergraph; it allocates the Metric and two float64 per supergraph arc of
// scratch.
func (c *CCH) Customize(ctx context.Context, w []float64) (*Metric, error) {
	const op = "cch.Customize"
	g := c.g
	if len(w) != g.NumArcs() {
		return nil, caravan.Errorf(caravan.Invalid, op, "%d weights for %d arcs", len(w), g.NumArcs())
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n, m := len(c.order), len(c.head)
	inf := math.Inf(1)
	// wt[2k] and wt[2k+1]: arc k = {lo, hi} from lo to hi and from hi to lo.
	wt := make([]float64, 2*m)
	for k := range wt {
		wt[k] = inf
	}
	mt := &Metric{c: c, w: w, mid: make([]int32, 2*m)}
	for i := range mt.mid {
		mt.mid[i] = -1
	}
	for a, x := range w {
		if !(x >= 0) {
			return nil, caravan.Errorf(caravan.Invalid, op, "arc %d (%d→%d): weight %v is negative or NaN", a, g.Tails[a], g.Heads[a], x)
		}
		if k := c.arcOf[a]; k >= 0 && x < wt[k] {
			wt[k] = x // arcOf is 2·arc + direction
		}
	}
	cu := customizer{c: c, wt: wt, mid: mt.mid}
	// Basic customization: arcs of u take the lower triangles {x, u, v},
	// x < u < v, whose arcs {x, u} and {x, v} are final by then.
	if err := cu.parallel(ctx, cu.basic, false); err != nil {
		return nil, err
	}
	// Perfect customization into a copy: for x from the top down, each
	// triangle {u, x, v}, u < x < v, improves the arcs {u, x} and {u, v}
	// through the arc {x, v}, which is final by then (it can only improve
	// through triangles whose middle node is above x). The result is the
	// true distance between the ends of every arc; an arc whose basic
	// weight is longer lies on no shortest up-down path and is left out of
	// the searches.
	cu.pw = slices.Clone(wt)
	if err := cu.parallel(ctx, cu.perfect, true); err != nil {
		return nil, err
	}
	pw := cu.pw
	up := func(k int32) float64 { return wt[2*k] }
	down := func(k int32) float64 { return wt[2*k+1] }
	pu := func(k int32) float64 { return pw[2*k] }
	pd := func(k int32) float64 { return pw[2*k+1] }
	first, head := c.first, c.head
	tight := func(basic, perfect float64) bool {
		return !math.IsInf(basic, 1) && basic-perfect <= tightTol*perfect
	}
	mt.ffirst = make([]int32, n+1)
	mt.bfirst = make([]int32, n+1)
	nf, nb := 0, 0
	for k := range int32(m) {
		if tight(up(k), pu(k)) {
			nf++
		}
		if tight(down(k), pd(k)) {
			nb++
		}
	}
	mt.fhead, mt.fw = make([]int32, 0, nf), make([]float64, 0, nf)
	mt.bhead, mt.bw = make([]int32, 0, nb), make([]float64, 0, nb)
	for u := range n {
		for k := first[u]; k < first[u+1]; k++ {
			if tight(up(k), pu(k)) {
				mt.fhead = append(mt.fhead, head[k])
				mt.fw = append(mt.fw, up(k))
			}
			if tight(down(k), pd(k)) {
				mt.bhead = append(mt.bhead, head[k])
				mt.bw = append(mt.bw, down(k))
			}
		}
		mt.ffirst[u+1] = int32(len(mt.fhead))
		mt.bfirst[u+1] = int32(len(mt.bhead))
	}
	return mt, nil
}

// CCH returns the hierarchy m customizes.
func (m *Metric) CCH() *CCH { return m.c }

// Stats returns the size of m.
func (m *Metric) Stats() MetricStats {
	return MetricStats{
		ForwardArcs:  len(m.fhead),
		BackwardArcs: len(m.bhead),
		Bytes: 4*(len(m.ffirst)+len(m.bfirst)+len(m.fhead)+len(m.bhead)+len(m.mid)) +
			8*(len(m.fw)+len(m.bw)),
	}
}
