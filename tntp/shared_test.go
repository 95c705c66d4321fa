package tntp_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/caravan-transport/caravan/internal/shareddata"
	"github.com/caravan-transport/caravan/tntp"
)

// summary holds the fields of the shared data's networks.json that these
// tests check against (values computed by the data's curators).
type summary struct {
	Zones          int      `json:"zones"`
	Nodes          int      `json:"nodes"`
	Links          int      `json:"links"`
	FirstThruNode  int      `json:"first_thru_node"`
	TollFactor     *float64 `json:"toll_factor"`
	DistanceFactor *float64 `json:"distance_factor"`
	ODPairsNonzero int      `json:"od_pairs_nonzero"`
	TotalODFlowSum float64  `json:"total_od_flow_sum"`
	Intrazonal     float64  `json:"intrazonal_demand"`
	Beckmann       *float64 `json:"recomputed_beckmann_objective"`
	TSTT           *float64 `json:"recomputed_tstt_generalized"`
}

// files names each network's files inside data/tntp ("" when absent).
var files = []struct{ name, net, trips, flow, nodes string }{
	{"SiouxFalls", "SiouxFalls_net.tntp", "SiouxFalls_trips.tntp", "SiouxFalls_flow.tntp", "SiouxFalls_node.tntp"},
	{"Anaheim", "Anaheim_net.tntp", "Anaheim_trips.tntp", "Anaheim_flow.tntp", ""},
	{"Barcelona", "Barcelona_net.tntp", "Barcelona_trips.tntp", "Barcelona_flow.tntp", ""},
	{"Winnipeg", "Winnipeg_net.tntp", "Winnipeg_trips.tntp", "Winnipeg_flow.tntp", ""},
	{"ChicagoSketch", "ChicagoSketch_net.tntp", "ChicagoSketch_trips.tntp", "ChicagoSketch_flow.tntp", "ChicagoSketch_node.tntp"},
	{"ChicagoRegional", "ChicagoRegional_net.tntp", "", "ChicagoRegional_flow.tntp", "ChicagoRegional_node.tntp"},
	{"BerlinCenter", "berlin-center_net.tntp", "berlin-center_trips.tntp", "", "berlin-center_node.tntp"},
	{"Braess", "Braess_net.tntp", "Braess_trips.tntp", "", ""},
}

// TestSharedNetworks reads every shared TNTP file and checks the counts,
// the demand totals and, where a best-known flow exists, recomputes the
// Beckmann objective and TSTT from the parsed net and flow files: that uses
// every BPR column (capacity, length, free-flow time, b, power, toll).
func TestSharedNetworks(t *testing.T) {
	dir := shareddata.Path(t, "data/tntp")
	raw, err := os.ReadFile(filepath.Join(dir, "networks.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sums map[string]summary
	if err := json.Unmarshal(raw, &sums); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			want, ok := sums[f.name]
			if !ok {
				t.Fatalf("networks.json has no %s", f.name)
			}
			net, err := tntp.ReadNetFile(ctx, filepath.Join(dir, f.name, f.net))
			if err != nil {
				t.Fatal(err)
			}
			if net.Zones != want.Zones || net.Nodes != want.Nodes || net.FirstThruNode != want.FirstThruNode || len(net.Links) != want.Links {
				t.Errorf("net: zones %d nodes %d first thru %d links %d, want %d %d %d %d",
					net.Zones, net.Nodes, net.FirstThruNode, len(net.Links), want.Zones, want.Nodes, want.FirstThruNode, want.Links)
			}
			dups := net.Duplicates()
			if wantDups := map[bool]int{true: 6, false: 0}[f.name == "BerlinCenter"]; len(dups) != wantDups {
				t.Errorf("%d duplicate pairs, want %d: %v", len(dups), wantDups, dups)
			}
			if _, _, err := net.Graph(); err != nil {
				t.Errorf("Graph: %v", err)
			}
			if f.trips != "" {
				tr, err := tntp.ReadTripsFile(ctx, filepath.Join(dir, f.name, f.trips))
				if err != nil {
					t.Fatal(err)
				}
				nonzero, intra := 0, 0.0
				for _, od := range tr.Demand {
					if od.Flow != 0 {
						nonzero++
					}
					if od.Origin == od.Dest {
						intra += od.Flow
					}
				}
				if tr.Zones != net.Zones || nonzero != want.ODPairsNonzero || !near(tr.Sum(), want.TotalODFlowSum, 1e-9) || !near(intra, want.Intrazonal, 1e-9) {
					t.Errorf("trips: zones %d, %d nonzero pairs, sum %v, intrazonal %v; want %d, %d, %v, %v",
						tr.Zones, nonzero, tr.Sum(), intra, net.Zones, want.ODPairsNonzero, want.TotalODFlowSum, want.Intrazonal)
				}
				if !tr.HasTotalFlow || !near(tr.TotalFlow, want.TotalODFlowSum, 1e-9) {
					t.Errorf("trips: <TOTAL OD FLOW> %v (%v), want %v", tr.TotalFlow, tr.HasTotalFlow, want.TotalODFlowSum)
				}
			}
			if f.nodes != "" {
				nodes, err := tntp.ReadNodesFile(ctx, filepath.Join(dir, f.name, f.nodes))
				if err != nil {
					t.Fatal(err)
				}
				if len(nodes) != net.Nodes {
					t.Errorf("node file: %d nodes, want %d", len(nodes), net.Nodes)
				}
			}
			if f.flow == "" || want.Beckmann == nil {
				return
			}
			fl, err := tntp.ReadFlowFile(ctx, filepath.Join(dir, f.name, f.flow))
			if err != nil {
				t.Fatal(err)
			}
			if len(fl.Links) != len(net.Links) {
				t.Fatalf("flow: %d links, want %d", len(fl.Links), len(net.Links))
			}
			tf, df := deref(want.TollFactor), deref(want.DistanceFactor)
			z, tstt, worst := 0.0, 0.0, 0.0
			for i, l := range net.Links {
				lf := fl.Links[i]
				if lf.From != l.From || lf.To != l.To {
					t.Fatalf("flow line %d is %d→%d, want link %d→%d", lf.Line, lf.From, lf.To, l.From, l.To)
				}
				x := lf.Volume
				fixed := tf*l.Toll + df*l.Length
				integral := l.FreeFlowTime * x
				cost := l.FreeFlowTime + fixed
				if l.B != 0 {
					integral += l.FreeFlowTime * l.B * math.Pow(x, l.Power+1) / ((l.Power + 1) * math.Pow(l.Capacity, l.Power))
					cost += l.FreeFlowTime * l.B * math.Pow(x/l.Capacity, l.Power)
				}
				z += integral + fixed*x
				tstt += x * cost
				worst = max(worst, math.Abs(cost-lf.Cost))
			}
			if !near(z, *want.Beckmann, 1e-12) || !near(tstt, *want.TSTT, 1e-12) {
				t.Errorf("Beckmann objective %v and TSTT %v, want %v and %v", z, tstt, *want.Beckmann, *want.TSTT)
			}
			if worst > 1e-12 {
				t.Errorf("cost column differs from the BPR cost by up to %v", worst)
			}
		})
	}
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func near(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want))
}
