package assign

import (
	"fmt"
	"math"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
)

// Link is one directed link of an assignment network with its volume-delay
// function, the BPR curve
//
//	cost(x) = FreeFlowTime·(1 + B·(x/Capacity)^Power) + Fixed
//
// where x is the link's flow. Fixed is the flow-independent part of the
// generalized cost (for TNTP networks, toll_factor·toll + distance_factor·length).
// Units are the network's own (minutes or hours per vehicle or tonne).
type Link struct {
	From, To     int32   // nodes, 0..Nodes-1
	FreeFlowTime float64 // ≥ 0
	Capacity     float64 // > 0 when B > 0
	B            float64 // ≥ 0
	Power        float64 // ≥ 0
	Fixed        float64 // ≥ 0
}

// Network is a directed network prepared for assignment: CSR arrays in
// both directions and the coefficients of each arc's cost function laid out
// per arc. It is immutable once built and safe for concurrent use.
//
// Nodes 0..Zones-1 are the zones (origins and destinations of demand). A
// node v < FirstThru may start or end a path but not lie inside one; with
// FirstThru = 0 every node may be passed through.
type Network struct {
	nodes, zones int
	firstThru    int32

	g    *csr.Graph // forward star, CSR arc order
	perm []int32    // perm[i] is the CSR arc of input link i

	// Cost function per CSR arc: cost(x) = c0 + k·x^p.
	c0, k, p []float64
	ip       []int8 // p as a small integer (0..8), or -1 when it is not one

	// Reverse star: the arcs entering node v are inArcs[inOff[v]:inOff[v+1]].
	inOff, inArcs []int32
}

// NewNetwork checks links and returns the network over nodes 0..nodes-1 with
// zones 0..zones-1. It returns an error of kind caravan.Invalid naming the
// first bad link (by its index) if a node is out of range or a coefficient is
// negative, not finite, or B > 0 with a capacity that is not positive.
func NewNetwork(nodes, zones, firstThru int, links []Link) (*Network, error) {
	const op = "assign.NewNetwork"
	if nodes < 0 || zones < 0 || zones > nodes || firstThru < 0 || firstThru > nodes {
		return nil, caravan.Errorf(caravan.Invalid, op, "%d nodes, %d zones, first thru node %d: want 0 ≤ zones ≤ nodes, 0 ≤ first thru ≤ nodes", nodes, zones, firstThru)
	}
	tails := make([]int32, len(links))
	heads := make([]int32, len(links))
	for i, l := range links {
		if l.From < 0 || int(l.From) >= nodes || l.To < 0 || int(l.To) >= nodes {
			return nil, caravan.Errorf(caravan.Invalid, op, "link %d (%d→%d): node outside 0..%d", i, l.From, l.To, nodes-1)
		}
		for _, f := range []struct {
			name string
			v    float64
		}{{"free-flow time", l.FreeFlowTime}, {"capacity", l.Capacity}, {"b", l.B}, {"power", l.Power}, {"fixed cost", l.Fixed}} {
			if !(f.v >= 0) || math.IsInf(f.v, 0) {
				return nil, caravan.Errorf(caravan.Invalid, op, "link %d (%d→%d): %s %v is negative or not finite", i, l.From, l.To, f.name, f.v)
			}
		}
		if l.B > 0 && l.FreeFlowTime > 0 && l.Capacity <= 0 {
			return nil, caravan.Errorf(caravan.Invalid, op, "link %d (%d→%d): capacity %v with b = %v (the BPR term divides by capacity)", i, l.From, l.To, l.Capacity, l.B)
		}
		tails[i], heads[i] = l.From, l.To
	}
	g, perm, err := csr.Build(nodes, tails, heads)
	if err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%w", err)
	}
	m := len(links)
	n := &Network{
		nodes: nodes, zones: zones, firstThru: int32(firstThru),
		g: g, perm: perm,
		c0: make([]float64, m), k: make([]float64, m), p: make([]float64, m), ip: make([]int8, m),
	}
	for i, l := range links {
		a := perm[i]
		n.c0[a] = l.FreeFlowTime + l.Fixed
		if l.B > 0 && l.FreeFlowTime > 0 {
			n.k[a] = l.FreeFlowTime * l.B / math.Pow(l.Capacity, l.Power)
		}
		n.p[a] = l.Power
		n.ip[a] = -1
		if l.Power == math.Trunc(l.Power) && l.Power <= 8 {
			n.ip[a] = int8(l.Power)
		}
		if math.IsInf(n.k[a], 0) || math.IsNaN(n.k[a]) {
			return nil, caravan.Errorf(caravan.Invalid, op, "link %d (%d→%d): b·fft/capacity^power overflows", i, l.From, l.To)
		}
		if n.p[a] == 0 { // x^0 = 1: a constant cost
			n.c0[a] += n.k[a]
			n.k[a] = 0
		}
		if n.k[a] == 0 {
			n.p[a], n.ip[a] = 0, 0
		}
	}
	rev, orig := g.Reverse()
	n.inOff = rev.Offsets
	n.inArcs = orig
	return n, nil
}

// WithSurcharge returns a network with n's links and costs, except that
// each link of links (input indices) costs extra more at every flow. It
// shares n's topology, so a Result on n can warm-start Solve on it
// (Options.Warm): a closure is a surcharge larger than any detour, a toll
// or a fee a smaller one. Errors have kind caravan.Invalid: a link outside
// 0..Links()-1 or an extra that is negative or not finite.
func (n *Network) WithSurcharge(links []int, extra float64) (*Network, error) {
	const op = "assign.WithSurcharge"
	if !(extra >= 0) || math.IsInf(extra, 0) {
		return nil, caravan.Errorf(caravan.Invalid, op, "surcharge %v is negative or not finite", extra)
	}
	c := *n
	c.c0 = append([]float64(nil), n.c0...)
	for _, i := range links {
		if i < 0 || i >= len(n.perm) {
			return nil, caravan.Errorf(caravan.Invalid, op, "link %d outside 0..%d", i, len(n.perm)-1)
		}
		c.c0[n.perm[i]] += extra
	}
	return &c, nil
}

// Nodes returns the number of nodes.
func (n *Network) Nodes() int { return n.nodes }

// Zones returns the number of zones (nodes 0..Zones-1).
func (n *Network) Zones() int { return n.zones }

// Links returns the number of links.
func (n *Network) Links() int { return len(n.perm) }

// pow returns x^p for arc a (x ≥ 0).
func (n *Network) pow(a int, x float64) float64 {
	switch n.ip[a] {
	case 0:
		return 1
	case 1:
		return x
	case 2:
		return x * x
	case 3:
		return x * x * x
	case 4:
		x2 := x * x
		return x2 * x2
	}
	return math.Pow(x, n.p[a])
}

// cost returns the cost of arc a at flow x.
func (n *Network) cost(a int, x float64) float64 {
	if n.k[a] == 0 {
		return n.c0[a]
	}
	return n.c0[a] + n.k[a]*n.pow(a, max(x, 0))
}

// costDer returns the cost of arc a at flow x and its derivative.
func (n *Network) costDer(a int, x float64) (float64, float64) {
	k := n.k[a]
	if k == 0 {
		return n.c0[a], 0
	}
	x = max(x, 0)
	switch n.ip[a] {
	case 1:
		return n.c0[a] + k*x, k
	case 4:
		x2 := x * x
		x3 := x2 * x
		return n.c0[a] + k*x3*x, 4 * k * x3
	}
	p := n.p[a]
	if x == 0 {
		if p == 1 {
			return n.c0[a], k
		}
		return n.c0[a], 0
	}
	xp := n.pow(a, x)
	return n.c0[a] + k*xp, k * p * xp / x
}

// integral returns the integral of arc a's cost from 0 to x: its term of
// the Beckmann objective.
func (n *Network) integral(a int, x float64) float64 {
	x = max(x, 0)
	v := n.c0[a] * x
	if k := n.k[a]; k != 0 {
		v += k * n.pow(a, x) * x / (n.p[a] + 1)
	}
	return v
}

// Costs writes the cost of every link at the flows x (both in input link
// order) into out and returns it; out is allocated when it is too short.
func (n *Network) Costs(x, out []float64) []float64 {
	if len(out) < len(n.perm) {
		out = make([]float64, len(n.perm))
	}
	for i, a := range n.perm {
		out[i] = n.cost(int(a), x[i])
	}
	return out[:len(n.perm)]
}

// Objective returns the Beckmann objective of the link flows x (input link
// order): the sum over links of the integral of the cost from 0 to the flow.
func (n *Network) Objective(x []float64) float64 {
	z := 0.0
	for i, a := range n.perm {
		z += n.integral(int(a), x[i])
	}
	return z
}

// checkFlows reports an error unless x has one finite, non-negative value
// per link.
func (n *Network) checkFlows(op string, x []float64) error {
	if len(x) != len(n.perm) {
		return caravan.Errorf(caravan.Invalid, op, "%d flows for %d links", len(x), len(n.perm))
	}
	for i, v := range x {
		if !(v >= 0) || math.IsInf(v, 0) {
			return caravan.Errorf(caravan.Invalid, op, "link %d: flow %v is negative or not finite", i, v)
		}
	}
	return nil
}

func (n *Network) String() string {
	return fmt.Sprintf("assign.Network{%d nodes, %d zones, %d links}", n.nodes, n.zones, len(n.perm))
}
