package route

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
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
//
// Layer k is also leg k of the route, from its k-th stop to the next, and
// Request.LegModes restricts it: an arc leaving a state of layer k is
// allowed when leg k allows the mode of the state it leads into — a link
// or crossing's own mode, a transfer's mode after it; an arc into a
// place's arrival node always. So the arc that reaches waypoint k+1 is
// leg k's (the leg it ends: it leaves a state of layer k), and a change of
// mode at the waypoint is a transfer of the network there, in layer k+1,
// allowed when leg k+1 allows the mode it changes to. Without a change
// the route goes on in the mode it arrived in, which leg k+1 must allow.
// The mode a transfer leaves need not be checked: a state of layer k that
// is not at leg k's first stop is reached by an arc of layer k, whose
// mode leg k allows.

// modeSet is a set of modes as bits (1<<mode); bit 0, the mode of arrival
// nodes, is in every set.
type modeSet uint32

const allModes = ^modeSet(0)

func (s modeSet) has(m network.Mode) bool { return s&(1<<m) != 0 }

// layers are a request's waypoints, resolved for the layered search.
type layers struct {
	places [][]int32 // each waypoint's place indices, in order (none: the plain search)
	modes  []modeSet // the modes of each leg, len(places)+1; nil when no leg is restricted
}

// allow returns the modes leg k allows.
func (ls *layers) allow(k int32) modeSet {
	if ls.modes == nil {
		return allModes
	}
	return ls.modes[k]
}

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
func (s *viaSearch) run(g *graph.Graph, w []float64, blocked []uint64, starts []csr.Start, ls *layers, dst int32) float64 {
	n := int32(len(g.States))
	via := ls.places
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
	for _, sv := range starts {
		v := sv.Node
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
		allow := ls.allow(k)
		for a := off[u]; a < off[u+1]; a++ {
			if blocked != nil && blocked[a>>6]&(1<<(uint(a)&63)) != 0 {
				continue
			}
			nd := d + w[a]
			if math.IsInf(nd, 1) {
				continue
			}
			v := heads[a]
			if allow != allModes && !allow.has(g.States[v].Mode) {
				continue // not a mode of leg k
			}
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

// waypoints resolves and checks r's waypoints and the modes of its legs:
// the place indices of each waypoint, in order, and the modes of each leg
// (the zero layers without waypoints: a request without them takes the
// plain search and allocates nothing here). Errors name the via
// parameter: an unknown place, or one without links (no route can pass
// it), is NotFound; a waypoint that is an end of the route, given twice,
// or avoided (the place or its country) is Invalid. Errors of LegModes
// (see legModes) name leg_modes.
func (p *Planner) waypoints(r *Request) (layers, error) {
	if len(r.Via) == 0 {
		if len(r.LegModes) > 0 {
			return layers{}, errLegsWithoutVia
		}
		return layers{}, nil
	}
	if (len(r.Via)+1)*len(p.g.States) > math.MaxInt32 {
		return layers{}, viaErr(caravan.Invalid, "%d waypoints are too many to search", len(r.Via))
	}
	n := p.g.Net
	out := make([][]int32, len(r.Via))
	seen := map[string]bool{}
	for i, wp := range r.Via {
		if len(wp) == 0 {
			return layers{}, viaErr(caravan.Invalid, "waypoint %d names no place", i+1)
		}
		for _, id := range wp {
			idx, ok := n.PlaceIndex(id)
			if !ok {
				return layers{}, viaErr(caravan.NotFound, "unknown place %q", id)
			}
			switch {
			case id == r.From:
				return layers{}, viaErr(caravan.Invalid, "%s is the origin of the route; a waypoint must be another place", id)
			case id == r.To:
				return layers{}, viaErr(caravan.Invalid, "%s is the destination of the route; a waypoint must be another place", id)
			case seen[id]:
				return layers{}, viaErr(caravan.Invalid, "%s is given twice; a route passes each waypoint once, in order", id)
			}
			seen[id] = true
			if why := avoided(r, id, n.Places()[idx].Country, "a waypoint"); why != "" {
				return layers{}, viaErr(caravan.Invalid, "%s", why)
			}
			if p.g.Arrival(int32(idx)) < 0 {
				return layers{}, viaErr(caravan.NotFound, "%s has no links: no route can pass through it", id)
			}
			out[i] = append(out[i], int32(idx))
		}
	}
	modes, err := legModes(r)
	if err != nil {
		return layers{}, err
	}
	return layers{places: out, modes: modes}, nil
}

// ParseLegModes parses the modes of a route's legs (Request.LegModes) by
// network.ParseLegModes, the one grammar of --leg-modes, the API's
// leg_modes and observations.csv's leg_modes column ("rail/road/rail").
// Errors are Invalid and name leg_modes: an unknown mode, with its leg.
func ParseLegModes(s string) ([][]network.Mode, error) {
	legs, err := network.ParseLegModes(s)
	if err != nil {
		return nil, legErr("%v", err)
	}
	return legs, nil
}

// CheckLegModes checks r.LegModes against r's waypoints and modes, as
// Plan does, for a caller that wants the mistake before planning (the
// service, at parse time). Errors are Invalid and name leg_modes:
// LegModes without Via, a count other than len(Via)+1, an unknown mode, a
// leg whose modes AvoidModes all rule out.
func CheckLegModes(r *Request) error {
	if len(r.LegModes) > 0 && len(r.Via) == 0 {
		return errLegsWithoutVia
	}
	_, err := legModes(r)
	return err
}

var errLegsWithoutVia = legErr("the modes of legs need waypoints (via): a route without them is one leg, which the modes of the route restrict")

// legModes checks r.LegModes (r has waypoints) and returns the modes of
// each leg as sets, nil when no leg is restricted. Errors are Invalid and
// name leg_modes: a count other than len(r.Via)+1, an unknown mode, a leg
// whose modes r.AvoidModes all rule out (the two combine: a leg may use
// the modes in both).
func legModes(r *Request) ([]modeSet, error) {
	if len(r.LegModes) == 0 {
		return nil, nil
	}
	if len(r.LegModes) != len(r.Via)+1 {
		return nil, legErr("%d legs given; %d waypoints make %d legs (one set of modes each, empty for every mode)", len(r.LegModes), len(r.Via), len(r.Via)+1)
	}
	var out []modeSet
	for k, ms := range r.LegModes {
		if len(ms) == 0 {
			continue
		}
		set := modeSet(1) // arrival nodes
		for _, m := range ms {
			if !slices.Contains(network.Modes, m) {
				return nil, legErr("leg %d: unknown mode %d", k+1, m)
			}
			if !slices.Contains(r.AvoidModes, m) {
				set |= 1 << m
			}
		}
		if set == 1 {
			return nil, legErr("leg %d (%s) allows only %s, which the modes of the route rule out (%s)", k+1, legStops(r, k), modeNames(ms), allowedModes(r.AvoidModes))
		}
		if out == nil {
			out = make([]modeSet, len(r.LegModes))
			for i := range out {
				out[i] = allModes
			}
		}
		out[k] = set
	}
	return out, nil
}

// legStops names leg k of r as "kg-osh → uz-andijan".
func legStops(r *Request, k int) string {
	stop := func(i int) string {
		switch {
		case i == 0:
			return r.From
		case i > len(r.Via):
			return r.To
		}
		return strings.Join(r.Via[i-1], "|")
	}
	return stop(k) + " → " + stop(k+1)
}

// modeNames writes modes as "rail, road".
func modeNames(ms []network.Mode) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.String()
	}
	return strings.Join(parts, ", ")
}

func viaErr(k caravan.Kind, format string, args ...any) error {
	return caravan.ParamError(k, "via", format, args...)
}

func legErr(format string, args ...any) error {
	return caravan.ParamError(caravan.Invalid, "leg_modes", format, args...)
}

// viaNames writes r's waypoints as "kg-osh, af-torkham|pk-torkham".
func viaNames(r *Request) string {
	parts := make([]string, len(r.Via))
	for i, wp := range r.Via {
		parts[i] = strings.Join(wp, "|")
	}
	return strings.Join(parts, ", ")
}

// legModesNames writes r's leg modes as the parameter spells them,
// "rail/road/rail" (an empty leg: every mode).
func legModesNames(r *Request) string {
	parts := make([]string, len(r.LegModes))
	for i, ms := range r.LegModes {
		parts[i] = strings.ReplaceAll(modeNames(ms), ", ", ",")
	}
	return strings.Join(parts, "/")
}

// find runs the search of a request from place from to node dst: the
// plain search without waypoints, the layered one with them.
func (p *Planner) find(sc *scratch, from, dst int32, via *layers) float64 {
	if len(via.places) == 0 {
		return p.search(sc, from, dst)
	}
	if dst < 0 {
		return math.Inf(1)
	}
	sc.starts = p.appendStarts(sc.starts[:0], from)
	if sc.via == nil {
		sc.via = &viaSearch{}
	}
	return sc.via.run(p.g, sc.w, sc.blocked, sc.starts, via, dst)
}

// pathTo appends to buf the arcs of the route the last find found to dst.
func (p *Planner) pathTo(sc *scratch, dst int32, via *layers, buf []int32) []int32 {
	if len(via.places) == 0 {
		return sc.s.Path(dst, buf)
	}
	return sc.via.path(dst, buf)
}

// reached returns the distance of node v after the last find (in the last
// layer with waypoints).
func (p *Planner) reached(sc *scratch, v int32, via *layers) float64 {
	if len(via.places) == 0 {
		return sc.s.Dist(v)
	}
	return sc.via.distLast(v)
}

// viaBlocks says how r's waypoints block its route under cond, or "" when
// they do not: the first leg between consecutive stops (origin, waypoints,
// destination) that has no route as asked, even with a change of mode
// allowed at its start, and whether the route exists without the
// waypoints. A leg whose modes LegModes restricts is searched in those
// modes alone ("… by rail as asked"). It leaves sc.blocked set for cond.
func (p *Planner) viaBlocks(sc *scratch, r *Request, cond *graph.Conditions, from, dst int32, via *layers) (string, error) {
	g := p.g
	var err error
	if sc.blocked, err = g.Blocked(cond, sc.blocked); err != nil {
		return "", err
	}
	stops := make([][]int32, 0, len(via.places)+2)
	stops = append(stops, []int32{from})
	stops = append(stops, via.places...)
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
		by := ""
		if allow := via.allow(int32(k)); allow != allModes {
			c := *cond
			c.AvoidModes = slices.Clone(c.AvoidModes)
			for _, m := range network.Modes {
				if !allow.has(m) {
					c.AvoidModes = append(c.AvoidModes, m)
				}
			}
			if sc.blocked, err = g.Blocked(&c, sc.blocked); err != nil {
				return "", err
			}
			by = " by " + strings.TrimPrefix(allowedModes(c.AvoidModes), "only ")
		} else if k > 0 && via.allow(int32(k-1)) != allModes {
			if sc.blocked, err = g.Blocked(cond, sc.blocked); err != nil {
				return "", err
			}
		}
		sc.starts = sc.starts[:0]
		for _, pl := range stops[k] {
			sc.starts = p.appendStarts(sc.starts, pl)
		}
		sc.s.SearchFrom(sc.w, sc.blocked, sc.starts, -1)
		ok := false
		for _, pl := range stops[k+1] {
			if a := g.Arrival(pl); a >= 0 && !math.IsInf(sc.s.Dist(a), 1) {
				ok = true
			}
		}
		if !ok {
			parts = append(parts, fmt.Sprintf("%s cannot be reached from %s%s as asked", name(stops[k+1]), name(stops[k]), by))
			break
		}
	}
	if via.modes != nil {
		if sc.blocked, err = g.Blocked(cond, sc.blocked); err != nil {
			return "", err
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
