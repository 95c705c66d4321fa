package ch

import (
	"context"
	"log/slog"
	"time"
)

// orderState is what node ordering keeps besides the contraction graph.
type orderState struct {
	c     *contractor
	level []int32 // 1 + the highest level of a contracted neighbour
	pq    *indexedHeap
}

// priority estimates how attractive contracting v is now (lower first):
// its level in the hierarchy so far, plus the shortcuts it would add per
// arc it removes, plus the same ratio counted in original arcs. The
// quotients keep the core from densifying; the level spreads contraction
// evenly so the hierarchy stays shallow.
func (o *orderState) priority(v int32) float64 {
	c := o.c
	removed := len(c.in[v]) + len(c.out[v])
	if removed == 0 {
		return float64(o.level[v])
	}
	removedHops := 0
	for _, e := range c.in[v] {
		removedHops += int(e.hops)
	}
	for _, e := range c.out[v] {
		removedHops += int(e.hops)
	}
	added, addedHops := c.shortcuts(v, false)
	return float64(o.level[v]) + float64(added)/float64(removed) + float64(addedHops)/float64(removedHops)
}

// order contracts every node of c, choosing each time the node of lowest
// priority (recomputed lazily: when a node reaches the top of the queue),
// and returns the contraction order.
func order(ctx context.Context, c *contractor, log *slog.Logger) ([]int32, error) {
	n := len(c.out)
	o := &orderState{c: c, level: make([]int32, n), pq: newIndexedHeap(n)}
	for v := range int32(n) {
		if v&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		o.pq.set(v, o.priority(v))
	}
	ord := make([]int32, 0, n)
	start := time.Now()
	for o.pq.len() > 0 {
		v := o.pq.peek()
		// Lazy update: if v's arcs changed since its key was computed,
		// recompute it and contract v only if it is still the smallest.
		if c.dirty[v] {
			c.dirty[v] = false
			if q := o.priority(v); q != o.pq.keys[v] {
				o.pq.set(v, q)
				if o.pq.peek() != v {
					continue
				}
			}
		}
		o.pq.pop()
		if len(ord)&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if log != nil && len(ord)&(1<<16-1) == 0 && len(ord) > 0 {
				log.Debug("ch: ordering", "contracted", len(ord), "of", n, "records", len(c.recs), "elapsed", time.Since(start))
			}
		}
		c.contract(v)
		ord = append(ord, v)
		// Raise the level of v's neighbours and mark them dirty. Their
		// priorities are recomputed only when they reach the top of the
		// queue: on the benchmark graphs that halves build time against
		// recomputing every neighbour now, for 2-5 % more shortcuts and
		// the same query speed.
		lv := o.level[v] + 1
		for _, list := range [2][]edge{c.in[v], c.out[v]} {
			for _, e := range list {
				o.level[e.node] = max(o.level[e.node], lv)
				c.dirty[e.node] = true
			}
		}
	}
	return ord, nil
}
