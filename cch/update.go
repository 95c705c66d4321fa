package cch

import (
	"context"
	"math"
	"slices"
	"time"

	"github.com/caravan-transport/caravan"
)

// Updater applies changed weights to a customized CCH by partial
// customization: only the supergraph arcs a changed arc can reach are
// recomputed, instead of every triangle of the supergraph.
//
// It keeps what a customization otherwise throws away: the basic and
// perfect weights and the middle nodes of every supergraph arc, the keep
// flags, the lower neighbours of every rank (the transpose of the
// supergraph) and a copy of the weights, about 70 bytes per supergraph arc
// on top of the CCH and the Metric. An Update then works in three steps:
//
//   - Basic: the arcs whose input weight changed are recomputed from their
//     lower triangles (the common lower neighbours of their ends), lowest
//     rank first; an arc {u, v} whose weight changes puts the arcs {v, w},
//     w another upper neighbour of u, in line (they have a lower triangle
//     through {u, v}).
//   - Perfect: the perfect weights of all the arcs of a rank a depend only
//     on a's basic weights and on the perfect weights of the arcs between
//     a's upper neighbours (see customizer.upper). A rank is recomputed,
//     highest first, when one of its basic weights changed or the perfect
//     weight of an arc {c, b} between two of its upper neighbours did; the
//     ranks an arc {c, b} concerns are the common lower neighbours of c and
//     b.
//   - Keep: the arcs whose weights or middle node changed are tested again,
//     and the Metric's arrays are rebuilt. A flag is only ever set by an
//     Update, not cleared: an arc that stops being a shortest path stays in
//     the searches (which stay exact, as its weight is that of a real
//     path) until the next full customization, because it may still be the
//     half of another kept arc that Path unpacks.
//
// The results are those of a full customization, bit for bit, for the basic
// and perfect weights and the middle nodes; the Metric may keep a few more
// arcs (see Keep above). An Updater is not safe for concurrent use; the
// Metrics it returns are, as any Metric.
type Updater struct {
	c    *CCH
	w    []float64 // the weights of the last customization (a copy)
	wt   []pair    // basic weights
	pw   []pair    // perfect weights
	via  []halves
	keep []uint8
	m    *Metric

	// The lower neighbours of each rank r, in increasing rank:
	// lnode[lfirst[r]:lfirst[r+1]], and the arcs {lnode[i], r} in larc.
	lfirst, lnode, larc []int32

	state  []uint8 // by rank: stQueued, stDirty
	flag   []uint8 // by arc: flQueued, flTouched
	minh   heap32  // ranks with queued arcs (basic)
	maxh   heap32  // dirty ranks, negated (perfect)
	sp     []pair  // scratch: a rank's new perfect weights
	touch  []int32 // arcs whose weights or middle node changed
	cstack []int32 // scratch of the keep closure

	last UpdateStats
}

const (
	stQueued = 1 << iota // in minh
	stDirty              // in maxh
)

const (
	flQueued  = 1 << iota // an arc to recompute in the basic step
	flTouched             // in touch
)

// UpdateStats describes the work of the last Update.
type UpdateStats struct {
	ChangedWeights int           // weights of the graph that differ from the previous ones
	BasicArcs      int           // supergraph arcs recomputed in the basic step
	BasicChanged   int           // of which the weight or middle node changed
	PerfectRanks   int           // ranks whose arcs the perfect step recomputed
	PerfectChanged int           // arcs whose perfect weight changed
	Triangles      int           // triangles looked at (basic and perfect steps)
	Basic, Perfect time.Duration // time of the two steps
	Keep, Compact  time.Duration // time of the keep flags and of rebuilding the Metric
}

// NewUpdater customizes c for w as Customize does and keeps the state that
// Update needs. Costs: those of Customize, plus the lower neighbours' lists;
// the Updater holds about 70 bytes per supergraph arc.
func (c *CCH) NewUpdater(ctx context.Context, w []float64) (*Updater, error) {
	mt, cu, keep, err := c.customizeState(ctx, "cch.NewUpdater", w, true, true)
	if err != nil {
		return nil, err
	}
	n, m := len(c.order), len(c.head)
	u := &Updater{c: c, w: slices.Clone(w), wt: cu.wt, pw: cu.pw, via: cu.via, keep: keep, m: mt,
		state: make([]uint8, n), flag: make([]uint8, m)}
	u.lfirst = make([]int32, n+1)
	for _, h := range c.head {
		u.lfirst[h+1]++
	}
	for r := range n {
		u.lfirst[r+1] += u.lfirst[r]
	}
	u.lnode, u.larc = make([]int32, m), make([]int32, m)
	next := slices.Clone(u.lfirst[:n])
	for r := range int32(n) {
		for k := c.first[r]; k < c.first[r+1]; k++ {
			h := c.head[k]
			u.lnode[next[h]], u.larc[next[h]] = r, k
			next[h]++
		}
	}
	return u, nil
}

// Metric returns the metric of the last customization or update.
func (u *Updater) Metric() *Metric { return u.m }

// LastUpdate describes the work of the last Update.
func (u *Updater) LastUpdate() UpdateStats { return u.last }

// Bytes returns the memory the Updater holds besides the CCH and the
// Metric.
func (u *Updater) Bytes() int {
	return 8*len(u.w) + 32*len(u.wt) + 24*len(u.via) + 2*len(u.keep) +
		4*(len(u.lfirst)+len(u.lnode)+len(u.larc)) + len(u.state)
}

// Update returns the metric for weights w, which may differ from those of
// the last customization or update in any number of arcs (closed: +Inf,
// reopened, slower, faster). The work is proportional to the supergraph
// arcs the changes reach, not to the whole supergraph. w is not copied into
// the Metric (see Customize); the Updater keeps its own copy. Errors are
// those of Customize; after an error other than a cancelled ctx the Updater
// is unchanged, and after a cancelled ctx it must not be used again.
func (u *Updater) Update(ctx context.Context, w []float64) (*Metric, error) {
	const op = "cch.Update"
	c := u.c
	g := c.g
	if len(w) != g.NumArcs() {
		return nil, caravan.Errorf(caravan.Invalid, op, "%d weights for %d arcs", len(w), g.NumArcs())
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for a, x := range w {
		if !(x >= 0) {
			return nil, caravan.Errorf(caravan.Invalid, op, "arc %d (%d→%d): weight %v is negative or NaN", a, g.Tails[a], g.Heads[a], x)
		}
	}
	u.last = UpdateStats{}
	t0 := time.Now()
	for a, x := range w {
		if x == u.w[a] {
			continue
		}
		u.w[a] = x
		u.last.ChangedWeights++
		rt, rh := c.rank[g.Tails[a]], c.rank[g.Heads[a]]
		if rt == rh {
			continue
		}
		lo, hi := min(rt, rh), max(rt, rh)
		u.queue(c.arc(lo, hi), lo)
	}
	if err := u.basic(ctx); err != nil {
		return nil, err
	}
	t1 := time.Now()
	if err := u.perfect(ctx); err != nil {
		return nil, err
	}
	t2 := time.Now()
	u.updateKeep()
	t3 := time.Now()
	u.m = u.compact(w)
	u.last.Basic, u.last.Perfect, u.last.Keep, u.last.Compact = t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), time.Since(t3)
	if c.logger != nil {
		s := u.last
		c.logger.Info("cch: updated", "changed weights", s.ChangedWeights, "basic arcs", s.BasicArcs, "basic changed", s.BasicChanged,
			"perfect ranks", s.PerfectRanks, "perfect changed", s.PerfectChanged, "triangles", s.Triangles,
			"basic", s.Basic, "perfect", s.Perfect, "keep", s.Keep, "compact", s.Compact)
	}
	return u.m, nil
}

// arc returns the number of the supergraph arc {lo, hi}, lo < hi, which
// must exist.
func (c *CCH) arc(lo, hi int32) int32 {
	f := c.first[lo]
	i, _ := slices.BinarySearch(c.head[f:c.first[lo+1]], hi)
	return f + int32(i)
}

// queue puts arc k of rank lo in line for the basic step.
func (u *Updater) queue(k, lo int32) {
	if u.flag[k]&flQueued != 0 {
		return
	}
	u.flag[k] |= flQueued
	if u.state[lo]&stQueued == 0 {
		u.state[lo] |= stQueued
		u.minh.push(lo)
	}
}

// dirty puts rank a in line for the perfect step.
func (u *Updater) dirty(a int32) {
	if u.state[a]&stDirty == 0 {
		u.state[a] |= stDirty
		u.maxh.push(-a)
	}
}

// touched records that arc k's weights or middle node changed.
func (u *Updater) touched(k int32) {
	if u.flag[k]&flTouched == 0 {
		u.flag[k] |= flTouched
		u.touch = append(u.touch, k)
	}
}

// basic runs the basic step (see Updater).
func (u *Updater) basic(ctx context.Context) error {
	c := u.c
	first, head := c.first, c.head
	for steps := 0; u.minh.len() > 0; steps++ {
		if steps&1023 == 1023 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		x := u.minh.pop()
		u.state[x] &^= stQueued
		for k := first[x]; k < first[x+1]; k++ {
			if u.flag[k]&flQueued == 0 {
				continue
			}
			u.flag[k] &^= flQueued
			u.last.BasicArcs++
			v := head[k]
			wt, via := u.recomputeBasic(x, v)
			if wt == u.wt[k] && via == u.via[k] {
				continue
			}
			u.last.BasicChanged++
			u.touched(k)
			changed := wt != u.wt[k]
			u.wt[k], u.via[k] = wt, via
			if !changed {
				continue
			}
			u.dirty(x)
			// The triangles {x, v, y} with x at the bottom.
			for j := first[x]; j < first[x+1]; j++ {
				if y := head[j]; y < v {
					u.queue(c.arc(y, v), y)
				} else if y > v {
					u.queue(c.arc(v, y), v)
				}
			}
		}
	}
	return nil
}

// recomputeBasic returns the basic weights and middle nodes of the arc
// {x, v}: the lightest input arcs, improved by the lower triangles through
// the common lower neighbours of x and v in increasing rank (a tie goes to
// the input arc, then to the lowest middle node, as in customizer.basic).
func (u *Updater) recomputeBasic(x, v int32) (pair, halves) {
	c := u.c
	g := c.g
	inf := math.Inf(1)
	wt := pair{inf, inf}
	for dir, ends := range [2][2]int32{{x, v}, {v, x}} {
		from, to := c.order[ends[0]], c.order[ends[1]]
		for a := g.Offsets[from]; a < g.Offsets[from+1]; a++ {
			if g.Heads[a] == to && u.w[a] < wt[dir] {
				wt[dir] = u.w[a]
			}
		}
	}
	var via halves
	ln, la := u.lnode, u.larc
	i, ie := u.lfirst[x], u.lfirst[x+1]
	j, je := u.lfirst[v], u.lfirst[v+1]
	tri := 0
	for i < ie && j < je {
		a, b := ln[i], ln[j]
		switch {
		case a < b:
			i++
		case a > b:
			j++
		default:
			tri++
			kx, kv := la[i], la[j] // {a, x}, {a, v}
			px, pv := u.wt[kx], u.wt[kv]
			if s := px[1] + pv[0]; s < wt[0] { // x→a→v
				wt[0], via[0] = s, triangle{a + 1, kx, kv}
			}
			if s := pv[1] + px[0]; s < wt[1] { // v→a→x
				wt[1], via[1] = s, triangle{a + 1, kx, kv}
			}
			i++
			j++
		}
	}
	u.last.Triangles += tri
	return wt, via
}

// perfect runs the perfect step (see Updater).
func (u *Updater) perfect(ctx context.Context) error {
	c := u.c
	first, head := c.first, c.head
	for steps := 0; u.maxh.len() > 0; steps++ {
		if steps&255 == 255 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a := -u.maxh.pop()
		u.state[a] &^= stDirty
		u.last.PerfectRanks++
		lo, hi := first[a], first[a+1]
		p := u.recomputePerfect(a)
		for i, k := 0, lo; k < hi; i, k = i+1, k+1 {
			if p[i] == u.pw[k] {
				continue
			}
			u.pw[k] = p[i]
			u.last.PerfectChanged++
			u.touched(k)
			// The ranks below both a and b with the arc {a, b} between
			// two of their upper neighbours.
			b := head[k]
			ln := u.lnode
			li, le := u.lfirst[a], u.lfirst[a+1]
			lj, lje := u.lfirst[b], u.lfirst[b+1]
			for li < le && lj < lje {
				switch x, y := ln[li], ln[lj]; {
				case x < y:
					li++
				case x > y:
					lj++
				default:
					u.dirty(x)
					li++
					lj++
				}
			}
		}
	}
	return nil
}

// recomputePerfect returns the perfect weights of the arcs of rank a (in
// u.sp), from a's basic weights and the perfect weights of the arcs
// between its upper neighbours, with the candidates of customizer.upper.
func (u *Updater) recomputePerfect(a int32) []pair {
	c := u.c
	first, head := c.first, c.head
	lo, hi := first[a], first[a+1]
	hs := head[lo:hi]
	bw := u.wt[lo:hi]
	sp := append(u.sp[:0], bw...)
	u.sp = sp
	bw = bw[:len(hs)]
	sp = sp[:len(hs)]
	tri := 0
	for i, x := range hs {
		bax, bxa := bw[i][0], bw[i][1]
		ax, xa := sp[i][0], sp[i][1]
		// The arcs {x, v} of the upper neighbours v > x of a: walk x's
		// arcs, which hold them all.
		k, end := first[x], first[x+1]
		for j := i + 1; j < len(hs); j++ {
			v := hs[j]
			if head[k] != v {
				off, _ := slices.BinarySearch(head[k:end], v)
				k += int32(off)
			}
			t := u.pw[k] // arc {x, v}
			k++
			xv, vx := t[0], t[1]
			tri++
			if s := bw[j][0] + vx; s < ax { // a→v→x
				ax = s
			}
			if s := xv + bw[j][1]; s < xa { // x→v→a
				xa = s
			}
			w := &sp[j]
			if s := bax + xv; s < w[0] { // a→x→v
				w[0] = s
			}
			if s := vx + bxa; s < w[1] { // v→x→a
				w[1] = s
			}
		}
		sp[i][0], sp[i][1] = ax, xa
	}
	u.last.Triangles += tri
	return sp
}

// updateKeep sets the keep flags of the touched arcs that are tight, and
// those of the halves they unpack into, down to the input arcs. Flags are
// never cleared (see Updater).
func (u *Updater) updateKeep() {
	inf := math.Inf(1)
	st := u.cstack[:0]
	for _, k := range u.touch {
		u.flag[k] &^= flTouched
		b, p := u.wt[k], u.pw[k]
		kk := b2u(b[0] != inf && b[0]-p[0] <= tightTol*p[0]) | b2u(b[1] != inf && b[1]-p[1] <= tightTol*p[1])<<1
		if kk |= u.keep[k]; kk != 0 {
			u.keep[k] = kk
			st = append(st, k)
		}
	}
	u.touch = u.touch[:0]
	// Close under halves: an arc pushed on the stack has its flags set;
	// its halves get theirs, and are pushed when that adds a flag.
	for len(st) > 0 {
		k := st[len(st)-1]
		st = st[:len(st)-1]
		kk := u.keep[k]
		mark := func(h int32, bit uint8) {
			if u.keep[h]&bit == 0 {
				u.keep[h] |= bit
				st = append(st, h)
			}
		}
		if t := u.via[k][0]; kk&1 != 0 && t.x > 0 { // u→x→v
			mark(t.xu, 2)
			mark(t.xv, 1)
		}
		if t := u.via[k][1]; kk&2 != 0 && t.x > 0 { // v→x→u
			mark(t.xu, 1)
			mark(t.xv, 2)
		}
	}
	u.cstack = st
}

// compact builds the Metric's arrays from the keep flags.
func (u *Updater) compact(w []float64) *Metric {
	cu := &customizer{c: u.c, wt: u.wt, via: u.via}
	return cu.compact(w, u.keep)
}

// heap32 is a binary min-heap of int32.
type heap32 struct{ a []int32 }

func (h *heap32) len() int { return len(h.a) }

func (h *heap32) push(x int32) {
	h.a = append(h.a, x)
	i := len(h.a) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h.a[p] <= x {
			break
		}
		h.a[i] = h.a[p]
		i = p
	}
	h.a[i] = x
}

func (h *heap32) pop() int32 {
	a := h.a
	top := a[0]
	x := a[len(a)-1]
	a = a[:len(a)-1]
	h.a = a
	if len(a) == 0 {
		return top
	}
	i := 0
	for {
		l := 2*i + 1
		if l >= len(a) {
			break
		}
		if r := l + 1; r < len(a) && a[r] < a[l] {
			l = r
		}
		if a[l] >= x {
			break
		}
		a[i] = a[l]
		i = l
	}
	a[i] = x
	return top
}
