// Package server is caravan's HTTP adapter: a JSON API under /api/v1 over
// the service layer, its OpenAPI 3.1 document, /healthz and /metrics.
//
// Handlers only parse the request into service.Params, call the service and
// write JSON; every error is written by one function (writeError) that maps
// error kinds to statuses: Invalid 400, NotFound 404, Conflict 409,
// Unavailable 503 (retryable), anything else 500 with "internal error".
// The body of an error is {"error": {"message": ..., "param": ...}}.
//
// Writes (POST) need "Authorization: Bearer <token>"; with no token
// configured they are refused (403). Bodies are limited in size, each
// request in time, and CORS is off unless origins are configured.
package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/service"
)

// Config configures a Server. Zero fields take the defaults in brackets.
type Config struct {
	// Token is the bearer token that writes need; empty refuses every write.
	Token string
	// Logger receives one line per request (nil: discard).
	Logger *slog.Logger
	// Registry receives the request metrics and is served at /metrics
	// (nil: a new registry of the server's own).
	Registry *prometheus.Registry
	// MaxBodyBytes limits a request body [1 MiB].
	MaxBodyBytes int64
	// Timeout limits the handling of one request [30 s].
	Timeout time.Duration
	// CORSOrigins are the origins allowed to call the API from a browser;
	// empty means no CORS headers at all.
	CORSOrigins []string
	// UI is the web application served at / (nil: a short page that points
	// to the API).
	UI fs.FS
}

// Server serves the API.
type Server struct {
	svc     *service.Service
	cfg     Config
	log     *slog.Logger
	reg     *prometheus.Registry
	mux     *http.ServeMux
	paths   map[string][]string // path pattern → methods, for 405
	reqs    *prometheus.CounterVec
	latency *prometheus.HistogramVec
}

// New returns a Server over svc.
func New(svc *service.Service, cfg Config) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	s := &Server{svc: svc, cfg: cfg, log: cfg.Logger, reg: cfg.Registry, mux: http.NewServeMux(), paths: map[string][]string{}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.reg == nil {
		s.reg = prometheus.NewRegistry()
	}
	s.reqs = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "caravan_http_requests_total", Help: "HTTP requests by route pattern, method and status code.",
	}, []string{"route", "method", "code"})
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "caravan_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route pattern.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
	}, []string{"route"})
	s.reg.MustRegister(s.reqs, s.latency)
	s.routes()
	return s
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s }

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.cors(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

// handle registers h for method and path under the middleware: timeout,
// body limit, metrics and the request log.
func (s *Server) handle(method, path string, h func(w http.ResponseWriter, r *http.Request) error) {
	s.paths[path] = append(s.paths[path], method)
	pattern := method + " " + path
	s.mux.Handle(pattern, s.wrap(pattern, h))
}

// statusWriter records the status code a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (s *Server) wrap(pattern string, h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		}
		sw := &statusWriter{ResponseWriter: w}
		func() {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					s.log.Error("panic", "route", pattern, "panic", v)
					s.writeError(sw, r, caravan.Errorf(caravan.Internal, "server", "panic: %v", v))
				}
			}()
			if err := h(sw, r); err != nil {
				s.writeError(sw, r, err)
			}
		}()
		code := sw.code
		if code == 0 {
			code = http.StatusOK
		}
		d := time.Since(start)
		s.reqs.WithLabelValues(pattern, r.Method, strconv.Itoa(code)).Inc()
		s.latency.WithLabelValues(pattern).Observe(d.Seconds())
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "route", pattern, "status", code,
			"duration_ms", float64(d.Microseconds())/1000, "remote", r.RemoteAddr)
	})
}

// errorBody is the JSON of every API error.
type errorBody struct {
	Error struct {
		Message string `json:"message"`
		Param   string `json:"param,omitempty"`
	} `json:"error"`
}

// httpError is an error that carries its own status (authorization, body
// size, unknown endpoint).
type httpError struct {
	status int
	msg    string
	param  string
}

func (e *httpError) Error() string { return e.msg }

// writeError writes err as JSON with its status: the one place where error
// kinds become HTTP statuses.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var body errorBody
	status := http.StatusInternalServerError
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		status, body.Error.Message, body.Error.Param = he.status, he.msg, he.param
	case errors.As(err, &mbe):
		status = http.StatusRequestEntityTooLarge
		body.Error.Message = "request body larger than " + strconv.FormatInt(mbe.Limit, 10) + " bytes"
		body.Error.Param = "body"
	case errors.Is(err, context.DeadlineExceeded):
		status = http.StatusServiceUnavailable
		body.Error.Message = "the request took longer than " + s.cfg.Timeout.String() + "; try again or ask for less"
		w.Header().Set("Retry-After", "1")
	case errors.Is(err, context.Canceled):
		status = 499 // the client went away; nobody reads this
		body.Error.Message = "request canceled"
	default:
		body.Error.Param, body.Error.Message = caravan.ParamDetail(err)
		switch caravan.KindOf(err) {
		case caravan.Invalid:
			status = http.StatusBadRequest
		case caravan.NotFound:
			status = http.StatusNotFound
		case caravan.Conflict:
			status = http.StatusConflict
		case caravan.Unavailable:
			status = http.StatusServiceUnavailable
			w.Header().Set("Retry-After", "1")
		default:
			s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
			body.Error.Message, body.Error.Param = "internal error", ""
		}
	}
	writeJSON(w, status, body)
}

// buffers holds the encoding buffers of answers, so that an answer costs
// no buffer growth once the pool is warm.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeJSON writes v with status and its Content-Length. A value that
// cannot be encoded is an internal error, reported before anything is
// written.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	return writeBody(w, status, "application/json; charset=utf-8", v)
}

// writeBody writes v as JSON with status, content type and Content-Length.
func writeBody(w http.ResponseWriter, status int, contentType string, v any) error {
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 1<<20 {
			buffers.Put(buf)
		}
	}()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return caravan.Errorf(caravan.Internal, "server.writeJSON", "%w", err)
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// cors answers a CORS preflight or adds the headers for an allowed origin;
// it reports whether the request is answered.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || len(s.cfg.CORSOrigins) == 0 {
		return false
	}
	if !slices.Contains(s.cfg.CORSOrigins, origin) && !slices.Contains(s.cfg.CORSOrigins, "*") {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST, DELETE")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// authorize checks the bearer token of a write.
func (s *Server) authorize(r *http.Request) error {
	if s.cfg.Token == "" {
		return &httpError{status: http.StatusForbidden, msg: "writes are disabled: the server has no token configured (set CARAVAN_TOKEN)", param: "Authorization"}
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) != 1 {
		return &httpError{status: http.StatusUnauthorized, msg: "want Authorization: Bearer <token>", param: "Authorization"}
	}
	return nil
}

// metrics serves the registry in the Prometheus text format.
func (s *Server) metrics() http.Handler {
	return promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{Registry: s.reg})
}
