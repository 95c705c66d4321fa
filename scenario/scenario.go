// Package scenario describes "what if" changes to the regional network —
// projects and links opened, crossings closed or reopened, dwell times, fees,
// speeds, costs and capacities changed, agreements switched on or off — and
// reads them from YAML files with errors that name file:line.
//
// A Scenario only refers to what the dataset already holds (by id); it does
// not add places or links. graph.Apply turns it into a re-weighted graph
// without rebuilding the graph's structure.
package scenario

import (
	"fmt"
	"math"

	"github.com/caravan-transport/caravan/network"
	"go.yaml.in/yaml/v3"
)

// Date is a calendar date in a scenario file (YYYY-MM-DD); a malformed one
// is reported with its line.
type Date network.Date

// UnmarshalYAML reads YYYY-MM-DD.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	v, err := network.ParseDate(n.Value)
	if err != nil || n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: %v", n.Line, err)
	}
	*d = Date(v)
	return nil
}

// Day returns d as a network.Date.
func (d Date) Day() network.Date { return network.Date(d) }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string { return network.Date(d).String() }

// Scenario is a named set of changes to the network.
type Scenario struct {
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	AsOf        Date     `yaml:"as_of"` // date the scenario is meant to be read on, if any
	Sources     []string `yaml:"sources"`
	Effects     `yaml:",inline"`
	// Agreements are groups of effects that an agreement brings, switched
	// on or off as a whole.
	Agreements []Agreement `yaml:"agreements"`

	File string `yaml:"-"` // where the scenario was read from
}

// Effects are the changes a scenario (or one of its agreements) makes.
type Effects struct {
	Open    []Opening `yaml:"open"`
	Close   []Closing `yaml:"close"`
	Lift    []Lifting `yaml:"lift"` // dataset closures to remove (reopenings)
	Changes []Change  `yaml:"change"`
}

// Agreement switches the effects of an agreement.
type Agreement struct {
	ID      string `yaml:"id"`
	Enabled bool   `yaml:"enabled"`
	Note    string `yaml:"note"`
	Effects `yaml:",inline"`
	Line    int `yaml:"-"`
}

// Opening makes a project's links, or one link, carry traffic from a date
// (from the start when From is zero), whatever their status.
type Opening struct {
	Project string `yaml:"project"`
	Link    string `yaml:"link"`
	From    Date   `yaml:"from"`
	Line    int    `yaml:"-"`
}

// Closing closes a link, a crossing or every link at a place for a period.
type Closing struct {
	Target string `yaml:"target"`
	From   Date   `yaml:"from"`
	Until  Date   `yaml:"until"`
	Reason string `yaml:"reason"`
	Line   int    `yaml:"-"`
}

// Lifting removes closures of the dataset: one by id, or every closure of a
// target (link, crossing or place).
type Lifting struct {
	Closure string `yaml:"closure"`
	Target  string `yaml:"target"`
	From    Date   `yaml:"from"` // the closure ends on this date instead (zero: never happened)
	Line    int    `yaml:"-"`
}

// Change alters the figures of links, transfers or all links at a place.
// Exactly one selector (Link, Transfer, Place, Mode-in-Country) is set.
// Each figure may be set (the field) or scaled (the _factor field).
type Change struct {
	Link     string `yaml:"link"`     // a link or crossing id
	Transfer string `yaml:"transfer"` // a transfer id
	Place    string `yaml:"place"`    // every link and transfer at this place
	Country  string `yaml:"country"`  // every link within or from this country (with Mode: only that mode)
	Mode     string `yaml:"mode"`

	DwellHours     *float64 `yaml:"dwell_hours"`
	DwellFactor    *float64 `yaml:"dwell_factor"`
	FeeUSD         *float64 `yaml:"fee_usd"`
	FeeFactor      *float64 `yaml:"fee_factor"`
	KmPerHour      *float64 `yaml:"km_per_hour"`
	SpeedFactor    *float64 `yaml:"speed_factor"`
	USDPerTonneKm  *float64 `yaml:"usd_per_tonne_km"`
	CostFactor     *float64 `yaml:"cost_factor"`
	AddUSDPerTEU   *float64 `yaml:"add_usd_per_teu"`
	AddHours       *float64 `yaml:"add_hours"`
	CapacityTPY    *float64 `yaml:"capacity_tpy"`
	CapacityFactor *float64 `yaml:"capacity_factor"`
	Hours          *float64 `yaml:"hours"` // transfer handling hours
	Reason         string   `yaml:"reason"`
	Line           int      `yaml:"-"`
}

// Active returns the effects in force: the scenario's own and those of its
// enabled agreements, in file order.
func (s *Scenario) Active() Effects {
	e := Effects{
		Open:    append([]Opening(nil), s.Open...),
		Close:   append([]Closing(nil), s.Close...),
		Lift:    append([]Lifting(nil), s.Lift...),
		Changes: append([]Change(nil), s.Changes...),
	}
	for _, a := range s.Agreements {
		if !a.Enabled {
			continue
		}
		e.Open = append(e.Open, a.Open...)
		e.Close = append(e.Close, a.Close...)
		e.Lift = append(e.Lift, a.Lift...)
		e.Changes = append(e.Changes, a.Changes...)
	}
	return e
}

// Pos returns file:line for line of this scenario's file.
func (s *Scenario) Pos(line int) network.Pos { return network.Pos{File: s.File, Line: line} }

// Check verifies that every id the scenario names exists in n, that dates
// are ordered and figures are sensible; it reports every problem with
// file:line in a *network.ValidationError.
func (s *Scenario) Check(n *network.Network) error {
	var ps network.Problems
	if s.Name == "" {
		ps.Addf(s.Pos(1), "name", "scenario has no name")
	}
	for _, id := range s.Sources {
		if _, ok := n.Source(id); !ok {
			ps.Addf(s.Pos(1), "sources", "unknown source %q", id)
		}
	}
	s.checkEffects(n, s.Effects, &ps)
	for _, a := range s.Agreements {
		if a.ID == "" {
			ps.Addf(s.Pos(a.Line), "id", "agreement without an id")
		}
		s.checkEffects(n, a.Effects, &ps)
	}
	return ps.Err()
}

func (s *Scenario) checkEffects(n *network.Network, e Effects, ps *network.Problems) {
	target := func(line int, field, id string) {
		if _, ok := n.Link(id); ok {
			return
		}
		if _, ok := n.Place(id); ok {
			return
		}
		ps.Addf(s.Pos(line), field, "%q is neither a link, a crossing nor a place", id)
	}
	for _, o := range e.Open {
		switch {
		case (o.Project == "") == (o.Link == ""):
			ps.Addf(s.Pos(o.Line), "open", "give exactly one of project or link")
		case o.Project != "":
			if _, ok := n.Project(o.Project); !ok {
				ps.Addf(s.Pos(o.Line), "project", "unknown project %q", o.Project)
			}
		default:
			if _, ok := n.Link(o.Link); !ok {
				ps.Addf(s.Pos(o.Line), "link", "unknown link %q", o.Link)
			}
		}
	}
	for _, c := range e.Close {
		if c.Target == "" {
			ps.Addf(s.Pos(c.Line), "target", "required value missing")
		} else {
			target(c.Line, "target", c.Target)
		}
		if c.From == 0 {
			ps.Addf(s.Pos(c.Line), "from", "required value missing")
		}
		if c.Until != 0 && c.Until <= c.From {
			ps.Addf(s.Pos(c.Line), "until", "%s is not after from %s", c.Until, c.From)
		}
	}
	for _, l := range e.Lift {
		switch {
		case (l.Closure == "") == (l.Target == ""):
			ps.Addf(s.Pos(l.Line), "lift", "give exactly one of closure or target")
		case l.Closure != "":
			found := false
			for _, c := range n.Closures() {
				found = found || c.ID == l.Closure
			}
			if !found {
				ps.Addf(s.Pos(l.Line), "closure", "unknown closure %q", l.Closure)
			}
		default:
			target(l.Line, "target", l.Target)
		}
	}
	for _, c := range e.Changes {
		s.checkChange(n, c, ps)
	}
}

func (s *Scenario) checkChange(n *network.Network, c Change, ps *network.Problems) {
	pos := s.Pos(c.Line)
	selectors := 0
	for _, v := range []string{c.Link, c.Transfer, c.Place, c.Country} {
		if v != "" {
			selectors++
		}
	}
	if selectors != 1 {
		ps.Addf(pos, "change", "give exactly one of link, transfer, place or country")
	}
	switch {
	case c.Link != "":
		if _, ok := n.Link(c.Link); !ok {
			ps.Addf(pos, "link", "unknown link or crossing %q", c.Link)
		}
	case c.Transfer != "":
		if _, ok := n.Transfer(c.Transfer); !ok {
			ps.Addf(pos, "transfer", "unknown transfer %q", c.Transfer)
		}
	case c.Place != "":
		if _, ok := n.Place(c.Place); !ok {
			ps.Addf(pos, "place", "unknown place %q", c.Place)
		}
	case c.Country != "":
		if _, ok := n.Country(c.Country); !ok {
			ps.Addf(pos, "country", "unknown country %q", c.Country)
		}
	}
	if c.Mode != "" {
		if _, err := network.ParseMode(c.Mode); err != nil {
			ps.Addf(pos, "mode", "%v", err)
		}
	}
	set := 0
	for _, f := range []struct {
		name     string
		v        *float64
		positive bool
	}{
		{"dwell_hours", c.DwellHours, false}, {"dwell_factor", c.DwellFactor, false},
		{"fee_usd", c.FeeUSD, false}, {"fee_factor", c.FeeFactor, false},
		{"km_per_hour", c.KmPerHour, true}, {"speed_factor", c.SpeedFactor, true},
		{"usd_per_tonne_km", c.USDPerTonneKm, false}, {"cost_factor", c.CostFactor, false},
		{"add_usd_per_teu", c.AddUSDPerTEU, false}, {"add_hours", c.AddHours, false},
		{"capacity_tpy", c.CapacityTPY, false}, {"capacity_factor", c.CapacityFactor, false},
		{"hours", c.Hours, false},
	} {
		if f.v == nil {
			continue
		}
		set++
		switch {
		case math.IsNaN(*f.v) || math.IsInf(*f.v, 0):
			ps.Addf(pos, f.name, "must be a finite number, have %g", *f.v)
		case f.positive && *f.v <= 0:
			ps.Addf(pos, f.name, "must be positive, have %g", *f.v)
		case *f.v < 0:
			ps.Addf(pos, f.name, "must not be negative, have %g", *f.v)
		}
	}
	if set == 0 {
		ps.Addf(pos, "change", "changes nothing: give a figure such as dwell_factor or km_per_hour")
	}
	pairs := [][2]*float64{{c.DwellHours, c.DwellFactor}, {c.FeeUSD, c.FeeFactor}, {c.KmPerHour, c.SpeedFactor},
		{c.USDPerTonneKm, c.CostFactor}, {c.CapacityTPY, c.CapacityFactor}}
	for _, p := range pairs {
		if p[0] != nil && p[1] != nil {
			ps.Addf(pos, "change", "sets a figure and scales it in one change; use one")
		}
	}
}

// String returns the scenario's name and file.
func (s *Scenario) String() string { return fmt.Sprintf("%s (%s)", s.Name, s.File) }
