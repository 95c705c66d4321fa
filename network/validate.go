package network

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

// Region is the box (lon 20..136 E, lat 10..60 N) every place must lie in: from the Black Sea to Vladivostok.
var regionMin, regionMax = orb.Point{20, 10}, orb.Point{136, 60}

// GreatCircleKm returns the great-circle distance between two points in km.
func GreatCircleKm(a, b orb.Point) float64 { return geo.DistanceHaversine(a, b) / 1000 }

// validate checks cross-record rules and derives missing link lengths.
func (n *Network) validate(ps *Problems) {
	n.checkSources(ps)
	for i := range n.d.Countries {
		c := &n.d.Countries[i]
		if len(c.Code) != 2 || c.Code[0] < 'A' || c.Code[0] > 'Z' || c.Code[1] < 'A' || c.Code[1] > 'Z' {
			ps.Addf(c.Pos, "code", "%q is not an ISO 3166-1 alpha-2 code", c.Code)
		}
		if c.Names.En == "" {
			ps.Addf(c.Pos, "name_en", "country has no English name")
		}
	}
	for i := range n.d.Places {
		n.checkPlace(&n.d.Places[i], ps)
	}
	for i := range n.d.Rates {
		r := &n.d.Rates[i]
		if r.Country != "" {
			n.checkCountry(r.Pos, "country", r.Country, ps)
		}
		if r.Mode == 0 {
			ps.Addf(r.Pos, "mode", "required value missing")
		}
		cited(ps, r.Pos, r.Sources, "km_per_hour", r.KmPerHour)
		cited(ps, r.Pos, r.Sources, "usd_per_tonne_km", r.USDPerTonneKm)
		cited(ps, r.Pos, r.Sources, "kg_co2_per_tonne_km", r.KgCO2PerTonneKm)
	}
	for i := range n.d.Parameters {
		p := &n.d.Parameters[i]
		if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
			ps.Addf(p.Pos, "value", "not a finite number")
		}
		cited(ps, p.Pos, p.Sources, "value", Exact(p.Value))
		if p.Min > p.Value || p.Value > p.Max {
			if p.Min != 0 || p.Max != 0 {
				ps.Addf(p.Pos, "value", "want value_min ≤ value ≤ value_max, have %g, %g, %g", p.Min, p.Value, p.Max)
			}
		}
	}
	for i := range n.d.Links {
		n.checkLink(&n.d.Links[i], ps)
		n.checkCrossingName(&n.d.Links[i], ps)
		n.checkYears(&n.d.Links[i], ps)
	}
	n.checkProjects(ps)
	for i := range n.d.Transfers {
		n.checkTransfer(&n.d.Transfers[i], ps)
	}
	for i := range n.d.Closures {
		c := &n.d.Closures[i]
		_, isLink := n.links[c.Target]
		_, isPlace := n.places[c.Target]
		if !isLink && !isPlace {
			ps.Addf(c.Pos, "target", "%q is neither a link, a crossing nor a place", c.Target)
		}
		if c.Period.From == 0 {
			ps.Addf(c.Pos, "from", "closure has no start date")
		}
		if len(c.Sources.All) == 0 {
			ps.Addf(c.Pos, "sources", "closure cites no source")
		}
	}
	for i := range n.d.Projects {
		p := &n.d.Projects[i]
		for _, c := range p.Countries {
			n.checkCountry(p.Pos, "countries", c, ps)
		}
		if p.Names.En == "" {
			ps.Addf(p.Pos, "name_en", "project has no English name")
		}
		cited(ps, p.Pos, p.Sources, "length_km", p.LengthKm)
		cited(ps, p.Pos, p.Sources, "cost_usd", p.CostUSD)
		cited(ps, p.Pos, p.Sources, "capacity_tpy", p.CapacityTPY)
		for _, h := range p.History {
			if h.Date == 0 {
				ps.Addf(h.Pos, "date", "required value missing")
			}
			if len(h.Sources.All) == 0 {
				ps.Addf(h.Pos, "sources", "status change cites no source")
			}
		}
	}
}

// checkSources checks that every cited source id exists.
func (n *Network) checkSources(ps *Problems) {
	check := func(pos Pos, c Citations) {
		for _, id := range c.All {
			if _, ok := n.sources[id]; !ok {
				ps.Addf(pos, "sources", "unknown source %q", id)
			}
		}
		for _, f := range sortedKeys(c.ByField) {
			for _, id := range c.ByField[f] {
				if _, ok := n.sources[id]; !ok {
					ps.Addf(pos, f+"_src", "unknown source %q", id)
				}
			}
		}
	}
	for _, x := range n.d.Countries {
		check(x.Pos, x.Sources)
	}
	for _, x := range n.d.Places {
		check(x.Pos, x.Sources)
	}
	for _, x := range n.d.Rates {
		check(x.Pos, x.Sources)
	}
	for _, x := range n.d.Links {
		check(x.Pos, x.Sources)
	}
	for _, x := range n.d.Transfers {
		check(x.Pos, x.Sources)
	}
	for _, x := range n.d.Closures {
		check(x.Pos, x.Sources)
	}
	for _, x := range n.d.Projects {
		check(x.Pos, x.Sources)
		for _, h := range x.History {
			check(h.Pos, h.Sources)
		}
	}
	for _, x := range n.d.Parameters {
		check(x.Pos, x.Sources)
	}
}

// cited records a problem when r is known but no source supports field.
func cited(ps *Problems, pos Pos, c Citations, field string, r Range) {
	if r.Known && len(c.For(field)) == 0 {
		ps.Addf(pos, field, "number %s cites no source (add a sources or %s_src column)", r, field)
	}
}

func (n *Network) checkCountry(pos Pos, field, code string, ps *Problems) {
	if _, ok := n.countries[code]; !ok {
		ps.Addf(pos, field, "unknown country %q", code)
	}
}

func (n *Network) checkPlace(p *Place, ps *Problems) {
	n.checkCountry(p.Pos, "country", p.Country, ps)
	if p.Names.En == "" {
		ps.Addf(p.Pos, "name_en", "place has no English name")
	}
	if p.Kind == 0 {
		ps.Addf(p.Pos, "kind", "required value missing")
	}
	lon, lat := p.Loc.Lon(), p.Loc.Lat()
	switch {
	case lon < -180 || lon > 180:
		ps.Addf(p.Pos, "lon", "longitude %g outside -180..180", lon)
	case lat < -90 || lat > 90:
		ps.Addf(p.Pos, "lat", "latitude %g outside -90..90", lat)
	case lon < regionMin.Lon() || lon > regionMax.Lon() || lat < regionMin.Lat() || lat > regionMax.Lat():
		ps.Addf(p.Pos, "lon", "(%g, %g) is outside the region (lon %g..%g, lat %g..%g): swapped lon/lat?",
			lon, lat, regionMin.Lon(), regionMax.Lon(), regionMin.Lat(), regionMax.Lat())
	}
	if len(p.Sources.For("lon")) == 0 {
		ps.Addf(p.Pos, "lon", "coordinates cite no source")
	}
}

func (n *Network) checkLink(l *Link, ps *Problems) {
	from, okF := n.Place(l.From)
	to, okT := n.Place(l.To)
	if !okF {
		ps.Addf(l.Pos, "from", "unknown place %q", l.From)
	}
	if !okT {
		ps.Addf(l.Pos, "to", "unknown place %q", l.To)
	}
	if l.From == l.To && l.From != "" {
		ps.Addf(l.Pos, "to", "link from %q to itself", l.From)
	}
	if l.Mode == 0 {
		ps.Addf(l.Pos, "mode", "required value missing")
	}
	if l.Status == 0 {
		ps.Addf(l.Pos, "status", "required value missing")
	}
	switch {
	case l.Mode == Rail && l.Gauge == 0:
		ps.Addf(l.Pos, "gauge", "rail link without a gauge (1435, 1520 or 1676)")
	case l.Mode != Rail && l.Gauge != 0:
		ps.Addf(l.Pos, "gauge", "%s link with a gauge", l.Mode)
	}
	if l.Project != "" {
		if _, ok := n.projects[l.Project]; !ok {
			ps.Addf(l.Pos, "project", "unknown project %q", l.Project)
		}
	}
	if okF && okT {
		international := from.Country != to.Country
		switch {
		case international && l.Crossing == nil:
			ps.Addf(l.Pos, "to", "link joins %s and %s: border crossings belong in crossings.csv", from.Country, to.Country)
		case !international && l.Crossing != nil:
			ps.Addf(l.Pos, "to", "crossing joins two places in %s", from.Country)
		}
		gc := GreatCircleKm(from.Loc, to.Loc)
		if !l.Km.Known {
			n.deriveKm(l, gc, ps)
		} else {
			n.checkLength(l, gc, ps)
		}
	}
	cited(ps, l.Pos, l.Sources, "km", l.Km)
	cited(ps, l.Pos, l.Sources, "hours", l.Hours)
	cited(ps, l.Pos, l.Sources, "km_per_hour", l.KmPerHour)
	cited(ps, l.Pos, l.Sources, "usd_per_tonne_km", l.USDPerTonneKm)
	cited(ps, l.Pos, l.Sources, "usd_per_teu", l.USDPerTEU)
	cited(ps, l.Pos, l.Sources, "capacity_tpy", l.CapacityTPY)
	cited(ps, l.Pos, l.Sources, "departures_per_week", l.DeparturesPerWeek)
	cited(ps, l.Pos, l.Sources, "headway_cv", l.HeadwayCV)
	if l.DeparturesPerWeek.Known && l.DeparturesPerWeek.Min <= 0 {
		ps.Addf(l.Pos, "departures_per_week", "must be positive, have %g", l.DeparturesPerWeek.Min)
	}
	if l.HeadwayCV.Known && !l.DeparturesPerWeek.Known {
		ps.Addf(l.Pos, "headway_cv", "a headway CV needs departures_per_week")
	}
	if l.HeadwayCV.Known && l.HeadwayCV.Max > 3 {
		ps.Addf(l.Pos, "headway_cv", "%g is implausible (want 0..3)", l.HeadwayCV.Max)
	}
	if c := l.Crossing; c != nil {
		cited(ps, l.Pos, l.Sources, "dwell_hours", c.DwellHours)
		cited(ps, l.Pos, l.Sources, "dwell_p90_hours", c.DwellP90Hours)
		cited(ps, l.Pos, l.Sources, "fee_usd", c.FeeUSD)
		if c.DwellHours.Known && c.DwellP90Hours.Known && c.DwellP90Hours.Value < c.DwellHours.Value {
			ps.Addf(l.Pos, "dwell_p90_hours", "p90 %g h is below the mean %g h", c.DwellP90Hours.Value, c.DwellHours.Value)
		}
		if c.Name == "" {
			ps.Addf(l.Pos, "name", "crossing has no name")
		}
	}
}

// deriveKm sets the length of l to the great-circle distance times the
// circuity factor of its mode, cited to that parameter.
func (n *Network) deriveKm(l *Link, gcKm float64, ps *Problems) {
	name := "circuity_" + l.Mode.String()
	p, ok := n.Parameter(name)
	if !ok {
		ps.Addf(l.Pos, "km", "no length given and no parameter %q to derive it", name)
		return
	}
	km := math.Round(gcKm*p.Value*10) / 10
	l.Km = Range{Value: km, Min: km, Max: km, Known: true}
	l.KmDerived = true
	if l.Sources.ByField == nil {
		l.Sources.ByField = map[string][]string{}
	}
	l.Sources.ByField["km"] = p.Sources.For("value")
	if l.Note != "" {
		l.Note += " "
	}
	l.Note += "Length derived: great-circle distance × " + name + "."
}

func (n *Network) checkTransfer(t *Transfer, ps *Problems) {
	if _, ok := n.places[t.Place]; !ok {
		ps.Addf(t.Pos, "place", "unknown place %q", t.Place)
	}
	if t.Kind == 0 {
		ps.Addf(t.Pos, "kind", "required value missing")
	}
	if t.Status == 0 {
		ps.Addf(t.Pos, "status", "required value missing")
	}
	if t.Project != "" {
		if _, ok := n.projects[t.Project]; !ok {
			ps.Addf(t.Pos, "project", "unknown project %q", t.Project)
		}
	}
	gauge := func(field string, m Mode, g Gauge) {
		switch {
		case m == Rail && g == 0:
			ps.Addf(t.Pos, field, "rail side without a gauge")
		case m != Rail && g != 0:
			ps.Addf(t.Pos, field, "%s side with a gauge", m)
		}
	}
	gauge("from_gauge", t.FromMode, t.FromGauge)
	gauge("to_gauge", t.ToMode, t.ToGauge)
	if t.FromMode == t.ToMode && t.FromGauge == t.ToGauge {
		ps.Addf(t.Pos, "to_mode", "transfer does not change state (%s %s)", t.FromMode, t.FromGauge)
	}
	if t.Kind == GaugeChange && (t.FromMode != Rail || t.ToMode != Rail) {
		ps.Addf(t.Pos, "kind", "gauge_change needs rail on both sides")
	}
	cited(ps, t.Pos, t.Sources, "hours", t.Hours)
	cited(ps, t.Pos, t.Sources, "usd_per_teu", t.USDPerTEU)
	cited(ps, t.Pos, t.Sources, "usd_per_tonne", t.USDPerTonne)
	cited(ps, t.Pos, t.Sources, "utilization", t.Utilization)
	if t.Utilization.Known && t.Utilization.Max >= 1 {
		ps.Addf(t.Pos, "utilization", "%g: want below 1 (a queue at or above capacity grows without bound)", t.Utilization.Max)
	}
}

// Length rules. A land route may wind, but not beyond MaxDetour times the
// great-circle distance between its ends: a longer one means a place (or
// the line's end) is misplaced. Ships sail at least the great-circle
// distance: a sea or ferry length may undercut it only by coordinate
// rounding (half a kilometre), where land links get 2 % + 1 km.
const MaxDetour = 2.5

func (n *Network) checkLength(l *Link, gc float64, ps *Problems) {
	tol := gc*0.98 - 1
	if l.Mode == Sea || l.Mode == Ferry {
		tol = gc - 0.5
	}
	if l.Km.Min < tol {
		ps.Addf(l.Pos, "km", "%g km is shorter than the great-circle distance %.1f km between %s and %s",
			l.Km.Min, gc, l.From, l.To)
	}
	if l.Mode != Sea && l.Mode != Ferry && gc > 5 && l.Km.Value > MaxDetour*gc {
		ps.Addf(l.Pos, "km", "%g km is %.1f× the great-circle distance %.1f km between %s and %s (more than %g×): is a place or the line's end misplaced?",
			l.Km.Value, l.Km.Value/gc, gc, l.From, l.To, MaxDetour)
	}
}

// checkProjects checks that the operational links of a project — their
// sourced lengths, and the derived lengths of its border crossings — do not
// add up to more than the longest length its sources give (2 % tolerance):
// a longer sum counts a section twice (typically a crossing whose derived
// length repeats the last stretch of a sourced national section). Domestic
// links with derived lengths are left out: they often extend a project
// beyond the section its length describes.
func (n *Network) checkProjects(ps *Problems) {
	sum := map[string]float64{}
	last := map[string]Pos{}
	for i := range n.d.Links {
		l := &n.d.Links[i]
		if l.Project != "" && l.Km.Known && l.Status == Operational && (!l.KmDerived || l.Crossing != nil) {
			sum[l.Project] += l.Km.Value
			last[l.Project] = l.Pos
		}
	}
	for i := range n.d.Projects {
		p := &n.d.Projects[i]
		if !p.LengthKm.Known || sum[p.ID] == 0 {
			continue
		}
		if sum[p.ID] > p.LengthKm.Max*1.02 {
			ps.Addf(p.Pos, "length_km", "the project's links add up to %.1f km, more than its longest sourced length %g km: a section is counted twice (last link at %s)",
				sum[p.ID], p.LengthKm.Max, last[p.ID])
		}
	}
}

// NameRadiusKm is how far from a crossing's end a place may lie and still
// be named in the crossing's name.
const NameRadiusKm = 40.0

// checkCrossingName checks that every part of a crossing's name ("A – B")
// that names a place of the network names one within NameRadiusKm of one of
// the link's ends: a crossing named for a station of another branch mixes
// two lines.
func (n *Network) checkCrossingName(l *Link, ps *Problems) {
	from, okF := n.Place(l.From)
	to, okT := n.Place(l.To)
	if !okF || !okT || l.Crossing == nil {
		return
	}
	_, parts := crossingNameParts(l.Crossing.Name)
	for _, part := range parts {
		key := FoldName(part)
		if key == "" {
			continue
		}
		var named []*Place
		for i := range n.d.Places {
			p := &n.d.Places[i]
			if p.Country != from.Country && p.Country != to.Country {
				continue
			}
			if FoldName(p.Names.En) == key {
				named = append(named, p)
			}
		}
		if len(named) == 0 {
			continue
		}
		near := false
		for _, p := range named {
			if GreatCircleKm(p.Loc, from.Loc) <= NameRadiusKm || GreatCircleKm(p.Loc, to.Loc) <= NameRadiusKm {
				near = true
			}
		}
		if !near {
			ps.Addf(l.Pos, "name", "crossing %q names %s, %.0f km from %s and %.0f km from %s: does it mix two lines?",
				l.Crossing.Name, named[0].ID, GreatCircleKm(named[0].Loc, from.Loc), l.From, GreatCircleKm(named[0].Loc, to.Loc), l.To)
		}
	}
}

// checkYears checks that a crossing's data_year (and fee_year) fall in the
// span of years of a source cited for the dwell (and the fee), when those
// sources state their span.
func (n *Network) checkYears(l *Link, ps *Problems) {
	c := l.Crossing
	if c == nil {
		return
	}
	check := func(field, yearCol string, year int, r Range) {
		if !r.Known || year == 0 {
			return
		}
		var spans []YearSpan
		for _, id := range l.Sources.For(field) {
			if s, ok := n.sources[id]; ok && !n.d.Sources[s].Covers.IsZero() {
				spans = append(spans, n.d.Sources[s].Covers)
			}
		}
		if len(spans) == 0 {
			return
		}
		for _, sp := range spans {
			if sp.Contains(year) {
				return
			}
		}
		ps.Addf(l.Pos, yearCol, "%s figure dated %d, but its sources cover %d..%d", field, year, spans[0].From, spans[0].Until)
	}
	check("dwell_hours", "data_year", c.DataYear, c.DwellHours)
	check("fee_usd", "fee_year", c.FeeDataYear(), c.FeeUSD)
}
