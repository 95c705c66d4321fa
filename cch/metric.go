package cch

import (
	"context"
	"math"
	"slices"
	"time"

	"github.com/caravan-transport/caravan"
)

// Metric is a CCH customized for one weight vector: for every rank, the
// upward arcs a forward search needs (fhead, fw) and those a backward
// search needs (bhead, bw), each with the middle node of the path it
// stands for (for unpacking). A Metric is
// immutable and safe for concurrent use.
type Metric struct {
	c *CCH
	w []float64 // the weights it was customized for (not copied)

	ffirst, bfirst []int32 // by rank, len N+1
	fhead, bhead   []int32
	fw, bw         []float64
	// fmid and bmid are the middle ranks of the kept arcs (the lower node
	// of the triangle that gave the weight), -1 for an original arc.
	fmid, bmid []int32
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
// supergraph (two passes over them); it allocates the Metric and about 40
// bytes per supergraph arc of scratch.
func (c *CCH) Customize(ctx context.Context, w []float64) (*Metric, error) {
	return c.customize(ctx, "cch.Customize", w, true)
}

// CustomizeBasic is Customize without the perfect pass: half the time, but
// the searches then relax every supergraph arc with a finite weight instead
// of only those that are shortest paths, so queries are slower (2.1× on a
// 90,000-node roadgrid, 5.5× on the 1M-node one). Distances and paths are
// as exact as Customize's.
func (c *CCH) CustomizeBasic(ctx context.Context, w []float64) (*Metric, error) {
	return c.customize(ctx, "cch.CustomizeBasic", w, false)
}

func (c *CCH) customize(ctx context.Context, op string, w []float64, perfect bool) (*Metric, error) {
	g := c.g
	if len(w) != g.NumArcs() {
		return nil, caravan.Errorf(caravan.Invalid, op, "%d weights for %d arcs", len(w), g.NumArcs())
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n, m := len(c.order), len(c.head)
	t0 := time.Now()
	inf := math.Inf(1)
	// wt[k][0] and wt[k][1]: arc k = {lo, hi} from lo to hi and from hi to lo.
	wt := make([]pair, m)
	for k := range wt {
		wt[k] = pair{inf, inf}
	}
	mt := &Metric{c: c, w: w}
	mid := make([][2]int32, m)
	for i := range mid {
		mid[i] = [2]int32{-1, -1}
	}
	for a, x := range w {
		if !(x >= 0) {
			return nil, caravan.Errorf(caravan.Invalid, op, "arc %d (%d→%d): weight %v is negative or NaN", a, g.Tails[a], g.Heads[a], x)
		}
		if k := c.arcOf[a]; k >= 0 && x < wt[k>>1][k&1] {
			wt[k>>1][k&1] = x // arcOf is 2·arc + direction
		}
	}
	cu := customizer{c: c, wt: wt, mid: mid}
	t1 := time.Now()
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
	t2 := time.Now()
	pw := wt // without the perfect pass, every finite arc is kept
	if perfect {
		cu.pw = slices.Clone(wt)
		if err := cu.parallel(ctx, cu.perfect, true); err != nil {
			return nil, err
		}
		pw = cu.pw
	}
	t3 := time.Now()
	// An arc direction is kept when its basic weight is the distance (up to
	// rounding), and so are the halves it unpacks into (in exact arithmetic
	// they are tight too; this keeps Path whole under rounding).
	keep := make([]bool, 2*m)
	for k := range keep {
		b, p := wt[k>>1][k&1], pw[k>>1][k&1]
		keep[k] = !math.IsInf(b, 1) && b-p <= tightTol*p
	}
	first, head := c.first, c.head
	// Without the perfect pass every finite arc is kept, halves included.
	for u := int32(n) - 1; perfect && u >= 0; u-- {
		for k := first[u]; k < first[u+1]; k++ {
			v := head[k]
			for dir := range int32(2) {
				x := mid[k][dir]
				if !keep[2*k+dir] || x < 0 {
					continue
				}
				kxu, kxv := c.find(x, u), c.find(x, v)
				if dir == 0 { // u→x→v
					keep[2*kxu+1], keep[2*kxv] = true, true
				} else { // v→x→u
					keep[2*kxv+1], keep[2*kxu] = true, true
				}
			}
		}
	}
	nf, nb := 0, 0
	for k := range int32(m) {
		if keep[2*k] {
			nf++
		}
		if keep[2*k+1] {
			nb++
		}
	}
	mt.ffirst = make([]int32, n+1)
	mt.bfirst = make([]int32, n+1)
	mt.fhead, mt.fw, mt.fmid = make([]int32, 0, nf), make([]float64, 0, nf), make([]int32, 0, nf)
	mt.bhead, mt.bw, mt.bmid = make([]int32, 0, nb), make([]float64, 0, nb), make([]int32, 0, nb)
	for u := range n {
		for k := first[u]; k < first[u+1]; k++ {
			if keep[2*k] {
				mt.fhead = append(mt.fhead, head[k])
				mt.fw = append(mt.fw, wt[k][0])
				mt.fmid = append(mt.fmid, mid[k][0])
			}
			if keep[2*k+1] {
				mt.bhead = append(mt.bhead, head[k])
				mt.bw = append(mt.bw, wt[k][1])
				mt.bmid = append(mt.bmid, mid[k][1])
			}
		}
		mt.ffirst[u+1] = int32(len(mt.fhead))
		mt.bfirst[u+1] = int32(len(mt.bhead))
	}
	if c.logger != nil {
		c.logger.Info("cch: customized", "op", op, "arcs", m, "kept forward", nf, "kept backward", nb,
			"input", t1.Sub(t0), "basic", t2.Sub(t1), "perfect", t3.Sub(t2), "compact", time.Since(t3))
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
		Bytes: 4*(len(m.ffirst)+len(m.bfirst)+len(m.fhead)+len(m.bhead)+len(m.fmid)+len(m.bmid)) +
			8*(len(m.fw)+len(m.bw)),
	}
}
