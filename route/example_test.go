package route_test

import (
	"context"
	"fmt"
	"log"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// ExamplePlanner_Plan plans Almaty → Mazar-i-Sharif on a seven-place test
// network while the road bridge at Termez is closed: the route takes the
// railway across and unloads to trucks at Hairatan.
func ExamplePlanner_Plan() {
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
	it, err := route.New(g).Plan(context.Background(), route.Request{
		From: "kz-almaty", To: "af-mazar", AsOf: network.MakeDate(2025, 1, 15), By: route.Time,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range it.Legs {
		switch l.Kind {
		case "transfer":
			fmt.Printf("%s at %s, %.0f h\n", l.Transfer, l.From.Name, l.Hours)
		case "crossing":
			fmt.Printf("cross %s by %s, %.1f h at the border\n", l.Crossing, l.Mode, l.Dwell)
		default:
			fmt.Printf("%s → %s by %s, %.0f km\n", l.From.Name, l.To.Name, l.Mode, l.Km)
		}
	}
	fmt.Printf("%.1f days, %.0f USD for %g TEU\n", it.Total.Days, it.Total.USD, it.Shipment.TEU)
	// Output:
	// Almaty → Saryagash by rail, 900 km
	// cross Saryagash–Keles by rail, 6.8 h at the border
	// Keles → Tashkent by rail, 20 km
	// Tashkent → Termez by rail, 700 km
	// cross Friendship Bridge by rail, 10.0 h at the border
	// rail_road at Hairatan, 24 h
	// Hairatan → Mazar-i-Sharif by road, 80 km
	// 3.5 days, 1800 USD for 1 TEU
}
