package assign

import (
	"context"
	"math"
	"sync/atomic"
)

// Algorithm B (Dial 2006) keeps, for every origin, a bush: an acyclic
// subnetwork rooted at the origin that carries all of the origin's demand.
// Flow moves inside a bush, from the longest used path to the shortest path
// between a node and the last node both paths share (the divergence node),
// by a Newton step on the difference of the two segments' costs. Once an
// iteration a bush drops the links its origin no longer uses (never a
// node's shortest-path approach) and adds the links i→j that shorten the
// shortest path to j (l_i + c_ij < l_j) and leave a node whose longest used
// path label is below j's (u_i < u_j), the criterion tap-b takes from Nie
// (2010); the second condition keeps the bush acyclic (a new topological
// order is checked, and an update that would close a cycle through a kept,
// unused shortest-path approach is dropped). The iteration's gap
// comes from shortest paths through the whole network, found by a
// label-correcting pass seeded with each bush's labels.
//
// A bush is stored as the list of its arcs grouped by head, the groups in
// topological order, the last arc of each group flagged; flows are stored
// only for the approaches of merge nodes (heads with two or more bush arcs).
// The flow of a node's single approach is the node's throughput, computed
// when needed by one backward pass. That needs 4 bytes per bush arc plus 8
// per merge approach, about 6 bytes per node and origin.

// lastBit flags the last arc of a head's group in bush.arcs.
const lastBit = 1 << 31

// bush is the state of one origin.
type bush struct {
	origin int32
	sptt   float64   // the demand's cost on shortest paths, at the last measure
	arcs   []uint32  // network arcs grouped by head, groups in topological order; lastBit ends a group
	flow   []float64 // the origin's flow on each arc of a group of two or more, in arc order
	active bool      // worth another flow pass in this iteration
}

// bworker holds the scratch arrays of one goroutine working on bushes.
type bworker struct {
	l, u         []float64 // shortest and longest (used) path labels
	spArc, lpArc []int32   // last arc of those paths, -1 at the origin
	spF, lpF     []int32   // index into bush.flow of that arc, -1 if it is a single approach
	nf           []float64 // node throughput
	sp           []float64 // shortest-path labels through the whole network
	inq          []uint32  // == qep while queued in shortest
	qep          uint32
	mark         []uint32 // divergence search stamps
	stamp        uint32
	in           []uint32 // per node: in the bush (== epoch)
	keep         []uint32 // per arc: in the new bush (== epoch)
	af           []float64
	epoch        uint32
	indeg        []int32
	pos          []int32 // position of a node's group in the bush order
	gstart       []int32 // index of a node's group in bush.arcs
	addFirst     []int32 // index in added of a node's first new arc, or -1
	added        []int32 // arcs an update adds, by head in bush order
	queue        []int32
	newArcs      []uint32
	newFlow      []float64
}

func newBWorker(net *Network) *bworker {
	n, m := net.nodes, net.Links()
	return &bworker{
		l: make([]float64, n), u: make([]float64, n),
		spArc: make([]int32, n), lpArc: make([]int32, n), spF: make([]int32, n), lpF: make([]int32, n),
		nf: make([]float64, n), sp: make([]float64, n), inq: make([]uint32, n), mark: make([]uint32, n), in: make([]uint32, n),
		keep: make([]uint32, m), af: make([]float64, m), indeg: make([]int32, n), pos: make([]int32, n), gstart: make([]int32, n), addFirst: make([]int32, n), queue: make([]int32, 0, n),
	}
}

// bstate is Algorithm B's state beside the shared state.
type bstate struct {
	*state
	bushes  []bush
	workers []*bworker
	thresh  float64 // skip a bush whose relative excess is below this
	next    atomic.Int32
	bad     []int64 // per worker: origin<<32 | destination without a path, or -1

	initFn, spttFn func(int)
}

// bushes runs Algorithm B. Each iteration measures the gap (shortest paths
// warm-started from the bushes, in parallel), updates every bush's arcs (in
// parallel: the costs are read-only then), and shifts flows bush by bush,
// first once per bush and then in up to 20 further passes over the bushes
// still more than a quarter of the gap from their own equilibrium.
func (s *state) bushes(ctx context.Context) error {
	nw := len(s.paths.trees)
	b := &bstate{state: s, workers: make([]*bworker, nw), bad: make([]int64, nw)}
	s.b = b
	for i := range b.workers {
		b.workers[i] = newBWorker(s.net)
	}
	b.initFn, b.spttFn = b.initWork, b.spttWork
	if w := s.opts.Warm; w != nil {
		b.warm(w.b)
	} else if err := b.init(); err != nil {
		return err
	}
	for {
		if err := s.checkCosts("assign.Solve"); err != nil {
			return err
		}
		sptt, err := b.measure()
		if err != nil {
			return err
		}
		if stop, err := s.report(ctx, sptt); stop {
			return err
		}
		s.iter++
		inner := 20
		if s.iter == 1 && s.opts.Warm == nil {
			inner = 1 // the trees are far from equilibrium: update the bushes first
		}
		b.iterate(ctx, inner)
	}
}

// iterate updates every bush and shifts flows: once on every bush, then up
// to inner passes over the bushes still active.
func (b *bstate) iterate(ctx context.Context, inner int) {
	w := b.workers[0]
	b.thresh = 0.25 * b.gap
	for i := range b.bushes {
		bu := &b.bushes[i]
		bu.active = w.improve(b, bu, 0)
	}
	for range inner {
		if ctx.Err() != nil {
			break
		}
		any := false
		for i := range b.bushes {
			bu := &b.bushes[i]
			if bu.active {
				bu.active = w.improve(b, bu, b.thresh)
				any = any || bu.active
			}
		}
		if !any {
			break
		}
	}
	b.updateCosts()
}

// parallel runs fn on every worker, which take bushes from b.next.
func (b *bstate) parallel(fn func(int)) {
	b.next.Store(0)
	b.team.run(fn)
}

// take returns the next bush to work on, or nil.
func (b *bstate) take() *bush {
	i := b.next.Add(1) - 1
	if int(i) >= len(b.bushes) {
		return nil
	}
	return &b.bushes[i]
}

// measure returns the SPTT at the current costs, summed over origins in
// order (so that it does not depend on which worker took which bush).
func (b *bstate) measure() (float64, error) {
	b.parallel(b.spttFn)
	if err := b.unreached(); err != nil {
		return 0, err
	}
	sptt := 0.0
	for i := range b.bushes {
		sptt += b.bushes[i].sptt
	}
	return sptt, nil
}

// unreached returns the error for the first origin and destination
// without a path that a worker of the last parallel run recorded, or nil.
func (b *bstate) unreached() error {
	for _, bad := range b.bad {
		if bad >= 0 {
			o, d := int32(bad>>32), int32(bad&0xffffffff)
			return unreachable(o, d, b.dem.between(o, d))
		}
	}
	return nil
}

func (b *bstate) spttWork(wk int) {
	w := b.workers[wk]
	b.bad[wk] = -1
	for bu := b.take(); bu != nil; bu = b.take() {
		sp, bad := w.measureUpdate(b, bu)
		if bad >= 0 {
			b.bad[wk] = int64(bu.origin)<<32 | int64(bad)
			return
		}
		bu.sptt = sp
	}
}

// measureUpdate is the parallel step of an iteration for one bush, at
// costs that stay fixed meanwhile: it scans the bush, finds the shortest
// paths through the whole network (for the gap), and updates the bush's
// arcs. It returns the cost of the origin's demand on shortest paths and a
// destination without a path, or -1.
func (w *bworker) measureUpdate(b *bstate, bu *bush) (float64, int32) {
	d := b.dem
	o := bu.origin
	if d.off[o] == d.off[o+1] {
		return 0, -1
	}
	w.scan(b, bu, true)
	sptt, bad := w.shortest(b, bu)
	if bad >= 0 {
		return 0, bad
	}
	w.update(b, bu)
	return sptt, -1
}

// shortest computes in w.sp the shortest-path costs from the origin through
// the whole network: the bush's labels (from the last scan) corrected by a
// label-correcting pass (FIFO, seeded with the bush in topological order)
// over every arc. Near equilibrium few labels change, so this costs about
// one look at every arc. It returns the cost of the origin's demand on those
// paths and a destination without a path, or -1.
func (w *bworker) shortest(b *bstate, bu *bush) (float64, int32) {
	net, d := b.net, b.dem
	o := bu.origin
	heads, off := net.g.Heads, net.g.Offsets
	cost := b.cost
	sp, l := w.sp, w.l
	for i := range sp {
		sp[i] = math.Inf(1)
	}
	n := int32(len(sp))
	ring := w.queue[:n]
	inq := w.inq
	w.qep++
	if w.qep == 0 {
		clear(inq)
		w.qep = 1
	}
	ep := w.qep
	head, size := int32(0), int32(0)
	push := func(v int32) {
		ring[(head+size)%n] = v
		size++
		inq[v] = ep
	}
	sp[o] = 0
	push(o)
	for _, v := range bu.arcs {
		if v&lastBit != 0 {
			h := heads[v&^lastBit]
			sp[h] = l[h]
			push(h)
		}
	}
	for size > 0 {
		v := ring[head]
		head++
		if head == n {
			head = 0
		}
		size--
		inq[v] = 0
		if v != o && v < net.firstThru {
			continue
		}
		lv := sp[v]
		for a := off[v]; a < off[v+1]; a++ {
			h := heads[a]
			if c := lv + cost[a]; c < sp[h] {
				sp[h] = c
				if inq[h] != ep {
					push(h)
				}
			}
		}
	}
	total := 0.0
	for i := d.off[o]; i < d.off[o+1]; i++ {
		dst := d.dest[i]
		if math.IsInf(sp[dst], 1) {
			return 0, dst
		}
		total += d.flow[i] * sp[dst]
	}
	return total, -1
}

// init builds each origin's bush as its shortest-path tree at free-flow
// costs and loads the origin's demand on it, in parallel over origins.
func (b *bstate) init() error {
	s := b.state
	s.updateCosts()
	b.bushes = make([]bush, s.net.zones)
	for o := range b.bushes {
		b.bushes[o].origin = int32(o)
	}
	b.parallel(b.initFn)
	if err := b.unreached(); err != nil {
		return err
	}
	// Load the demand on the trees, origin by origin.
	clear(s.x)
	w := b.workers[0]
	heads := s.net.g.Heads
	for i := range b.bushes {
		bu := &b.bushes[i]
		w.nodeFlows(b, bu)
		for _, v := range bu.arcs {
			a := v &^ lastBit
			s.x[a] += w.nf[heads[a]]
		}
	}
	s.updateCosts()
	return nil
}

// warm starts from another solve's bushes and link flows (checked by
// checkWarm to be for the same links and demand), at this network's costs.
func (b *bstate) warm(from *bstate) {
	s := b.state
	b.bushes = make([]bush, len(from.bushes))
	for i, fb := range from.bushes {
		b.bushes[i] = bush{origin: fb.origin, sptt: fb.sptt,
			arcs: append(make([]uint32, 0, len(fb.arcs)+len(fb.arcs)/8), fb.arcs...),
			flow: append([]float64(nil), fb.flow...)}
	}
	copy(s.x, from.x)
	s.updateCosts()
}

// initWork builds bushes as shortest-path trees.
func (b *bstate) initWork(wk int) {
	s := b.state
	d := s.dem
	t := s.paths.trees[wk]
	b.bad[wk] = -1
	for bu := b.take(); bu != nil; bu = b.take() {
		o := bu.origin
		lo, hi := d.off[o], d.off[o+1]
		if lo == hi {
			continue
		}
		t.search(s.cost, o, nil)
		for i := lo; i < hi; i++ {
			if dst := d.dest[i]; !t.reached(dst) {
				b.bad[wk] = int64(o)<<32 | int64(dst)
				return
			}
		}
		// Room for the arcs the first updates add (a few per cent of the
		// tree's on ChicagoSketch, more on a few bushes), so that they do
		// not reallocate most bushes at once.
		bu.arcs = make([]uint32, 0, len(t.order)-1+len(t.order)/4)
		for _, v := range t.order[1:] {
			bu.arcs = append(bu.arcs, uint32(t.pred[v])|lastBit)
		}
	}
}

// scan computes, in topological order, the shortest path label l of every
// bush node and the longest path label u, over used approaches (flow > 0)
// when used is true, over all bush arcs otherwise; a node without a used
// approach gets its shortest path as its longest. It records the last arc
// of each path and its index in bu.flow.
func (w *bworker) scan(b *bstate, bu *bush, used bool) {
	net := b.net
	tails, heads := net.g.Tails, net.g.Heads
	cost := b.cost
	l, u := w.l, w.u
	r := bu.origin
	l[r], u[r] = 0, 0
	w.spArc[r], w.lpArc[r] = -1, -1
	arcs, flow := bu.arcs, bu.flow
	fi := int32(0)
	for i := 0; i < len(arcs); {
		v := arcs[i]
		if v&lastBit != 0 {
			a := int32(v &^ lastBit)
			t, h := tails[a], heads[a]
			c := cost[a]
			l[h], u[h] = l[t]+c, u[t]+c
			w.spArc[h], w.lpArc[h] = a, a
			w.spF[h], w.lpF[h] = -1, -1
			i++
			continue
		}
		j := i + 1
		for arcs[j]&lastBit == 0 {
			j++
		}
		bl, bu2 := math.Inf(1), math.Inf(-1)
		var sa, la, sf, lf int32 = -1, -1, -1, -1
		for k := i; k <= j; k++ {
			a := int32(arcs[k] &^ lastBit)
			t := tails[a]
			c := cost[a]
			f := fi + int32(k-i)
			if x := l[t] + c; x < bl {
				bl, sa, sf = x, a, f
			}
			if !used || flow[f] > 0 {
				if x := u[t] + c; x > bu2 {
					bu2, la, lf = x, a, f
				}
			}
		}
		if sa < 0 { // no finite label: costs overflowed; Solve reports it
			sa, sf = int32(arcs[i]&^lastBit), fi
		}
		if la < 0 {
			bu2, la, lf = u[tails[sa]]+cost[sa], sa, sf
		}
		h := heads[sa]
		l[h], u[h] = bl, bu2
		w.spArc[h], w.lpArc[h], w.spF[h], w.lpF[h] = sa, la, sf, lf
		fi += int32(j - i + 1)
		i = j + 1
	}
}

// nodeFlows computes the throughput nf of every bush node by one backward
// pass and returns the bush's total cost Σ flow·cost and the cost of its
// demand on the bush's shortest paths (labels of the last scan).
func (w *bworker) nodeFlows(b *bstate, bu *bush) (total, shortest float64) {
	net, d := b.net, b.dem
	tails, heads := net.g.Tails, net.g.Heads
	cost := b.cost
	nf := w.nf
	for _, v := range bu.arcs {
		nf[heads[v&^lastBit]] = 0
	}
	nf[bu.origin] = 0
	o := bu.origin
	for i := d.off[o]; i < d.off[o+1]; i++ {
		nf[d.dest[i]] += d.flow[i]
		shortest += d.flow[i] * w.l[d.dest[i]]
	}
	arcs, flow := bu.arcs, bu.flow
	fi := len(flow)
	for i := len(arcs) - 1; i >= 0; {
		k := i - 1
		for k >= 0 && arcs[k]&lastBit == 0 {
			k--
		}
		// The group is arcs[k+1 : i+1].
		if k == i-1 {
			a := int32(arcs[i] &^ lastBit)
			f := nf[heads[a]]
			nf[tails[a]] += f
			total += f * cost[a]
		} else {
			fi -= i - k
			for g := k + 1; g <= i; g++ {
				a := int32(arcs[g] &^ lastBit)
				f := flow[fi+g-k-1]
				nf[tails[a]] += f
				total += f * cost[a]
			}
		}
		i = k
	}
	return total, shortest
}

// improve scans bu and, unless its relative excess cost is below thresh,
// shifts flow at every merge node from the longest used to the shortest
// path segment. It reports whether it shifted.
func (w *bworker) improve(b *bstate, bu *bush, thresh float64) bool {
	if len(bu.flow) == 0 {
		return false // a tree: no alternatives
	}
	w.scan(b, bu, true)
	if thresh > 0 {
		total, shortest := w.nodeFlows(b, bu)
		if shortest <= 0 || (total-shortest)/total < thresh {
			return false
		}
	}
	net := b.net
	heads := net.g.Heads
	arcs := bu.arcs
	fi := len(bu.flow)
	shifted := false
	for i := len(arcs) - 1; i >= 0; {
		k := i - 1
		for k >= 0 && arcs[k]&lastBit == 0 {
			k--
		}
		if k < i-1 {
			fi -= i - k
			h := heads[arcs[i]&^lastBit]
			if w.lpArc[h] != w.spArc[h] && w.u[h] > w.l[h] {
				if w.shift(b, bu, h) {
					shifted = true
				}
			}
		}
		i = k
	}
	return shifted
}

// shift moves flow at merge node h from its longest used to its shortest
// path segment by one Newton step, and reports whether it moved any.
func (w *bworker) shift(b *bstate, bu *bush, h int32) bool {
	net := b.net
	tails := net.g.Tails
	r := bu.origin
	// Find the divergence node: walk both paths back in turn; the first node
	// one walk reaches that the other has visited is the last shared node.
	w.stamp++
	if w.stamp == 0 {
		clear(w.mark)
		w.stamp = 1
	}
	st := w.stamp
	mark := w.mark
	mark[h] = st
	p, q := h, h
	d := int32(-1)
	for d < 0 {
		if p != r {
			p = tails[w.spArc[p]]
			if mark[p] == st {
				d = p
				break
			}
			mark[p] = st
		}
		if q != r {
			q = tails[w.lpArc[q]]
			if mark[q] == st {
				d = q
				break
			}
			mark[q] = st
		}
	}
	cost, der, flow := b.cost, b.der, bu.flow
	c1, d1, f1 := 0.0, 0.0, math.Inf(1)
	for v := h; v != d; {
		a := w.lpArc[v]
		c1 += cost[a]
		d1 += der[a]
		if f := w.lpF[v]; f >= 0 {
			f1 = min(f1, flow[f])
		}
		v = tails[a]
	}
	c2, d2 := 0.0, 0.0
	for v := h; v != d; {
		a := w.spArc[v]
		c2 += cost[a]
		d2 += der[a]
		v = tails[a]
	}
	if !(c1 > c2) || !(f1 > 0) {
		return false
	}
	delta := f1
	if dd := d1 + d2; dd > 0 {
		delta = min(f1, (c1-c2)/dd)
	}
	x := b.x
	for v := h; v != d; {
		a := w.lpArc[v]
		if f := w.lpF[v]; f >= 0 {
			flow[f] = max(0, flow[f]-delta)
		}
		x[a] -= delta
		cost[a], der[a] = net.costDer(int(a), x[a])
		v = tails[a]
	}
	for v := h; v != d; {
		a := w.spArc[v]
		if f := w.spF[v]; f >= 0 {
			flow[f] += delta
		}
		x[a] += delta
		cost[a], der[a] = net.costDer(int(a), x[a])
		v = tails[a]
	}
	return true
}

// update rebuilds bu's arcs: it drops merge approaches without flow (but
// never a node's shortest-path approach), adds every arc that improves both
// labels of its head and may leave its tail, and puts the groups back in a
// topological order.
func (w *bworker) update(b *bstate, bu *bush) {
	if len(bu.arcs) == 0 {
		return
	}
	net := b.net
	tails, heads := net.g.Tails, net.g.Heads
	w.nodeFlows(b, bu)
	w.epoch++
	if w.epoch == 0 {
		clear(w.in)
		clear(w.keep)
		w.epoch = 1
	}
	ep := w.epoch
	r := bu.origin
	w.in[r] = ep
	pos := w.pos // position of each bush node in the current order
	pos[r] = -1
	arcs, flow := bu.arcs, bu.flow
	fi := 0
	changed := false
	nodes := int32(0)
	for i := 0; i < len(arcs); {
		j := i
		for arcs[j]&lastBit == 0 {
			j++
		}
		h := heads[arcs[j]&^lastBit]
		w.in[h] = ep
		pos[h] = nodes
		nodes++
		w.gstart[h], w.addFirst[h] = int32(i), -1
		if j == i {
			a := arcs[i] &^ lastBit
			w.keep[a], w.af[a] = ep, w.nf[h]
			w.indeg[h] = 1
		} else {
			kept := int32(0)
			for k := i; k <= j; k++ {
				a := int32(arcs[k] &^ lastBit)
				f := flow[fi+k-i]
				if f > 0 || a == w.spArc[h] {
					w.keep[a], w.af[a] = ep, f
					kept++
				} else {
					changed = true
				}
			}
			w.indeg[h] = kept
			fi += j - i + 1
		}
		i = j + 1
	}
	// Only a head whose bush label exceeds its shortest-path label can gain
	// an arc: l[t] + c < l[h] needs sp[h] ≤ sp[t] + c ≤ l[t] + c < l[h].
	// Heads are visited in order, so added lists the new arcs by head.
	cost := b.cost
	l, u, sp := w.l, w.u, w.sp
	inOff, inArcs := net.inOff, net.inArcs
	added := w.added[:0]
	inOrder := true // every added arc runs forward in the current order
	for _, v := range arcs {
		if v&lastBit == 0 {
			continue
		}
		h := heads[v&^lastBit]
		if !(sp[h] < l[h]) {
			continue
		}
		for _, a := range inArcs[inOff[h]:inOff[h+1]] {
			t := tails[a]
			if w.keep[a] == ep || w.in[t] != ep || (t != r && t < net.firstThru) {
				continue
			}
			if l[t]+cost[a] < l[h] && u[t] < u[h] {
				w.keep[a], w.af[a] = ep, 0
				if w.addFirst[h] < 0 {
					w.addFirst[h] = int32(len(added))
				}
				added = append(added, a)
				w.indeg[h]++
				inOrder = inOrder && pos[t] < pos[h]
			}
		}
	}
	w.added = added
	if !changed && len(added) == 0 {
		return // same arcs: the order and the groups still hold
	}
	newArcs, newFlow := w.newArcs[:0], w.newFlow[:0]
	if inOrder {
		// The current order is still topological: regroup in place of it,
		// each head's kept arcs followed by its new ones.
		next := 0
		for i := 0; i < len(arcs); {
			j := i
			for arcs[j]&lastBit == 0 {
				j++
			}
			h := heads[arcs[j]&^lastBit]
			lo := len(newArcs)
			for k := i; k <= j; k++ {
				if a := arcs[k] &^ lastBit; w.keep[a] == ep {
					newArcs = append(newArcs, a)
				}
			}
			for next < len(added) && heads[added[next]] == h {
				newArcs = append(newArcs, uint32(added[next]))
				next++
			}
			newArcs[len(newArcs)-1] |= lastBit
			if len(newArcs)-lo > 1 {
				for _, a := range newArcs[lo:] {
					newFlow = append(newFlow, w.af[a&^lastBit])
				}
			}
			i = j + 1
		}
		w.newArcs, w.newFlow = newArcs, newFlow
		bu.arcs = refill(bu.arcs, newArcs)
		bu.flow = refill(bu.flow, newFlow)
		return
	}
	// A new topological order (Kahn) over the kept arcs, then regroup by
	// head: each node's kept arcs (from its old group) and its new ones.
	indeg := w.indeg
	off := net.g.Offsets
	q := w.queue[:0]
	q = append(q, r)
	for qi := 0; qi < len(q); qi++ {
		v := q[qi]
		if v != r {
			lo := len(newArcs)
			for k := w.gstart[v]; ; k++ {
				x := arcs[k]
				if a := x &^ lastBit; w.keep[a] == ep {
					newArcs = append(newArcs, a)
				}
				if x&lastBit != 0 {
					break
				}
			}
			for p := w.addFirst[v]; p >= 0 && int(p) < len(added) && heads[added[p]] == v; p++ {
				newArcs = append(newArcs, uint32(added[p]))
			}
			newArcs[len(newArcs)-1] |= lastBit
			if len(newArcs)-lo > 1 {
				for _, a := range newArcs[lo:] {
					newFlow = append(newFlow, w.af[a&^lastBit])
				}
			}
			if v < net.firstThru {
				continue // a zone that paths may not pass through
			}
		}
		for a := off[v]; a < off[v+1]; a++ {
			if w.keep[a] != ep {
				continue
			}
			h := heads[a]
			indeg[h]--
			if indeg[h] == 0 {
				q = append(q, h)
			}
		}
	}
	w.queue, w.newArcs, w.newFlow = q, newArcs, newFlow
	if int32(len(q)-1) != nodes {
		// A cycle: cannot happen with exact arithmetic (every kept arc
		// leads to a node whose longest label is at least its tail's, every
		// added arc to a strictly larger one). Keep the old bush.
		return
	}
	bu.arcs = refill(bu.arcs, newArcs)
	bu.flow = refill(bu.flow, newFlow)
}

// refill copies src into dst's storage, or into a new slice with an eighth
// more room when dst is too small: bushes grow a little at a time, and
// reallocating them all on every growth would leave the collector as much
// garbage as there are bushes. A bush that has shrunk to less than half its
// storage (Algorithm B's first iterations add many arcs that later lose
// their flow and are dropped) gets a smaller slice, so that a converged
// solution does not keep its early peak.
func refill[T any](dst, src []T) []T {
	if n := len(src); cap(dst) < n || cap(dst) > 2*n+64 {
		dst = make([]T, 0, n+n/8)
	}
	return append(dst[:0], src...)
}
