package cch

import (
	"context"
	"errors"
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
// supergraph) and a copy of the weights, about 75 bytes per supergraph arc
// on top of the CCH and the Metric. An Update then works in three steps:
//
//   - Basic, lowest rank first: a rank's arcs can change only through
//     their input arcs or through a lower triangle {a, x, v} one of whose
//     arcs {a, x}, {a, v} changed; a rank whose arc changes puts itself on
//     the lists of its upper neighbours, which weigh just those candidates
//     (see basicRank). An arc is recomputed from all its lower triangles
//     only when its old weight came through a candidate that grew.
//   - Perfect, highest rank first: the perfect weights of the arcs of a
//     rank a depend only on a's basic weights and on the perfect weights
//     of the arcs between a's upper neighbours (see customizer.upper). A
//     rank is visited when one of its basic weights changed or the perfect
//     weight of an arc {c, b} between two of its upper neighbours did (the
//     ranks an arc {c, b} concerns are the common lower neighbours of c and
//     b), and weighs just the candidates that changed (see perfectRank).
//   - Keep: the arcs whose weights or middle node changed are tested again,
//     and the Metric's blocks that hold such arcs are rebuilt; the others
//     are shared with the previous Metric. A flag is only ever set by an
//     Update, not cleared: an arc that stops being a shortest path stays in
//     the searches (which stay exact, as its weight is that of a real
//     path) until the next full customization, because it may still be the
//     half of another kept arc that Path unpacks.
//
// The work is that of the triangles the changes reach, which depends on
// where they lie: on the 1M-node roadgrid, 10–40 ms for a closed arc,
// 0.5–2.3 s for 100 (more under load), against 2.5–4 s for a full
// customization (which is dense and runs on two goroutines, where these
// steps go rank by rank on one); a regional
// change that reaches the top of the elimination tree costs seconds, and
// changes spread over the whole graph would cost more than a full
// customization, which Update then does instead (see Update and
// BENCHMARKS.md).
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

	state   []uint8 // by rank: stQueued, stDirty
	flag    []uint8 // by arc: flInput, flChanged, flTouched
	minh    heap32  // ranks with queued arcs (basic)
	maxh    heap32  // dirty ranks, negated (perfect)
	sp      []pair  // scratch: a rank's new perfect weights
	pos     []int32 // scratch by rank: the index of an upper neighbour among a rank's arcs
	nw      []pair  // scratch: a rank's new basic weights
	nv      []halves
	scr     []bool
	changed []int32 // ranks with stChanged
	// The lower neighbours a of rank y with a changed arc that y must
	// weigh: pool[phead[y]-1], then pool[next-1] ... (0 ends).
	phead []int32
	pool  []pending

	// The old weights of the arcs the Update changed: recs[rec[k]-1],
	// for the arcs in recArc.
	rec    []int32
	recs   []oldArc
	recArc []int32
	// The arcs of rank a whose perfect weight changed:
	// pchg[pfirst[a]:pend[a]], for the ranks in plist.
	pfirst, pend, plist, pchg []int32
	pstamp                    []int32 // by rank: a+1 if an upper neighbour of rank a (with pos)
	cstamp                    []int32 // by rank: a+1 if the arc {a, it} changed (setPerfect)
	bdirty                    []bool  // by block of the Metric: holds a touched arc
	touch                     []int32 // arcs whose weights or middle node changed
	cstack                    []int32 // scratch of the keep closure

	// cu is the customizer of the last full customization, whose arrays
	// (wt, pw, via and its scratch) a fallback reuses; full is the time
	// that customization took, half the budget of an Update's partial
	// steps (see Update).
	cu     *customizer
	full   time.Duration
	budget time.Duration // if not 0, the budget instead of full (for the tests)
	// stopAfter, if not 0, ends the partial steps as over budget after
	// that many ranks (for the tests); steps counts them.
	stopAfter, steps int

	last   UpdateStats
	broken bool // an update was cancelled half way
}

// minBudget is the least time an Update's partial steps get before it
// customizes in full instead: on a small graph, where a customization
// takes microseconds, the partial steps run as before.
const minBudget = 10 * time.Millisecond

// errOverBudget stops the partial steps of an Update that have taken twice
// as long as a full customization (see Update).
var errOverBudget = errors.New("cch: partial update over budget")

const (
	stQueued  = 1 << iota // in minh
	stDirty               // in maxh
	stChanged             // an arc of the rank changed its basic weight (in changed)
)

const (
	flInput   = 1 << iota // an input arc of the arc changed
	flChanged             // the basic weight changed
	flTouched             // in touch
)

// UpdateStats describes the work of the last Update.
type UpdateStats struct {
	ChangedWeights int           // weights of the graph that differ from the previous ones
	BasicArcs      int           // arcs of the ranks the basic step visited
	BasicChanged   int           // of which the weight or middle node changed
	PerfectRanks   int           // ranks whose arcs the perfect step recomputed
	PerfectChanged int           // arcs whose perfect weight changed
	Triangles      int           // triangles looked at (basic and perfect steps)
	Basic, Perfect time.Duration // time of the two steps
	Keep, Compact  time.Duration // time of the keep flags and of rebuilding the Metric
	// Full reports that the partial steps took twice as long as a full
	// customization and the Update finished with one (Customized: its
	// time; the steps' figures above are those of the partial work).
	Full       bool
	Customized time.Duration
}

// NewUpdater customizes c for w as Customize does and keeps the state that
// Update needs. Costs: those of Customize, plus the lower neighbours' lists;
// the Updater holds about 75 bytes per supergraph arc.
func (c *CCH) NewUpdater(ctx context.Context, w []float64) (*Updater, error) {
	t0 := time.Now()
	mt, cu, keep, err := c.customizeState(ctx, "cch.NewUpdater", w, true, true, nil)
	if err != nil {
		return nil, err
	}
	n, m := len(c.order), len(c.head)
	u := &Updater{c: c, w: slices.Clone(w), wt: cu.wt, pw: cu.pw, via: cu.via, keep: keep, m: mt, cu: cu, full: time.Since(t0),
		state: make([]uint8, n), flag: makeHuge[uint8](m), pos: make([]int32, n), phead: make([]int32, n),
		rec: makeHuge[int32](m), pfirst: make([]int32, n), pend: make([]int32, n), pstamp: make([]int32, n), cstamp: make([]int32, n),
		bdirty: make([]bool, (n+blockMask)>>blockShift)}
	u.lfirst = make([]int32, n+1)
	for _, h := range c.head {
		u.lfirst[h+1]++
	}
	for r := range n {
		u.lfirst[r+1] += u.lfirst[r]
	}
	u.lnode, u.larc = makeHuge[int32](m), makeHuge[int32](m)
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
	// The customizer kept for a fallback: its lists by rank (node, wait,
	// sfirst, dense, top) and a goroutine's pos.
	n := len(u.state)
	return 8*len(u.w) + 32*len(u.wt) + 24*len(u.via) + 2*len(u.keep) + 30*n +
		4*(len(u.lfirst)+len(u.lnode)+len(u.larc)+len(u.pos)+len(u.phead)+len(u.rec)+len(u.pfirst)+len(u.pend)+len(u.pstamp)+len(u.cstamp)) + len(u.state)
}

// Update returns the metric for weights w, which may differ from those of
// the last customization or update in any number of arcs (closed: +Inf,
// reopened, slower, faster). The work is proportional to the supergraph
// arcs the changes reach, not to the whole supergraph; once the partial
// steps have taken twice as long as the last full customization (and at
// least minBudget), the Update stops them and customizes in full instead,
// into the Updater's own arrays (LastUpdate().Full), so that an update
// never takes much more than three customizations, while changes whose
// partial steps are slower than a customization but not twice as slow
// keep them (on the 1M roadgrid, 100 random closures take 1–4.5 s against
// 2.4–3.5 s for a customization; see BENCHMARKS.md). The result is the
// same either way. w is not copied into
// the Metric (see Customize); the Updater keeps its own copy. Errors are
// those of Customize; after an error other than a cancelled ctx the Updater
// is unchanged. A ctx cancelled during the update leaves its state half
// updated: Update returns ctx.Err(), and every later call an error of kind
// Invalid (make a new Updater); the Metrics it returned before stay valid.
func (u *Updater) Update(ctx context.Context, w []float64) (*Metric, error) {
	const op = "cch.Update"
	c := u.c
	g := c.g
	if u.broken {
		return nil, caravan.Errorf(caravan.Invalid, op, "an earlier update was cancelled half way: make a new Updater")
	}
	if err := c.checkWeights(ctx, op, w); err != nil {
		return nil, err
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
		u.flag[c.arc(lo, hi)] |= flInput
		u.queue(lo)
		// The block names the csr arc of each original arc (see arcs),
		// which may now be another of the parallel arcs, at the same
		// weight.
		u.bdirty[lo>>blockShift] = true
	}
	budget := max(2*u.full, minBudget)
	if u.budget != 0 {
		budget = u.budget
	}
	deadline := t0.Add(budget)
	u.steps = 0
	err := u.basic(ctx, deadline)
	t1 := time.Now()
	if err == nil {
		err = u.perfect(ctx, deadline)
	}
	if err == errOverBudget {
		u.last.Basic, u.last.Perfect = t1.Sub(t0), time.Since(t1)
		return u.customizeFull(ctx, w)
	}
	if err != nil {
		u.broken = true
		return nil, err
	}
	u.finish()
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

// queue puts rank x in line for the basic step.
func (u *Updater) queue(x int32) {
	if u.state[x]&stQueued == 0 {
		u.state[x] |= stQueued
		u.minh.push(x)
	}
}

// dirty puts rank a in line for the perfect step.
func (u *Updater) dirty(a int32) {
	if u.state[a]&stDirty == 0 {
		u.state[a] |= stDirty
		u.maxh.push(-a)
	}
}

// touched records that arc k of rank x changed its weights or middle node.
func (u *Updater) touched(k, x int32) {
	u.bdirty[x>>blockShift] = true
	if u.flag[k]&flTouched == 0 {
		u.flag[k] |= flTouched
		u.touch = append(u.touch, k)
	}
}

// check is run before the steps-th rank of a partial step: ctx.Err() every
// 256 ranks, and errOverBudget once the deadline has passed (looked at
// every 256 ranks) or after u.stopAfter ranks of the whole update.
func (u *Updater) check(ctx context.Context, steps int, deadline time.Time) error {
	if steps&255 == 255 {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if u.steps++; steps&255 == 0 && time.Now().After(deadline) || u.steps == u.stopAfter {
		return errOverBudget
	}
	return nil
}

// basic runs the basic step (see Updater): the ranks in line, lowest first
// (see basicRank).
func (u *Updater) basic(ctx context.Context, deadline time.Time) error {
	for steps := 0; u.minh.len() > 0; steps++ {
		if err := u.check(ctx, steps, deadline); err != nil {
			return err
		}
		x := u.minh.pop()
		u.state[x] &^= stQueued
		u.basicRank(x)
	}
	u.pool = u.pool[:0]
	return nil
}

// finish clears the per-update marks.
func (u *Updater) finish() {
	first := u.c.first
	for _, x := range u.changed {
		u.state[x] &^= stChanged
		for k := first[x]; k < first[x+1]; k++ {
			u.flag[k] &^= flChanged
		}
	}
	u.changed = u.changed[:0]
	for _, k := range u.recArc {
		u.rec[k] = 0
	}
	u.recs, u.recArc = u.recs[:0], u.recArc[:0]
	for _, a := range u.plist {
		u.pfirst[a], u.pend[a] = 0, 0
	}
	u.plist, u.pchg = u.plist[:0], u.pchg[:0]
}

// basicRank brings the basic weights of the arcs of rank x up to date,
// given those of the ranks below. Its arcs can only have changed through
// their input arcs (flInput) or through a lower triangle {a, x, v} one of
// whose arcs {a, x}, {a, v} changed (flChanged; a is then on x's list,
// phead). Each such candidate is weighed against the arc's current
// weight: one that is lower (or equal, through a lower middle node) takes
// its place; one that is higher only matters if the current weight came
// through it, and then the arc is recomputed from scratch — from all its
// lower triangles, by merging the lower neighbours of its two ends, or, if
// that is more work, by a pass over all the lower neighbours of x as in a
// full customization.
func (u *Updater) basicRank(x int32) {
	c := u.c
	first, head := c.first, c.head
	lo, hi := first[x], first[x+1]
	if lo == hi {
		return
	}
	pos := u.pos
	for k := lo; k < hi; k++ {
		pos[head[k]] = k - lo
	}
	nw := append(u.nw[:0], u.wt[lo:hi]...)
	nv := append(u.nv[:0], u.via[lo:hi]...)
	scr := append(u.scr[:0], make([]bool, hi-lo)...) // all false; make does not allocate here
	u.nw, u.nv, u.scr = nw, nv, scr
	for k := lo; k < hi; k++ {
		if u.flag[k]&flInput == 0 {
			continue
		}
		u.flag[k] &^= flInput
		in := u.input(x, head[k])
		i := k - lo
		for d := range 2 {
			switch {
			case nv[i][d].x == 0 && in[d] > nw[i][d]:
				scr[i] = true
			case nv[i][d].x == 0 || in[d] <= nw[i][d]:
				nw[i][d], nv[i][d] = in[d], triangle{}
			}
		}
	}
	ln := u.lnode[u.lfirst[x]:u.lfirst[x+1]]
	la := u.larc[u.lfirst[x]:u.lfirst[x+1]]
	la = la[:len(ln)]
	tri := 0 // triangles looked at
	for e := u.phead[x]; e != 0; {
		pe := u.pool[e-1]
		e = pe.next
		a, kx := pe.a, pe.kx
		end := first[a+1]
		cx := u.flag[kx]&flChanged != 0
		ax := u.wt[kx] // a→x, x→a
		for j := kx + 1; j < end; j++ {
			if !cx && u.flag[j]&flChanged == 0 {
				continue
			}
			i := pos[head[j]]
			if scr[i] {
				continue
			}
			tri++
			av := u.wt[j]
			t := triangle{a + 1, kx, j}
			for d, s := range [2]float64{ax[1] + av[0], av[1] + ax[0]} { // x→a→v, v→a→x
				cur := nv[i][d].x
				switch {
				case cur == a+1 && s > nw[i][d]:
					scr[i] = true
				case cur == a+1 || s < nw[i][d] || (s == nw[i][d] && cur > 0 && a+1 < cur):
					nw[i][d], nv[i][d] = s, t
				}
			}
		}
	}
	u.phead[x] = 0
	// From scratch: merging costs about the lower neighbours of both ends,
	// a pass the triangles of all lower neighbours.
	merge, nscr, work := 0, 0, 0
	for i, sc := range scr {
		if sc {
			v := head[lo+int32(i)]
			merge += len(ln) + int(u.lfirst[v+1]-u.lfirst[v])
			nscr++
		}
	}
	if nscr > 0 {
		for i, a := range ln {
			work += int(first[a+1] - la[i] - 1)
		}
	}
	if nscr > 0 && merge <= work {
		for i, sc := range scr {
			if sc {
				nw[i], nv[i] = u.recomputeBasic(x, head[lo+int32(i)])
			}
		}
	} else if nscr > 0 {
		for i, sc := range scr {
			if sc {
				nw[i], nv[i] = u.input(x, head[lo+int32(i)]), halves{}
			}
		}
		for i, a := range ln {
			kx := la[i]
			ax := u.wt[kx]
			for j := kx + 1; j < first[a+1]; j++ {
				i := pos[head[j]]
				if !scr[i] {
					continue
				}
				tri++
				av := u.wt[j]
				if s := ax[1] + av[0]; s < nw[i][0] { // x→a→v
					nw[i][0], nv[i][0] = s, triangle{a + 1, kx, j}
				}
				if s := av[1] + ax[0]; s < nw[i][1] { // v→a→x
					nw[i][1], nv[i][1] = s, triangle{a + 1, kx, j}
				}
			}
		}
	}
	u.last.Triangles += tri
	vmax := int32(-1)
	for i, k := 0, lo; k < hi; i, k = i+1, k+1 {
		if nw[i] == u.wt[k] && nv[i] == u.via[k] {
			continue
		}
		u.last.BasicChanged++
		u.touched(k, x)
		if nw[i] != u.wt[k] {
			u.save(k)
			u.flag[k] |= flChanged
			vmax = head[k]
		}
		u.wt[k], u.via[k] = nw[i], nv[i]
	}
	u.last.BasicArcs += int(hi - lo)
	if vmax < 0 {
		return
	}
	u.state[x] |= stChanged
	u.changed = append(u.changed, x)
	u.dirty(x)
	// The arcs {y, z} of the triangles {x, y, z} through a changed arc of
	// x are arcs of y ≤ vmax: x goes on y's list.
	for k := lo; k < hi && head[k] <= vmax; k++ {
		y := head[k]
		u.pool = append(u.pool, pending{x, k, u.phead[y]})
		u.phead[y] = int32(len(u.pool))
		u.queue(y)
	}
}

// input returns the weights of the lightest input arcs x → v and v → x,
// +Inf if none (+0 for −0, as CCH.input).
func (u *Updater) input(x, v int32) pair {
	c := u.c
	g := c.g
	inf := math.Inf(1)
	wt := pair{inf, inf}
	for dir, ends := range [2][2]int32{{x, v}, {v, x}} {
		from, to := c.order[ends[0]], c.order[ends[1]]
		for a := g.Offsets[from]; a < g.Offsets[from+1]; a++ {
			if g.Heads[a] == to && u.w[a] < wt[dir] {
				wt[dir] = u.w[a]
				if wt[dir] == 0 {
					wt[dir] = 0 // +0 for −0, as CCH.input
				}
			}
		}
	}
	return wt
}

// recomputeBasic returns the basic weights and middle nodes of the arc
// {x, v}: the lightest input arcs, improved by the lower triangles through
// the common lower neighbours of x and v in increasing rank (a tie goes to
// the input arc, then to the lowest middle node, as in customizer.basic).
func (u *Updater) recomputeBasic(x, v int32) (pair, halves) {
	wt := u.input(x, v)
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

// perfect runs the perfect step (see Updater): the dirty ranks, highest
// first (see perfectRank).
func (u *Updater) perfect(ctx context.Context, deadline time.Time) error {
	for steps := 0; u.maxh.len() > 0; steps++ {
		if err := u.check(ctx, steps, deadline); err != nil {
			return err
		}
		a := -u.maxh.pop()
		u.state[a] &^= stDirty
		u.perfectRank(a)
	}
	return nil
}

// pending is an entry of the lists of Updater.phead: the lower neighbour a
// of rank y and the arc kx = {a, y}.
type pending struct{ a, kx, next int32 }

// oldArc holds the weights of an arc before the Update changed them.
type oldArc struct{ b, p pair }

// save records the weights of arc k before a change, once per Update.
func (u *Updater) save(k int32) {
	if u.rec[k] == 0 {
		u.recs = append(u.recs, oldArc{u.wt[k], u.pw[k]})
		u.recArc = append(u.recArc, k)
		u.rec[k] = int32(len(u.recs))
	}
}

// old returns the weights of arc k before the Update.
func (u *Updater) old(k int32) oldArc {
	if r := u.rec[k]; r > 0 {
		return u.recs[r-1]
	}
	return oldArc{u.wt[k], u.pw[k]}
}

// weigh lowers *cur to the candidate's new value nw, or reports that the
// arc must be recomputed: its old perfect weight pold was this candidate's
// old value ol, which grew.
func weigh(cur *float64, pold, ol, nw float64) bool {
	if nw < *cur {
		*cur = nw
		return false
	}
	return nw > ol && ol == pold
}

// perfectRank brings the perfect weights of the arcs of rank a up to date,
// given those of the ranks above. A candidate of an arc of a (see
// customizer.upper) changes only through a basic weight of a (flChanged) or
// through the perfect weight of an arc between two upper neighbours of a
// that changed (in the lists of the ranks above, pchg). Each such candidate
// is weighed (see weigh) against the old perfect weight; an arc whose old
// weight came through a candidate that grew, and that no other candidate
// brought lower, is recomputed from all its candidates (or the whole rank,
// if that is less work).
func (u *Updater) perfectRank(a int32) {
	c := u.c
	first, head := c.first, c.head
	lo, hi := first[a], first[a+1]
	u.pfirst[a], u.pend[a] = int32(len(u.pchg)), int32(len(u.pchg))
	u.plist = append(u.plist, a)
	if lo == hi {
		return
	}
	u.last.PerfectRanks++
	hs := head[lo:hi]
	// Changed basic weights of a: the arc's own candidate, and the
	// candidates of the other arcs through it. Each costs a search per
	// arc of a: with many, the whole rank is cheaper.
	ne1 := 0
	for k := lo; k < hi; k++ {
		if u.flag[k]&flChanged != 0 {
			ne1++
		}
	}
	if 20*ne1 > len(hs) {
		u.setPerfect(a, u.recomputePerfect(a))
		return
	}
	for i, y := range hs {
		u.pos[y], u.pstamp[y] = int32(i), a+1
	}
	pold := u.pw[lo:hi]
	cur := append(u.sp[:0], pold...)
	scr := append(u.scr[:0], make([]bool, len(hs))...)
	u.sp, u.scr = cur, scr
	tri := 0
	// The few changed basic weights, one by one.
	for i, z := range hs {
		k := lo + int32(i)
		if u.flag[k]&flChanged == 0 {
			continue
		}
		ob, nb := u.old(k).b, u.wt[k]
		scr[i] = weigh(&cur[i][0], pold[i][0], ob[0], nb[0]) || scr[i]
		scr[i] = weigh(&cur[i][1], pold[i][1], ob[1], nb[1]) || scr[i]
		kz, zend := first[z], first[z+1] // z's arcs, walked for y > z
		for j, y := range hs {
			if j == i {
				continue
			}
			tri++
			var kk int32
			var po, pn pair // z→y, y→z: old and new
			if z < y {
				if head[kz] != y {
					off, _ := slices.BinarySearch(head[kz:zend], y)
					kz += int32(off)
				}
				kk = kz
				po, pn = u.old(kk).p, u.pw[kk]
			} else {
				kk = c.arc(y, z)
				o, n := u.old(kk).p, u.pw[kk]
				po, pn = pair{o[1], o[0]}, pair{n[1], n[0]}
			}
			scr[j] = weigh(&cur[j][0], pold[j][0], ob[0]+po[0], nb[0]+pn[0]) || scr[j] // a→z→y
			scr[j] = weigh(&cur[j][1], pold[j][1], po[1]+ob[1], pn[1]+nb[1]) || scr[j] // y→z→a
		}
	}
	// Changed perfect weights of the arcs {z, y}, z < y, between upper
	// neighbours of a.
	for iz, z := range hs {
		for _, kk := range u.pchg[u.pfirst[z]:u.pend[z]] {
			y := head[kk]
			if u.pstamp[y] != a+1 {
				continue
			}
			iy := int(u.pos[y])
			tri++
			po, pn := u.old(kk).p, u.pw[kk]                      // [0] z→y, [1] y→z
			if kz := lo + int32(iz); u.flag[kz]&flChanged == 0 { // arc {a, y} through z
				b := u.wt[kz]
				scr[iy] = weigh(&cur[iy][0], pold[iy][0], b[0]+po[0], b[0]+pn[0]) || scr[iy] // a→z→y
				scr[iy] = weigh(&cur[iy][1], pold[iy][1], po[1]+b[1], pn[1]+b[1]) || scr[iy] // y→z→a
			}
			if ky := lo + int32(iy); u.flag[ky]&flChanged == 0 { // arc {a, z} through y
				b := u.wt[ky]
				scr[iz] = weigh(&cur[iz][0], pold[iz][0], b[0]+po[1], b[0]+pn[1]) || scr[iz] // a→y→z
				scr[iz] = weigh(&cur[iz][1], pold[iz][1], po[0]+b[1], pn[0]+b[1]) || scr[iz] // z→y→a
			}
		}
	}
	nscr := 0
	for i, sc := range scr {
		if sc && cur[i][0] < pold[i][0] && cur[i][1] < pold[i][1] {
			scr[i] = false // brought lower than its old weight: no old candidate can win
		} else if sc {
			nscr++
		}
	}
	if deg := len(hs); nscr > 0 && 16*nscr > deg {
		u.last.Triangles += tri
		p := u.recomputePerfect(a) // reuses u.sp: cur is gone
		cur = p
		tri = 0
	} else if nscr > 0 {
		for i, sc := range scr {
			if sc {
				cur[i] = u.perfectArc(a, i)
				tri += len(hs) - 1
			}
		}
	}
	u.last.Triangles += tri
	u.setPerfect(a, cur)
}

// setPerfect stores the new perfect weights p of the arcs of rank a and
// puts in line the ranks they concern.
func (u *Updater) setPerfect(a int32, p []pair) {
	c := u.c
	first, head := c.first, c.head
	lo, hi := first[a], first[a+1]
	la, le := u.lfirst[a], u.lfirst[a+1]
	from := len(u.pchg)
	merge := 0 // the cost of merging lower neighbours, for each changed arc
	for i, k := 0, lo; k < hi; i, k = i+1, k+1 {
		if p[i] == u.pw[k] {
			continue
		}
		u.save(k)
		u.pw[k] = p[i]
		u.last.PerfectChanged++
		u.touched(k, a)
		u.pchg = append(u.pchg, k)
		b := head[k]
		merge += int(le-la) + int(u.lfirst[b+1]-u.lfirst[b])
	}
	u.pend[a] = int32(len(u.pchg))
	changed := u.pchg[from:]
	if len(changed) == 0 {
		return
	}
	// The ranks x below both a and b, for a changed arc {a, b}: the arc is
	// between two of x's upper neighbours. Either merge the lower
	// neighbours of a and of each b, or scan the arcs of each lower
	// neighbour x of a above a for a changed b, whichever is less work.
	scan := 0
	if merge > 2*int(le-la) {
		for i := la; i < le; i++ {
			scan += int(first[u.lnode[i]+1] - u.larc[i] - 1)
		}
	}
	if scan > 0 && scan < merge {
		for _, k := range changed {
			u.cstamp[head[k]] = a + 1
		}
		for i := la; i < le; i++ {
			x := u.lnode[i]
			for _, y := range head[u.larc[i]+1 : first[x+1]] {
				if u.cstamp[y] == a+1 {
					u.dirty(x)
					break
				}
			}
		}
		for _, k := range changed {
			u.cstamp[head[k]] = 0
		}
		return
	}
	ln := u.lnode
	for _, k := range changed {
		b := head[k]
		li, lj, lje := la, u.lfirst[b], u.lfirst[b+1]
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

// perfectArc returns the perfect weights of the i-th arc {a, y} of rank a
// from all its candidates.
func (u *Updater) perfectArc(a int32, i int) pair {
	c := u.c
	lo, hi := c.first[a], c.first[a+1]
	hs := c.head[lo:hi]
	y := hs[i]
	r := u.wt[lo+int32(i)]
	for j, z := range hs {
		if j == i {
			continue
		}
		var zy, yz float64
		if z < y {
			t := u.pw[c.arc(z, y)]
			zy, yz = t[0], t[1]
		} else {
			t := u.pw[c.arc(y, z)]
			zy, yz = t[1], t[0]
		}
		b := u.wt[lo+int32(j)]
		if s := b[0] + zy; s < r[0] { // a→z→y
			r[0] = s
		}
		if s := yz + b[1]; s < r[1] { // y→z→a
			r[1] = s
		}
	}
	return r
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
		mark := func(h int32, bit uint8, x int32) { // arc h of rank x
			if u.keep[h]&bit == 0 {
				u.bdirty[x>>blockShift] = true
				u.keep[h] |= bit
				st = append(st, h)
			}
		}
		if t := u.via[k][0]; kk&1 != 0 && t.x > 0 { // u→x→v
			mark(t.xu, 2, t.x-1)
			mark(t.xv, 1, t.x-1)
		}
		if t := u.via[k][1]; kk&2 != 0 && t.x > 0 { // v→x→u
			mark(t.xu, 1, t.x-1)
			mark(t.xv, 2, t.x-1)
		}
	}
	u.cstack = st
}

// customizeFull ends an Update whose partial steps took twice as long as a
// full customization with one, for w (which u.w already holds), into the
// arrays of the last (see Workspace): the partial steps' marks are
// cleared, the basic and perfect weights, middle nodes and keep flags are
// those of a full customization, and every block of the Metric is new.
// Changes spread over the whole graph (a thousand closures, a regional
// slow-down) then cost at most about three full customizations instead of
// many.
func (u *Updater) customizeFull(ctx context.Context, w []float64) (*Metric, error) {
	clear(u.state)
	clear(u.flag)
	clear(u.phead)
	clear(u.pstamp)
	clear(u.cstamp)
	clear(u.pfirst)
	clear(u.pend)
	clear(u.bdirty)
	for _, k := range u.recArc {
		u.rec[k] = 0
	}
	u.minh.a, u.maxh.a = u.minh.a[:0], u.maxh.a[:0]
	u.pool, u.changed, u.recs, u.recArc = u.pool[:0], u.changed[:0], u.recs[:0], u.recArc[:0]
	u.plist, u.pchg, u.touch = u.plist[:0], u.pchg[:0], u.touch[:0]
	t := time.Now()
	mt, cu, keep, err := u.c.customizeState(ctx, "cch.Update", w, true, true, &Workspace{c: u.c, cu: u.cu, keep: u.keep})
	if err != nil {
		u.broken = true
		return nil, err
	}
	u.cu, u.wt, u.pw, u.via, u.keep, u.m = cu, cu.wt, cu.pw, cu.via, keep, mt
	u.full = time.Since(t)
	u.last.Full, u.last.Customized = true, u.full
	if c := u.c; c.logger != nil {
		s := u.last
		c.logger.Info("cch: updated by a full customization", "changed weights", s.ChangedWeights, "partial basic", s.Basic, "partial perfect", s.Perfect, "customization", s.Customized)
	}
	return mt, nil
}

// compact builds the Metric's blocks that hold touched arcs; it shares the
// others with the previous Metric.
func (u *Updater) compact(w []float64) *Metric {
	cu := &customizer{c: u.c, wt: u.wt, via: u.via}
	m := cu.compact(w, u.keep, u.m, u.bdirty)
	clear(u.bdirty)
	return m
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
