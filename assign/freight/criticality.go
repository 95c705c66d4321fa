package freight

import (
	"context"

	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/caravan-transport/caravan/assign"
	"github.com/caravan-transport/caravan/graph"
)

// Impact is what closing one link or crossing (both directions) does to the
// equilibrium.
type Impact struct {
	ID   string `json:"id"`
	Kind string `json:"kind"` // link or crossing
	Name string `json:"name,omitempty"`
	// BaseTonnes is the freight it carried in the base equilibrium (both
	// directions).
	BaseTonnes float64 `json:"base_tonnes_per_year"`
	// ExtraCost is the rise in total generalized cost of the freight still
	// served, USD a year; Unserved the freight left without a path.
	ExtraCost float64 `json:"extra_cost_usd"`
	Unserved  float64 `json:"unserved_tonnes_per_year"`
}

// Criticality closes, one at a time, every link and crossing that carries
// freight in base (the Result of m.Solve), re-solves, and returns the
// impacts ranked by unserved tonnes, then by extra cost. With kinds ("link",
// "crossing") it closes only elements of those kinds. The runs go in
// parallel, one goroutine per CPU, each solving on one worker. A closure
// that leaves every served pair a path is solved warm, from the base
// solution's bushes, with the element's links made dearer than any detour
// (assign.Network.WithSurcharge); one that cuts a pair off, or whose warm
// solution still routes freight over the element, is solved from scratch on
// the network without it.
func (m *Model) Criticality(ctx context.Context, demand []Demand, base *Result, kinds ...string) ([]Impact, error) {
	type cand struct {
		id, kind, name string
		tonnes         float64
	}
	byID := map[string]int{}
	var cands []cand
	for _, f := range base.Flows {
		if f.Kind != "link" && f.Kind != "crossing" {
			continue
		}
		if len(kinds) > 0 && !slices.Contains(kinds, f.Kind) {
			continue
		}
		i, ok := byID[f.ID]
		if !ok {
			i = len(cands)
			byID[f.ID] = i
			cands = append(cands, cand{id: f.ID, kind: f.Kind, name: f.Name})
		}
		cands[i].tonnes += f.Tonnes
	}
	out := make([]Impact, len(cands))
	errs := make([]error, len(cands))
	var wg sync.WaitGroup
	jobs := make(chan int)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range jobs {
				c := cands[i]
				r, err := m.closed(ctx, demand, base, c.id)
				if err != nil {
					errs[i] = err
					continue
				}
				out[i] = Impact{ID: c.id, Kind: c.kind, Name: c.name, BaseTonnes: c.tonnes,
					ExtraCost: r.TotalCost - base.TotalCost + servedCost(base, r), Unserved: r.UnservedTonne - base.UnservedTonne}
			}
		})
	}
	for i := range cands {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Unserved != out[j].Unserved {
			return out[i].Unserved > out[j].Unserved
		}
		if out[i].ExtraCost != out[j].ExtraCost {
			return out[i].ExtraCost > out[j].ExtraCost
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// closed returns the equilibrium with element id (a link or crossing, both
// directions) closed: warm from base when the closure cuts off no served
// pair, from scratch otherwise.
func (m *Model) closed(ctx context.Context, demand []Demand, base *Result, id string) (*Result, error) {
	var idx []int
	for i, a := range m.arcOf {
		if a >= 0 && m.elementID(a) == id {
			idx = append(idx, i)
		}
	}
	if base.eq != nil && len(idx) > 0 && m.servesWithout(idx) {
		if r, ok, err := m.solveWarm(ctx, base, idx); err != nil || ok {
			return r, err
		}
	}
	opts := m.opts
	opts.Workers = 1
	opts.Conditions.AvoidLinks = append(slices.Clip(m.opts.Conditions.AvoidLinks), id)
	mm, err := Build(m.g, demand, opts)
	if err != nil {
		return nil, err
	}
	return mm.Solve(ctx)
}

// elementID is the link or crossing id of graph arc a, "" for other arcs.
func (m *Model) elementID(a int32) string {
	switch m.g.Arc(a).Kind {
	case graph.LinkArc, graph.CrossingArc:
		return m.g.Link(a).ID
	}
	return ""
}

// servesWithout reports whether every served pair keeps a path when the
// assignment links idx are removed.
func (m *Model) servesWithout(idx []int) bool {
	links := make([]assign.Link, 0, len(m.links))
	for i, l := range m.links {
		if !slices.Contains(idx, i) {
			links = append(links, l)
		}
	}
	reach, err := reachable(m.net.Nodes(), m.net.Zones(), links)
	if err != nil {
		return false
	}
	for _, od := range m.dem.ODs() {
		if !reach[od.From][od.To] {
			return false
		}
	}
	return true
}

// solveWarm re-solves with links idx surcharged beyond any detour, starting
// from base's bushes. ok is false when freight still uses them (congestion
// made every detour dearer than the surcharge): the caller then removes
// them and solves from scratch.
func (m *Model) solveWarm(ctx context.Context, base *Result, idx []int) (*Result, bool, error) {
	net, err := m.net.WithSurcharge(idx, 10*m.freeFlowSum)
	if err != nil {
		return nil, false, err
	}
	opts := m.assignOptions()
	opts.Workers, opts.Warm, opts.KeepBushes = 1, base.eq, false
	r, err := assign.Solve(ctx, net, m.dem, opts)
	if err != nil {
		return nil, false, err
	}
	for _, i := range idx {
		if r.Flow[i] > 1e-9*base.DemandTonnes {
			return nil, false, nil
		}
		// What is left (rounding) is not freight: take it out of the
		// totals rather than let the surcharge count.
		r.TSTT -= r.Flow[i] * r.Cost[i]
		r.Flow[i] = 0
	}
	res := &Result{Unserved: base.Unserved, UnservedTonne: base.UnservedTonne, DemandTonnes: base.DemandTonnes}
	m.fill(res, r)
	return res, true, nil
}

// servedCost corrects the comparison when a closure leaves freight without
// a path: that freight's cost in the base solution (its share of the base
// total, at its pairs' average cost) is taken out of the base, so ExtraCost
// compares the same freight. It returns 0 when nothing became unserved.
func servedCost(base, r *Result) float64 {
	lost := r.UnservedTonne - base.UnservedTonne
	if lost <= 0 || base.DemandTonnes <= 0 {
		return 0
	}
	return base.TotalCost * lost / base.DemandTonnes
}
