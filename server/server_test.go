package server_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/caravan-transport/caravan/server"
	"github.com/caravan-transport/caravan/service"
	_ "modernc.org/sqlite"
)

const token = "test-token"

var fixedNow = func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) }

// testServer is a server over the built-in dataset and a throw-away SQLite
// knowledge base, with its OpenAPI router for validation.
type testServer struct {
	h      http.Handler
	router routers.Router
	doc    *openapi3.T
}

var (
	svcOnce sync.Once
	svcErr  error
	shared  *service.Service
)

func newServer(t testing.TB) *testServer {
	t.Helper()
	svcOnce.Do(func() {
		dir, err := filepathTemp()
		if err != nil {
			svcErr = err
			return
		}
		shared, svcErr = service.New(context.Background(), service.Options{DB: filepath.Join(dir, "kb.db"), Now: fixedNow})
	})
	if svcErr != nil {
		t.Fatal(svcErr)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(server.OpenAPI())
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("openapi.json does not validate: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{h: server.New(shared, server.Config{Token: token}), router: router, doc: doc}
}

// do sends a request, validates request and response against the OpenAPI
// document (when the request is one the document describes) and returns
// the status and body.
func (ts *testServer) do(t *testing.T, method, target string, body []byte, hdr map[string]string) (int, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, target, bytes.NewReader(body))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	ts.h.ServeHTTP(rec, req)
	res := rec.Result()
	out, _ := io.ReadAll(res.Body)

	// Validate against the document: the response always; the request
	// only when it is a valid one (bad requests are meant to break it).
	vreq := httptest.NewRequest(method, target, bytes.NewReader(body))
	vreq.Header = req.Header.Clone()
	route, params, err := ts.router.FindRoute(vreq)
	if err != nil {
		if res.StatusCode < 400 {
			t.Errorf("%s %s: %d but the document has no such operation: %v", method, target, res.StatusCode, err)
		}
		return res.StatusCode, out
	}
	in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if res.StatusCode < 400 {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			t.Errorf("%s %s: request does not match the document: %v", method, target, err)
		}
	}
	rin := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.StatusCode, Header: res.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	rin.SetBodyBytes(out)
	if err := openapi3filter.ValidateResponse(context.Background(), rin); err != nil {
		t.Errorf("%s %s: response %d does not match the document: %v\n%s", method, target, res.StatusCode, err, clip(out))
	}
	return res.StatusCode, out
}

func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

type apiError struct {
	Error struct {
		Message string `json:"message"`
		Param   string `json:"param"`
	} `json:"error"`
}

// TestEndpoints calls every endpoint with good and bad input: each answer
// has the status wanted, matches the OpenAPI document, and an error names
// its parameter.
func TestEndpoints(t *testing.T) {
	ts := newServer(t)
	auth := map[string]string{"Authorization": "Bearer " + token}
	for _, tt := range []struct {
		name, method, target string
		body                 string
		hdr                  map[string]string
		status               int
		param                string // for errors: the parameter named
		contains             string
	}{
		{"places Persian", "GET", "/api/v1/places?q=" + url.QueryEscape("حیرتان"), "", nil, 200, "", "af-hairatan"},
		{"places English", "GET", "/api/v1/places?q=Hairatan", "", nil, 200, "", "af-hairatan"},
		{"places unknown country", "GET", "/api/v1/places?country=XX", "", nil, 404, "country", ""},
		{"places unknown parameter", "GET", "/api/v1/places?qq=Kabul", "", nil, 400, "qq", ""},
		{"place", "GET", "/api/v1/places/af-hairatan", "", nil, 200, "", "Hairatan"},
		{"place unknown", "GET", "/api/v1/places/xx-nowhere", "", nil, 404, "id", ""},
		{"countries", "GET", "/api/v1/countries", "", nil, 200, "", `"code":"AF"`},
		{"network", "GET", "/api/v1/network.geojson?as_of=2026-11-21", "", nil, 200, "", "FeatureCollection"},
		{"network bad date", "GET", "/api/v1/network.geojson?as_of=2026-02-30", "", nil, 400, "as_of", ""},
		{"network unknown scenario", "GET", "/api/v1/network.geojson?scenario=atlantis", "", nil, 404, "scenario", ""},
		{"network file scenario refused", "GET", "/api/v1/network.geojson?scenario=/etc/passwd", "", nil, 404, "scenario", ""},
		{"route", "GET", "/api/v1/route?from=Kabul&to=Karachi&as_of=2025-06-01", "", nil, 200, "", "Torkham"},
		{"route pareto", "GET", "/api/v1/route?from=Tashkent&to=Karachi&pareto=true", "", nil, 200, "", `"kind":"pareto"`},
		{"route alternatives", "GET", "/api/v1/route?from=Almaty&to=Tehran&alternatives=3&max_shared=0.6", "", nil, 200, "", `"kind":"alternatives"`},
		{"route scenario", "GET", "/api/v1/route?from=Tashkent&to=Karachi&scenario=trans-afghan-2030", "", nil, 200, "", "Trans-Afghan"},
		{"route scenario read on its date", "GET", "/api/v1/route?from=Tashkent&to=Karachi&scenario=trans-afghan-2030", "", nil, 200, "", `"as_of":"2030-`},
		{"route avoid a crossing by its short name", "GET", "/api/v1/route?from=Tashkent&to=Karachi&scenario=trans-afghan-2030&avoid=Kharlachi", "", nil, 200, "", ""},
		{"network open project", "GET", "/api/v1/network.geojson?open=trans-afghan-railway&as_of=2026-11-21", "", nil, 200, "", `"as_of":"2026-11-21"`},
		{"network unknown project", "GET", "/api/v1/network.geojson?open=atlantis", "", nil, 404, "open", ""},
		{"route unknown place", "GET", "/api/v1/route?from=Atlantis&to=Karachi", "", nil, 404, "from", ""},
		{"route bad date", "GET", "/api/v1/route?from=Kabul&to=Karachi&as_of=2025-13-01", "", nil, 400, "as_of", ""},
		{"route negative teu", "GET", "/api/v1/route?from=Kabul&to=Karachi&teu=-5", "", nil, 400, "teu", ""},
		{"route NaN teu", "GET", "/api/v1/route?from=Kabul&to=Karachi&teu=NaN", "", nil, 400, "teu", ""},
		{"route huge tonnes", "GET", "/api/v1/route?from=Kabul&to=Karachi&tonnes=1e308", "", nil, 400, "tonnes", ""},
		{"route NaN risk penalty", "GET", "/api/v1/route?from=Kabul&to=Karachi&risk_penalty=NaN", "", nil, 400, "risk_penalty", ""},
		{"route Inf risk penalty", "GET", "/api/v1/route?from=Kabul&to=Karachi&risk_penalty=Inf", "", nil, 400, "risk_penalty", ""},
		{"route NaN value", "GET", "/api/v1/route?from=Kabul&to=Karachi&by=gc&value=NaN", "", nil, 400, "value", ""},
		{"route NaN max_shared", "GET", "/api/v1/route?from=Kabul&to=Karachi&alternatives=2&max_shared=NaN", "", nil, 400, "max_shared", ""},
		{"route too many alternatives", "GET", "/api/v1/route?from=Kabul&to=Karachi&alternatives=1000", "", nil, 400, "alternatives", ""},
		{"route empty avoid", "GET", "/api/v1/route?from=Kabul&to=Karachi&avoid=,", "", nil, 400, "avoid", ""},
		{"route unknown scenario", "GET", "/api/v1/route?from=Kabul&to=Karachi&scenario=atlantis", "", nil, 404, "scenario", ""},
		{"route unknown project", "GET", "/api/v1/route?from=Kabul&to=Karachi&open=atlantis-railway", "", nil, 404, "open", ""},
		{"route bad criterion", "GET", "/api/v1/route?from=Kabul&to=Karachi&by=fast", "", nil, 400, "by", ""},
		{"route repeated parameter", "GET", "/api/v1/route?from=Kabul&from=Herat&to=Karachi", "", nil, 400, "from", ""},
		{"route missing to", "GET", "/api/v1/route?from=Kabul", "", nil, 400, "to", ""},
		{"route via", "GET", "/api/v1/route?from=Lanzhou&to=Dushanbe&via=Kashgar,Osh&as_of=2026-11-21", "", nil, 200, "", `"id":"kg-osh"`},
		{"route via Persian with pareto", "GET", "/api/v1/route?from=Lanzhou&to=Dushanbe&pareto=true&via=" + url.QueryEscape("اوش"), "", nil, 200, "", `"id":"kg-osh"`},
		{"route via unknown", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=Atlantis", "", nil, 404, "via", "Atlantis"},
		{"route via the origin", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=af-kabul", "", nil, 400, "via", "af-kabul"},
		{"route via twice", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=af-jalalabad,Torkham,af-jalalabad", "", nil, 400, "via", "af-jalalabad"},
		{"route via avoided", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=Torkham&avoid=Torkham", "", nil, 400, "via", "Torkham"},
		{"route via empty list", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=,", "", nil, 400, "via", ""},
		{"route via ambiguous", "GET", "/api/v1/route?from=Tashkent&to=Kabul&via=Jalalabad", "", nil, 400, "via", "ambiguous"},
		{"route via blocks", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=Islamabad&modes=rail", "", nil, 404, "", "the waypoints (pk-islamabad)"},
		{"route leg modes", "GET", "/api/v1/route?from=Lanzhou&to=Hairatan&via=Kashgar,Osh&leg_modes=rail/road/rail&avoid=TJ&as_of=2023-07-05", "", nil, 200, "", `"id":"kg-kara-suu--kg-osh-rail"`},
		{"route leg modes without via", "GET", "/api/v1/route?from=Kabul&to=Karachi&leg_modes=road", "", nil, 400, "leg_modes", "need waypoints (via)"},
		{"route leg modes count", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=Torkham&leg_modes=road", "", nil, 400, "leg_modes", "1 legs given; 1 waypoints make 2 legs"},
		{"route leg modes unknown mode", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=Torkham&leg_modes=road/camel", "", nil, 400, "leg_modes", "camel"},
		{"route leg modes outside modes", "GET", "/api/v1/route?from=Kabul&to=Karachi&via=Torkham&leg_modes=road/rail&modes=road", "", nil, 400, "leg_modes", "leg 2"},
		{"matrix", "GET", "/api/v1/matrix?from=KZ,UZ&to=PK,IR", "", nil, 200, "", `"unit":"hours"`},
		{"matrix empty lists", "GET", "/api/v1/matrix?from=,&to=,", "", nil, 400, "from", ""},
		{"matrix unknown place", "GET", "/api/v1/matrix?from=Atlantis&to=PK", "", nil, 404, "from", ""},
		{"matrix bad date", "GET", "/api/v1/matrix?from=KZ&to=PK&as_of=20250101", "", nil, 400, "as_of", ""},
		{"matrix negative teu", "GET", "/api/v1/matrix?from=KZ&to=PK&teu=-1", "", nil, 400, "teu", ""},
		{"matrix unknown scenario", "GET", "/api/v1/matrix?from=KZ&to=PK&scenario=atlantis", "", nil, 404, "scenario", ""},
		{"matrix too large", "GET", "/api/v1/matrix?from=AF,CN,IN,IR,KG,KZ,PK,RU,TJ,TM,UZ&to=AF,CN,IN,IR,KG,KZ,PK,RU,TJ,TM,UZ", "", nil, 400, "to", ""},
		{"route far suggestion", "GET", "/api/v1/route?from=Dubai&to=Kabul", "", nil, 404, "from", `no place matches \"Dubai\"`},
		{"route before the data", "GET", "/api/v1/route?from=Almaty&to=Tehran&as_of=1990-01-01", "", nil, 200, "", `"warnings":["as_of 1990-01-01 is before`},
		{"scenarios", "GET", "/api/v1/scenarios", "", nil, 200, "", "trans-afghan-2030"},
		{"diff", "GET", "/api/v1/scenarios/diff?a=base&b=trans-afghan-2030&from=Tashkent&to=Karachi", "", nil, 200, "", "itinerary_b"},
		{"diff with avoid and open", "GET", "/api/v1/scenarios/diff?b=cku-open&from=Kashgar&to=Tashkent&avoid=KZ&open=trans-afghan-railway", "", nil, 200, "", "itinerary_b"},
		{"diff unknown b", "GET", "/api/v1/scenarios/diff?b=atlantis&from=Tashkent&to=Karachi", "", nil, 404, "b", ""},
		{"diff unknown place", "GET", "/api/v1/scenarios/diff?b=trans-afghan-2030&from=Atlantis&to=Karachi", "", nil, 404, "from", ""},
		{"diff bad date", "GET", "/api/v1/scenarios/diff?b=trans-afghan-2030&from=Tashkent&to=Karachi&as_of=tomorrow", "", nil, 400, "as_of", ""},
		{"diff negative teu", "GET", "/api/v1/scenarios/diff?b=trans-afghan-2030&from=Tashkent&to=Karachi&teu=-3", "", nil, 400, "teu", ""},
		{"trade", "GET", "/api/v1/trade?a=AF&b=KZ", "", nil, 200, "", `"method"`},
		{"trade bad code", "GET", "/api/v1/trade?a=AFG&b=KZ", "", nil, 400, "a", ""},
		{"agreements", "GET", "/api/v1/agreements?limit=5", "", nil, 200, "", `"total"`},
		{"agreements bad status", "GET", "/api/v1/agreements?status=done", "", nil, 400, "status", ""},
		{"projects", "GET", "/api/v1/projects?country=AF&offset=1&limit=2", "", nil, 200, "", `"offset":1`},
		{"projects bad limit", "GET", "/api/v1/projects?limit=0", "", nil, 400, "limit", ""},
		{"source", "GET", "/api/v1/sources/CPMM22-RAIL", "", nil, 200, "", `"id":"CPMM22-RAIL"`},
		{"source unknown", "GET", "/api/v1/sources/no-such-source", "", nil, 404, "id", ""},
		{"metrics", "GET", "/metrics", "", nil, 200, "", "caravan_http_requests_total"},
		{"facts", "GET", "/api/v1/facts?status=pending", "", nil, 200, "", `"items"`},
		{"facts bad status", "GET", "/api/v1/facts?status=maybe", "", nil, 400, "status", ""},
		{"document unknown", "GET", "/api/v1/documents/doc-0000", "", nil, 404, "id", ""},
		{"ingest without token", "POST", "/api/v1/documents", `{"text":"x"}`, nil, 401, "Authorization", ""},
		{"ingest wrong token", "POST", "/api/v1/documents", `{"text":"x"}`, map[string]string{"Authorization": "Bearer nope"}, 401, "Authorization", ""},
		{"ingest malformed JSON", "POST", "/api/v1/documents", `{"text":`, auth, 400, "body", ""},
		{"ingest unknown field", "POST", "/api/v1/documents", `{"text":"a","frobnicate":1}`, auth, 400, "frobnicate", ""},
		{"ingest wrong type", "POST", "/api/v1/documents", `{"text":5}`, auth, 400, "text", ""},
		{"ingest empty text", "POST", "/api/v1/documents", `{"text":""}`, auth, 400, "text", ""},
		{"ingest bad date", "POST", "/api/v1/documents", `{"text":"Kabul and Tashkent met.","date":"yesterday"}`, auth, 400, "date", ""},
		{"ingest oversized", "POST", "/api/v1/documents", `{"text":"` + strings.Repeat("a", 2<<20) + `"}`, auth, 413, "body", ""},
		{"review without token", "POST", "/api/v1/facts/doc-x%231/accept", "", nil, 401, "Authorization", ""},
		{"review unknown fact", "POST", "/api/v1/facts/doc-x%231/accept", "", auth, 404, "id", ""},
		{"unknown endpoint", "GET", "/api/v1/nothing", "", nil, 404, "", ""},
		{"wrong method", "POST", "/api/v1/route", "", auth, 405, "", ""},
		{"openapi", "GET", "/api/v1/openapi.json", "", nil, 200, "", `"openapi": "3.1.0"`},
		{"healthz", "GET", "/healthz", "", nil, 200, "", `"ok":true`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var body []byte
			if tt.body != "" {
				body = []byte(tt.body)
			}
			code, out := ts.do(t, tt.method, tt.target, body, tt.hdr)
			if code != tt.status {
				t.Fatalf("status %d, want %d: %s", code, tt.status, clip(out))
			}
			if code >= 400 {
				var e apiError
				if err := json.Unmarshal(out, &e); err != nil || e.Error.Message == "" {
					t.Fatalf("error body is not {\"error\": {\"message\"}}: %s", clip(out))
				}
				if e.Error.Param != tt.param {
					t.Errorf("param %q, want %q (%s)", e.Error.Param, tt.param, e.Error.Message)
				}
				for _, bad := range []string{"graph.", "route.", "service.", "Go struct", "rangeJSON", "scenario.Scenario"} {
					if strings.Contains(e.Error.Message, bad) {
						t.Errorf("message shows Go internals (%q): %s", bad, e.Error.Message)
					}
				}
			}
			if tt.contains != "" && !bytes.Contains(out, []byte(tt.contains)) {
				t.Errorf("body lacks %q: %s", tt.contains, clip(out))
			}
		})
	}
}

// TestWritesRefusedWithoutToken: a server with no token configured refuses
// every write (403), whatever the request says.
func TestWritesRefusedWithoutToken(t *testing.T) {
	newServer(t)
	h := server.New(shared, server.Config{})
	for _, target := range []string{"/api/v1/documents", "/api/v1/facts/doc-x%231/accept"} {
		req := httptest.NewRequest("POST", target, strings.NewReader(`{"text":"Kabul"}`))
		req.Header.Set("Authorization", "Bearer ")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 403 || !strings.Contains(rec.Body.String(), "no token configured") {
			t.Errorf("POST %s: %d %s, want 403", target, rec.Code, rec.Body.String())
		}
	}
}

// TestAvoidCrossingShortName: "Kharlachi" avoids the road crossing and the
// Trans-Afghan railway's crossing named "Kharlachi (…)".
func TestAvoidCrossingShortName(t *testing.T) {
	ts := newServer(t)
	_, out := ts.do(t, "GET", "/api/v1/route?from=Tashkent&to=Karachi&scenario=trans-afghan-2030&avoid=Kharlachi", nil, nil)
	if bytes.Contains(out, []byte(`"crossing":"Kharlachi`)) {
		t.Errorf("avoid=Kharlachi: the route still crosses at Kharlachi")
	}
}

// TestTorkhamByDate is the API's view of the closure of the Pakistan–
// Afghanistan crossings: Torkham on 2025-06-01, not on 2026-11-21.
func TestTorkhamByDate(t *testing.T) {
	ts := newServer(t)
	_, before := ts.do(t, "GET", "/api/v1/route?from=Kabul&to=Karachi&as_of=2025-06-01", nil, nil)
	_, after := ts.do(t, "GET", "/api/v1/route?from=Kabul&to=Karachi&as_of=2026-11-21", nil, nil)
	if !bytes.Contains(before, []byte(`"crossing":"Torkham"`)) {
		t.Error("2025-06-01: no Torkham leg")
	}
	if bytes.Contains(after, []byte(`"crossing":"Torkham"`)) {
		t.Error("2026-11-21: a Torkham leg while it is closed")
	}
}

// TestIngestAndReview ingests a Persian article, reads it back with its
// facts and accepts one.
func TestIngestAndReview(t *testing.T) {
	ts := newServer(t)
	auth := map[string]string{"Authorization": "Bearer " + token}
	body, _ := json.Marshal(server.DocumentRequest{
		Text: "حجم تجارت افغانستان و قزاقستان در سال ۲۰۲۴ به ۵۴۵ میلیون دلار رسید و دو کشور هدف ۳ میلیارد دلاری را تعیین کردند.",
		Date: "2025-03-01", URL: "https://example.org/af-kz", Title: "AF–KZ trade"})
	code, out := ts.do(t, "POST", "/api/v1/documents", body, auth)
	if code != 201 && code != 200 {
		t.Fatalf("ingest: %d %s", code, clip(out))
	}
	var ing struct {
		Document string `json:"document"`
		Facts    []struct {
			ID string `json:"id"`
		} `json:"facts"`
	}
	if err := json.Unmarshal(out, &ing); err != nil || len(ing.Facts) == 0 {
		t.Fatalf("ingest returned no facts (%v): %s", err, clip(out))
	}
	code, out = ts.do(t, "GET", "/api/v1/documents/"+ing.Document, nil, nil)
	if code != 200 || !bytes.Contains(out, []byte(`"start"`)) {
		t.Fatalf("document: %d %s", code, clip(out))
	}
	code, out = ts.do(t, "POST", "/api/v1/facts/"+url.PathEscape(ing.Facts[0].ID)+"/accept", []byte(`{"note":"checked"}`), auth)
	if code != 200 || !bytes.Contains(out, []byte(`"accepted"`)) {
		t.Fatalf("accept: %d %s", code, clip(out))
	}
	code, _ = ts.do(t, "POST", "/api/v1/documents", body, auth)
	if code != 200 {
		t.Errorf("same text again: %d, want 200 (already stored)", code)
	}
	code, out = ts.do(t, "POST", "/api/v1/facts/"+url.PathEscape(ing.Facts[0].ID)+"/reject", nil, auth)
	if code != 200 || !bytes.Contains(out, []byte(`"rejected"`)) {
		t.Fatalf("reject: %d %s", code, clip(out))
	}
}

// TestMetrics checks that requests are counted per route pattern.
func TestMetrics(t *testing.T) {
	ts := newServer(t)
	ts.do(t, "GET", "/api/v1/scenarios", nil, nil)
	rec := httptest.NewRecorder()
	ts.h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if !strings.Contains(rec.Body.String(), `caravan_http_requests_total{code="200",method="GET",route="GET /api/v1/scenarios"}`) {
		t.Errorf("metrics lack the request count:\n%s", rec.Body.String())
	}
	if !strings.Contains(rec.Body.String(), `caravan_http_request_duration_seconds_bucket{route="GET /api/v1/scenarios"`) {
		t.Error("metrics lack the latency histogram")
	}
}

// TestCORS: no CORS headers unless configured.
func TestCORS(t *testing.T) {
	ts := newServer(t)
	req := httptest.NewRequest("GET", "/api/v1/scenarios", nil)
	req.Header.Set("Origin", "https://evil.example")
	rec := httptest.NewRecorder()
	ts.h.ServeHTTP(rec, req)
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS header without configuration")
	}
	h := server.New(shared, server.Config{CORSOrigins: []string{"https://map.example"}})
	req = httptest.NewRequest("OPTIONS", "/api/v1/route", nil)
	req.Header.Set("Origin", "https://map.example")
	req.Header.Set("Access-Control-Request-Method", "GET")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 204 || rec.Header().Get("Access-Control-Allow-Origin") != "https://map.example" {
		t.Errorf("preflight: %d %v", rec.Code, rec.Header())
	}
}

// TestGracefulShutdown: a request in flight when the server is told to stop
// still gets its answer.
func TestGracefulShutdown(t *testing.T) {
	newServer(t)
	srv := server.New(shared, server.Config{})
	ln, err := listen()
	if err != nil {
		t.Skip(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	res, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	got := make(chan int, 1)
	go func() {
		res, err := http.Get(base + "/api/v1/route?from=Tashkent&to=Karachi&pareto=true")
		if err != nil {
			got <- -1
			return
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		got <- res.StatusCode
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if code := <-got; code != 200 {
		t.Errorf("request in flight: %d, want 200", code)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// FuzzRouteQuery sends arbitrary query strings to /api/v1/route: the answer
// is never a 5xx and always JSON.
func FuzzRouteQuery(f *testing.F) {
	for _, s := range []string{"from=Kabul&to=Karachi", "from=Kabul&to=Karachi&teu=NaN", "from=%ff&to=x",
		"from=Almaty&to=Tehran&alternatives=3&max_shared=0.4", "pareto=true&from=Tashkent&to=Karachi&by=cost",
		"from=Kabul&to=Karachi&avoid=,,&modes=rail", "as_of=0000-00-00", "from=Kabul&to=Karachi&open=trans-afghan-railway"} {
		f.Add(s)
	}
	ts := newServer(f)
	f.Fuzz(func(t *testing.T, q string) {
		req := httptest.NewRequest("GET", "/api/v1/route", nil)
		req.URL.RawQuery = q
		rec := httptest.NewRecorder()
		ts.h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("query %q: %d %s", q, rec.Code, rec.Body.String())
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("query %q: body is not JSON: %s", q, rec.Body.String())
		}
	})
}

// TestBusyStore: a write while another process holds the knowledge base's
// lock is a retryable 503 within seconds, not a hang.
func TestBusyStore(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the store's lock timeout")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kb.db")
	svc, err := service.New(t.Context(), service.Options{Now: fixedNow, DB: path})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.Store(t.Context()); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	h := server.New(svc, server.Config{Token: token})
	req := httptest.NewRequest("POST", "/api/v1/facts/doc-x%231/reject", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(rec, req)
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Errorf("locked store: %d %s (Retry-After %q), want 503 with Retry-After", rec.Code, rec.Body.String(), rec.Header().Get("Retry-After"))
	}
	if d := time.Since(start); d > 8*time.Second {
		t.Errorf("locked store answered after %v", d)
	}
}

// TestAssignJobAPI: POST /assign answers 202 with the job and its
// Location; polling GET /jobs/{id} ends with the flows; every answer
// matches the OpenAPI document.
func TestAssignJobAPI(t *testing.T) {
	ts := newServer(t)
	code, out := ts.do(t, "POST", "/api/v1/assign?year=2030&shares=UZ-PK&via=trans-afghan-railway,IR", nil, nil)
	if code != 202 {
		t.Fatalf("POST /assign: %d %s", code, clip(out))
	}
	var jb struct {
		ID, State string
		Result    *struct {
			Flows struct {
				Features []json.RawMessage `json:"features"`
			} `json:"flows"`
		} `json:"result"`
	}
	if err := json.Unmarshal(out, &jb); err != nil || jb.ID == "" {
		t.Fatalf("job: %v %s", err, clip(out))
	}
	deadline := time.Now().Add(time.Minute)
	for jb.State != "done" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		code, out = ts.do(t, "GET", "/api/v1/jobs/"+jb.ID, nil, nil)
		if code != 200 {
			t.Fatalf("GET job: %d %s", code, clip(out))
		}
		if err := json.Unmarshal(out, &jb); err != nil {
			t.Fatal(err)
		}
		if jb.State == "failed" || jb.State == "canceled" {
			t.Fatalf("job %s: %s", jb.State, clip(out))
		}
	}
	if jb.Result == nil || len(jb.Result.Flows.Features) == 0 {
		t.Fatalf("done job without flows: %s", clip(out))
	}
	for _, tt := range []struct {
		method, target string
		status         int
		param          string
	}{
		{"POST", "/api/v1/assign", 400, "year"},
		{"POST", "/api/v1/assign?year=2030&demand=/etc/passwd", 400, "demand"},
		{"POST", "/api/v1/assign?year=2030&gap=0", 400, "gap"},
		{"GET", "/api/v1/jobs/assign-99999", 404, "id"},
		{"DELETE", "/api/v1/jobs/assign-99999", 404, "id"},
	} {
		code, out := ts.do(t, tt.method, tt.target, nil, nil)
		var e apiError
		json.Unmarshal(out, &e)
		if code != tt.status || e.Error.Param != tt.param {
			t.Errorf("%s %s: %d %s, want %d about %s", tt.method, tt.target, code, clip(out), tt.status, tt.param)
		}
	}
}
