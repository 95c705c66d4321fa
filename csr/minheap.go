package csr

// HeapEntry is an entry of a MinHeap: a node and the key it was pushed
// with.
type HeapEntry struct {
	Key  float64
	Node int32
}

// MinHeap is a 4-ary min-heap of entries for searches that push a node
// again when its key improves and skip stale entries on pop (no
// decrease-key). The zero value is an empty heap; Reset keeps the storage,
// so a searcher that reuses its heap allocates nothing after warm-up.
type MinHeap struct {
	a []HeapEntry
}

// Reset empties the heap.
func (h *MinHeap) Reset() { h.a = h.a[:0] }

// Empty reports whether the heap holds no entry.
func (h *MinHeap) Empty() bool { return len(h.a) == 0 }

// MinKey returns the smallest key; the heap must not be empty.
func (h *MinHeap) MinKey() float64 { return h.a[0].Key }

// Push adds node with key. O(log n).
func (h *MinHeap) Push(key float64, node int32) {
	h.a = append(h.a, HeapEntry{key, node})
	a := h.a
	i := len(a) - 1
	for i > 0 {
		p := (i - 1) >> 2
		if a[p].Key <= key {
			break
		}
		a[i] = a[p]
		i = p
	}
	a[i] = HeapEntry{key, node}
}

// Pop removes and returns an entry of smallest key; the heap must not be
// empty. O(log n).
func (h *MinHeap) Pop() HeapEntry {
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
		mk := a[c].Key
		end := min(c+4, n)
		for j := c + 1; j < end; j++ {
			if a[j].Key < mk {
				m, mk = j, a[j].Key
			}
		}
		if mk >= last.Key {
			break
		}
		a[i] = a[m]
		i = m
	}
	a[i] = last
	return top
}
