package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/trade"
)

// runTrade shows the trade series of a country pair against its target.
func runTrade(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("trade", "A B",
		"Show the trade between countries A and B (ISO codes, e.g. AF KZ) by period with its sources, mirror\n"+
			"figures side by side, the latest target, the growth it needs, the trend and whether it is on track.\n"+
			"Method: "+trade.Method)
	db := dbFlag(fs)
	fs.String("by", "", "judge the target by the end of `YEAR` instead of its own deadline")
	fs.String("target", "", "evaluate the target with this `ID` instead of the latest announced one")
	plot := fs.String("plot", "", "also draw the chart as SVG into `FILE`")
	width := fs.Int("width", 40, "width of the terminal chart's bars, in cells (10 to 200)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want two country codes A B (e.g. AF KZ), got %d arguments", len(pos))
	}
	if *width < 10 || *width > 200 {
		return usagef("--width: %d is out of range: want 10 to 200", *width)
	}
	e.positional = map[string]string{"a": "A", "b": "B"}
	svc, err := e.service(ctx, "", *db)
	if err != nil {
		return err
	}
	defer svc.Close()
	p := params(fs, map[string]string{"a": pos[0], "b": pos[1]})
	delete(p, "plot")
	delete(p, "width")
	rep, err := svc.Trade(ctx, p)
	if err != nil {
		return err
	}
	an := rep.Analysis
	if *plot != "" {
		if err := writeSVGFile(*plot, an); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, rep)
	}
	return printTrade(e.stdout, an, *width)
}

func writeSVGFile(path string, an *trade.Analysis) error {
	f, err := os.Create(path)
	if err != nil {
		return caravan.Errorf(caravan.Invalid, "", "--plot: %w", err)
	}
	if err := trade.WriteSVG(f, an); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printTrade writes the human report: the series table, the other
// figures, the targets, the evaluation and the chart.
func printTrade(w io.Writer, an *trade.Analysis, width int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s–%s bilateral trade by period (every reported figure; mirror figures side by side)\n", an.A, an.B)
	fmt.Fprintln(tw, "period\tdates\tUSD\treported by\tsources\tnote")
	for _, r := range an.Series {
		for i, f := range r.Figures {
			label, dates := r.Period.Name(), fmt.Sprintf("%s..%s", r.Start, r.End)
			if i > 0 {
				label, dates = "", ""
			}
			value := usdText(&f)
			if !r.Annual {
				value += fmt.Sprintf(" (%s/yr)", millions(r.AnnualizedUSD[i]))
			}
			if f.Tonnes.Known {
				value += ", " + tonnesText(f.Tonnes.Value)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", label, dates, value, reporter(&f), sourcesText(&f), figureNote(&f))
		}
	}
	tw.Flush()
	list := func(title string, fs []trade.Figure) {
		if len(fs) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, f := range fs {
			what := f.Flow
			if f.Subject != "" {
				what = strings.TrimSpace(what + " " + f.Subject)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", f.Kind, orDash(f.Period.Name()), orDash(what), valueText(&f), sourcesText(&f), figureNote(&f))
		}
		tw.Flush()
	}
	list("One direction:", an.Flows)
	list("Transit and sector figures:", an.Other)
	list("Without a period:", an.Undated)
	if len(an.Targets) > 0 {
		fmt.Fprintln(w, "\nTargets (per year), by announcement:")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, t := range an.Targets {
			mark := " "
			if an.Target != nil && t.ID == an.Target.ID {
				mark = "*"
			}
			announced := t.Announced.String()
			if announced == "" {
				announced = "undated"
			}
			deadline := "no deadline"
			if !t.Period.IsZero() {
				deadline = "by " + t.Period.End.String()
			}
			fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s\t%s\t%s\n", mark, announced, usdText(&t), deadline, reporter(&t), sourcesText(&t), t.ID)
		}
		tw.Flush()
	}
	fmt.Fprintln(w)
	if t := an.Target; t != nil {
		fmt.Fprintf(w, "Target evaluated: %s/yr announced %s (%s)", millions(t.USD.Value), orUndated(t.Announced.String()), t.ID)
		if an.Deadline != 0 {
			from := "its own deadline"
			if an.DeadlineFrom == "by" {
				from = "--by"
			}
			fmt.Fprintf(w, ", deadline %s (%s)", an.Deadline, from)
		}
		fmt.Fprintln(w)
	}
	if an.Latest != nil {
		fmt.Fprintf(w, "Latest annual period: %s\n", an.Latest.Period.Name())
	}
	for _, n := range an.Needed {
		fmt.Fprintf(w, "Growth needed from %s (%s): %+.1f %%/yr over %.1f years\n", millions(n.FromUSD), n.Figure, n.GrowthPct, n.Years)
	}
	if tr := an.Trend; tr != nil {
		fmt.Fprintf(w, "Trend: %+.1f %%/yr (log-linear fit of %d figures in %d annual periods, %.1f–%.1f)\n", tr.GrowthPct, tr.Points, tr.Periods, tr.FromYear, tr.ToYear)
	}
	if an.ProjectedUSD != nil {
		fmt.Fprintf(w, "Trend at the deadline: %s\n", millions(*an.ProjectedUSD))
	}
	if an.ReachYear != nil {
		fmt.Fprintf(w, "At the trend the target is reached during %d\n", int(math.Floor(*an.ReachYear)))
	}
	fmt.Fprintf(w, "Verdict: %s\n", strings.ReplaceAll(string(an.Verdict), "_", " "))
	for _, n := range an.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	fmt.Fprintln(w)
	return trade.WriteChart(w, an, width)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func orUndated(s string) string {
	if s == "" {
		return "undated"
	}
	return s
}

func millions(usd float64) string { return trimNum(usd/1e6) + "m" }

func trimNum(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

// usdText writes a figure's USD with its qualifier and range.
func usdText(f *trade.Figure) string {
	if !f.USD.Known {
		return "-"
	}
	s := millions(f.USD.Value)
	if f.USD.Min != f.USD.Value || f.USD.Max != f.USD.Value {
		s += fmt.Sprintf(" (%s–%s)", millions(f.USD.Min), millions(f.USD.Max))
	}
	if f.Qualifier != "" {
		s = strings.ReplaceAll(f.Qualifier, "_", " ") + " " + s
	}
	return s
}

// valueText writes USD and tonnes, whichever are known.
func valueText(f *trade.Figure) string {
	var parts []string
	if f.USD.Known {
		parts = append(parts, usdText(f))
	}
	if f.Tonnes.Known {
		t := tonnesText(f.Tonnes.Value)
		if f.Kind == trade.Target {
			t += "/yr"
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, ", ")
}

// tonnesText writes tonnes as t, kt or Mt.
func tonnesText(t float64) string {
	switch {
	case t >= 1e6:
		return trimNum(t/1e6) + " Mt"
	case t >= 1e3:
		return trimNum(t/1e3) + " kt"
	}
	return trimNum(t) + " t"
}

func reporter(f *trade.Figure) string {
	switch {
	case f.Reporter != "" && f.ReporterName != "":
		return f.Reporter + " (" + f.ReporterName + ")"
	case f.Reporter != "":
		return f.Reporter
	}
	return f.ReporterName
}

func sourcesText(f *trade.Figure) string {
	ids := f.Sources.IDs()
	if f.Document != "" {
		ids = append(ids, fmt.Sprintf("%s@%d-%d", f.Document, f.Start, f.End))
	}
	return strings.Join(ids, ", ")
}

func figureNote(f *trade.Figure) string {
	parts := []string{}
	if f.GrowthPct != nil {
		parts = append(parts, fmt.Sprintf("%+g %% on the previous period", *f.GrowthPct))
	}
	if f.Doubt != "" {
		parts = append(parts, "doubtful: "+f.Doubt)
	}
	if f.Note != "" {
		parts = append(parts, f.Note)
	}
	return strings.Join(parts, "; ")
}
