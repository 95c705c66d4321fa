package route

import (
	"math"
	"slices"

	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
)

// itinerary turns a path of arcs into an explained Itinerary.
func (p *Planner) itinerary(r *Request, gs graph.Shipment, ship Shipment, path []int32) *Itinerary {
	g := p.g
	it := &Itinerary{
		From: p.placeRef(r.From), To: p.placeRef(r.To), AsOf: r.AsOf.String(), By: r.By.String(),
		Shipment: ship, Open: r.OpenProjects, Scenario: g.Scenario(),
	}
	var tot graph.Cost
	var sources []string
	firstLink, byTruck := true, false
	for _, a := range path {
		arc := g.Arc(a)
		if arc.Kind == graph.ArriveArc {
			continue
		}
		c := g.ArcCost(a, gs)
		if arc.ByTruck && gs.Trucks > 0 {
			byTruck = true
		}
		if arc.Kind == graph.LinkArc || arc.Kind == graph.CrossingArc {
			if firstLink && r.FromFirstDeparture && arc.WaitHours > 0 {
				_, v := graph.BoardingWait(g.Departures(g.Link(a)))
				c.Hours -= arc.WaitHours
				c.HoursVar = math.Max(c.HoursVar-v, 0)
				firstLink = false
			}
			if !arc.ByTruck { // trucks before it are timed to meet the first service
				firstLink = false
			}
		}
		c.Risk = g.Risk(a, int32(r.AsOf))
		tot = tot.Add(c)
		leg := p.leg(a, arc, c)
		leg.Scenario = g.Notes(a)
		if c.Risk > 0 {
			leg.Risk = round(c.Risk, 4)
			leg.Sources["risk"] = g.RiskSources(a, int32(r.AsOf))
		}
		for _, ids := range leg.Sources {
			sources = append(sources, ids...)
		}
		for _, pl := range []PlaceRef{leg.From, leg.To} {
			if k := len(it.Countries); k == 0 || it.Countries[k-1] != pl.Country {
				it.Countries = append(it.Countries, pl.Country)
			}
		}
		if arc.Kind == graph.TransferArc {
			it.Total.Transfers++
		}
		if leg.Mode == network.Rail.String() {
			it.RailService = g.Service.String()
		}
		if arc.Kind == graph.CrossingArc && leg.Mode == network.Road.String() && g.TIR {
			it.TIR = true
		}
		it.Legs = append(it.Legs, leg)
	}
	it.Total.Km = round(tot.Km, 1)
	it.Total.Hours = round(tot.Hours, 1)
	it.Total.HoursP10 = round(graph.LognormalQuantile(tot.Hours, tot.HoursVar, 0.1), 1)
	it.Total.HoursP50 = round(graph.LognormalQuantile(tot.Hours, tot.HoursVar, 0.5), 1)
	it.Total.HoursP90 = round(graph.LognormalQuantile(tot.Hours, tot.HoursVar, 0.9), 1)
	it.Total.HoursSD = round(math.Sqrt(tot.HoursVar), 1)
	it.Total.Days = round(tot.Hours/24, 2)
	it.Total.USD = round(tot.USD, 0)
	it.Total.KgCO2 = round(tot.KgCO2, 0)
	it.Total.Borders = tot.Borders
	it.Total.Risk = round(tot.Risk, 4)
	it.Total.GC = round(tot.USD+tot.Hours*gs.Tonnes*gs.USDPerTonneHour, 0)
	if r.TEU == 0 || r.Tonnes == 0 {
		sources = append(sources, g.ParamSources("tonnes_per_teu")...)
	}
	if byTruck { // road legs priced per truck
		sources = append(sources, g.ParamSources("truck_teu")...)
	}
	it.Sources = sortedUnique(sources)

	return it
}

func (p *Planner) placeRef(id string) PlaceRef {
	pl, _ := p.g.Net.Place(id)
	return PlaceRef{ID: pl.ID, Name: pl.Names.En, NameFa: pl.Names.Fa, Country: pl.Country}
}

func (p *Planner) stateRef(v int32) PlaceRef {
	return p.placeRef(p.g.Net.Places()[p.g.States[v].Place].ID)
}

// leg explains one arc.
func (p *Planner) leg(a int32, arc *graph.Arc, c graph.Cost) Leg {
	g := p.g
	from, to := g.States[g.CSR.Tails[a]], g.States[g.CSR.Heads[a]]
	leg := Leg{
		From: p.stateRef(g.CSR.Tails[a]), To: p.stateRef(g.CSR.Heads[a]),
		Mode: from.Mode.String(), Gauge: int(from.Gauge),
		Km: round(c.Km, 1), Hours: round(arc.RunHours, 2), USD: round(c.USD, 0), KgCO2: round(c.KgCO2, 1),
		Wait: round(arc.WaitHours, 2), HoursSD: round(math.Sqrt(arc.VarHours), 2),
		Sources: map[string][]string{},
	}
	src := func(key string, ids []string) {
		if len(ids) > 0 {
			leg.Sources[key] = ids
		}
	}
	rates := g.Net.Rates()
	rateSrc := func(key string, ri int32, field string) {
		if ri >= 0 {
			src(key, rates[ri].Sources.For(field))
		}
	}
	switch arc.Kind {
	case graph.LinkArc, graph.CrossingArc:
		l := g.Link(a)
		leg.Kind, leg.ID, leg.Corridors, leg.Note = "link", l.ID, l.Corridors, l.Note
		src("km", l.Sources.For("km"))
		switch {
		case l.Hours.Known:
			src("hours", l.Sources.For("hours"))
		case l.KmPerHour.Known:
			src("speed", l.Sources.For("km_per_hour"))
		default:
			rateSrc("speed", arc.SpeedRate, "km_per_hour")
		}
		switch {
		case l.USDPerTEU.Known:
			src("cost", l.Sources.For("usd_per_teu"))
		case l.USDPerTonneKm.Known:
			src("cost", l.Sources.For("usd_per_tonne_km"))
		default:
			rateSrc("cost", arc.CostRate, "usd_per_tonne_km")
		}
		rateSrc("co2", arc.CO2Rate, "kg_co2_per_tonne_km")
		if arc.WaitHours > 0 {
			if l.DeparturesPerWeek.Known {
				src("wait", l.Sources.For("departures_per_week"))
			} else {
				src("wait", append(append([]string(nil), g.ParamSources("sailings_per_week_default")...), g.ParamSources("headway_cv_default")...))
			}
		}
		if x := l.Crossing; x != nil {
			leg.Kind, leg.Crossing, leg.DataYear = "crossing", x.Name, x.DataYear
			leg.Dwell = round(arc.DwellHours, 2)
			if arc.DwellP90Hours != arc.DwellHours {
				leg.DwellP90 = round(arc.DwellP90Hours, 2)
			}
			dwell := l.Sources.For("dwell_hours")
			if l.Mode == network.Road && g.TIRBorderFactor > 0 {
				dwell = append(slices.Clip(dwell), g.ParamSources("tir_border_time_factor")...)
			}
			src("dwell", dwell)
			if x.FeeUSD.Known {
				src("fee", l.Sources.For("fee_usd"))
				load := "truck_load_tonnes"
				if l.Mode == network.Rail {
					load = "wagon_load_tonnes"
				}
				src("vehicle_load", g.ParamSources(load))
			}
		}
	case graph.TransferArc:
		t := g.Transfer(a)
		leg.Kind, leg.ID, leg.Transfer, leg.Note = "transfer", t.ID, t.Kind.String(), t.Note
		leg.ToMode, leg.ToGauge = to.Mode.String(), int(to.Gauge)
		src("hours", t.Sources.For("hours"))
		if arc.WaitHours > 0 {
			var ids []string
			if t.Utilization.Known {
				ids = append(ids, t.Sources.For("utilization")...)
			}
			if arc.WaitHours > graph.QueueWait(arc.RunHours, t.Utilization.Value)+1e-9 {
				ids = append(ids, g.ParamSources("block_train_consolidation_hours")...)
			}
			src("wait", ids)
		}
		switch {
		case t.USDPerTEU.Known && t.USDPerTonne.Known:
			src("cost", append(append([]string(nil), t.Sources.For("usd_per_teu")...), t.Sources.For("usd_per_tonne")...))
		case t.USDPerTEU.Known:
			src("cost", t.Sources.For("usd_per_teu"))
		case t.USDPerTonne.Known:
			src("cost", t.Sources.For("usd_per_tonne"))
		}
	}
	return leg
}
