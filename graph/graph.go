package graph

import (
	"fmt"
	"math"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/network"
)

// State is a node of the graph: cargo at a place, on a mode, on a gauge (0
// unless the mode is rail). A State with Mode 0 is the arrival node of its
// place: every state of the place leads to it at no cost and nothing leaves
// it, so a search can stop at "anywhere in this place".
type State struct {
	Place int32 // index into Network.Places()
	Mode  network.Mode
	Gauge network.Gauge
}

// ArcKind says what an arc stands for.
type ArcKind uint8

// The arc kinds.
const (
	LinkArc     ArcKind = iota + 1 // a domestic link
	CrossingArc                    // a link across a border: running time plus dwell and fee
	TransferArc                    // a change of state at a place
	ArriveArc                      // from a state of a place to the place's arrival node; free
)

// Arc holds the parameters of one arc, per unit of cargo. The graph keeps
// them in parallel arrays; Arc is the view of one index.
type Arc struct {
	Kind          ArcKind
	Ref           int32 // index into Network.Links() or Network.Transfers()
	Reverse       bool  // the arc runs against the link's from→to direction
	Km            float64
	RunHours      float64 // time moving (or handling, for a transfer)
	DwellHours    float64 // border dwell (crossings)
	DwellP90Hours float64 // 90th percentile border dwell, or DwellHours when unpublished
	// WaitHours is the expected wait before the arc: for the departure of
	// a scheduled service (BoardingWait), in the queue of a busy terminal
	// (QueueWait) and for a block train to fill (consolidation).
	WaitHours float64
	// VarHours is the variance of the arc's time in hours²: running time
	// spread, dwell and wait, taken as independent.
	VarHours    float64
	USDPerTonne float64 // line haul (or handling) plus FeePerTonne
	FeePerTonne float64 // the border fee's share of USDPerTonne
	VehicleLoad float64 // tonnes per truck or wagon, to turn a fee per vehicle into FeePerTonne
	// ByTruck says the arc is a road link or crossing: its USDPerTonne is
	// a truck's price over TruckLoadTonnes (CPMM's costs are per 20 t,
	// a truckload), which a shipment pays per truck (Shipment.Trucks).
	ByTruck       bool
	USDPerTEU     float64
	KgCO2PerTonne float64
	CapacityTPY   float64 // tonnes per year, 0 when unknown
	// Rate indices (into Network.Rates(), -1 when the link's own figure was
	// used) behind the speed, cost and CO2 figures, for explanations.
	SpeedRate, CostRate, CO2Rate int32
}

// Hours returns the mean time on the arc: running plus dwell plus wait.
func (a *Arc) Hours() float64 { return a.RunHours + a.DwellHours + a.WaitHours }

// Graph is a compiled network: a CSR graph of states and the parameters of
// every arc. It is immutable and safe for concurrent use.
type Graph struct {
	Net    *network.Network
	CSR    *csr.Graph
	States []State // node → state
	// placeNodes[placeOff[p]:placeOff[p+1]] are the nodes of place p.
	placeOff   []int32
	placeNodes []int32
	arcs       []Arc // CSR order
	rev        *csr.Graph
	revOrig    []int32 // arc of rev → arc of CSR

	// Per-arc columns in CSR order, for weight computation.
	hours, hoursP90, hoursVar, usdT, usdTEU, co2T, km []float64
	byTruck                                           []bool

	// Parameters of the shipment model.
	TonnesPerTEU    float64
	TruckLoadTonnes float64
	WagonLoadTonnes float64
	// TruckTEU is how many TEU one truck carries (truck_teu: one 40-ft box
	// or two 20-ft; 0 when absent): a container shipment pays the road
	// per truck, ceil(TEU / TruckTEU) of them (see Shipment.Trucks).
	TruckTEU float64
	// Service is the rail service the rail arcs are for (ForService gives
	// the graph of another one).
	Service RailService
	// TIR says the road border crossings are cleared under TIR carnets
	// (sealed transit with one guarantee): their dwell and its p90 are
	// TIRBorderFactor of the crossing's (tir_border_time_factor; 0 or
	// absent: unchanged). For gives the graph of the other clearance.
	TIR             bool
	TIRBorderFactor float64
	// MovingShare is, per mode, the share of the elapsed time a vehicle is
	// moving: road_driving_hours_per_day / 24 for trucks; for trains
	// (meets, crew changes, yard dwell, marshalling) rail_moving_share for
	// wagonload and rail_moving_share_block for block trains (else
	// rail_moving_share); 1 for other modes or when the parameter is
	// absent. A link's time from its km and speed is divided by it; a fixed
	// sailing time is not.
	MovingShare [network.Air + 1]float64
	// RailMovingShare overrides MovingShare[Rail] for the rail links that
	// start in a country (by ISO code), from the parameters
	// rail_moving_share_<cc> (wagonload) or rail_moving_share_block_<cc>
	// (block trains): each railway administration runs its trains at its
	// own pace.
	RailMovingShare map[string]float64
	// BlockBorderHours caps the dwell of a block train at a rail border
	// crossing (block_train_border_hours; 0: no cap): a scheduled train is
	// processed as one, while the crossings' CPMM dwells average every
	// shipment. A wagonload graph keeps the crossings' own dwells.
	BlockBorderHours float64
	// Spread of the elements of a trip, from parameters (0 when absent):
	// RunCV[m] is the coefficient of variation of the running time on a
	// link of mode m (run_time_cv_<mode>), DwellCV that of a border dwell
	// without a published p90 (dwell_cv), HandlingCV that of a transfer's
	// handling time (handling_cv).
	RunCV               [network.Air + 1]float64
	DwellCV, HandlingCV float64
	// Scheduled services without their own frequency: sea links get
	// DefaultSailingsPerWeek (sailings_per_week_default) with
	// DefaultHeadwayCV (headway_cv_default); 0 means no wait. Ferry links
	// wait only when the data give their frequency.
	DefaultSailingsPerWeek, DefaultHeadwayCV float64
	// ConsolidationHours is the time for a block train to fill, added to
	// every transfer that puts cargo from road or sea onto rail, and to
	// transshipments between gauges (the load moves to other wagons that
	// must form a train again; a bogie exchange keeps the train)
	// (block_train_consolidation_hours, 0 when absent).
	ConsolidationHours float64

	steps    []step    // the scenarios and news applied since Compile, in order (to build other services' graphs)
	variants *variants // graphs of the other rail services, built on demand

	paramSources     map[string][]string
	closures         []network.Closure // the network's, plus a scenario's
	closuresByTarget map[string][]int  // link or place id → indexes into closures
	// arcClosures[arcClosOff[a]:arcClosOff[a+1]] are the closures that take
	// arc a out of service: its link's and its end places'.
	arcClosOff     []int32
	arcClosures    []int32
	opened         map[int32]network.Date  // link index → date a scenario opens it from
	openedProjects map[string]network.Date // project id → date a scenario opens it from
	notes          map[int32][]string      // arc → what a scenario changed on it
	scenario       string                  // name of the applied scenario, if any
}

// NumArcs returns the number of arcs.
func (g *Graph) NumArcs() int { return len(g.arcs) }

// Arc returns the parameters of arc a (CSR numbering).
func (g *Graph) Arc(a int32) *Arc { return &g.arcs[a] }

// PlaceNodes returns the nodes (states) of place p.
func (g *Graph) PlaceNodes(p int32) []int32 { return g.placeNodes[g.placeOff[p]:g.placeOff[p+1]] }

// Reverse returns the graph with every arc turned around, and for each of
// its arcs the arc of g it reverses. Shared; do not modify.
func (g *Graph) Reverse() (*csr.Graph, []int32) { return g.rev, g.revOrig }

// Link returns the link behind a link or crossing arc.
func (g *Graph) Link(a int32) *network.Link { return &g.Net.Links()[g.arcs[a].Ref] }

// Transfer returns the transfer behind a transfer arc.
func (g *Graph) Transfer(a int32) *network.Transfer { return &g.Net.Transfers()[g.arcs[a].Ref] }

// ParamSources returns the sources of a model parameter used by the graph.
func (g *Graph) ParamSources(name string) []string { return g.paramSources[name] }

// Compile builds the graph of n for block trains (see CompileService).
func Compile(n *network.Network) (*Graph, error) { return CompileService(n, BlockTrain) }

// CompileService builds the graph of n with the rail arcs of service s and
// the road crossings' own dwells (see CompileVariant).
func CompileService(n *network.Network, s RailService) (*Graph, error) {
	return CompileVariant(n, s, false)
}

// CompileVariant builds the graph of n with the rail arcs of service s and,
// when tir is set, the road border crossings cleared under TIR carnets. It
// fails with a caravan.Invalid error when a parameter the model needs is
// missing (a link with no speed for its mode and country, no tonnes_per_teu
// ...). O(places + links + transfers).
func CompileVariant(n *network.Network, s RailService, tir bool) (*Graph, error) {
	if s >= numRailServices {
		return nil, caravan.Errorf(caravan.Invalid, "graph.Compile", "unknown rail service %d", s)
	}
	g := &Graph{Net: n, Service: s, TIR: tir, paramSources: map[string][]string{}, variants: &variants{}}
	var ps network.Problems
	param := func(name string) float64 {
		p, ok := n.Parameter(name)
		if !ok {
			ps.Addf(network.Pos{File: "parameters.csv"}, name, "required parameter missing")
			return math.NaN()
		}
		if p.Value <= 0 {
			ps.Addf(p.Pos, name, "must be positive, have %g", p.Value)
		}
		g.paramSources[name] = p.Sources.For("value")
		return p.Value
	}
	g.TonnesPerTEU = param("tonnes_per_teu")
	g.TruckLoadTonnes = param("truck_load_tonnes")
	g.WagonLoadTonnes = param("wagon_load_tonnes")
	for m := range g.MovingShare {
		g.MovingShare[m] = 1
	}
	if _, ok := n.Parameter("road_driving_hours_per_day"); ok {
		g.MovingShare[network.Road] = param("road_driving_hours_per_day") / 24
	}
	// Wagonload shares, then (for block trains) the block ones over them.
	g.RailMovingShare = map[string]float64{}
	prefixes := []string{"rail_moving_share"}
	if s == BlockTrain {
		prefixes = append(prefixes, "rail_moving_share_block")
	}
	for _, prefix := range prefixes {
		if _, ok := n.Parameter(prefix); ok {
			g.MovingShare[network.Rail] = param(prefix)
		}
		for _, c := range n.Countries() {
			name := prefix + "_" + strings.ToLower(c.Code)
			if _, ok := n.Parameter(name); ok {
				v := param(name)
				if v > 1 {
					ps.Addf(network.Pos{File: "parameters.csv"}, name, "moving share %g must not exceed 1", v)
				}
				g.RailMovingShare[c.Code] = v
			}
		}
	}
	optional := func(name string) float64 {
		p, ok := n.Parameter(name)
		if !ok {
			return 0
		}
		g.paramSources[name] = p.Sources.For("value")
		if p.Value < 0 {
			ps.Addf(p.Pos, name, "must not be negative, have %g", p.Value)
		}
		return p.Value
	}
	for _, m := range network.Modes {
		g.RunCV[m] = optional("run_time_cv_" + m.String())
	}
	g.DwellCV = optional("dwell_cv")
	g.HandlingCV = optional("handling_cv")
	g.DefaultSailingsPerWeek = optional("sailings_per_week_default")
	g.DefaultHeadwayCV = optional("headway_cv_default")
	g.ConsolidationHours = optional("block_train_consolidation_hours")
	g.TruckTEU = optional("truck_teu")
	if s == BlockTrain {
		g.BlockBorderHours = optional("block_train_border_hours")
	}
	if tir {
		if g.TIRBorderFactor = optional("tir_border_time_factor"); g.TIRBorderFactor > 1 {
			ps.Addf(network.Pos{File: "parameters.csv"}, "tir_border_time_factor", "factor %g must not exceed 1", g.TIRBorderFactor)
		}
	}
	for _, m := range network.Modes {
		if g.MovingShare[m] > 1 {
			ps.Addf(network.Pos{File: "parameters.csv"}, "road_driving_hours_per_day", "moving share of %s is %g: must not exceed 1 (24 hours a day)", m, g.MovingShare[m])
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}

	b := builder{g: g, n: n, states: map[State]int32{}, ps: &ps}
	for i := range n.Links() {
		b.addLink(int32(i))
	}
	for i := range n.Transfers() {
		b.addTransfer(int32(i))
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	b.addArrivals()
	c, perm, err := csr.Build(len(g.States), b.tails, b.heads)
	if err != nil {
		return nil, caravan.Errorf(caravan.Internal, "graph.Compile", "%w", err)
	}
	g.CSR = c
	g.arcs = csr.Permute(b.arcs, perm)
	g.columns()
	g.indexPlaces()
	g.rev, g.revOrig = g.CSR.Reverse()
	g.closures = n.Closures()
	g.indexClosures()
	return g, nil
}

// columns lays the arcs' parameters out as per-criterion arrays.
func (g *Graph) columns() {
	m := len(g.arcs)
	g.hours, g.hoursP90, g.hoursVar = make([]float64, m), make([]float64, m), make([]float64, m)
	g.usdT, g.usdTEU = make([]float64, m), make([]float64, m)
	g.co2T, g.km = make([]float64, m), make([]float64, m)
	g.byTruck = make([]bool, m)
	for i := range g.arcs {
		a := &g.arcs[i]
		g.hours[i] = a.Hours()
		g.hoursVar[i] = a.VarHours
		// The arc's own 90th percentile (a lognormal with its mean and
		// variance): the additive stand-in that a search by p90 minimises.
		g.hoursP90[i] = LognormalQuantile(a.Hours(), a.VarHours, 0.9)
		g.usdT[i], g.usdTEU[i] = a.USDPerTonne, a.USDPerTEU
		g.co2T[i], g.km[i] = a.KgCO2PerTonne, a.Km
		g.byTruck[i] = a.ByTruck
	}
}

// indexClosures indexes the closures by target and by arc.
func (g *Graph) indexClosures() {
	g.closuresByTarget = map[string][]int{}
	for i, c := range g.closures {
		g.closuresByTarget[c.Target] = append(g.closuresByTarget[c.Target], i)
	}
	m := len(g.arcs)
	g.arcClosOff = make([]int32, m+1)
	g.arcClosures = g.arcClosures[:0:0]
	places := g.Net.Places()
	for a := range g.arcs {
		arc := &g.arcs[a]
		if arc.Kind != ArriveArc {
			if arc.Kind != TransferArc {
				g.arcClosures = appendInts(g.arcClosures, g.closuresByTarget[g.Net.Links()[arc.Ref].ID])
			}
			tp, hp := g.States[g.CSR.Tails[a]].Place, g.States[g.CSR.Heads[a]].Place
			g.arcClosures = appendInts(g.arcClosures, g.closuresByTarget[places[tp].ID])
			if hp != tp {
				g.arcClosures = appendInts(g.arcClosures, g.closuresByTarget[places[hp].ID])
			}
		}
		g.arcClosOff[a+1] = int32(len(g.arcClosures))
	}
}

func appendInts(dst []int32, src []int) []int32 {
	for _, v := range src {
		dst = append(dst, int32(v))
	}
	return dst
}

// closedArc reports whether a closure takes arc a out of service on d.
func (g *Graph) closedArc(a int, d network.Date) bool {
	for _, i := range g.arcClosures[g.arcClosOff[a]:g.arcClosOff[a+1]] {
		if g.closures[i].Period.Contains(d) {
			return true
		}
	}
	return false
}

func (g *Graph) indexPlaces() {
	np := len(g.Net.Places())
	g.placeOff = make([]int32, np+1)
	for _, s := range g.States {
		g.placeOff[s.Place+1]++
	}
	for p := 1; p <= np; p++ {
		g.placeOff[p] += g.placeOff[p-1]
	}
	g.placeNodes = make([]int32, len(g.States))
	next := append([]int32(nil), g.placeOff[:np]...)
	for v, s := range g.States {
		g.placeNodes[next[s.Place]] = int32(v)
		next[s.Place]++
	}
}

// builder accumulates states and arcs in input order.
type builder struct {
	g            *Graph
	n            *network.Network
	states       map[State]int32
	tails, heads []int32
	arcs         []Arc
	ps           *network.Problems
}

func (b *builder) node(place string, m network.Mode, gauge network.Gauge) int32 {
	p, _ := b.n.PlaceIndex(place) // validated by network.New
	s := State{Place: int32(p), Mode: m, Gauge: gauge}
	v, ok := b.states[s]
	if !ok {
		v = int32(len(b.g.States))
		b.g.States = append(b.g.States, s)
		b.states[s] = v
	}
	return v
}

func (b *builder) add(from, to int32, a Arc) {
	b.tails = append(b.tails, from)
	b.heads = append(b.heads, to)
	b.arcs = append(b.arcs, a)
}

// rate finds the rate of mode in country (or everywhere) that has the field
// get returns as known, and its index.
func (b *builder) rate(country string, m network.Mode, get func(*network.Rate) network.Range) (float64, int32, bool) {
	rates := b.n.Rates()
	def := -1
	for i := range rates {
		r := &rates[i]
		if r.Mode != m || !get(r).Known {
			continue
		}
		if r.Country == country && country != "" {
			return get(r).Value, int32(i), true
		}
		if r.Country == "" {
			def = i
		}
	}
	if def < 0 {
		return 0, -1, false
	}
	return get(&rates[def]).Value, int32(def), true
}

func (b *builder) addLink(i int32) {
	l := &b.n.Links()[i]
	u := b.node(l.From, l.Mode, l.Gauge)
	v := b.node(l.To, l.Mode, l.Gauge)
	fwd := b.linkArc(l, i, b.n.CountryOf(l.From), false)
	b.add(u, v, fwd)
	if !l.OneWay {
		b.add(v, u, b.linkArc(l, i, b.n.CountryOf(l.To), true))
	}
}

func (b *builder) linkArc(l *network.Link, i int32, country string, reverse bool) Arc {
	a := Arc{Kind: LinkArc, Ref: i, Reverse: reverse, Km: l.Km.Value, CapacityTPY: l.CapacityTPY.Value, SpeedRate: -1, CostRate: -1, CO2Rate: -1, ByTruck: l.Mode == network.Road}
	switch {
	case l.Hours.Known:
		a.RunHours = l.Hours.Value
	case l.KmPerHour.Known:
		a.RunHours = l.Km.Value / l.KmPerHour.Value / b.g.movingShare(l.Mode, country)
	default:
		kmh, ri, ok := b.rate(country, l.Mode, func(r *network.Rate) network.Range { return r.KmPerHour })
		if !ok || kmh <= 0 {
			b.ps.Addf(l.Pos, "km_per_hour", "no speed for %s in %s: give hours or km_per_hour, or add a rate", l.Mode, country)
		} else {
			a.RunHours, a.SpeedRate = l.Km.Value/kmh/b.g.movingShare(l.Mode, country), ri
		}
	}
	switch {
	case l.USDPerTEU.Known:
		a.USDPerTEU = l.USDPerTEU.Value
	case l.USDPerTonneKm.Known:
		a.USDPerTonne = l.USDPerTonneKm.Value * l.Km.Value
	default:
		c, ri, ok := b.rate(country, l.Mode, func(r *network.Rate) network.Range { return r.USDPerTonneKm })
		if !ok {
			b.ps.Addf(l.Pos, "usd_per_tonne_km", "no cost for %s in %s: give usd_per_tonne_km or usd_per_teu, or add a rate", l.Mode, country)
		} else {
			a.USDPerTonne, a.CostRate = c*l.Km.Value, ri
		}
	}
	if c, ri, ok := b.rate(country, l.Mode, func(r *network.Rate) network.Range { return r.KgCO2PerTonneKm }); ok {
		a.KgCO2PerTonne, a.CO2Rate = c*l.Km.Value, ri
	} else {
		b.ps.Addf(l.Pos, "mode", "no kg_co2_per_tonne_km rate for %s", l.Mode)
	}
	if c := l.Crossing; c != nil {
		a.Kind = CrossingArc
		a.DwellHours = c.DwellHours.Value
		a.DwellP90Hours = c.DwellP90Hours.Or(c.DwellHours.Value).Value
		if cap := b.g.BlockBorderHours; l.Mode == network.Rail && cap > 0 && a.DwellHours > cap {
			// A block train is processed as one: the published spread
			// shrinks with the mean.
			a.DwellP90Hours *= cap / a.DwellHours
			a.DwellHours = cap
		}
		if f := b.g.TIRBorderFactor; l.Mode == network.Road && f > 0 {
			// Sealed under one guarantee, a TIR truck skips part of the
			// clearance: mean and p90 shrink alike.
			a.DwellHours *= f
			a.DwellP90Hours *= f
		}
		load := b.g.TruckLoadTonnes
		if l.Mode == network.Rail {
			load = b.g.WagonLoadTonnes
		}
		a.VehicleLoad = load
		if c.FeeUSD.Known {
			a.FeePerTonne = c.FeeUSD.Value / load
			a.USDPerTonne += a.FeePerTonne
		}
		if c.DwellP90Hours.Known && a.DwellP90Hours > a.DwellHours {
			a.VarHours += LognormalFromP90(a.DwellHours, a.DwellP90Hours)
		} else {
			sd := b.g.DwellCV * a.DwellHours
			a.VarHours += sd * sd
			a.DwellP90Hours = LognormalQuantile(a.DwellHours, sd*sd, 0.9)
		}
	}
	sd := b.g.RunCV[l.Mode] * a.RunHours
	a.VarHours += sd * sd
	perWeek, cv := b.g.Departures(l)
	w, wv := BoardingWait(perWeek, cv)
	a.WaitHours += w
	a.VarHours += wv
	return a
}

// movingShare returns the share of the day a vehicle of mode m moves on a
// link that starts in country.
func (g *Graph) movingShare(m network.Mode, country string) float64 {
	if m == network.Rail {
		if v, ok := g.RailMovingShare[country]; ok {
			return v
		}
	}
	return g.MovingShare[m]
}

// Departures returns the frequency (departures a week) and headway CV of
// l's service: its own, or for sea links the defaults; 0 for links without
// a schedule.
func (g *Graph) Departures(l *network.Link) (perWeek, cv float64) {
	if l.DeparturesPerWeek.Known {
		return l.DeparturesPerWeek.Value, l.HeadwayCV.Or(g.DefaultHeadwayCV).Value
	}
	if l.Mode == network.Sea {
		return g.DefaultSailingsPerWeek, g.DefaultHeadwayCV
	}
	return 0, 0
}

func (b *builder) addTransfer(i int32) {
	t := &b.n.Transfers()[i]
	u := b.node(t.Place, t.FromMode, t.FromGauge)
	v := b.node(t.Place, t.ToMode, t.ToGauge)
	a := Arc{
		Kind: TransferArc, Ref: i, RunHours: t.Hours.Value,
		USDPerTEU: t.USDPerTEU.Value, USDPerTonne: t.USDPerTonne.Value,
		SpeedRate: -1, CostRate: -1, CO2Rate: -1,
	}
	if !t.Hours.Known && !t.USDPerTEU.Known && !t.USDPerTonne.Known {
		b.ps.Addf(t.Pos, "hours", "transfer has neither hours nor cost")
	}
	sd := b.g.HandlingCV * a.RunHours
	a.VarHours = sd * sd
	if t.Utilization.Known {
		a.WaitHours = QueueWait(a.RunHours, t.Utilization.Value)
		a.VarHours += a.WaitHours * a.WaitHours // exponential-like queue wait
	}
	consolidate := func(a Arc, fromMode, toMode network.Mode) Arc {
		if toMode == network.Rail && (fromMode == network.Road || fromMode == network.Sea || t.Kind == network.Transshipment) {
			a.WaitHours += b.g.ConsolidationHours
			// Filling a train: spread taken as that of a uniform wait.
			a.VarHours += b.g.ConsolidationHours * b.g.ConsolidationHours / 3
		}
		return a
	}
	b.add(u, v, consolidate(a, t.FromMode, t.ToMode))
	if !t.OneWay {
		a.Reverse = true
		b.add(v, u, consolidate(a, t.ToMode, t.FromMode))
	}
}

// addArrivals adds an arrival node for every place that has states, and a
// free arc into it from each of the place's states.
func (b *builder) addArrivals() {
	n := len(b.g.States)
	for v := range n {
		s := b.g.States[v]
		arrive := b.node(b.n.Places()[s.Place].ID, 0, 0)
		b.add(int32(v), arrive, Arc{Kind: ArriveArc, Ref: -1, SpeedRate: -1, CostRate: -1, CO2Rate: -1})
	}
}

// Arrival returns the arrival node of place p, or -1 if the place has no
// states (no link or transfer touches it).
func (g *Graph) Arrival(p int32) int32 {
	for _, v := range g.PlaceNodes(p) {
		if g.States[v].Mode == 0 {
			return v
		}
	}
	return -1
}

// String summarises the graph's size.
func (g *Graph) String() string {
	return fmt.Sprintf("%d states, %d arcs", len(g.States), len(g.arcs))
}
