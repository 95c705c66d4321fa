package ch

import (
	"math"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
)

// record describes one arc of the hierarchy for path unpacking. An original
// arc has b == -1 and a == its csr arc number; a shortcut tail → head via
// node m has a == the record of tail → m and b == the record of m → head.
type record struct {
	a, b int32
}

// edge is an arc of the graph being contracted, stored at one endpoint.
type edge struct {
	w    float64
	node int32 // the other endpoint
	rec  int32 // its record
	hops int32 // number of original arcs it stands for
}

// contractor holds the remaining graph during contraction: for every node
// the arcs that leave it (out) and enter it (in) among the nodes not yet
// contracted. A contracted node keeps its lists as they were when it was
// contracted: its arcs to higher nodes, which is the hierarchy.
type contractor struct {
	out, in [][]edge
	done    []bool
	dirty   []bool // the node's arcs changed since its priority was computed
	recs    []record

	limit    int // settle limit of one witness search
	simLimit int // the same when only estimating the shortcuts of a contraction
	ws       witnessSearch
}

// newContractor returns the contraction graph of g under weights w: arcs
// with weight +Inf and self-loops are left out, and of parallel arcs only
// the lightest (the first of equals) is kept. It checks w; op names the
// caller in errors.
func newContractor(op string, g *csr.Graph, w []float64, limit int) (*contractor, error) {
	n, m := g.NumNodes(), g.NumArcs()
	if len(w) != m {
		return nil, caravan.Errorf(caravan.Invalid, op, "%d weights for %d arcs", len(w), m)
	}
	for a, x := range w {
		if !(x >= 0) {
			return nil, caravan.Errorf(caravan.Invalid, op, "arc %d (%d→%d): weight %v is negative or NaN", a, g.Tails[a], g.Heads[a], x)
		}
	}
	c := &contractor{
		out:      make([][]edge, n),
		in:       make([][]edge, n),
		done:     make([]bool, n),
		dirty:    make([]bool, n),
		recs:     make([]record, 0, m+m/2),
		limit:    limit,
		simLimit: min(limit, simulationLimit),
	}
	c.ws.init(n)
	// slot[h] is the index in out[v] of the arc v → h, valid while
	// stamp[h] == v+1.
	slot := make([]int32, n)
	stamp := make([]int32, n)
	inDeg := make([]int32, n)
	for v := range int32(n) {
		lo, hi := g.Offsets[v], g.Offsets[v+1]
		var list []edge
		for a := lo; a < hi; a++ {
			h := g.Heads[a]
			if h == v || math.IsInf(w[a], 1) {
				continue
			}
			if stamp[h] == v+1 {
				if e := &list[slot[h]]; w[a] < e.w {
					e.w = w[a]
					c.recs[e.rec] = record{a: a, b: -1}
				}
				continue
			}
			stamp[h], slot[h] = v+1, int32(len(list))
			if list == nil {
				list = make([]edge, 0, hi-a)
			}
			list = append(list, edge{w: w[a], node: h, rec: int32(len(c.recs)), hops: 1})
			c.recs = append(c.recs, record{a: a, b: -1})
			inDeg[h]++
		}
		c.out[v] = list
	}
	for v := range c.in {
		c.in[v] = make([]edge, 0, inDeg[v])
	}
	for v, list := range c.out {
		for _, e := range list {
			c.in[e.node] = append(c.in[e.node], edge{w: e.w, node: int32(v), rec: e.rec, hops: 1})
		}
	}
	return c, nil
}

// simulationLimit bounds the witness searches that only estimate a node's
// priority. Estimates need less precision than contraction: on the
// benchmark graphs a limit of 30 to 40 builds 25-35 % faster than 500 with
// the same query speed, while 10 starts to add shortcuts.
const simulationLimit = 40

// witnessSearch is the scratch of the local Dijkstra searches that look for
// paths avoiding the node being contracted.
type witnessSearch struct {
	dist   []float64
	seen   []uint32 // seen[v] == epoch: dist[v] is set
	target []uint32 // target[v] == epoch: v is a target not yet settled
	epoch  uint32
	heap   csr.MinHeap
}

func (s *witnessSearch) init(n int) {
	s.dist = make([]float64, n)
	s.seen = make([]uint32, n)
	s.target = make([]uint32, n)
}

func (s *witnessSearch) begin() {
	s.epoch++
	if s.epoch == 0 {
		clear(s.seen)
		clear(s.target)
		s.epoch = 1
	}
	s.heap.Reset()
}

// run searches from src over the out lists, never entering skip, until every
// marked target is settled, the smallest key exceeds bound or limit nodes are
// settled. Afterwards dist of a seen node is the length of some path from src
// that avoids skip.
func (s *witnessSearch) run(out [][]edge, src, skip int32, targets int, bound float64, limit int) {
	ep := s.epoch
	dist, seen, target := s.dist, s.seen, s.target
	dist[src], seen[src] = 0, ep
	s.heap.Push(0, src)
	settled := 0
	for !s.heap.Empty() {
		it := s.heap.Pop()
		u := it.Node
		if it.Key > dist[u] {
			continue
		}
		if it.Key > bound {
			return
		}
		if target[u] == ep {
			target[u] = 0
			if targets--; targets == 0 {
				return
			}
		}
		if settled++; settled > limit {
			return
		}
		for _, e := range out[u] {
			x := e.node
			if x == skip {
				continue
			}
			nd := it.Key + e.w
			if nd > bound {
				continue
			}
			if seen[x] != ep || nd < dist[x] {
				dist[x], seen[x] = nd, ep
				s.heap.Push(nd, x)
			}
		}
	}
}

// witnessed reports whether the last search found a path to x no longer than d.
func (s *witnessSearch) witnessed(x int32, d float64) bool {
	return s.seen[x] == s.epoch && s.dist[x] <= d
}

// shortcuts runs the witness searches for contracting v. With add false it
// only counts the shortcuts needed and the original arcs they stand for;
// with add true it also inserts them (or lowers existing arcs).
func (c *contractor) shortcuts(v int32, add bool) (added, addedHops int) {
	out := c.out[v]
	if len(out) == 0 {
		return 0, 0
	}
	maxOut := 0.0
	for _, e := range out {
		maxOut = max(maxOut, e.w)
	}
	ws := &c.ws
	for _, ein := range c.in[v] {
		u := ein.node
		ws.begin()
		targets := 0
		for _, e := range out {
			if e.node != u {
				ws.target[e.node] = ws.epoch
				targets++
			}
		}
		if targets == 0 {
			continue
		}
		limit := c.limit
		if !add {
			limit = c.simLimit
		}
		ws.run(c.out, u, v, targets, ein.w+maxOut, limit)
		for _, e := range out {
			x := e.node
			if x == u {
				continue
			}
			d := ein.w + e.w
			if ws.witnessed(x, d) {
				continue
			}
			added++
			addedHops += int(ein.hops + e.hops)
			if add {
				c.addShortcut(u, x, d, ein.rec, e.rec, ein.hops+e.hops)
			}
		}
	}
	return added, addedHops
}

// addShortcut inserts the arc u → x of weight d standing for records a then
// b, or lowers an existing u → x arc to it.
func (c *contractor) addShortcut(u, x int32, d float64, a, b, hops int32) {
	c.dirty[u], c.dirty[x] = true, true
	rec := int32(len(c.recs))
	for i := range c.out[u] {
		e := &c.out[u][i]
		if e.node != x {
			continue
		}
		if d >= e.w {
			return
		}
		c.recs = append(c.recs, record{a: a, b: b})
		e.w, e.rec, e.hops = d, rec, hops
		for j := range c.in[x] {
			if f := &c.in[x][j]; f.node == u {
				f.w, f.rec, f.hops = d, rec, hops
				break
			}
		}
		return
	}
	c.recs = append(c.recs, record{a: a, b: b})
	c.out[u] = append(c.out[u], edge{w: d, node: x, rec: rec, hops: hops})
	c.in[x] = append(c.in[x], edge{w: d, node: u, rec: rec, hops: hops})
}

// contract adds the shortcuts that keep distances when v goes, then removes
// v from its neighbours' lists. v keeps its own lists.
func (c *contractor) contract(v int32) {
	c.shortcuts(v, true)
	for _, e := range c.in[v] {
		removeEdge(&c.out[e.node], v)
	}
	for _, e := range c.out[v] {
		removeEdge(&c.in[e.node], v)
	}
	c.done[v] = true
}

// removeEdge deletes the edge to node v from list (order is not kept).
func removeEdge(list *[]edge, v int32) {
	l := *list
	for i := range l {
		if l[i].node == v {
			last := len(l) - 1
			l[i] = l[last]
			*list = l[:last]
			return
		}
	}
}
