package importer

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/network"
)

// CompareOptions tune Compare. The zero value compares rail links with a
// 10 km snap radius.
type CompareOptions struct {
	Mode      network.Mode // links of the curated network to compare (default Rail)
	SnapKm    float64      // how far a curated place may lie from an imported node (default 10)
	Countries []string     // only links with an end in one of these countries (ISO codes, lower case); empty: all
	MinKm     float64      // imported components shorter than this are not listed as missing (default 20)
}

// LinkMatch is how one curated link lines up with the import.
type LinkMatch struct {
	Link           *network.Link
	FromCountry    string
	ToCountry      string
	CuratedKm      float64 // the link's length (derived from great-circle distance when KmDerived)
	CuratedDerived bool
	FromSnapKm     float64 // distance from the link's ends to the nearest imported node
	ToSnapKm       float64
	ImportedKm     float64 // shortest path between those nodes in the import, +Inf if none
	Status         string  // "matched", "no path in import", "end off the import"
	component      int32
	path           []int32 // edges
}

// Ratio returns ImportedKm / CuratedKm, NaN when either is unknown.
func (m *LinkMatch) Ratio() float64 {
	if !(m.CuratedKm > 0) || math.IsInf(m.ImportedKm, 1) {
		return math.NaN()
	}
	return m.ImportedKm / m.CuratedKm
}

// Unmatched is a connected part of the import that no compared curated link
// runs along: a line the curated network lacks (or one outside its scope).
type Unmatched struct {
	Km       float64   // length of its edges no matched link's path uses
	TotalKm  float64   // length of all its edges
	Bound    orb.Bound // extent
	Stations []string  // names of stations snapped to it (a few)
}

// Report compares an import with a curated network.
type Report struct {
	Links     []LinkMatch
	Unmatched []Unmatched // largest first
}

// Compare lines up the curated network's links of one mode with an
// imported network: each link's ends are snapped to the nearest imported
// nodes and the shortest path between them (by km) is compared with the
// link's length; then the imported components with many kilometres that
// no such path uses are listed as lines the curated network may lack.
// Inactive links are compared too (their Status is in the link).
func Compare(imp *Network, cur *network.Network, opt CompareOptions) (*Report, error) {
	if opt.Mode == 0 {
		opt.Mode = network.Rail
	}
	if opt.SnapKm <= 0 {
		opt.SnapKm = 10
	}
	if opt.MinKm <= 0 {
		opt.MinKm = 20
	}
	g, _, km, edgeOf, err := imp.Graph()
	if err != nil {
		return nil, err
	}
	comp := components(g)
	grid := imp.nodeGrid(opt.SnapKm)
	s := csr.NewSearcher(g)
	rep := &Report{}
	used := make([]bool, len(imp.Edges))
	links := cur.Links()
	for i := range links {
		l := &links[i]
		if l.Mode != opt.Mode {
			continue
		}
		fc, tc := cur.CountryOf(l.From), cur.CountryOf(l.To)
		if len(opt.Countries) > 0 && !slices.Contains(opt.Countries, fc) && !slices.Contains(opt.Countries, tc) {
			continue
		}
		from, _ := cur.Place(l.From)
		to, _ := cur.Place(l.To)
		if from == nil || to == nil {
			continue
		}
		m := LinkMatch{Link: l, FromCountry: fc, ToCountry: tc, CuratedKm: l.Km.Value, CuratedDerived: l.KmDerived, ImportedKm: math.Inf(1), component: -1}
		if !l.Km.Known {
			m.CuratedKm = math.NaN()
		}
		a, da := grid.nearest(from.Loc)
		b, db := grid.nearest(to.Loc)
		m.FromSnapKm, m.ToSnapKm = da, db
		switch {
		case a < 0 || b < 0:
			m.Status = "end off the import"
		default:
			m.ImportedKm = s.Search(km, nil, a, b)
			if math.IsInf(m.ImportedKm, 1) {
				m.Status = "no path in import"
				break
			}
			m.Status = "matched"
			m.component = comp[a]
			for _, arc := range s.Path(b, nil) {
				m.path = append(m.path, edgeOf[arc])
				used[edgeOf[arc]] = true
			}
		}
		rep.Links = append(rep.Links, m)
	}
	// Components by unused kilometres.
	byComp := map[int32]*Unmatched{}
	for i := range imp.Edges {
		e := &imp.Edges[i]
		c := comp[e.From]
		u := byComp[c]
		if u == nil {
			u = &Unmatched{Bound: e.Geometry.Bound()}
			byComp[c] = u
		}
		u.TotalKm += e.Km
		u.Bound = u.Bound.Union(e.Geometry.Bound())
		if !used[i] {
			u.Km += e.Km
		}
	}
	for _, p := range imp.Places {
		if p.Node < 0 || p.Name == "" {
			continue
		}
		if u := byComp[comp[p.Node]]; u != nil && len(u.Stations) < 5 && !slices.Contains(u.Stations, p.Name) {
			u.Stations = append(u.Stations, p.Name)
		}
	}
	for _, u := range byComp {
		if u.Km >= opt.MinKm {
			rep.Unmatched = append(rep.Unmatched, *u)
		}
	}
	slices.SortFunc(rep.Unmatched, func(a, b Unmatched) int { return cmp.Compare(b.Km, a.Km) })
	return rep, nil
}

// components labels the weakly connected components of g.
func components(g *csr.Graph) []int32 {
	n := g.NumNodes()
	r, _ := g.Reverse()
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	var stack []int32
	next := int32(0)
	for v := range int32(n) {
		if comp[v] >= 0 {
			continue
		}
		comp[v] = next
		stack = append(stack[:0], v)
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, gg := range []*csr.Graph{g, r} {
				for _, w := range gg.Heads[gg.Offsets[u]:gg.Offsets[u+1]] {
					if comp[w] < 0 {
						comp[w] = next
						stack = append(stack, w)
					}
				}
			}
		}
		next++
	}
	return comp
}

// Write prints the report as two Markdown tables, links sorted by country
// pair and id.
func (r *Report) Write(w io.Writer) error {
	links := slices.Clone(r.Links)
	slices.SortFunc(links, func(a, b LinkMatch) int {
		return cmp.Or(cmp.Compare(a.FromCountry+a.ToCountry, b.FromCountry+b.ToCountry), strings.Compare(a.Link.ID, b.Link.ID))
	})
	counts := map[string]int{}
	for _, m := range links {
		counts[m.Status]++
	}
	fmt.Fprintf(w, "%d curated links compared: %d matched, %d with no path in the import, %d with an end off the import\n\n",
		len(links), counts["matched"], counts["no path in import"], counts["end off the import"])
	fmt.Fprintln(w, "| link | status (curated) | curated km | imported km | ratio | snap km (from, to) | result |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	num := func(x float64) string {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "-"
		}
		return fmt.Sprintf("%.1f", x)
	}
	for _, m := range links {
		ck := num(m.CuratedKm)
		if m.CuratedDerived && ck != "-" {
			ck += " (derived)"
		}
		ratio := "-"
		if r := m.Ratio(); !math.IsNaN(r) {
			ratio = fmt.Sprintf("%.2f", r)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s, %s | %s |\n", m.Link.ID, m.Link.Status, ck, num(m.ImportedKm), ratio, num(m.FromSnapKm), num(m.ToSnapKm), m.Status)
	}
	fmt.Fprintf(w, "\n%d parts of the import with kilometres no compared link runs along:\n\n", len(r.Unmatched))
	fmt.Fprintln(w, "| unmatched km | part km | extent (W,S,E,N) | stations |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, u := range r.Unmatched {
		_, err := fmt.Fprintf(w, "| %.1f | %.1f | %.2f,%.2f,%.2f,%.2f | %s |\n", u.Km, u.TotalKm, u.Bound.Min[0], u.Bound.Min[1], u.Bound.Max[0], u.Bound.Max[1], strings.Join(u.Stations, "; "))
		if err != nil {
			return err
		}
	}
	return nil
}
