package service

import (
	"context"
	"maps"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/route"
	"github.com/caravan-transport/caravan/scenario"
)

var fixed = func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) }

func newTestService(t *testing.T, cache int) *Service {
	t.Helper()
	s, err := New(t.Context(), Options{Now: fixed, CacheSize: cache, DB: ":memory:"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestParseRoute checks each parameter once: a mistake is Invalid (or
// NotFound for a name) and names its parameter.
func TestParseRoute(t *testing.T) {
	s := newTestService(t, 4)
	base := func(kv ...string) Params {
		p := Params{"from": "Almaty", "to": "Tehran"}
		for i := 0; i+1 < len(kv); i += 2 {
			p[kv[i]] = kv[i+1]
		}
		return p
	}
	for _, tt := range []struct {
		name  string
		p     Params
		kind  caravan.Kind // 0 (Internal) means no error wanted
		param string
	}{
		{"ok", base(), 0, ""},
		{"ok every parameter", base("as_of", "2025-06-01", "by", "cost", "teu", "2", "avoid", "TM,ferry", "modes", "rail,road",
			"open", "trans-afghan-railway", "risk_penalty", "10", "value", "5000", "alternatives", "3", "max_shared", "0.4", "rail_service", "wagonload", "tir", "true"), 0, ""},
		{"bad rail service", base("rail_service", "express"), caravan.Invalid, "rail_service"},
		{"tir not a boolean", base("tir", "carnet"), caravan.Invalid, "tir"},
		{"missing from", Params{"to": "Tehran"}, caravan.Invalid, "from"},
		{"same place", base("to", "kz-almaty"), caravan.Invalid, "to"},
		{"NaN teu", base("teu", "NaN"), caravan.Invalid, "teu"},
		{"negative tonnes", base("tonnes", "-1"), caravan.Invalid, "tonnes"},
		{"huge tonnes", base("tonnes", "1e308"), caravan.Invalid, "tonnes"},
		{"+Inf value", base("value", "+Inf"), caravan.Invalid, "value"},
		{"risk penalty text", base("risk_penalty", "high"), caravan.Invalid, "risk_penalty"},
		{"max_shared above 1", base("alternatives", "2", "max_shared", "1.5"), caravan.Invalid, "max_shared"},
		{"alternatives over the cap", base("alternatives", "9"), caravan.Invalid, "alternatives"},
		{"alternatives not whole", base("alternatives", "2.5"), caravan.Invalid, "alternatives"},
		{"pareto and alternatives", base("pareto", "true", "alternatives", "2"), caravan.Invalid, "alternatives"},
		{"pareto not a boolean", base("pareto", "maybe"), caravan.Invalid, "pareto"},
		{"bad date", base("as_of", "2026-02-30"), caravan.Invalid, "as_of"},
		{"bad criterion", base("by", "fastest"), caravan.Invalid, "by"},
		{"bad mode", base("modes", "rail,camel"), caravan.Invalid, "modes"},
		{"empty avoid list", base("avoid", " , "), caravan.Invalid, "avoid"},
		{"unknown avoid", base("avoid", "Atlantis"), caravan.NotFound, "avoid"},
		{"unknown project", base("open", "atlantis-railway"), caravan.NotFound, "open"},
		{"unknown place", base("from", "Atlantis"), caravan.NotFound, "from"},
		{"ok via", base("via", "Tashkent, Ashgabat"), 0, ""},
		{"ok via in Persian", base("via", "تاشکند"), 0, ""},
		{"ok via a border name", base("via", "Sarakhs"), 0, ""},
		{"unknown via", base("via", "Tashkent,Atlantis"), caravan.NotFound, "via"},
		{"ambiguous via", base("via", "Jalalabad"), caravan.Invalid, "via"},
		{"via the origin", base("via", "almaty"), caravan.Invalid, "via"},
		{"via the destination", base("via", "تهران"), caravan.Invalid, "via"},
		{"via twice", base("via", "Tashkent,uz-tashkent"), caravan.Invalid, "via"},
		{"via an avoided country", base("via", "Tashkent", "avoid", "UZ"), caravan.Invalid, "via"},
		{"via an avoided place", base("via", "Tashkent", "avoid", "Tashkent"), caravan.Invalid, "via"},
		{"via an avoided crossing", base("via", "Sarakhs", "avoid", "Sarakhs"), caravan.Invalid, "via"},
		{"empty via list", base("via", ","), caravan.Invalid, "via"},
		{"too many waypoints", base("via", "a,b,c,d,e,f,g,h,i"), caravan.Invalid, "via"},
		{"ok leg modes", base("via", "Tashkent", "leg_modes", "rail/road"), 0, ""},
		{"ok leg modes with an empty leg", base("via", "Tashkent, Ashgabat", "leg_modes", "rail//ROAD , rail"), 0, ""},
		{"ok leg modes within modes", base("via", "Tashkent", "leg_modes", "rail,road/rail", "modes", "rail,ferry"), 0, ""},
		{"leg modes without via", base("leg_modes", "rail"), caravan.Invalid, "leg_modes"},
		{"leg modes too few legs", base("via", "Tashkent", "leg_modes", "rail"), caravan.Invalid, "leg_modes"},
		{"leg modes too many legs", base("via", "Tashkent", "leg_modes", "rail/road/rail"), caravan.Invalid, "leg_modes"},
		{"leg modes unknown mode", base("via", "Tashkent", "leg_modes", "rail/camel"), caravan.Invalid, "leg_modes"},
		{"leg modes outside modes", base("via", "Tashkent", "leg_modes", "rail/road", "modes", "rail"), caravan.Invalid, "leg_modes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ParseRoute(tt.p)
			if tt.kind == 0 {
				if err != nil {
					t.Fatalf("ParseRoute: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("ParseRoute: no error")
			}
			if k := caravan.KindOf(err); k != tt.kind {
				t.Errorf("kind %v, want %v (%v)", k, tt.kind, err)
			}
			if p := caravan.ParamOf(err); p != tt.param {
				t.Errorf("param %q, want %q (%v)", p, tt.param, err)
			}
		})
	}
}

// TestShipmentOptions: what a shipment books reaches the planner and the
// answer says so: a wagonload trip by rail is slower than a block train's,
// and trucks under TIR cross road borders faster than without.
func TestShipmentOptions(t *testing.T) {
	s := newTestService(t, 4)
	for _, tt := range []struct {
		name       string
		base       Params
		param      string
		slow, fast string
		says       func(it *route.Itinerary, value string) bool
	}{
		{"rail service", Params{"from": "kz-almaty", "to": "uz-tashkent", "modes": "rail"}, "rail_service", "wagonload", "block",
			func(it *route.Itinerary, v string) bool { return it.RailService == v }},
		{"tir", Params{"from": "Kabul", "to": "Karachi", "modes": "road"}, "tir", "false", "true",
			func(it *route.Itinerary, v string) bool { return it.TIR == (v == "true") && it.Total.Borders > 0 }},
	} {
		hours := map[string]float64{}
		for _, v := range []string{tt.slow, tt.fast} {
			p := maps.Clone(tt.base)
			p[tt.param] = v
			q, err := s.ParseRoute(p)
			if err != nil {
				t.Fatal(err)
			}
			res, err := s.Route(t.Context(), q)
			if err != nil {
				t.Fatal(err)
			}
			it := res.Routes[0].Itinerary
			if !tt.says(it, v) {
				t.Errorf("%s=%s: the itinerary says rail service %q, TIR %v, %d borders", tt.param, v, it.RailService, it.TIR, it.Total.Borders)
			}
			hours[v] = it.Total.Hours
		}
		if !(hours[tt.slow] > hours[tt.fast]) {
			t.Errorf("%s: %s takes %v h, %s %v h: want %s slower", tt.name, tt.slow, hours[tt.slow], tt.fast, hours[tt.fast], tt.slow)
		}
	}
}

func TestParamsFromQuery(t *testing.T) {
	if _, err := ParamsFromQuery(url.Values{"from": {"a", "b"}}, "from"); caravan.ParamOf(err) != "from" {
		t.Errorf("repeated parameter: %v", err)
	}
	if _, err := ParamsFromQuery(url.Values{"form": {"a"}}, "from"); caravan.ParamOf(err) != "form" {
		t.Errorf("unknown parameter: %v", err)
	}
	p, err := ParamsFromQuery(url.Values{"from": {"Kabul"}}, "from", "to")
	if err != nil || p["from"] != "Kabul" {
		t.Errorf("ParamsFromQuery = %v, %v", p, err)
	}
}

// TestPlannerCache: compiled scenario graphs are kept in a bounded cache;
// concurrent requests for one scenario share one compilation; a scenario
// that fails is not kept.
func TestPlannerCache(t *testing.T) {
	s := newTestService(t, 2)
	ctx := context.Background()
	names := scenario.Examples()
	if len(names) < 3 {
		t.Skip("fewer than three shipped scenarios")
	}
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pl, _, err := s.planner(ctx, names[0])
			if err != nil {
				t.Error(err)
			}
			got[i] = pl
		}()
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatal("concurrent requests for one scenario got different planners")
		}
	}
	for _, n := range names {
		if _, _, err := s.planner(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if n := s.lru.Len(); n > 2 {
		t.Errorf("cache holds %d graphs, want at most 2", n)
	}
	if _, _, err := s.planner(ctx, "atlantis"); caravan.KindOf(err) != caravan.NotFound || caravan.ParamOf(err) != "scenario" {
		t.Errorf("unknown scenario: %v", err)
	}
	if _, ok := s.cache["atlantis"]; ok {
		t.Error("a failed scenario stays in the cache")
	}
}

// TestRouteBorderName: a name shared by the two sides of a crossing ends the
// route on the side that fits the direction.
func TestRouteBorderName(t *testing.T) {
	s := newTestService(t, 2)
	for _, tt := range []struct{ from, to, wantFrom, wantTo string }{
		{"Kabul", "Torkham", "af-kabul", "af-torkham"},
		{"Peshawar", "Torkham", "pk-peshawar", "pk-torkham"},
	} {
		q, err := s.ParseRoute(Params{"from": tt.from, "to": tt.to, "as_of": "2025-06-01"})
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Route(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		it := res.Routes[0]
		if it.From.ID != tt.wantFrom || it.To.ID != tt.wantTo {
			t.Errorf("%s → %s: planned %s → %s, want %s → %s", tt.from, tt.to, it.From.ID, it.To.ID, tt.wantFrom, tt.wantTo)
		}
		if len(it.Geometry.Features) != len(it.Legs) {
			t.Errorf("%d features for %d legs", len(it.Geometry.Features), len(it.Legs))
		}
	}
}

// waitJob polls a job until it leaves the queue and the running state.
func waitJob(t *testing.T, s *Service, id string) JobView {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		v, err := s.Job(id)
		if err != nil {
			t.Fatal(err)
		}
		if v.State != JobQueued && v.State != JobRunning {
			return v
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("job %s did not finish", id)
	return JobView{}
}

// TestAssignJob runs a corridor assignment as a background job: the demand
// of the year's trade is assigned, the flows come as GeoJSON lines, a bad
// request is refused before it is queued, and a job can be canceled.
func TestAssignJob(t *testing.T) {
	s := newTestService(t, 4)
	if _, err := s.ParseAssign(Params{"year": "2030", "demand": "od.csv"}); caravan.ParamOf(err) != "demand" {
		t.Errorf("a service without files took a demand file: %v", err)
	}
	for _, tt := range []struct {
		p     Params
		param string
	}{
		{Params{}, "year"},
		{Params{"year": "20300"}, "year"},
		{Params{"year": "2030", "gap": "NaN"}, "gap"},
		{Params{"year": "2030", "pairs": "AFKZ"}, "pairs"},
		{Params{"year": "2030", "shares": "UZ-PK"}, "via"},
		{Params{"year": "2030", "kinds": "crossing"}, "kinds"},
	} {
		if _, err := s.ParseAssign(tt.p); caravan.ParamOf(err) != tt.param {
			t.Errorf("ParseAssign(%v): %v, want an error about %s", tt.p, err, tt.param)
		}
	}
	q, err := s.ParseAssign(Params{"year": "2030", "shares": "UZ-PK", "via": "trans-afghan-railway,IR"})
	if err != nil {
		t.Fatal(err)
	}
	jb, err := s.StartAssign(q)
	if err != nil {
		t.Fatal(err)
	}
	v := waitJob(t, s, jb.ID)
	if v.State != JobDone {
		t.Fatalf("job %s: %s %+v", v.ID, v.State, v.Error)
	}
	res := v.Result.(*AssignResult)
	if len(res.Report.Demand) == 0 || len(res.Report.Result.Flows) == 0 || len(res.Flows.Features) == 0 {
		t.Errorf("no demand, flows or features: %d, %d, %d", len(res.Report.Demand), len(res.Report.Result.Flows), len(res.Flows.Features))
	}
	if len(res.Report.Shares) == 0 {
		t.Error("no corridor shares")
	}
	// Cancel: a queued job never runs.
	q.Criticality = true
	a, _ := s.StartAssign(q)
	b, _ := s.StartAssign(q)
	if _, err := s.CancelJob(b.ID); err != nil {
		t.Fatal(err)
	}
	if v := waitJob(t, s, b.ID); v.State != JobCanceled {
		t.Errorf("canceled job ended %s", v.State)
	}
	s.CancelJob(a.ID)
	waitJob(t, s, a.ID)
	if _, err := s.Job("assign-999"); caravan.KindOf(err) != caravan.NotFound {
		t.Errorf("unknown job: %v", err)
	}
}

// TestRouteVia: waypoints reach the planner in order, by any name the ends
// take (a border name: either side), with every kind of answer.
func TestRouteVia(t *testing.T) {
	s := newTestService(t, 2)
	for _, tt := range []struct {
		name string
		p    Params
		want [][]string // each route passes one of each, in order
	}{
		{"two waypoints", Params{"from": "Lanzhou", "to": "Dushanbe", "via": "Kashgar,اوش"}, [][]string{{"cn-kashgar"}, {"kg-osh"}}},
		{"a border name", Params{"from": "Tashkent", "to": "Karachi", "via": "Torkham"}, [][]string{{"af-torkham", "pk-torkham"}}},
		{"alternatives", Params{"from": "Lanzhou", "to": "Dushanbe", "via": "Osh", "alternatives": "2"}, [][]string{{"kg-osh"}}},
		{"pareto", Params{"from": "Lanzhou", "to": "Dushanbe", "via": "Osh", "pareto": "true"}, [][]string{{"kg-osh"}}},
		{"ends at a border", Params{"from": "Kabul", "to": "Torkham", "via": "af-jalalabad"}, [][]string{{"af-jalalabad"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q, err := s.ParseRoute(tt.p)
			if err != nil {
				t.Fatal(err)
			}
			res, err := s.Route(t.Context(), q)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Routes) == 0 {
				t.Fatal("no route")
			}
			for _, r := range res.Routes {
				k := 0
				for _, l := range r.Legs {
					if k < len(tt.want) && slices.Contains(tt.want[k], l.To.ID) {
						k++
					}
				}
				if k != len(tt.want) {
					t.Errorf("%s → %s passes %d of the waypoints %v", r.From.ID, r.To.ID, k, tt.want)
				}
			}
		})
	}
}
