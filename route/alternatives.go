package route

import (
	"context"
	"math"

	"github.com/caravan-transport/caravan/graph"
)

// AltOptions control the search for alternative routes.
type AltOptions struct {
	// K is the number of routes wanted, the best included (default 3).
	K int
	// MaxShared is the largest share of an alternative's length that it may
	// have in common with any route already chosen (default 0.5): the
	// length of the links both use, over the alternative's length.
	MaxShared float64
	// MaxStretch is how much worse than the best an alternative may be on
	// the request's criterion (default 1.0: up to twice the best).
	MaxStretch float64
}

// Alternative is one route of a set of alternatives.
type Alternative struct {
	*Itinerary
	// Objective is the value of the request's criterion on this route.
	Objective float64 `json:"objective"`
	// Stretch is Objective over the best route's, minus one.
	Stretch float64 `json:"stretch"`
	// Shared[i] is the share of this route's length that it has in common
	// with route i of the set (links used by both, in either direction).
	Shared []float64 `json:"shared"`
}

// Alternatives returns up to opt.K routes for r, best first, each sharing at
// most opt.MaxShared of its length with every route before it and costing
// at most (1+opt.MaxStretch) times the best on r's criterion. It uses the
// penalty method: after each route is found the arcs of its links are made
// more expensive (their weight doubles) and the search runs again;
// candidates too similar to a chosen route or too costly are skipped. It
// stops after 6·K searches.
func (p *Planner) Alternatives(ctx context.Context, r Request, opt AltOptions) ([]Alternative, error) {
	if p.other(&r) {
		q, err := p.service(&r)
		if err != nil {
			return nil, err
		}
		return q.Alternatives(ctx, r, opt)
	}
	if opt.K <= 0 {
		opt.K = 3
	}
	if opt.MaxShared <= 0 {
		opt.MaxShared = 0.5
	}
	if opt.MaxStretch <= 0 {
		opt.MaxStretch = 1
	}
	if r.By == 0 {
		r.By = Time
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
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	cond := r.conditions()
	if sc.blocked, err = p.blocked(&cond, sc.blocked); err != nil {
		return nil, err
	}
	var risk []float64
	if w := p.weighting(&r, gs); w.Risk != 0 {
		risk = g.Risks(int32(r.AsOf), nil)
	}
	base := g.Weights(p.weighting(&r, gs), gs, risk, nil)
	sc.w = append(sc.w[:0], base...)
	dst := g.Arrival(int32(toIdx))
	var out []Alternative
	var chosen [][]int32 // link refs of each chosen route
	best := math.Inf(1)
	for try := 0; try < 6*opt.K && len(out) < opt.K; try++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if math.IsInf(p.find(sc, int32(fromIdx), dst, &via), 1) {
			if try == 0 {
				return nil, p.noRoute(sc, &r, int32(fromIdx), dst, &via)
			}
			break
		}
		path := p.pathTo(sc, dst, &via, nil)
		obj := 0.0
		for _, a := range path {
			obj += base[a]
		}
		if try == 0 {
			best = obj
		}
		links, km := p.linksOf(path)
		shared := make([]float64, len(chosen))
		ok := obj <= best*(1+opt.MaxStretch)+1e-9
		for i, c := range chosen {
			shared[i] = sharedKm(p.g, links, c) / math.Max(km, 1e-9)
			if shared[i] > opt.MaxShared {
				ok = false
			}
		}
		// Penalise the route's arcs whether or not it is kept, so the next
		// search moves away from it.
		for _, a := range path {
			if k := g.Arc(a).Kind; k == graph.LinkArc || k == graph.CrossingArc {
				sc.w[a] += base[a]
				// and the opposite direction of the same link
				for _, b := range p.twins(a) {
					sc.w[b] += base[b]
				}
			}
		}
		if !ok {
			continue
		}
		it := p.itinerary(&r, gs, ship, path)
		for i := range shared {
			shared[i] = round(shared[i], 3)
		}
		out = append(out, Alternative{Itinerary: it, Objective: round(obj, 2), Stretch: round(obj/best-1, 3), Shared: shared})
		chosen = append(chosen, links)
	}
	return out, nil
}

// weighting returns the weighting of r's criterion, including its risk
// penalty.
func (p *Planner) weighting(r *Request, gs graph.Shipment) graph.Weighting {
	w := weighting(r.By, gs)
	w.Risk += r.RiskPenalty
	return w
}

// linksOf returns the link indices a path uses and their total length.
func (p *Planner) linksOf(path []int32) ([]int32, float64) {
	var links []int32
	km := 0.0
	for _, a := range path {
		arc := p.g.Arc(a)
		if arc.Kind == graph.LinkArc || arc.Kind == graph.CrossingArc {
			links = append(links, arc.Ref)
			km += arc.Km
		}
	}
	return links, km
}

// sharedKm returns the length of the links in both a and b.
func sharedKm(g *graph.Graph, a, b []int32) float64 {
	km := 0.0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				km += g.Net.Links()[x].Km.Value
				break
			}
		}
	}
	return km
}

// twins returns the arcs that run over the same link as arc a in the
// other direction.
func (p *Planner) twins(a int32) []int32 {
	g := p.g
	arc := g.Arc(a)
	var out []int32
	h := g.CSR.Heads[a]
	for b := g.CSR.Offsets[h]; b < g.CSR.Offsets[h+1]; b++ {
		if o := g.Arc(b); o.Ref == arc.Ref && o.Kind == arc.Kind && b != a {
			out = append(out, b)
		}
	}
	return out
}
