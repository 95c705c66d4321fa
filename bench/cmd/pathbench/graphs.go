package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"path/filepath"
	"time"

	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/dimacs"
	"github.com/caravan-transport/caravan/roadgrid"
	"github.com/caravan-transport/caravan/tntp"
)

// graphNames lists the graphs pathbench knows, in the order it runs them
// (smallest first, so the synthetic graph, where a peer may time out, runs last).
var graphNames = []string{"rome99", "BerlinCenter", "ChicagoRegional", "roadgrid"}

// instance is one benchmark graph as caravan loads it.
type instance struct {
	name   string
	desc   string // where it comes from and which weight
	n      int
	tails  []int32 // every input arc, parallel ones included, in input order
	heads  []int32
	w      []float64
	g      *csr.Graph // caravan's graph and weights in CSR order
	cw     []float64
	load   time.Duration // reading or generating it plus building the CSR graph
	large  bool          // the synthetic graph: fewer pairs and rounds
	selfs  int           // self-loops in the input
	copies int           // parallel arcs beyond the first of each (tail, head)
	x, y   []float64     // node coordinates when known (the synthetic graph), for cch
}

// loadInstance reads (or generates) the named graph the way caravan does and
// times it. shared is the shared data directory; grid is the side of the
// synthetic grid.
func loadInstance(ctx context.Context, name, shared string, grid int, seed uint64) (*instance, error) {
	in := &instance{name: name}
	start := time.Now()
	switch name {
	case "rome99":
		path := filepath.Join(shared, "data", "dimacs", "rome99.gr")
		d, err := dimacs.ReadFile(ctx, path)
		if err != nil {
			return nil, err
		}
		g, w, _, err := d.CSR()
		if err != nil {
			return nil, err
		}
		in.g, in.cw, in.n = g, w, d.NumNodes
		in.tails, in.heads = d.Tails, d.Heads
		in.w = make([]float64, len(d.Weights))
		for i, x := range d.Weights {
			in.w[i] = float64(x)
		}
		in.desc = "DIMACS rome99.gr, metres"
	case "BerlinCenter", "ChicagoRegional":
		file := map[string]string{
			"BerlinCenter":    filepath.Join("BerlinCenter", "berlin-center_net.tntp"),
			"ChicagoRegional": filepath.Join("ChicagoRegional", "ChicagoRegional_net.tntp"),
		}[name]
		net, err := tntp.ReadNetFile(ctx, filepath.Join(shared, "data", "tntp", file))
		if err != nil {
			return nil, err
		}
		g, perm, err := net.Graph()
		if err != nil {
			return nil, err
		}
		in.w = net.FreeFlowTimes()
		in.g, in.cw, in.n = g, csr.Permute(in.w, perm), net.Nodes
		nodeFile := map[string]string{
			"BerlinCenter":    filepath.Join("BerlinCenter", "berlin-center_node.tntp"),
			"ChicagoRegional": filepath.Join("ChicagoRegional", "ChicagoRegional_node.tntp"),
		}[name]
		// The node files have coordinates, which cch uses for its order; the
		// other tools ignore them.
		nodes, nodeErr := tntp.ReadNodesFile(ctx, filepath.Join(shared, "data", "tntp", nodeFile))
		if nodeErr == nil {
			in.x, in.y = make([]float64, in.n), make([]float64, in.n)
			for _, nd := range nodes {
				if i := int(nd.ID) - 1; i >= 0 && i < in.n {
					in.x[i], in.y[i] = nd.X, nd.Y
				}
			}
		}
		in.tails = make([]int32, len(net.Links))
		in.heads = make([]int32, len(net.Links))
		for i, l := range net.Links {
			in.tails[i], in.heads[i] = l.From-1, l.To-1
		}
		in.desc = "TNTP " + file + ", free-flow time"
		if nodeErr != nil { // said with the graph, so that its numbers are read knowing it
			in.desc += "; no node coordinates (" + nodeErr.Error() + "): cch orders without them"
		}
	case "roadgrid":
		net, err := roadgrid.Generate(roadgrid.Options{Width: grid, Height: grid, Seed: seed})
		if err != nil {
			return nil, err
		}
		g, w, err := net.CSR()
		if err != nil {
			return nil, err
		}
		in.g, in.cw, in.n = g, w, net.NumNodes()
		in.tails, in.heads, in.w = net.Tails, net.Heads, net.Seconds
		in.large = true
		in.x, in.y = net.X, net.Y
		in.desc = fmt.Sprintf("roadgrid %d×%d, seed %d, travel seconds", grid, grid, seed)
	default:
		return nil, fmt.Errorf("unknown graph %q (want one of %v)", name, graphNames)
	}
	in.load = time.Since(start)
	in.name = displayName(name, grid)
	return in, nil
}

// displayName names the synthetic graph by its size.
func displayName(name string, grid int) string {
	if name != "roadgrid" {
		return name
	}
	switch n := grid * grid; {
	case n >= 1e6 && n%1e6 == 0:
		return fmt.Sprintf("roadgrid-%dM", n/1e6)
	case n >= 1e4:
		return fmt.Sprintf("roadgrid-%dk", n/1e3)
	default:
		return fmt.Sprintf("roadgrid-%d", n)
	}
}

// arc is one arc handed to a peer library.
type arc struct {
	u, v int32
	w    float64
}

// peerArcs returns the arcs given to peer libraries: self-loops and blocked
// arcs dropped, and of parallel arcs only the lightest, because gonum's
// simple graphs hold one edge per (tail, head) pair (a second SetWeightedEdge
// replaces the first) and self-loops panic there. Shortest distances do not
// change. It counts what it dropped into in.
func peerArcs(in *instance) []arc {
	best := make(map[[2]int32]int, len(in.tails))
	out := make([]arc, 0, len(in.tails))
	for i, u := range in.tails {
		v, w := in.heads[i], in.w[i]
		if u == v {
			in.selfs++
			continue
		}
		if math.IsInf(w, 1) {
			continue
		}
		k := [2]int32{u, v}
		if j, ok := best[k]; ok {
			in.copies++
			if w < out[j].w {
				out[j].w = w
			}
			continue
		}
		best[k] = len(out)
		out = append(out, arc{u, v, w})
	}
	return out
}

// pairs returns count (source, target) pairs drawn uniformly from the nodes,
// the same for every tool: the generator depends only on seed and the graph name.
func pairs(name string, n, count int, seed uint64) [][2]int32 {
	h := fnv.New64a()
	h.Write([]byte(name))
	rng := rand.New(rand.NewPCG(seed, h.Sum64()))
	out := make([][2]int32, count)
	for i := range out {
		out[i] = [2]int32{int32(rng.IntN(n)), int32(rng.IntN(n))}
	}
	return out
}
