package service

import (
	"context"
	"slices"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// RouteParams are the parameters a route request takes, in the API's
// spelling. The CLI's flags are the same with dashes (--as-of).
var RouteParams = []string{"from", "to", "as_of", "by", "teu", "tonnes", "avoid", "modes", "open", "scenario",
	"rail_service", "tir", "risk_penalty", "value", "pareto", "alternatives", "max_shared", "via", "leg_modes"}

// RouteQuery is a checked route request.
type RouteQuery struct {
	Request route.Request
	// From and To are the places the ends may be: one place, or the two
	// sides of a border crossing that a name stands for ("Torkham"); the
	// planner picks the side that fits the direction of travel.
	From, To     []string
	Scenario     string // a shipped scenario name (or, in the CLI, a file); "" for none
	Pareto       bool
	Alternatives int     // 0: the best route only
	MaxShared    float64 // with Alternatives
	Warnings     []string
	asOfSet      bool // as_of was given; else a scenario's own as_of applies
}

// ParseRoute checks the parameters of a route request (see RouteParams)
// and resolves its place names. Every mistake is an error naming its
// parameter: Invalid for a malformed or out-of-range value, NotFound for
// an unknown place.
func (s *Service) ParseRoute(p Params) (*RouteQuery, error) {
	q := &RouteQuery{}
	r := &q.Request
	var err error
	if !p.has("from") {
		return nil, caravan.InvalidParam("from", "want the origin (a place id or name)")
	}
	if !p.has("to") {
		return nil, caravan.InvalidParam("to", "want the destination (a place id or name)")
	}
	if err := s.shipment(p, r); err != nil {
		return nil, err
	}
	lim := s.limits
	if r.ValuePerTonne, err = p.float("value", 0, 0, 10_000_000); err != nil {
		return nil, err
	}
	if r.RiskPenalty, err = p.float("risk_penalty", 0, 0, 1_000_000); err != nil {
		return nil, err
	}
	if q.Pareto, err = p.boolean("pareto"); err != nil {
		return nil, err
	}
	if q.Alternatives, err = p.integer("alternatives", 0, 0, lim.MaxAlternatives); err != nil {
		return nil, err
	}
	if q.MaxShared, err = p.float("max_shared", 0.5, 0, 1); err != nil {
		return nil, err
	}
	if q.Pareto && q.Alternatives > 0 {
		return nil, caravan.InvalidParam("alternatives", "pareto and alternatives exclude each other")
	}
	if q.From, err = s.resolveEnd("from", p.str("from")); err != nil {
		return nil, err
	}
	if q.To, err = s.resolveEnd("to", p.str("to")); err != nil {
		return nil, err
	}
	r.From, r.To = q.From[0], q.To[0]
	if len(q.From) == 1 && len(q.To) == 1 && r.From == r.To {
		return nil, caravan.InvalidParam("to", "origin and destination are the same place (%s)", r.From)
	}
	avoid, err := p.list("avoid", s.limits.MaxListItems)
	if err != nil {
		return nil, err
	}
	if err := s.resolveAvoid(avoid, r); err != nil {
		return nil, err
	}
	if err := s.resolveVia(p, q); err != nil {
		return nil, err
	}
	modes, err := p.list("modes", len(network.Modes))
	if err != nil {
		return nil, err
	}
	if modes != nil {
		out, err := modesOutside("modes", modes)
		if err != nil {
			return nil, err
		}
		r.AvoidModes = append(r.AvoidModes, out...)
	}
	if err := resolveLegModes(p, r); err != nil {
		return nil, err
	}
	open, err := s.openProjects(p)
	if err != nil {
		return nil, err
	}
	r.OpenProjects = open
	q.Scenario = p.str("scenario")
	q.asOfSet = p.has("as_of")
	q.Warnings = s.asOfWarnings(r.AsOf)
	return q, nil
}

// RouteResult is the answer to a route request: one route, the Pareto
// front, or a set of alternatives. The CLI's --json and the API print it
// as it is.
type RouteResult struct {
	Kind   string  `json:"kind"` // "best", "pareto" or "alternatives"
	Routes []Route `json:"routes"`
	// Pareto only: the routes that summarise the front, why, the labels
	// the search created and whether a bound cut it short.
	Representative []int    `json:"representative,omitempty"`
	RepReasons     []string `json:"representative_reasons,omitempty"`
	Labels         int      `json:"labels,omitempty"`
	Truncated      bool     `json:"truncated,omitempty"`
	MaxShared      float64  `json:"max_shared,omitempty"` // alternatives only
	Warnings       []string `json:"warnings,omitempty"`
}

// Route is one itinerary with its geometry.
type Route struct {
	*route.Itinerary
	// Alternatives only: the value of the criterion, the stretch over the
	// best and the share of length shared with each route before it.
	Objective *float64  `json:"objective,omitempty"`
	Stretch   *float64  `json:"stretch,omitempty"`
	Shared    []float64 `json:"shared,omitempty"`
	// Geometry has one feature per leg: a line from place to place for a
	// link or crossing, a point for a transfer.
	Geometry *FeatureCollection `json:"geometry"`
}

// Route plans q.
//
// Without as_of, a scenario that names the date it is meant to be read on
// is read on that date (as a scenario diff does); otherwise on today.
func (s *Service) Route(ctx context.Context, q *RouteQuery) (*RouteResult, error) {
	pl, sc, err := s.planner(ctx, q.Scenario)
	if err != nil {
		return nil, err
	}
	if !q.asOfSet && sc != nil && sc.AsOf != 0 {
		q2 := *q
		q2.Request.AsOf = sc.AsOf.Day()
		q = &q2
	}
	res := &RouteResult{Warnings: q.Warnings}
	var sided *route.Itinerary
	if len(q.From) > 1 || len(q.To) > 1 {
		if sided, err = pl.PlanSides(ctx, q.Request, q.From, q.To); err != nil {
			return nil, err
		}
		q2 := *q
		q2.Request.From, q2.Request.To = sided.From.ID, sided.To.ID
		q = &q2
	}
	switch {
	case q.Pareto:
		res.Kind = "pareto"
		f, err := pl.Pareto(ctx, q.Request, route.ParetoOptions{MaxTotal: s.limits.MaxParetoLabels})
		if err != nil {
			return nil, err
		}
		for _, it := range f.Routes {
			res.Routes = append(res.Routes, s.withGeometry(it))
		}
		res.Representative, res.RepReasons, res.Labels, res.Truncated = f.Representative, f.RepReasons, f.Labels, f.Truncated
	case q.Alternatives > 0:
		res.Kind = "alternatives"
		res.MaxShared = q.MaxShared
		alts, err := pl.Alternatives(ctx, q.Request, route.AltOptions{K: q.Alternatives, MaxShared: q.MaxShared})
		if err != nil {
			return nil, err
		}
		for _, a := range alts {
			r := s.withGeometry(a.Itinerary)
			obj, st := a.Objective, a.Stretch
			r.Objective, r.Stretch, r.Shared = &obj, &st, a.Shared
			res.Routes = append(res.Routes, r)
		}
	default:
		res.Kind = "best"
		it := sided
		if it == nil {
			if it, err = pl.Plan(ctx, q.Request); err != nil {
				return nil, err
			}
		}
		res.Routes = []Route{s.withGeometry(it)}
	}
	if res.Routes == nil {
		res.Routes = []Route{}
	}
	return res, nil
}

// legProps are the properties of a leg's feature.
type legProps struct {
	Leg      int    `json:"leg"` // index into the itinerary's legs
	Kind     string `json:"kind"`
	ID       string `json:"id"`
	Mode     string `json:"mode"`
	Gauge    int    `json:"gauge,omitempty"`
	Crossing string `json:"crossing,omitempty"`
	Transfer string `json:"transfer,omitempty"`
}

// withGeometry pairs an itinerary with its geometry.
func (s *Service) withGeometry(it *route.Itinerary) Route {
	fc := &FeatureCollection{Type: "FeatureCollection", Features: make([]*Feature, 0, len(it.Legs))}
	for i, l := range it.Legs {
		a, okA := s.net.Place(l.From.ID)
		b, okB := s.net.Place(l.To.ID)
		if !okA || !okB {
			continue
		}
		props := &legProps{Leg: i, Kind: l.Kind, ID: l.ID, Mode: l.Mode, Gauge: l.Gauge, Crossing: l.Crossing, Transfer: l.Transfer}
		if l.Kind == "transfer" || l.From.ID == l.To.ID {
			fc.add(pointFeature(a.Loc, props))
		} else {
			fc.add(lineFeature(props, a.Loc, b.Loc))
		}
	}
	return Route{Itinerary: it, Geometry: fc}
}

// scenarioName returns the display name of a scenario parameter.
func scenarioName(s string) string {
	if strings.TrimSpace(s) == "" {
		return "base"
	}
	return s
}

// resolveEnd resolves an end of a route: a place by id or name, or, when
// the name stands for a border crossing rather than one place ("Torkham",
// "Hairatan/Termez"), both sides of the crossing.
func (s *Service) resolveEnd(param, q string) ([]string, error) {
	p, err := s.ResolvePlace(param, q)
	if err == nil {
		return []string{p.ID}, nil
	}
	if caravan.KindOf(err) == caravan.Internal {
		return nil, err
	}
	sides := s.net.CrossingSides(q)
	if len(sides) == 0 {
		return nil, err
	}
	ids := make([]string, len(sides))
	for i, p := range sides {
		ids[i] = p.ID
	}
	return ids, nil
}

// resolveVia resolves the via parameter into q's waypoints: each a place
// id or name that resolves as the ends do (the two sides of a crossing
// for its name). A waypoint that is an end of the route, given twice or
// avoided is an error naming via and the value; so is an unknown or
// ambiguous name. It reads q's ends and avoid lists, so runs after them.
func (s *Service) resolveVia(p Params, q *RouteQuery) error {
	max := s.limits.MaxVia
	if max == 0 {
		max = DefaultLimits.MaxVia
	}
	items, err := p.list("via", max)
	if err != nil {
		return err
	}
	r := &q.Request
	used := map[string]string{} // place id → the value that named it
	for _, id := range q.From {
		used[id] = "the origin"
	}
	for _, id := range q.To {
		used[id] = "the destination"
	}
	for _, it := range items {
		ids, err := s.resolveEnd("via", it)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if u, ok := used[id]; ok {
				if u == "the origin" || u == "the destination" {
					return caravan.InvalidParam("via", "%q is %s (%s); a waypoint must be another place", it, u, id)
				}
				return caravan.InvalidParam("via", "%q names %s, as %q does; give each waypoint once", it, id, u)
			}
			used[id] = it
			if why := avoided(s.net, r, id, ids); why != "" {
				return caravan.InvalidParam("via", "%q is %s", it, why)
			}
		}
		r.Via = append(r.Via, route.Waypoint(ids))
	}
	return nil
}

// avoided says why place id, one of a waypoint's places (sides), is ruled
// out by r's avoid lists, or "" when it is not: the place, its country, or
// the crossing between the sides is avoided.
func avoided(n *network.Network, r *route.Request, id string, sides []string) string {
	pl, _ := n.Place(id)
	if slices.Contains(r.AvoidPlaces, id) {
		return "also a place to avoid (" + id + ")"
	}
	if slices.Contains(r.AvoidCountries, pl.Country) {
		return "in " + pl.Country + ", a country to avoid"
	}
	if len(sides) < 2 {
		return ""
	}
	for _, lid := range r.AvoidLinks {
		l, ok := n.Link(lid)
		if ok && l.Crossing != nil && l.From != l.To && slices.Contains(sides, l.From) && slices.Contains(sides, l.To) {
			return "also a crossing to avoid (" + lid + ")"
		}
	}
	return ""
}

// resolveLegModes reads leg_modes into r.LegModes: the modes of each leg
// between the route's stops, legs separated by '/' and the modes of a leg
// by ',' ("rail/road/rail"; an empty leg: every mode; route.ParseLegModes).
// It reads r's waypoints and modes, so runs after them. With modes, a leg
// may use the modes in both (the intersection); a leg with none is refused.
// Errors are Invalid and name leg_modes: an unknown mode, leg_modes
// without via, a number of legs other than the waypoints' plus one, a leg
// that modes rules out (route.CheckLegModes).
func resolveLegModes(p Params, r *route.Request) error {
	legs, err := route.ParseLegModes(p.str("leg_modes"))
	if err != nil {
		return err
	}
	r.LegModes = legs
	return route.CheckLegModes(r)
}
