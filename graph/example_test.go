package graph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/scenario"
)

// ExampleGraph_Apply re-weights a compiled graph with a scenario that
// doubles the dwell at one border crossing; the original graph is left
// as it was.
func ExampleGraph_Apply() {
	fsys, err := dataset.Dir("../dataset/testdata/mini")
	if err != nil {
		log.Fatal(err)
	}
	n, err := dataset.Load(context.Background(), fsys)
	if err != nil {
		log.Fatal(err)
	}
	g, err := graph.Compile(n)
	if err != nil {
		log.Fatal(err)
	}
	s, err := scenario.Parse("busy.yaml", []byte(`
name: Busy border
change:
  - {link: saryagash-keles-road, dwell_factor: 2, reason: harvest season}
`))
	if err != nil {
		log.Fatal(err)
	}
	busy, err := g.Apply(s)
	if err != nil {
		log.Fatal(err)
	}
	a := g.ArcOf("saryagash-keles-road", "kz-border", "uz-border")
	fmt.Printf("dwell %.1f h, under the scenario %.1f h\n", g.Arc(a).DwellHours, busy.Arc(a).DwellHours)
	fmt.Println(busy.Notes(a)[0])
	// Output:
	// dwell 4.2 h, under the scenario 8.4 h
	// dwell ×2: harvest season (scenario "Busy border", busy.yaml:4)
}
