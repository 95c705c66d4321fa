package assign

import (
	"github.com/caravan-transport/caravan"
)

// Through returns the share (0..1) of the flow from zone o to zone d that
// uses at least one of the links in via (input link indexes), in a Result
// of Algorithm B solved with Options.KeepBushes.
//
// Link flows do not say which OD pair uses a link, and equilibrium path
// flows are not unique; Through uses the origin's bush and the usual
// proportionality assumption: at every node, the flow towards each
// destination splits over the node's approaches in the proportions of the
// origin's whole flow there. O(nodes + links).
func (r *Result) Through(o, d int32, via []int) (float64, error) {
	const op = "assign.Result.Through"
	if r.b == nil {
		return 0, caravan.Errorf(caravan.Invalid, op, "the result keeps no bushes: solve with Algorithm B and Options.KeepBushes")
	}
	b := r.b
	net := b.net
	if o < 0 || int(o) >= net.zones || d < 0 || int(d) >= net.zones {
		return 0, caravan.Errorf(caravan.Invalid, op, "zones %d, %d outside 0..%d", o, d, net.zones-1)
	}
	in := make([]bool, net.Links())
	for _, i := range via {
		if i < 0 || i >= net.Links() {
			return 0, caravan.Errorf(caravan.Invalid, op, "link %d outside 0..%d", i, net.Links()-1)
		}
		in[net.perm[i]] = true
	}
	bu := &b.bushes[o]
	if b.dem.between(o, d) == 0 || o == d {
		return 0, nil
	}
	tails, heads := net.g.Tails, net.g.Heads
	phi := make([]float64, net.nodes) // share of the pair's flow passing each node
	phi[d] = 1
	share := 0.0
	arcs, flow := bu.arcs, bu.flow
	fi := len(flow)
	for i := len(arcs) - 1; i >= 0; {
		k := i - 1
		for k >= 0 && arcs[k]&lastBit == 0 {
			k--
		}
		// The group arcs[k+1 : i+1] enters node h.
		h := heads[arcs[i]&^lastBit]
		if k < i-1 {
			fi -= i - k
		}
		if p := phi[h]; p > 0 {
			if k == i-1 {
				a := arcs[i] &^ lastBit
				if in[a] {
					share += p
				} else {
					phi[tails[a]] += p
				}
			} else {
				total := 0.0
				for g := k + 1; g <= i; g++ {
					total += flow[fi+g-k-1]
				}
				for g := k + 1; g <= i; g++ {
					a := arcs[g] &^ lastBit
					f := flow[fi+g-k-1]
					if total > 0 {
						f /= total
					} else {
						f = 1 / float64(i-k)
					}
					if in[a] {
						share += p * f
					} else {
						phi[tails[a]] += p * f
					}
				}
			}
		}
		i = k
	}
	return min(1, share), nil
}
