package route

import (
	"context"
	"math"
	"sort"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/graph"
)

// NumCriteria is the number of criteria of a Pareto search.
const NumCriteria = 5

// CriteriaNames names the components of a Pareto cost vector, in order.
var CriteriaNames = [NumCriteria]string{"hours", "usd", "kg_co2", "borders", "risk"}

// vec is a cost vector: hours, USD, kg CO2, borders, risk.
type vec [NumCriteria]float64

// dominates reports whether a is at least as good as b in every criterion
// and better in one, with a relative tolerance that absorbs rounding.
func (a *vec) dominates(b *vec) bool {
	better := false
	for i := range a {
		tol := 1e-9 * max(1, math.Abs(b[i]))
		if a[i] > b[i]+tol {
			return false
		}
		if a[i] < b[i]-tol {
			better = true
		}
	}
	return better
}

// equal reports whether a and b are the same within tolerance.
func (a *vec) equal(b *vec) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9*max(1, math.Abs(b[i])) {
			return false
		}
	}
	return true
}

// label is a partial path in the Pareto search.
type label struct {
	node  int32
	layer int32 // waypoints passed (see Waypoint)
	arc   int32 // arc into node, -1 for a source
	pred  int32 // previous label, -1 for a source
	c     vec
	key   float64
	dead  bool // dominated after insertion
}

// ParetoOptions bound a Pareto search.
type ParetoOptions struct {
	// MaxLabels bounds the labels kept per node (default 48). When a bag is
	// full a new label that dominates none of it is dropped, and the front
	// is marked Truncated: it may then miss routes.
	MaxLabels int
	// MaxTotal bounds the labels created overall (default 2,000,000).
	MaxTotal int
}

// Front is the set of non-dominated routes between two places.
type Front struct {
	Routes []*Itinerary `json:"routes"` // ordered by hours, then USD
	// Representative indexes at most five routes of Routes that summarise
	// the front: the fastest, the cheapest, the lowest-CO2, the fewest
	// borders / lowest risk, and the best compromise.
	Representative []int    `json:"representative"`
	RepReasons     []string `json:"representative_reasons"`
	Labels         int      `json:"labels"`    // labels created by the search
	Truncated      bool     `json:"truncated"` // a bound was hit: the front may be incomplete
}

// Pareto returns the routes from r.From to r.To that no other route beats on
// every criterion at once: hours, USD, kg CO2, border crossings and risk (see
// graph.Risk). It is a label-setting search ordered by a positive weighted
// sum of the criteria (so a label, once settled, is never dominated by a
// later one), pruned by the labels already at the destination plus
// per-criterion lower bounds to it. r.By is ignored. With waypoints the
// labels carry the layer of the route (see Waypoint), and the bounds, which
// ignore the waypoints, stay lower bounds.
func (p *Planner) Pareto(ctx context.Context, r Request, opt ParetoOptions) (*Front, error) {
	if p.other(&r) {
		q, err := p.service(&r)
		if err != nil {
			return nil, err
		}
		return q.Pareto(ctx, r, opt)
	}
	if opt.MaxLabels <= 0 {
		opt.MaxLabels = 48
	}
	if opt.MaxTotal <= 0 {
		opt.MaxTotal = 2_000_000
	}
	g := p.g
	fromIdx, toIdx, err := p.ends(&r)
	if err != nil {
		return nil, err
	}
	via, err := p.waypoints(&r)
	if err != nil {
		return nil, err
	}
	gs, ship, err := p.shipment(&r)
	if err != nil {
		return nil, err
	}
	cond := r.conditions()
	blocked, err := g.Blocked(&cond, nil)
	if err != nil {
		return nil, err
	}
	m := g.NumArcs()
	// Per-arc criteria for this shipment and date.
	risk := g.Risks(int32(r.AsOf), nil)
	crit := make([]vec, m)
	for a := range m {
		c := g.ArcCost(int32(a), gs)
		crit[a] = vec{c.Hours, c.USD, c.KgCO2, float64(c.Borders), risk[a]}
	}
	dst := g.Arrival(int32(toIdx))
	// Lower bounds to the destination per criterion, from searches on the
	// reversed graph; they also give each criterion's optimum.
	lb := p.lowerBounds(crit, blocked, dst)
	var starts []int32
	for _, v := range g.PlaceNodes(int32(fromIdx)) {
		if g.States[v].Mode != 0 {
			starts = append(starts, v)
		}
	}
	var opt1 vec
	for i := range opt1 {
		opt1[i] = math.Inf(1)
		for _, v := range starts {
			if dst >= 0 {
				opt1[i] = min(opt1[i], lb[i][v])
			}
		}
	}
	if len(via.places) > 0 && dst >= 0 {
		// The bounds ignore the waypoints: ask the layered search whether
		// the route exists at all.
		sc := p.pool.Get().(*scratch)
		defer p.pool.Put(sc)
		sc.blocked = append(sc.blocked[:0], blocked...)
		sc.w = g.Weights(graph.Weighting{Hours: 1}, gs, nil, sc.w)
		if math.IsInf(p.find(sc, int32(fromIdx), dst, &via), 1) {
			return nil, p.noRoute(sc, &r, int32(fromIdx), dst, &via)
		}
	}
	if dst < 0 || math.IsInf(opt1[0], 1) {
		sc := p.pool.Get().(*scratch)
		defer p.pool.Put(sc)
		return nil, p.noRoute(sc, &r, int32(fromIdx), dst, &layers{})
	}
	// Scale each criterion by its optimum so the ordering key weighs them
	// alike.
	var scale vec
	for i := range scale {
		scale[i] = 1 / max(opt1[i], 1e-6)
	}
	s := paretoSearch{g: g, crit: crit, blocked: blocked, lb: lb, scale: scale, opt: opt, bags: map[int32][]int32{},
		via: via, n: int32(len(g.States))}
	if err := s.run(ctx, starts, dst); err != nil {
		return nil, err
	}
	front := &Front{Labels: len(s.labels), Truncated: s.truncated}
	for _, li := range s.bags[s.state(int32(len(via.places)), dst)] {
		if s.labels[li].dead {
			continue
		}
		it := p.itinerary(&r, gs, ship, s.path(li))
		it.By = "pareto"
		front.Routes = append(front.Routes, it)
	}
	sort.SliceStable(front.Routes, func(i, j int) bool {
		a, b := front.Routes[i].Total, front.Routes[j].Total
		if a.Hours != b.Hours {
			return a.Hours < b.Hours
		}
		return a.USD < b.USD
	})
	front.Representative, front.RepReasons = representatives(front.Routes, scale)
	return front, nil
}

// ends resolves and checks the two ends of r.
func (p *Planner) ends(r *Request) (int, int, error) {
	n := p.g.Net
	fromIdx, ok := n.PlaceIndex(r.From)
	if !ok {
		return 0, 0, caravan.Errorf(caravan.NotFound, "route", "unknown place %q", r.From)
	}
	toIdx, ok := n.PlaceIndex(r.To)
	if !ok {
		return 0, 0, caravan.Errorf(caravan.NotFound, "route", "unknown place %q", r.To)
	}
	if r.From == r.To {
		return 0, 0, caravan.Errorf(caravan.Invalid, "route", "origin and destination are the same place (%s)", r.From)
	}
	return fromIdx, toIdx, p.checkEnds(r)
}

// lowerBounds runs one search per criterion from dst on the reversed graph
// and returns, per criterion and node, the least value to reach dst.
func (p *Planner) lowerBounds(crit []vec, blocked []uint64, dst int32) [NumCriteria][]float64 {
	g := p.g
	var lb [NumCriteria][]float64
	if dst < 0 {
		return lb
	}
	rev, orig := g.Reverse()
	w := make([]float64, rev.NumArcs())
	rb := csr.Bitset(rev.NumArcs())
	for ra, a := range orig {
		if blocked[a>>6]&(1<<(uint(a)&63)) != 0 {
			csr.SetBit(rb, int32(ra))
		}
	}
	s := csr.NewSearcher(rev)
	n := rev.NumNodes()
	for i := range NumCriteria {
		for ra, a := range orig {
			w[ra] = crit[a][i]
		}
		s.Search(w, rb, dst, -1)
		lb[i] = make([]float64, n)
		for v := range n {
			lb[i][v] = s.Dist(int32(v))
		}
	}
	return lb
}

// paretoSearch is the state of one Pareto search.
type paretoSearch struct {
	g         *graph.Graph
	crit      []vec
	blocked   []uint64
	lb        [NumCriteria][]float64
	scale     vec
	opt       ParetoOptions
	labels    []label
	bags      map[int32][]int32
	heap      labelHeap
	truncated bool
	via       layers // the waypoints' places and the legs' modes, by layer
	n         int32  // nodes per layer
}

// state numbers node v in layer k, the key of its bag.
func (s *paretoSearch) state(k, v int32) int32 { return k*s.n + v }

func (s *paretoSearch) key(c *vec, v int32) float64 {
	k := 0.0
	for i := range c {
		k += s.scale[i] * (c[i] + s.lb[i][v])
	}
	return k
}

// dominatedAt reports whether a live label at state st (see state)
// dominates or equals c.
func (s *paretoSearch) dominatedAt(st int32, c *vec) bool {
	for _, li := range s.bags[st] {
		l := &s.labels[li]
		if !l.dead && (l.c.dominates(c) || l.c.equal(c)) {
			return true
		}
	}
	return false
}

func (s *paretoSearch) run(ctx context.Context, starts []int32, dst int32) error {
	for _, v := range starts {
		s.insert(v, advance(s.g, v, 0, s.via.places), -1, -1, vec{})
	}
	csrG := s.g.CSR
	last := s.state(int32(len(s.via.places)), dst)
	var bound vec
	for pops := 0; s.heap.len() > 0; pops++ {
		if pops&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		li := s.heap.pop()
		l := s.labels[li]
		if l.dead || l.node == dst {
			continue
		}
		allow := s.via.allow(l.layer)
		for a := csrG.Offsets[l.node]; a < csrG.Offsets[l.node+1]; a++ {
			if s.blocked[a>>6]&(1<<(uint(a)&63)) != 0 {
				continue
			}
			v := csrG.Heads[a]
			if allow != allModes && !allow.has(s.g.States[v].Mode) {
				continue // not a mode of the label's leg (see layers)
			}
			if math.IsInf(s.lb[0][v], 1) {
				continue // cannot reach the destination from v
			}
			nc := l.c
			for i := range nc {
				nc[i] += s.crit[a][i]
			}
			// Prune by the destination: a route through this label can at
			// best cost nc plus the lower bounds from v.
			for i := range bound {
				bound[i] = nc[i] + s.lb[i][v]
			}
			k := advance(s.g, v, l.layer, s.via.places)
			if s.dominatedAt(last, &bound) || s.dominatedAt(s.state(k, v), &nc) {
				continue
			}
			if len(s.labels) >= s.opt.MaxTotal {
				s.truncated = true
				return nil
			}
			s.insert(v, k, a, li, nc)
		}
	}
	return nil
}

// insert adds a label at node v in layer k after marking the labels it
// dominates dead; when the bag is full the label is dropped and the search
// marked truncated.
func (s *paretoSearch) insert(v, k, arc, pred int32, c vec) {
	st := s.state(k, v)
	bag := s.bags[st]
	alive := 0
	for _, li := range bag {
		l := &s.labels[li]
		if l.dead {
			continue
		}
		if c.dominates(&l.c) {
			l.dead = true
			continue
		}
		alive++
	}
	if alive >= s.opt.MaxLabels {
		s.truncated = true
		return
	}
	id := int32(len(s.labels))
	s.labels = append(s.labels, label{node: v, layer: k, arc: arc, pred: pred, c: c, key: s.key(&c, v)})
	s.bags[st] = append(bag, id)
	s.heap.push(s.labels[id].key, id)
}

// path returns the arcs of the route that ends in label li.
func (s *paretoSearch) path(li int32) []int32 {
	var arcs []int32
	for ; li >= 0 && s.labels[li].arc >= 0; li = s.labels[li].pred {
		arcs = append(arcs, s.labels[li].arc)
	}
	for i, j := 0, len(arcs)-1; i < j; i, j = i+1, j-1 {
		arcs[i], arcs[j] = arcs[j], arcs[i]
	}
	return arcs
}

// labelHeap is a binary min-heap of label ids by key.
type labelHeap struct {
	keys []float64
	ids  []int32
}

func (h *labelHeap) len() int { return len(h.ids) }

func (h *labelHeap) push(k float64, id int32) {
	h.keys = append(h.keys, k)
	h.ids = append(h.ids, id)
	i := len(h.ids) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h.keys[p] <= h.keys[i] {
			break
		}
		h.keys[p], h.keys[i] = h.keys[i], h.keys[p]
		h.ids[p], h.ids[i] = h.ids[i], h.ids[p]
		i = p
	}
}

func (h *labelHeap) pop() int32 {
	top := h.ids[0]
	n := len(h.ids) - 1
	h.keys[0], h.ids[0] = h.keys[n], h.ids[n]
	h.keys, h.ids = h.keys[:n], h.ids[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.keys[l] < h.keys[m] {
			m = l
		}
		if r < n && h.keys[r] < h.keys[m] {
			m = r
		}
		if m == i {
			return top
		}
		h.keys[m], h.keys[i] = h.keys[i], h.keys[m]
		h.ids[m], h.ids[i] = h.ids[i], h.ids[m]
		i = m
	}
}

// representatives picks at most five routes that summarise a front.
func representatives(routes []*Itinerary, scale vec) ([]int, []string) {
	if len(routes) == 0 {
		return nil, nil
	}
	var idx []int
	var why []string
	pick := func(reason string, value func(*Itinerary) float64) {
		best := 0
		for i, it := range routes {
			if value(it) < value(routes[best]) {
				best = i
			}
		}
		for k, j := range idx {
			if j == best {
				why[k] += ", " + reason
				return
			}
		}
		idx = append(idx, best)
		why = append(why, reason)
	}
	pick("fastest", func(it *Itinerary) float64 { return it.Total.Hours })
	pick("cheapest", func(it *Itinerary) float64 { return it.Total.USD })
	pick("lowest CO2", func(it *Itinerary) float64 { return it.Total.KgCO2 })
	pick("lowest risk", func(it *Itinerary) float64 { return it.Total.Risk*1e3 + float64(it.Total.Borders) })
	pick("best compromise", func(it *Itinerary) float64 {
		t := it.Total
		return scale[0]*t.Hours + scale[1]*t.USD + scale[2]*t.KgCO2 + scale[3]*float64(t.Borders) + scale[4]*t.Risk
	})
	return idx, why
}
