package route

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
)

// Planner answers route requests on one compiled graph. It is safe for
// concurrent use: each search borrows its scratch space (searcher, weights,
// bitset) from a pool, so a query allocates nothing on the search path
// itself; building the itinerary allocates only the result.
type Planner struct {
	g    *graph.Graph
	pool sync.Pool
	bc   blockedCache

	defaultValuePerTonne float64 // cargo_value_usd_per_tonne
	timeCostRate         float64 // time_cost_rate_per_year

	mu     sync.Mutex
	others map[variant]*Planner // planners of the other rail services' and clearances' graphs
}

// variant is the graph variant a request needs: its rail service and
// whether its trucks travel under TIR.
type variant struct {
	service graph.RailService
	tir     bool
}

// other reports whether r needs another graph than p's.
func (p *Planner) other(r *Request) bool {
	return r.RailService != p.g.Service || r.TIR != p.g.TIR
}

// service returns the planner of r's rail service and road clearance: p
// itself when its graph is for them, else one on their graph (graph.For),
// made once.
func (p *Planner) service(r *Request) (*Planner, error) {
	if !p.other(r) {
		return p, nil
	}
	v := variant{r.RailService, r.TIR}
	p.mu.Lock()
	defer p.mu.Unlock()
	if q := p.others[v]; q != nil {
		return q, nil
	}
	g, err := p.g.For(v.service, v.tir)
	if err != nil {
		return nil, err
	}
	if p.others == nil {
		p.others = map[variant]*Planner{}
	}
	q := New(g)
	p.others[v] = q
	return q, nil
}

type scratch struct {
	s       *csr.Searcher
	w       []float64
	blocked []uint64
	starts  []csr.Start
	path    []int32
	risk    []float64
	via     *viaSearch // the layered search, made on the first request with waypoints
}

// New returns a Planner for g.
func New(g *graph.Graph) *Planner {
	p := &Planner{g: g}
	p.pool.New = func() any { return &scratch{s: csr.NewSearcher(g.CSR)} }
	if v, ok := g.Net.Parameter("cargo_value_usd_per_tonne"); ok {
		p.defaultValuePerTonne = v.Value
	}
	if v, ok := g.Net.Parameter("time_cost_rate_per_year"); ok {
		p.timeCostRate = v.Value
	}
	return p
}

// Graph returns the graph the planner searches.
func (p *Planner) Graph() *graph.Graph { return p.g }

// shipment completes the shipment of r: both sizes and the value of time.
func (p *Planner) shipment(r *Request) (graph.Shipment, Shipment, error) {
	teu, t := r.TEU, r.Tonnes
	if teu < 0 || t < 0 || math.IsNaN(teu+t) || math.IsInf(teu+t, 0) {
		return graph.Shipment{}, Shipment{}, caravan.Errorf(caravan.Invalid, "route.Plan", "shipment size must be a positive number (teu %g, tonnes %g)", teu, t)
	}
	// Containers pay the road by the truck, bulk cargo given only by its
	// weight by the tonne (graph.Shipment.Trucks).
	containers := teu > 0 || t == 0
	switch {
	case teu == 0 && t == 0:
		teu = 1
		t = p.g.TonnesPerTEU
	case teu == 0:
		teu = t / p.g.TonnesPerTEU
	case t == 0:
		t = teu * p.g.TonnesPerTEU
	}
	var trucks float64
	if containers {
		trucks = p.g.ContainerTrucks(teu)
	}
	value := r.ValuePerTonne
	if value == 0 {
		value = p.defaultValuePerTonne
	}
	if value < 0 {
		return graph.Shipment{}, Shipment{}, caravan.Errorf(caravan.Invalid, "route.Plan", "cargo value must not be negative (%g USD/t)", value)
	}
	vot := value * p.timeCostRate / (365 * 24)
	return graph.Shipment{TEU: teu, Tonnes: t, Trucks: trucks, USDPerTonneHour: vot},
		Shipment{TEU: round(teu, 3), Tonnes: round(t, 3), Trucks: trucks, ValuePerTonne: value, USDPerTonneHour: round(vot, 6)}, nil
}

// weighting returns the arc weighting for a criterion. Secondary criteria
// enter with a tiny coefficient so that ties break the same way every time
// (the faster of two equally cheap routes).
func weighting(c Criterion, s graph.Shipment) graph.Weighting {
	const tie = 1e-7
	switch c {
	case Cost:
		return graph.Weighting{USD: 1, Hours: tie}
	case CO2:
		return graph.Weighting{KgCO2: 1, Hours: tie}
	case GC:
		return graph.Weighting{USD: 1, Hours: s.Tonnes*s.USDPerTonneHour + tie}
	case Risk:
		return graph.Weighting{Risk: 1, Hours: tie}
	case P90:
		return graph.Weighting{HoursP90: 1, USD: tie}
	default:
		return graph.Weighting{Hours: 1, USD: tie}
	}
}

// Plan returns the best itinerary for r. Errors: caravan.NotFound for an
// unknown place or when no route exists under r's conditions (the message
// says what blocks the route a free network would take); caravan.Invalid for
// FROM equal to TO or an impossible shipment.
func (p *Planner) Plan(ctx context.Context, r Request) (*Itinerary, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if p.other(&r) {
		q, err := p.service(&r)
		if err != nil {
			return nil, err
		}
		return q.Plan(ctx, r)
	}
	g, n := p.g, p.g.Net
	fromIdx, ok := n.PlaceIndex(r.From)
	if !ok {
		return nil, caravan.Errorf(caravan.NotFound, "route.Plan", "unknown place %q", r.From)
	}
	toIdx, ok := n.PlaceIndex(r.To)
	if !ok {
		return nil, caravan.Errorf(caravan.NotFound, "route.Plan", "unknown place %q", r.To)
	}
	if r.From == r.To {
		return nil, caravan.Errorf(caravan.Invalid, "route.Plan", "origin and destination are the same place (%s)", r.From)
	}
	if r.By == 0 {
		r.By = Time
	}
	if err := p.checkEnds(&r); err != nil {
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
	if r.By == GC && p.timeCostRate == 0 {
		return nil, caravan.Errorf(caravan.Invalid, "route.Plan", "generalised cost needs the time_cost_rate_per_year parameter")
	}
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	cond := r.conditions()
	if sc.blocked, err = p.blocked(&cond, sc.blocked); err != nil {
		return nil, err
	}
	w := p.weighting(&r, gs)
	if w.Risk != 0 {
		sc.risk = g.Risks(int32(r.AsOf), sc.risk)
	}
	sc.w = g.Weights(w, gs, sc.risk, sc.w)
	dst := g.Arrival(int32(toIdx))
	if d := p.find(sc, int32(fromIdx), dst, &via); math.IsInf(d, 1) || dst < 0 {
		return nil, p.noRoute(sc, &r, int32(fromIdx), dst, &via)
	}
	sc.path = p.pathTo(sc, dst, &via, sc.path[:0])
	it := p.itinerary(&r, gs, ship, sc.path)
	if r.By == P90 {
		// The sum of the legs' p90s only stands in for the trip's p90
		// (percentiles of a sum do not add): the time-optimal route, whose
		// elements pool their spread, can have the lower trip p90. Return
		// the better of the two, so that by p90 is never worse than by
		// time on the trip's own p90.
		rt := r
		rt.By = Time
		sc.w = g.Weights(p.weighting(&rt, gs), gs, sc.risk, sc.w)
		if d := p.find(sc, int32(fromIdx), dst, &via); !math.IsInf(d, 1) {
			sc.path = p.pathTo(sc, dst, &via, sc.path[:0])
			if alt := p.itinerary(&r, gs, ship, sc.path); alt.Total.HoursP90 < it.Total.HoursP90 {
				it = alt
			}
		}
	}
	return it, nil
}

// search runs the search from every state of place from to node dst.
func (p *Planner) search(sc *scratch, from, dst int32) float64 {
	sc.starts = p.appendStarts(sc.starts[:0], from)
	if dst < 0 || len(sc.starts) == 0 {
		return math.Inf(1)
	}
	return sc.s.SearchFrom(sc.w, sc.blocked, sc.starts, dst)
}

// appendStarts appends to buf the states of place a route can leave it in
// (every state but its arrival node), each at distance 0.
func (p *Planner) appendStarts(buf []csr.Start, place int32) []csr.Start {
	for _, v := range p.g.PlaceNodes(place) {
		if p.g.States[v].Mode != 0 {
			buf = append(buf, csr.Start{Node: v})
		}
	}
	return buf
}

// checkEnds rejects requests whose origin or destination is itself avoided.
func (p *Planner) checkEnds(r *Request) error {
	for _, id := range []string{r.From, r.To} {
		pl, _ := p.g.Net.Place(id)
		if why := avoided(r, id, pl.Country, "an end of the route"); why != "" {
			return caravan.Errorf(caravan.Invalid, "route.Plan", "%s", why)
		}
	}
	return nil
}

// avoided says why place id (in country) may not be what (an end of the
// route, a waypoint) of r, "" when nothing r avoids rules it out.
func avoided(r *Request, id, country, what string) string {
	switch {
	case slices.Contains(r.AvoidPlaces, id):
		return id + " is both " + what + " and a place to avoid"
	case slices.Contains(r.AvoidCountries, country):
		return id + " is in " + country + ", a country to avoid"
	}
	return ""
}

// noRoute builds the error for a request without a route. It names what
// blocks: each avoid list (modes, countries, places, links) that, dropped
// alone, would let a route through; else the dated closures and statuses on
// the route the full network would take. It ends with the place nearest
// (great-circle) to the destination that the request can reach, the
// railhead or border post a user may want instead ("the rail network ends
// at Naibabad, 16 km from Mazar-i-Sharif"). With waypoints (via, from
// Planner.waypoints) every search keeps them, and the waypoints are a
// blocker of their own when the route exists without them or a leg between
// two of them has none. sc holds the failed search.
func (p *Planner) noRoute(sc *scratch, r *Request, from, dst int32, via *layers) error {
	g := p.g
	base := fmt.Sprintf("no route from %s to %s", r.From, r.To)
	if len(via.places) > 0 {
		base += " via " + viaNames(r)
	}
	if via.modes != nil {
		base += " with leg modes " + legModesNames(r)
	}
	if !r.AsOf.IsZero() {
		base += " as of " + r.AsOf.String()
	}
	if dst < 0 {
		return caravan.Errorf(caravan.NotFound, "route.Plan", "%s: %s has no links", base, r.To)
	}
	alt := p.nearestReached(sc, r.From, r.To, via)
	cond := r.conditions()
	// Every search below asks only whether (and by which arcs) dst is
	// reachable: one set of weights, by time, serves them all.
	sc.w = g.Weights(graph.Weighting{Hours: 1}, graph.Shipment{}, nil, sc.w)
	reaches := func(c graph.Conditions, via *layers) bool {
		var err error
		if sc.blocked, err = g.Blocked(&c, sc.blocked); err != nil {
			return false
		}
		return !math.IsInf(p.find(sc, from, dst, via), 1)
	}
	var blockers []string
	if len(r.AvoidModes) > 0 {
		c := cond
		c.AvoidModes = nil
		if reaches(c, via) {
			blockers = append(blockers, "the modes asked for ("+allowedModes(r.AvoidModes)+"): with every mode there is a route")
		}
	}
	for _, rel := range []struct {
		what string
		n    int
		drop func(*graph.Conditions)
	}{
		{"the countries to avoid (" + strings.Join(r.AvoidCountries, ", ") + ")", len(r.AvoidCountries), func(c *graph.Conditions) { c.AvoidCountries = nil }},
		{"the places to avoid (" + strings.Join(r.AvoidPlaces, ", ") + ")", len(r.AvoidPlaces), func(c *graph.Conditions) { c.AvoidPlaces = nil }},
		{"the links to avoid (" + strings.Join(r.AvoidLinks, ", ") + ")", len(r.AvoidLinks), func(c *graph.Conditions) { c.AvoidLinks = nil }},
	} {
		if rel.n == 0 {
			continue
		}
		c := cond
		rel.drop(&c)
		if reaches(c, via) {
			blockers = append(blockers, rel.what+": without them there is a route")
		}
	}
	if via.modes != nil {
		free := layers{places: via.places}
		if reaches(cond, &free) {
			blockers = append(blockers, "the modes of the legs ("+legModesNames(r)+"): with every mode on every leg there is a route")
		}
	}
	if len(via.places) > 0 {
		if b, err := p.viaBlocks(sc, r, &cond, from, dst, via); err != nil {
			return err
		} else if b != "" {
			blockers = append(blockers, b)
		}
	}
	full := cond
	full.AsOf = 0
	full.IgnoreAvailability = true
	var err error
	if sc.blocked, err = g.Blocked(&full, sc.blocked); err != nil {
		return err
	}
	var reasons []string
	if d := p.find(sc, from, dst, via); !math.IsInf(d, 1) {
		path := p.pathTo(sc, dst, via, nil)
		seen := map[string]bool{}
		for _, a := range path {
			why := g.Why(a, &cond)
			if why != "" && !seen[why] {
				seen[why] = true
				reasons = append(reasons, why)
			}
		}
		if len(reasons) > 6 {
			reasons = append(reasons[:6], fmt.Sprintf("and %d more", len(reasons)-6))
		}
	}
	var parts []string
	if len(reasons) > 0 {
		parts = append(parts, "the shortest route of the full network is blocked: "+strings.Join(reasons, "; "))
	}
	if len(blockers) > 0 {
		parts = append(parts, "blocked by "+strings.Join(blockers, "; "))
	}
	if len(parts) == 0 {
		if len(r.AvoidCountries)+len(r.AvoidPlaces)+len(r.AvoidLinks)+len(r.AvoidModes) > 0 {
			parts = append(parts, "no single restriction blocks it, but together they do ("+describeAvoid(r)+")")
		} else {
			parts = append(parts, "the network does not connect them")
		}
	}
	return caravan.Errorf(caravan.NotFound, "route.Plan", "%s: %s%s", base, strings.Join(parts, "; "), alt)
}

// nearestReached names the place nearest to the destination that the last
// (failed, hence exhaustive) search reached, as "; nearest place reachable
// as asked: ID (Name), N km from TO", or "" when it reached none but the
// origin.
func (p *Planner) nearestReached(sc *scratch, fromID, toID string, via *layers) string {
	n := p.g.Net
	to, _ := n.Place(toID)
	best, bestKm := -1, math.Inf(1)
	places := n.Places()
	for i := range places {
		if places[i].ID == fromID || places[i].ID == toID {
			continue
		}
		v := p.g.Arrival(int32(i))
		if v < 0 || math.IsInf(p.reached(sc, v, via), 1) {
			continue
		}
		if km := network.GreatCircleKm(places[i].Loc, to.Loc); km < bestKm {
			best, bestKm = i, km
		}
	}
	if best < 0 {
		return ""
	}
	return fmt.Sprintf("; nearest place reachable as asked: %s (%s), %.0f km from %s", places[best].ID, places[best].Names.En, bestKm, toID)
}

// allowedModes lists the modes not in avoid, as "rail" or "rail, ferry".
func allowedModes(avoid []network.Mode) string {
	var out []string
	for _, m := range network.Modes {
		if !slices.Contains(avoid, m) {
			out = append(out, m.String())
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return "only " + strings.Join(out, ", ")
}

// describeAvoid summarises a request's avoid lists.
func describeAvoid(r *Request) string {
	var parts []string
	if len(r.AvoidModes) > 0 {
		parts = append(parts, "modes: "+allowedModes(r.AvoidModes))
	}
	for _, x := range []struct {
		what string
		ids  []string
	}{{"countries", r.AvoidCountries}, {"places", r.AvoidPlaces}, {"links", r.AvoidLinks}} {
		if len(x.ids) > 0 {
			parts = append(parts, "avoiding "+x.what+" "+strings.Join(x.ids, ", "))
		}
	}
	return strings.Join(parts, "; ")
}

func sortedUnique(ids []string) []string {
	sort.Strings(ids)
	out := ids[:0]
	for i, s := range ids {
		if i == 0 || s != ids[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// Cost returns the value of r's criterion on its best route without
// building an itinerary (for matrices and benchmarks); +Inf when there is no
// route. It allocates nothing once the planner's pool is warm.
func (p *Planner) Cost(ctx context.Context, r *Request) (float64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if p.other(r) {
		q, err := p.service(r)
		if err != nil {
			return 0, err
		}
		return q.Cost(ctx, r)
	}
	fromIdx, ok := p.g.Net.PlaceIndex(r.From)
	if !ok {
		return 0, caravan.Errorf(caravan.NotFound, "route.Cost", "unknown place %q", r.From)
	}
	toIdx, ok := p.g.Net.PlaceIndex(r.To)
	if !ok {
		return 0, caravan.Errorf(caravan.NotFound, "route.Cost", "unknown place %q", r.To)
	}
	via, err := p.waypoints(r)
	if err != nil {
		return 0, err
	}
	gs, _, err := p.shipment(r)
	if err != nil {
		return 0, err
	}
	by := r.By
	if by == 0 {
		by = Time
	}
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	cond := r.conditions()
	if sc.blocked, err = p.blocked(&cond, sc.blocked); err != nil {
		return 0, err
	}
	rr := *r
	rr.By = by
	w := p.weighting(&rr, gs)
	if w.Risk != 0 {
		sc.risk = p.g.Risks(int32(r.AsOf), sc.risk)
	}
	sc.w = p.g.Weights(w, gs, sc.risk, sc.w)
	return p.find(sc, int32(fromIdx), p.g.Arrival(int32(toIdx)), &via), nil
}
