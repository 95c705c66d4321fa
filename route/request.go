package route

import (
	"fmt"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
)

// Criterion is what a search minimises.
type Criterion uint8

// The criteria.
const (
	Time Criterion = iota + 1 // mean hours door to door
	Cost                      // USD for the shipment
	CO2                       // kg CO2 for the shipment
	GC                        // generalised cost: USD + value of the cargo's time
	Risk                      // disruption risk (graph.Risk summed over the legs)
	// P90 minimises the sum of the legs' own 90th percentiles, a
	// conservative additive stand-in for the 90th percentile of the trip
	// (which a shortest-path search cannot minimise exactly: percentiles
	// of a sum do not add). It prefers reliable legs to fast but erratic
	// ones. Plan then returns that route or the time-optimal one,
	// whichever has the lower p90 of the trip itself, and reports it.
	P90
)

var criterionNames = [...]string{"", "time", "cost", "co2", "gc", "risk", "p90"}

// String returns "time", "cost", "co2", "gc", "risk" or "p90".
func (c Criterion) String() string {
	if int(c) < len(criterionNames) && c != 0 {
		return criterionNames[c]
	}
	return fmt.Sprintf("criterion(%d)", uint8(c))
}

// ParseCriterion parses "time", "cost", "co2", "gc", "risk" or "p90".
func ParseCriterion(s string) (Criterion, error) {
	for i, n := range criterionNames {
		if i > 0 && n == strings.ToLower(s) {
			return Criterion(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "criterion %q: want time, cost, co2, gc, risk or p90", s)
}

// MarshalText writes the criterion name.
func (c Criterion) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Request asks for one route.
type Request struct {
	From, To string // place ids
	// Via are the places the route must pass through, in this order
	// (none: the best route whatever it passes). They are not conditions:
	// the search keeps them in its state (see Waypoint).
	Via []Waypoint
	// LegModes restricts the modes of each leg of a route with waypoints:
	// LegModes[k] are the modes of leg k, from the k-th stop to the next
	// (the stops are From, Via in order, To), so len(Via)+1 sets; an empty
	// set allows every mode, and nil (or every set empty) restricts no
	// leg. "By rail to Kashgar, trucks to Osh, rail to Hairatan" is Via
	// {Kashgar, Osh} with LegModes {rail}, {road}, {rail}. The modes
	// change at a waypoint only by a transfer the network has there; the
	// arc that reaches a waypoint belongs to the leg it ends, the transfer
	// after it to the leg it starts. AvoidModes still applies
	// to every leg: a leg may use the modes in both. Errors name the
	// leg_modes parameter: LegModes without Via, a count other than
	// len(Via)+1, an unknown mode, a leg whose modes AvoidModes all rule
	// out.
	LegModes [][]network.Mode

	AsOf network.Date // the network as on this date: statuses, validity, closures
	By   Criterion    // zero means Time

	// The shipment: TEU and tonnes. With one of them zero it is derived
	// from the other with the tonnes_per_teu parameter; with both zero the
	// shipment is one TEU. A shipment given in TEU (or by default) is
	// containers, which pay the road by the truck (truck_teu a truck, a
	// 20-ft box alone a whole one); one given in tonnes alone pays it by
	// the tonne.
	TEU, Tonnes float64
	// ValuePerTonne is the cargo value in USD per tonne, for the value of
	// time in generalised cost; zero means the cargo_value_usd_per_tonne
	// parameter.
	ValuePerTonne float64

	AvoidCountries []string
	AvoidPlaces    []string
	AvoidLinks     []string // link or crossing ids
	AvoidModes     []network.Mode
	OpenProjects   []string // project ids whose links carry traffic regardless of status

	// FromFirstDeparture times the trip from the departure of its first
	// scheduled service, as published transit times usually are ("12 days
	// from Vladivostok"), instead of from the cargo's arrival at the
	// origin: the expected wait for that first departure is left out of
	// the totals (and reported as the first leg's wait all the same).
	// When the trip starts by road, the trucks leave when the shipper
	// sends them, timed to meet the service it booked: the wait for the
	// first scheduled service after road legs only is left out in the
	// same way. After a leg of any other mode (a train, whose arrival the
	// shipper does not time) every wait counts.
	FromFirstDeparture bool

	// RailService is the rail service the shipment books (a forwarder
	// knows which): a scheduled container block train (the zero value) or
	// conventional wagonload, which moves a smaller share of the day and
	// stands longer at borders (graph.RailService).
	RailService graph.RailService
	// TIR says the shipment's trucks travel under TIR carnets (sealed
	// transit under one guarantee), which CAREC finds clears road borders
	// in tir_border_time_factor of the average truck's time (graph.Graph.TIR).
	TIR bool

	// RiskPenalty adds this weight per unit of risk (graph.Risk) on each leg
	// to the criterion: USD for cost and gc, hours for time.
	RiskPenalty float64
}

func (r *Request) conditions() graph.Conditions {
	return graph.Conditions{
		AsOf: r.AsOf, OpenProjects: r.OpenProjects, AvoidCountries: r.AvoidCountries,
		AvoidPlaces: r.AvoidPlaces, AvoidLinks: r.AvoidLinks, AvoidModes: r.AvoidModes,
	}
}
