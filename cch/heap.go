package cch

// entry is a heap entry: a node and the key it was pushed with.
type entry struct {
	key  float64
	node int32
}

// minHeap is a 4-ary min-heap of entries. A search pushes a node again when
// its key improves and skips stale entries on pop (no decrease-key).
type minHeap struct {
	a []entry
}

func (h *minHeap) reset() { h.a = h.a[:0] }

func (h *minHeap) empty() bool { return len(h.a) == 0 }

// minKey returns the smallest key; the heap must not be empty.
func (h *minHeap) minKey() float64 { return h.a[0].key }

func (h *minHeap) push(key float64, node int32) {
	h.a = append(h.a, entry{key, node})
	a := h.a
	i := len(a) - 1
	for i > 0 {
		p := (i - 1) >> 2
		if a[p].key <= key {
			break
		}
		a[i] = a[p]
		i = p
	}
	a[i] = entry{key, node}
}

func (h *minHeap) pop() entry {
	a := h.a
	top := a[0]
	n := len(a) - 1
	last := a[n]
	h.a = a[:n]
	if n == 0 {
		return top
	}
	a = a[:n]
	i := 0
	for {
		c := i<<2 + 1
		if c >= n {
			break
		}
		m := c
		mk := a[c].key
		end := min(c+4, n)
		for j := c + 1; j < end; j++ {
			if a[j].key < mk {
				m, mk = j, a[j].key
			}
		}
		if mk >= last.key {
			break
		}
		a[i] = a[m]
		i = m
	}
	a[i] = last
	return top
}
