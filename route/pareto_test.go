package route_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

type crit5 [5]float64

func totals(it *route.Itinerary) crit5 {
	t := it.Total
	return crit5{t.Hours, t.USD, t.KgCO2, float64(t.Borders), t.Risk}
}

// close5 compares two vectors at the rounding of itinerary totals.
func close5(a, b crit5) bool {
	tol := crit5{0.11, 1.1, 1.1, 0.1, 2e-4}
	for i := range a {
		if math.Abs(a[i]-b[i]) > tol[i] {
			return false
		}
	}
	return true
}

func dominates5(a, b crit5) bool {
	better := false
	for i := range a {
		if a[i] > b[i]+1e-9 {
			return false
		}
		if a[i] < b[i]-1e-9 {
			better = true
		}
	}
	return better
}

// bruteFront enumerates every simple path between the two places in the
// compiled graph and returns the criteria of the non-dominated ones.
func bruteFront(g *graph.Graph, from, to int32, blocked []uint64, s graph.Shipment, asOf network.Date) []crit5 {
	var all []crit5
	dst := g.Arrival(to)
	onPath := make([]bool, len(g.States))
	var dfs func(v int32, c crit5)
	dfs = func(v int32, c crit5) {
		if v == dst {
			all = append(all, c)
			return
		}
		onPath[v] = true
		for a := g.CSR.Offsets[v]; a < g.CSR.Offsets[v+1]; a++ {
			if blocked[a/64]&(1<<(uint(a)%64)) != 0 || onPath[g.CSR.Heads[a]] {
				continue
			}
			ac := g.ArcCost(a, s)
			dfs(g.CSR.Heads[a], crit5{c[0] + ac.Hours, c[1] + ac.USD, c[2] + ac.KgCO2, c[3] + float64(ac.Borders), c[4] + g.Risk(a, int32(asOf))})
		}
		onPath[v] = false
	}
	for _, v := range g.PlaceNodes(from) {
		if g.States[v].Mode != 0 {
			dfs(v, crit5{})
		}
	}
	var front []crit5
	for i, a := range all {
		dominated := false
		for j, b := range all {
			if j != i && (dominates5(b, a) || (b == a && j < i)) {
				dominated = true
				break
			}
		}
		if !dominated {
			front = append(front, a)
		}
	}
	return front
}

func TestParetoMatchesBruteForce(t *testing.T) {
	ctx := context.Background()
	checked := 0
	for seed := uint64(1); seed <= 40; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 11))
			d := randomNetwork(rng)
			if len(d.Places) > 9 { // keep the enumeration small
				d = shrink(d, 9)
			}
			n, err := network.New(d)
			if err != nil {
				t.Fatal(err)
			}
			g, err := graph.Compile(n)
			if err != nil {
				t.Fatal(err)
			}
			p := route.New(g)
			for range 6 {
				fi, ti := rng.IntN(len(d.Places)), rng.IntN(len(d.Places))
				if fi == ti {
					continue
				}
				asOf := network.MakeDate(2023, 6, 1)
				req := route.Request{From: d.Places[fi].ID, To: d.Places[ti].ID, AsOf: asOf, TEU: 1}
				front, err := p.Pareto(ctx, req, route.ParetoOptions{MaxLabels: 1000})
				cond := graph.Conditions{AsOf: asOf}
				blocked, _ := g.Blocked(&cond, nil)
				want := bruteFront(g, int32(fi), int32(ti), blocked, graph.Shipment{TEU: 1, Tonnes: 12}, asOf)
				if len(want) == 0 {
					if err == nil {
						t.Fatalf("%s→%s: front of %d routes, brute force finds none", req.From, req.To, len(front.Routes))
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s→%s: %v", req.From, req.To, err)
				}
				if front.Truncated {
					t.Fatalf("front truncated with MaxLabels 1000")
				}
				checked++
				got := make([]crit5, len(front.Routes))
				for i, it := range front.Routes {
					got[i] = totals(it)
				}
				for i, a := range got {
					for j, b := range got {
						if i != j && dominates5(b, a) && !close5(a, b) {
							t.Errorf("route %d %v is dominated by route %d %v", i, a, j, b)
						}
					}
				}
				for _, w := range want {
					found := false
					for _, x := range got {
						found = found || close5(w, x)
					}
					if !found {
						t.Errorf("%s→%s: non-dominated %v missing from the front %v", req.From, req.To, w, got)
					}
				}
				if len(got) != len(want) {
					t.Errorf("%s→%s: front has %d routes, brute force %d", req.From, req.To, len(got), len(want))
				}
				// The single-criterion optima are on the front.
				for _, by := range []route.Criterion{route.Time, route.Cost, route.CO2} {
					req.By = by
					it, err := p.Plan(ctx, req)
					if err != nil {
						t.Fatal(err)
					}
					opt := totals(it)
					k := map[route.Criterion]int{route.Time: 0, route.Cost: 1, route.CO2: 2}[by]
					best := math.Inf(1)
					for _, x := range got {
						best = min(best, x[k])
					}
					if math.Abs(best-opt[k]) > 1.1 {
						t.Errorf("%s optimum %v, best on the front %v", by, opt[k], best)
					}
				}
			}
		})
	}
	if checked < 50 {
		t.Errorf("only %d fronts checked", checked)
	}
}

// shrink keeps the first k places of d and what refers only to them.
func shrink(d network.Data, k int) network.Data {
	keep := map[string]bool{}
	for _, p := range d.Places[:k] {
		keep[p.ID] = true
	}
	d.Places = d.Places[:k]
	var links []network.Link
	for _, l := range d.Links {
		if keep[l.From] && keep[l.To] {
			links = append(links, l)
		}
	}
	d.Links = links
	var transfers []network.Transfer
	for _, t := range d.Transfers {
		if keep[t.Place] {
			transfers = append(transfers, t)
		}
	}
	d.Transfers = transfers
	linkIDs := map[string]bool{}
	for _, l := range links {
		linkIDs[l.ID] = true
	}
	var closures []network.Closure
	for _, c := range d.Closures {
		if linkIDs[c.Target] {
			closures = append(closures, c)
		}
	}
	d.Closures = closures
	return d
}
