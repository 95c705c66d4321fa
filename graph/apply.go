package graph

import (
	"fmt"
	"maps"
	"slices"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/scenario"
)

// Apply returns a graph with the active effects of scenario s (see
// scenario.Scenario.Active): projects and links opened from their dates,
// closures added or lifted, and dwell, fees, speeds, costs, capacities and
// handling times changed. The structure (CSR arrays, states) is shared with
// g, which is left unchanged; only the per-arc parameters are copied and
// re-weighted, in O(arcs + effects). Every arc a change touches records what
// changed it (Notes), so itineraries can say why a leg differs.
//
// s is checked against the network first; problems come back as a
// *network.ValidationError with the scenario file's lines.
func (g *Graph) Apply(s *scenario.Scenario) (*Graph, error) {
	if err := s.Check(g.Net); err != nil {
		return nil, err
	}
	ng := *g
	ng.steps = append(slices.Clip(g.steps), func(v *Graph) (*Graph, error) { return v.Apply(s) })
	ng.variants = &variants{}
	ng.arcs = slices.Clone(g.arcs)
	ng.closures = slices.Clone(g.closures)
	ng.opened = maps.Clone(g.opened)
	if ng.opened == nil {
		ng.opened = map[int32]network.Date{}
	}
	ng.openedProjects = maps.Clone(g.openedProjects)
	if ng.openedProjects == nil {
		ng.openedProjects = map[string]network.Date{}
	}
	ng.notes = map[int32][]string{}
	for a, n := range g.notes {
		ng.notes[a] = slices.Clone(n)
	}
	ng.scenario = s.Name
	e := s.Active()
	links := g.Net.Links()
	where := func(line int) string { return fmt.Sprintf("scenario %q, %s:%d", s.Name, s.File, line) }

	for _, o := range e.Open {
		if o.Project != "" {
			ng.openedProjects[o.Project] = o.From.Day()
		}
		for li := range links {
			l := &links[li]
			if l.ID == o.Link || (o.Project != "" && l.Project == o.Project) {
				ng.opened[int32(li)] = o.From.Day()
				ng.noteLink(int32(li), fmt.Sprintf("opened from %s (%s)", orStart(o.From.Day()), where(o.Line)))
			}
		}
	}
	cites := network.Citations{All: s.Sources}
	for _, c := range e.Close {
		ng.closures = append(ng.closures, network.Closure{
			ID: fmt.Sprintf("%s:%d", s.File, c.Line), Target: c.Target,
			Period: network.Interval{From: c.From.Day(), Until: c.Until.Day()},
			Reason: "scenario: " + c.Reason, Sources: cites,
		})
	}
	for _, l := range e.Lift {
		kept := ng.closures[:0]
		for _, c := range ng.closures {
			if c.ID != l.Closure && (l.Target == "" || c.Target != l.Target) {
				kept = append(kept, c)
				continue
			}
			if from := l.From.Day(); from != 0 && from > c.Period.From {
				c.Period.Until = from // the closure ends early
				c.Reason += fmt.Sprintf(" (ended %s by %s)", from, where(l.Line))
				kept = append(kept, c)
			}
		}
		ng.closures = kept
	}
	ng.indexClosures()
	for _, c := range e.Changes {
		if err := ng.change(&c, where(c.Line)); err != nil {
			return nil, err
		}
	}
	ng.columns()
	return &ng, nil
}

func orStart(d network.Date) string {
	if d == 0 {
		return "the start"
	}
	return d.String()
}

// noteLink records a note on every arc of link li.
func (g *Graph) noteLink(li int32, note string) {
	for a := range g.arcs {
		if k := g.arcs[a].Kind; (k == LinkArc || k == CrossingArc) && g.arcs[a].Ref == li {
			g.notes[int32(a)] = append(g.notes[int32(a)], note)
		}
	}
}

// Notes returns what the applied scenario changed on arc a.
func (g *Graph) Notes(a int32) []string { return g.notes[a] }

// Scenario returns the name of the scenario applied to g, or "".
func (g *Graph) Scenario() string { return g.scenario }

// change applies one figure change to the arcs its selector picks.
func (g *Graph) change(c *scenario.Change, where string) error {
	n := g.Net
	var mode network.Mode
	if c.Mode != "" {
		mode, _ = network.ParseMode(c.Mode) // checked by Scenario.Check
	}
	matched := 0
	for a := range g.arcs {
		arc := &g.arcs[a]
		if arc.Kind == ArriveArc {
			continue
		}
		tail := &n.Places()[g.States[g.CSR.Tails[a]].Place]
		head := &n.Places()[g.States[g.CSR.Heads[a]].Place]
		var ok bool
		switch {
		case c.Link != "":
			ok = arc.Kind != TransferArc && n.Links()[arc.Ref].ID == c.Link
		case c.Transfer != "":
			ok = arc.Kind == TransferArc && n.Transfers()[arc.Ref].ID == c.Transfer
		case c.Place != "":
			ok = tail.ID == c.Place || head.ID == c.Place
		case c.Country != "":
			ok = arc.Kind != TransferArc && tail.Country == c.Country
		}
		if ok && mode != 0 {
			ok = g.States[g.CSR.Tails[a]].Mode == mode
		}
		if !ok {
			continue
		}
		matched++
		note := applyChange(arc, g.movingShare(g.States[g.CSR.Tails[a]].Mode, tail.Country), c)
		if note != "" {
			g.notes[int32(a)] = append(g.notes[int32(a)], note+" ("+where+")")
		}
	}
	if matched == 0 {
		return caravan.Errorf(caravan.Invalid, "", "%s: change selects no arc", where)
	}
	return nil
}

// applyChange changes arc a as c says and describes what it did.
func applyChange(a *Arc, movingShare float64, c *scenario.Change) string {
	var parts []string
	say := func(format string, args ...any) { parts = append(parts, fmt.Sprintf(format, args...)) }
	if a.Kind == CrossingArc {
		switch {
		case c.DwellHours != nil:
			old := a.DwellHours
			a.DwellHours = *c.DwellHours
			if old > 0 {
				a.DwellP90Hours *= *c.DwellHours / old
			} else {
				a.DwellP90Hours = *c.DwellHours
			}
			say("dwell %.1f h → %.1f h", old, a.DwellHours)
		case c.DwellFactor != nil:
			a.DwellHours *= *c.DwellFactor
			a.DwellP90Hours *= *c.DwellFactor
			say("dwell ×%g", *c.DwellFactor)
		}
		switch {
		case c.FeeUSD != nil:
			old := a.FeePerTonne
			a.FeePerTonne = *c.FeeUSD / a.VehicleLoad
			a.USDPerTonne += a.FeePerTonne - old
			say("fee set to %g USD per vehicle", *c.FeeUSD)
		case c.FeeFactor != nil:
			old := a.FeePerTonne
			a.FeePerTonne *= *c.FeeFactor
			a.USDPerTonne += a.FeePerTonne - old
			say("fee ×%g", *c.FeeFactor)
		}
	}
	if a.Kind != TransferArc {
		switch {
		case c.KmPerHour != nil:
			a.RunHours = a.Km / *c.KmPerHour / movingShare
			say("speed %g km/h", *c.KmPerHour)
		case c.SpeedFactor != nil:
			a.RunHours /= *c.SpeedFactor
			say("speed ×%g", *c.SpeedFactor)
		}
		switch {
		case c.USDPerTonneKm != nil:
			a.USDPerTonne = *c.USDPerTonneKm*a.Km + a.FeePerTonne
			say("cost %g USD/t-km", *c.USDPerTonneKm)
		case c.CostFactor != nil:
			a.USDPerTonne = (a.USDPerTonne-a.FeePerTonne)**c.CostFactor + a.FeePerTonne
			a.USDPerTEU *= *c.CostFactor
			say("cost ×%g", *c.CostFactor)
		}
		switch {
		case c.CapacityTPY != nil:
			a.CapacityTPY = *c.CapacityTPY
			say("capacity %g t/yr", *c.CapacityTPY)
		case c.CapacityFactor != nil:
			a.CapacityTPY *= *c.CapacityFactor
			say("capacity ×%g", *c.CapacityFactor)
		}
	} else if c.Hours != nil {
		a.RunHours = *c.Hours
		say("handling %g h", *c.Hours)
	}
	if c.AddHours != nil {
		a.RunHours += *c.AddHours
		say("+%g h", *c.AddHours)
	}
	if c.AddUSDPerTEU != nil {
		a.USDPerTEU += *c.AddUSDPerTEU
		say("+%g USD/TEU", *c.AddUSDPerTEU)
	}
	if len(parts) == 0 {
		return ""
	}
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += ", "
		}
		s += p
	}
	if c.Reason != "" {
		s += ": " + c.Reason
	}
	return s
}
