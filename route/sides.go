package route

import (
	"context"
	"errors"
	"math"

	"github.com/caravan-transport/caravan"
)

// PlanSides plans r between any of the places from and any of the places
// to — the two sides of a border crossing that one name stands for
// (network.Network.CrossingSides) — and returns the itinerary of the pair
// that is best by r's criterion: a trip towards "Torkham" from Kabul ends
// on the Afghan side, one from Peshawar on the Pakistani side, and a trip
// from "Torkham" to Peshawar starts on the Pakistani side. r.From and r.To
// are ignored. Errors as Plan; when no pair has a route, the error of the
// first pair tried. O(|from|·|to|) searches.
func (p *Planner) PlanSides(ctx context.Context, r Request, from, to []string) (*Itinerary, error) {
	if len(from) == 0 || len(to) == 0 {
		return nil, caravan.Errorf(caravan.Invalid, "route.PlanSides", "no origin or no destination")
	}
	best, bestCost := -1, math.Inf(1)
	pairs := make([][2]string, 0, len(from)*len(to))
	for _, f := range from {
		for _, t := range to {
			if f == t {
				continue
			}
			pairs = append(pairs, [2]string{f, t})
		}
	}
	for i, pr := range pairs {
		q := r
		q.From, q.To = pr[0], pr[1]
		c, err := p.Cost(ctx, &q)
		if err != nil {
			return nil, err
		}
		if c < bestCost {
			best, bestCost = i, c
		}
	}
	if best < 0 {
		for _, pr := range pairs {
			q := r
			q.From, q.To = pr[0], pr[1]
			if _, err := p.Plan(ctx, q); err != nil {
				return nil, err
			}
		}
		return nil, errors.New("route.PlanSides: origin and destination are the same place")
	}
	r.From, r.To = pairs[best][0], pairs[best][1]
	return p.Plan(ctx, r)
}
