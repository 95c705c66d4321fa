// Package roadgrid generates synthetic road networks for benchmarks and
// tests: a jittered grid of intersections joined by streets of three classes
// (local, arterial, highway), deterministic for a given seed.
//
// The layout imitates a city grown on a plan. Every row is a two-way street;
// every 10th row and column is an arterial and every 50th a highway, so
// there is a hierarchy of faster roads for route planners to find. Other
// columns are cross streets that exist with probability 0.4, a fifth of
// them one-way; a few cells have a diagonal street. Rows and arterials
// always exist in both directions, so the network is strongly connected.
// Many intersections have degree two, as on real road graphs.
package roadgrid

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/caravan-transport/caravan/csr"
)

// Options sizes the network. Width and Height count intersections.
type Options struct {
	Width, Height int
	Seed          uint64
}

// Network is a generated road network. Node (i, j), column i and row j, is
// node j*Width + i, at X[v], Y[v] kilometres from the origin. Arc k goes
// from Tails[k] to Heads[k], is a street of class Class[k], is LengthKm[k]
// long and takes Seconds[k] to drive at its class's speed slowed by a
// random factor in [1, 1.25).
type Network struct {
	Width, Height int
	X, Y          []float64
	Tails, Heads  []int32
	Class         []Class
	LengthKm      []float64
	Seconds       []float64
}

// Class is the class of a street: a static attribute, like an OSM highway
// tag, that does not change when its travel time does.
type Class uint8

// The street classes, slowest first: locals at 30 km/h, arterials (every
// 10th row and column) at 60 km/h, highways (every 50th) at 100 km/h.
const (
	Local Class = iota
	Arterial
	Highway
)

// The layout and the speed of each class in km/h.
const (
	spacingKm    = 0.2
	localKmh     = 30
	arterialKmh  = 60
	highwayKmh   = 100
	arterialStep = 10
	highwayStep  = 50
	crossProb    = 0.4  // a local cross street exists
	oneWayProb   = 0.2  // an existing local cross street is one-way
	diagonalProb = 0.03 // a cell has a diagonal street
)

// Generate returns the network for opt. It is a pure function of opt.
// Width and Height must be at least 2 and their product below 2^31.
func Generate(opt Options) (*Network, error) {
	w, h := opt.Width, opt.Height
	if w < 2 || h < 2 || int64(w)*int64(h) >= math.MaxInt32 {
		return nil, fmt.Errorf("roadgrid.Generate: %d×%d intersections: want at least 2×2 and fewer than 2^31", w, h)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x726f616467726964)) // "roadgrid"
	n := w * h
	net := &Network{Width: w, Height: h, X: make([]float64, n), Y: make([]float64, n)}
	for j := range h {
		for i := range w {
			v := j*w + i
			net.X[v] = float64(i)*spacingKm + (rng.Float64()-0.5)*0.3*spacingKm
			net.Y[v] = float64(j)*spacingKm + (rng.Float64()-0.5)*0.3*spacingKm
		}
	}
	capacity := 3 * n
	net.Tails = make([]int32, 0, capacity)
	net.Heads = make([]int32, 0, capacity)
	net.Class = make([]Class, 0, capacity)
	net.LengthKm = make([]float64, 0, capacity)
	net.Seconds = make([]float64, 0, capacity)
	add := func(u, v int, c Class, twoWay bool) {
		km := math.Hypot(net.X[u]-net.X[v], net.Y[u]-net.Y[v])
		kmh := c.speedKmh()
		for _, e := range [2][2]int{{u, v}, {v, u}} {
			net.Tails = append(net.Tails, int32(e[0]))
			net.Heads = append(net.Heads, int32(e[1]))
			net.Class = append(net.Class, c)
			net.LengthKm = append(net.LengthKm, km)
			net.Seconds = append(net.Seconds, km/kmh*3600*(1+0.25*rng.Float64()))
			if !twoWay {
				break
			}
		}
	}
	class := func(k int) Class {
		switch {
		case k%highwayStep == 0:
			return Highway
		case k%arterialStep == 0:
			return Arterial
		}
		return Local
	}
	for j := range h {
		for i := range w {
			v := j*w + i
			if i+1 < w { // along the row
				add(v, v+1, class(j), true)
			}
			if j+1 < h { // along the column
				switch c := class(i); {
				case c > Local:
					add(v, v+w, c, true)
				case rng.Float64() < crossProb:
					if rng.Float64() < oneWayProb {
						if rng.IntN(2) == 0 {
							add(v, v+w, c, false)
						} else {
							add(v+w, v, c, false)
						}
					} else {
						add(v, v+w, c, true)
					}
				}
			}
			if i+1 < w && j+1 < h && rng.Float64() < diagonalProb {
				if rng.IntN(2) == 0 {
					add(v, v+w+1, Local, true)
				} else {
					add(v+1, v+w, Local, true)
				}
			}
		}
	}
	return net, nil
}

// NumNodes returns Width × Height.
func (n *Network) NumNodes() int { return n.Width * n.Height }

// speedKmh returns the speed of class c in km/h.
func (c Class) speedKmh() float64 {
	switch c {
	case Highway:
		return highwayKmh
	case Arterial:
		return arterialKmh
	}
	return localKmh
}

// NodeClass returns, for each node, the highest class of the streets it
// touches. O(arcs).
func (n *Network) NodeClass() []Class {
	c := make([]Class, n.NumNodes())
	for k, a := range n.Class {
		c[n.Tails[k]] = max(c[n.Tails[k]], a)
		c[n.Heads[k]] = max(c[n.Heads[k]], a)
	}
	return c
}

// NodeClassValues returns NodeClass as plain numbers, the form in which a
// metric-independent order takes classes (cch.Options.Class).
func (n *Network) NodeClassValues() []uint8 {
	nc := n.NodeClass()
	v := make([]uint8, len(nc))
	for i, c := range nc {
		v[i] = uint8(c)
	}
	return v
}

// CSR returns the network as a csr.Graph with travel times in seconds as
// weights, in CSR order.
func (n *Network) CSR() (*csr.Graph, []float64, error) {
	g, perm, err := csr.Build(n.NumNodes(), n.Tails, n.Heads)
	if err != nil {
		return nil, nil, err
	}
	return g, csr.Permute(n.Seconds, perm), nil
}
