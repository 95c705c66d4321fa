package route

import (
	"math"
)

// PlaceRef names a place in an itinerary.
type PlaceRef struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	NameFa  string `json:"name_fa,omitempty"`
	Country string `json:"country"`
}

// Leg is one step of an itinerary: a link, a border crossing or a transfer
// at a place, with its figures for the whole shipment and the sources of
// each parameter.
type Leg struct {
	Kind      string   `json:"kind"` // "link", "crossing" or "transfer"
	ID        string   `json:"id"`   // link, crossing or transfer id
	From      PlaceRef `json:"from"`
	To        PlaceRef `json:"to"`
	Mode      string   `json:"mode"`
	Gauge     int      `json:"gauge,omitempty"`
	ToMode    string   `json:"to_mode,omitempty"`  // transfers
	ToGauge   int      `json:"to_gauge,omitempty"` // transfers
	Crossing  string   `json:"crossing,omitempty"` // border crossing name
	Transfer  string   `json:"transfer,omitempty"` // transfer kind
	Km        float64  `json:"km"`
	Hours     float64  `json:"hours"`                 // running or handling time
	Dwell     float64  `json:"dwell_hours,omitempty"` // border dwell
	DwellP90  float64  `json:"dwell_p90_hours,omitempty"`
	Wait      float64  `json:"wait_hours,omitempty"` // expected wait: a scheduled departure, a terminal queue, a train filling
	HoursSD   float64  `json:"hours_sd,omitempty"`   // standard deviation of the leg's time
	USD       float64  `json:"usd"`
	KgCO2     float64  `json:"kg_co2"`
	DataYear  int      `json:"data_year,omitempty"` // year of the crossing figures
	Risk      float64  `json:"risk,omitempty"`      // share of the last five years the leg was closed (graph.Risk)
	Corridors []string `json:"corridors,omitempty"`
	// Scenario lists what the applied scenario changed on this leg.
	Scenario []string `json:"scenario,omitempty"`
	// Sources maps each parameter ("km", "speed", "hours", "cost", "co2",
	// "dwell", "fee", "link") to the source ids behind it.
	Sources map[string][]string `json:"sources"`
	Note    string              `json:"note,omitempty"`
}

// Totals sums an itinerary.
type Totals struct {
	Km    float64 `json:"km"`
	Hours float64 `json:"hours"` // mean
	// The distribution of the door-to-door time: the legs' means and
	// variances summed (independent elements) and a lognormal with those
	// two moments (Fenton–Wilkinson) read at 10, 50 and 90 %.
	HoursP10  float64 `json:"hours_p10"`
	HoursP50  float64 `json:"hours_p50"`
	HoursP90  float64 `json:"hours_p90"`
	HoursSD   float64 `json:"hours_sd"`
	Days      float64 `json:"days"`
	USD       float64 `json:"usd"`
	KgCO2     float64 `json:"kg_co2"`
	Borders   int     `json:"borders"`
	Transfers int     `json:"transfers"`
	Risk      float64 `json:"risk"` // sum of the legs' risk
	// GC is the generalised cost: USD plus the value of the cargo's time.
	GC float64 `json:"gc_usd"`
}

// Shipment describes the cargo of an itinerary.
type Shipment struct {
	TEU    float64 `json:"teu"`
	Tonnes float64 `json:"tonnes"`
	// Trucks is how many trucks the road legs are priced for: whole trucks
	// for containers (truck_teu a truck), none (by the tonne) for cargo
	// given by weight alone.
	Trucks          float64 `json:"trucks,omitempty"`
	ValuePerTonne   float64 `json:"value_usd_per_tonne"`
	USDPerTonneHour float64 `json:"value_of_time_usd_per_tonne_hour"`
}

// Itinerary is a planned route with its explanation.
type Itinerary struct {
	From     PlaceRef `json:"from"`
	To       PlaceRef `json:"to"`
	AsOf     string   `json:"as_of"`
	By       string   `json:"by"`
	Shipment Shipment `json:"shipment"`
	// RailService is the rail service the rail legs are timed for
	// ("block" or "wagonload"), on routes with rail.
	RailService string `json:"rail_service,omitempty"`
	// TIR says the road border crossings were timed for trucks under TIR
	// carnets (Request.TIR), on routes with a road crossing.
	TIR       bool     `json:"tir,omitempty"`
	Open      []string `json:"open_projects,omitempty"`
	Scenario  string   `json:"scenario,omitempty"` // name of the applied scenario
	Countries []string `json:"countries"`          // in the order the route visits them
	Legs      []Leg    `json:"legs"`
	Total     Totals   `json:"total"`
	Sources   []string `json:"sources"` // every source cited by a leg, sorted
}

// round returns x rounded to the given number of decimals, for stable
// output (goldens, tables).
func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}
