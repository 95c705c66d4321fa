package csr

import (
	"math"
	"math/bits"
)

// item is a queue entry: a node and the bucketing key (radixHeap.bits) it
// was pushed with.
type item struct {
	k    uint64
	node int32
}

// radixHeap is a monotone priority queue: every key pushed must be at least
// the last key popped, which Dijkstra's algorithm guarantees for
// non-negative arc weights. Keys are bucketed by the highest bit in which
// their IEEE-754 representation (offset by base, so that it is ≥ 0 and
// ordered like the key) differs from the last key popped; a pop scans at
// most 65 buckets and moves each entry down a bucket at a time, so an entry
// is touched a few times in all instead of log(n) times, and the work has
// few mispredicted branches. A bit mask of the non-empty buckets finds the
// next one in one instruction. Entries are never updated in place: a search
// pushes a node again when its key improves and skips stale entries on pop.
type radixHeap struct {
	buckets [65][]item
	full    uint64  // bit i-1 set: buckets[i] is not empty (i ≥ 1)
	last    uint64  // bits of the last key popped (offset by base)
	base    float64 // subtracted from keys before bucketing; ≤ every key
	n       int
}

// reset empties the heap for keys that are all ≥ base.
func (h *radixHeap) reset(base float64) {
	for i := range h.buckets {
		h.buckets[i] = h.buckets[i][:0]
	}
	h.last, h.n, h.full = 0, 0, 0
	h.base = base
	if base == 0 {
		h.base = 0 // turn -0 into +0
	}
}

func (h *radixHeap) len() int { return h.n }

// bits returns the bucketing key of k: its offset from base as ordered bits.
func (h *radixHeap) bits(k float64) uint64 {
	d := k - h.base
	if d <= 0 {
		return 0 // also -0
	}
	return math.Float64bits(d)
}

func (h *radixHeap) push(key float64, node int32) {
	k := h.bits(key)
	b := bits.Len64(k ^ h.last)
	h.buckets[b] = append(h.buckets[b], item{k, node})
	if b > 0 {
		h.full |= 1 << (b - 1)
	}
	h.n++
}

// pop removes and returns an entry of smallest key; the heap must not be
// empty. The entry is stale if its k exceeds bits of the node's distance.
func (h *radixHeap) pop() item {
	if len(h.buckets[0]) == 0 {
		i := bits.TrailingZeros64(h.full) + 1
		h.full &^= 1 << (i - 1)
		bucket := h.buckets[i]
		m := bucket[0].k
		for _, it := range bucket[1:] {
			m = min(m, it.k)
		}
		h.last = m
		for _, it := range bucket {
			b := bits.Len64(it.k ^ m) // < i
			h.buckets[b] = append(h.buckets[b], it)
			if b > 0 {
				h.full |= 1 << (b - 1)
			}
		}
		h.buckets[i] = bucket[:0]
	}
	b0 := h.buckets[0]
	it := b0[len(b0)-1]
	h.buckets[0] = b0[:len(b0)-1]
	h.n--
	return it
}
