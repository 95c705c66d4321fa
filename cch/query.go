package cch

import (
	"math"

	"github.com/caravan-transport/caravan/csr"
)

// Query answers point-to-point queries on one Metric with an
// elimination-tree search: each direction walks from its end up the chain of
// elimination-tree ancestors (the only nodes an upward search can reach in a
// chordal supergraph) and relaxes their upward arcs, skipping nodes whose
// distance already exceeds the best path found. The chains are walked
// together, lowest rank first, so the best path is known from their first
// common node on. Costs are proportional to the arcs on the two chains; a
// warmed-up Query allocates nothing. A Query is not safe for concurrent
// use; give each goroutine its own.
type Query struct {
	m      *Metric
	df, db []float64  // by rank; +Inf outside the chains of the last query
	fp, bp []int32    // by rank: the rank a node was reached from
	ls, lt int32      // ranks of the last query's ends, -1 before the first
	meet   int32      // rank where the best path turns, or -1
	stack  [][3]int32 // Path's: arcs (from, to, middle) to unpack
	ks     []int32    // Path's: the places of the csr arcs (see unpackAll)
	hf, hb csr.MinHeap

	pending int // Path's: the arcs whose csr arcs are still to find

	// Relaxed counts the arcs the last query relaxed.
	Relaxed int
}

// NewQuery returns a Query on m.
func NewQuery(m *Metric) *Query { return &Query{m: m, ls: -1, lt: -1, meet: -1} }

// Metric returns the metric the Query runs on.
func (q *Query) Metric() *Metric { return q.m }

func (q *Query) begin() {
	c := q.m.c
	n := len(c.order)
	if len(q.df) != n {
		q.df = make([]float64, n)
		q.db = make([]float64, n)
		q.fp = make([]int32, n)
		q.bp = make([]int32, n)
		inf := math.Inf(1)
		for i := range q.df {
			q.df[i], q.db[i] = inf, inf
		}
		q.ls, q.lt = -1, -1
	}
	inf := math.Inf(1)
	up := c.up
	for x := q.ls; x >= 0; x = up[x] {
		q.df[x] = inf
	}
	for x := q.lt; x >= 0; x = up[x] {
		q.db[x] = inf
	}
}

// Distance returns the length of a shortest path from s to t, or +Inf if t
// cannot be reached. s and t are nodes of the graph (0..N-1); it panics on
// others. Query.Path then gives the path.
func (q *Query) Distance(s, t int32) float64 {
	q.begin()
	m := q.m
	c := m.c
	up := c.up
	df, db, fp, bp := q.df, q.db, q.fp, q.bp
	blocks := m.blocks
	x, y := c.rank[s], c.rank[t]
	q.ls, q.lt = x, y
	df[x], fp[x] = 0, -1
	db[y], bp[y] = 0, -1
	best, meet := math.Inf(1), int32(-1)
	relaxed := 0
	for x >= 0 || y >= 0 {
		fwd, bwd := x >= 0 && (y < 0 || x <= y), y >= 0 && (x < 0 || y <= x)
		if fwd && bwd { // a common ancestor
			if d := df[x] + db[x]; d < best {
				best, meet = d, x
			}
		}
		if fwd {
			if d := df[x]; d < best {
				a, i := &blocks[x>>blockShift].f, x&blockMask
				lo, hi := a.first[i], a.first[i+1]
				relaxed += int(hi - lo)
				best, meet = relax(a, lo, hi, df, fp, db, d, x, best, meet)
			}
			x = up[x]
		}
		if bwd {
			if d := db[y]; d < best {
				a, i := &blocks[y>>blockShift].b, y&blockMask
				lo, hi := a.first[i], a.first[i+1]
				relaxed += int(hi - lo)
				best, meet = relax(a, lo, hi, db, bp, df, d, y, best, meet)
			}
			y = up[y]
		}
	}
	q.meet = meet
	q.Relaxed = relaxed
	return best
}

// relax lowers dist[h] to d + w through the kept arcs lo .. hi-1 of a, from
// x to their upper ends h, recording x as the predecessor of each node it
// improves. A node the other search has reached (other[h] finite) closes a
// path: relax returns best and meet lowered to the shortest such path.
func relax(a *arcs, lo, hi int32, dist []float64, pred []int32, other []float64, d float64, x int32, best float64, meet int32) (float64, int32) {
	pred = pred[:len(dist)]
	other = other[:len(dist)]
	if a.wide {
		hs := a.wideHead[lo:hi]
		ws := a.w[lo:hi]
		ws = ws[:len(hs)]
		for i, h := range hs {
			if nd := d + ws[i]; nd < dist[h] {
				dist[h], pred[h] = nd, x
				if p := nd + other[h]; p < best {
					best, meet = p, h
				}
			}
		}
		return best, meet
	}
	hs := a.head[lo:hi]
	ws := a.w[lo:hi]
	ws = ws[:len(hs)]
	for i := range hs {
		h := hs[i].int32()
		if nd := d + ws[i]; nd < dist[h] {
			dist[h], pred[h] = nd, x
			if p := nd + other[h]; p < best {
				best, meet = p, h
			}
		}
	}
	return best, meet
}

// Path appends to buf the arcs (csr arc numbers of the graph) of the path
// the last Distance call found, in order from s, and returns the extended
// slice. It returns buf unchanged when t was not reached or s == t. After
// warm-up it allocates only if buf must grow.
func (q *Query) Path(buf []int32) []int32 {
	if q.meet < 0 {
		return buf
	}
	// Arcs from s up to meet, collected backwards into the stack, then
	// unpacked in order; then from meet down to t.
	m := q.m
	n0 := len(buf)
	q.ks, q.pending = q.ks[:0], 0
	st := q.stack[:0]
	for x := q.meet; q.fp[x] >= 0; x = q.fp[x] {
		st = append(st, [3]int32{q.fp[x], x, m.middle(q.fp[x], x)})
	}
	// The stack pops the first arc first.
	q.stack = st
	buf = q.unpackAll(buf)
	for x := q.meet; q.bp[x] >= 0; x = q.bp[x] {
		q.stack = append(q.stack[:0], [3]int32{x, q.bp[x], m.middle(x, q.bp[x])})
		buf = q.unpackAll(buf)
	}
	if q.pending == 0 {
		return buf
	}
	// The csr arcs not named by number, in a pass of their own: its loads
	// do not depend on each other, nor hold up the unpacking's.
	c := m.c
	g := c.g
	out := buf[n0:]
	ks := q.ks[:len(out)]
	for i, u := range out {
		k := ks[i]
		if k == named {
			continue
		}
		from := c.order[u]
		if k >= 0 {
			out[i] = g.Offsets[from] + k
			continue
		}
		// Not recorded: the lightest of order[u] → order[v].
		out[i] = c.lightest(m.w, from, c.order[-1-k])
	}
	return buf
}

// named marks in Query.ks an arc that unpackAll appended as its csr arc.
const named = math.MinInt32

// unpackAll pops the arcs (from, to, middle) on the stack and appends the
// original arcs each stands for to buf: its csr arc where the Metric names
// it by number (named in q.ks); else its tail rank u, with the csr arc's
// place in q.ks, k for the k-th arc of u's node or -1 - v if not recorded
// (see arcs), counted in q.pending. A shortcut u → v through x is u → x,
// then x → v, both arcs of x: the middles of both are looked up together,
// the second half goes on the stack and the first is unpacked at once.
func (q *Query) unpackAll(buf []int32) []int32 {
	m := q.m
	direct := m.direct
	st, ks := q.stack, q.ks
	pending := 0
	for len(st) > 0 {
		e := st[len(st)-1]
		st = st[:len(st)-1]
		u, v, x := e[0], e[1], e[2]
		for x >= 0 && x < min(u, v) {
			st = append(st, [3]int32{x, v, m.middle(x, v)})
			v, x = x, m.middle(u, x)
		}
		switch lo := min(u, v); {
		case x >= lo && direct:
			buf, ks = append(buf, x-lo), append(ks, named)
		case x >= lo:
			buf, ks = append(buf, u), append(ks, x-lo)
			pending++
		default:
			buf, ks = append(buf, u), append(ks, -1-v)
			pending++
		}
	}
	q.stack, q.ks = st, ks
	q.pending += pending
	return buf
}

// DistanceSearch is Distance by bidirectional Dijkstra upwards with
// stall-on-demand, as in a CH query, instead of walking the elimination
// tree: it settles only the ancestors that a shortest up-path reaches.
// Path works after it as after Distance.
func (q *Query) DistanceSearch(s, t int32) float64 {
	q.begin()
	m := q.m
	c := m.c
	df, db, fp, bp := q.df, q.db, q.fp, q.bp
	blocks := m.blocks
	rs, rt := c.rank[s], c.rank[t]
	q.ls, q.lt = rs, rt
	df[rs], fp[rs] = 0, -1
	db[rt], bp[rt] = 0, -1
	q.hf.Reset()
	q.hb.Reset()
	q.hf.Push(0, rs)
	q.hb.Push(0, rt)
	best, meet := math.Inf(1), int32(-1)
	relaxed := 0
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
			it := q.hf.Pop()
			u, d := it.Node, it.Key
			if d > df[u] {
				continue
			}
			if x := d + db[u]; x < best {
				best, meet = x, u
			}
			// Stall: a higher node y reaches u more cheaply (arc y → u).
			bl, i := blocks[u>>blockShift], u&blockMask
			if stalls(&bl.b, i, df, d) {
				continue
			}
			f := &bl.f
			relaxed += int(f.first[i+1] - f.first[i])
			for k := int(f.first[i]); k < int(f.first[i+1]); k++ {
				h := f.headAt(k)
				if nd := d + f.w[k]; nd < df[h] {
					df[h], fp[h] = nd, u
					if nd < best {
						q.hf.Push(nd, h)
					}
				}
			}
		} else {
			it := q.hb.Pop()
			u, d := it.Node, it.Key
			if d > db[u] {
				continue
			}
			if x := d + df[u]; x < best {
				best, meet = x, u
			}
			bl, i := blocks[u>>blockShift], u&blockMask
			if stalls(&bl.f, i, db, d) {
				continue
			}
			b := &bl.b
			relaxed += int(b.first[i+1] - b.first[i])
			for k := int(b.first[i]); k < int(b.first[i+1]); k++ {
				h := b.headAt(k)
				if nd := d + b.w[k]; nd < db[h] {
					db[h], bp[h] = nd, u
					if nd < best {
						q.hb.Push(nd, h)
					}
				}
			}
		}
	}
	q.meet = meet
	q.Relaxed = relaxed
	return best
}

// stalls reports whether a higher node h reaches the node at index i of a
// more cheaply than d (over the arc h → node, weights in a).
func stalls(a *arcs, i int32, dist []float64, d float64) bool {
	for k := int(a.first[i]); k < int(a.first[i+1]); k++ {
		if dist[a.headAt(k)]+a.w[k] < d {
			return true
		}
	}
	return false
}

// middle returns the middle rank of the kept arc u → v as midAt does (below
// both ends for a shortcut), or -1 for an arc not kept (which cannot happen
// for an arc a query used). The heads are in increasing order: a binary
// search narrows a long list to 16 arcs, and a linear scan finds v.
func (m *Metric) middle(u, v int32) int32 {
	lo := u
	a := &m.blocks[lo>>blockShift].f
	if u > v {
		lo, v = v, u
		a = &m.blocks[lo>>blockShift].b
	}
	i := lo & blockMask
	j, e := a.first[i], a.first[i+1]
	if a.wide {
		for e-j > 16 {
			if h := (j + e) / 2; a.wideHead[h] <= v {
				j = h
			} else {
				e = h
			}
		}
		for k, h := range a.wideHead[j:e] {
			if h >= v {
				if h == v {
					return a.wideMid[int(j)+k]
				}
				break
			}
		}
		return -1
	}
	for e-j > 16 { // long lists, at the top of the tree: halve them first
		if h := (j + e) / 2; a.head[h].int32() <= v {
			j = h
		} else {
			e = h
		}
	}
	hs := a.head[j:e]
	for k := range hs {
		if h := hs[k].int32(); h >= v {
			if h == v {
				return a.mid[int(j)+k].int32() - 1
			}
			break
		}
	}
	return -1
}
