package tntp

import (
	"context"
	"io"
	"strconv"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
)

// Network is a TNTP network file: its metadata and its links in file order.
// Duplicate (From, To) pairs are kept as they appear (BerlinCenter has six);
// Duplicates lists them.
type Network struct {
	Zones         int // zones are nodes 1..Zones
	Nodes         int // nodes are 1..Nodes
	FirstThruNode int // paths may pass through node k only if k >= FirstThruNode
	Links         []Link
	Metadata      []Meta // every metadata line, in file order
}

// Link is one directed link of a network file, with the units the network
// uses (they differ between networks: see the shared data README).
type Link struct {
	From, To     int32   // node ids as in the file, 1..Nodes
	Capacity     float64 // ≥ 0; the BPR capacity (veh/h on most networks, 1 where b is pre-scaled)
	Length       float64 // ≥ 0
	FreeFlowTime float64 // ≥ 0; BPR free-flow travel time
	B            float64 // ≥ 0; BPR coefficient
	Power        float64 // ≥ 0; BPR exponent
	Speed        float64 // ≥ 0; speed limit, unused by the published results
	Toll         float64
	Type         int
	Line         int // line of the file the link came from
}

// ReadNetFile reads the network file at path; see ReadNet.
func ReadNetFile(ctx context.Context, path string) (*Network, error) {
	return readFile(ctx, "tntp.ReadNetFile", path, ReadNet)
}

// ReadNet parses a network file from r; name labels error messages. It checks
// that node ids are in 1..<NUMBER OF NODES>, that there are exactly <NUMBER OF
// LINKS> links, that numbers are finite, that capacity, length, free-flow
// time, b, power and speed are not negative, and that a link with b > 0 has
// a positive capacity. Errors have kind caravan.Invalid; a cancelled ctx
// returns ctx.Err().
func ReadNet(ctx context.Context, r io.Reader, name string) (*Network, error) {
	lr := newLineReader(ctx, r, "tntp.ReadNet", name)
	meta, err := lr.metadata(true)
	if err != nil {
		return nil, err
	}
	n := &Network{Metadata: meta}
	if n.Zones, err = lr.metaInt(meta, TagZones); err != nil {
		return nil, err
	}
	if n.Nodes, err = lr.metaInt(meta, TagNodes); err != nil {
		return nil, err
	}
	if n.FirstThruNode, err = lr.metaInt(meta, TagFirstThruNode); err != nil {
		return nil, err
	}
	links, err := lr.metaInt(meta, TagLinks)
	if err != nil {
		return nil, err
	}
	if n.Zones > n.Nodes {
		return nil, lr.fileErrorf("metadata: %d zones but only %d nodes", n.Zones, n.Nodes)
	}
	if n.FirstThruNode > n.Nodes+1 {
		return nil, lr.fileErrorf("metadata <%s>: %d is beyond node %d", TagFirstThruNode, n.FirstThruNode, n.Nodes)
	}
	n.Links = make([]Link, 0, min(links, 1<<20))
	var f [][]byte // the line's values, reused from line to line
	for {
		t, ok, err := lr.nextBytes()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		f = fieldsBytes(f[:0], t)
		if err := lr.wantFields(f, 10, "init_node term_node capacity length free_flow_time b power speed toll link_type"); err != nil {
			return nil, err
		}
		if len(n.Links) == links {
			return nil, lr.errorf("more links than the %d of <%s>", links, TagLinks)
		}
		l := Link{Line: lr.line}
		if l.From, err = lr.idBytes("init_node", f[0], n.Nodes); err != nil {
			return nil, err
		}
		if l.To, err = lr.idBytes("term_node", f[1], n.Nodes); err != nil {
			return nil, err
		}
		for i, dst := range [...]*float64{&l.Capacity, &l.Length, &l.FreeFlowTime, &l.B, &l.Power, &l.Speed} {
			if *dst, err = lr.nonNegativeBytes(netColumns[2+i], f[2+i]); err != nil {
				return nil, err
			}
		}
		if l.Toll, err = lr.floatBytes("toll", f[8]); err != nil {
			return nil, err
		}
		typ, err := strconv.ParseInt(string(f[9]), 10, 32)
		if err != nil {
			return nil, lr.errorf("field link_type: %q is not an integer", clip(string(f[9])))
		}
		l.Type = int(typ)
		if l.B > 0 && l.Capacity == 0 {
			return nil, lr.errorf("field capacity: 0 with b = %v (the BPR term divides by capacity)", l.B)
		}
		n.Links = append(n.Links, l)
	}
	if len(n.Links) != links {
		return nil, lr.fileErrorf("%d links, but <%s> says %d", len(n.Links), TagLinks, links)
	}
	return n, nil
}

var netColumns = [...]string{"init_node", "term_node", "capacity", "length", "free_flow_time", "b", "power", "speed", "toll", "link_type"}

// Graph returns the network as a csr.Graph, file node k being node k-1, with
// one arc per link (duplicates become parallel arcs), and perm, where perm[i]
// is the arc of Links[i]. Lay per-link values out with csr.Permute(values, perm).
func (n *Network) Graph() (*csr.Graph, []int32, error) {
	tails := make([]int32, len(n.Links))
	heads := make([]int32, len(n.Links))
	for i, l := range n.Links {
		tails[i], heads[i] = l.From-1, l.To-1
	}
	g, perm, err := csr.Build(n.Nodes, tails, heads)
	if err != nil {
		return nil, nil, caravan.Errorf(caravan.Invalid, "tntp.Graph", "%w", err)
	}
	return g, perm, nil
}

// FreeFlowTimes returns the free-flow time of every link, in link order.
func (n *Network) FreeFlowTimes() []float64 {
	out := make([]float64, len(n.Links))
	for i, l := range n.Links {
		out[i] = l.FreeFlowTime
	}
	return out
}

// Duplicate is a (From, To) pair that more than one link joins.
type Duplicate struct {
	From, To int32
	Links    []int // indexes into Network.Links, in file order
}

// Duplicates returns the node pairs joined by more than one link, in the
// order of their first link. Upstream advises keeping the first link of each
// pair; keeping all of them as parallel arcs gives slightly different
// equilibria (see the shared data README).
func (n *Network) Duplicates() []Duplicate {
	first := make(map[[2]int32]int, len(n.Links))
	var out []Duplicate
	at := map[[2]int32]int{} // pair → index in out
	for i, l := range n.Links {
		k := [2]int32{l.From, l.To}
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		d, ok := at[k]
		if !ok {
			d = len(out)
			at[k] = d
			out = append(out, Duplicate{From: l.From, To: l.To, Links: []int{j}})
		}
		out[d].Links = append(out[d].Links, i)
	}
	return out
}
