package service

import (
	"context"
	"encoding/json"
	"math"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/route"
)

// MatrixParams are the parameters of a matrix request.
var MatrixParams = []string{"from", "to", "by", "as_of", "teu", "tonnes", "rail_service", "tir", "scenario"}

// MatrixQuery is a checked matrix request.
type MatrixQuery struct {
	From, To []string // place ids
	Request  route.Request
	Scenario string
	Warnings []string
}

// ParseMatrix checks a matrix request. A list item is a place (id or name)
// or a country code, which stands for the country's hubs.
func (s *Service) ParseMatrix(p Params) (*MatrixQuery, error) {
	q := &MatrixQuery{}
	var err error
	for _, name := range []string{"from", "to"} {
		if !p.has(name) {
			return nil, caravan.InvalidParam(name, "want a comma-separated list of places or country codes")
		}
	}
	r := &q.Request
	if err := s.shipment(p, r); err != nil {
		return nil, err
	}
	if q.From, err = s.expandPlaces(p, "from"); err != nil {
		return nil, err
	}
	if q.To, err = s.expandPlaces(p, "to"); err != nil {
		return nil, err
	}
	if n := len(q.From) * len(q.To); n > s.limits.MaxMatrixCells {
		return nil, caravan.InvalidParam("to", "%d × %d = %d cells; at most %d", len(q.From), len(q.To), n, s.limits.MaxMatrixCells)
	}
	q.Scenario = p.str("scenario")
	q.Warnings = s.asOfWarnings(r.AsOf)
	return q, nil
}

// expandPlaces turns the list param into place ids: places by id or name,
// country codes by their hubs.
func (s *Service) expandPlaces(p Params, param string) ([]string, error) {
	items, err := p.list(param, s.limits.MaxListItems)
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, it := range items {
		if len(it) == 2 {
			if _, ok := s.net.Country(strings.ToUpper(it)); ok {
				hubs := s.hubs(strings.ToUpper(it), 3)
				if len(hubs) == 0 {
					return nil, caravan.ParamError(caravan.NotFound, param, "%s has no connected city or port", it)
				}
				for _, id := range hubs {
					add(id)
				}
				continue
			}
		}
		pl, err := s.ResolvePlace(param, it)
		if err != nil {
			return nil, err
		}
		add(pl.ID)
	}
	return out, nil
}

// Matrix is the value of a criterion between sets of places.
type Matrix struct {
	By       string      `json:"by"`
	Unit     string      `json:"unit"`
	AsOf     string      `json:"as_of"`
	Scenario string      `json:"scenario"`
	From     []string    `json:"from"`
	To       []string    `json:"to"`
	Values   [][]float64 `json:"-"` // Values[i][j] from From[i] to To[j]; +Inf when there is no route
	Warnings []string    `json:"warnings,omitempty"`
}

// MarshalJSON writes the values rounded to two decimals, with null for a
// pair without a route (JSON has no infinity).
func (m *Matrix) MarshalJSON() ([]byte, error) {
	out := make([][]*float64, len(m.Values))
	for i, row := range m.Values {
		out[i] = make([]*float64, len(row))
		for j, v := range row {
			if !math.IsInf(v, 1) {
				r := math.Round(v*100) / 100
				out[i][j] = &r
			}
		}
	}
	type plain Matrix
	return json.Marshal(struct {
		*plain
		Values [][]*float64 `json:"values"`
	}{(*plain)(m), out})
}

// Matrix computes q.
func (s *Service) Matrix(ctx context.Context, q *MatrixQuery) (*Matrix, error) {
	pl, _, err := s.planner(ctx, q.Scenario)
	if err != nil {
		return nil, err
	}
	res := &Matrix{By: q.Request.By.String(), Unit: UnitOf(q.Request.By), AsOf: q.Request.AsOf.String(),
		Scenario: scenarioName(q.Scenario), From: q.From, To: q.To, Warnings: q.Warnings}
	for _, f := range q.From {
		row := make([]float64, len(q.To))
		for j, t := range q.To {
			if f == t {
				continue
			}
			r := q.Request
			r.From, r.To = f, t
			v, err := pl.Cost(ctx, &r)
			if err != nil {
				return nil, err
			}
			row[j] = v
		}
		res.Values = append(res.Values, row)
	}
	return res, nil
}

// UnitOf returns the unit of a criterion's values.
func UnitOf(c route.Criterion) string {
	switch c {
	case route.Time:
		return "hours"
	case route.CO2:
		return "kg CO2"
	case route.Risk:
		return "risk (closure share)"
	default:
		return "USD"
	}
}
