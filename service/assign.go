package service

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/assign/freight"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// AssignParams are the parameters of a freight assignment on the corridor
// network. demand (an OD CSV file) is for the CLI only.
var AssignParams = []string{"year", "pairs", "scenario", "as_of", "value_of_time", "gap", "shares", "via", "criticality", "kinds", "demand"}

// AssignQuery is a checked assignment request.
type AssignQuery struct {
	Year        int
	Pairs       []string // with trade demand: only these country pairs ("AF-KZ")
	DemandFile  string   // an OD CSV (CLI)
	Scenario    string
	AsOf        network.Date
	asOfSet     bool
	ValueOfTime float64 // USD per tonne-hour; 0: from the dataset's parameters
	Gap         float64
	ShareFrom   string // with Via: split this pair's freight by corridor
	ShareTo     string
	Via         []string
	Criticality bool
	Kinds       []string // with Criticality: link, crossing
}

// ParseAssign checks an assignment request.
func (s *Service) ParseAssign(p Params) (*AssignQuery, error) {
	q := &AssignQuery{}
	var err error
	if q.Year, err = p.integer("year", 0, 1990, 2100); err != nil {
		return nil, err
	}
	q.DemandFile = p.str("demand")
	if q.DemandFile != "" && !s.files {
		return nil, caravan.InvalidParam("demand", "a demand file can be named only on the command line")
	}
	if q.DemandFile == "" && q.Year == 0 {
		return nil, caravan.InvalidParam("year", "want the year whose trade sets the demand (or a demand file)")
	}
	if q.Pairs, err = p.list("pairs", s.limits.MaxListItems); err != nil {
		return nil, err
	}
	for _, pr := range q.Pairs {
		a, b, ok := strings.Cut(pr, "-")
		if !ok || len(a) != 2 || len(b) != 2 {
			return nil, caravan.InvalidParam("pairs", "%q: want country pairs such as AF-KZ", pr)
		}
	}
	if q.AsOf, err = p.date("as_of", s.Today()); err != nil {
		return nil, err
	}
	q.asOfSet = p.has("as_of")
	if q.ValueOfTime, err = p.float("value_of_time", 0, 0, 1e6); err != nil {
		return nil, err
	}
	if q.Gap, err = p.float("gap", 1e-6, 1e-12, 0.5); err != nil { // the range keeps it positive
		return nil, err
	}
	q.Scenario = p.str("scenario")
	if pair := p.str("shares"); pair != "" {
		var ok bool
		if q.ShareFrom, q.ShareTo, ok = strings.Cut(strings.ToUpper(pair), "-"); !ok || len(q.ShareFrom) != 2 || len(q.ShareTo) != 2 {
			return nil, caravan.InvalidParam("shares", "want FROM-TO country codes, e.g. UZ-PK, have %q", pair)
		}
	}
	if q.Via, err = p.list("via", s.limits.MaxListItems); err != nil {
		return nil, err
	}
	if (q.ShareFrom == "") != (len(q.Via) == 0) {
		return nil, caravan.InvalidParam("via", "shares and via go together")
	}
	if q.Criticality, err = p.boolean("criticality"); err != nil {
		return nil, err
	}
	kinds, err := p.list("kinds", 2)
	if err != nil {
		return nil, err
	}
	for _, k := range kinds {
		if k != "link" && k != "crossing" {
			return nil, caravan.InvalidParam("kinds", "%q is not link or crossing", k)
		}
	}
	if len(kinds) > 0 && !q.Criticality {
		return nil, caravan.InvalidParam("kinds", "applies only with criticality")
	}
	q.Kinds = kinds
	return q, nil
}

// AssignReport is a freight assignment: the demand and how it was made,
// the equilibrium flows, bottlenecks, corridor shares and, when asked, the
// criticality ranking.
type AssignReport struct {
	Year            int               `json:"year"`
	AsOf            string            `json:"as_of"`
	Scenario        string            `json:"scenario,omitempty"`
	DemandFrom      string            `json:"demand_from"`
	USDPerTonne     float64           `json:"usd_per_tonne,omitempty"`
	USDPerTonneSrc  []string          `json:"usd_per_tonne_sources,omitempty"`
	ValueOfTime     float64           `json:"value_of_time_usd_per_tonne_hour"`
	Demand          []freight.Demand  `json:"demand"`
	Result          *freight.Result   `json:"result"`
	Bottlenecks     []freight.ArcFlow `json:"bottlenecks"`
	Criticality     []freight.Impact  `json:"criticality,omitempty"`
	Shares          []freight.Share   `json:"shares,omitempty"`
	ShareTonnes     float64           `json:"share_pair_tonnes,omitempty"`
	CapacityEstNote string            `json:"capacity_note"`
}

// Assign solves q: demand from the knowledge base's trade figures (or the
// OD file), capacities and volume-delay functions of the corridor network,
// user equilibrium by Algorithm B. progress, when not nil, is told each
// stage.
func (s *Service) Assign(ctx context.Context, q *AssignQuery, progress func(stage string)) (*AssignReport, error) {
	say := func(stage string) {
		if progress != nil {
			progress(stage)
		}
	}
	pl, sc, err := s.planner(ctx, q.Scenario)
	if err != nil {
		return nil, err
	}
	g, n := pl.Graph(), s.net
	rep := &AssignReport{Year: q.Year, AsOf: q.AsOf.String(),
		CapacityEstNote: "capacities marked estimated are round engineering numbers (see go doc assign/freight), not sourced figures"}
	date := q.AsOf
	if sc != nil {
		rep.Scenario = sc.Name
		if !q.asOfSet && sc.AsOf != 0 {
			date = sc.AsOf.Day() // the date the scenario is meant to be read on
			rep.AsOf = date.String()
		}
	}
	say("demand")
	cargo, hasCargo := n.Parameter("cargo_value_usd_per_tonne")
	if q.DemandFile != "" {
		f, err := os.Open(q.DemandFile)
		if err != nil {
			return nil, caravan.ParamError(caravan.NotFound, "demand", "%v", err)
		}
		rep.Demand, err = freight.ReadDemandCSV(f, q.DemandFile, n)
		f.Close()
		if err != nil {
			return nil, err
		}
		rep.DemandFrom = q.DemandFile
	} else {
		if !hasCargo || !(cargo.Value > 0) {
			return nil, caravan.Errorf(caravan.Invalid, "", "the dataset has no cargo_value_usd_per_tonne parameter to turn trade values into tonnes")
		}
		rep.USDPerTonne, rep.USDPerTonneSrc = cargo.Value, cargo.Sources.IDs()
		figs, err := s.tradeFigures(ctx)
		if err != nil {
			return nil, err
		}
		rep.Demand, err = freight.FromTrade(figs, n, freight.TradeOptions{Year: q.Year, USDPerTonne: cargo.Value, Only: q.Pairs})
		if err != nil {
			return nil, err
		}
		rep.DemandFrom = fmt.Sprintf("trade figures for %d", q.Year)
		if len(rep.Demand) == 0 {
			return nil, caravan.ParamError(caravan.NotFound, "year", "no bilateral trade figures usable for %d", q.Year)
		}
	}
	rep.ValueOfTime = q.ValueOfTime
	if rep.ValueOfTime == 0 {
		r, ok := n.Parameter("time_cost_rate_per_year")
		if !hasCargo || !ok {
			return nil, caravan.InvalidParam("value_of_time", "give it: the dataset lacks cargo_value_usd_per_tonne or time_cost_rate_per_year")
		}
		rep.ValueOfTime = cargo.Value * r.Value / (365 * 24)
	}
	say("equilibrium")
	m, err := freight.Build(g, rep.Demand, freight.Options{Conditions: graph.Conditions{AsOf: date}, USDPerTonneHour: rep.ValueOfTime, Gap: q.Gap})
	if err != nil {
		return nil, err
	}
	if rep.Result, err = m.Solve(ctx); err != nil {
		return nil, err
	}
	rep.Bottlenecks = nonNil(rep.Result.Bottlenecks())
	if q.ShareFrom != "" {
		if rep.Shares, rep.ShareTonnes, err = rep.Result.Shares(q.ShareFrom, q.ShareTo, q.Via); err != nil {
			return nil, err
		}
	}
	if q.Criticality {
		say("criticality")
		if rep.Criticality, err = m.Criticality(ctx, rep.Demand, rep.Result, q.Kinds...); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// tradeFigures returns the trade figures that set the demand: the
// knowledge base's (stored figures and accepted facts), or the built-in
// dataset's when no knowledge base is configured.
func (s *Service) tradeFigures(ctx context.Context) ([]trade.Figure, error) {
	if _, _, err := DBLocation(s.dbFlag, s.getenv); err != nil {
		b, err := dataset.LoadKnowledge(ctx, dataset.Builtin(), s.net)
		if err != nil {
			return nil, err
		}
		return b.Figures, nil
	}
	st, err := s.Store(ctx)
	if err != nil {
		return nil, err
	}
	return kb.Figures(ctx, st, kb.FigureFilter{})
}

// FlowsGeoJSON returns the flows of a result as lines from tail place to
// head place, with the volume and capacity as properties.
func (s *Service) FlowsGeoJSON(r *freight.Result) *FeatureCollection {
	fc := newCollection()
	for _, f := range r.Flows {
		a, ok1 := s.net.Place(f.From)
		b, ok2 := s.net.Place(f.To)
		if !ok1 || !ok2 || f.From == f.To {
			continue
		}
		fc.add(lineFeature(f, a.Loc, b.Loc))
	}
	return fc
}
