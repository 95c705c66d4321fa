package assign

import (
	"context"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/tntp"
)

// FromTNTP returns the network and demand of a TNTP instance. File node k is
// node k-1 and zone k is zone k-1; link i of the file is link i (duplicates
// are kept as parallel links). A link's Fixed cost is
// tollFactor·toll + distanceFactor·length; the factors are per network and
// not in the files (ChicagoSketch: 0.02 and 0.04; see the shared data's
// README). trips may be nil for a network without demand (an empty matrix).
// Errors have kind caravan.Invalid.
func FromTNTP(net *tntp.Network, trips *tntp.Trips, tollFactor, distanceFactor float64) (*Network, *Demand, error) {
	const op = "assign.FromTNTP"
	links := make([]Link, len(net.Links))
	for i, l := range net.Links {
		fixed := tollFactor*l.Toll + distanceFactor*l.Length
		if fixed < 0 {
			return nil, nil, caravan.Errorf(caravan.Invalid, op, "link %d→%d (line %d): fixed cost %v·%v + %v·%v is negative", l.From, l.To, l.Line, tollFactor, l.Toll, distanceFactor, l.Length)
		}
		links[i] = Link{From: l.From - 1, To: l.To - 1, FreeFlowTime: l.FreeFlowTime, Capacity: l.Capacity, B: l.B, Power: l.Power, Fixed: fixed}
	}
	firstThru := max(net.FirstThruNode-1, 0)
	n, err := NewNetwork(net.Nodes, net.Zones, firstThru, links)
	if err != nil {
		return nil, nil, caravan.Errorf(caravan.Invalid, op, "%w", err)
	}
	b, err := NewDemandBuilder(net.Zones)
	if err != nil {
		return nil, nil, caravan.Errorf(caravan.Invalid, op, "%w", err)
	}
	if trips != nil {
		if trips.Zones != net.Zones {
			return nil, nil, caravan.Errorf(caravan.Invalid, op, "trips have %d zones, the network %d", trips.Zones, net.Zones)
		}
		for _, od := range trips.Demand {
			if err := b.Add(fromTNTP(od)); err != nil {
				return nil, nil, caravan.Errorf(caravan.Invalid, op, "%w", err)
			}
		}
	}
	return n, b.Demand(), nil
}

// fromTNTP is a trips file's entry with 0-based zones.
func fromTNTP(od tntp.OD) OD {
	return OD{From: od.Origin - 1, To: od.Dest - 1, Flow: od.Flow}
}

// ReadTNTPTrips streams the TNTP trips file at path into a demand matrix
// over zones, without holding the file's entries as FromTNTP's caller does
// (tntp.ReadTripsFile keeps every entry, zeros and intrazonal ones
// included). The file must declare zones zones. Errors name the file and
// line; bad input has kind caravan.Invalid.
func ReadTNTPTrips(ctx context.Context, path string, zones int) (*Demand, error) {
	b, err := NewDemandBuilder(zones)
	if err != nil {
		return nil, err
	}
	begin := func(t *tntp.Trips) error {
		if t.Zones != zones {
			return caravan.Errorf(caravan.Invalid, "assign.ReadTNTPTrips", "%d zones, the network has %d", t.Zones, zones)
		}
		return nil
	}
	if _, err := tntp.ScanTripsFile(ctx, path, begin, func(od tntp.OD) error { return b.Add(fromTNTP(od)) }); err != nil {
		return nil, err
	}
	return b.Demand(), nil
}
