// Package importer holds what the network importers (importer/osm for
// OpenStreetMap PBF, importer/geojson for GeoJSON line networks) produce: a
// plain graph of junctions and edges with their geometry and tags, the
// stations and terminals snapped to it, and the warnings met on the way.
//
// A Network is deliberately simpler than network.Network: it has no
// sources, countries, rates or crossings, and its nodes are junctions of
// the imported lines, not named places. What connects it to the rest of
// caravan:
//
//   - Graph turns it into a csr.Graph with hours and kilometres per arc for
//     the shortest-path packages (csr, ch, cch).
//   - Compare lines it up with a curated network.Network: each curated
//     link's ends are snapped to the import and the path between them
//     compared with the link's length; imported parts no link runs along
//     are listed.
//   - Refine returns the curated network with the derived lengths of the
//     matched links replaced by the imported ones, everything else kept, so
//     the planner uses it unchanged.
//   - WriteGeoJSON and WriteCSV write it; FromNetwork gives a curated
//     network in the same form, so both export the same way.
//
// Coordinates are orb.Point{lon, lat} in degrees (WGS84); lengths are
// kilometres along the geometry (haversine, geo.Distance / 1000).
package importer

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/network"
)

// Node is a junction or an end of the imported lines.
type Node struct {
	ID  int64     // the source's id (OSM node id), 0 when it has none
	Loc orb.Point // lon, lat
	Ref string    // the source's own key when it is not a number (a curated place id)
}

// Edge is a line between two nodes with no junction inside it.
type Edge struct {
	From, To    int32        // node indices
	Mode        network.Mode // Rail, Road or Ferry
	Oneway      bool         // only From → To may be travelled
	Km          float64      // length along Geometry
	KmPerHour   float64      // running speed (from the tags or the class default)
	Class       string       // railway=* or highway=* value, "ferry" for ferries
	GaugeMM     int          // rail gauge in millimetres, 0 when not tagged (or not a single number)
	Electrified string       // electrified=* as tagged ("contact_line", "no", ...)
	Usage       string       // usage=* (main, branch, industrial, ...)
	Service     string       // service=* (yard, siding, spur, ...)
	Name        string
	SourceID    int64          // OSM way id, or the feature's id
	Ref         string         // the source's own key when it is not a number (a curated link id)
	Geometry    orb.LineString // From's location first, To's last
}

// Hours returns the edge's running time at KmPerHour, +Inf if the speed is
// not positive.
func (e *Edge) Hours() float64 {
	if !(e.KmPerHour > 0) {
		return math.Inf(1)
	}
	return e.Km / e.KmPerHour
}

// Place is a station or terminal, snapped to the nearest node.
type Place struct {
	SourceID int64 // OSM node id, or the feature's id
	Name     string
	Kind     string    // railway=station, halt, ..., ferry_terminal
	Loc      orb.Point // where the source puts it
	Node     int32     // nearest node, -1 if none lies within the snap radius
	SnapKm   float64   // distance to Node
	Ref      string    // the source's own key (a curated place id)
	Country  string    // ISO 3166-1 alpha-2, when the source says
}

// Warnings counts what an import tolerated. Examples holds a few messages
// with positions, for the user to look at.
type Warnings struct {
	MissingMembers    int // relation member references to ways and relations the file lacks (usual in cut extracts)
	MissingWayMembers int // of which to ways
	DanglingRefs      int // way node references to nodes not in the file
	Skipped           int // features skipped (no usable geometry, unknown class)
	Examples          []string
}

const maxExamples = 10

// Add records an example message.
func (w *Warnings) Add(format string, args ...any) {
	if len(w.Examples) < maxExamples {
		w.Examples = append(w.Examples, fmt.Sprintf(format, args...))
	}
}

// Total returns the number of warnings of every kind.
func (w Warnings) Total() int { return w.MissingMembers + w.DanglingRefs + w.Skipped }

// String summarises the counts.
func (w Warnings) String() string {
	return fmt.Sprintf("%d missing relation members, %d dangling node references, %d features skipped", w.MissingMembers, w.DanglingRefs, w.Skipped)
}

// Counts says what the source held and what an import kept.
type Counts struct {
	Nodes, Ways, Relations        int // elements read (features, for GeoJSON: Ways are lines, Nodes points)
	RailWays, RoadWays, FerryWays int // ways kept per mode
	RailRefs                      int // node references of the kept rail ways
	Bytes                         int64
}

// Network is an imported line network.
type Network struct {
	Nodes    []Node
	Edges    []Edge
	Places   []Place
	Warnings Warnings
	Counts   Counts
}

// Summary returns counts per mode and the total length, for reports.
func (n *Network) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d nodes, %d edges", len(n.Nodes), len(n.Edges))
	for _, m := range []network.Mode{network.Rail, network.Road, network.Ferry} {
		c, km := 0, 0.0
		for i := range n.Edges {
			if n.Edges[i].Mode == m {
				c++
				km += n.Edges[i].Km
			}
		}
		if c > 0 {
			fmt.Fprintf(&b, "; %s %d edges, %.1f km", m, c, km)
		}
	}
	fmt.Fprintf(&b, "; %d places", len(n.Places))
	return b.String()
}

// Graph returns the network as a directed csr.Graph on its nodes: two arcs
// per edge (one if it is one-way), with hours and kilometres per arc in CSR
// order and, for each arc, its edge. Edges whose speed is not positive get
// +Inf hours.
func (n *Network) Graph() (g *csr.Graph, hours, km []float64, edgeOf []int32, err error) {
	var tails, heads, eo []int32
	for i := range n.Edges {
		e := &n.Edges[i]
		tails = append(tails, e.From)
		heads = append(heads, e.To)
		eo = append(eo, int32(i))
		if !e.Oneway {
			tails = append(tails, e.To)
			heads = append(heads, e.From)
			eo = append(eo, int32(i))
		}
	}
	g, perm, err := csr.Build(len(n.Nodes), tails, heads)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	edgeOf = csr.Permute(eo, perm)
	hours = make([]float64, len(edgeOf))
	km = make([]float64, len(edgeOf))
	for a, i := range edgeOf {
		hours[a] = n.Edges[i].Hours()
		km[a] = n.Edges[i].Km
	}
	return g, hours, km, edgeOf, nil
}

// SplitLoop returns the pieces an edge with geometry ls (points, or node
// indices) becomes: ls itself, or, when ls starts where it ends (a loop),
// its two halves, so that no edge joins a node to itself; none when ls is a
// loop of two points.
func SplitLoop[S ~[]E, E comparable](ls S) []S {
	if len(ls) < 2 || ls[0] != ls[len(ls)-1] {
		return []S{ls}
	}
	if len(ls) < 3 {
		return nil
	}
	mid := len(ls) / 2
	return []S{ls[:mid+1], ls[mid:]}
}

// LineKm returns the length of ls in kilometres (haversine).
func LineKm(ls orb.LineString) float64 {
	return geo.Length(ls) / 1000
}

// Snap sets each place's Node to the nearest node within radiusKm (and
// SnapKm to the distance), or -1. It buckets nodes in a grid of cells about
// radiusKm wide, so it costs O(nodes + places × nodes per cell).
func (n *Network) Snap(radiusKm float64) {
	if len(n.Places) == 0 {
		return
	}
	g := n.nodeGrid(radiusKm)
	for i := range n.Places {
		p := &n.Places[i]
		p.Node, p.SnapKm = g.nearest(p.Loc)
		if p.Node < 0 {
			p.SnapKm = 0
		}
	}
	slices.SortStableFunc(n.Places, func(a, b Place) int {
		switch {
		case a.SourceID < b.SourceID:
			return -1
		case a.SourceID > b.SourceID:
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// grid buckets the nodes of a network for nearest-node queries.
type grid struct {
	n      *Network
	cell   float64 // degrees
	radius float64 // km
	cells  map[[2]int32][]int32
}

func (n *Network) nodeGrid(radiusKm float64) *grid {
	cell := radiusKm / 111.0 // degrees of latitude
	if !(cell > 0) {
		cell, radiusKm = 0.01, 1.11
	}
	g := &grid{n: n, cell: cell, radius: radiusKm, cells: map[[2]int32][]int32{}}
	for i, nd := range n.Nodes {
		k := g.key(nd.Loc)
		g.cells[k] = append(g.cells[k], int32(i))
	}
	return g
}

func (g *grid) key(p orb.Point) [2]int32 {
	return [2]int32{int32(math.Floor(p[0] / g.cell)), int32(math.Floor(p[1] / g.cell))}
}

// nearest returns the nearest node within the grid's radius and its
// distance in km, or -1 and +Inf. Ties go to the lower node index.
func (g *grid) nearest(p orb.Point) (int32, float64) {
	best, bestKm := int32(-1), math.Inf(1)
	c := g.key(p)
	// Longitude cells shrink with latitude: look far enough east and west.
	span := int32(1)
	if cl := math.Cos(p[1] * math.Pi / 180); cl > 0.05 {
		span = int32(math.Ceil(1 / cl))
	}
	for dx := -span; dx <= span; dx++ {
		for dy := int32(-1); dy <= 1; dy++ {
			for _, v := range g.cells[[2]int32{c[0] + dx, c[1] + dy}] {
				d := geo.Distance(p, g.n.Nodes[v].Loc) / 1000
				if d < bestKm || (d == bestKm && v < best) {
					best, bestKm = v, d
				}
			}
		}
	}
	if bestKm > g.radius {
		return -1, math.Inf(1)
	}
	return best, bestKm
}
