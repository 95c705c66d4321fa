package ch

// indexedHeap is a binary min-heap of nodes 0..n-1 keyed by float64, with
// the position of every node so keys can change in place. Ties break by
// node number so the order is deterministic.
type indexedHeap struct {
	nodes []int32
	keys  []float64 // by node
	pos   []int32   // by node; -1 when absent
}

func newIndexedHeap(n int) *indexedHeap {
	h := &indexedHeap{nodes: make([]int32, 0, n), keys: make([]float64, n), pos: make([]int32, n)}
	for i := range h.pos {
		h.pos[i] = -1
	}
	return h
}

func (h *indexedHeap) len() int { return len(h.nodes) }

func (h *indexedHeap) less(a, b int32) bool {
	ka, kb := h.keys[a], h.keys[b]
	return ka < kb || (ka == kb && a < b)
}

// set inserts v with key k or changes its key.
func (h *indexedHeap) set(v int32, k float64) {
	if h.pos[v] < 0 {
		h.keys[v] = k
		h.pos[v] = int32(len(h.nodes))
		h.nodes = append(h.nodes, v)
		h.up(int(h.pos[v]))
		return
	}
	old := h.keys[v]
	h.keys[v] = k
	if k < old {
		h.up(int(h.pos[v]))
	} else {
		h.down(int(h.pos[v]))
	}
}

// peek returns the node with the smallest key; the heap must not be empty.
func (h *indexedHeap) peek() int32 { return h.nodes[0] }

// pop removes and returns the node with the smallest key.
func (h *indexedHeap) pop() int32 {
	v := h.nodes[0]
	n := len(h.nodes) - 1
	h.swap(0, n)
	h.nodes = h.nodes[:n]
	h.pos[v] = -1
	if n > 0 {
		h.down(0)
	}
	return v
}

func (h *indexedHeap) swap(i, j int) {
	h.nodes[i], h.nodes[j] = h.nodes[j], h.nodes[i]
	h.pos[h.nodes[i]] = int32(i)
	h.pos[h.nodes[j]] = int32(j)
}

func (h *indexedHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(h.nodes[i], h.nodes[p]) {
			return
		}
		h.swap(i, p)
		i = p
	}
}

func (h *indexedHeap) down(i int) {
	n := len(h.nodes)
	for {
		c := 2*i + 1
		if c >= n {
			return
		}
		if c+1 < n && h.less(h.nodes[c+1], h.nodes[c]) {
			c++
		}
		if !h.less(h.nodes[c], h.nodes[i]) {
			return
		}
		h.swap(i, c)
		i = c
	}
}
