package cch

import (
	"math"
	"slices"
)

// supernodes returns the first rank of the supernode of each rank (see
// customizer): rank r joins the supernode of r-1 when it is the
// elimination-tree parent of r-1 and has one arc fewer (the arcs of r-1 are
// then r followed by the arcs of r), and both lie in the top part of the
// tree or neither (top: see customizer.parallel; nil, no parts). Without
// on, every rank is a supernode of its own.
func (c *CCH) supernodes(top []bool, on bool) []int32 {
	n := int32(len(c.order))
	sf := make([]int32, n)
	for r := range n {
		sf[r] = r
		if on && r > 0 && c.up[r-1] == r && c.first[r]-c.first[r-1] == c.first[r+1]-c.first[r]+1 && (top == nil || top[r-1] == top[r]) {
			sf[r] = sf[r-1]
		}
	}
	return sf
}

// pullRows bounds the upper neighbours of a wide supernode that pullDense
// serves at once: each of its ranks' arcs is read once for all of them.
const pullRows = 16

// span returns the upper neighbours of the supernode e waiting at u that
// pull serves at once: 1 for a narrow supernode, else those from u on that
// lie in u's own supernode, at most pullRows. The arcs of those ranks are
// u's shifted by the ranks between (see customizer), so that pos, filled
// for u, places them too.
func (cu *customizer) span(e, u int32) int32 {
	if e-cu.sfirst[e]+1 < cu.denseMin {
		return 1
	}
	first, head := cu.c.first, cu.c.head
	k, end := cu.node[e].cur, first[e+1]
	s := cu.sfirst[u]
	b := int32(1)
	for b < pullRows && k+b < end && cu.sfirst[head[k+b]] == s {
		b++
	}
	return b
}

// pullDense is pull for the wide supernode s0 .. e whose a-th to
// (a+b-1)-th upper neighbours are u and b-1 more ranks of u's supernode:
// its ranks' candidates for the arcs of each of them (to e's upper
// neighbours after it, in [vlo, vhi)) are gathered in dense rows, one
// contiguous pass over the arcs of each rank of the supernode for all b,
// lowest rank first (so that a tie keeps the lowest), then compared with
// the arcs once.
func (cu *customizer) pullDense(s0, e, a, u, b int32, pos []int32, sc *scratch, vlo, vhi int32) {
	first, head, wt := cu.c.first, cu.c.head, cu.wt
	hs := head[first[e]:first[e+1]] // e's upper neighbours; hs[a] is u
	jlo, jb := band(hs, vlo, vhi)
	// Row i serves hs[a+i]: the entries ja[i] .. jb-1 of hs, at t[at[i]:].
	var ja, at [pullRows + 1]int32
	for i := range b {
		ja[i] = max(a+i+1, jlo)
		at[i+1] = at[i] + max(jb-ja[i], 0)
	}
	if at[b] == 0 {
		return
	}
	t, tv := sc.row(int(at[b]))
	// The first rank of the supernode sets the rows (setRow), the others
	// lower them: a candidate of +Inf, where the first rank has no arc, is
	// never taken below.
	for x := s0; x <= e; x++ {
		bx := first[x] + (e - x) // x's arcs from here on are e's
		for i := range b {
			if ja[i] >= jb {
				break
			}
			xu, ux := wt[bx+a+i][0], wt[bx+a+i][1]
			if x == s0 {
				setRow(t[at[i]:at[i+1]], tv[at[i]:at[i+1]], wt[bx+ja[i]:bx+jb], ux, xu, int64(x))
				continue
			}
			if math.IsInf(ux, 1) && math.IsInf(xu, 1) {
				continue
			}
			minPlusRow(t[at[i]:at[i+1]], tv[at[i]:at[i+1]], wt[bx+ja[i]:bx+jb], ux, xu, int64(x))
		}
	}
	// The place among u's arcs of each upper neighbour of the rows, the
	// same for every row (row i's entries are the last of row 0's).
	width := jb - ja[0]
	if cap(sc.cols) < int(width) {
		sc.cols = make([]int32, width, width+width/2)
	}
	cols := sc.cols[:width]
	for j, v := range hs[ja[0]:jb] {
		cols[j] = pos[v]
	}
	inf := math.Inf(1)
	for i := range b {
		if ja[i] >= jb {
			break
		}
		ui := hs[a+i]
		lo := first[ui] - (ui - u) // pos is u's: ui's arcs are shifted
		wu, vu := wt[lo:first[ui+1]], cu.via[lo:first[ui+1]]
		ti, tvi := t[at[i]:at[i+1]], tv[at[i]:at[i+1]]
		for j, k := range cols[ja[i]-ja[0]:] {
			w, h := &wu[k], &vu[k]
			// Ties as in lowerTriangles: the lowest middle node.
			for d := range 2 {
				x := int32(tvi[j][d])
				if s := ti[j][d]; s != inf && s <= w[d] && (s < w[d] || x+1 < h[d].x) {
					bx := first[x] + (e - x)
					w[d], h[d] = s, triangle{x + 1, bx + a + i, bx + ja[i] + int32(j)}
				}
			}
		}
	}
}

// band returns the indices [a, b) of the sorted upper neighbours hs that
// lie in [vlo, vhi); vlo 0 and vhi math.MaxInt32 leave that end open.
func band(hs []int32, vlo, vhi int32) (a, b int32) {
	a, b = 0, int32(len(hs))
	if vlo > 0 {
		j, _ := slices.BinarySearch(hs, vlo)
		a = int32(j)
	}
	if vhi < math.MaxInt32 {
		j, _ := slices.BinarySearch(hs, vhi)
		b = int32(j)
	}
	return a, b
}

// row returns sc's dense row of m entries.
func (sc *scratch) row(m int) ([]pair, [][2]int64) {
	if cap(sc.t) < m {
		sc.t = make([]pair, m, m+m/2)
		sc.tv = make([][2]int64, m, m+m/2)
	}
	return sc.t[:m], sc.tv[:m]
}

// internal applies to the arcs of u whose upper node lies in [vlo, vhi)
// the lower triangles through the ranks x below u in its supernode, lowest
// first: the arcs of x above u are u's arcs, in the same order, so each x
// is one contiguous pass over a dense copy of u's arcs (minPlusRow). These
// x are above every lower neighbour that pull gave u, so a tie keeps the
// earlier candidate: only a strictly better one replaces an arc's weight
// and middle node.
func (cu *customizer) internal(u int32, sc *scratch, vlo, vhi int32) {
	s0 := cu.sfirst[u]
	if s0 == u {
		return
	}
	first, head, wt, via := cu.c.first, cu.c.head, cu.wt, cu.via
	lo, hi := first[u], first[u+1]
	ia, ib := band(head[lo:hi], vlo, vhi)
	ia, ib = lo+ia, lo+ib
	if ia >= ib {
		return
	}
	wu, vu := wt[ia:ib], via[ia:ib]
	t, tv := sc.row(len(wu))
	copy(t, wu)
	for j := range tv {
		tv[j] = [2]int64{-1, -1}
	}
	for x := s0; x < u; x++ {
		kx := first[x] + (u - x - 1) // the arc {x, u}
		xu, ux := wt[kx][0], wt[kx][1]
		if math.IsInf(ux, 1) && math.IsInf(xu, 1) {
			continue
		}
		base := kx + 1 + (ia - lo) // the arc {x, head[ia]}
		minPlusRow(t, tv, wt[base:base+(ib-ia)], ux, xu, int64(x))
	}
	for j := range t {
		for d := range 2 {
			if x := int32(tv[j][d]); x >= 0 {
				kx := first[x] + (u - x - 1)
				wu[j][d] = t[j][d]
				vu[j][d] = triangle{x + 1, kx, kx + 1 + (ia - lo) + int32(j)}
			}
		}
	}
}
