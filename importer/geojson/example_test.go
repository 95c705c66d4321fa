package geojson_test

import (
	"context"
	"fmt"

	"github.com/caravan-transport/caravan/importer/geojson"
)

// Two railway lines meeting at a junction and a station beside it: the
// first line is split there, and the station snaps to the junction.
func ExampleDecode() {
	data := []byte(`{"type": "FeatureCollection", "features": [
	{"type": "Feature", "properties": {"railway": "rail", "osm_way_id": 1}, "geometry": {"type": "LineString", "coordinates": [[66.0, 37.0], [66.5, 37.0], [67.0, 37.0]]}},
	{"type": "Feature", "properties": {"railway": "rail", "osm_way_id": 2}, "geometry": {"type": "LineString", "coordinates": [[66.5, 37.0], [66.5, 37.5]]}},
	{"type": "Feature", "properties": {"railway": "station", "osm_id": 7, "name": "Junction"}, "geometry": {"type": "Point", "coordinates": [66.501, 37.001]}}]}`)
	n, err := geojson.Decode(context.Background(), geojson.DefaultMapping(), "lines.geojson", data)
	if err != nil {
		panic(err)
	}
	for _, e := range n.Edges {
		fmt.Printf("way %d: %v → %v, %.1f km\n", e.SourceID, n.Nodes[e.From].Loc, n.Nodes[e.To].Loc, e.Km)
	}
	p := n.Places[0]
	fmt.Printf("%s snaps to %v, %.2f km away\n", p.Name, n.Nodes[p.Node].Loc, p.SnapKm)
	// Output:
	// way 1: [66 37] → [66.5 37], 44.5 km
	// way 1: [66.5 37] → [67 37], 44.5 km
	// way 2: [66.5 37] → [66.5 37.5], 55.7 km
	// Junction snaps to [66.5 37], 0.14 km away
}
