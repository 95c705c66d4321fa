package assign

import (
	"math"
	"sort"

	"github.com/caravan-transport/caravan"
)

// OD is a demand entry: Flow units (vehicles, tonnes) per period from zone
// From to zone To.
type OD struct {
	From, To int32 // zones, 0-based
	Flow     float64
}

// Demand is an origin–destination matrix over zones 0..Zones-1, stored by
// origin. Intrazonal entries (From == To) and zero flows are dropped: they
// load no link. Build one with NewDemand.
type Demand struct {
	zones int
	// The demand of origin o is dest[off[o]:off[o+1]] with flows flow[...].
	off  []int32
	dest []int32
	flow []float64
}

// NewDemand checks ods and returns the matrix. Entries for the same pair
// are added. It returns an error of kind caravan.Invalid naming the entry
// (by index) whose zone is outside 0..zones-1 or whose flow is negative or
// not finite.
func NewDemand(zones int, ods []OD) (*Demand, error) {
	return newDemand(zones, len(ods), func(i int) OD { return ods[i] })
}

// newDemand builds the matrix from n entries given by at, without copying
// them first: a counting pass, a filling pass, then a sort of each origin's
// destinations that merges repeated pairs.
func newDemand(zones, n int, at func(int) OD) (*Demand, error) {
	const op = "assign.NewDemand"
	if zones < 0 {
		return nil, caravan.Errorf(caravan.Invalid, op, "%d zones", zones)
	}
	d := &Demand{zones: zones, off: make([]int32, zones+1)}
	for i := range n {
		od := at(i)
		if od.From < 0 || int(od.From) >= zones || od.To < 0 || int(od.To) >= zones {
			return nil, caravan.Errorf(caravan.Invalid, op, "entry %d (%d→%d): zone outside 0..%d", i, od.From, od.To, zones-1)
		}
		if !(od.Flow >= 0) || math.IsInf(od.Flow, 0) {
			return nil, caravan.Errorf(caravan.Invalid, op, "entry %d (%d→%d): flow %v is negative or not finite", i, od.From, od.To, od.Flow)
		}
		if od.Flow > 0 && od.From != od.To {
			d.off[od.From+1]++
		}
	}
	for o := 1; o <= zones; o++ {
		d.off[o] += d.off[o-1]
	}
	d.dest = make([]int32, d.off[zones])
	d.flow = make([]float64, d.off[zones])
	next := append([]int32(nil), d.off[:zones]...)
	for i := range n {
		od := at(i)
		if od.Flow > 0 && od.From != od.To {
			j := next[od.From]
			next[od.From]++
			d.dest[j], d.flow[j] = od.To, od.Flow
		}
	}
	// Sort each origin's entries by destination and add repeated pairs.
	w := int32(0)
	for o := range zones {
		lo, hi := d.off[o], d.off[o+1]
		seg := byDest{d.dest[lo:hi], d.flow[lo:hi]}
		if !sort.IsSorted(seg) {
			sort.Stable(seg)
		}
		d.off[o] = w
		for j := lo; j < hi; j++ {
			if j > lo && d.dest[j] == d.dest[j-1] {
				d.flow[w-1] += d.flow[j]
				continue
			}
			d.dest[w], d.flow[w] = d.dest[j], d.flow[j]
			w++
		}
	}
	d.off[zones] = w
	d.dest, d.flow = d.dest[:w:w], d.flow[:w:w]
	return d, nil
}

// byDest sorts one origin's destinations with their flows.
type byDest struct {
	dest []int32
	flow []float64
}

func (b byDest) Len() int           { return len(b.dest) }
func (b byDest) Less(i, j int) bool { return b.dest[i] < b.dest[j] }
func (b byDest) Swap(i, j int) {
	b.dest[i], b.dest[j] = b.dest[j], b.dest[i]
	b.flow[i], b.flow[j] = b.flow[j], b.flow[i]
}

// Zones returns the number of zones.
func (d *Demand) Zones() int { return d.zones }

// Total returns the sum of the interzonal flows.
func (d *Demand) Total() float64 {
	s := 0.0
	for _, f := range d.flow {
		s += f
	}
	return s
}

// Pairs returns the number of OD pairs with positive interzonal flow.
func (d *Demand) Pairs() int { return len(d.flow) }

// ODs returns the entries of the matrix, by origin then destination.
func (d *Demand) ODs() []OD {
	out := make([]OD, 0, len(d.flow))
	for o := 0; o < d.zones; o++ {
		for i := d.off[o]; i < d.off[o+1]; i++ {
			out = append(out, OD{From: int32(o), To: d.dest[i], Flow: d.flow[i]})
		}
	}
	return out
}
