package ch

import (
	"context"
	"log/slog"
	"time"

	"github.com/caravan-transport/caravan/csr"
)

// Options tune preprocessing. The zero value gives the defaults.
type Options struct {
	// WitnessLimit bounds the nodes one witness search settles (default
	// 500). Lower is faster to build but adds shortcuts that a longer
	// search would have proved unnecessary; distances are exact either way.
	WitnessLimit int
	// Logger, if not nil, receives progress at debug level and a summary
	// at info level.
	Logger *slog.Logger
}

const defaultWitnessLimit = 500

// arc is an arc of the search graphs: the other endpoint (as a rank), the
// weight and the record that unpacks it.
type arc struct {
	w    float64
	head int32
	rec  int32
}

// Hierarchy is a contraction hierarchy of one csr.Graph under one weight
// vector. Nodes are ranked by contraction order; every arc (original or
// shortcut) is stored at its lower-ranked endpoint, in up (arcs leaving a
// node towards higher ranks) or down (arcs entering a node from higher
// ranks). A Hierarchy is immutable and safe for concurrent use; each
// goroutine queries it through its own Query.
type Hierarchy struct {
	g     *csr.Graph
	rank  []int32 // by node
	order []int32 // by rank: the node contracted rank-th

	upFirst   []int32 // by rank, len n+1
	up        []arc
	downFirst []int32 // by rank, len n+1
	down      []arc

	// recs unpacks arcs; recTail and recHead are the ranks of their endpoints.
	recs    []record
	recTail []int32
	recHead []int32

	shortcuts  int
	witnessLim int
	logger     *slog.Logger
}

// Stats describes a Hierarchy.
type Stats struct {
	Nodes     int // nodes of the graph
	Arcs      int // arcs of the hierarchy (original arcs kept plus shortcuts)
	Shortcuts int // arcs of the hierarchy that stand for paths of two or more arcs
}

// Build contracts g under weights w (one per arc, in CSR order; +Inf blocks
// an arc) and returns the hierarchy. It orders nodes greedily by an
// estimate of the shortcuts each would add, updated lazily. Weights must be ≥ 0 (zero is fine);
// a negative or NaN weight or a length mismatch is an error of kind Invalid.
// A cancelled ctx returns ctx.Err(). Memory and time grow with the number of
// shortcuts; road networks need about as many shortcuts as arcs.
func Build(ctx context.Context, g *csr.Graph, w []float64, opt Options) (*Hierarchy, error) {
	limit := opt.WitnessLimit
	if limit <= 0 {
		limit = defaultWitnessLimit
	}
	start := time.Now()
	c, err := newContractor("ch.Build", g, w, limit)
	if err != nil {
		return nil, err
	}
	ord, err := order(ctx, c, opt.Logger)
	if err != nil {
		return nil, err
	}
	h := assemble(g, c, ord)
	h.witnessLim, h.logger = limit, opt.Logger
	if opt.Logger != nil {
		opt.Logger.Info("ch: built", "nodes", g.NumNodes(), "arcs", len(h.up)+len(h.down), "shortcuts", h.shortcuts, "elapsed", time.Since(start))
	}
	return h, nil
}

// Customize returns the hierarchy of the same graph under new weights w,
// keeping the contraction order of h: it contracts the nodes again in that
// order, with fresh witness searches, so no node priorities are computed.
// The result answers exact distances for w whatever w is; its query speed
// stays close to a full Build as long as w ranks roads much as the weights
// h was built with did (a scenario closing or slowing some links). h is not
// changed and stays usable. Errors are those of Build, with op ch.Customize.
func (h *Hierarchy) Customize(ctx context.Context, w []float64) (*Hierarchy, error) {
	start := time.Now()
	c, err := newContractor("ch.Customize", h.g, w, h.witnessLim)
	if err != nil {
		return nil, err
	}
	for i, v := range h.order {
		if i&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c.contract(v)
	}
	nh := assemble(h.g, c, h.order)
	nh.witnessLim, nh.logger = h.witnessLim, h.logger
	if h.logger != nil {
		h.logger.Info("ch: customized", "nodes", h.g.NumNodes(), "arcs", len(nh.up)+len(nh.down), "shortcuts", nh.shortcuts, "elapsed", time.Since(start))
	}
	return nh, nil
}

// assemble lays the contracted graph out as search arrays indexed by rank,
// keeping only the records the hierarchy uses.
func assemble(g *csr.Graph, c *contractor, ord []int32) *Hierarchy {
	n := len(ord)
	h := &Hierarchy{g: g, order: ord, rank: make([]int32, n)}
	for r, v := range ord {
		h.rank[v] = int32(r)
	}
	h.upFirst = make([]int32, n+1)
	h.downFirst = make([]int32, n+1)
	for r, v := range ord {
		h.upFirst[r+1] = h.upFirst[r] + int32(len(c.out[v]))
		h.downFirst[r+1] = h.downFirst[r] + int32(len(c.in[v]))
	}
	h.up = make([]arc, h.upFirst[n])
	h.down = make([]arc, h.downFirst[n])
	total := len(h.up) + len(h.down)
	// newRec[old] is the compact number of record old, or -1.
	newRec := make([]int32, len(c.recs))
	for i := range newRec {
		newRec[i] = -1
	}
	h.recs = make([]record, 0, total)
	h.recTail = make([]int32, 0, total)
	h.recHead = make([]int32, 0, total)
	add := func(old, tail, head int32) int32 {
		id := int32(len(h.recs))
		newRec[old] = id
		h.recs = append(h.recs, c.recs[old])
		h.recTail = append(h.recTail, tail)
		h.recHead = append(h.recHead, head)
		return id
	}
	for r, v := range ord {
		for i, e := range c.out[v] {
			hr := h.rank[e.node]
			h.up[int(h.upFirst[r])+i] = arc{w: e.w, head: hr, rec: add(e.rec, int32(r), hr)}
		}
		for i, e := range c.in[v] {
			tr := h.rank[e.node]
			h.down[int(h.downFirst[r])+i] = arc{w: e.w, head: tr, rec: add(e.rec, tr, int32(r))}
		}
	}
	for i, rc := range h.recs {
		if rc.b >= 0 {
			h.recs[i] = record{a: newRec[rc.a], b: newRec[rc.b]}
			h.shortcuts++
		}
	}
	return h
}

// Graph returns the graph h was built on.
func (h *Hierarchy) Graph() *csr.Graph { return h.g }

// Rank returns the position of node v in the contraction order (0 first).
func (h *Hierarchy) Rank(v int32) int32 { return h.rank[v] }

// Order returns a copy of the contraction order: the node of each rank.
func (h *Hierarchy) Order() []int32 { return append([]int32(nil), h.order...) }

// Stats returns the size of h.
func (h *Hierarchy) Stats() Stats {
	return Stats{Nodes: len(h.order), Arcs: len(h.recs), Shortcuts: h.shortcuts}
}
