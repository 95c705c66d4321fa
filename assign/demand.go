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
	const op = "assign.NewDemand"
	if zones < 0 {
		return nil, caravan.Errorf(caravan.Invalid, op, "%d zones", zones)
	}
	keep := make([]OD, 0, len(ods))
	for i, od := range ods {
		if od.From < 0 || int(od.From) >= zones || od.To < 0 || int(od.To) >= zones {
			return nil, caravan.Errorf(caravan.Invalid, op, "entry %d (%d→%d): zone outside 0..%d", i, od.From, od.To, zones-1)
		}
		if !(od.Flow >= 0) || math.IsInf(od.Flow, 0) {
			return nil, caravan.Errorf(caravan.Invalid, op, "entry %d (%d→%d): flow %v is negative or not finite", i, od.From, od.To, od.Flow)
		}
		if od.Flow > 0 && od.From != od.To {
			keep = append(keep, od)
		}
	}
	sort.SliceStable(keep, func(i, j int) bool {
		if keep[i].From != keep[j].From {
			return keep[i].From < keep[j].From
		}
		return keep[i].To < keep[j].To
	})
	d := &Demand{zones: zones, off: make([]int32, zones+1)}
	for i, od := range keep {
		if i > 0 && keep[i-1].From == od.From && keep[i-1].To == od.To {
			d.flow[len(d.flow)-1] += od.Flow
			continue
		}
		d.dest = append(d.dest, od.To)
		d.flow = append(d.flow, od.Flow)
		d.off[od.From+1]++
	}
	for o := 1; o <= zones; o++ {
		d.off[o] += d.off[o-1]
	}
	return d, nil
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
