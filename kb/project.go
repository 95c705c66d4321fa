package kb

import (
	"slices"

	"github.com/caravan-transport/caravan/network"
)

// Project is a network project (railway, road, port) as the knowledge base
// keeps it: the dataset's record with its dated status history, and the
// ids of the links it adds to the network.
type Project struct {
	network.Project
	Links []string `json:"links"` // sorted link ids
}

// Status returns the project's latest status (0 with no history).
func (p *Project) Status() network.Status {
	if len(p.History) == 0 {
		return 0
	}
	return p.History[len(p.History)-1].Status
}

// HasCountry reports whether the project lies (partly) in country.
func (p *Project) HasCountry(country string) bool { return slices.Contains(p.Countries, country) }

// Validate reports what is wrong with p to ps: an id, a name and a history
// in date order.
func (p *Project) Validate(ps *network.Problems) {
	if p.ID == "" {
		ps.Addf(p.Pos, "id", "required value missing")
	}
	if p.Names.En == "" {
		ps.Addf(p.Pos, "name_en", "project %s: required value missing", p.ID)
	}
	for i, c := range p.History {
		pos := c.Pos
		if pos.File == "" {
			pos = p.Pos
		}
		if c.Date == 0 {
			ps.Addf(pos, "date", "project %s: history entry %d has no date", p.ID, i+1)
		}
		if i > 0 && c.Date < p.History[i-1].Date {
			ps.Addf(pos, "date", "project %s: history out of date order (%s after %s)", p.ID, c.Date, p.History[i-1].Date)
		}
	}
	for _, c := range p.Countries {
		if !isCode(c) {
			ps.Addf(p.Pos, "countries", "project %s: %q is not a country code", p.ID, c)
		}
	}
}
