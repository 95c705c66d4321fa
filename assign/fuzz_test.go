package assign_test

import (
	"bytes"
	"context"
	"math"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/assign"
	"github.com/caravan-transport/caravan/tntp"
)

const fuzzNet = `<NUMBER OF ZONES> 2
<NUMBER OF NODES> 4
<FIRST THRU NODE> 1
<NUMBER OF LINKS> 5
<END OF METADATA>
1 3 1 100 0.00000001 1000000000 1 0 0 1 ;
1 4 1 100 50 0.02 1 0 0 1 ;
3 2 1 100 50 0.02 1 0 0 1 ;
3 4 1 100 10 0.1 1 0 0 1 ;
4 2 1 100 0.00000001 1000000000 1 0 0 1;
`

const fuzzTrips = "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n 2 : 6.0;\n"

// FuzzSolve feeds arbitrary TNTP network and trips files through FromTNTP
// and every algorithm: none may panic; errors must be of kind Invalid;
// results must be finite, non-negative and feasible for the demand.
func FuzzSolve(f *testing.F) {
	f.Add([]byte(fuzzNet), []byte(fuzzTrips), uint8(3))
	f.Add([]byte(fuzzNet), []byte("<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 2\n 1 : 6.0;\n"), uint8(0))
	f.Add([]byte("<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 2\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n1 2 0 0 0 0 0 0 0 1;\n"), []byte("<NUMBER OF ZONES> 1\n<END OF METADATA>\n"), uint8(1))
	f.Fuzz(func(t *testing.T, netIn, tripsIn []byte, alg uint8) {
		ctx := context.Background()
		tn, err := tntp.ReadNet(ctx, bytes.NewReader(netIn), "net")
		if err != nil || tn.Nodes > 200 || len(tn.Links) > 2000 {
			return
		}
		tr, err := tntp.ReadTrips(ctx, bytes.NewReader(tripsIn), "trips")
		if err != nil {
			return
		}
		net, dem, err := assign.FromTNTP(tn, tr, 0.5, 0.25)
		if err != nil {
			if caravan.KindOf(err) != caravan.Invalid {
				t.Fatalf("FromTNTP: kind %v: %v", caravan.KindOf(err), err)
			}
			return
		}
		a := assign.Algorithm(alg % 4)
		r, err := assign.Solve(ctx, net, dem, assign.Options{Algorithm: a, Gap: 1e-6, MaxIterations: 30, Workers: 2})
		if err != nil {
			if caravan.KindOf(err) != caravan.Invalid {
				t.Fatalf("Solve(%v): kind %v: %v", a, caravan.KindOf(err), err)
			}
			return
		}
		for i, x := range r.Flow {
			if !(x >= 0) || math.IsInf(x, 0) || math.IsNaN(r.Cost[i]) {
				t.Fatalf("%v: link %d flow %v cost %v", a, i, x, r.Cost[i])
			}
		}
		if math.IsNaN(r.Gap) || math.IsNaN(r.Objective) {
			t.Fatalf("%v: gap %v objective %v", a, r.Gap, r.Objective)
		}
	})
}
