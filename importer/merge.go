package importer

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
)

// RefineOptions tune Refine. The zero value refines derived lengths whose
// ends snap within 5 km and whose imported length is within 0.5–2× of the
// derived one.
type RefineOptions struct {
	MaxSnapKm          float64 // both ends of the link within this of the imported lines (default 5)
	MinRatio, MaxRatio float64 // imported ÷ derived length must lie in [MinRatio, MaxRatio] (default 0.5, 2)
}

// Refinement is one link whose length Refine replaced.
type Refinement struct {
	LinkID       string
	OldKm, NewKm float64
}

// Refine returns a copy of the curated network in which the links that a
// comparison matched, and whose lengths were derived (great-circle distance
// × circuity) rather than sourced, take the length of the shortest path
// along the imported lines, cited to src (added to the sources). Everything
// else — places, other links, crossings, transfers, closures, projects,
// sources — is kept as it is, so the planner, the assignment and the
// server use the result unchanged. Sourced lengths are never replaced: the
// report shows how they compare. The result is validated like any dataset
// (network.New); an error there is returned as is. src.ID must not be taken.
func Refine(cur *network.Network, rep *Report, src network.Source, opt RefineOptions) (*network.Network, []Refinement, error) {
	if opt.MaxSnapKm <= 0 {
		opt.MaxSnapKm = 5
	}
	if opt.MinRatio <= 0 {
		opt.MinRatio = 0.5
	}
	if opt.MaxRatio <= 0 {
		opt.MaxRatio = 2
	}
	if _, taken := cur.Source(src.ID); taken || src.ID == "" {
		return nil, nil, caravan.Errorf(caravan.Invalid, "importer.Refine", "source id %q is empty or taken", src.ID)
	}
	d := network.Data{
		Sources:    append(slices.Clone(cur.Sources()), src),
		Countries:  slices.Clone(cur.Countries()),
		Places:     slices.Clone(cur.Places()),
		Rates:      slices.Clone(cur.Rates()),
		Links:      slices.Clone(cur.Links()),
		Transfers:  slices.Clone(cur.Transfers()),
		Closures:   slices.Clone(cur.Closures()),
		Projects:   slices.Clone(cur.Projects()),
		Parameters: slices.Clone(cur.Parameters()),
	}
	index := map[string]int{}
	for i := range d.Links {
		index[d.Links[i].ID] = i
	}
	var done []Refinement
	for _, m := range rep.Links {
		if m.Status != "matched" || !m.CuratedDerived || m.FromSnapKm > opt.MaxSnapKm || m.ToSnapKm > opt.MaxSnapKm {
			continue
		}
		if r := m.Ratio(); math.IsNaN(r) || r < opt.MinRatio || r > opt.MaxRatio {
			continue
		}
		i, ok := index[m.Link.ID]
		if !ok {
			continue
		}
		l := &d.Links[i]
		km := math.Round(m.ImportedKm*10) / 10
		done = append(done, Refinement{LinkID: l.ID, OldKm: l.Km.Value, NewKm: km})
		l.Km = network.Exact(km)
		l.KmDerived = false
		l.Sources.ByField = maps.Clone(l.Sources.ByField)
		if l.Sources.ByField == nil {
			l.Sources.ByField = map[string][]string{}
		}
		l.Sources.ByField["km"] = []string{src.ID}
		note := strings.TrimSpace(strings.Replace(l.Note, "Length derived: great-circle distance × circuity_"+l.Mode.String()+".", "", 1))
		l.Note = strings.TrimSpace(fmt.Sprintf("%s Length %.1f km along the imported lines (%s), replacing %.1f km derived from the great-circle distance.", note, km, src.ID, m.CuratedKm))
	}
	n, err := network.New(d)
	if err != nil {
		return nil, nil, err
	}
	return n, done, nil
}
