package dataset

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/caravan-transport/caravan/network"
)

// Observation is a published, dated end-to-end trip that the planner's
// estimates are compared with (observations.csv). Days and USD are ranges:
// the working value and what the source spans; an unknown Range means the
// source gives no time or no price.
type Observation struct {
	ID, What string
	From, To string         // place ids
	Modes    []network.Mode // the modes the trip used
	Avoid    []string       // countries the trip did not cross
	Via      [][]string     // places the source names on the route, in order: each one place id or alternatives
	// LegModes are the modes of each leg between the stops (origin, Via,
	// destination) that the source names, len(Via)+1 sets, an empty set
	// where it names none; nil for none at all (route.Request.LegModes).
	LegModes [][]network.Mode
	Service  string        // rail service the source describes: "block" or "wagonload" ("" without rail)
	TIR      bool          // the source says the trucks travelled under TIR carnets
	TripDate network.Date  // when the trip started (or was published)
	Days     network.Range // observed door-to-door days
	PerKm    float64       // > 0: compare average speed over this length instead of time
	USD      network.Range // observed price of the shipment
	TEU      float64       // shipment size the price is for
	Tonnes   float64       // cargo weight, when the source gives it
	TimeSet  string        // "fit" or "holdout" (empty without a time)
	PriceSet string        // "fit" or "holdout" (empty without a price)
	Sources  network.Citations
	Note     string
	Pos      network.Pos
}

var observationCols = []column{
	{name: "id", required: true}, {name: "what", required: true}, {name: "from", required: true},
	{name: "to", required: true}, {name: "modes", required: true}, {name: "avoid"}, {name: "via"}, {name: "leg_modes"}, {name: "service"}, {name: "tir"}, {name: "trip_date", required: true},
	{name: "days", kind: number}, {name: "per_km", kind: number}, {name: "usd", kind: number},
	{name: "teu", kind: number}, {name: "tonnes", kind: number}, {name: "time_set"}, {name: "price_set"},
	{name: "sources", required: true}, {name: "note"},
}

// LoadObservations reads observations.csv from fsys. It checks the cells
// (numbers, dates, modes, the fit/holdout labels and that every row gives a
// time or a price) but not that the ends exist: an observation may name an
// end the network lacks, and the calibration reports it. Its waypoints
// (via) must be places of places.csv in fsys, read when a row has any:
// each waypoint a place id or alternatives joined by '|', none an end of
// the trip, given twice or in a country the trip avoids. Its leg_modes
// are written as network.ParseLegModes reads --leg-modes
// ("rail/road/rail"), one leg more than via has waypoints, each mode one
// of the row's modes.
// Errors are a *network.ValidationError.
func LoadObservations(fsys fs.FS) ([]Observation, error) {
	var ps network.Problems
	t := readTable(fsys, "observations.csv", observationCols, false, &ps)
	var out []Observation
	if t != nil {
		var places map[string]string // place id → country, read on the first via
		for _, r := range t.rows {
			o := Observation{
				ID: r.req("id"), What: r.req("what"), From: r.req("from"), To: r.req("to"),
				Avoid: r.list("avoid"), Service: r.str("service"), TIR: r.boolean("tir"), TripDate: r.date("trip_date"), Days: r.rng("days"),
				USD: r.rng("usd"), TimeSet: r.str("time_set"), PriceSet: r.str("price_set"),
				Sources: r.cites(), Note: r.str("note"), Pos: r.pos(),
			}
			for _, m := range r.list("modes") {
				mode, err := network.ParseMode(m)
				if err != nil {
					r.addf("modes", "%v", err)
					continue
				}
				o.Modes = append(o.Modes, mode)
			}
			if vs := r.list("via"); len(vs) > 0 {
				if places == nil {
					places = placeCountries(fsys, &ps)
				}
				o.Via = readVia(r, vs, o, places)
			}
			o.LegModes = readLegModes(r, o)
			o.PerKm, _ = r.num("per_km")
			o.TEU, _ = r.num("teu")
			o.Tonnes, _ = r.num("tonnes")
			switch hasRail := slices.Contains(o.Modes, network.Rail); {
			case hasRail && o.Service != "block" && o.Service != "wagonload":
				r.addf("service", "a trip by rail needs its service: want block or wagonload, have %q", o.Service)
			case !hasRail && o.Service != "":
				r.addf("service", "service %q on a trip without rail", o.Service)
			}
			if o.TIR && !slices.Contains(o.Modes, network.Road) {
				r.addf("tir", "TIR on a trip without road")
			}
			if !o.Days.Known && !o.USD.Known {
				r.addf("days", "an observation needs a time (days) or a price (usd)")
			}
			for _, c := range []struct {
				col, set string
				known    bool
			}{{"time_set", o.TimeSet, o.Days.Known}, {"price_set", o.PriceSet, o.USD.Known}} {
				switch {
				case c.known && c.set != "fit" && c.set != "holdout":
					r.addf(c.col, "want fit or holdout, have %q", c.set)
				case !c.known && c.set != "":
					r.addf(c.col, "set without a value to compare")
				}
			}
			if o.USD.Known && o.TEU <= 0 {
				r.addf("teu", "a price needs the shipment size in TEU")
			}
			out = append(out, o)
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// placeCountries reads the ids and countries of places.csv in fsys, for
// checking waypoints; a missing or unreadable file is a problem in ps and
// gives an empty map.
func placeCountries(fsys fs.FS, ps *network.Problems) map[string]string {
	out := map[string]string{}
	if t := readTable(fsys, "places.csv", placeCols, false, ps); t != nil {
		for _, r := range t.rows {
			if id := r.str("id"); id != "" {
				out[id] = r.str("country")
			}
		}
	}
	return out
}

// readVia parses the waypoints vs of row r (each "id" or "id|id…") for
// observation o, recording a problem on via for an id that is no place of
// places, an end of the trip, given twice, or in a country o avoids.
func readVia(r *row, vs []string, o Observation, places map[string]string) [][]string {
	out := make([][]string, 0, len(vs))
	seen := map[string]bool{}
	for i, v := range vs {
		var wp []string
		for _, id := range strings.Split(v, "|") {
			id = strings.TrimSpace(id)
			country, ok := places[id]
			switch {
			case id == "":
				r.addf("via", "waypoint %d (%q) has an empty place id", i+1, v)
				continue
			case !ok:
				r.addf("via", "unknown place %q (not in places.csv)", id)
			case id == o.From || id == o.To:
				r.addf("via", "%s is an end of the trip; a waypoint is a place between them", id)
			case seen[id]:
				r.addf("via", "%s is given twice", id)
			case slices.Contains(o.Avoid, country):
				r.addf("via", "%s is in %s, a country the trip avoids", id, country)
			}
			seen[id] = true
			wp = append(wp, id)
		}
		if len(wp) > 0 {
			out = append(out, wp)
		}
	}
	return out
}

// readLegModes parses the leg_modes of row r for observation o (its via
// and modes read), recording a problem on leg_modes for an unknown mode,
// legs without via or of another number than len(via)+1, or a mode that
// is not one of the row's modes.
func readLegModes(r *row, o Observation) [][]network.Mode {
	raw := r.str("leg_modes")
	if raw == "" {
		return nil
	}
	legs, err := network.ParseLegModes(raw)
	if err != nil {
		r.addf("leg_modes", "%v", err)
		return nil
	}
	switch {
	case len(o.Via) == 0:
		r.addf("leg_modes", "legs without via: the stops between them are the waypoints")
		return nil
	case len(legs) != len(o.Via)+1:
		r.addf("leg_modes", "%d legs for %d waypoints: want %d, one set of modes per leg (empty for any)", len(legs), len(o.Via), len(o.Via)+1)
		return nil
	}
	for k, ms := range legs {
		for _, m := range ms {
			if !slices.Contains(o.Modes, m) {
				r.addf("leg_modes", "leg %d: %s is not one of the trip's modes", k+1, m)
				return nil
			}
		}
	}
	return legs
}
