package tntp_test

import (
	"bytes"
	"context"
	"math"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/tntp"
)

// FuzzTNTP runs every reader on the same input. None may panic; every error
// must be of kind Invalid; what parses must satisfy the readers' contracts.
func FuzzTNTP(f *testing.F) {
	f.Add([]byte(braessNet))
	f.Add([]byte("<NUMBER OF ZONES> 2\n<TOTAL OD FLOW> 6.0\n<END OF METADATA>\nOrigin \t1 \n    1 :      0.0;     2 :     6.0;\n"))
	f.Add([]byte("From \tTo \tVolume \tCost \n1 \t2 \t4494.65 \t6.0008 \n"))
	f.Add([]byte("<NUMBER OF ZONES> -1\n<END OF METADATA>\nTail \tHead \tVolume \tCost \t;\n\t1 \t2 \t1.5 \t0.1125 \t;\n"))
	f.Add([]byte("Node \tX \tY \t;\n1     \t23.55 \t \t18.9 \t \t; \n"))
	f.Add([]byte("<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 2\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n~ c\n 1 2 1e3 0 0 0.15 4 0 -1 3;\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		ctx := context.Background()
		check := func(what string, err error) {
			if err != nil && caravan.KindOf(err) != caravan.Invalid {
				t.Fatalf("%s: error kind %v, want invalid: %v", what, caravan.KindOf(err), err)
			}
		}
		net, err := tntp.ReadNet(ctx, bytes.NewReader(in), "fuzz")
		check("ReadNet", err)
		if err == nil {
			if net.Zones > net.Nodes || net.FirstThruNode > net.Nodes+1 {
				t.Fatalf("zones %d, first thru %d with %d nodes", net.Zones, net.FirstThruNode, net.Nodes)
			}
			for _, l := range net.Links {
				if l.From < 1 || int(l.From) > net.Nodes || l.To < 1 || int(l.To) > net.Nodes {
					t.Fatalf("link %+v outside nodes 1..%d", l, net.Nodes)
				}
				for _, x := range []float64{l.Capacity, l.Length, l.FreeFlowTime, l.B, l.Power, l.Speed} {
					if !(x >= 0) || math.IsInf(x, 0) {
						t.Fatalf("link %+v has a negative or non-finite value", l)
					}
				}
			}
			if net.Nodes <= 1<<16 {
				if _, _, err := net.Graph(); err != nil {
					t.Fatalf("Graph of a valid network: %v", err)
				}
			}
		}
		tr, err := tntp.ReadTrips(ctx, bytes.NewReader(in), "fuzz")
		check("ReadTrips", err)
		if err == nil {
			for _, od := range tr.Demand {
				if od.Origin < 1 || int(od.Origin) > tr.Zones || od.Dest < 1 || int(od.Dest) > tr.Zones || !(od.Flow >= 0) {
					t.Fatalf("entry %+v outside zones 1..%d or negative", od, tr.Zones)
				}
			}
		}
		fl, err := tntp.ReadFlow(ctx, bytes.NewReader(in), "fuzz")
		check("ReadFlow", err)
		if err == nil {
			for _, l := range fl.Links {
				if l.From < 1 || l.To < 1 || math.IsNaN(l.Volume) || math.IsInf(l.Cost, 0) {
					t.Fatalf("flow line %+v", l)
				}
			}
		}
		_, err = tntp.ReadNodes(ctx, bytes.NewReader(in), "fuzz")
		check("ReadNodes", err)
	})
}
