package cch

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// row is the work of one lower neighbour u of a rank x in the top-down
// pass: the arc {u, x} (ku) and the end of u's arcs; g, if not nil, holds
// the perfect weights of x's arcs to the upper ends of u's arcs after ku,
// in their order (else they are found through pos).
type row struct {
	ku, end int32
	g       []pair
}

// startTopDown makes every narrow supernode wait at the upper end of the
// last arc of its last rank. A wide one is processed whole (see front).
func (cu *customizer) startTopDown() {
	c := cu.c
	for r := range cu.wait {
		cu.wait[r] = -1
	}
	for u := range int32(len(c.order)) {
		if lo, hi := c.first[u], c.first[u+1]; lo < hi && cu.last(u) && u-cu.sfirst[u]+1 < cu.denseMin {
			cu.node[u].cur = hi - 1
			cu.link(u, c.head[hi-1])
		}
	}
}

// rowsAt lists in sc.rows the lower neighbours of x in narrow supernodes
// with their work (the triangles above x): the ranks of the supernodes
// waiting at x (the lists) and, if x's own supernode is narrow, the ranks
// below x in it, whose arcs after {u, x} are those of x in the same order.
// It fills pos with the arcs of x, and returns the total work.
func (cu *customizer) rowsAt(x int32, sc *scratch) int64 {
	c := cu.c
	first, head, pw := c.first, c.head, cu.pw
	rows, work := sc.rows[:0], int64(0)
	if cu.wait[x] >= 0 {
		pos := sc.pos
		for k := first[x]; k < first[x+1]; k++ {
			pos[head[k]] = k
		}
		for e := cu.wait[x]; e >= 0; e = cu.node[e].next {
			s0 := cu.sfirst[e]
			a := cu.node[e].cur - first[e] // x is e's a-th upper neighbour
			for u := s0; u <= e; u++ {
				rows = append(rows, row{first[u] + (e - u) + a, first[u+1], nil})
			}
			work += int64(e-s0+1) * int64(first[e+1]-first[e]-a-1)
		}
	}
	if s0 := cu.sfirst[x]; s0 < x && !cu.dense[x] {
		gx := pw[first[x]:first[x+1]]
		for u := s0; u < x; u++ {
			rows = append(rows, row{first[u] + (x - u - 1), first[u+1], gx})
		}
		work += int64(x-s0) * int64(len(gx))
	}
	sc.rows = rows
	return work
}

// runRows applies the triangles of rows (see upper, upperDense).
func (cu *customizer) runRows(rows []row, pos []int32) {
	for _, r := range rows {
		if r.g == nil {
			cu.upper(r.ku, r.end, pos)
		} else {
			cu.upperDense(r.ku, r.end, r.g)
		}
	}
}

// perfect runs the upper- and intermediate-triangle pass on ranks, top
// down: for each x, each triangle {u, x, v}, u < x < v, improves the arcs
// {u, x} and {u, v} through the arc {x, v}, which is final by then (it can
// only improve through triangles whose middle node is above x). A wide
// supernode is processed whole when its last rank comes (front); the
// lower neighbours u in narrow supernodes come from rowsAt. A supernode
// only ever waits at an ancestor, so no group links into another.
func (cu *customizer) perfect(ctx context.Context, ranks []int32, sc *scratch, _ bool, deferred []int32) ([]int32, error) {
	for ix := len(ranks) - 1; ix >= 0; ix-- {
		x := ranks[ix]
		if ix&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return deferred, err
			}
		}
		if s0 := cu.sfirst[x]; x-s0+1 >= cu.denseMin && cu.last(x) {
			cu.front(s0, x, sc, false)
		}
		cu.rowsAt(x, sc)
		cu.runRows(sc.rows, sc.pos)
		cu.retreatAll(x)
	}
	return deferred, nil
}

// perfectTop is perfect for the top part of the elimination tree: when a
// rank x has enough triangles, its lower neighbours are shared between two
// goroutines (each writes only the arcs of its own lower neighbours).
func (cu *customizer) perfectTop(ctx context.Context, ranks []int32, sc, _ *scratch) error {
	var wg sync.WaitGroup
	for ix := len(ranks) - 1; ix >= 0; ix-- {
		x := ranks[ix]
		if ix&255 == 255 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s0 := cu.sfirst[x]; x-s0+1 >= cu.denseMin && cu.last(x) {
			cu.front(s0, x, sc, runtime.GOMAXPROCS(0) >= 2)
		}
		work := cu.rowsAt(x, sc)
		rows := sc.rows
		if work >= int64(splitWork) && len(rows) >= 2 && runtime.GOMAXPROCS(0) >= 2 {
			half, acc := len(rows)-1, int64(0)
			for i, r := range rows {
				if acc += int64(r.end - r.ku - 1); 2*acc >= work {
					half = max(i, 1)
					break
				}
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				cu.runRows(rows[:half], sc.pos)
			}()
			cu.runRows(rows[half:], sc.pos)
			wg.Wait()
		} else {
			cu.runRows(rows, sc.pos)
		}
		cu.retreatAll(x)
	}
	return nil
}

// retreatAll moves the supernodes waiting at x back to their previous arcs.
func (cu *customizer) retreatAll(x int32) {
	for e := cu.wait[x]; e >= 0; {
		ne := cu.node[e].next
		cu.retreat(e)
		e = ne
	}
	cu.wait[x] = -1
}

// upper applies the triangles {u, x, v}, x < v, of the arc {u, x} = ku to
// it and to the arcs {u, v} after it (up to end; pos gives the number of
// the arc {x, v}). The perfect weight of an arc {u, y} is the least of its
// basic weight and, over the other upper neighbours z of u, the basic
// weight of u → z plus the perfect weight of z → y (a shortest path leaves
// u by a supergraph arc whose basic weight is the lower part of the path,
// then continues between two upper neighbours of u, whose arc is perfect by
// then). Every candidate is a sum of the same two operands whatever the
// order in which the passes meet it, so the result does not depend on that
// order, and Updater's partial passes reproduce it bit for bit.
func (cu *customizer) upper(ku, end int32, pos []int32) {
	pw, wt := cu.pw, cu.wt
	bux, bxu := wt[ku][0], wt[ku][1] // u→x, x→u (basic)
	ux, xu := pw[ku][0], pw[ku][1]
	hs := cu.c.head[ku+1 : end]
	bs := wt[ku+1 : end]
	ws := pw[ku+1 : end]
	bs, ws = bs[:len(hs)], ws[:len(hs)]
	for j, v := range hs {
		t := &pw[pos[v]] // arc {x, v}
		xv, vx := t[0], t[1]
		if s := bs[j][0] + vx; s < ux { // u→v→x
			ux = s
		}
		if s := xv + bs[j][1]; s < xu { // x→v→u
			xu = s
		}
		w := &ws[j]                  // arc {u, v}
		if s := bux + xv; s < w[0] { // u→x→v
			w[0] = s
		}
		if s := vx + bxu; s < w[1] { // v→x→u
			w[1] = s
		}
	}
	pw[ku][0], pw[ku][1] = ux, xu
}

// upperDense is upper with the perfect weights of the arcs {x, v} in g, in
// the order of u's arcs after ku: one contiguous pass (upperRow).
func (cu *customizer) upperDense(ku, end int32, g []pair) {
	pw, wt := cu.pw, cu.wt
	bs := wt[ku+1 : end]
	pw[ku][0], pw[ku][1] = upperRow(bs, pw[ku+1:end], g[:len(bs)], wt[ku][0], wt[ku][1], pw[ku][0], pw[ku][1])
}

// retreat moves supernode e back to its previous arc and makes it wait at
// that arc's upper end.
func (cu *customizer) retreat(e int32) {
	w := &cu.node[e]
	w.cur--
	if k := w.cur; k >= w.lo {
		cu.link(e, cu.c.head[k])
	}
}

// frontRows is the number of ranks of a wide supernode whose arcs front
// lowers together: each dense row of the front is read once for all of
// them.
const frontRows = 4

// front runs the top-down pass on the wide supernode s0 .. e whole, once
// the arcs of its upper neighbours (the structure C, e's arcs) are final.
// The perfect weights of the arcs between the nodes of C are gathered
// first in a dense upper triangle, the front; then the ranks of the
// supernode, highest first, in blocks of frontRows, each take every upper
// neighbour x from the highest down: the front's row of x for x in C, x's
// own arcs (which are final once the ranks above x in the supernode are
// done) for x in the supernode. With two, the blocks alternate between two
// goroutines, and a block waits for the one above it before it takes an x
// of it.
func (cu *customizer) front(s0, e int32, sc *scratch, two bool) {
	c := cu.c
	first, head, pw := c.first, c.head, cu.pw
	cs := head[first[e]:first[e+1]]
	m := len(cs)
	// The front: row i (the arcs {cs[i], cs[j]}, j > i) at g[at(i):].
	at := func(i int) int { return i*m - i*(i+1)/2 }
	need := at(m)
	if cap(sc.g) < need {
		sc.g = make([]pair, need, need+need/4)
	}
	g := sc.g[:need]
	pos, filled := sc.pos, int32(-1)
	for i, x := range cs {
		// x's arcs are those of the first rank s of its supernode, shifted:
		// pos, filled from s's, places them.
		s := cu.sfirst[x]
		if s != filled {
			for k := first[s]; k < first[s+1]; k++ {
				pos[head[k]] = k - first[s]
			}
			filled = s
		}
		b := first[x] - (x - s)
		gi := g[at(i):at(i+1)]
		for j, v := range cs[i+1:] {
			gi[j] = pw[b+pos[v]]
		}
	}
	nb := (int(e-s0) + frontRows) / frontRows
	var done atomic.Int32 // blocks done, in order
	block := func(k int) {
		hi := e - int32(k*frontRows) // the block's ranks: hi down to lo
		lo := max(hi-frontRows+1, s0)
		for i := m - 1; i >= 0; i-- {
			gi := g[at(i):at(i+1)]
			for u := hi; u >= lo; u-- {
				cu.upperDense(first[u]+(e-u)+int32(i), first[u+1], gi)
			}
		}
		for x := e; x > lo; x-- {
			if kx := int(e-x) / frontRows; kx < k {
				for int(done.Load()) <= kx {
					runtime.Gosched()
				}
			}
			gx := pw[first[x]:first[x+1]]
			for u := min(hi, x-1); u >= lo; u-- {
				cu.upperDense(first[u]+(x-u-1), first[u+1], gx)
			}
		}
		done.Add(1)
	}
	if !two || nb < 2 {
		for k := range nb {
			block(k)
		}
		return
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for k := 1; k < nb; k += 2 {
			block(k)
		}
	}()
	for k := 0; k < nb; k += 2 {
		block(k)
	}
	wg.Wait()
}
