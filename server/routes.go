package server

import (
	_ "embed"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/service"
)

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the API's OpenAPI 3.1 document.
func OpenAPI() []byte { return openAPI }

const api = "/api/v1"

func (s *Server) routes() {
	s.handle("GET", api+"/places", s.places)
	s.handle("GET", api+"/places/{id}", s.place)
	s.handle("GET", api+"/countries", s.countries)
	s.handle("GET", api+"/network.geojson", s.network)
	s.handle("GET", api+"/route", s.route)
	s.handle("GET", api+"/matrix", s.matrix)
	s.handle("GET", api+"/scenarios", s.scenarios)
	s.handle("GET", api+"/scenarios/diff", s.diff)
	s.handle("GET", api+"/trade", s.trade)
	s.handle("GET", api+"/agreements", s.agreements)
	s.handle("GET", api+"/projects", s.projects)
	s.handle("GET", api+"/sources/{id}", s.source)
	s.handle("POST", api+"/documents", s.addDocument)
	s.handle("GET", api+"/documents/{id}", s.document)
	s.handle("GET", api+"/facts", s.facts)
	s.handle("POST", api+"/facts/{id}/accept", s.review(kb.Accepted))
	s.handle("POST", api+"/facts/{id}/reject", s.review(kb.Rejected))
	s.handle("POST", api+"/assign", s.startAssign)
	s.handle("GET", api+"/jobs/{id}", s.job)
	s.handle("DELETE", api+"/jobs/{id}", s.cancelJob)
	s.handle("GET", api+"/openapi.json", func(w http.ResponseWriter, r *http.Request) error {
		w.Header().Set("Content-Type", "application/json")
		_, err := w.Write(openAPI)
		return err
	})
	s.handle("GET", "/healthz", func(w http.ResponseWriter, r *http.Request) error {
		return writeJSON(w, http.StatusOK, map[string]any{"ok": true, "places": len(s.svc.Network().Places())})
	})
	s.mux.Handle("GET /metrics", s.metrics())
	s.handle("GET", api+"/{path...}", s.notFound)
	s.handle("POST", api+"/{path...}", s.notFound)
	s.handle("DELETE", api+"/{path...}", s.notFound)
	s.mux.Handle("/", s.ui())
}

// notFound answers a request under /api/v1 that no endpoint takes: 405
// when the path exists with another method, else 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	for pattern, methods := range s.paths {
		if matchPath(pattern, r.URL.Path) {
			w.Header().Set("Allow", strings.Join(methods, ", "))
			return &httpError{status: http.StatusMethodNotAllowed, msg: r.Method + " is not allowed on " + r.URL.Path + " (allowed: " + strings.Join(methods, ", ") + ")"}
		}
	}
	return &httpError{status: http.StatusNotFound, msg: "no endpoint " + r.URL.Path + " (see " + api + "/openapi.json)"}
}

// matchPath reports whether path matches a pattern whose segments may be
// {wildcards}.
func matchPath(pattern, path string) bool {
	ps, xs := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(ps) != len(xs) || strings.HasSuffix(pattern, "...}") {
		return false
	}
	for i := range ps {
		if !strings.HasPrefix(ps[i], "{") && ps[i] != xs[i] {
			return false
		}
	}
	return true
}

// query returns the query parameters of r, refusing unknown or repeated
// ones.
func query(r *http.Request, allowed ...string) (service.Params, error) {
	return service.ParamsFromQuery(r.URL.Query(), allowed...)
}

func (s *Server) places(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, "q", "country")
	if err != nil {
		return err
	}
	pq, err := s.svc.ParsePlaceQuery(p)
	if err != nil {
		return err
	}
	rows, err := s.svc.Places(pq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rows)
}

func (s *Server) place(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	p, err := s.svc.Place(r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (s *Server) countries(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.svc.Countries())
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.NetworkParams...)
	if err != nil {
		return err
	}
	q, err := s.svc.ParseNetwork(p)
	if err != nil {
		return err
	}
	fc, err := s.svc.NetworkGeoJSON(r.Context(), q)
	if err != nil {
		return err
	}
	return writeBody(w, http.StatusOK, "application/geo+json", fc)
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.RouteParams...)
	if err != nil {
		return err
	}
	q, err := s.svc.ParseRoute(p)
	if err != nil {
		return err
	}
	res, err := s.svc.Route(r.Context(), q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

func (s *Server) matrix(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.MatrixParams...)
	if err != nil {
		return err
	}
	q, err := s.svc.ParseMatrix(p)
	if err != nil {
		return err
	}
	m, err := s.svc.Matrix(r.Context(), q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, m)
}

func (s *Server) scenarios(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	rows, err := s.svc.Scenarios()
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rows)
}

func (s *Server) diff(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.DiffParams...)
	if err != nil {
		return err
	}
	q, err := s.svc.ParseDiff(p)
	if err != nil {
		return err
	}
	d, err := s.svc.Diff(r.Context(), q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (s *Server) trade(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.TradeParams...)
	if err != nil {
		return err
	}
	rep, err := s.svc.Trade(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rep)
}

func (s *Server) agreements(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.AgreementParams...)
	if err != nil {
		return err
	}
	l, err := s.svc.Agreements(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, l)
}

func (s *Server) projects(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.ProjectParams...)
	if err != nil {
		return err
	}
	l, err := s.svc.Projects(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, l)
}

func (s *Server) source(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	src, err := s.svc.Source(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, src)
}

// DocumentRequest is the body of POST /documents.
type DocumentRequest struct {
	Text  string `json:"text"`
	Date  string `json:"date,omitempty"` // publication date, YYYY-MM-DD
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	Lang  string `json:"lang,omitempty"` // fa or en; guessed when absent
}

// decodeBody decodes the JSON body of r into v, refusing unknown fields
// and trailing data; errors name the field when they can.
func decodeBody(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return &httpError{status: http.StatusUnsupportedMediaType, msg: "want Content-Type: application/json, have " + ct, param: "Content-Type"}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &mbe):
			return err
		case errors.Is(err, io.EOF):
			return caravan.InvalidParam("body", "empty body; want a JSON object")
		case errors.As(err, &se):
			return caravan.InvalidParam("body", "malformed JSON at byte %d", se.Offset)
		case errors.As(err, &te):
			field := te.Field
			if field == "" {
				field = "body"
			}
			return caravan.InvalidParam(field, "want a JSON %s, have a JSON %s", jsonType(te.Type.Kind().String()), te.Value)
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			if f == "" {
				return caravan.InvalidParam("body", "unknown field with an empty name")
			}
			return caravan.InvalidParam(f, "unknown field")
		default:
			return caravan.InvalidParam("body", "malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
		}
	}
	if dec.More() {
		return caravan.InvalidParam("body", "trailing data after the JSON object")
	}
	return nil
}

func jsonType(goKind string) string {
	switch goKind {
	case "string":
		return "string"
	case "struct", "map":
		return "object"
	case "slice", "array":
		return "array"
	case "bool":
		return "boolean"
	}
	return "number"
}

func (s *Server) addDocument(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	var req DocumentRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	a, err := articleOf(&req)
	if err != nil {
		return err
	}
	res, err := s.svc.Ingest(r.Context(), []extract.Article{a}, nil)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if res[0].Created {
		status = http.StatusCreated
	}
	return writeJSON(w, status, res[0])
}

// articleOf checks a document request and makes the article to ingest.
func articleOf(req *DocumentRequest) (extract.Article, error) {
	if strings.TrimSpace(req.Text) == "" {
		return extract.Article{}, caravan.InvalidParam("text", "want the article's text")
	}
	if err := extract.CheckText(req.Text); err != nil {
		return extract.Article{}, caravan.InvalidParam("text", "%v", err)
	}
	a := extract.Article{ID: "api", Text: req.Text, Header: map[string]string{}}
	if req.Date != "" {
		d, err := network.ParseDate(req.Date)
		if err != nil {
			return a, caravan.InvalidParam("date", "%v", err)
		}
		a.Date = d.Time()
	}
	if req.URL != "" {
		if len(req.URL) > 2000 || strings.ContainsAny(req.URL, " \n\t") {
			return a, caravan.InvalidParam("url", "not a URL")
		}
		a.Header["url"] = req.URL
	}
	if len(req.Title) > 1000 {
		return a, caravan.InvalidParam("title", "longer than 1000 bytes")
	}
	if req.Title != "" {
		a.Header["title"] = req.Title
	}
	switch req.Lang {
	case "", "fa", "prs", "en", "ps":
		if req.Lang != "" {
			a.Header["lang"] = req.Lang
		}
	default:
		return a, caravan.InvalidParam("lang", "%q: want fa, prs, ps or en", req.Lang)
	}
	return a, nil
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	d, err := s.svc.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (s *Server) facts(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.FactParams...)
	if err != nil {
		return err
	}
	l, err := s.svc.Facts(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, l)
}

// ReviewRequest is the optional body of POST /facts/{id}/accept|reject.
type ReviewRequest struct {
	Note string `json:"note,omitempty"`
}

func (s *Server) review(state kb.ReviewState) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.authorize(r); err != nil {
			return err
		}
		var req ReviewRequest
		if r.ContentLength != 0 {
			if err := decodeBody(r, &req); err != nil {
				return err
			}
		}
		id := r.PathValue("id")
		rev, err := s.svc.Review(r.Context(), id, state, req.Note)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, map[string]any{"id": id, "review": rev})
	}
}

// startAssign queues a freight assignment on the corridor network and
// answers 202 with the job; GET /jobs/{id} follows it.
func (s *Server) startAssign(w http.ResponseWriter, r *http.Request) error {
	p, err := query(r, service.AssignParams...)
	if err != nil {
		return err
	}
	q, err := s.svc.ParseAssign(p)
	if err != nil {
		return err
	}
	jb, err := s.svc.StartAssign(q)
	if err != nil {
		return err
	}
	w.Header().Set("Location", api+"/jobs/"+jb.ID)
	return writeJSON(w, http.StatusAccepted, jb)
}

func (s *Server) job(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	jb, err := s.svc.Job(r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jb)
}

func (s *Server) cancelJob(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	jb, err := s.svc.CancelJob(r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jb)
}

// ui serves the web application, or a short page that points to the API.
func (s *Server) ui() http.Handler {
	if s.cfg.UI != nil {
		return http.FileServerFS(s.cfg.UI)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><meta charset="utf-8"><title>caravan</title>`+
			`<h1>caravan</h1><p>The JSON API is under <a href="/api/v1/openapi.json">/api/v1</a>.</p>`)
	})
}
