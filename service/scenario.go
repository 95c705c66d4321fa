package service

import (
	"context"
	"fmt"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/route"
	"github.com/caravan-transport/caravan/scenario"
)

// ScenarioRow is a shipped scenario.
type ScenarioRow struct {
	Name        string   `json:"name"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	AsOf        string   `json:"as_of,omitempty"`
	Opens       []string `json:"opens"` // projects the scenario opens
}

// Scenarios lists the scenarios shipped with caravan.
func (s *Service) Scenarios() ([]ScenarioRow, error) {
	var out []ScenarioRow
	for _, name := range scenario.Examples() {
		sc, err := scenario.Example(name)
		if err != nil {
			return nil, err
		}
		row := ScenarioRow{Name: name, Title: sc.Name, Description: sc.Description, Opens: []string{}}
		if sc.AsOf != 0 {
			row.AsOf = sc.AsOf.String()
		}
		for _, o := range sc.Active().Open {
			if o.Project != "" {
				row.Opens = append(row.Opens, o.Project)
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// CheckScenario loads the scenario named by name and checks it against the
// network.
func (s *Service) CheckScenario(name string) (*scenario.Scenario, error) {
	sc, err := s.loadScenario(name)
	if err != nil {
		return nil, err
	}
	return invalidData(sc, sc.Check(s.net))
}

// DiffParams are the parameters of a scenario diff.
var DiffParams = []string{"a", "b", "from", "to", "by", "as_of", "teu", "tonnes", "rail_service", "tir", "modes", "avoid", "open"}

// DiffQuery is a checked scenario diff request.
type DiffQuery struct {
	A, B     string
	Request  route.Request
	asOfSet  bool
	Warnings []string
}

// ParseDiff checks a diff request: scenarios a and b ("base" for none),
// the places from and to, and the route options.
func (s *Service) ParseDiff(p Params) (*DiffQuery, error) {
	q := &DiffQuery{A: p.str("a"), B: p.str("b")}
	if q.A == "" {
		q.A = "base"
	}
	if q.B == "" {
		return nil, caravan.InvalidParam("b", "want the scenario to compare with a (a shipped name, or base)")
	}
	rp := Params{}
	for _, k := range []string{"from", "to", "by", "as_of", "teu", "tonnes", "rail_service", "tir", "modes", "avoid", "open"} {
		if v, ok := p[k]; ok {
			rp[k] = v
		}
	}
	rq, err := s.ParseRoute(rp)
	if err != nil {
		return nil, err
	}
	q.Request = rq.Request
	q.asOfSet = p.has("as_of")
	q.Warnings = rq.Warnings
	return q, nil
}

// Diff is a scenario comparison: the diff and both itineraries.
type Diff struct {
	*route.Diff
	A        *route.Itinerary `json:"itinerary_a"`
	B        *route.Itinerary `json:"itinerary_b"`
	Warnings []string         `json:"warnings,omitempty"`
}

// Diff plans q under both scenarios and compares the routes leg by leg.
// Without as_of, the date is b's as_of, else a's, else today.
func (s *Service) Diff(ctx context.Context, q *DiffQuery) (*Diff, error) {
	pa, sa, err := s.planner(ctx, q.A)
	if err != nil {
		return nil, relabel(err, "a")
	}
	pb, sb, err := s.planner(ctx, q.B)
	if err != nil {
		return nil, relabel(err, "b")
	}
	req := q.Request
	if !q.asOfSet {
		switch {
		case sb != nil && sb.AsOf != 0:
			req.AsOf = sb.AsOf.Day()
		case sa != nil && sa.AsOf != 0:
			req.AsOf = sa.AsOf.Day()
		}
	}
	ia, err := pa.Plan(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("under %s: %w", q.A, err)
	}
	ib, err := pb.Plan(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("under %s: %w", q.B, err)
	}
	d := route.Compare(q.A, ia, q.B, ib,
		func(l *route.Leg) string { return pa.WhyNot(l, &req) }, func(l *route.Leg) string { return pb.WhyNot(l, &req) })
	return &Diff{Diff: d, A: ia, B: ib, Warnings: q.Warnings}, nil
}

// relabel moves a scenario error to another parameter name.
func relabel(err error, param string) error {
	if e, ok := err.(*caravan.Error); ok && e.Param == "scenario" {
		c := *e
		c.Param = param
		return &c
	}
	return err
}
