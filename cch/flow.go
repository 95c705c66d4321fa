package cch

// flowCut finds a small vertex separator between two node sets by maximum
// flow (inertial flow): the nodes of a subproblem are sorted along a
// direction, the first 30 % are the source side and the last 30 % the
// sink side, and every other node has capacity one. By Menger's theorem the
// maximum number of vertex-disjoint paths between the two sides equals the
// smallest set of nodes whose removal separates them. Dinic's algorithm
// finds it in O(√V · E) on such unit-capacity graphs. With classes
// (Options.Class) a node's capacity is its cost (see dissector.cost), 1 to
// 1 + the number of classes above the lowest, and the cut the cheapest.
type flowCut struct {
	// The split graph: node 0 is the source, 1 the sink, 2+2i and 3+2i the
	// in and out copies of the i-th inner node. Arcs come in pairs (a, a^1).
	first []int32
	next  []int32 // next arc of the same tail
	head  []int32
	cap   []int32
	level []int32
	reach []int32 // by rbfs
	iter  []int32
	queue []int32
	inner []int32 // graph node of inner index i
}

const capInf = 1 << 30

// flowSide is the share of the nodes, at each end of the direction, that
// form the source and the sink.
const flowSide = 0.3

// flowInnerMax bounds the inner nodes of one flow problem: in a part so
// large that 40 % of it would exceed it, the source and sink sides grow
// until the inner band in the middle of the direction holds this many
// nodes. The cut is then sought in that band only, which keeps a flow cut
// affordable on a 10M-node graph (its top-level band is 5 % of the nodes)
// where it is the smallest cuts of the large parts that keep the
// supergraph small; parts of up to 1.3M nodes are unaffected.
const flowInnerMax = 1 << 19

func (f *flowCut) reset(nodes int) {
	f.first = grow32(f.first, nodes)
	for i := range f.first {
		f.first[i] = -1
	}
	f.next, f.head, f.cap = f.next[:0], f.head[:0], f.cap[:0]
}

func grow32(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}

func (f *flowCut) arc(a, b, c int32) {
	f.head = append(f.head, b, a)
	f.cap = append(f.cap, c, 0)
	f.next = append(f.next, f.first[a], f.first[b])
	k := int32(len(f.head))
	f.first[a], f.first[b] = k-2, k-1
}

// separate computes a separator of the subproblem nodes (all marked id in
// d.mark) between the first and last 30 % of order: of the minimum cuts
// closest to the source and to the sink, the one of higher classes (sum),
// then the more balanced. It returns the separator and the nodes on the
// source side (without the separator), or ok false when the flow (the cost
// of the cut) exceeds limit (the straight cut is as good) or the two ends
// touch.
func (d *dissector) separate(order []int32, id int32, limit int) (sep, side []int32, ok bool) {
	f := &d.flow
	n := len(order)
	q := max(int(float64(n)*flowSide), (n-flowInnerMax)/2, 1)
	// role: 0 inner, 1 source, 2 sink; pos holds the inner index.
	const (
		inner = 0
		src   = 1
		snk   = 2
	)
	role := d.dist // reuse as scratch: role per node
	for i, v := range order {
		switch {
		case i < q:
			role[v] = src
		case i >= n-q:
			role[v] = snk
		default:
			role[v] = inner
		}
	}
	f.inner = f.inner[:0]
	for _, v := range order[q : n-q] {
		d.pos[v] = int32(len(f.inner))
		f.inner = append(f.inner, v)
	}
	f.reset(2 + 2*len(f.inner))
	in := func(v int32) int32 { return 2 + 2*d.pos[v] }
	for _, v := range order {
		rv := role[v]
		if rv == inner {
			f.arc(in(v), in(v)+1, d.cost(v))
		}
		for _, w := range d.u.adj[d.u.off[v]:d.u.off[v+1]] {
			if d.mark[w] != id {
				continue
			}
			rw := role[w]
			switch {
			case rv == src && rw == snk:
				return nil, nil, false
			case rv == src && rw == inner:
				f.arc(0, in(w), capInf)
			case rv == inner && rw == snk:
				f.arc(in(v)+1, 1, capInf)
			case rv == inner && rw == inner:
				f.arc(in(v)+1, in(w), capInf) // the reverse direction comes from w's list
			}
		}
	}
	flow := 0
	for flow <= limit && f.bfs() {
		f.iter = grow32(f.iter, len(f.first))
		copy(f.iter, f.first)
		for flow <= limit {
			pushed := f.dfs(0, capInf)
			if pushed == 0 {
				break
			}
			flow += int(pushed)
		}
	}
	if flow > limit || flow == 0 {
		return nil, nil, false
	}
	// Two minimum cuts: the one closest to the source (the nodes the source
	// reaches in the residual graph) and the one closest to the sink (the
	// nodes that reach the sink). The separator of each is the inner nodes
	// whose in copy is on the source side and out copy on the sink side;
	// the one of higher classes, then the more balanced of the two wins.
	f.bfs()
	f.rbfs()
	var sideR, sideT, sepR, sepT int
	for i := range f.inner {
		if f.level[3+2*i] >= 0 {
			sideR++
		} else if f.level[2+2*i] >= 0 {
			sepR++
		}
		if f.reach[2+2*i] < 0 {
			if f.reach[3+2*i] < 0 {
				sideT++
			} else {
				sepT++
			}
		}
	}
	restR, restT := n-2*q-sepR, n-2*q-sepT // inner nodes outside each separator
	towardSink := min(sideT, restT-sideT) > min(sideR, restR-sideR)
	if d.class != nil {
		// Both cuts are minimum; with classes the one of higher classes wins.
		var classR, classT int
		for i, v := range f.inner {
			if f.level[2+2*i] >= 0 && f.level[3+2*i] < 0 {
				classR += int(d.class[v])
			}
			if f.reach[2+2*i] < 0 && f.reach[3+2*i] >= 0 {
				classT += int(d.class[v])
			}
		}
		if classR != classT {
			towardSink = classT > classR
		}
	}
	for i, v := range f.inner {
		if towardSink {
			inT, outT := f.reach[2+2*i] >= 0, f.reach[3+2*i] >= 0
			switch {
			case !inT && outT:
				sep = append(sep, v)
			case !inT:
				side = append(side, v)
			}
			continue
		}
		inR, outR := f.level[2+2*i] >= 0, f.level[3+2*i] >= 0
		switch {
		case inR && !outR:
			sep = append(sep, v)
		case outR:
			side = append(side, v)
		}
	}
	side = append(side, order[:q]...)
	return sep, side, true
}

// rbfs marks in f.reach (≥ 0) the nodes that reach the sink over arcs with
// capacity left.
func (f *flowCut) rbfs() {
	f.reach = grow32(f.reach, len(f.first))
	for i := range f.reach {
		f.reach[i] = -1
	}
	f.reach[1] = 0
	q := append(f.queue[:0], 1)
	for i := 0; i < len(q); i++ {
		y := q[i]
		for b := f.first[y]; b >= 0; b = f.next[b] {
			// b runs y → x; its pair b^1 runs x → y.
			if x := f.head[b]; f.cap[b^1] > 0 && f.reach[x] < 0 {
				f.reach[x] = 0
				q = append(q, x)
			}
		}
	}
	f.queue = q
}

// bfs labels levels from the source over arcs with capacity left and
// reports whether the sink is reached.
func (f *flowCut) bfs() bool {
	f.level = grow32(f.level, len(f.first))
	for i := range f.level {
		f.level[i] = -1
	}
	f.level[0] = 0
	q := append(f.queue[:0], 0)
	for i := 0; i < len(q); i++ {
		x := q[i]
		for a := f.first[x]; a >= 0; a = f.next[a] {
			if y := f.head[a]; f.cap[a] > 0 && f.level[y] < 0 {
				f.level[y] = f.level[x] + 1
				q = append(q, y)
			}
		}
	}
	f.queue = q
	return f.level[1] >= 0
}

// dfs pushes up to limit units from x towards the sink along the level
// graph, advancing each node's current arc past dead ends. It is
// iterative: paths can be as long as the subproblem is wide.
func (f *flowCut) dfs(x, limit int32) int32 {
	// One augmenting path at a time (capacities on inner nodes are small:
	// 1, or a node's cost with classes).
	path := f.queue[:0]
	for {
		if x == 1 {
			// Augment along path by the bottleneck.
			push := limit
			for _, a := range path {
				push = min(push, f.cap[a])
			}
			for _, a := range path {
				f.cap[a] -= push
				f.cap[a^1] += push
			}
			f.queue = path
			return push
		}
		advanced := false
		for ; f.iter[x] >= 0; f.iter[x] = f.next[f.iter[x]] {
			a := f.iter[x]
			if y := f.head[a]; f.cap[a] > 0 && f.level[y] == f.level[x]+1 {
				path = append(path, a)
				x = y
				advanced = true
				break
			}
		}
		if advanced {
			continue
		}
		// Dead end: retreat.
		f.level[x] = -1 // prune x for the rest of the phase
		if len(path) == 0 {
			f.queue = path
			return 0
		}
		a := path[len(path)-1]
		path = path[:len(path)-1]
		x = f.head[a^1]
		f.iter[x] = f.next[f.iter[x]]
	}
}
