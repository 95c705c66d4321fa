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
// Supernodes. Consecutive ranks x, x+1, ..., e form a supernode when each
// is the elimination-tree parent of the one before and has one upper
// neighbour fewer: the arcs of each rank of the supernode are then the
// ranks above it in the supernode followed by the arcs of e (its
// structure), in that order, so that the arcs of two of its ranks to the
// same upper node lie at the same distance from the end of their lists,
// and the arcs of the supernode form a dense trapezoid of both directions'
// weights. The upper separators of a nested-dissection order, which hold
// most of the triangles, are such supernodes of tens to hundreds of ranks
// (on the 1M roadgrid with street classes, 86 % of the triangles lie in
// supernodes of more than 32 ranks).
//
// Bottom up, a rank takes its lower triangles from the ranks below it in
// its supernode by streaming their arcs beside its own, with no index
// lookups (internal); outside it, a supernode moves as one lower neighbour
// through the upper ranks of e's arcs, and a wide one (denseMin ranks or
// more) gathers its candidates for up to pullRows of them at once in dense
// rows, one contiguous pass over each of its ranks' arcs, then compares
// them with their arcs once (pullDense). Top down, a wide supernode is
// processed whole (front): the perfect weights between the nodes of its
// structure are gathered into a dense triangle, and its ranks run through
// it in blocks of frontRows. Narrow supernodes go rank by rank as before.
//
// Lower neighbours. In the bottom-up pass, a supernode (named by its last
// rank e) waits at the upper end of e's first arc not yet processed
// (node[e].cur): when rank u comes, the supernodes waiting at u hold
// exactly its lower neighbours outside u's own supernode, and each moves on
// to the upper end of e's next arc. node[e].next links the supernodes
// waiting at one rank, wait[u] is the first of them (-1: none). The
// top-down pass runs the same lists (narrow supernodes only) with e's arcs
// taken from the last down. A supernode waits at one rank at a time, so
// the lists need a link per rank.
type customizer struct {
	c   *CCH
	wt  []pair   // basic weights
	pw  []pair   // perfect weights
	via []halves // by arc: the arcs the basic weight of each direction came through

	node     []waiter // by rank: see above
	wait     []int32  // by rank: the first supernode waiting there, -1 if none
	top      []bool   // by rank: in the top part of the elimination tree (see parallel)
	groups   [][]int32
	topRanks []int32
	// sfirst is the first rank of the supernode of each rank (see above);
	// a rank whose sfirst is itself and whose successor's is not it is a
	// supernode of one rank.
	sfirst     []int32
	denseMin   int32  // the width from which a supernode goes through dense scratch
	supernodal bool   // the setting sfirst was made with
	dense      []bool // by rank: in a supernode of denseMin ranks or more

	// Scratch of parallel, kept across its passes: one per goroutine (the
	// first also serves the top part) and, without groups, all the ranks
	// in order.
	sc  []*scratch
	all []int32

	// spare holds, by block, the blocks of a Metric handed back to a
	// Workspace, whose arrays compact reuses (see Workspace.Recycle).
	spare []*mblock
}

// scratch is the working memory of one goroutine of a pass.
type scratch struct {
	pos []int32 // by rank: the place of an upper neighbour among a rank's arcs
	// Dense rows: a wide supernode's candidates for the arcs of a few
	// ranks (pullDense), or a copy of a rank's arcs (internal), with the
	// rank of the supernode that gave each (tv, -1: none).
	t  []pair
	tv [][2]int64
	// The work of a rank in the top-down pass (see rowsAt), and the dense
	// triangle of a front (see front).
	rows []row
	g    []pair
	xs   []int32 // the supernodes waiting at a rank
	bs   []int32 // and the upper neighbours each serves at once (see span)
	cols []int32 // the places among a rank's arcs of a dense row's entries (see pullDense)
}

// waiter is the state of a supernode, at its last rank, in the lists: its
// current arc cur among its arcs lo .. end-1, and the next supernode
// waiting at the same rank. The four share a cache line.
type waiter struct{ cur, lo, end, next int32 }

// halves holds, for each direction of a supergraph arc {u, v}, the lower
// triangle {x, u, v} that gave its basic weight: 1 + x (0 for an input
// arc), the number of the arc {x, u} and that of the arc {x, v}.
type halves [2]triangle

type triangle struct{ x, xu, xv int32 }

// pair holds the two directions of a supergraph arc {lo, hi}: lo → hi, then
// hi → lo.
type pair [2]float64

// Package settings, variables for the tests.
var (
	// splitWork is the number of triangles at one rank above which the
	// top part shares the rank's work between two goroutines.
	splitWork int32 = 1 << 14
	// supernodal groups ranks into supernodes; without it every rank is
	// its own, and customization runs rank by rank as it did before
	// supernodes (the reference of the tests).
	supernodal = true
	// denseMin is the width from which a supernode's work outside itself
	// goes through dense scratch rows.
	denseMin int32 = 4
)

// newCustomizer returns the customizer of c for the input weights wt. With
// old, a customizer of the same CCH whose customization has ended, its
// arrays are reset and reused, and what does not depend on the weights
// (the parts of the tree, the supernodes) is kept (see Workspace).
func newCustomizer(c *CCH, wt []pair, old *customizer) *customizer {
	n := int32(len(c.order))
	if cu := old; cu != nil && cu.c == c && len(cu.via) == len(wt) && cu.denseMin == denseMin && cu.supernodal == supernodal {
		cu.wt = wt
		onTwo(len(cu.via), func(lo, hi int) { clear(cu.via[lo:hi]) })
		cu.resetLists()
		return cu
	}
	cu := &customizer{c: c, wt: wt, via: makeHuge[halves](len(wt)),
		node: make([]waiter, n), wait: make([]int32, n), denseMin: denseMin, supernodal: supernodal}
	cu.resetLists()
	if runtime.GOMAXPROCS(0) >= 2 && n >= 4096 {
		cu.groups, cu.topRanks = c.subtrees(max(n/int32(4*runtime.GOMAXPROCS(0)), 1024))
		cu.top = make([]bool, n)
		for _, r := range cu.topRanks {
			cu.top[r] = true
		}
	}
	cu.sfirst = c.supernodes(cu.top, supernodal)
	cu.dense = make([]bool, n)
	for r := n - 1; r >= 0; {
		s0 := cu.sfirst[r]
		for x := s0; x <= r; x++ {
			cu.dense[x] = r-s0+1 >= cu.denseMin
		}
		r = s0 - 1
	}
	return cu
}

// resetLists empties the lists of waiting supernodes: no rank has one
// waiting, and each rank's current arc is its first.
func (cu *customizer) resetLists() {
	first := cu.c.first
	for r := range cu.wait {
		cu.wait[r] = -1
		cu.node[r] = waiter{lo: first[r], end: first[r+1]}
	}
}

// pass processes ranks (a group or the top part, in increasing rank) with
// its own scratch. A bottom-up pass run on a group (grouped) must not touch
// the lists of top ranks: it returns the supernodes that would wait at one
// (appended to deferred), and they are linked in before the top part runs.
type pass func(ctx context.Context, ranks []int32, sc *scratch, grouped bool, deferred []int32) ([]int32, error)

// topPass processes the top part (see parallel); it may share a rank's
// work between goroutines, the second using sc2.
type topPass func(ctx context.Context, ranks []int32, sc, sc2 *scratch) error

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
	for len(cu.sc) < max(procs, 2) {
		cu.sc = append(cu.sc, &scratch{pos: make([]int32, n)})
	}
	sc := cu.sc[0]
	if cu.top == nil {
		if cu.all == nil {
			cu.all = make([]int32, n)
			for r := range cu.all {
				cu.all[r] = int32(r)
			}
		}
		_, err := p(ctx, cu.all, sc, false, nil)
		return err
	}
	if topDown {
		if err := tp(ctx, cu.topRanks, sc, cu.sc[1]); err != nil {
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
			sc := cu.sc[i]
			for r := range work {
				d, err := p(ctx, r, sc, true, deferred[i])
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
	return tp(ctx, cu.topRanks, sc, cu.sc[1])
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

// link makes supernode e wait at rank v.
func (cu *customizer) link(e, v int32) {
	cu.node[e].next = cu.wait[v]
	cu.wait[v] = e
}

// last reports whether u is the last rank of its supernode.
func (cu *customizer) last(u int32) bool {
	return int(u)+1 == len(cu.sfirst) || cu.sfirst[u+1] != cu.sfirst[u]
}

// basic runs the lower-triangle pass on ranks, bottom up: the arcs of u
// take the triangles {x, u, v}, x < u < v, whose arcs {x, u} and {x, v} are
// final by then: first those through the supernodes waiting at u (from the
// lists), then those through the ranks below u in its own supernode.
func (cu *customizer) basic(ctx context.Context, ranks []int32, sc *scratch, grouped bool, deferred []int32) ([]int32, error) {
	first, head := cu.c.first, cu.c.head
	wait, node, pos := cu.wait, cu.node, sc.pos
	for i, u := range ranks {
		if i&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return deferred, err
			}
		}
		lo, hi := first[u], first[u+1]
		if wait[u] >= 0 {
			for k := lo; k < hi; k++ {
				pos[head[k]] = k - lo
			}
		}
		for e := wait[u]; e >= 0; {
			ne := node[e].next
			b := cu.span(e, u)
			cu.pull(e, u, b, pos, sc, 0, math.MaxInt32)
			node[e].cur += b - 1
			deferred = cu.advance(e, grouped, deferred)
			e = ne
		}
		wait[u] = -1
		cu.internal(u, sc, 0, math.MaxInt32)
		if lo < hi && cu.last(u) {
			node[u].cur = lo - 1
			deferred = cu.advance(u, grouped, deferred)
		}
	}
	return deferred, nil
}

// basicTop is basic for the top part of the elimination tree, where the
// subtrees give no parallelism: when a rank has enough triangles, a second
// goroutine (with sc2) takes those whose upper node v lies in the upper
// half of the rank's arcs (the two write disjoint arcs).
func (cu *customizer) basicTop(ctx context.Context, ranks []int32, sc, sc2 *scratch) error {
	first, head := cu.c.first, cu.c.head
	wait, node, pos := cu.wait, cu.node, sc.pos
	var wg sync.WaitGroup
	for i, u := range ranks {
		if i&255 == 255 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		lo, hi := first[u], first[u+1]
		xs, bs, work := sc.xs[:0], sc.bs[:0], int64(u-cu.sfirst[u])*int64(hi-lo)
		for e := wait[u]; e >= 0; e = node[e].next {
			b := cu.span(e, u)
			xs, bs = append(xs, e), append(bs, b)
			work += int64(e-cu.sfirst[e]+1) * int64(b) * int64(node[e].end-node[e].cur-1)
		}
		sc.xs, sc.bs = xs, bs
		if len(xs) > 0 {
			for k := lo; k < hi; k++ {
				pos[head[k]] = k - lo
			}
		}
		run := func(sc *scratch, vlo, vhi int32) {
			for i, e := range xs {
				cu.pull(e, u, bs[i], pos, sc, vlo, vhi)
			}
			cu.internal(u, sc, vlo, vhi)
		}
		if work >= int64(splitWork) && hi-lo >= 2 && runtime.GOMAXPROCS(0) >= 2 {
			split := head[lo+(hi-lo)/2]
			wg.Add(1)
			go func() {
				defer wg.Done()
				run(sc2, split, math.MaxInt32)
			}()
			run(sc, 0, split)
			wg.Wait()
		} else {
			run(sc, 0, math.MaxInt32)
		}
		for i, e := range xs {
			node[e].cur += bs[i] - 1
			cu.advance(e, false, nil)
		}
		wait[u] = -1
		if lo < hi && cu.last(u) {
			node[u].cur = lo - 1
			cu.advance(u, false, nil)
		}
	}
	return nil
}

// pull applies to the arcs of u (pos gives the place of an upper neighbour
// among them) the lower triangles {x, u, v} through the ranks x of the
// supernode e waiting at u whose upper node v lies in [vlo, vhi). A wide
// supernode also gives its triangles to the b-1 upper neighbours of e
// after u (see span).
func (cu *customizer) pull(e, u, b int32, pos []int32, sc *scratch, vlo, vhi int32) {
	first := cu.c.first
	s0 := cu.sfirst[e]
	a := cu.node[e].cur - first[e] // u is e's a-th upper neighbour
	if e-s0+1 >= cu.denseMin {
		cu.pullDense(s0, e, a, u, b, pos, sc, vlo, vhi)
		return
	}
	for x := s0; x <= e; x++ {
		cu.lower(x, first[x]+(e-x)+a, first[x+1], first[u], first[u+1], pos, vlo, vhi)
	}
}

// lower applies to the arcs of u (lo .. hi-1, indexed through pos) the
// triangles {x, u, v} through the lower neighbour x whose upper node v lies
// in [vlo, vhi); kx is the arc {x, u}, end the end of x's arcs.
func (cu *customizer) lower(x, kx, end, lo, hi int32, pos []int32, vlo, vhi int32) {
	head, wt := cu.c.head, cu.wt
	xu, ux := wt[kx][0], wt[kx][1] // x→u, u→x
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

// advance moves supernode e on to its next arc and makes it wait at that
// arc's upper end; in a group (grouped), an end in the top part is
// appended to deferred instead.
func (cu *customizer) advance(e int32, grouped bool, deferred []int32) []int32 {
	w := &cu.node[e]
	w.cur++
	if k := w.cur; k < w.end {
		if v := cu.c.head[k]; grouped && cu.top[v] {
			deferred = append(deferred, e)
		} else {
			cu.link(e, v)
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
