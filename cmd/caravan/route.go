package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan/route"
	"github.com/caravan-transport/caravan/service"
)

// runRoute plans a route between two places.
func runRoute(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("route", "FROM TO",
		"Plan a freight route between two places (ids or names in English or Persian).")
	fs.String("teu", "", "shipment size in TEU (default 1 TEU when neither --teu nor --tonnes is given)")
	fs.String("tonnes", "", "shipment size in tonnes")
	fs.String("rail-service", "", "rail service booked: block (a scheduled block or container train; default) or wagonload (single wagons in mixed trains)")
	fs.Bool("tir", false, "trucks travel under TIR carnets (sealed, pre-declared): road borders take the sourced fraction of the average truck's time")
	fs.String("by", "time", "criterion to minimise: time, p90 (reliable time), cost, co2, gc (generalised cost) or risk")
	fs.String("as-of", "", "plan on the network as of this date, YYYY-MM-DD (default: today)")
	fs.String("via", "", "comma-separated places the route must pass through, in this order (ids or names, like FROM and TO)")
	fs.String("leg-modes", "", "with --via: the modes of each leg between the stops, legs separated by / and a leg's modes by , (rail/road/rail: by rail to the first waypoint, trucks to the second, rail on); an empty leg allows every mode, and --modes still applies to every leg")
	fs.String("avoid", "", "comma-separated countries (ISO codes), places, crossings or links, and modes to avoid")
	fs.String("open", "", "comma-separated project ids whose links to treat as open (e.g. trans-afghan-railway)")
	fs.String("value", "", "cargo value in USD per tonne, for the value of time in --by gc (default: the dataset parameter)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	fs.Bool("pareto", false, "print the Pareto front over hours, USD, CO2, borders and risk (--json gives every route)")
	fs.String("alternatives", "", "print up to K meaningfully different routes, best first")
	fs.String("max-shared", "0.5", "with --alternatives: most of a route's length it may share with a better one (0..1)")
	fs.String("risk-penalty", "", "add this much (USD for cost/gc, hours for time) per unit of risk on each leg")
	fs.String("modes", "", "comma-separated modes the route may use (road, rail, ferry, sea, air); default all")
	fs.String("scenario", "", "apply a scenario: a YAML file or the name of a shipped one (caravan scenario list)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want FROM and TO, got %d argument(s); see caravan route -h", len(pos))
	}
	e.positional = map[string]string{"from": "FROM", "to": "TO"}
	svc, err := e.service(ctx, *dataDir, "")
	if err != nil {
		return err
	}
	q, err := svc.ParseRoute(params(fs, map[string]string{"from": pos[0], "to": pos[1]}))
	if err != nil {
		return err
	}
	res, err := svc.Route(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "caravan route: warning: %s\n", w)
	}
	switch res.Kind {
	case "pareto":
		printFront(e.stdout, res)
	case "alternatives":
		printAlternatives(e.stdout, res)
	default:
		printItinerary(e.stdout, res.Routes[0].Itinerary)
	}
	return nil
}

// printItinerary writes the itinerary as a table, one leg per line.
func printItinerary(w io.Writer, it *route.Itinerary) {
	fmt.Fprintf(w, "%s (%s) → %s (%s), as of %s, by %s; %g TEU, %g t",
		it.From.Name, it.From.Country, it.To.Name, it.To.Country, it.AsOf, it.By, it.Shipment.TEU, it.Shipment.Tonnes)
	if it.RailService != "" {
		fmt.Fprintf(w, "; rail service: %s", it.RailService)
	}
	if it.TIR {
		fmt.Fprint(w, "; trucks under TIR")
	}
	fmt.Fprintln(w)
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
	fmt.Fprintf(w, "\ntotal: %.0f km, %.1f h (%.1f days; p10 %.1f h, p50 %.1f h, p90 %.1f h), %.0f USD, %.0f kg CO2, %d border(s), %d transfer(s)",
		t.Km, t.Hours, t.Days, t.HoursP10, t.HoursP50, t.HoursP90, t.USD, t.KgCO2, t.Borders, t.Transfers)
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
func printFront(w io.Writer, f *service.RouteResult) {
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
		printItinerary(w, f.Routes[i].Itinerary)
	}
}

// printAlternatives writes each alternative with how it differs from the
// ones before it.
func printAlternatives(w io.Writer, res *service.RouteResult) {
	for i, a := range res.Routes {
		fmt.Fprintf(w, "=== alternative %d of %d: %s %.2f", i+1, len(res.Routes), a.By, *a.Objective)
		if i > 0 {
			fmt.Fprintf(w, " (+%.0f%% on the best)", 100**a.Stretch)
			for j, s := range a.Shared {
				fmt.Fprintf(w, "; shares %.0f%% of its length with route %d", 100*s, j+1)
			}
		}
		fmt.Fprintln(w)
		printItinerary(w, a.Itinerary)
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d route(s); each shares at most %.0f%% of its length with a better one\n", len(res.Routes), 100*res.MaxShared)
}
