package freight

import (
	"context"
	"math"
	"sort"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/assign"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
)

// Estimated capacities, tonnes a year in each direction, for elements the
// dataset gives none (see the package documentation for how each was
// derived). They are marked Estimated in every result.
const (
	EstRoadLinkTPY     = 14.6e6 // 2,000 trucks a day × 20 t × 365
	EstRailLinkTPY     = 13.1e6 // 12 train pairs a day × 3,000 t × 365
	EstRoadCrossingTPY = 3.65e6 // 500 trucks a day × 20 t × 365
	EstRailCrossingTPY = 10e6   // half the sourced Alashankou–Dostyk figure
	EstFerryTPY        = 5e6    // a few Caspian ferry or ro-ro lines
	EstSeaTPY          = 50e6   // not a constraint at corridor volumes
	EstTransferTPY     = 5e6    // a mid-sized inland terminal or gauge-change yard
	EstAirTPY          = 0.1e6
)

// Volume-delay parameters: BPR on an element's hours, with a steeper curve
// at border crossings standing in for the queue before the post.
const (
	bprB, bprPower           = 0.15, 4
	crossingB, crossingPower = 1.0, 6
)

// Options configure Build and Solve.
type Options struct {
	// Conditions decide which arcs carry traffic (as-of date, avoided
	// links, opened projects); see graph.Conditions.
	Conditions graph.Conditions
	// USDPerTonneHour is the value of time that turns hours into USD in the
	// generalized cost (USD per tonne: handling and line-haul charges plus
	// value of time × hours). Must be positive.
	USDPerTonneHour float64
	// Gap and MaxIterations stop Algorithm B (defaults 1e-6 and 200).
	Gap           float64
	MaxIterations int
	// Workers for Algorithm B; 0 means GOMAXPROCS.
	Workers int
}

// Model is a freight assignment problem built from a compiled corridor
// graph: one zone per place with demand, connected to the place's states,
// and one assignment link per usable graph arc.
type Model struct {
	g        *graph.Graph
	opts     Options
	net      *assign.Network
	dem      *assign.Demand
	demand   []Demand // served
	unserved []Demand // no path under the conditions
	zonePl   []int32  // zone → place index
	arcOf    []int32  // assignment link → graph arc, -1 for a connector
	capTPY   []float64
	capEst   []bool
	hours    []float64
	usd      []float64
	links    []assign.Link // the assignment links m.net was built from
	// freeFlowSum is the sum of the links' free-flow costs: a simple
	// path costs less at free flow, so a closure is a surcharge of ten
	// times it (Criticality).
	freeFlowSum float64
}

// Build checks the demand's places and makes the model. Demand between
// places that no usable path joins is set aside as unserved, not an error.
// Errors: caravan.NotFound for an unknown place, caravan.Invalid for a bad
// option or demand.
func Build(g *graph.Graph, demand []Demand, opts Options) (*Model, error) {
	const op = "freight.Build"
	if !(opts.USDPerTonneHour > 0) || math.IsInf(opts.USDPerTonneHour, 0) {
		return nil, caravan.Errorf(caravan.Invalid, op, "value of time %v USD per tonne-hour must be positive", opts.USDPerTonneHour)
	}
	blocked, err := g.Blocked(&opts.Conditions, nil)
	if err != nil {
		return nil, err
	}
	n := g.Net
	m := &Model{g: g, opts: opts}
	zoneOf := map[int32]int32{}
	for i, d := range demand {
		for _, id := range [2]string{d.From, d.To} {
			p, ok := n.PlaceIndex(id)
			if !ok {
				return nil, caravan.Errorf(caravan.NotFound, op, "demand %d: unknown place %q", i, id)
			}
			if _, ok := zoneOf[int32(p)]; !ok {
				zoneOf[int32(p)] = int32(len(m.zonePl))
				m.zonePl = append(m.zonePl, int32(p))
			}
		}
		if !(d.TonnesPerYear > 0) || math.IsInf(d.TonnesPerYear, 0) {
			return nil, caravan.Errorf(caravan.Invalid, op, "demand %d (%s → %s): %v tonnes a year", i, d.From, d.To, d.TonnesPerYear)
		}
	}
	zones := len(m.zonePl)
	ship := graph.Shipment{Tonnes: 1, TEU: 1 / g.TonnesPerTEU}
	m.hours = g.Weights(graph.Weighting{Hours: 1}, ship, nil, nil)
	m.usd = g.Weights(graph.Weighting{USD: 1}, ship, nil, nil)
	m.capTPY = make([]float64, g.NumArcs())
	m.capEst = make([]bool, g.NumArcs())
	var links []assign.Link
	off, heads := g.CSR.Offsets, g.CSR.Heads
	for v := range g.CSR.NumNodes() {
		for a := off[v]; a < off[v+1]; a++ {
			if blocked[a>>6]&(1<<(uint(a)&63)) != 0 {
				continue
			}
			arc := g.Arc(a)
			c, est := capacity(g, a)
			m.capTPY[a], m.capEst[a] = c, est
			l := assign.Link{From: int32(zones + v), To: int32(zones) + heads[a], FreeFlowTime: opts.USDPerTonneHour * m.hours[a], Fixed: m.usd[a], Capacity: c}
			switch arc.Kind {
			case graph.ArriveArc:
				l.Capacity = 0
			case graph.CrossingArc:
				l.B, l.Power = crossingB, crossingPower
			default:
				l.B, l.Power = bprB, bprPower
			}
			if !(l.Fixed >= 0) {
				l.Fixed = 0
			}
			links = append(links, l)
			m.arcOf = append(m.arcOf, a)
		}
	}
	for z, p := range m.zonePl {
		for _, v := range g.PlaceNodes(p) {
			if g.States[v].Mode == 0 { // the arrival node
				links = append(links, assign.Link{From: int32(zones) + v, To: int32(z)})
			} else {
				links = append(links, assign.Link{From: int32(z), To: int32(zones) + v})
			}
			m.arcOf = append(m.arcOf, -1)
		}
	}
	m.links = links
	for _, l := range links {
		m.freeFlowSum += l.FreeFlowTime + l.Fixed
	}
	if m.net, err = assign.NewNetwork(zones+g.CSR.NumNodes(), zones, zones, links); err != nil {
		return nil, caravan.Errorf(caravan.Internal, op, "%w", err)
	}
	reach, err := reachable(m.net.Nodes(), zones, links)
	if err != nil {
		return nil, caravan.Errorf(caravan.Internal, op, "%w", err)
	}
	var ods []assign.OD
	for _, d := range demand {
		pf, _ := n.PlaceIndex(d.From)
		pt, _ := n.PlaceIndex(d.To)
		o, t := zoneOf[int32(pf)], zoneOf[int32(pt)]
		if !reach[o][t] {
			m.unserved = append(m.unserved, d)
			continue
		}
		m.demand = append(m.demand, d)
		ods = append(ods, assign.OD{From: o, To: t, Flow: d.TonnesPerYear})
	}
	if m.dem, err = assign.NewDemand(zones, ods); err != nil {
		return nil, caravan.Errorf(caravan.Internal, op, "%w", err)
	}
	return m, nil
}

// capacity returns the capacity of graph arc a in tonnes a year and whether
// it is an estimate.
func capacity(g *graph.Graph, a int32) (float64, bool) {
	arc := g.Arc(a)
	if arc.CapacityTPY > 0 {
		return arc.CapacityTPY, false
	}
	mode := g.States[g.CSR.Tails[a]].Mode
	switch arc.Kind {
	case graph.TransferArc:
		return EstTransferTPY, true
	case graph.CrossingArc:
		if mode == network.Rail {
			return EstRailCrossingTPY, true
		}
		if mode == network.Road {
			return EstRoadCrossingTPY, true
		}
	}
	switch mode {
	case network.Road:
		return EstRoadLinkTPY, true
	case network.Rail:
		return EstRailLinkTPY, true
	case network.Ferry:
		return EstFerryTPY, true
	case network.Sea:
		return EstSeaTPY, true
	case network.Air:
		return EstAirTPY, true
	}
	return EstRoadLinkTPY, true
}

// reachable returns, per zone, the zones its paths reach (zones are not
// passed through).
func reachable(nodes, zones int, links []assign.Link) ([][]bool, error) {
	tails, heads := make([]int32, len(links)), make([]int32, len(links))
	for i, l := range links {
		tails[i], heads[i] = l.From, l.To
	}
	g, _, err := csr.Build(nodes, tails, heads)
	if err != nil {
		return nil, err
	}
	off, adj := g.Offsets, g.Heads
	out := make([][]bool, zones)
	seen := make([]int32, nodes)
	for i := range seen {
		seen[i] = -1
	}
	var stack []int32
	for z := range zones {
		out[z] = make([]bool, zones)
		stack = append(stack[:0], int32(z))
		seen[z] = int32(z)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if int(v) < zones && int(v) != z {
				out[z][v] = true
				continue
			}
			for _, w := range adj[off[v]:off[v+1]] {
				if seen[w] != int32(z) {
					seen[w] = int32(z)
					stack = append(stack, w)
				}
			}
		}
	}
	return out, nil
}

// ArcFlow is the yearly freight on one direction of a link, crossing or
// transfer.
type ArcFlow struct {
	Arc       int32   `json:"arc"`
	Kind      string  `json:"kind"` // link, crossing, transfer
	ID        string  `json:"id"`   // link, crossing or transfer id
	Name      string  `json:"name,omitempty"`
	From      string  `json:"from"` // place ids, in the direction of travel
	To        string  `json:"to"`
	Mode      string  `json:"mode"`
	Tonnes    float64 `json:"tonnes_per_year"`
	Capacity  float64 `json:"capacity_tpy"`
	Estimated bool    `json:"capacity_estimated"` // the capacity is one of the Est constants
	VC        float64 `json:"volume_capacity"`
	FreeHours float64 `json:"free_flow_hours"`
	Hours     float64 `json:"hours"` // at this volume
}

// Result is the equilibrium of a Model.
type Result struct {
	Iterations int     `json:"iterations"`
	Gap        float64 `json:"relative_gap"`
	// TotalCost is Σ tonnes × generalized cost over every element, USD a
	// year; TonneHours the time part in tonne-hours.
	TotalCost     float64   `json:"total_cost_usd"`
	TonneHours    float64   `json:"tonne_hours"`
	DemandTonnes  float64   `json:"demand_tonnes_per_year"`
	Unserved      []Demand  `json:"unserved,omitempty"`
	UnservedTonne float64   `json:"unserved_tonnes_per_year"`
	Flows         []ArcFlow `json:"flows"` // elements with freight, by volume/capacity, highest first
	linkFlow      []float64
	eq            *assign.Result
	model         *Model
}

// Bottlenecks returns the flows whose volume exceeds capacity.
func (r *Result) Bottlenecks() []ArcFlow {
	var out []ArcFlow
	for _, f := range r.Flows {
		if f.VC > 1 {
			out = append(out, f)
		}
	}
	return out
}

// Solve computes the equilibrium with Algorithm B.
func (m *Model) Solve(ctx context.Context) (*Result, error) {
	res := &Result{Unserved: m.unserved}
	for _, d := range m.demand {
		res.DemandTonnes += d.TonnesPerYear
	}
	for _, d := range m.unserved {
		res.UnservedTonne += d.TonnesPerYear
	}
	if len(m.demand) == 0 {
		return res, nil
	}
	r, err := assign.Solve(ctx, m.net, m.dem, m.assignOptions())
	if err != nil {
		return nil, err
	}
	m.fill(res, r)
	return res, nil
}

// assignOptions are the options of Algorithm B for m's runs.
func (m *Model) assignOptions() assign.Options {
	gap, iters := m.opts.Gap, m.opts.MaxIterations
	if gap == 0 {
		gap = 1e-6
	}
	if iters == 0 {
		iters = 200
	}
	return assign.Options{Algorithm: assign.B, Gap: gap, MaxIterations: iters, Workers: m.opts.Workers, KeepBushes: true}
}

// fill completes res (demand and unserved set) from the equilibrium r.
func (m *Model) fill(res *Result, r *assign.Result) {
	res.Iterations, res.Gap, res.TotalCost, res.linkFlow, res.eq = r.Iterations, r.Gap, r.TSTT, r.Flow, r
	res.model = m
	g, n := m.g, m.g.Net
	for i, a := range m.arcOf {
		x := r.Flow[i]
		if a < 0 || x <= 1e-9*res.DemandTonnes {
			continue
		}
		arc := g.Arc(a)
		if arc.Kind == graph.ArriveArc {
			continue
		}
		f := ArcFlow{Arc: a, Tonnes: x, Capacity: m.capTPY[a], Estimated: m.capEst[a], FreeHours: m.hours[a],
			From: n.Places()[g.States[g.CSR.Tails[a]].Place].ID, To: n.Places()[g.States[g.CSR.Heads[a]].Place].ID,
			Mode: g.States[g.CSR.Tails[a]].Mode.String()}
		if f.Capacity > 0 {
			f.VC = x / f.Capacity
		}
		b, p := bprB, float64(bprPower)
		switch arc.Kind {
		case graph.LinkArc:
			f.Kind, f.ID = "link", g.Link(a).ID
		case graph.CrossingArc:
			l := g.Link(a)
			f.Kind, f.ID, b, p = "crossing", l.ID, crossingB, crossingPower
			if l.Crossing != nil {
				f.Name = l.Crossing.Name
			}
		case graph.TransferArc:
			f.Kind, f.ID = "transfer", g.Transfer(a).ID
			f.Mode = g.States[g.CSR.Tails[a]].Mode.String() + "→" + g.States[g.CSR.Heads[a]].Mode.String()
		}
		f.Hours = f.FreeHours * (1 + b*math.Pow(f.VC, p))
		res.TonneHours += x * f.Hours
		res.Flows = append(res.Flows, f)
	}
	sort.SliceStable(res.Flows, func(i, j int) bool {
		if res.Flows[i].VC != res.Flows[j].VC {
			return res.Flows[i].VC > res.Flows[j].VC
		}
		return res.Flows[i].Arc < res.Flows[j].Arc
	})
}
