package csr

// item is a heap entry: a node and the key it was pushed with.
type item struct {
	key  float64
	node int32
}

// minHeap is a 4-ary min-heap of items keyed by float64. Entries are never
// updated in place: a search pushes a node again when its key improves and
// skips stale entries on pop, which is simpler and, on sparse graphs, faster
// than decrease-key.
type minHeap struct {
	a []item
}

func (h *minHeap) len() int { return len(h.a) }

func (h *minHeap) reset() { h.a = h.a[:0] }

func (h *minHeap) push(key float64, node int32) {
	h.a = append(h.a, item{key, node})
	i := len(h.a) - 1
	it := h.a[i]
	for i > 0 {
		p := (i - 1) >> 2
		if h.a[p].key <= it.key {
			break
		}
		h.a[i] = h.a[p]
		i = p
	}
	h.a[i] = it
}

func (h *minHeap) pop() item {
	top := h.a[0]
	n := len(h.a) - 1
	last := h.a[n]
	h.a = h.a[:n]
	if n == 0 {
		return top
	}
	i := 0
	for {
		c := i<<2 + 1
		if c >= n {
			break
		}
		m := c
		end := min(c+4, n)
		for j := c + 1; j < end; j++ {
			if h.a[j].key < h.a[m].key {
				m = j
			}
		}
		if h.a[m].key >= last.key {
			break
		}
		h.a[i] = h.a[m]
		i = m
	}
	h.a[i] = last
	return top
}
