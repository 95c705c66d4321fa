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

// sharedShare recomputes from the legs the share of a's length on links
// that b also uses.
func sharedShare(a, b *route.Itinerary) float64 {
	inB := map[string]bool{}
	for _, l := range b.Legs {
		if l.Kind != "transfer" {
			inB[l.ID] = true
		}
	}
	var shared, total float64
	for _, l := range a.Legs {
		if l.Kind == "transfer" {
			continue
		}
		total += l.Km
		if inB[l.ID] {
			shared += l.Km
		}
	}
	return shared / math.Max(total, 1e-9)
}

func TestAlternativesMini(t *testing.T) {
	p := miniPlanner(t)
	alts, err := p.Alternatives(context.Background(), route.Request{From: "kz-almaty", To: "uz-termez", AsOf: date("2024-06-01")}, route.AltOptions{K: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(alts) != 2 {
		t.Fatalf("got %d alternatives, want 2 (road and rail)", len(alts))
	}
	if got, want := legIDs(alts[0].Itinerary), "almaty-saryagash-road saryagash-keles-road keles-tashkent-road tashkent-termez-road"; got != want {
		t.Errorf("best = %s, want %s", got, want)
	}
	if got, want := legIDs(alts[1].Itinerary), "almaty-saryagash-rail saryagash-keles-rail keles-tashkent-rail tashkent-termez-rail"; got != want {
		t.Errorf("second = %s, want %s", got, want)
	}
	if alts[1].Shared[0] != 0 || alts[1].Stretch <= 0 {
		t.Errorf("second shares %v and stretches %v", alts[1].Shared, alts[1].Stretch)
	}
}

func TestAlternativesProperties(t *testing.T) {
	ctx := context.Background()
	multi := 0
	for seed := uint64(1); seed <= 30; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 3))
			n, err := network.New(randomNetwork(rng))
			if err != nil {
				t.Fatal(err)
			}
			g, err := graph.Compile(n)
			if err != nil {
				t.Fatal(err)
			}
			p := route.New(g)
			places := n.Places()
			for range 8 {
				req := route.Request{From: places[rng.IntN(len(places))].ID, To: places[rng.IntN(len(places))].ID, AsOf: date("2024-01-01")}
				if req.From == req.To {
					continue
				}
				opt := route.AltOptions{K: 4, MaxShared: 0.4, MaxStretch: 0.8}
				alts, err := p.Alternatives(ctx, req, opt)
				if err != nil {
					continue // no route
				}
				best, err := p.Plan(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if math.Abs(alts[0].Total.Hours-best.Total.Hours) > 0.051 {
					t.Errorf("first alternative %v h, best route %v h", alts[0].Total.Hours, best.Total.Hours)
				}
				if len(alts) > 1 {
					multi++
				}
				for i, a := range alts {
					if a.Stretch > opt.MaxStretch+1e-9 {
						t.Errorf("alternative %d stretches %v > %v", i, a.Stretch, opt.MaxStretch)
					}
					for j := range i {
						s := sharedShare(a.Itinerary, alts[j].Itinerary)
						if s > opt.MaxShared+1e-6 {
							t.Errorf("alternative %d shares %.3f of its length with %d, over %v", i, s, j, opt.MaxShared)
						}
						if math.Abs(s-a.Shared[j]) > 2e-3 {
							t.Errorf("alternative %d reports shared %v with %d, legs say %v", i, a.Shared[j], j, s)
						}
					}
				}
			}
		})
	}
	if multi < 20 {
		t.Errorf("only %d requests had more than one alternative", multi)
	}
}
