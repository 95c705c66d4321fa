package network

import (
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"
)

// Pos is where a record was read from: a file name and a 1-based line.
// Validation errors carry it so a user can find the offending row.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// String returns "file:line", or "" when unknown.
func (p Pos) String() string {
	if p.File == "" {
		return ""
	}
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Range is a sourced quantity: the working Value, and the Min and Max that
// the sources give when they disagree (both equal to Value otherwise). A
// Range that was not given in the data is not Known and marshals to null.
type Range struct {
	Value float64
	Min   float64
	Max   float64
	Known bool
}

// Exact returns the known Range whose value, minimum and maximum are v.
func Exact(v float64) Range { return Range{Value: v, Min: v, Max: v, Known: true} }

// Or returns r if it is known, else the exact range def.
func (r Range) Or(def float64) Range {
	if r.Known {
		return r
	}
	return Exact(def)
}

// String returns "v" or "v (min–max)".
func (r Range) String() string {
	if !r.Known {
		return "-"
	}
	if r.Min == r.Max {
		return fmt.Sprintf("%g", r.Value)
	}
	return fmt.Sprintf("%g (%g–%g)", r.Value, r.Min, r.Max)
}

type rangeJSON struct {
	Value float64  `json:"value"`
	Min   *float64 `json:"min,omitempty"`
	Max   *float64 `json:"max,omitempty"`
}

// MarshalJSON writes {"value":v} or {"value":v,"min":a,"max":b}, or null
// when the range is not known.
func (r Range) MarshalJSON() ([]byte, error) {
	if !r.Known {
		return []byte("null"), nil
	}
	j := rangeJSON{Value: r.Value}
	if r.Min != r.Value || r.Max != r.Value {
		j.Min, j.Max = &r.Min, &r.Max
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Range) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*r = Range{}
		return nil
	}
	var j rangeJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Exact(j.Value)
	if j.Min != nil {
		r.Min = *j.Min
	}
	if j.Max != nil {
		r.Max = *j.Max
	}
	return nil
}

// Citations names the sources of a record's numbers: All applies to every
// field, ByField to one field (by its column name, e.g. "km") and takes
// precedence over All.
type Citations struct {
	All     []string            `json:"all,omitempty"`
	ByField map[string][]string `json:"by_field,omitempty"`
}

// For returns the source ids that support field.
func (c Citations) For(field string) []string {
	if s, ok := c.ByField[field]; ok && len(s) > 0 {
		return s
	}
	return c.All
}

// IDs returns every source id cited, All first, without duplicates.
func (c Citations) IDs() []string {
	seen := map[string]bool{}
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	add(c.All)
	for _, f := range sortedKeys(c.ByField) {
		add(c.ByField[f])
	}
	return out
}

// Source is a publication that the dataset cites.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Date      Date   `json:"date,omitzero"`
	// Covers is the span of years the source's figures describe (a CPMM
	// report covers the years of its tables), zero when not stated. A
	// crossing's data_year and fee_year must fall in the span of a source
	// cited for that figure when the source states one.
	Covers YearSpan `json:"covers,omitzero"`
	Note   string   `json:"note,omitempty"`
	Pos    Pos      `json:"-"`
}

// YearSpan is an inclusive span of years; the zero value is unknown.
type YearSpan struct {
	From, Until int
}

// Contains reports whether year y lies in the span.
func (s YearSpan) Contains(y int) bool { return y >= s.From && y <= s.Until }

// IsZero reports whether the span is unknown.
func (s YearSpan) IsZero() bool { return s.From == 0 && s.Until == 0 }

// Names holds a place's or project's names. Fa is the Persian spelling used in
// Iran, Prs the Dari spelling used in Afghanistan where it differs, Alt other
// spellings and transliterations that should find the same thing.
type Names struct {
	En  string   `json:"en"`
	Fa  string   `json:"fa,omitempty"`
	Prs string   `json:"prs,omitempty"`
	Ru  string   `json:"ru,omitempty"`
	Alt []string `json:"alt,omitempty"`
}

// All returns every non-empty name, English first.
func (n Names) All() []string {
	out := make([]string, 0, 4+len(n.Alt))
	for _, s := range []string{n.En, n.Fa, n.Prs, n.Ru} {
		if s != "" {
			out = append(out, s)
		}
	}
	return append(out, n.Alt...)
}

// Country is a country of the region, by ISO 3166-1 alpha-2 code.
type Country struct {
	Code    string    `json:"code"`
	Names   Names     `json:"names"`
	Sources Citations `json:"sources"`
	Pos     Pos       `json:"-"`
}

// Place is a node of the network: a city, border post, port or junction.
type Place struct {
	ID      string    `json:"id"` // stable slug: country code and name, e.g. "af-hairatan"
	Names   Names     `json:"names"`
	Country string    `json:"country"` // ISO 3166-1 alpha-2
	Kind    PlaceKind `json:"kind"`
	Loc     orb.Point `json:"loc"` // lon, lat in degrees (WGS84)
	// Hub ranks the place among its country's main freight hubs (1 =
	// first), 0 when it is not curated as one; see Network.Hubs.
	Hub     int       `json:"hub,omitempty"`
	Sources Citations `json:"sources"`
	Note    string    `json:"note,omitempty"`
	Pos     Pos       `json:"-"`
}

// Rate gives the default speed, cost and emissions of a mode, either in one
// country or (Country == "") everywhere. Links use them unless they carry
// their own figures.
type Rate struct {
	Country         string    `json:"country,omitempty"`
	Mode            Mode      `json:"mode"`
	KmPerHour       Range     `json:"km_per_hour"`         // average running speed, without border delays
	USDPerTonneKm   Range     `json:"usd_per_tonne_km"`    // line-haul cost
	KgCO2PerTonneKm Range     `json:"kg_co2_per_tonne_km"` // tank-to-wheel or well-to-wheel, as the source says
	Year            int       `json:"year,omitempty"`      // year the figures describe
	Sources         Citations `json:"sources"`
	Note            string    `json:"note,omitempty"`
	Pos             Pos       `json:"-"`
}

// Crossing holds what a link adds when it crosses a border: the dwell time
// and fee at the border crossing point (BCP), as CAREC CPMM measures them.
type Crossing struct {
	Name          string `json:"name"`                // e.g. "Torkham"
	DwellHours    Range  `json:"dwell_hours"`         // mean time to clear the BCP
	DwellP90Hours Range  `json:"dwell_p90_hours"`     // 90th percentile, when published
	FeeUSD        Range  `json:"fee_usd"`             // per vehicle (truck or wagon), official and unofficial
	DataYear      int    `json:"data_year,omitempty"` // year the dwell (and the fee, unless FeeYear says otherwise) describe (CPMM year)
	FeeYear       int    `json:"fee_year,omitempty"`  // year the fee describes, when it differs from DataYear
}

// FeeDataYear returns the year the fee describes: FeeYear, else DataYear.
func (c *Crossing) FeeDataYear() int {
	if c.FeeYear != 0 {
		return c.FeeYear
	}
	return c.DataYear
}

// Link is a directed or two-way connection between two places by one mode.
// A link whose ends lie in different countries has a Crossing.
type Link struct {
	ID            string `json:"id"`
	From          string `json:"from"`
	To            string `json:"to"`
	Mode          Mode   `json:"mode"`
	Gauge         Gauge  `json:"gauge,omitempty"` // rail only
	Km            Range  `json:"km"`
	KmDerived     bool   `json:"km_derived,omitempty"` // Km is great-circle distance × circuity, not a sourced length
	Hours         Range  `json:"hours"`                // fixed transit time (sailings); otherwise km / speed
	KmPerHour     Range  `json:"km_per_hour"`          // overrides the country rate
	USDPerTonneKm Range  `json:"usd_per_tonne_km"`     // overrides the country rate
	USDPerTEU     Range  `json:"usd_per_teu"`          // a through price per TEU (ferry and sea tariffs)
	CapacityTPY   Range  `json:"capacity_tpy"`         // tonnes per year
	// DeparturesPerWeek is the frequency of a scheduled service (a ferry,
	// feeder, deep-sea lane or block train): cargo waits for its departure
	// at every boarding. Unknown for links that run on demand (trucks).
	DeparturesPerWeek Range `json:"departures_per_week"`
	// HeadwayCV is the coefficient of variation of the interval between
	// departures: 0 for a timetable kept to the minute, about 1 for a
	// service that leaves "when full".
	HeadwayCV Range     `json:"headway_cv"`
	Season    Season    `json:"season,omitzero"` // the part of each year the service runs; zero = all year
	Status    Status    `json:"status"`
	Open      Interval  `json:"open"` // when an operational link carries traffic
	OneWay    bool      `json:"one_way,omitempty"`
	Project   string    `json:"project,omitempty"`
	Corridors []string  `json:"corridors,omitempty"` // e.g. "CAREC-1", "TITR", "INSTC"
	Crossing  *Crossing `json:"crossing,omitempty"`
	// Borrowed names the fields (column names) whose values are not
	// measured for this object but borrowed from another one or from a
	// country or regional average (see Figures).
	Borrowed []string  `json:"borrowed,omitempty"`
	Sources  Citations `json:"sources"`
	Note     string    `json:"note,omitempty"`
	Pos      Pos       `json:"-"`
}

// Transfer is what a place can do between two states (mode and gauge): a gauge
// change, a transshipment, rail↔road, rail↔ferry or port handling.
type Transfer struct {
	ID          string       `json:"id"`
	Place       string       `json:"place"`
	Kind        TransferKind `json:"kind"`
	FromMode    Mode         `json:"from_mode"`
	FromGauge   Gauge        `json:"from_gauge,omitempty"`
	ToMode      Mode         `json:"to_mode"`
	ToGauge     Gauge        `json:"to_gauge,omitempty"`
	Hours       Range        `json:"hours"`
	USDPerTEU   Range        `json:"usd_per_teu"`
	USDPerTonne Range        `json:"usd_per_tonne"`
	// Utilization is throughput over capacity of the terminal, in [0, 1),
	// where sources give both: the queue before handling grows with it
	// (see the graph package). Unknown when not published.
	Utilization Range     `json:"utilization"`
	Status      Status    `json:"status"`
	Open        Interval  `json:"open"`
	OneWay      bool      `json:"one_way,omitempty"`
	Project     string    `json:"project,omitempty"`  // the project that builds it, for transfers not yet operational
	Borrowed    []string  `json:"borrowed,omitempty"` // fields borrowed from another place or an average (see Link.Borrowed)
	Sources     Citations `json:"sources"`
	Note        string    `json:"note,omitempty"`
	Pos         Pos       `json:"-"`
}

// Closure takes a link, a crossing link or every link at a place out of
// service for a period. An open-ended closure has a zero Until.
type Closure struct {
	ID      string    `json:"id"`
	Target  string    `json:"target"` // link id or place id
	Period  Interval  `json:"period"`
	Reason  string    `json:"reason"`
	Sources Citations `json:"sources"`
	Pos     Pos       `json:"-"`
}

// StatusChange is one entry of a project's dated status history.
type StatusChange struct {
	Date    Date      `json:"date"`
	Status  Status    `json:"status"`
	Event   string    `json:"event"` // what happened, e.g. "framework agreement on the feasibility study signed"
	Sources Citations `json:"sources"`
	Pos     Pos       `json:"-"`
}

// Project is a railway, road, port or terminal project: the links it adds and
// its history. Figures that sources disagree on are ranges.
type Project struct {
	ID          string         `json:"id"`
	Names       Names          `json:"names"`
	Countries   []string       `json:"countries"`
	Kind        string         `json:"kind"` // rail, road, port, terminal, multimodal
	LengthKm    Range          `json:"length_km"`
	CostUSD     Range          `json:"cost_usd"`
	CapacityTPY Range          `json:"capacity_tpy"`
	History     []StatusChange `json:"history"` // in date order
	Sources     Citations      `json:"sources"`
	Note        string         `json:"note,omitempty"`
	Pos         Pos            `json:"-"`
}

// StatusOn returns the project's status on date d: the last change on or
// before d, or 0 if the history starts later.
func (p *Project) StatusOn(d Date) Status {
	var s Status
	for _, c := range p.History {
		if c.Date > d {
			break
		}
		s = c.Status
	}
	return s
}

// Parameter is a named global value of the model (tonnes per TEU, vehicle
// loads, the default value of cargo), with its unit and sources.
type Parameter struct {
	Name    string    `json:"name"`
	Value   float64   `json:"value"` // the working value
	Min     float64   `json:"min"`   // the range the sources span (Min = Max = Value when they agree)
	Max     float64   `json:"max"`
	Unit    string    `json:"unit"`
	Sources Citations `json:"sources"`
	Note    string    `json:"note,omitempty"`
	Pos     Pos       `json:"-"`
}
