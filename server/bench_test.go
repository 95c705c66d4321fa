package server_test

import (
	"net/http/httptest"
	"testing"
)

// BenchmarkRoute answers one route request through the whole handler:
// parameters, name lookup, search, explanation, geometry and JSON.
func BenchmarkRoute(b *testing.B) {
	ts := newServer(b)
	targets := []string{
		"/api/v1/route?from=Almaty&to=Tehran&as_of=2026-11-21",
		"/api/v1/route?from=Kabul&to=Karachi&as_of=2025-06-01",
		"/api/v1/route?from=Tashkent&to=Karachi&as_of=2026-11-21",
		"/api/v1/route?from=Urumqi&to=Almaty&as_of=2026-11-21",
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		rec := httptest.NewRecorder()
		ts.h.ServeHTTP(rec, httptest.NewRequest("GET", targets[i%len(targets)], nil))
		if rec.Code != 200 {
			b.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
		i++
	}
}
