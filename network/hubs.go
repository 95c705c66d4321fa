package network

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// Hubs returns up to k main freight hubs of country (ISO code), best
// first, by this rule:
//
//  1. the places of the country that places.csv ranks as hubs (column hub:
//     1, 2, 3 …; curated as the capital and the ports, dry ports and
//     gateways the sources name as the country's main cargo nodes), in
//     rank order;
//  2. then, to fill up to k, the country's cities, sea ports and dry ports
//     by their connectivity: the number of distinct places they reach by
//     one operational link, plus the number of modes of those links, plus
//     the number of operational transfers they offer; ties by id.
//
// Border posts, junctions and ferry terminals are never stand-ins for a
// country. It returns nil for an unknown country. O(places + links).
func (n *Network) Hubs(country string, k int) []*Place {
	if _, ok := n.countries[country]; !ok || k <= 0 {
		return nil
	}
	type cand struct {
		p     *Place
		score int
	}
	var ranked, rest []cand
	score := n.connectivity()
	for i := range n.d.Places {
		p := &n.d.Places[i]
		if p.Country != country {
			continue
		}
		switch {
		case p.Hub > 0:
			ranked = append(ranked, cand{p, p.Hub})
		case p.Kind == City || p.Kind == SeaPort || p.Kind == DryPort:
			rest = append(rest, cand{p, score[p.ID]})
		}
	}
	// Ranked hubs by rank, the rest by connectivity (highest first); ties by id.
	slices.SortFunc(ranked, func(a, b cand) int { return cmp.Or(cmp.Compare(a.score, b.score), strings.Compare(a.p.ID, b.p.ID)) })
	slices.SortFunc(rest, func(a, b cand) int { return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(a.p.ID, b.p.ID)) })
	var out []*Place
	for _, c := range append(ranked, rest...) {
		if len(out) == k {
			break
		}
		out = append(out, c.p)
	}
	return out
}

// connectivity scores every place: distinct neighbours by operational
// links, plus the distinct modes of those links, plus operational
// transfers.
func (n *Network) connectivity() map[string]int {
	nb := map[string]map[string]bool{}
	modes := map[string]map[Mode]bool{}
	add := func(a, b string, m Mode) {
		if nb[a] == nil {
			nb[a], modes[a] = map[string]bool{}, map[Mode]bool{}
		}
		nb[a][b], modes[a][m] = true, true
	}
	for i := range n.d.Links {
		l := &n.d.Links[i]
		if l.Status == Operational {
			add(l.From, l.To, l.Mode)
			add(l.To, l.From, l.Mode)
		}
	}
	score := map[string]int{}
	for id := range nb {
		score[id] = len(nb[id]) + len(modes[id])
	}
	for i := range n.d.Transfers {
		if t := &n.d.Transfers[i]; t.Status == Operational {
			score[t.Place]++
		}
	}
	return score
}

// CrossingSides resolves a name that stands for a border crossing rather
// than a town to the places at the crossing's two sides. q may be a
// crossing's name ("Torkham", "Spin Boldak – Chaman"), one part of it
// ("Chaman"), or the names of its two sides joined by "/" or "-"
// ("Hairatan/Termez"); comparison folds names (see FoldName). It returns
// the ends of every crossing so named (road and rail crossings of one name
// share their ends), each place once, ordered by id; nil when q names no
// crossing, or crossings of more than one border ("Alat": the Caspian
// ferries from Azerbaijan's Alat and the Uzbek–Turkmen crossing at Alat
// are four crossings of three country pairs, not one crossing's sides).
// The planner picks the side that fits the direction of travel
// (route.Planner.PlanSides).
func (n *Network) CrossingSides(q string) []*Place {
	key := FoldName(q)
	if key == "" {
		return nil
	}
	pair := map[string]bool{}
	for _, sep := range []string{"/", " - ", "–", "—"} {
		if a, b, ok := strings.Cut(q, sep); ok {
			pair[FoldName(a)+"|"+FoldName(b)] = true
			pair[FoldName(b)+"|"+FoldName(a)] = true
		}
	}
	seen, borders := map[string]bool{}, map[string]bool{}
	var out []*Place
	for i := range n.d.Links {
		l := &n.d.Links[i]
		if l.Crossing == nil {
			continue
		}
		from, okF := n.Place(l.From)
		to, okT := n.Place(l.To)
		if !okF || !okT {
			continue
		}
		if !crossingNamed(l.Crossing.Name, key) && !pair[FoldName(from.Names.En)+"|"+FoldName(to.Names.En)] {
			continue
		}
		border := from.Country + "|" + to.Country
		if to.Country < from.Country {
			border = to.Country + "|" + from.Country
		}
		if borders[border] = true; len(borders) > 1 {
			return nil
		}
		for _, p := range []*Place{from, to} {
			if !seen[p.ID] {
				seen[p.ID] = true
				out = append(out, p)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// crossingNamed reports whether the crossing name (without its
// parenthesised remark) or one of its "–"-separated parts folds to key.
func crossingNamed(name, key string) bool {
	whole, parts := crossingNameParts(name)
	if FoldName(whole) == key {
		return true
	}
	for _, part := range parts {
		if FoldName(part) == key {
			return true
		}
	}
	return false
}

// crossingNameParts returns a crossing's name without its parenthesised
// remark, and the "–"-separated parts of that ("Spin Boldak – Chaman
// (road)": "Spin Boldak ", " Chaman ").
func crossingNameParts(name string) (whole string, parts []string) {
	if i := strings.Index(name, "("); i >= 0 {
		name = name[:i]
	}
	return name, strings.Split(name, "–")
}
