package service

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// Params are a request's parameters by name, in the API's spelling
// ("as_of", "max_shared"), as the caller typed them. The CLI builds them
// from the flags that were set (--as-of → as_of); the server from the
// query string. Absent and empty are the same.
type Params map[string]string

// ParamsFromQuery returns the parameters of a URL query, refusing a
// parameter given twice or one not in allowed.
func ParamsFromQuery(q url.Values, allowed ...string) (Params, error) {
	p := Params{}
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		vs := q[k]
		if !slices.Contains(allowed, k) {
			return nil, caravan.InvalidParam(k, "unknown parameter (want one of %s)", strings.Join(allowed, ", "))
		}
		if len(vs) > 1 {
			return nil, caravan.InvalidParam(k, "given %d times; give it once (lists are comma-separated)", len(vs))
		}
		p[k] = vs[0]
	}
	return p, nil
}

// Limits bound the work one request may ask for. The zero value means
// DefaultLimits.
type Limits struct {
	MaxAlternatives int     // routes of an alternatives request
	MaxMatrixCells  int     // origins × destinations of a matrix
	MaxParetoLabels int     // labels a Pareto search may create
	MaxTEU          float64 // shipment size
	MaxTonnes       float64
	MaxListItems    int // places or countries in one list parameter
	MaxVia          int // waypoints of a route (each multiplies the states a search may visit)
	MaxPageSize     int // records in one page of a list
}

// DefaultLimits are the limits of the CLI and the server unless configured.
var DefaultLimits = Limits{
	MaxAlternatives: 8,
	MaxMatrixCells:  900,
	MaxParetoLabels: 400_000,
	MaxTEU:          100_000,    // about five of the largest container ships
	MaxTonnes:       10_000_000, // about a year of a busy rail crossing
	MaxListItems:    50,
	MaxVia:          8,
	MaxPageSize:     1000,
}

func (l Limits) orDefault() Limits {
	if l == (Limits{}) {
		return DefaultLimits
	}
	return l
}

// has reports whether p gives name a non-empty value.
func (p Params) has(name string) bool { return strings.TrimSpace(p[name]) != "" }

// str returns the trimmed value of name.
func (p Params) str(name string) string { return strings.TrimSpace(p[name]) }

// float parses name as a finite number in [lo, hi]; absent gives def.
func (p Params) float(name string, def, lo, hi float64) (float64, error) {
	s := p.str(name)
	if s == "" {
		return def, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, caravan.InvalidParam(name, "%q is not a number", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, caravan.InvalidParam(name, "want a finite number, have %s", s)
	}
	if v < lo || v > hi {
		return 0, caravan.InvalidParam(name, "%s is out of range: want %s to %s", s, num(lo), num(hi))
	}
	return v, nil
}

// integer parses name as a whole number in [lo, hi]; absent gives def.
func (p Params) integer(name string, def, lo, hi int) (int, error) {
	s := p.str(name)
	if s == "" {
		return def, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, caravan.InvalidParam(name, "%q is not a whole number", s)
	}
	if v < lo || v > hi {
		return 0, caravan.InvalidParam(name, "%d is out of range: want %d to %d", v, lo, hi)
	}
	return v, nil
}

// boolean parses name as true/false (also 1/0, yes/no); absent is false.
func (p Params) boolean(name string) (bool, error) {
	switch strings.ToLower(p.str(name)) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes":
		return true, nil
	}
	return false, caravan.InvalidParam(name, "%q: want true or false", p[name])
}

// date parses name as YYYY-MM-DD; absent gives def.
func (p Params) date(name string, def network.Date) (network.Date, error) {
	s := p.str(name)
	if s == "" {
		return def, nil
	}
	d, err := network.ParseDate(s)
	if err != nil {
		return 0, caravan.InvalidParam(name, "%v", err)
	}
	return d, nil
}

// list splits a comma-separated value. A value given but holding no item
// (",") is an error; more than max items too.
func (p Params) list(name string, max int) ([]string, error) {
	raw, ok := p[name]
	if !ok || strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	out := SplitList(raw)
	if len(out) == 0 {
		return nil, caravan.InvalidParam(name, "empty list %q", raw)
	}
	if len(out) > max {
		return nil, caravan.InvalidParam(name, "%d items; at most %d", len(out), max)
	}
	return out, nil
}

// criterion parses name as a route criterion; absent gives time.
func (p Params) criterion(name string) (route.Criterion, error) {
	s := p.str(name)
	if s == "" {
		return route.Time, nil
	}
	c, err := route.ParseCriterion(s)
	if err != nil {
		return 0, caravan.InvalidParam(name, "%v", err)
	}
	return c, nil
}

// SplitList splits a comma-separated value, dropping empty items.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// shipment reads the parameters every planning request shares: the
// criterion (by), the date (as_of, default today) and the shipment size
// (teu, tonnes).
func (s *Service) shipment(p Params, r *route.Request) error {
	var err error
	if r.By, err = p.criterion("by"); err != nil {
		return err
	}
	if r.AsOf, err = p.date("as_of", s.Today()); err != nil {
		return err
	}
	if r.TEU, err = p.float("teu", 0, 0, s.limits.MaxTEU); err != nil {
		return err
	}
	if r.Tonnes, err = p.float("tonnes", 0, 0, s.limits.MaxTonnes); err != nil {
		return err
	}
	if r.RailService, err = graph.ParseRailService(p.str("rail_service")); err != nil {
		return caravan.InvalidParam("rail_service", "%v", err)
	}
	r.TIR, err = p.boolean("tir")
	return err
}
