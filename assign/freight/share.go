package freight

import (
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/graph"
)

// Share is the part of the freight from one country to another that uses a
// corridor element: a project's links, one link or crossing, or any link
// into a third country.
type Share struct {
	From   string  `json:"from"` // countries (ISO codes)
	To     string  `json:"to"`
	Via    string  `json:"via"`    // project id, link id or country code
	Tonnes float64 `json:"tonnes"` // a year, of the pair's freight that uses Via
	Share  float64 `json:"share"`  // of the pair's freight, 0..1
}

// Shares splits the freight from country from to country to (the served
// demand between their places) by corridor. Each via item is a project id
// (its links and crossings), a link or crossing id, or a country code (any
// link or crossing into that country). Items are counted independently:
// freight using two of them counts in both. The split follows each origin's
// flows under the proportionality assumption (see assign.Result.Through).
// It returns the shares and the pair's total tonnes.
func (r *Result) Shares(from, to string, via []string) ([]Share, float64, error) {
	const op = "freight.Shares"
	m := r.model
	if m == nil || r.eq == nil {
		return nil, 0, caravan.Errorf(caravan.Invalid, op, "no equilibrium to split (no demand was served)")
	}
	g, n := m.g, m.g.Net
	from, to = strings.ToUpper(from), strings.ToUpper(to)
	for _, c := range [2]string{from, to} {
		if _, ok := n.Country(c); !ok {
			return nil, 0, caravan.Errorf(caravan.NotFound, op, "unknown country %q", c)
		}
	}
	zoneOf := map[int32]int32{}
	for z, p := range m.zonePl {
		zoneOf[p] = int32(z)
	}
	type pair struct {
		o, d   int32
		tonnes float64
	}
	var pairs []pair
	total := 0.0
	for _, d := range m.demand {
		if n.CountryOf(d.From) != from || n.CountryOf(d.To) != to {
			continue
		}
		pf, _ := n.PlaceIndex(d.From)
		pt, _ := n.PlaceIndex(d.To)
		pairs = append(pairs, pair{zoneOf[int32(pf)], zoneOf[int32(pt)], d.TonnesPerYear})
		total += d.TonnesPerYear
	}
	var out []Share
	for _, v := range via {
		var links []int
		country := strings.ToUpper(v)
		_, isProject := n.Project(v)
		_, isLink := n.Link(v)
		_, isCountry := n.Country(country)
		if !isProject && !isLink && !isCountry {
			return nil, 0, caravan.Errorf(caravan.NotFound, op, "via %q is not a project, link, crossing or country", v)
		}
		for i, a := range m.arcOf { // assignment link → graph arc
			if a < 0 {
				continue
			}
			arc := g.Arc(a)
			if arc.Kind != graph.LinkArc && arc.Kind != graph.CrossingArc {
				continue
			}
			l := g.Link(a)
			head := n.Places()[g.States[g.CSR.Heads[a]].Place]
			if (isProject && l.Project == v) || (isLink && l.ID == v) || (isCountry && head.Country == country) {
				links = append(links, i)
			}
		}
		s := Share{From: from, To: to, Via: v}
		for _, p := range pairs {
			f, err := r.eq.Through(p.o, p.d, links)
			if err != nil {
				return nil, 0, err
			}
			s.Tonnes += f * p.tonnes
		}
		if total > 0 {
			s.Share = s.Tonnes / total
		}
		out = append(out, s)
	}
	return out, total, nil
}
