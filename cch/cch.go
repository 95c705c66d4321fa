package cch

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
)

// Options tune Build. The zero value orders by BFS bisection.
type Options struct {
	// X and Y, if set, are the coordinates of the nodes (one each per
	// node, any planar projection: kilometres, or longitude and latitude
	// for a regional network). Geometric bisection gives much smaller
	// separators than BFS bisection on road networks.
	X, Y []float64
	// Order, if set, is the order to use instead of nested dissection: the
	// node of each rank, a permutation of 0..N-1.
	Order []int32
	// StraightCuts leaves out the flow cuts of nested dissection: Build is
	// many times faster, the supergraph larger (on the 1M roadgrid, half
	// again as many arcs and twice the triangles), so customization and
	// queries are slower.
	StraightCuts bool
	// Class, if set, is a static importance of each node (one per node,
	// higher is more important): an attribute that no customization
	// changes, such as the highest road class (OSM highway tag) of the
	// arcs at the node, never derived from weights. Nested dissection then
	// steers its separators along the high classes, so that these rank
	// high, as in a CH: a flow cut counts a node of class c as 1 + (top −
	// c) nodes, where top is the highest class in Class (it may take a
	// longer cut along a highway over a shorter one across local streets),
	// of two equally cheap cuts it takes the one of higher classes, and
	// inside each separator the nodes of higher class rank higher, ties by
	// degree. The supergraph grows, but queries relax far fewer arcs: on
	// the 1M roadgrid (three street classes) 3,932 instead of 130,606, a
	// query p50 4.6 times lower (1.7× CH's instead of 7.8×), a metric of
	// 41.8 instead of 70.8 bytes per arc; the triangles double (1.70 G
	// instead of 786 M), and customization and updates take about twice
	// the CPU time. Without Class every node counts as one and separators
	// rank by degree alone. Ignored with Order.
	Class []uint8
	// Logger, if not nil, receives a summary of Build and of each
	// Customize at info level, with the time of each phase.
	Logger *slog.Logger
}

// CCH is the metric-independent part of a customizable contraction
// hierarchy of one csr.Graph: the node order and the chordal supergraph of
// the undirected graph under it. Nodes inside a CCH are named by rank.
// Every undirected arc {u, v} with u < v (as ranks) is stored at u; the arcs
// of u are first[u] .. first[u+1]-1, sorted by their upper end.
type CCH struct {
	g     *csr.Graph
	rank  []int32 // by node
	order []int32 // by rank
	first []int32 // by rank, len N+1
	head  []int32 // by arc: its upper end
	// up is the elimination-tree parent of each rank (its lowest upper
	// neighbour, head[first[r]]), -1 at a root. It is redundant, but the
	// queries walk it: one load per step instead of two dependent ones
	// into the large head array (33 % of the query time on the 1M
	// roadgrid).
	up []int32
	// packLimit bounds the ranks a Metric's block may name to be packed in
	// 3 bytes (see arcs): packedMax, lower in tests.
	packLimit int32
	// direct: the graph's nodes and arcs together number under
	// packedMax, so that an original kept arc of a Metric can name its csr
	// arc by number (see arcs). False in tests, to name it by its place
	// among its tail's.
	direct bool

	logger *slog.Logger
}

// Stats describes a CCH.
type Stats struct {
	Nodes     int // nodes of the graph
	Arcs      int // undirected arcs of the supergraph (each carries two directions)
	TreeDepth int // height of the elimination tree: the longest chain a query walks
	Triangles int // triangles of the supergraph: the work of each customization pass
	Bytes     int // memory held by the CCH (order, supergraph, elimination tree)
}

const maxArcs = 1<<30 - 1

// Build computes the order and the supergraph of g. It is independent of
// any weights. The order comes from opt.Order if set, else from nested
// dissection on opt.X, opt.Y if set, else from nested dissection by BFS. It
// returns an error of kind Invalid if the coordinates or order do not fit
// g, or if the supergraph would exceed 2^30 arcs; a cancelled ctx returns
// ctx.Err(). Time is dominated by the order: O((N + M) log N) sorting steps.
func Build(ctx context.Context, g *csr.Graph, opt Options) (*CCH, error) {
	const op = "cch.Build"
	start := time.Now()
	n := g.NumNodes()
	if (opt.X == nil) != (opt.Y == nil) || (opt.X != nil && (len(opt.X) != n || len(opt.Y) != n)) {
		return nil, caravan.Errorf(caravan.Invalid, op, "coordinates for %d and %d nodes, want both or neither for %d", len(opt.X), len(opt.Y), n)
	}
	if opt.Class != nil && len(opt.Class) != n {
		return nil, caravan.Errorf(caravan.Invalid, op, "classes for %d nodes, want %d", len(opt.Class), n)
	}
	u := symmetrize(g)
	order := opt.Order
	if order != nil {
		if len(order) != n {
			return nil, caravan.Errorf(caravan.Invalid, op, "order of %d nodes for %d", len(order), n)
		}
		seen := make([]bool, n)
		for r, v := range order {
			if v < 0 || int(v) >= n || seen[v] {
				return nil, caravan.Errorf(caravan.Invalid, op, "order: rank %d is node %d: not a permutation of 0..%d", r, v, n-1)
			}
			seen[v] = true
		}
		order = slices.Clone(order)
	} else {
		var err error
		order, err = nestedDissection(ctx, u, opt.X, opt.Y, opt.Class, opt.StraightCuts, opt.Logger)
		if err != nil {
			return nil, err
		}
	}
	ordered := time.Now()
	c := &CCH{g: g, order: order, rank: make([]int32, n), packLimit: packedMax, logger: opt.Logger,
		direct: n+g.NumArcs() < packedMax}
	for r, v := range order {
		c.rank[v] = int32(r)
	}
	if err := c.fill(ctx, u); err != nil {
		return nil, err
	}
	if opt.Logger != nil {
		st := c.Stats()
		opt.Logger.Info("cch: built", "nodes", n, "arcs", st.Arcs, "depth", st.TreeDepth,
			"order", ordered.Sub(start), "structure", time.Since(ordered))
	}
	return c, nil
}

// fill runs the elimination game symbolically: the upper neighbours of rank
// r are its own upper neighbours in the graph plus those of its children in
// the elimination tree (other than r). O(arcs of the supergraph).
func (c *CCH) fill(ctx context.Context, u undirected) error {
	n := len(c.order)
	c.first = make([]int32, n+1)
	head := make([]int32, 0, 2*len(u.adj))
	stamp := make([]int32, n)
	child := make([]int32, n) // first child, -1 if none
	sib := make([]int32, n)   // next sibling
	for i := range stamp {
		stamp[i], child[i] = -1, -1
	}
	for r := range int32(n) {
		if r&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		v := c.order[r]
		start := len(head)
		for _, w := range u.adj[u.off[v]:u.off[v+1]] {
			if x := c.rank[w]; x > r && stamp[x] != r {
				stamp[x] = r
				head = append(head, x)
			}
		}
		for ch := child[r]; ch >= 0; ch = sib[ch] {
			for _, x := range head[c.first[ch]:c.first[ch+1]] {
				if x != r && stamp[x] != r {
					stamp[x] = r
					head = append(head, x)
				}
			}
		}
		if len(head) > maxArcs {
			return caravan.Errorf(caravan.Invalid, "cch.Build", "supergraph exceeds %d arcs after %d of %d nodes", maxArcs, r, n)
		}
		slices.Sort(head[start:])
		c.first[r+1] = int32(len(head))
		if len(head) > start {
			p := head[start]
			sib[r] = child[p]
			child[p] = r
		}
	}
	c.head = slices.Clip(head)
	c.up = make([]int32, n)
	for r := range n {
		c.up[r] = -1
		if c.first[r] < c.first[r+1] {
			c.up[r] = c.head[c.first[r]]
		}
	}
	return nil
}

// Graph returns the graph c was built on.
func (c *CCH) Graph() *csr.Graph { return c.g }

// Order returns a copy of the order: the node of each rank. Pass it as
// Options.Order to rebuild the same CCH without nested dissection.
func (c *CCH) Order() []int32 { return slices.Clone(c.order) }

// Rank returns the rank of node v.
func (c *CCH) Rank(v int32) int32 { return c.rank[v] }

// Stats returns the size of c.
func (c *CCH) Stats() Stats {
	n := len(c.order)
	depth := make([]int32, n)
	maxd, tri := 0, 0
	for r := range n {
		d := int(c.first[r+1] - c.first[r])
		tri += d * (d - 1) / 2
	}
	for r := n - 1; r >= 0; r-- {
		if p := c.up[r]; p >= 0 {
			depth[r] = depth[p] + 1
		}
		maxd = max(maxd, int(depth[r])+1)
	}
	b := 4 * (len(c.rank) + len(c.order) + len(c.first) + len(c.head) + len(c.up))
	return Stats{Nodes: n, Arcs: len(c.head), TreeDepth: maxd, Triangles: tri, Bytes: b}
}
