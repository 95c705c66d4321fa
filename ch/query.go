package ch

import (
	"math"

	"github.com/caravan-transport/caravan/csr"
)

// Query answers point-to-point queries on one Hierarchy with a bidirectional
// Dijkstra search upwards from both ends, with stall-on-demand. It keeps its
// arrays between queries and resets only the entries the last query
// touched, so after the first query a Distance call allocates nothing and
// costs time in proportion to the search spaces only. A Query is not safe
// for concurrent use; give each goroutine its own.
type Query struct {
	h *Hierarchy
	// Distances by rank, +Inf when not reached; preds are the records of the
	// arcs the nodes were reached by (-1 at the source).
	fdist, bdist []float64
	fpred, bpred []int32
	touched      []int32 // ranks whose entries the last query set
	hf, hb       csr.MinHeap
	meet         int32 // rank where the best path turns, or -1
	stack        []int32
	recs         []int32

	// Settled counts the nodes both directions of the last query settled
	// (stalled ones included).
	Settled int
}

// NewQuery returns a Query on h.
func NewQuery(h *Hierarchy) *Query {
	return &Query{h: h, meet: -1}
}

// Hierarchy returns the hierarchy the Query runs on.
func (q *Query) Hierarchy() *Hierarchy { return q.h }

func (q *Query) begin() {
	n := len(q.h.order)
	if len(q.fdist) != n {
		q.fdist = make([]float64, n)
		q.bdist = make([]float64, n)
		q.fpred = make([]int32, n)
		q.bpred = make([]int32, n)
		for i := range q.fdist {
			q.fdist[i], q.bdist[i] = math.Inf(1), math.Inf(1)
		}
		q.touched = q.touched[:0]
	}
	inf := math.Inf(1)
	for _, r := range q.touched {
		q.fdist[r], q.bdist[r] = inf, inf
	}
	q.touched = q.touched[:0]
	q.hf.Reset()
	q.hb.Reset()
	q.meet = -1
	q.Settled = 0
}

// Distance returns the length of a shortest path from s to t, or +Inf if t
// cannot be reached. s and t are nodes of the graph (0..N-1); it panics on
// others. Query.Path then gives the path.
func (q *Query) Distance(s, t int32) float64 {
	q.begin()
	h := q.h
	rs, rt := h.rank[s], h.rank[t]
	fdist, bdist, fpred, bpred := q.fdist, q.bdist, q.fpred, q.bpred
	fdist[rs], fpred[rs] = 0, -1
	bdist[rt], bpred[rt] = 0, -1
	touched := append(q.touched, rs, rt)
	q.hf.Push(0, rs)
	q.hb.Push(0, rt)
	best, meet := math.Inf(1), int32(-1)
	upFirst, up := h.upFirst, h.up
	downFirst, down := h.downFirst, h.down
	settled := 0
	for {
		kf, kb := math.Inf(1), math.Inf(1)
		if !q.hf.Empty() {
			kf = q.hf.MinKey()
		}
		if !q.hb.Empty() {
			kb = q.hb.MinKey()
		}
		if kf >= best && kb >= best {
			break
		}
		if kf <= kb {
			// Forward: settle u, relax arcs up from u; stall u if a higher
			// node y with an arc y → u reaches it more cheaply.
			it := q.hf.Pop()
			u, d := it.Node, it.Key
			if d > fdist[u] {
				continue
			}
			settled++
			if c := d + bdist[u]; c < best {
				best, meet = c, u
			}
			if stalled(fdist, down[downFirst[u]:downFirst[u+1]], d) {
				continue
			}
			for _, a := range up[upFirst[u]:upFirst[u+1]] {
				nd := d + a.w
				x := a.head
				if nd < fdist[x] {
					if math.IsInf(fdist[x], 1) && math.IsInf(bdist[x], 1) {
						touched = append(touched, x)
					}
					fdist[x], fpred[x] = nd, a.rec
					if nd < best {
						q.hf.Push(nd, x)
					}
				}
			}
		} else {
			// Backward: the mirror image over down arcs.
			it := q.hb.Pop()
			u, d := it.Node, it.Key
			if d > bdist[u] {
				continue
			}
			settled++
			if c := d + fdist[u]; c < best {
				best, meet = c, u
			}
			if stalled(bdist, up[upFirst[u]:upFirst[u+1]], d) {
				continue
			}
			for _, a := range down[downFirst[u]:downFirst[u+1]] {
				nd := d + a.w
				x := a.head
				if nd < bdist[x] {
					if math.IsInf(fdist[x], 1) && math.IsInf(bdist[x], 1) {
						touched = append(touched, x)
					}
					bdist[x], bpred[x] = nd, a.rec
					if nd < best {
						q.hb.Push(nd, x)
					}
				}
			}
		}
	}
	q.touched = touched
	q.meet = meet
	q.Settled = settled
	return best
}

// stalled reports whether a node at distance d is reached more cheaply
// through one of arcs (which lead to higher nodes, searched in the same
// direction): then its label is not a shortest distance and its arcs need
// not be relaxed.
func stalled(dist []float64, arcs []arc, d float64) bool {
	for _, a := range arcs {
		if dist[a.head]+a.w < d {
			return true
		}
	}
	return false
}

// Path appends to buf the arcs (csr arc numbers of the graph) of the path
// the last Distance call found, in order from s, and returns the extended
// slice. It returns buf unchanged when t was not reached or s == t. After
// warm-up it allocates only if buf must grow.
func (q *Query) Path(buf []int32) []int32 {
	if q.meet < 0 {
		return buf
	}
	h := q.h
	// Hierarchy arcs from s up to meet, collected backwards, then from meet
	// down to t.
	q.recs = q.recs[:0]
	for u := q.meet; ; {
		r := q.fpred[u]
		if r < 0 {
			break
		}
		q.recs = append(q.recs, r)
		u = h.recTail[r]
	}
	for i, j := 0, len(q.recs)-1; i < j; i, j = i+1, j-1 {
		q.recs[i], q.recs[j] = q.recs[j], q.recs[i]
	}
	for u := q.meet; ; {
		r := q.bpred[u]
		if r < 0 {
			break
		}
		q.recs = append(q.recs, r)
		u = h.recHead[r]
	}
	for _, r := range q.recs {
		buf = q.unpack(r, buf)
	}
	return buf
}

// unpack appends the original arcs record r stands for.
func (q *Query) unpack(r int32, buf []int32) []int32 {
	recs := q.h.recs
	st := append(q.stack[:0], r)
	for len(st) > 0 {
		r := st[len(st)-1]
		st = st[:len(st)-1]
		rc := recs[r]
		if rc.b < 0 {
			buf = append(buf, rc.a)
			continue
		}
		st = append(st, rc.b, rc.a)
	}
	q.stack = st
	return buf
}
