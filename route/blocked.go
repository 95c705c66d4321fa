package route

import (
	"sync"

	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
)

// blockedCache keeps the bitset of arcs out of service on a date when
// nothing is avoided or opened: most requests ask about the same few dates
// (today, mostly), and the bitset costs a pass over every arc and closure.
// Bitsets are shared read-only; callers copy them into their scratch.
type blockedCache struct {
	mu     sync.RWMutex
	byDate map[network.Date][]uint64
}

// maxCachedDates bounds the cache; when full it starts again.
const maxCachedDates = 64

// blocked writes into buf the bitset of arcs that c rules out, as
// graph.Graph.Blocked does, from the cache when c depends on its date only.
func (p *Planner) blocked(c *graph.Conditions, buf []uint64) ([]uint64, error) {
	if !c.DateOnly() {
		return p.g.Blocked(c, buf)
	}
	p.bc.mu.RLock()
	b, ok := p.bc.byDate[c.AsOf]
	p.bc.mu.RUnlock()
	if !ok {
		var err error
		if b, err = p.g.Blocked(c, nil); err != nil {
			return buf, err
		}
		p.bc.mu.Lock()
		if p.bc.byDate == nil || len(p.bc.byDate) >= maxCachedDates {
			p.bc.byDate = map[network.Date][]uint64{}
		}
		p.bc.byDate[c.AsOf] = b
		p.bc.mu.Unlock()
	}
	if cap(buf) < len(b) {
		buf = make([]uint64, len(b))
	}
	buf = buf[:len(b)]
	copy(buf, b)
	return buf, nil
}
