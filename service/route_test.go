package service

import (
	"context"
	"slices"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
)

// FuzzRouteVia feeds values of via and leg_modes to a route request:
// parsing never panics, a refusal is a caller's mistake (Invalid or
// NotFound) naming via or leg_modes, and what it accepts the planner
// plans through, each waypoint once and neither end, each leg in its
// modes, or refuses as NotFound (no route).
func FuzzRouteVia(f *testing.F) {
	s, err := New(context.Background(), Options{Now: fixed, CacheSize: 2, DB: ":memory:"})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	for _, v := range []string{"Kashgar,Osh", "اوش", "Torkham", "تورخم", "Osh,Osh", "Lanzhou", ",", " , Osh ,",
		"Jalalabad", "kg-osh,cn-kashgar,uz-tashkent", "a,b,c,d,e,f,g,h,i", "\xff", "Osh\x00"} {
		f.Add(v, "")
	}
	for _, v := range [][2]string{{"Kashgar,Osh", "rail/road/rail"}, {"Kashgar,Osh", "rail/road"}, {"Osh", "road//"},
		{"Osh", "rail,road/ROAD"}, {"", "rail"}, {"Kashgar", "camel/rail"}, {"Kashgar", " / "}, {"Osh", "ferry/air"}, {"Osh", "rail/\xff"}} {
		f.Add(v[0], v[1])
	}
	f.Fuzz(func(t *testing.T, via, legModes string) {
		q, err := s.ParseRoute(Params{"from": "Lanzhou", "to": "Dushanbe", "as_of": "2026-11-21", "via": via, "leg_modes": legModes})
		if err != nil {
			if k := caravan.KindOf(err); k != caravan.Invalid && k != caravan.NotFound {
				t.Fatalf("via %q leg_modes %q: %v (kind %v), want invalid or not found", via, legModes, err, k)
			}
			if p := caravan.ParamOf(err); p != "via" && p != "leg_modes" {
				t.Fatalf("via %q leg_modes %q: %v names %q, want via or leg_modes", via, legModes, err, p)
			}
			return
		}
		if legs := q.Request.LegModes; len(legs) > 0 && len(legs) != len(q.Request.Via)+1 {
			t.Fatalf("via %q leg_modes %q: accepted %d legs for %d waypoints", via, legModes, len(legs), len(q.Request.Via))
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
			mode := l.Mode
			if l.Kind == "transfer" {
				mode = l.ToMode
			}
			if legs := q.Request.LegModes; len(legs) > 0 && len(legs[k]) > 0 && !slices.ContainsFunc(legs[k], func(m network.Mode) bool { return m.String() == mode }) {
				t.Fatalf("via %q leg_modes %q: step %s by %s in leg %d", via, legModes, l.ID, mode, k+1)
			}
			if k < len(q.Request.Via) && l.Kind != "transfer" && slices.Contains(q.Request.Via[k], l.To.ID) {
				k++
			}
		}
		if k != len(q.Request.Via) {
			t.Fatalf("via %q: the route passes %d of %v", via, k, q.Request.Via)
		}
	})
}
