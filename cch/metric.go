package cch

import (
	"context"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/caravan-transport/caravan"
)

// Metric is a CCH customized for one weight vector: for every rank, the
// upward arcs a forward search needs and those a backward search needs,
// each with its weight and the middle node of the path it stands for (for
// unpacking). The ranks come in blocks of 2^blockShift, each with its own
// arrays, so that an Updater builds only the blocks a change reaches and
// shares the others with the previous Metric. A Metric is immutable and
// safe for concurrent use.
type Metric struct {
	c      *CCH
	w      []float64  // the weights it was customized for (not copied)
	blocks []*mblock  // rank r is in blocks[r>>blockShift]
	direct bool       // c.direct when customized (see arcs)
	ws     *Workspace // the workspace that made it, which may take its blocks back (see Workspace.Recycle)
}

// blockShift sets the ranks per block of a Metric: 1024.
const blockShift = 10

const blockMask = 1<<blockShift - 1

// mblock holds the kept arcs of a block of ranks, forward and backward.
type mblock struct{ f, b arcs }

// arcs holds upward arcs of a block of ranks: those of its i-th rank are
// first[i] .. first[i+1]-1, with their upper ends head, weights w and middle
// ranks mid. The ranks are packed in 3 bytes (mid as 1 + the rank), so
// that a kept arc takes 14 bytes per direction instead of 16 and a search
// reads 11 of them instead of 12; a block that names a rank of 2^24 - 1 or
// more (only in graphs of as many nodes) is wide and holds them as int32 in
// wideHead and wideMid instead.
//
// The middle rank of a shortcut (the lower node of the triangle that gave
// its weight) lies below both its ends; the ranks from the arc's lower end
// lo up are free, and an original arc uses them to name its csr arc a (the
// lightest from the tail to the head, the first of equal ones) for Path:
// lo + a where the graph's nodes and arcs together number under 2^24 - 1,
// so that it always fits (CCH.direct); else lo + k, a being the k-th of the
// tail's csr arcs; or -1 when that would not fit in 3 bytes (see origin).
type arcs struct {
	first []int32 // len 2^blockShift + 1 (less in the last block)
	head  []uint24
	w     []float64
	mid   []uint24
	wide  bool
	// The heads and middle ranks of a wide block.
	wideHead, wideMid []int32
}

// uint24 is a non-negative number below 2^24, packed little-endian.
type uint24 [3]byte

// packedMax bounds the ranks (and 1 + the middle ranks) of a block that is
// not wide.
const packedMax = 1<<24 - 1

func pack24(v int32) uint24 { return uint24{byte(v), byte(v >> 8), byte(v >> 16)} }

// int32 unpacks b. It takes a pointer: with a value, relax's loop copies
// every entry through the stack (Go 1.26).
func (b *uint24) int32() int32 { return int32(b[0]) | int32(b[1])<<8 | int32(b[2])<<16 }

// headAt returns the upper end of kept arc j.
func (a *arcs) headAt(j int) int32 {
	if a.wide {
		return a.wideHead[j]
	}
	return a.head[j].int32()
}

// midAt returns the middle rank of kept arc j, stored at rank lo: below lo
// for a shortcut; for an original arc lo + a (its csr arc; lo + k, the k-th
// of its tail's, where the CCH is not direct) or -1 (see arcs).
func (a *arcs) midAt(j int) int32 {
	if a.wide {
		return a.wideMid[j]
	}
	return a.mid[j].int32() - 1
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
// supergraph (two passes over them, on up to GOMAXPROCS goroutines); it
// allocates the Metric and about 60 bytes per supergraph arc of scratch,
// and per goroutine the dense triangle of the widest supernode's structure
// (8 w² bytes for w upper neighbours: 6 MB on the 1M roadgrid); a
// Workspace keeps that scratch for the next customization.
func (c *CCH) Customize(ctx context.Context, w []float64) (*Metric, error) {
	return c.customize(ctx, "cch.Customize", w, true)
}

// CustomizeBasic is Customize without the perfect pass: about half the
// time, but the searches then relax every supergraph arc with a finite
// weight instead of only those that are shortest paths, so queries are
// slower (about 2.3× on a 90,000-node roadgrid, 4× on the 1M-node one).
// Distances and paths are as exact as Customize's.
func (c *CCH) CustomizeBasic(ctx context.Context, w []float64) (*Metric, error) {
	return c.customize(ctx, "cch.CustomizeBasic", w, false)
}

func (c *CCH) customize(ctx context.Context, op string, w []float64, perfect bool) (*Metric, error) {
	mt, _, _, err := c.customizeState(ctx, op, w, perfect, false, nil)
	return mt, err
}

// customizeState is customize; with retain, it also returns the
// customizer with its perfect weights and the keep flags, for an Updater.
// With ws, the scratch comes from the workspace and goes back to it, and
// so do the blocks of a Metric handed back to it; the Metric is the
// workspace's (see Workspace.Recycle) unless retain is set too, as for the
// Updater's fallback, whose Metrics share blocks.
func (c *CCH) customizeState(ctx context.Context, op string, w []float64, perfect, retain bool, ws *Workspace) (*Metric, *customizer, []uint8, error) {
	if err := c.checkWeights(ctx, op, w); err != nil {
		return nil, nil, nil, err
	}
	n, m := len(c.order), len(c.head)
	t0 := time.Now()
	inf := math.Inf(1)
	var old *customizer // the workspace's, whose arrays are reused
	var keep []uint8
	var wt []pair
	if ws != nil && ws.cu != nil {
		old, keep, wt = ws.cu, ws.keep, ws.cu.wt
	}
	wt = c.input(w, wt)
	cu := newCustomizer(c, wt, old)
	t1 := time.Now()
	if err := cu.parallel(ctx, cu.basic, cu.basicTop, false); err != nil {
		return nil, nil, nil, err
	}
	// Perfect customization into a copy gives the true distance between
	// the ends of every arc; an arc whose basic weight is longer lies on no
	// shortest up-down path and is left out of the searches.
	t2 := time.Now()
	// keep: bit 0 for lo → hi, bit 1 for hi → lo.
	if len(keep) != m {
		keep = makeHuge[uint8](m)
	}
	tp := t2
	if perfect {
		if len(cu.pw) != m {
			cu.pw = makeHuge[pair](m)
		}
		onTwo(m, func(lo, hi int) { copy(cu.pw[lo:hi], wt[lo:hi]) })
		cu.startTopDown()
		if err := cu.parallel(ctx, cu.perfect, cu.perfectTop, true); err != nil {
			return nil, nil, nil, err
		}
		tp = time.Now()
		// An arc direction is kept when its basic weight is the distance (up
		// to rounding), and so are the halves it unpacks into (in exact
		// arithmetic they are tight too; this keeps Path whole under
		// rounding).
		pw := cu.pw
		onTwo(m, func(lo, hi int) {
			for k := lo; k < hi; k++ {
				b, p := wt[k], pw[k]
				keep[k] = b2u(b[0] != inf && b[0]-p[0] <= tightTol*p[0]) | b2u(b[1] != inf && b[1]-p[1] <= tightTol*p[1])<<1
			}
		})
		if !retain && ws == nil {
			cu.pw = nil
		}
		closeHalves := func(ctx context.Context, ranks []int32, _, _ *scratch) error { return cu.closeHalves(ctx, ranks, keep) }
		if err := cu.parallel(ctx, func(ctx context.Context, ranks []int32, sc *scratch, _ bool, d []int32) ([]int32, error) {
			return d, closeHalves(ctx, ranks, sc, nil)
		}, closeHalves, true); err != nil {
			return nil, nil, nil, err
		}
	} else {
		// Without the perfect pass every finite arc is kept, halves included.
		onTwo(m, func(lo, hi int) {
			for k := lo; k < hi; k++ {
				keep[k] = b2u(wt[k][0] != inf) | b2u(wt[k][1] != inf)<<1
			}
		})
	}
	t3 := time.Now()
	if ws != nil {
		cu.spare, ws.spare = ws.spare, nil
	}
	mt := cu.compact(w, keep, nil, nil)
	cu.spare = nil
	if ws != nil {
		ws.cu, ws.keep = cu, keep
		if !retain {
			mt.ws = ws
		}
	}
	if c.logger != nil {
		st := mt.Stats()
		c.logger.Info("cch: customized", "op", op, "nodes", n, "arcs", m, "kept forward", st.ForwardArcs, "kept backward", st.BackwardArcs,
			"input", t1.Sub(t0), "basic", t2.Sub(t1), "perfect", tp.Sub(t2), "keep", t3.Sub(tp), "compact", time.Since(t3))
	}
	return mt, cu, keep, nil
}

// checkWeights returns an error of kind Invalid if w is not one weight per
// arc of the graph, each non-negative and not NaN, or ctx.Err().
func (c *CCH) checkWeights(ctx context.Context, op string, w []float64) error {
	g := c.g
	if len(w) != g.NumArcs() {
		return caravan.Errorf(caravan.Invalid, op, "%d weights for %d arcs", len(w), g.NumArcs())
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for a, x := range w {
		if !(x >= 0) {
			return caravan.Errorf(caravan.Invalid, op, "arc %d (%d→%d): weight %v is negative or NaN", a, g.Tails[a], g.Heads[a], x)
		}
	}
	return nil
}

// input returns the supergraph weights before customization: for each arc
// {lo, hi} the lightest csr arc from lo to hi and from hi to lo, +Inf if
// none; a weight of −0 is read as +0. wt, when it has one entry per
// supergraph arc, is written over instead of allocating. The csr arcs are
// mapped to supergraph arcs as they are read (the graph's nodes in two
// halves, see onTwo): an arc to a higher rank
// through a table of the tail's supergraph arcs, one to a lower rank by
// binary search among the head's. Each goroutine writes only the
// directions that leave its own nodes.
func (c *CCH) input(w []float64, wt []pair) []pair {
	g := c.g
	n := g.NumNodes()
	first, head, rank := c.first, c.head, c.rank
	if len(wt) != len(head) {
		wt = makeHuge[pair](len(head))
	}
	inf := math.Inf(1)
	onTwo(len(wt), func(lo, hi int) {
		for k := lo; k < hi; k++ {
			wt[k] = pair{inf, inf}
		}
	})
	read := func(lo, hi int) {
		pos := make([]int32, n)
		for t := lo; t < hi; t++ {
			rt := rank[t]
			for k := first[rt]; k < first[rt+1]; k++ {
				pos[head[k]] = k
			}
			for a := g.Offsets[t]; a < g.Offsets[t+1]; a++ {
				rh, x := rank[g.Heads[a]], w[a]
				if x == 0 {
					x = 0 // +0 for −0: the dense kernels' minima rely on it (see kernel.go)
				}
				switch {
				case rh > rt: // lo → hi
					if k := pos[rh]; x < wt[k][0] {
						wt[k][0] = x
					}
				case rh < rt: // hi → lo
					if k := c.arc(rh, rt); x < wt[k][1] {
						wt[k][1] = x
					}
				}
			}
		}
	}
	onTwo(n, read)
	return wt
}

// onTwo runs f over [0, n) in two halves on two goroutines, or whole on
// one when n is small or GOMAXPROCS is 1.
func onTwo(n int, f func(lo, hi int)) {
	if n < 1<<12 || runtime.GOMAXPROCS(0) < 2 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f(n/2, n)
	}()
	f(0, n/2)
	wg.Wait()
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// closeHalves marks as kept the halves of the kept arcs of ranks, from the
// top down: the halves of an arc of u are arcs of its middle node x < u, a
// descendant of u in the elimination tree, so a group only marks its own
// arcs.
func (cu *customizer) closeHalves(ctx context.Context, ranks []int32, keep []uint8) error {
	first, via := cu.c.first, cu.via
	for i := len(ranks) - 1; i >= 0; i-- {
		u := ranks[i]
		if i&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for k := first[u]; k < first[u+1]; k++ {
			kk := keep[k]
			if t := via[k][0]; kk&1 != 0 && t.x > 0 { // u→x→v
				keep[t.xu] |= 2
				keep[t.xv] |= 1
			}
			if t := via[k][1]; kk&2 != 0 && t.x > 0 { // v→x→u
				keep[t.xu] |= 1
				keep[t.xv] |= 2
			}
		}
	}
	return nil
}

// compact copies the kept arc directions into the blocks of a Metric, on
// two goroutines. With prev, only the blocks marked in dirty are built; the
// others are prev's.
func (cu *customizer) compact(w []float64, keep []uint8, prev *Metric, dirty []bool) *Metric {
	c := cu.c
	n := len(c.order)
	nb := (n + blockMask) >> blockShift
	mt := &Metric{c: c, w: w, blocks: make([]*mblock, nb), direct: c.direct}
	todo := make([]int, 0, nb)
	for b := nb - 1; b >= 0; b-- { // the top blocks, which hold the most arcs, first
		if prev != nil && !dirty[b] {
			mt.blocks[b] = prev.blocks[b]
		} else {
			todo = append(todo, b)
		}
	}
	var next atomic.Int64
	work := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(todo) {
				return
			}
			b := todo[i]
			mt.blocks[b] = cu.block(w, int32(b<<blockShift), int32(min(n, (b+1)<<blockShift)), keep)
		}
	}
	if len(todo) > 1 && runtime.GOMAXPROCS(0) >= 2 {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
		work()
		wg.Wait()
	} else {
		work()
	}
	return mt
}

// block builds the block of ranks lo .. hi-1 (w: the weights of the graph).
func (cu *customizer) block(w []float64, lo, hi int32, keep []uint8) *mblock {
	c := cu.c
	first, head, wt, via := c.first, c.head, cu.wt, cu.via
	var old mblock // a recycled block's arrays, if any (see Workspace.Recycle)
	if i := int(lo >> blockShift); i < len(cu.spare) && cu.spare[i] != nil {
		old = *cu.spare[i]
	}
	nf, nb := 0, 0
	top := int32(0) // the highest rank the block names
	for k, kk := range keep[first[lo]:first[hi]] {
		nf += int(kk & 1)
		nb += int(kk >> 1)
		if kk != 0 {
			top = max(top, head[int(first[lo])+k])
		}
	}
	wide := top >= c.packLimit
	mk := func(m int, o *arcs) arcs {
		a := arcs{first: reuse(o.first, int(hi-lo+1)), w: reuse(o.w, m), wide: wide}
		a.first[0] = 0
		if wide {
			a.wideHead, a.wideMid = reuse(o.wideHead, m), reuse(o.wideMid, m)
		} else {
			a.head, a.mid = reuse(o.head, m), reuse(o.mid, m)
		}
		return a
	}
	bl := &mblock{f: mk(nf, &old.f), b: mk(nb, &old.b)}
	limit := int32(packedMax)
	if wide {
		limit = math.MaxInt32
	}
	// set stores kept arc j of a: head h, weight x, 1 + the middle rank or
	// (an original arc) what origin gives.
	set := func(a *arcs, j int, h int32, x float64, mid int32) {
		if wide {
			a.wideHead[j], a.wideMid[j] = h, mid-1
		} else {
			a.head[j], a.mid[j] = pack24(h), pack24(mid)
		}
		a.w[j] = x
	}
	f, b := 0, 0
	for u := lo; u < hi; u++ {
		for k := first[u]; k < first[u+1]; k++ {
			kk := keep[k]
			if kk&1 != 0 {
				mid := via[k][0].x
				if mid == 0 {
					mid = c.origin(w, u, head[k], u, limit)
				}
				set(&bl.f, f, head[k], wt[k][0], mid)
				f++
			}
			if kk&2 != 0 {
				mid := via[k][1].x
				if mid == 0 {
					mid = c.origin(w, head[k], u, u, limit)
				}
				set(&bl.b, b, head[k], wt[k][1], mid)
				b++
			}
		}
		bl.f.first[u-lo+1], bl.b.first[u-lo+1] = int32(f), int32(b)
	}
	return bl
}

// reuse returns s[:n] if s has room for n, else a new slice of n.
func reuse[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// origin returns what an original kept arc from rank u to rank v, stored
// at rank lo, holds in place of 1 + a middle rank (see arcs): 1 + lo + a,
// where a is the lightest csr arc from u to v under w (the first of equal
// ones), if c is direct; else 1 + lo + k, where a is the k-th of u's, or 0
// if that exceeds limit (or, which cannot happen for a kept arc, there is
// no such arc).
func (c *CCH) origin(w []float64, u, v, lo, limit int32) int32 {
	from := c.order[u]
	a0 := c.g.Offsets[from]
	best := c.lightest(w, from, c.order[v])
	if c.direct && best >= 0 {
		return lo + 1 + best
	}
	if best < 0 || best-a0 > limit-1-lo {
		return 0
	}
	return lo + 1 + best - a0
}

// lightest returns the lightest csr arc from node from to node to under w
// (the first of equal ones), -1 if there is none.
func (c *CCH) lightest(w []float64, from, to int32) int32 {
	g := c.g
	best, bw := int32(-1), math.Inf(1)
	for a := g.Offsets[from]; a < g.Offsets[from+1]; a++ {
		if g.Heads[a] == to && (best < 0 || w[a] < bw) {
			best, bw = a, w[a]
		}
	}
	return best
}

// CCH returns the hierarchy m customizes.
func (m *Metric) CCH() *CCH { return m.c }

// Stats returns the size of m.
func (m *Metric) Stats() MetricStats {
	st := MetricStats{Bytes: 8 * len(m.blocks)}
	for _, bl := range m.blocks {
		st.ForwardArcs += len(bl.f.w)
		st.BackwardArcs += len(bl.b.w)
		for _, a := range [2]*arcs{&bl.f, &bl.b} {
			st.Bytes += 4*(len(a.first)+len(a.wideHead)+len(a.wideMid)) + 3*(len(a.head)+len(a.mid)) + 8*len(a.w)
		}
	}
	return st
}
