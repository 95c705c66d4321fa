package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// runRoute plans a route between two places.
func runRoute(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("route", "FROM TO",
		"Plan a freight route between two places (ids or names in English or Persian).")
	teu := fs.Float64("teu", 0, "shipment size in TEU (default 1 TEU when neither --teu nor --tonnes is given)")
	tonnes := fs.Float64("tonnes", 0, "shipment size in tonnes")
	by := fs.String("by", "time", "criterion to minimise: time, cost, co2 or gc (generalised cost)")
	asOf := fs.String("as-of", "", "plan on the network as of this date, YYYY-MM-DD (default: today)")
	avoid := fs.String("avoid", "", "comma-separated countries (ISO codes), places, crossings or links, and modes to avoid")
	open := fs.String("open", "", "comma-separated project ids whose links to treat as open (e.g. trans-afghan-railway)")
	value := fs.Float64("value", 0, "cargo value in USD per tonne, for the value of time in --by gc (default: the dataset parameter)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	pareto := fs.Bool("pareto", false, "print the Pareto front over hours, USD, CO2, borders and risk (--json gives every route)")
	alts := fs.Int("alternatives", 0, "print up to K meaningfully different routes, best first")
	maxShared := fs.Float64("max-shared", 0.5, "with --alternatives: most of a route's length it may share with a better one (0..1)")
	riskPenalty := fs.Float64("risk-penalty", 0, "add this much (USD for cost/gc, hours for time) per unit of risk on each leg")
	modes := fs.String("modes", "", "comma-separated modes the route may use (road, rail, ferry, sea, air); default all")
	scen := fs.String("scenario", "", "apply a scenario: a YAML file or the name of a shipped one (caravan scenario list)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want FROM and TO, got %d argument(s); see caravan route -h", len(pos))
	}
	crit, err := route.ParseCriterion(*by)
	if err != nil {
		return usagef("--by: %v", err)
	}
	date := network.DateOf(e.now())
	if *asOf != "" {
		if date, err = network.ParseDate(*asOf); err != nil {
			return usagef("--as-of: %v", err)
		}
	}
	if *teu < 0 || *tonnes < 0 {
		return usagef("--teu and --tonnes must not be negative")
	}
	if *alts < 0 || *maxShared < 0 || *maxShared > 1 || *riskPenalty < 0 {
		return usagef("--alternatives and --risk-penalty must not be negative, --max-shared must lie in 0..1")
	}
	if *pareto && *alts > 0 {
		return usagef("--pareto and --alternatives exclude each other")
	}
	n, err := loadNetwork(ctx, *dataDir)
	if err != nil {
		return err
	}
	from, err := resolvePlace(n, "FROM", pos[0])
	if err != nil {
		return err
	}
	to, err := resolvePlace(n, "TO", pos[1])
	if err != nil {
		return err
	}
	req := route.Request{
		From: from.ID, To: to.ID, AsOf: date, By: crit, TEU: *teu, Tonnes: *tonnes,
		ValuePerTonne: *value, OpenProjects: splitList(*open), RiskPenalty: *riskPenalty,
	}
	if err := resolveAvoid(n, splitList(*avoid), &req); err != nil {
		return err
	}
	if *modes != "" {
		avoidModes, err := modesOutside(splitList(*modes))
		if err != nil {
			return err
		}
		req.AvoidModes = append(req.AvoidModes, avoidModes...)
	}
	g, _, err := applyScenario(n, *scen)
	if err != nil {
		return err
	}
	planner := route.New(g)
	switch {
	case *pareto:
		front, err := planner.Pareto(ctx, req, route.ParetoOptions{})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, front)
		}
		printFront(e.stdout, front)
		return nil
	case *alts > 0:
		list, err := planner.Alternatives(ctx, req, route.AltOptions{K: *alts, MaxShared: *maxShared})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, list)
		}
		printAlternatives(e.stdout, list, *maxShared)
		return nil
	}
	it, err := planner.Plan(ctx, req)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, it)
	}
	printItinerary(e.stdout, it)
	return nil
}

// resolveAvoid sorts the items of --avoid into countries, modes, links and
// crossings (by id or crossing name) and places (by id or name).
func resolveAvoid(n *network.Network, items []string, req *route.Request) error {
	for _, it := range items {
		if _, ok := n.Country(strings.ToUpper(it)); ok && len(it) == 2 {
			req.AvoidCountries = append(req.AvoidCountries, strings.ToUpper(it))
			continue
		}
		if m, err := network.ParseMode(strings.ToLower(it)); err == nil {
			req.AvoidModes = append(req.AvoidModes, m)
			continue
		}
		if _, ok := n.Link(it); ok {
			req.AvoidLinks = append(req.AvoidLinks, it)
			continue
		}
		found := false
		for _, l := range n.Links() {
			if l.Crossing != nil && network.FoldName(l.Crossing.Name) == network.FoldName(it) {
				req.AvoidLinks = append(req.AvoidLinks, l.ID)
				found = true
			}
		}
		if found {
			continue
		}
		ms := n.FindPlaces(it)
		if len(ms) == 0 || ms[0].Distance > 1 {
			_, err := resolvePlace(n, "--avoid", it)
			return err
		}
		for _, m := range ms { // avoid every place the name matches
			req.AvoidPlaces = append(req.AvoidPlaces, m.Place.ID)
		}
	}
	return nil
}

// modesOutside returns the modes not in the list of allowed mode names.
func modesOutside(allowed []string) ([]network.Mode, error) {
	ok := map[network.Mode]bool{}
	for _, s := range allowed {
		m, err := network.ParseMode(strings.ToLower(s))
		if err != nil {
			return nil, usagef("--modes: %v", err)
		}
		ok[m] = true
	}
	var out []network.Mode
	for _, m := range network.Modes {
		if !ok[m] {
			out = append(out, m)
		}
	}
	return out, nil
}

// printItinerary writes the itinerary as a table, one leg per line.
func printItinerary(w io.Writer, it *route.Itinerary) {
	fmt.Fprintf(w, "%s (%s) → %s (%s), as of %s, by %s; %g TEU, %g t\n",
		it.From.Name, it.From.Country, it.To.Name, it.To.Country, it.AsOf, it.By, it.Shipment.TEU, it.Shipment.Tonnes)
	if len(it.Open) > 0 {
		fmt.Fprintf(w, "treating as open: %s\n", strings.Join(it.Open, ", "))
	}
	if it.Scenario != "" {
		fmt.Fprintf(w, "scenario: %s\n", it.Scenario)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, " #\tstep\tmode\t     km\t  hours\t  dwell\t     USD\t kg CO2\tsources")
	for i, l := range it.Legs {
		step, mode := l.From.Name+" → "+l.To.Name, l.Mode
		if l.Gauge != 0 {
			mode += fmt.Sprintf(" %d", l.Gauge)
		}
		switch l.Kind {
		case "crossing":
			step = "border " + l.Crossing + ": " + step
		case "transfer":
			step = l.Transfer + " at " + l.From.Name
			to := l.ToMode
			if l.ToGauge != 0 {
				to += fmt.Sprintf(" %d", l.ToGauge)
			}
			mode += "→" + to
		}
		dwell := "       "
		if l.Dwell > 0 {
			dwell = fmt.Sprintf("%7.1f", l.Dwell)
		}
		fmt.Fprintf(tw, "%2d\t%s\t%s\t%7.0f\t%7.1f\t%s\t%8.0f\t%7.0f\t%s\n",
			i+1, step, mode, l.Km, l.Hours, dwell, l.USD, l.KgCO2, legSources(l))
	}
	tw.Flush()
	t := it.Total
	fmt.Fprintf(w, "\ntotal: %.0f km, %.1f h (%.1f days; p90 %.1f h), %.0f USD, %.0f kg CO2, %d border(s), %d transfer(s)",
		t.Km, t.Hours, t.Days, t.HoursP90, t.USD, t.KgCO2, t.Borders, t.Transfers)
	if t.Risk > 0 {
		fmt.Fprintf(w, ", risk %.3f", t.Risk)
	}
	if it.By == "gc" {
		fmt.Fprintf(w, ", generalised cost %.0f USD", t.GC)
	}
	fmt.Fprintf(w, "\ncountries: %s\nsources: %s\n", strings.Join(it.Countries, " → "), strings.Join(it.Sources, ", "))
}

// legSources returns the first source of each of a leg's main parameters
// (--json lists them all).
func legSources(l route.Leg) string {
	var ids []string
	seen := map[string]bool{}
	more := 0
	for _, k := range []string{"km", "speed", "hours", "cost", "dwell", "fee", "risk"} {
		for i, id := range l.Sources[k] {
			switch {
			case seen[id]:
			case i == 0:
				seen[id] = true
				ids = append(ids, id)
			default:
				seen[id] = true
				more++
			}
		}
	}
	s := strings.Join(ids, " ")
	if more > 0 {
		s += fmt.Sprintf(" +%d", more)
	}
	return s
}

// printFront writes a Pareto front as a table, then the representative
// routes in full.
func printFront(w io.Writer, f *route.Front) {
	if len(f.Routes) == 0 {
		return
	}
	r0 := f.Routes[0]
	fmt.Fprintf(w, "Pareto front %s → %s, as of %s: %d route(s)", r0.From.Name, r0.To.Name, r0.AsOf, len(f.Routes))
	if f.Truncated {
		fmt.Fprint(w, " (label bound hit: the front may be incomplete)")
	}
	fmt.Fprintln(w)
	rep := map[int]string{}
	for k, i := range f.Representative {
		rep[i] = f.RepReasons[k]
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  #\t  hours\t  days\t     USD\t kg CO2\tborders\t  risk\tcountries\tnote")
	for i, it := range f.Routes {
		t := it.Total
		fmt.Fprintf(tw, "%3d\t%7.1f\t%6.1f\t%8.0f\t%7.0f\t%7d\t%6.3f\t%s\t%s\n",
			i+1, t.Hours, t.Days, t.USD, t.KgCO2, t.Borders, t.Risk, strings.Join(it.Countries, ">"), rep[i])
	}
	tw.Flush()
	for k, i := range f.Representative {
		fmt.Fprintf(w, "\n--- route %d (%s)\n", i+1, f.RepReasons[k])
		printItinerary(w, f.Routes[i])
	}
}

// printAlternatives writes each alternative with how it differs from the
// ones before it.
func printAlternatives(w io.Writer, alts []route.Alternative, maxShared float64) {
	for i, a := range alts {
		fmt.Fprintf(w, "=== alternative %d of %d: %s %.2f", i+1, len(alts), a.By, a.Objective)
		if i > 0 {
			fmt.Fprintf(w, " (+%.0f%% on the best)", 100*a.Stretch)
			for j, s := range a.Shared {
				fmt.Fprintf(w, "; shares %.0f%% of its length with route %d", 100*s, j+1)
			}
		}
		fmt.Fprintln(w)
		printItinerary(w, a.Itinerary)
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d route(s); each shares at most %.0f%% of its length with a better one\n", len(alts), 100*maxShared)
}
