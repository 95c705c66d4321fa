package service

import (
	"context"

	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
)

// NetworkParams are the parameters of the network map.
var NetworkParams = []string{"as_of", "scenario", "open"}

// NetworkQuery is a checked network map request.
type NetworkQuery struct {
	AsOf     network.Date
	Scenario string
	Open     []string // projects to draw as open
	asOfSet  bool
}

// ParseNetwork checks a network map request.
func (s *Service) ParseNetwork(p Params) (*NetworkQuery, error) {
	d, err := p.date("as_of", s.Today())
	if err != nil {
		return nil, err
	}
	open, err := s.openProjects(p)
	if err != nil {
		return nil, err
	}
	return &NetworkQuery{AsOf: d, Scenario: p.str("scenario"), Open: open, asOfSet: p.has("as_of")}, nil
}

// closureRow is a closure as the map shows it.
type closureRow struct {
	ID      string   `json:"id"`
	Reason  string   `json:"reason"`
	From    string   `json:"from"`
	Until   string   `json:"until,omitempty"`
	Sources []string `json:"sources"`
}

// NetworkGeoJSON returns the network as of q's date under q's scenario:
// a point per place and a line per link, with mode, gauge, status, whether
// it carries traffic on the date (and if not, why), crossing dwell and fee,
// the closures in force and the sources.
func (s *Service) NetworkGeoJSON(ctx context.Context, q *NetworkQuery) (*FeatureCollection, error) {
	pl, sc, err := s.planner(ctx, q.Scenario)
	if err != nil {
		return nil, err
	}
	if !q.asOfSet && sc != nil && sc.AsOf != 0 {
		q2 := *q
		q2.AsOf = sc.AsOf.Day()
		q = &q2
	}
	g := pl.Graph()
	cond := &graph.Conditions{AsOf: q.AsOf, OpenProjects: q.Open}
	blocked, err := g.Blocked(cond, nil)
	if err != nil {
		return nil, err
	}
	links := s.net.Links()
	open := make([]bool, len(links))
	why := make([]string, len(links))
	for a := int32(0); a < int32(g.NumArcs()); a++ {
		arc := g.Arc(a)
		if arc.Kind != graph.LinkArc && arc.Kind != graph.CrossingArc {
			continue
		}
		if blocked[a/64]&(1<<(a%64)) == 0 {
			open[arc.Ref] = true
		} else if why[arc.Ref] == "" {
			why[arc.Ref] = g.Why(a, cond)
		}
	}
	closures := func(target string) []closureRow {
		var out []closureRow
		for _, c := range g.Closures(target, q.AsOf) {
			r := closureRow{ID: c.ID, Reason: c.Reason, From: c.Period.From.String(), Sources: nonNil(c.Sources.IDs())}
			if c.Period.Until != 0 {
				r.Until = c.Period.Until.String()
			}
			out = append(out, r)
		}
		return out
	}
	fc := newCollection()
	fc.AsOf = q.AsOf.String()
	for _, p := range s.net.Places() {
		props := map[string]any{"type": "place", "id": p.ID, "name": p.Names.En, "names": p.Names,
			"country": p.Country, "kind": p.Kind.String(), "sources": nonNil(p.Sources.IDs())}
		if cs := closures(p.ID); len(cs) > 0 {
			props["closures"] = cs
		}
		f := pointFeature(p.Loc, props)
		f.ID = p.ID
		fc.add(f)
	}
	for i := range links {
		l := &links[i]
		a, okA := s.net.Place(l.From)
		b, okB := s.net.Place(l.To)
		if !okA || !okB {
			continue
		}
		props := map[string]any{}
		f := lineFeature(props, a.Loc, b.Loc)
		f.ID = l.ID
		typ := "link"
		if l.Crossing != nil {
			typ = "crossing"
		}
		props["type"] = typ
		props["id"] = l.ID
		props["from"] = l.From
		props["to"] = l.To
		props["mode"] = l.Mode.String()
		if l.Gauge != 0 {
			props["gauge"] = int(l.Gauge)
		}
		props["status"] = l.Status.String()
		props["open"] = open[i]
		if !open[i] && why[i] != "" {
			props["why_closed"] = why[i]
		}
		if l.Km.Known {
			props["km"] = l.Km.Value
		}
		if l.Project != "" {
			props["project"] = l.Project
		}
		if len(l.Corridors) > 0 {
			props["corridors"] = l.Corridors
		}
		if c := l.Crossing; c != nil {
			props["crossing"] = c.Name
			if c.DwellHours.Known {
				props["dwell_hours"] = c.DwellHours.Value
			}
			if c.DwellP90Hours.Known {
				props["dwell_p90_hours"] = c.DwellP90Hours.Value
			}
			if c.FeeUSD.Known {
				props["fee_usd"] = c.FeeUSD.Value
			}
			if c.DataYear != 0 {
				props["data_year"] = c.DataYear
			}
		}
		if cs := closures(l.ID); len(cs) > 0 {
			props["closures"] = cs
		}
		props["sources"] = nonNil(l.Sources.IDs())
		fc.add(f)
	}
	return fc, nil
}
