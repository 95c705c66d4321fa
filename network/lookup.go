package network

import (
	"sort"
	"strings"

	"github.com/caravan-transport/caravan/script"
)

// FoldName reduces a place name to the key that lookups compare: lower
// case, Latin diacritics dropped (Türkiye → turkiye), Arabic-script
// letters, digits and marks folded by the project's one table (ي → ی,
// ك → ک, ۱۴۰۴ → 1404, ZWNJ and diacritics removed), spaces, hyphens,
// dashes and apostrophes removed. «مزار شریف», «مزارشریف» and
// "Mazar-i-Sharif"/"Mazar i Sharif" each fold to one key. It is script.Key,
// so the extractor and the network fold names alike.
func FoldName(s string) string { return script.Key(s) }

// PlaceMatch is a place that a name lookup found, with how well it matched.
type PlaceMatch struct {
	Place *Place
	Name  string // the name that matched
	// Distance is 0 for an exact match (id or folded name), 1 for a prefix
	// match, and 2 + the edit distance for a suggestion.
	Distance int
}

// FindPlaces looks q up among place ids and every name of every place
// (English, Persian, Dari, Russian and alternatives), comparing folded names
// (see FoldName). It returns the exact matches, or, when there are none, the
// places whose name starts with q, or, when there are none either, up to
// five suggestions by edit distance. Results are ordered by distance, then
// id.
func (n *Network) FindPlaces(q string) []PlaceMatch {
	if p, ok := n.Place(strings.TrimSpace(q)); ok {
		return []PlaceMatch{{Place: p, Name: p.ID}}
	}
	key := FoldName(q)
	if key == "" {
		return nil
	}
	best := map[string]PlaceMatch{}
	consider := func(m PlaceMatch) {
		if old, ok := best[m.Place.ID]; !ok || m.Distance < old.Distance {
			best[m.Place.ID] = m
		}
	}
	places := n.Places()
	for i := range places {
		p := &places[i]
		for _, name := range p.Names.All() {
			f := FoldName(name)
			switch {
			case f == key:
				consider(PlaceMatch{p, name, 0})
			case strings.HasPrefix(f, key) && len([]rune(key)) >= 3:
				consider(PlaceMatch{p, name, 1})
			default:
				consider(PlaceMatch{p, name, 2 + editDistance(f, key)})
			}
		}
	}
	all := make([]PlaceMatch, 0, len(best))
	for _, m := range best {
		all = append(all, m)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Distance != all[j].Distance {
			return all[i].Distance < all[j].Distance
		}
		return all[i].Place.ID < all[j].Place.ID
	})
	if len(all) == 0 {
		return nil
	}
	if d := all[0].Distance; d <= 1 {
		k := 0
		for k < len(all) && all[k].Distance == d {
			k++
		}
		return all[:k]
	}
	// Suggestions: at most five, and only close ones: one edit for a name
	// of up to five letters, two up to nine, three beyond ("Xian" does not
	// suggest Van, "Dubai" not Mumbai, "XX" not Hami).
	limit := 2 + min(3, 1+(len([]rune(key))-1)/5)
	k := 0
	for k < len(all) && k < 5 && all[k].Distance <= limit {
		k++
	}
	return all[:k]
}

// editDistance returns the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
