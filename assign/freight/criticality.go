package freight

import (
	"context"
	"runtime"
	"slices"
	"sort"
	"sync"
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
// parallel, one goroutine per CPU, each solving on one worker. Each run
// starts from fresh bushes (warm starts from the base solution are not
// implemented).
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
				opts := m.opts
				opts.Workers = 1
				opts.Conditions.AvoidLinks = append(append([]string(nil), m.opts.Conditions.AvoidLinks...), c.id)
				mm, err := Build(m.g, demand, opts)
				if err != nil {
					errs[i] = err
					continue
				}
				r, err := mm.Solve(ctx)
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
