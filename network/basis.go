package network

import (
	"fmt"
	"slices"
	"strings"
)

// Basis says what a figure of the dataset rests on.
type Basis uint8

// The bases.
const (
	// ObjectSpecific: a source states the figure for this very object
	// (this link, crossing or terminal).
	ObjectSpecific Basis = iota + 1
	// Derived: computed by caravan from sourced figures of the object (a
	// share of a sourced total, a length from great-circle distance ×
	// circuity, a cost from a sourced tariff).
	Derived
	// Borrowed: taken from another object or from a country or regional
	// average (a CPMM country mean for a crossing CPMM does not report, a
	// mode's default speed or cost, another terminal's handling time).
	Borrowed
)

// FigureShares counts the figures the planner uses by basis.
type FigureShares struct {
	Object, Derived, Borrowed int
}

// Total returns the number of figures counted.
func (f FigureShares) Total() int { return f.Object + f.Derived + f.Borrowed }

// String returns "N figures: a % object-specific, b % derived, c % borrowed".
func (f FigureShares) String() string {
	t := f.Total()
	if t == 0 {
		return "no figures"
	}
	pct := func(x int) float64 { return 100 * float64(x) / float64(t) }
	return fmt.Sprintf("%d figures: %.0f %% object-specific, %.0f %% derived, %.0f %% borrowed",
		t, pct(f.Object), pct(f.Derived), pct(f.Borrowed))
}

// basisOf classifies one field of a record: Borrowed when the record lists
// it as borrowed or cites the nearest-figure estimate EST-XFER, Derived
// when it cites a caravan estimate (EST-…) or was derived by the loader,
// ObjectSpecific otherwise.
func basisOf(field string, borrowed []string, c Citations, derived bool) Basis {
	if slices.Contains(borrowed, field) {
		return Borrowed
	}
	ids := c.For(field)
	if slices.Contains(ids, "EST-XFER") {
		return Borrowed
	}
	if derived {
		return Derived
	}
	for _, id := range ids {
		if strings.HasPrefix(id, "EST-") {
			return Derived
		}
	}
	return ObjectSpecific
}

// Figures counts the figures behind every operational link, crossing and
// transfer by basis: per link its length, its time (a sailing time or
// speed of its own, else the country or regional rate: borrowed) and its
// cost (likewise); per crossing also the dwell and the fee; per scheduled
// service its frequency; per transfer its time and its cost. Figures that
// are not given and have no default (a transfer without a cost) are not
// counted. O(links + transfers).
func (n *Network) Figures() FigureShares {
	var f FigureShares
	add := func(b Basis) {
		switch b {
		case ObjectSpecific:
			f.Object++
		case Derived:
			f.Derived++
		case Borrowed:
			f.Borrowed++
		}
	}
	for i := range n.d.Links {
		l := &n.d.Links[i]
		if l.Status != Operational {
			continue
		}
		add(basisOf("km", l.Borrowed, l.Sources, l.KmDerived))
		switch {
		case l.Hours.Known:
			add(basisOf("hours", l.Borrowed, l.Sources, false))
		case l.KmPerHour.Known:
			add(basisOf("km_per_hour", l.Borrowed, l.Sources, false))
		default:
			add(Borrowed) // the country's or the region's speed for the mode
		}
		switch {
		case l.USDPerTEU.Known:
			add(basisOf("usd_per_teu", l.Borrowed, l.Sources, false))
		case l.USDPerTonneKm.Known:
			add(basisOf("usd_per_tonne_km", l.Borrowed, l.Sources, false))
		default:
			add(Borrowed)
		}
		if l.DeparturesPerWeek.Known {
			add(basisOf("departures_per_week", l.Borrowed, l.Sources, false))
		}
		if c := l.Crossing; c != nil {
			if c.DwellHours.Known {
				add(basisOf("dwell_hours", l.Borrowed, l.Sources, false))
			}
			if c.FeeUSD.Known {
				add(basisOf("fee_usd", l.Borrowed, l.Sources, false))
			}
		}
	}
	for i := range n.d.Transfers {
		t := &n.d.Transfers[i]
		if t.Status != Operational {
			continue
		}
		if t.Hours.Known {
			add(basisOf("hours", t.Borrowed, t.Sources, false))
		}
		switch {
		case t.USDPerTEU.Known:
			add(basisOf("usd_per_teu", t.Borrowed, t.Sources, false))
		case t.USDPerTonne.Known:
			add(basisOf("usd_per_tonne", t.Borrowed, t.Sources, false))
		}
	}
	return f
}
