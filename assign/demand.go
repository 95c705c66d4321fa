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
	b, err := NewDemandBuilder(zones)
	if err != nil {
		return nil, err
	}
	for _, od := range ods {
		if err := b.Add(od); err != nil {
			return nil, err
		}
	}
	return b.Demand(), nil
}

// demandChunk is how many entries a DemandBuilder stores per block: blocks
// of a fixed size grow the store without copying it.
const demandChunk = 4096

// DemandBuilder collects a matrix's entries one at a time, for readers that
// stream them (a TNTP trips file, an OD CSV), and builds the Demand. It keeps
// only the entries that load a link (positive, interzonal), in blocks, so
// that a large file is held once, compactly, and never copied while it
// grows. The zero value is not usable: call NewDemandBuilder.
type DemandBuilder struct {
	zones  int
	n      int     // entries added, for error messages
	count  []int32 // kept entries per origin
	blocks [][]OD
}

// NewDemandBuilder returns a builder for a matrix over zones 0..zones-1.
func NewDemandBuilder(zones int) (*DemandBuilder, error) {
	if zones < 0 || zones > math.MaxInt32 {
		return nil, caravan.Errorf(caravan.Invalid, "assign.NewDemand", "%d zones", zones)
	}
	return &DemandBuilder{zones: zones, count: make([]int32, zones)}, nil
}

// Add checks one entry and keeps it if it loads a link. Its error, of kind
// caravan.Invalid, names the entry by the index of this call (0-based) when a
// zone is outside 0..zones-1 or the flow is negative or not finite.
func (b *DemandBuilder) Add(od OD) error {
	const op = "assign.NewDemand"
	i := b.n
	b.n++
	if od.From < 0 || int(od.From) >= b.zones || od.To < 0 || int(od.To) >= b.zones {
		return caravan.Errorf(caravan.Invalid, op, "entry %d (%d→%d): zone outside 0..%d", i, od.From, od.To, b.zones-1)
	}
	if !(od.Flow >= 0) || math.IsInf(od.Flow, 0) {
		return caravan.Errorf(caravan.Invalid, op, "entry %d (%d→%d): flow %v is negative or not finite", i, od.From, od.To, od.Flow)
	}
	if od.Flow == 0 || od.From == od.To {
		return nil
	}
	if k := len(b.blocks); k == 0 || len(b.blocks[k-1]) == demandChunk {
		b.blocks = append(b.blocks, make([]OD, 0, demandChunk))
	}
	last := &b.blocks[len(b.blocks)-1]
	*last = append(*last, od)
	b.count[od.From]++
	return nil
}

// Demand builds the matrix from the entries added so far, adding the flows
// of repeated pairs, and releases the builder's store: the builder is empty
// afterwards.
func (b *DemandBuilder) Demand() *Demand {
	zones := b.zones
	d := &Demand{zones: zones, off: make([]int32, zones+1)}
	for o, c := range b.count {
		d.off[o+1] = d.off[o] + c
	}
	total := d.off[zones]
	d.dest = make([]int32, total)
	d.flow = make([]float64, total)
	next := b.count // reused as each origin's fill position
	copy(next, d.off[:zones])
	for _, blk := range b.blocks {
		for _, od := range blk {
			j := next[od.From]
			next[od.From]++
			d.dest[j], d.flow[j] = od.To, od.Flow
		}
	}
	*b = DemandBuilder{zones: zones, count: make([]int32, zones)}
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
	return d
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
