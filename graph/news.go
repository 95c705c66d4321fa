package graph

import (
	"slices"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
)

// Reopening ends, on Date, the open-ended closures of Target (a link,
// crossing or place id) that began before it, and for a place those of
// the links and crossings that end there: a reported reopening.
type Reopening struct {
	Target string
	Date   network.Date
	Source string // where it was reported (a document id)
}

// WithClosures returns a copy of g that also takes the closures cs out of
// service and applies the reopenings rs, in that order: closures reported
// in accepted news, on top of the dataset's and a scenario's. Targets must
// be links, crossings or places of the network (NotFound otherwise). g is
// not changed. O(arcs + closures).
func (g *Graph) WithClosures(cs []network.Closure, rs []Reopening) (*Graph, error) {
	for _, c := range cs {
		if !g.target(c.Target) {
			return nil, caravan.Errorf(caravan.NotFound, "graph.WithClosures", "closure %s: unknown link, crossing or place %q", c.ID, c.Target)
		}
	}
	for _, r := range rs {
		if !g.target(r.Target) {
			return nil, caravan.Errorf(caravan.NotFound, "graph.WithClosures", "reopening: unknown link, crossing or place %q", r.Target)
		}
	}
	ng := *g
	ng.steps = append(slices.Clip(g.steps), func(v *Graph) (*Graph, error) { return v.WithClosures(cs, rs) })
	ng.variants = &variants{}
	ng.closures = append(slices.Clone(g.closures), cs...)
	for _, r := range rs {
		for i := range ng.closures {
			c := &ng.closures[i]
			if g.touches(c.Target, r.Target) && c.Period.Until == 0 && c.Period.From < r.Date {
				c.Period.Until = r.Date
				c.Reason += " (reopened " + r.Date.String() + ", reported in " + r.Source + ")"
				c.Sources.All = append(slices.Clone(c.Sources.All), r.Source)
			}
		}
	}
	ng.indexClosures()
	return &ng, nil
}

// target reports whether id names a link, crossing or place of g.
func (g *Graph) target(id string) bool {
	if _, ok := g.Net.Link(id); ok {
		return true
	}
	_, ok := g.Net.Place(id)
	return ok
}

// touches reports whether a closure of target concerns what: the same id,
// or a link or crossing that ends at the place what.
func (g *Graph) touches(target, what string) bool {
	if target == what {
		return true
	}
	l, ok := g.Net.Link(target)
	return ok && (l.From == what || l.To == what)
}
