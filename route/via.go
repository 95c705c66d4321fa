package route

import (
	"fmt"
	"math"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/graph"
)

// Waypoint is a place a route must pass through (Request.Via): one place
// id, or the two sides of a border crossing that one name stands for
// ("Torkham"), either of which will do.
type Waypoint []string

// A route with waypoints is found by one search over a layered state
// space: layer k holds the states (place, mode, gauge) of a route that has
// passed the first k waypoints, and an arc into a state of waypoint k+1's
// place, in any mode and gauge, leads into layer k+1 instead of layer k.
// The destination counts only in the last layer. The layers share the
// graph's arcs and weights, so a mode changes at a waypoint only through
// the transfers the network has, and the waits and dwells of the route are
// those of one continuous trip. A route may pass a place more than once
// (out to a waypoint on a spur and back), in different layers. The cost is
// that of a plain search on a graph (len(via)+1) times larger, at most.

// viaSearch is a Dijkstra search over the layered state space. Its arrays
// are allocated on first use and reset lazily with an epoch counter, as
// csr.Searcher does; requests without waypoints never touch it.
type viaSearch struct {
	n      int32     // nodes per layer
	layers int32     // len(via)+1 of the last search
	dist   []float64 // by state: layer·n + node
	pred   []int32   // arc into the state, -1 for a source
	prev   []int32   // the state before it
	seen   []uint32  // == epoch: dist, pred and prev belong to this search
	epoch  uint32
	heap   csr.MinHeap
}

// run searches from the nodes in starts (layer 0) to node dst in the last
// layer and returns the distance, +Inf when the route cannot be made; with
// dst < 0 it explores everything reachable.
func (s *viaSearch) run(g *graph.Graph, w []float64, blocked []uint64, starts []int32, via [][]int32, dst int32) float64 {
	n := int32(len(g.States))
	layers := int32(len(via) + 1)
	size := int(n * layers)
	if len(s.seen) < size {
		s.dist = make([]float64, size)
		s.pred = make([]int32, size)
		s.prev = make([]int32, size)
		s.seen = make([]uint32, size)
		s.epoch = 0
	}
	s.n, s.layers = n, layers
	s.epoch++
	if s.epoch == 0 {
		clear(s.seen)
		s.epoch = 1
	}
	ep := s.epoch
	s.heap.Reset()
	for _, v := range starts {
		st := advance(g, v, 0, via)*n + v
		if s.seen[st] == ep {
			continue
		}
		s.seen[st], s.dist[st], s.pred[st], s.prev[st] = ep, 0, -1, -1
		s.heap.Push(0, st)
	}
	target := int32(-1)
	if dst >= 0 {
		target = (layers-1)*n + dst
	}
	off, heads := g.CSR.Offsets, g.CSR.Heads
	for !s.heap.Empty() {
		e := s.heap.Pop()
		d, st := e.Key, e.Node
		if d > s.dist[st] {
			continue // stale entry
		}
		if st == target {
			return d
		}
		k, u := st/n, st%n
		for a := off[u]; a < off[u+1]; a++ {
			if blocked != nil && blocked[a>>6]&(1<<(uint(a)&63)) != 0 {
				continue
			}
			nd := d + w[a]
			if math.IsInf(nd, 1) {
				continue
			}
			v := heads[a]
			t := advance(g, v, k, via)*n + v
			if s.seen[t] != ep || nd < s.dist[t] {
				s.seen[t], s.dist[t], s.pred[t], s.prev[t] = ep, nd, a, st
				s.heap.Push(nd, t)
			}
		}
	}
	return math.Inf(1)
}

// advance returns the layer a route in layer k is in on reaching node v:
// k+1 when v is a state of waypoint k's place.
func advance(g *graph.Graph, v, k int32, via [][]int32) int32 {
	if int(k) < len(via) {
		p := g.States[v].Place
		for _, x := range via[k] {
			if x == p {
				return k + 1
			}
		}
	}
	return k
}

// distLast returns the distance of node v in the last layer found by the
// last search, +Inf when it was not reached.
func (s *viaSearch) distLast(v int32) float64 {
	st := (s.layers-1)*s.n + v
	if s.n == 0 || s.seen[st] != s.epoch {
		return math.Inf(1)
	}
	return s.dist[st]
}

// path appends to buf the arcs of the route the last search found to node
// dst in the last layer, in order, and returns the extended slice.
func (s *viaSearch) path(dst int32, buf []int32) []int32 {
	start := len(buf)
	st := (s.layers-1)*s.n + dst
	if s.seen[st] != s.epoch {
		return buf
	}
	for ; s.pred[st] >= 0; st = s.prev[st] {
		buf = append(buf, s.pred[st])
	}
	for i, j := start, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return buf
}

// waypoints resolves and checks r's waypoints: the place indices of each,
// in order (nil without waypoints). Errors name the via parameter: an
// unknown place, or one without links (no route can pass it), is
// NotFound; a waypoint that is an end of the route, given twice, or
// avoided (the place or its country) is Invalid.
func (p *Planner) waypoints(r *Request) ([][]int32, error) {
	if len(r.Via) == 0 {
		return nil, nil
	}
	if (len(r.Via)+1)*len(p.g.States) > math.MaxInt32 {
		return nil, viaErr(caravan.Invalid, "%d waypoints are too many to search", len(r.Via))
	}
	n := p.g.Net
	out := make([][]int32, len(r.Via))
	seen := map[string]bool{}
	for i, wp := range r.Via {
		if len(wp) == 0 {
			return nil, viaErr(caravan.Invalid, "waypoint %d names no place", i+1)
		}
		for _, id := range wp {
			idx, ok := n.PlaceIndex(id)
			if !ok {
				return nil, viaErr(caravan.NotFound, "unknown place %q", id)
			}
			switch {
			case id == r.From:
				return nil, viaErr(caravan.Invalid, "%s is the origin of the route; a waypoint must be another place", id)
			case id == r.To:
				return nil, viaErr(caravan.Invalid, "%s is the destination of the route; a waypoint must be another place", id)
			case seen[id]:
				return nil, viaErr(caravan.Invalid, "%s is given twice; a route passes each waypoint once, in order", id)
			}
			seen[id] = true
			pl := &n.Places()[idx]
			for _, a := range r.AvoidPlaces {
				if a == id {
					return nil, viaErr(caravan.Invalid, "%s is both a waypoint and a place to avoid", id)
				}
			}
			for _, c := range r.AvoidCountries {
				if c == pl.Country {
					return nil, viaErr(caravan.Invalid, "%s is in %s, a country to avoid", id, c)
				}
			}
			if p.g.Arrival(int32(idx)) < 0 {
				return nil, viaErr(caravan.NotFound, "%s has no links: no route can pass through it", id)
			}
			out[i] = append(out[i], int32(idx))
		}
	}
	return out, nil
}

func viaErr(k caravan.Kind, format string, args ...any) error {
	return caravan.ParamError(k, "via", format, args...)
}

// viaNames writes r's waypoints as "kg-osh, af-torkham|pk-torkham".
func viaNames(r *Request) string {
	parts := make([]string, len(r.Via))
	for i, wp := range r.Via {
		parts[i] = strings.Join(wp, "|")
	}
	return strings.Join(parts, ", ")
}

// find runs the search of a request from place from to node dst: the
// plain search without waypoints, the layered one with them.
func (p *Planner) find(sc *scratch, from, dst int32, via [][]int32) float64 {
	if len(via) == 0 {
		return p.search(sc, from, dst)
	}
	if dst < 0 {
		return math.Inf(1)
	}
	sc.nodes = sc.nodes[:0]
	for _, v := range p.g.PlaceNodes(from) {
		if p.g.States[v].Mode != 0 {
			sc.nodes = append(sc.nodes, v)
		}
	}
	if sc.via == nil {
		sc.via = &viaSearch{}
	}
	return sc.via.run(p.g, sc.w, sc.blocked, sc.nodes, via, dst)
}

// pathTo appends to buf the arcs of the route the last find found to dst.
func (p *Planner) pathTo(sc *scratch, dst int32, via [][]int32, buf []int32) []int32 {
	if len(via) == 0 {
		return sc.s.Path(dst, buf)
	}
	return sc.via.path(dst, buf)
}

// reached returns the distance of node v after the last find (in the last
// layer with waypoints).
func (p *Planner) reached(sc *scratch, v int32, via [][]int32) float64 {
	if len(via) == 0 {
		return sc.s.Dist(v)
	}
	return sc.via.distLast(v)
}

// viaBlocks says how r's waypoints block its route under cond, or "" when
// they do not: the first leg between consecutive stops (origin, waypoints,
// destination) that has no route as asked, even with a change of mode
// allowed at its start, and whether the route exists without the
// waypoints. It leaves sc.blocked set for cond.
func (p *Planner) viaBlocks(sc *scratch, r *Request, cond *graph.Conditions, from, dst int32, via [][]int32) (string, error) {
	g := p.g
	var err error
	if sc.blocked, err = g.Blocked(cond, sc.blocked); err != nil {
		return "", err
	}
	stops := make([][]int32, 0, len(via)+2)
	stops = append(stops, []int32{from})
	stops = append(stops, via...)
	stops = append(stops, []int32{g.States[dst].Place})
	places := g.Net.Places()
	name := func(stop []int32) string {
		ids := make([]string, len(stop))
		for i, pl := range stop {
			ids[i] = places[pl].ID
		}
		return strings.Join(ids, "|")
	}
	var parts []string
	for k := 0; k+1 < len(stops); k++ {
		sc.starts = sc.starts[:0]
		for _, pl := range stops[k] {
			for _, v := range g.PlaceNodes(pl) {
				if g.States[v].Mode != 0 {
					sc.starts = append(sc.starts, csr.Start{Node: v})
				}
			}
		}
		sc.s.SearchFrom(sc.w, sc.blocked, sc.starts, -1)
		ok := false
		for _, pl := range stops[k+1] {
			if a := g.Arrival(pl); a >= 0 && !math.IsInf(sc.s.Dist(a), 1) {
				ok = true
			}
		}
		if !ok {
			parts = append(parts, fmt.Sprintf("%s cannot be reached from %s as asked", name(stops[k+1]), name(stops[k])))
			break
		}
	}
	if !math.IsInf(p.search(sc, from, dst), 1) {
		parts = append(parts, "without them there is a route")
	}
	if len(parts) == 0 {
		return "", nil
	}
	return "the waypoints (" + viaNames(r) + "): " + strings.Join(parts, "; "), nil
}
