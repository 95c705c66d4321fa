package graph

import (
	"fmt"
	"math"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/network"
)

// Conditions are the per-query rules that decide which arcs may be used:
// the as-of date (status, validity and closures), the projects a scenario
// treats as open, and what to avoid. They never change the graph.
type Conditions struct {
	AsOf           network.Date
	OpenProjects   []string       // projects whose links carry traffic regardless of their status
	AvoidCountries []string       // ISO codes: no state in these countries
	AvoidPlaces    []string       // place ids
	AvoidLinks     []string       // link or crossing ids
	AvoidModes     []network.Mode // no link, crossing or transfer of these modes
	// IgnoreAvailability makes every arc available whatever its status,
	// validity and closures (the avoid lists still apply): the network as
	// if everything were built and open.
	IgnoreAvailability bool
}

// DateOnly reports whether c depends on its date alone: nothing opened,
// avoided or ignored, so that Blocked gives the same bitset for every c
// with the same AsOf (what a cache of it may key on).
func (c *Conditions) DateOnly() bool {
	return len(c.OpenProjects) == 0 && len(c.AvoidCountries) == 0 && len(c.AvoidPlaces) == 0 &&
		len(c.AvoidLinks) == 0 && len(c.AvoidModes) == 0 && !c.IgnoreAvailability
}

// Blocked writes into buf (grown as needed) the bitset of arcs that c rules
// out and returns it. Unknown ids in c give a caravan.NotFound error. O(arcs
// + closures); no allocation when buf is large enough.
func (g *Graph) Blocked(c *Conditions, buf []uint64) ([]uint64, error) {
	words := (len(g.arcs) + 63) / 64
	if cap(buf) < words {
		buf = make([]uint64, words)
	}
	buf = buf[:words]
	clear(buf)
	n := g.Net
	for _, id := range c.OpenProjects {
		if _, ok := n.Project(id); !ok {
			return buf, caravan.Errorf(caravan.NotFound, "graph.Blocked", "unknown project %q", id)
		}
	}
	for _, code := range c.AvoidCountries {
		if _, ok := n.Country(code); !ok {
			return buf, caravan.Errorf(caravan.NotFound, "graph.Blocked", "unknown country %q", code)
		}
	}
	for _, id := range c.AvoidPlaces {
		if _, ok := n.Place(id); !ok {
			return buf, caravan.Errorf(caravan.NotFound, "graph.Blocked", "unknown place %q", id)
		}
	}
	for _, id := range c.AvoidLinks {
		if _, ok := n.Link(id); !ok {
			return buf, caravan.Errorf(caravan.NotFound, "graph.Blocked", "unknown link or crossing %q", id)
		}
	}
	places := n.Places()
	links := n.Links()
	transfers := n.Transfers()
	heads, tails := g.CSR.Heads, g.CSR.Tails
	for a := range g.arcs {
		arc := &g.arcs[a]
		if arc.Kind == ArriveArc {
			continue
		}
		ok := true
		from, to := g.States[tails[a]], g.States[heads[a]]
		switch arc.Kind {
		case LinkArc, CrossingArc:
			l := &links[arc.Ref]
			ok = !contains(c.AvoidLinks, l.ID) && !containsMode(c.AvoidModes, l.Mode) &&
				(c.IgnoreAvailability || g.linkOpen(arc.Ref, c))
		case TransferArc:
			t := &transfers[arc.Ref]
			ok = !containsMode(c.AvoidModes, t.FromMode) && !containsMode(c.AvoidModes, t.ToMode) &&
				(c.IgnoreAvailability || g.transferOpen(t, c))
		}
		if ok && (len(c.AvoidPlaces) > 0 || len(c.AvoidCountries) > 0) {
			for _, s := range [2]State{from, to} {
				p := &places[s.Place]
				if contains(c.AvoidPlaces, p.ID) || contains(c.AvoidCountries, p.Country) {
					ok = false
					break
				}
			}
		}
		if ok && !c.IgnoreAvailability && g.closedArc(a, c.AsOf) {
			ok = false
		}
		if !ok {
			csr.SetBit(buf, int32(a))
		}
	}
	return buf, nil
}

// outOfSeason reports whether l's service does not run on d (no date: it
// runs).
func outOfSeason(l *network.Link, d network.Date) bool {
	return !d.IsZero() && !l.Season.Contains(d)
}

// linkOpen reports whether link li carries traffic under c, closures aside.
func (g *Graph) linkOpen(li int32, c *Conditions) bool {
	l := &g.Net.Links()[li]
	if outOfSeason(l, c.AsOf) {
		return false // the service does not run
	}
	if l.Status == network.Operational {
		return l.Open.Contains(c.AsOf)
	}
	if from, ok := g.opened[li]; ok && c.AsOf >= from {
		return true // a scenario opens it
	}
	if l.Status == network.Suspended || l.Project == "" {
		return false
	}
	// A scenario opens a project's links from their open_from date on (or at
	// once when none is given), whatever their status.
	return contains(c.OpenProjects, l.Project) && l.Open.Contains(c.AsOf)
}

// ArcOf returns the arc that runs over link, crossing or transfer id from
// place from to place to, or -1 when there is none. O(arcs).
func (g *Graph) ArcOf(id, from, to string) int32 {
	places := g.Net.Places()
	for a := range int32(len(g.arcs)) {
		arc := &g.arcs[a]
		var aid string
		switch arc.Kind {
		case LinkArc, CrossingArc:
			aid = g.Net.Links()[arc.Ref].ID
		case TransferArc:
			aid = g.Net.Transfers()[arc.Ref].ID
		default:
			continue
		}
		if aid == id && places[g.States[g.CSR.Tails[a]].Place].ID == from && places[g.States[g.CSR.Heads[a]].Place].ID == to {
			return a
		}
	}
	return -1
}

// Why explains why arc a is unavailable under c's date and projects (not
// its avoid lists), or returns "" when it is available.
func (g *Graph) Why(a int32, c *Conditions) string {
	arc := &g.arcs[a]
	var parts []string
	check := func(target, what string) {
		for _, cl := range g.Closures(target, c.AsOf) {
			until := "with no reopening date"
			if cl.Period.Until != 0 {
				until = "until " + cl.Period.Until.String()
			}
			parts = append(parts, fmt.Sprintf("%s closed from %s %s (%s; closure %s)", what, cl.Period.From, until, cl.Reason, cl.ID))
		}
	}
	switch arc.Kind {
	case LinkArc, CrossingArc:
		l := g.Link(a)
		what := "link " + l.ID
		if l.Crossing != nil {
			what = "crossing " + l.Crossing.Name + " (" + l.ID + ")"
		}
		switch {
		case g.linkOpen(arc.Ref, c):
		case outOfSeason(l, c.AsOf):
			parts = append(parts, fmt.Sprintf("%s runs only in season %s", what, l.Season))
		case l.Status != network.Operational && l.Project != "":
			parts = append(parts, fmt.Sprintf("%s is %s (project %s)", what, l.Status, l.Project))
		case l.Status != network.Operational:
			parts = append(parts, fmt.Sprintf("%s is %s", what, l.Status))
		default:
			parts = append(parts, fmt.Sprintf("%s carries traffic only %s", what, l.Open))
		}
		check(l.ID, what)
	case TransferArc:
		t := g.Transfer(a)
		if !g.transferOpen(t, c) {
			parts = append(parts, fmt.Sprintf("transfer %s is %s", t.ID, t.Status))
		}
	}
	for _, v := range [2]int32{g.CSR.Tails[a], g.CSR.Heads[a]} {
		p := &g.Net.Places()[g.States[v].Place]
		check(p.ID, p.Names.En)
	}
	return strings.Join(parts, "; ")
}

// transferOpen reports whether transfer t works under c: operational and
// valid on the date, or built by a project that c or a scenario opens.
func (g *Graph) transferOpen(t *network.Transfer, c *Conditions) bool {
	if t.Status == network.Operational {
		return t.Open.Contains(c.AsOf)
	}
	if t.Status == network.Suspended || t.Project == "" {
		return false
	}
	if from, ok := g.openedProjects[t.Project]; ok && c.AsOf >= from {
		return true
	}
	return contains(c.OpenProjects, t.Project) && t.Open.Contains(c.AsOf)
}

// Closures returns the closures of target (a link, crossing or place id)
// that cover date d.
func (g *Graph) Closures(target string, d network.Date) []network.Closure {
	var out []network.Closure
	for _, i := range g.closuresByTarget[target] {
		if c := g.closures[i]; c.Period.Contains(d) {
			out = append(out, c)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsMode(list []network.Mode, m network.Mode) bool {
	for _, x := range list {
		if x == m {
			return true
		}
	}
	return false
}

// Shipment is the cargo a query moves: its size in TEU and tonnes (both
// known: see Normalize) and the value of its time.
type Shipment struct {
	TEU    float64
	Tonnes float64
	// Trucks is how many trucks carry the shipment on the road: a road
	// arc costs its price per TruckLoadTonnes for each. 0 means by weight,
	// Tonnes / TruckLoadTonnes (bulk cargo, paid per tonne); a container
	// shipment pays whole trucks (Graph.ContainerTrucks).
	Trucks float64
	// USDPerTonneHour is the value of time of the cargo, for generalised
	// cost: what one tonne-hour in transit costs the shipper.
	USDPerTonneHour float64
}

// Weighting is a linear combination of an arc's criteria for a shipment:
// weight = Hours·h + HoursP90·h90 + USD·usd + KgCO2·co2 + Km·km +
// Borders·b + Risk·r.
type Weighting struct {
	Hours, HoursP90, USD, KgCO2, Km, Borders, Risk float64
}

// Weights writes into buf (grown as needed) the weight of every arc under w
// for shipment s and returns it; risk holds the per-arc risk (see Risks) and
// may be nil when w.Risk is zero. O(arcs); no allocation when buf is large
// enough.
func (g *Graph) Weights(w Weighting, s Shipment, risk []float64, buf []float64) []float64 {
	m := len(g.arcs)
	if cap(buf) < m {
		buf = make([]float64, m)
	}
	buf = buf[:m]
	usdT, usdTEU := w.USD*s.Tonnes, w.USD*s.TEU
	usdTruck := w.USD * g.truckTonnes(s)
	co2 := w.KgCO2 * s.Tonnes
	for a := range buf {
		ut := usdT
		if g.byTruck[a] {
			ut = usdTruck
		}
		x := w.Hours*g.hours[a] + w.HoursP90*g.hoursP90[a] + ut*g.usdT[a] + usdTEU*g.usdTEU[a] + co2*g.co2T[a] + w.Km*g.km[a]
		if w.Borders != 0 && g.arcs[a].Kind == CrossingArc {
			x += w.Borders
		}
		if w.Risk != 0 {
			x += w.Risk * risk[a]
		}
		buf[a] = x
	}
	return buf
}

// Cost is the value of every criterion along a set of arcs, for a shipment.
type Cost struct {
	Km       float64 `json:"km"`
	Hours    float64 `json:"hours"`
	HoursP90 float64 `json:"hours_p90"` // sum of the arcs' own p90s (see Weights)
	HoursVar float64 `json:"hours_var"` // variance of the time, hours²
	USD      float64 `json:"usd"`
	KgCO2    float64 `json:"kg_co2"`
	Borders  int     `json:"borders"`
	Risk     float64 `json:"risk"`
}

// truckTonnes returns the tonnes a road arc's price per tonne is paid for:
// the trucks' loads, or the shipment's weight when Trucks is 0.
func (g *Graph) truckTonnes(s Shipment) float64 {
	if s.Trucks > 0 && g.TruckLoadTonnes > 0 {
		return s.Trucks * g.TruckLoadTonnes
	}
	return s.Tonnes
}

// ContainerTrucks returns the trucks a shipment of teu TEU of containers
// takes: ceil(teu / TruckTEU), at least one (a 20-ft box alone fills a
// truck's chassis as far as the price goes); 0, that is by weight, when
// the network gives no truck_teu.
func (g *Graph) ContainerTrucks(teu float64) float64 {
	if g.TruckTEU <= 0 || teu <= 0 {
		return 0
	}
	return math.Max(1, math.Ceil(teu/g.TruckTEU-1e-9))
}

// ArcCost returns the criteria of arc a for shipment s.
func (g *Graph) ArcCost(a int32, s Shipment) Cost {
	t := s.Tonnes
	if g.byTruck[a] {
		t = g.truckTonnes(s)
	}
	c := Cost{
		Km: g.km[a], Hours: g.hours[a], HoursP90: g.hoursP90[a], HoursVar: g.hoursVar[a],
		USD:   g.usdT[a]*t + g.usdTEU[a]*s.TEU,
		KgCO2: g.co2T[a] * s.Tonnes,
	}
	if g.arcs[a].Kind == CrossingArc {
		c.Borders = 1
	}
	return c
}

// Add returns the sum of two costs.
func (c Cost) Add(d Cost) Cost {
	return Cost{c.Km + d.Km, c.Hours + d.Hours, c.HoursP90 + d.HoursP90, c.HoursVar + d.HoursVar, c.USD + d.USD, c.KgCO2 + d.KgCO2, c.Borders + d.Borders, c.Risk + d.Risk}
}
