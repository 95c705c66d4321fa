package graph_test

import (
	"math"
	"testing"

	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/internal/testnet"
	"github.com/caravan-transport/caravan/network"
)

func TestParseRailService(t *testing.T) {
	for in, want := range map[string]graph.RailService{"": graph.BlockTrain, "block": graph.BlockTrain, "Wagonload": graph.Wagonload} {
		if got, err := graph.ParseRailService(in); err != nil || got != want {
			t.Errorf("ParseRailService(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := graph.ParseRailService("express"); err == nil {
		t.Error("ParseRailService(express): no error")
	}
	var s graph.RailService
	if err := s.UnmarshalText([]byte("wagonload")); err != nil || s != graph.Wagonload {
		t.Errorf("UnmarshalText(wagonload) = %v, %v", s, err)
	}
}

// TestForService: the wagonload graph of the shipped network has the same
// structure, its trains move a smaller share of the day and stand at least
// as long at rail borders, and its roads and transfers are the block
// graph's.
func TestForService(t *testing.T) {
	block, err := graph.Compile(testnet.Builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	wagon, err := block.ForService(graph.Wagonload)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := block.ForService(graph.Wagonload); again != wagon {
		t.Error("ForService built the wagonload graph twice")
	}
	if back, _ := wagon.ForService(graph.Wagonload); back != wagon {
		t.Error("ForService of a graph's own service is not the graph")
	}
	if block.Service != graph.BlockTrain || wagon.Service != graph.Wagonload {
		t.Fatalf("services %v, %v", block.Service, wagon.Service)
	}
	if block.NumArcs() != wagon.NumArcs() || len(block.States) != len(wagon.States) {
		t.Fatalf("structure differs: %v vs %v", block, wagon)
	}
	var slower, longerDwell int
	for a := range int32(block.NumArcs()) {
		b, w := block.Arc(a), wagon.Arc(a)
		if b.Kind != w.Kind || b.Ref != w.Ref || block.CSR.Heads[a] != wagon.CSR.Heads[a] {
			t.Fatalf("arc %d differs in structure", a)
		}
		rail := b.Kind != graph.TransferArc && b.Kind != graph.ArriveArc && block.Link(a).Mode == network.Rail
		switch {
		case !rail && *b != *w:
			t.Errorf("arc %d (not rail) differs: %+v vs %+v", a, *b, *w)
		case rail && (w.RunHours < b.RunHours || w.DwellHours < b.DwellHours):
			t.Errorf("rail arc %d is faster as wagonload: %+v vs %+v", a, *w, *b)
		case rail:
			if w.RunHours > b.RunHours {
				slower++
			}
			if w.DwellHours > b.DwellHours {
				longerDwell++
				if b.DwellHours != block.BlockBorderHours {
					t.Errorf("block dwell %g at arc %d, want the cap %g", b.DwellHours, a, block.BlockBorderHours)
				}
			}
		}
	}
	if slower == 0 || longerDwell == 0 {
		t.Errorf("%d rail arcs slower and %d with a longer dwell as wagonload, want some of each", slower, longerDwell)
	}
}

// TestForTIR: the TIR graph of the shipped network has the same structure;
// its road border crossings dwell tir_border_time_factor of the standard
// graph's (mean and p90), and every other arc is the standard graph's.
func TestForTIR(t *testing.T) {
	std, err := graph.Compile(testnet.Builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	tir, err := std.For(graph.BlockTrain, true)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := std.For(graph.BlockTrain, true); again != tir {
		t.Error("For built the TIR graph twice")
	}
	if wagon, _ := tir.ForService(graph.Wagonload); wagon == nil || !wagon.TIR {
		t.Error("ForService of a TIR graph lost the TIR clearance")
	}
	f := tir.TIRBorderFactor
	if !tir.TIR || std.TIR || f <= 0 || f >= 1 {
		t.Fatalf("TIR %v / %v, factor %g", tir.TIR, std.TIR, f)
	}
	var shorter int
	for a := range int32(std.NumArcs()) {
		s, x := std.Arc(a), tir.Arc(a)
		road := s.Kind == graph.CrossingArc && std.Link(a).Mode == network.Road
		switch {
		case !road && *s != *x:
			t.Errorf("arc %d (not a road crossing) differs: %+v vs %+v", a, *s, *x)
		case road && s.DwellHours > 0:
			if math.Abs(x.DwellHours-f*s.DwellHours) > 1e-9 || math.Abs(x.DwellP90Hours-f*s.DwellP90Hours) > 1e-9 {
				t.Errorf("road crossing %d: TIR dwell %g (p90 %g), want %g × %g (p90 %g)", a, x.DwellHours, x.DwellP90Hours, f, s.DwellHours, s.DwellP90Hours)
			}
			shorter++
		}
	}
	if shorter == 0 {
		t.Error("no road crossing with a dwell")
	}
}
