package service

import (
	"context"
	"slices"
	"testing"

	"github.com/caravan-transport/caravan"
)

// FuzzRouteVia feeds values of via to a route request: parsing never
// panics, a refusal is a caller's mistake (Invalid or NotFound) naming
// via, and what it accepts the planner plans through, each waypoint once
// and neither end, or refuses as NotFound (no route).
func FuzzRouteVia(f *testing.F) {
	s, err := New(context.Background(), Options{Now: fixed, CacheSize: 2, DB: ":memory:"})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	for _, v := range []string{"Kashgar,Osh", "اوش", "Torkham", "تورخم", "Osh,Osh", "Lanzhou", ",", " , Osh ,",
		"Jalalabad", "kg-osh,cn-kashgar,uz-tashkent", "a,b,c,d,e,f,g,h,i", "\xff", "Osh\x00"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, via string) {
		q, err := s.ParseRoute(Params{"from": "Lanzhou", "to": "Dushanbe", "as_of": "2026-11-21", "via": via})
		if err != nil {
			if k := caravan.KindOf(err); k != caravan.Invalid && k != caravan.NotFound {
				t.Fatalf("via %q: %v (kind %v), want invalid or not found", via, err, k)
			}
			if p := caravan.ParamOf(err); p != "via" {
				t.Fatalf("via %q: %v names %q, want via", via, err, p)
			}
			return
		}
		seen := map[string]bool{"cn-lanzhou": true, "tj-dushanbe": true}
		for _, wp := range q.Request.Via {
			for _, id := range wp {
				if seen[id] {
					t.Fatalf("via %q: accepted %s twice or as an end (%v)", via, id, q.Request.Via)
				}
				seen[id] = true
			}
		}
		if len(q.Request.Via) == 0 {
			return
		}
		res, err := s.Route(t.Context(), q)
		if err != nil {
			if caravan.KindOf(err) != caravan.NotFound {
				t.Fatalf("via %q: %v (kind %v), want a route or not found", via, err, caravan.KindOf(err))
			}
			return
		}
		k := 0
		for _, l := range res.Routes[0].Legs {
			if k < len(q.Request.Via) && slices.Contains(q.Request.Via[k], l.To.ID) {
				k++
			}
		}
		if k != len(q.Request.Via) {
			t.Fatalf("via %q: the route passes %d of %v", via, k, q.Request.Via)
		}
	})
}
