package cch

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
)

// customizer holds the scratch of one customization: the weights of the
// triangle passes and the lists that enumerate the lower neighbours of a
// rank without a stored transpose of the supergraph.
//
// Lower neighbours. In the bottom-up pass, node x waits at the upper end of
// its first arc not yet processed (node[x].cur): when rank u comes, the
// nodes waiting at u are exactly its lower neighbours, and each moves on to
// the upper end of its next arc. node[x].next links the nodes waiting at
// one rank, wait[u] is the first of them (-1: none). The top-down pass runs
// the same lists with each node's arcs taken from the last down. A node
// waits at one rank at a time, so the lists need a link per node.
type customizer struct {
	c   *CCH
	wt  []pair   // basic weights
	pw  []pair   // perfect weights
	via []halves // by arc: the arcs the basic weight of each direction came through

	node     []waiter // by rank: see above
	wait     []int32  // by rank: the first node waiting there, -1 if none
	top      []bool   // by rank: in the top part of the elimination tree (see parallel)
	groups   [][]int32
	topRanks []int32
	xs       []int32 // scratch of the top part: the lower neighbours of a rank

	// Scratch of parallel, kept across its passes: each goroutine's pos
	// array (the first also serves the top part) and, without groups, all
	// the ranks in order.
	pos [][]int32
	all []int32
}

// waiter is the state of a node in the lists: its current arc cur among
// its arcs lo .. end-1, and the next node waiting at the same rank. The
// four share a cache line.
type waiter struct{ cur, lo, end, next int32 }

// halves holds, for each direction of a supergraph arc {u, v}, the lower
// triangle {x, u, v} that gave its basic weight: 1 + x (0 for an input
// arc), the number of the arc {x, u} and that of the arc {x, v}.
type halves [2]triangle

type triangle struct{ x, xu, xv int32 }

// pair holds the two directions of a supergraph arc {lo, hi}: lo → hi, then
// hi → lo.
type pair [2]float64

func newCustomizer(c *CCH, wt []pair) *customizer {
	n := int32(len(c.order))
	cu := &customizer{c: c, wt: wt, via: make([]halves, len(wt)),
		node: make([]waiter, n), wait: make([]int32, n)}
	for r := range cu.wait {
		cu.wait[r] = -1
		cu.node[r] = waiter{lo: c.first[r], end: c.first[r+1]}
	}
	if runtime.GOMAXPROCS(0) >= 2 && n >= 4096 {
		cu.groups, cu.topRanks = c.subtrees(max(n/int32(4*runtime.GOMAXPROCS(0)), 1024))
		cu.top = make([]bool, n)
		for _, r := range cu.topRanks {
			cu.top[r] = true
		}
	}
	return cu
}

// pass processes ranks (a group or the top part, in increasing rank) with
// its own pos scratch. A bottom-up pass run on a group (grouped) must not
// touch the lists of top ranks: it returns the nodes that would wait at one
// (appended to deferred), and they are linked in before the top part runs.
type pass func(ctx context.Context, ranks, pos []int32, grouped bool, deferred []int32) ([]int32, error)

// topPass processes the top part (see parallel); it may share a rank's
// work between goroutines.
type topPass func(ctx context.Context, ranks, pos []int32) error

// parallel runs p over all ranks. The elimination tree splits into a top
// part (the nodes whose subtrees hold more than a share of the nodes: the
// upper separators) and the subtrees hanging below it, which touch disjoint
// arcs and disjoint lists; the subtrees run on separate goroutines (at most
// GOMAXPROCS at once), the top part alone, after them for a bottom-up pass
// and before them for a top-down one.
func (cu *customizer) parallel(ctx context.Context, p pass, tp topPass, topDown bool) error {
	c := cu.c
	n := int32(len(c.order))
	procs := 1
	if cu.top != nil {
		procs = min(runtime.GOMAXPROCS(0), len(cu.groups))
	}
	for len(cu.pos) < max(procs, 1) {
		cu.pos = append(cu.pos, make([]int32, n))
	}
	pos := cu.pos[0]
	if cu.top == nil {
		if cu.all == nil {
			cu.all = make([]int32, n)
			for r := range cu.all {
				cu.all[r] = int32(r)
			}
		}
		_, err := p(ctx, cu.all, pos, false, nil)
		return err
	}
	if topDown {
		if err := tp(ctx, cu.topRanks, pos); err != nil {
			return err
		}
	}
	work := make(chan []int32, len(cu.groups))
	for _, r := range cu.groups {
		work <- r
	}
	close(work)
	errs := make([]error, procs)
	deferred := make([][]int32, procs)
	var wg sync.WaitGroup
	for i := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pos := cu.pos[i]
			for r := range work {
				d, err := p(ctx, r, pos, true, deferred[i])
				deferred[i] = d
				if err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if topDown {
		return nil
	}
	for _, d := range deferred {
		for _, x := range d {
			cu.link(x, c.head[cu.node[x].cur])
		}
	}
	return tp(ctx, cu.topRanks, pos)
}

// link makes x wait at rank v.
func (cu *customizer) link(x, v int32) {
	cu.node[x].next = cu.wait[v]
	cu.wait[v] = x
}

// subtrees splits the elimination forest: top lists, in increasing rank,
// the nodes whose subtrees hold more than limit nodes (a set closed under
// parents); groups are the subtrees hanging below them, each as its ranks
// in increasing order, largest first.
func (c *CCH) subtrees(limit int32) (groups [][]int32, top []int32) {
	n := int32(len(c.order))
	size := make([]int32, n)
	for r := range n {
		size[r]++
		if p := c.up[r]; p >= 0 {
			size[p] += size[r]
		}
	}
	id := make([]int32, n) // group of each rank, -1 for top
	var sizes []int32
	for r := n - 1; r >= 0; r-- {
		p := c.up[r]
		switch {
		case size[r] > limit:
			id[r] = -1
		case p < 0 || id[p] < 0:
			id[r] = int32(len(sizes))
			sizes = append(sizes, size[r])
		default:
			id[r] = id[p]
		}
	}
	all := make([]int32, n)
	at := make([]int32, len(sizes)+1)
	for g, sz := range sizes {
		at[g+1] = at[g] + sz
	}
	next := slices.Clone(at[:len(sizes)])
	for r := range n {
		if g := id[r]; g >= 0 {
			all[next[g]] = r
			next[g]++
		}
	}
	for g := range sizes {
		groups = append(groups, all[at[g]:at[g+1]])
	}
	top = all[at[len(sizes)]:at[len(sizes)]]
	for r := range n {
		if id[r] < 0 {
			top = append(top, r)
		}
	}
	slices.SortFunc(groups, func(a, b []int32) int { return len(b) - len(a) })
	return groups, top
}

// basic runs the lower-triangle pass on ranks, bottom up: the arcs of u
// take the triangles {x, u, v}, x < u < v, whose arcs {x, u} and {x, v} are
// final by then. The lower neighbours x come from the lists.
func (cu *customizer) basic(ctx context.Context, ranks, pos []int32, grouped bool, deferred []int32) ([]int32, error) {
	first, head := cu.c.first, cu.c.head
	wait, node := cu.wait, cu.node
	for i, u := range ranks {
		if i&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return deferred, err
			}
		}
		lo, hi := first[u], first[u+1]
		for k := lo; k < hi; k++ {
			pos[head[k]] = k - lo
		}
		for x := wait[u]; x >= 0; {
			nx := node[x].next
			cu.lower(x, lo, hi, pos, 0, math.MaxInt32)
			deferred = cu.advance(x, grouped, deferred)
			x = nx
		}
		wait[u] = -1
		if lo < hi {
			node[u].cur = lo - 1
			deferred = cu.advance(u, grouped, deferred)
		}
	}
	return deferred, nil
}

// splitWork is the number of triangles at one rank above which the top
// part shares the rank's work between two goroutines.
var splitWork int32 = 1 << 14 // a variable for the tests

// basicTop is basic for the top part of the elimination tree, where the
// subtrees give no parallelism: when a rank has enough triangles, a second
// goroutine takes those whose upper node v lies in the upper half of the
// rank's arcs (the two write disjoint arcs).
func (cu *customizer) basicTop(ctx context.Context, ranks, pos []int32) error {
	first, head := cu.c.first, cu.c.head
	wait, node := cu.wait, cu.node
	var wg sync.WaitGroup
	for i, u := range ranks {
		if i&255 == 255 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		lo, hi := first[u], first[u+1]
		for k := lo; k < hi; k++ {
			pos[head[k]] = k - lo
		}
		xs, work := cu.xs[:0], int32(0)
		for x := wait[u]; x >= 0; x = node[x].next {
			xs = append(xs, x)
			work += node[x].end - node[x].cur - 1
		}
		cu.xs = xs
		if work >= splitWork && hi-lo >= 2 && runtime.GOMAXPROCS(0) >= 2 {
			split := head[lo+(hi-lo)/2]
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, x := range xs {
					cu.lower(x, lo, hi, pos, split, math.MaxInt32)
				}
			}()
			for _, x := range xs {
				cu.lower(x, lo, hi, pos, 0, split)
			}
			wg.Wait()
		} else {
			for _, x := range xs {
				cu.lower(x, lo, hi, pos, 0, math.MaxInt32)
			}
		}
		for _, x := range xs {
			cu.advance(x, false, nil)
		}
		wait[u] = -1
		if lo < hi {
			node[u].cur = lo - 1
			cu.advance(u, false, nil)
		}
	}
	return nil
}

// lower applies to the arcs of u (lo .. hi-1, indexed through pos) the
// triangles {x, u, v} through the lower neighbour x whose upper node v lies
// in [vlo, vhi).
func (cu *customizer) lower(x, lo, hi int32, pos []int32, vlo, vhi int32) {
	head, wt := cu.c.head, cu.wt
	kx, end := cu.node[x].cur, cu.node[x].end // kx is the arc {x, u}
	xu, ux := wt[kx][0], wt[kx][1]            // x→u, u→x
	if math.IsInf(ux, 1) && math.IsInf(xu, 1) {
		return
	}
	hs := head[kx+1 : end]
	a, b := 0, len(hs)
	if vlo > 0 {
		a, _ = slices.BinarySearch(hs, vlo)
	}
	if vhi < math.MaxInt32 {
		b, _ = slices.BinarySearch(hs, vhi)
	}
	base := kx + 1 + int32(a)
	lowerTriangles(hs[a:b], wt[base:kx+1+int32(b)], pos, wt[lo:hi], cu.via[lo:hi], ux, xu, x, kx, base)
}

// advance moves x on to its next arc and makes it wait at that arc's upper
// end; in a group (grouped), an end in the top part is appended to deferred
// instead.
func (cu *customizer) advance(x int32, grouped bool, deferred []int32) []int32 {
	w := &cu.node[x]
	w.cur++
	if k := w.cur; k < w.end {
		if v := cu.c.head[k]; grouped && cu.top[v] {
			deferred = append(deferred, x)
		} else {
			cu.link(x, v)
		}
	}
	return deferred
}

// lowerTriangles improves the arcs of u (wu, vu; pos gives the index of
// the arc to v there) through the triangles {x, u, v} of the arcs {x, v} in
// hs and ws (numbered from base on), x < u < v, given the arc kx = {x, u}:
// u → x (ux) and x → u (xu).
func lowerTriangles(hs []int32, ws []pair, pos []int32, wu []pair, vu []halves, ux, xu float64, x, kx, base int32) {
	ws = ws[:len(hs)]
	for j, v := range hs {
		k := pos[v]
		t := &wu[k]
		// A tie goes to the lowest middle node, whatever the order of the
		// lower neighbours: with zero-weight arcs, an arbitrary choice
		// unpacks into paths of many more arcs (7× on BerlinCenter).
		if s := ux + ws[j][0]; s <= t[0] && (s < t[0] || x+1 < vu[k][0].x) { // u→x→v
			t[0] = s
			vu[k][0] = triangle{x + 1, kx, base + int32(j)}
		}
		if s := ws[j][1] + xu; s <= t[1] && (s < t[1] || x+1 < vu[k][1].x) { // v→x→u
			t[1] = s
			vu[k][1] = triangle{x + 1, kx, base + int32(j)}
		}
	}
}

// startTopDown makes every node wait at the upper end of its last arc.
func (cu *customizer) startTopDown() {
	c := cu.c
	for r := range cu.wait {
		cu.wait[r] = -1
	}
	for u := range int32(len(c.order)) {
		if lo, hi := c.first[u], c.first[u+1]; lo < hi {
			cu.node[u].cur = hi - 1
			cu.link(u, c.head[hi-1])
		}
	}
}

// perfect runs the upper- and intermediate-triangle pass on ranks, top
// down: for each x, each triangle {u, x, v}, u < x < v, improves the arcs
// {u, x} and {u, v} through the arc {x, v}, which is final by then (it can
// only improve through triangles whose middle node is above x). The lower
// neighbours u come from the lists (startTopDown); a node only ever waits at
// an ancestor, so no group links into another.
func (cu *customizer) perfect(ctx context.Context, ranks, pos []int32, _ bool, deferred []int32) ([]int32, error) {
	first, head := cu.c.first, cu.c.head
	wait, node := cu.wait, cu.node
	for ix := len(ranks) - 1; ix >= 0; ix-- {
		x := ranks[ix]
		if ix&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return deferred, err
			}
		}
		for k := first[x]; k < first[x+1]; k++ {
			pos[head[k]] = k
		}
		for u := wait[x]; u >= 0; {
			nu := node[u].next
			cu.upper(u, pos)
			cu.retreat(u)
			u = nu
		}
		wait[x] = -1
	}
	return deferred, nil
}

// perfectTop is perfect for the top part of the elimination tree: when a
// rank x has enough triangles, its lower neighbours are shared between two
// goroutines (each writes only the arcs of its own lower neighbours).
func (cu *customizer) perfectTop(ctx context.Context, ranks, pos []int32) error {
	first, head := cu.c.first, cu.c.head
	wait, node := cu.wait, cu.node
	var wg sync.WaitGroup
	for ix := len(ranks) - 1; ix >= 0; ix-- {
		x := ranks[ix]
		if ix&255 == 255 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for k := first[x]; k < first[x+1]; k++ {
			pos[head[k]] = k
		}
		us, work := cu.xs[:0], int32(0)
		for u := wait[x]; u >= 0; u = node[u].next {
			us = append(us, u)
			work += node[u].end - node[u].cur - 1
		}
		cu.xs = us
		if work >= splitWork && len(us) >= 2 && runtime.GOMAXPROCS(0) >= 2 {
			half, acc := len(us)-1, int32(0)
			for i, u := range us {
				if acc += node[u].end - node[u].cur - 1; 2*acc >= work {
					half = max(i, 1)
					break
				}
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, u := range us[:half] {
					cu.upper(u, pos)
				}
			}()
			for _, u := range us[half:] {
				cu.upper(u, pos)
			}
			wg.Wait()
		} else {
			for _, u := range us {
				cu.upper(u, pos)
			}
		}
		for _, u := range us {
			cu.retreat(u)
		}
		wait[x] = -1
	}
	return nil
}

// upper applies the triangles {u, x, v}, x < v, of the arc {u, x} = cur[u]
// to it and to the arcs {u, v} (pos gives the number of the arc {x, v}).
// The perfect weight of an arc {u, y} is the least of its basic weight and,
// over the other upper neighbours z of u, the basic weight of u → z plus the
// perfect weight of z → y (a shortest path leaves u by a supergraph arc
// whose basic weight is the lower part of the path, then continues between
// two upper neighbours of u, whose arc is perfect by then). Every candidate
// is a sum of the same two operands whatever the order in which the passes
// meet it, so the result does not depend on that order, and Updater's
// partial passes reproduce it bit for bit.
func (cu *customizer) upper(u int32, pos []int32) {
	pw, wt := cu.pw, cu.wt
	ku, end := cu.node[u].cur, cu.node[u].end
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

// retreat moves u back to its previous arc and makes it wait at that arc's
// upper end.
func (cu *customizer) retreat(u int32) {
	w := &cu.node[u]
	w.cur--
	if k := w.cur; k >= w.lo {
		cu.link(u, cu.c.head[k])
	}
}
