package assign

import (
	"math"
	"sync"
)

// tree computes shortest-path trees from one origin at a time and loads an
// origin's demand on them (all-or-nothing). Its arrays are allocated once per
// network and reset lazily with an epoch, so a search allocates nothing.
type tree struct {
	net   *Network
	dist  []float64
	pred  []int32  // arc by which the node was reached (valid when seen == epoch)
	seen  []uint32 // == epoch: dist and pred belong to this search
	want  []uint32 // == epoch: the node is a destination of this search
	pos   []int32  // position in heap, -1 once settled
	heap  []int32
	order []int32 // nodes in the order they were settled
	nf    []float64
	epoch uint32
}

func newTree(net *Network) *tree {
	n := net.nodes
	return &tree{
		net:  net,
		dist: make([]float64, n), pred: make([]int32, n),
		seen: make([]uint32, n), want: make([]uint32, n), pos: make([]int32, n),
		heap: make([]int32, 0, 64), order: make([]int32, 0, n), nf: make([]float64, n),
	}
}

// search runs Dijkstra's algorithm from src over arc costs w (CSR order),
// never expanding a node that may not be passed through (other than src). It
// stops once every node of dests is settled. Afterwards dist/pred hold the
// tree over t.order.
func (t *tree) search(w []float64, src int32, dests []int32) {
	t.epoch++
	if t.epoch == 0 {
		clear(t.seen)
		clear(t.want)
		t.epoch = 1
	}
	ep := t.epoch
	left := 0
	for _, d := range dests {
		if t.want[d] != ep {
			t.want[d] = ep
			left++
		}
	}
	net := t.net
	off, heads := net.g.Offsets, net.g.Heads
	dist, pred, seen, pos := t.dist, t.pred, t.seen, t.pos
	t.order = t.order[:0]
	t.heap = t.heap[:0]
	dist[src], pred[src], seen[src] = 0, -1, ep
	t.push(src)
	for len(t.heap) > 0 {
		u := t.pop()
		t.order = append(t.order, u)
		if t.want[u] == ep {
			left--
			if left == 0 {
				break
			}
		}
		if u != src && u < net.firstThru {
			continue
		}
		du := dist[u]
		for a := off[u]; a < off[u+1]; a++ {
			v := heads[a]
			nd := du + w[a]
			if seen[v] != ep {
				seen[v], dist[v], pred[v] = ep, nd, a
				t.push(v)
			} else if pos[v] >= 0 && nd < dist[v] {
				dist[v], pred[v] = nd, a
				t.up(int(pos[v]))
			}
		}
	}
	// Nodes still in the heap are not settled: mark them so.
	for _, v := range t.heap {
		pos[v] = -1
	}
}

// reached reports whether the last search settled v.
func (t *tree) reached(v int32) bool {
	return t.seen[v] == t.epoch && t.pos[v] < 0 && !math.IsInf(t.dist[v], 1)
}

// load searches from origin o, adds o's demand to y along the tree (CSR arc
// order) and returns the demand-weighted cost of the shortest paths. It
// returns the index of a destination that cannot be reached, or -1.
func (t *tree) load(w []float64, d *Demand, o int32, y []float64) (sptt float64, unreached int32) {
	lo, hi := d.off[o], d.off[o+1]
	if lo == hi {
		return 0, -1
	}
	dests := d.dest[lo:hi]
	t.search(w, o, dests)
	nf := t.nf
	for i, dst := range dests {
		if !t.reached(dst) {
			return 0, dst
		}
		f := d.flow[int(lo)+i]
		nf[dst] += f
		sptt += f * t.dist[dst]
	}
	tails := t.net.g.Tails
	pred := t.pred
	for i := len(t.order) - 1; i > 0; i-- {
		v := t.order[i]
		f := nf[v]
		if f == 0 {
			continue
		}
		nf[v] = 0
		a := pred[v]
		y[a] += f
		nf[tails[a]] += f
	}
	nf[o] = 0
	return sptt, -1
}

// The heap is 4-ary over t.heap, ordered by dist; pos[v] is v's index in it.

func (t *tree) push(v int32) {
	t.heap = append(t.heap, v)
	t.pos[v] = int32(len(t.heap) - 1)
	t.up(len(t.heap) - 1)
}

func (t *tree) up(i int) {
	h, dist, pos := t.heap, t.dist, t.pos
	v := h[i]
	dv := dist[v]
	for i > 0 {
		p := (i - 1) / 4
		if dist[h[p]] <= dv {
			break
		}
		h[i] = h[p]
		pos[h[i]] = int32(i)
		i = p
	}
	h[i] = v
	pos[v] = int32(i)
}

func (t *tree) pop() int32 {
	h, dist, pos := t.heap, t.dist, t.pos
	top := h[0]
	pos[top] = -1
	last := h[len(h)-1]
	h = h[:len(h)-1]
	t.heap = h
	n := len(h)
	if n == 0 {
		return top
	}
	dl := dist[last]
	i := 0
	for {
		c := 4*i + 1
		if c >= n {
			break
		}
		best, bd := c, dist[h[c]]
		for j := c + 1; j < c+4 && j < n; j++ {
			if d := dist[h[j]]; d < bd {
				best, bd = j, d
			}
		}
		if bd >= dl {
			break
		}
		h[i] = h[best]
		pos[h[i]] = int32(i)
		i = best
	}
	h[i] = last
	pos[last] = int32(i)
	return top
}

// team runs a function on a fixed set of goroutines, one call per worker,
// and waits for all of them. Worker 0 is the calling goroutine. Starting a
// round sends on channels and allocates nothing.
type team struct {
	start []chan struct{}
	wg    sync.WaitGroup
	fn    func(w int)
}

func newTeam(workers int) *team {
	t := &team{start: make([]chan struct{}, workers-1)}
	for i := range t.start {
		c := make(chan struct{})
		t.start[i] = c
		go func(w int) {
			for range c {
				t.fn(w)
				t.wg.Done()
			}
		}(i + 1)
	}
	return t
}

// run calls fn(w) for every worker w in parallel and returns when all are done.
func (t *team) run(fn func(w int)) {
	t.fn = fn
	t.wg.Add(len(t.start))
	for _, c := range t.start {
		c <- struct{}{}
	}
	fn(0)
	t.wg.Wait()
}

// close stops the goroutines.
func (t *team) close() {
	for _, c := range t.start {
		close(c)
	}
}

// aon loads the whole demand all-or-nothing on shortest paths under the arc
// costs w, in parallel over origins. It holds one tree and one flow vector
// per worker.
type aon struct {
	net    *Network
	dem    *Demand
	team   *team
	trees  []*tree
	ys     [][]float64 // per worker, CSR order
	sptt   []float64   // per worker
	bad    []int64     // per worker: origin<<32 | destination that cannot be reached, or -1
	w      []float64
	workFn func(int)
}

func newAON(net *Network, dem *Demand, tm *team, workers int) *aon {
	s := &aon{net: net, dem: dem, team: tm,
		trees: make([]*tree, workers), ys: make([][]float64, workers),
		sptt: make([]float64, workers), bad: make([]int64, workers)}
	for i := range workers {
		s.trees[i] = newTree(net)
		s.ys[i] = make([]float64, net.Links())
	}
	s.workFn = s.work
	return s
}

func (s *aon) work(wk int) {
	t, y := s.trees[wk], s.ys[wk]
	clear(y)
	s.sptt[wk] = 0
	s.bad[wk] = -1
	// Origins are dealt out in a fixed stride, so every worker's sums, and
	// the result, are the same from run to run.
	zones, step := int32(s.dem.zones), int32(len(s.trees))
	for o := int32(wk); o < zones; o += step {
		sp, un := t.load(s.w, s.dem, o, y)
		if un >= 0 {
			s.bad[wk] = int64(o)<<32 | int64(un)
			return
		}
		s.sptt[wk] += sp
	}
}

// run loads the demand under costs w into y (CSR order, overwritten) and
// returns the SPTT. If some destination cannot be reached it returns ok =
// false with the origin and destination.
func (s *aon) run(w, y []float64) (sptt float64, badO, badD int32, ok bool) {
	s.w = w
	s.team.run(s.workFn)
	copy(y, s.ys[0])
	for _, yw := range s.ys[1:] {
		for a, v := range yw {
			y[a] += v
		}
	}
	for wk, b := range s.bad {
		if b >= 0 {
			return 0, int32(b >> 32), int32(b & 0xffffffff), false
		}
		sptt += s.sptt[wk]
	}
	return sptt, 0, 0, true
}
