package csr

import "math"

// Start is a source of a multi-source search: a node and the cost at which
// the search enters it.
type Start struct {
	Node int32
	Cost float64
}

// label is the state of one node in a search, kept together so that a
// relaxation touches one cache line.
type label struct {
	dist float64
	pred int32
	seen uint32 // == Searcher.epoch: dist and pred belong to this search
}

// Searcher runs Dijkstra's algorithm on one Graph and keeps the result of the
// last search (distances, predecessor arcs) until the next one. Its arrays are
// allocated once, on the first search, and reset lazily with an epoch
// counter, so a search costs time proportional to the part of the graph it
// explores, not to the size of the graph.
type Searcher struct {
	g      *Graph
	labels []label
	epoch  uint32
	heap   radixHeap
	one    [1]Start

	// Settled counts the nodes settled by the last search.
	Settled int
}

// NewSearcher returns a Searcher for g.
func NewSearcher(g *Graph) *Searcher { return &Searcher{g: g} }

// Graph returns the graph the Searcher runs on.
func (s *Searcher) Graph() *Graph { return s.g }

func (s *Searcher) begin() {
	n := s.g.NumNodes()
	if len(s.labels) != n {
		s.labels = make([]label, n)
		s.epoch = 0
	}
	s.epoch++
	if s.epoch == 0 { // wrapped: clear once every 2^32 searches
		clear(s.labels)
		s.epoch = 1
	}
	s.Settled = 0
}

// Search runs Dijkstra from src and returns the distance to dst, or +Inf if
// dst cannot be reached. With dst < 0 it computes the whole shortest-path
// tree and returns +Inf.
//
// w holds one non-negative weight per arc (in CSR order); +Inf blocks an arc.
// blocked, if not nil, is a bitset over arcs (bit a%64 of blocked[a/64]) of
// further arcs to skip, so a request can exclude arcs without touching w.
// The search stops as soon as dst is settled. Its queue is a radix heap that
// moves each entry between at most 64 buckets (a few in practice), so the
// cost is O(V+E) queue work in the explored part of the graph; no
// allocation once the Searcher has run on this graph.
func (s *Searcher) Search(w []float64, blocked []uint64, src, dst int32) float64 {
	s.one[0] = Start{Node: src}
	return s.SearchFrom(w, blocked, s.one[:], dst)
}

// SearchFrom is Search with several sources, each entered at its own cost.
func (s *Searcher) SearchFrom(w []float64, blocked []uint64, starts []Start, dst int32) float64 {
	s.begin()
	base := 0.0
	for _, st := range starts {
		base = min(base, st.Cost)
	}
	s.heap.reset(base)
	g := s.g
	off, heads := g.Offsets, g.Heads
	labels, ep := s.labels, s.epoch
	for _, st := range starts {
		v := st.Node
		if l := &labels[v]; l.seen == ep && l.dist <= st.Cost {
			continue
		}
		labels[v] = label{dist: st.Cost, pred: -1, seen: ep}
		s.heap.push(st.Cost, v)
	}
	settled := 0
	for s.heap.len() > 0 {
		it := s.heap.pop()
		u := it.node
		d := labels[u].dist
		if it.k != s.heap.bits(d) {
			continue // stale entry: u was pushed again with a smaller key
		}
		settled++
		if u == dst {
			s.Settled = settled
			return d
		}
		lo, hi := off[u], off[u+1]
		for a := lo; a < hi; a++ {
			if blocked != nil && blocked[a>>6]&(1<<(uint(a)&63)) != 0 {
				continue
			}
			nd := d + w[a]
			v := heads[a]
			l := &labels[v]
			if l.seen != ep {
				if math.IsInf(nd, 1) {
					continue
				}
				*l = label{dist: nd, pred: a, seen: ep}
				s.heap.push(nd, v)
			} else if nd < l.dist {
				l.dist, l.pred = nd, a
				s.heap.push(nd, v)
			}
		}
	}
	s.Settled = settled
	return math.Inf(1)
}

// Dist returns the distance to v found by the last search, +Inf if v was not
// reached. After a search stopped early at its target, distances of nodes not
// yet settled are upper bounds.
func (s *Searcher) Dist(v int32) float64 {
	if len(s.labels) == 0 || s.labels[v].seen != s.epoch {
		return math.Inf(1)
	}
	return s.labels[v].dist
}

// PredArc returns the arc by which the last search reached v, or -1 if v is a
// source or was not reached.
func (s *Searcher) PredArc(v int32) int32 {
	if len(s.labels) == 0 || s.labels[v].seen != s.epoch {
		return -1
	}
	return s.labels[v].pred
}

// Path appends to buf the arcs of the path the last search found to dst, in
// order from the source, and returns the extended slice. It returns buf
// unchanged if dst was not reached or is a source.
func (s *Searcher) Path(dst int32, buf []int32) []int32 {
	start := len(buf)
	for v := dst; ; {
		a := s.PredArc(v)
		if a < 0 {
			break
		}
		buf = append(buf, a)
		v = s.g.Tails[a]
	}
	// Reverse the appended part.
	for i, j := start, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return buf
}

// SetBit sets bit a in the bitset b, which must hold at least a+1 bits.
func SetBit(b []uint64, a int32) { b[a>>6] |= 1 << (uint(a) & 63) }

// Bitset returns a zeroed bitset with room for n bits.
func Bitset(n int) []uint64 { return make([]uint64, (n+63)/64) }
