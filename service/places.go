package service

import (
	"fmt"
	"sort"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// PlaceRow is a place as a list of places shows it.
type PlaceRow struct {
	ID      string        `json:"id"`
	Names   network.Names `json:"names"`
	Country string        `json:"country"`
	Kind    string        `json:"kind"`
	Lon     float64       `json:"lon"`
	Lat     float64       `json:"lat"`
	Matched string        `json:"matched,omitempty"` // the name the query matched, when not the English one
}

// indexNames maps every folded name of every place to the places that
// carry it, so that an exact name resolves without a scan.
func (s *Service) indexNames() {
	s.names = map[string][]int32{}
	for i, p := range s.net.Places() {
		seen := map[string]bool{}
		for _, name := range p.Names.All() {
			k := network.FoldName(name)
			if k != "" && !seen[k] {
				seen[k] = true
				s.names[k] = append(s.names[k], int32(i))
			}
		}
	}
}

// ResolvePlace finds the one place that q names: an id or a name in any
// language. param names the request parameter for errors. An unknown name
// is NotFound and lists close candidates (only close ones); an ambiguous
// name is Invalid and lists the places it names.
func (s *Service) ResolvePlace(param, q string) (*network.Place, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, caravan.InvalidParam(param, "want a place (id or name)")
	}
	if p, ok := s.net.Place(q); ok {
		return p, nil
	}
	if idx := s.names[network.FoldName(q)]; len(idx) == 1 {
		return &s.net.Places()[idx[0]], nil
	}
	ms := s.net.FindPlaces(q)
	if len(ms) == 1 && ms[0].Distance <= 1 {
		return ms[0].Place, nil
	}
	if len(ms) == 0 {
		return nil, caravan.ParamError(caravan.NotFound, param, "no place matches %q", q)
	}
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "\n  %-22s %s (%s)", m.Place.ID, m.Place.Names.En, m.Place.Country)
		if m.Name != m.Place.Names.En && m.Name != m.Place.ID {
			fmt.Fprintf(&b, " as %q", m.Name)
		}
	}
	if ms[0].Distance <= 1 {
		return nil, caravan.InvalidParam(param, "%q is ambiguous; use an id:%s", q, b.String())
	}
	return nil, caravan.ParamError(caravan.NotFound, param, "unknown place %q; closest:%s", q, b.String())
}

// Place returns the place with id.
func (s *Service) Place(id string) (*network.Place, error) {
	if p, ok := s.net.Place(id); ok {
		return p, nil
	}
	return nil, caravan.ParamError(caravan.NotFound, "id", "no place with id %q", id)
}

// PlaceQuery selects places: those of Country (all when empty) whose id or
// folded name contains Q (all when empty).
type PlaceQuery struct {
	Q, Country string
}

// ParsePlaceQuery reads q and country.
func (s *Service) ParsePlaceQuery(p Params) (PlaceQuery, error) {
	pq := PlaceQuery{Q: p.str("q"), Country: strings.ToUpper(p.str("country"))}
	if pq.Country != "" {
		if _, ok := s.net.Country(pq.Country); !ok {
			return pq, caravan.ParamError(caravan.NotFound, "country", "unknown country %q", p.str("country"))
		}
	}
	if len(pq.Q) > 200 {
		return pq, caravan.InvalidParam("q", "longer than 200 bytes")
	}
	return pq, nil
}

// Places returns the places that q selects, by country then id. None
// matching is NotFound with the closest names, if any are close.
func (s *Service) Places(q PlaceQuery) ([]PlaceRow, error) {
	key := network.FoldName(q.Q)
	lower := strings.ToLower(q.Q)
	rows := []PlaceRow{}
	for _, p := range s.net.Places() {
		if q.Country != "" && p.Country != q.Country {
			continue
		}
		matched := ""
		if key != "" {
			if strings.Contains(p.ID, lower) {
				matched = p.ID
			}
			for _, name := range p.Names.All() {
				if matched == "" && strings.Contains(network.FoldName(name), key) {
					matched = name
				}
			}
			if matched == "" {
				continue
			}
			if matched == p.Names.En || matched == p.ID {
				matched = ""
			}
		}
		rows = append(rows, placeRow(&p, matched))
	}
	if len(rows) == 0 {
		msg := fmt.Sprintf("no place matches %q", q.Q)
		if q.Country != "" {
			msg += " in " + q.Country
		}
		if ms := s.net.FindPlaces(q.Q); len(ms) > 0 {
			msg += "; closest:"
			for _, m := range ms {
				msg += fmt.Sprintf("\n  %-22s %s (%s)", m.Place.ID, m.Place.Names.En, m.Place.Country)
			}
		}
		return nil, caravan.ParamError(caravan.NotFound, "q", "%s", msg)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Country != rows[j].Country {
			return rows[i].Country < rows[j].Country
		}
		return rows[i].ID < rows[j].ID
	})
	return rows, nil
}

func placeRow(p *network.Place, matched string) PlaceRow {
	return PlaceRow{ID: p.ID, Names: p.Names, Country: p.Country, Kind: p.Kind.String(),
		Lon: p.Loc.Lon(), Lat: p.Loc.Lat(), Matched: matched}
}

// CountryRow is a country with the number of places the network has in it.
type CountryRow struct {
	Code    string        `json:"code"`
	Names   network.Names `json:"names"`
	Places  int           `json:"places"`
	Hubs    []string      `json:"hubs"` // the places that stand in for the country in a matrix
	Sources []string      `json:"sources"`
}

// Countries returns the countries of the network, by code.
func (s *Service) Countries() []CountryRow {
	count := map[string]int{}
	for _, p := range s.net.Places() {
		count[p.Country]++
	}
	var out []CountryRow
	for _, c := range s.net.Countries() {
		out = append(out, CountryRow{Code: c.Code, Names: c.Names, Places: count[c.Code],
			Hubs: s.hubs(c.Code, 3), Sources: nonNil(c.Sources.IDs())})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// resolveAvoid sorts the items of an avoid list into countries, modes,
// links and crossings (by id or crossing name) and places (by id or name).
func (s *Service) resolveAvoid(items []string, req *route.Request) error {
	n := s.net
	for _, it := range items {
		if _, ok := n.Country(strings.ToUpper(it)); ok && len(it) == 2 {
			req.AvoidCountries = append(req.AvoidCountries, strings.ToUpper(it))
			continue
		}
		if m, err := network.ParseMode(strings.ToLower(it)); err == nil {
			req.AvoidModes = append(req.AvoidModes, m)
			continue
		}
		if _, ok := n.Link(it); ok {
			req.AvoidLinks = append(req.AvoidLinks, it)
			continue
		}
		found := false
		key := network.FoldName(it)
		for _, l := range n.Links() {
			if l.Crossing == nil {
				continue
			}
			// A crossing's name, or its name before a parenthesis: "Kharlachi"
			// is also "Kharlachi (Trans-Afghan railway)".
			if name := network.FoldName(l.Crossing.Name); name == key || strings.HasPrefix(name, key+"(") {
				req.AvoidLinks = append(req.AvoidLinks, l.ID)
				found = true
			}
		}
		if found {
			continue
		}
		ms := n.FindPlaces(it)
		if len(ms) == 0 || ms[0].Distance > 1 {
			_, err := s.ResolvePlace("avoid", it)
			return err
		}
		for _, m := range ms { // avoid every place the name matches
			req.AvoidPlaces = append(req.AvoidPlaces, m.Place.ID)
		}
	}
	return nil
}

// openProjects reads the list of projects to treat as open ("open"),
// each a project of the network.
func (s *Service) openProjects(p Params) ([]string, error) {
	open, err := p.list("open", s.limits.MaxListItems)
	if err != nil {
		return nil, err
	}
	for _, id := range open {
		if _, ok := s.net.Project(id); !ok {
			return nil, caravan.ParamError(caravan.NotFound, "open", "unknown project %q (see the projects list)", id)
		}
	}
	return open, nil
}

// modesOutside returns the modes not in the list of allowed mode names.
func modesOutside(param string, allowed []string) ([]network.Mode, error) {
	ok := map[network.Mode]bool{}
	for _, s := range allowed {
		m, err := network.ParseMode(strings.ToLower(s))
		if err != nil {
			return nil, caravan.InvalidParam(param, "%v", err)
		}
		ok[m] = true
	}
	var out []network.Mode
	for _, m := range network.Modes {
		if !ok[m] {
			out = append(out, m)
		}
	}
	return out, nil
}

// hubs returns the ids of up to k places that stand in for country cc
// (see network.Network.Hubs for the rule).
func (s *Service) hubs(cc string, k int) []string {
	ids := []string{}
	for _, p := range s.net.Hubs(cc, k) {
		ids = append(ids, p.ID)
	}
	return ids
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
