package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan/route"
)

// runMatrix prints the value of a criterion between sets of places.
func runMatrix(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("matrix", "--from LIST --to LIST",
		"Best-route values between places. A list item is a place (id or name) or a country code, which stands for the country's hubs: its three best-connected cities and ports.")
	fs.String("from", "", "comma-separated places or country codes")
	fs.String("to", "", "comma-separated places or country codes")
	fs.String("by", "time", "criterion: time (hours), p90 (hours), cost (USD), co2 (kg), gc (USD) or risk")
	fs.String("as-of", "", "date, YYYY-MM-DD (default: today)")
	fs.String("teu", "", "shipment size in TEU")
	fs.String("tonnes", "", "shipment size in tonnes")
	fs.String("rail-service", "", "rail service booked: block (a scheduled block or container train; default) or wagonload (single wagons in mixed trains)")
	fs.Bool("tir", false, "trucks travel under TIR carnets (sealed, pre-declared): road borders take the sourced fraction of the average truck's time")
	format := fs.String("format", "table", "table or csv (--json overrides)")
	fs.String("scenario", "", "apply a scenario (file or shipped name)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("want --from LIST and --to LIST and no arguments")
	}
	if *format != "table" && *format != "csv" {
		return usagef("--format: want table or csv, have %q", *format)
	}
	svc, err := e.service(ctx, *dataDir, "")
	if err != nil {
		return err
	}
	p := params(fs, nil)
	delete(p, "format")
	q, err := svc.ParseMatrix(p)
	if err != nil {
		return err
	}
	res, err := svc.Matrix(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "caravan matrix: warning: %s\n", w)
	}
	crit := q.Request.By
	cell := func(v float64) string {
		if math.IsInf(v, 1) {
			return "-"
		}
		if crit == route.Time || crit == route.Risk {
			return fmt.Sprintf("%.1f", v)
		}
		return fmt.Sprintf("%.0f", v)
	}
	if *format == "csv" {
		w := csv.NewWriter(e.stdout)
		w.Write(append([]string{"from\\to"}, res.To...))
		for i, f := range res.From {
			rec := []string{f}
			for _, v := range res.Values[i] {
				rec = append(rec, strings.TrimSuffix(cell(v), "-"))
			}
			w.Write(rec)
		}
		w.Flush()
		return w.Error()
	}
	fmt.Fprintf(e.stdout, "%s in %s, as of %s (- = no route)\n", crit, res.Unit, res.AsOf)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "from \\ to\t")
	for _, t := range res.To {
		fmt.Fprintf(tw, "%s\t", t)
	}
	fmt.Fprintln(tw)
	for i, f := range res.From {
		fmt.Fprintf(tw, "%s\t", f)
		for _, v := range res.Values[i] {
			fmt.Fprintf(tw, "%s\t", cell(v))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}
