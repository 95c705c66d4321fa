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
	n, m := len(c.order), len(c.head)
	inf := math.Inf(1)
	// up[k], down[k]: arc k = {lo, hi} from lo to hi, and from hi to lo.
	up := make([]float64, m)
	down := make([]float64, m)
	for k := range up {
		up[k], down[k] = inf, inf
	}
	mt := &Metric{c: c, w: w, mid: make([]int32, 2*m)}
	for i := range mt.mid {
		mt.mid[i] = -1
	}
	for a, x := range w {
		if !(x >= 0) {
			return nil, caravan.Errorf(caravan.Invalid, op, "arc %d (%d→%d): weight %v is negative or NaN", a, g.Tails[a], g.Heads[a], x)
		}
		k := c.arcOf[a]
		if k < 0 {
			continue
		}
		if k&1 == 0 {
			up[k>>1] = min(up[k>>1], x)
		} else {
			down[k>>1] = min(down[k>>1], x)
		}
	}
	pos := make([]int32, n)
	first, head := c.first, c.head
	// Basic customization: arcs of u take the lower triangles {x, u, v},
	// x < u < v, whose arcs {x, u} and {x, v} are final by then.
	for u := range int32(n) {
		if u&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for k := first[u]; k < first[u+1]; k++ {
			pos[head[k]] = k
		}
		for i := c.dfirst[u]; i < c.dfirst[u+1]; i++ {
			x, kx := c.dtail[i], c.darc[i]
			ux, xu := down[kx], up[kx] // u→x, x→u
			if math.IsInf(ux, 1) && math.IsInf(xu, 1) {
				continue
			}
			for j := kx + 1; j < first[x+1]; j++ {
				k := pos[head[j]]
				if s := ux + up[j]; s < up[k] {
					up[k] = s
					mt.mid[2*k] = x
				}
				if s := down[j] + xu; s < down[k] {
					down[k] = s
					mt.mid[2*k+1] = x
				}
			}
		}
	}
	// Perfect customization into copies: arcs of u, from the top down, take
	// the intermediate and upper triangles {u, x, v}, u < x < v, whose arc
	// {x, v} is final by then. The result is the true distance between the
	// ends of every arc; an arc whose basic weight is longer lies on no
	// shortest up-down path and is left out of the searches.
	pu, pd := slices.Clone(up), slices.Clone(down)
	for u := int32(n) - 1; u >= 0; u-- {
		if u&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for i := first[u]; i < first[u+1]; i++ {
			x := head[i]
			if first[u+1]-i < 2 {
				break
			}
			for j := first[x]; j < first[x+1]; j++ {
				pos[head[j]] = j
			}
			for k := i + 1; k < first[u+1]; k++ {
				j := pos[head[k]] // arc {x, v}
				// u→x→v and v→x→u for arc {u, v}.
				pu[k] = min(pu[k], pu[i]+pu[j])
				pd[k] = min(pd[k], pd[j]+pd[i])
				// u→v→x and x→v→u for arc {u, x}.
				pu[i] = min(pu[i], pu[k]+pd[j])
				pd[i] = min(pd[i], pu[j]+pd[k])
			}
		}
	}
	tight := func(basic, perfect float64) bool {
		return !math.IsInf(basic, 1) && basic-perfect <= tightTol*perfect
	}
	mt.ffirst = make([]int32, n+1)
	mt.bfirst = make([]int32, n+1)
	nf, nb := 0, 0
	for k := range up {
		if tight(up[k], pu[k]) {
			nf++
		}
		if tight(down[k], pd[k]) {
			nb++
		}
	}
	mt.fhead, mt.fw = make([]int32, 0, nf), make([]float64, 0, nf)
	mt.bhead, mt.bw = make([]int32, 0, nb), make([]float64, 0, nb)
	for u := range n {
		for k := first[u]; k < first[u+1]; k++ {
			if tight(up[k], pu[k]) {
				mt.fhead = append(mt.fhead, head[k])
				mt.fw = append(mt.fw, up[k])
			}
			if tight(down[k], pd[k]) {
				mt.bhead = append(mt.bhead, head[k])
				mt.bw = append(mt.bw, down[k])
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
