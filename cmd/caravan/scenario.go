package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan/route"
)

// runScenario dispatches caravan scenario list|check|diff.
func runScenario(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("want a subcommand: list, check FILE or diff A B --from X --to Y")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(e.stdout, "usage: caravan scenario list | check FILE|NAME | diff A B --from X --to Y\n\n"+
			"  list    the scenarios shipped with caravan\n"+
			"  check   check a scenario file (or a shipped one) against the dataset\n"+
			"  diff    compare the best route between two places under scenarios A and B\n\n"+
			"Run 'caravan scenario <subcommand> -h' for its flags.")
		return nil
	case "list":
		return runScenarioList(ctx, e, args[1:])
	case "check":
		return runScenarioCheck(ctx, e, args[1:])
	case "diff":
		return runScenarioDiff(ctx, e, args[1:])
	default:
		return usagef("unknown subcommand %q: want list, check or diff", args[0])
	}
}

func runScenarioList(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("scenario list", "", "List the scenarios shipped with caravan.")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	svc, err := e.service(ctx, *dataDir, "")
	if err != nil {
		return err
	}
	items, err := svc.Scenarios()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, items)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "name\ttitle")
	for _, it := range items {
		fmt.Fprintf(tw, "%s\t%s\n", it.Name, it.Title)
	}
	return tw.Flush()
}

func runScenarioCheck(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("scenario check", "FILE|NAME", "Check a scenario file against the dataset.")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one scenario file or name")
	}
	e.positional = map[string]string{"scenario": "FILE"}
	svc, err := e.service(ctx, *dataDir, "")
	if err != nil {
		return err
	}
	s, err := svc.CheckScenario(pos[0])
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, map[string]any{"scenario": s.Name, "file": s.File, "ok": true})
	}
	fmt.Fprintf(e.stdout, "%s: ok: %q\n", s.File, s.Name)
	return nil
}

func runScenarioDiff(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("scenario diff", "A B --from X --to Y",
		"Compare the best route between two places under scenarios A and B (a file, a shipped name, or base).")
	fs.String("from", "", "origin place (id or name)")
	fs.String("to", "", "destination place (id or name)")
	fs.String("by", "time", "criterion: time, p90, cost, co2, gc or risk")
	fs.String("as-of", "", "date, YYYY-MM-DD (default: B's as_of, else A's, else today)")
	fs.String("teu", "", "shipment size in TEU")
	fs.String("tonnes", "", "shipment size in tonnes")
	fs.String("rail-service", "", "rail service booked: block (a scheduled block or container train; default) or wagonload (single wagons in mixed trains)")
	fs.Bool("tir", false, "trucks travel under TIR carnets (sealed, pre-declared): road borders take the sourced fraction of the average truck's time")
	fs.String("modes", "", "comma-separated modes the routes may use (default all)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want two scenarios A B and --from and --to")
	}
	e.positional = map[string]string{"a": "A", "b": "B"}
	svc, err := e.service(ctx, *dataDir, "")
	if err != nil {
		return err
	}
	q, err := svc.ParseDiff(params(fs, map[string]string{"a": pos[0], "b": pos[1]}))
	if err != nil {
		return err
	}
	d, err := svc.Diff(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, d)
	}
	printDiff(e.stdout, d.Diff)
	return nil
}

// printDiff writes a diff side by side, leg by leg, with its explanations.
func printDiff(w io.Writer, d *route.Diff) {
	a, b := d.A, d.B
	fmt.Fprintf(w, "%s → %s, as of %s, by %s\nA = %s\nB = %s\n\n", a.From.Name, a.To.Name, a.AsOf, a.By, d.NameA, d.NameB)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  \tA\t  h\tB\t  h")
	short := func(l *route.Leg) (string, string) {
		if l == nil {
			return "", ""
		}
		s := l.From.Name + " → " + l.To.Name + " " + l.Mode
		switch l.Kind {
		case "transfer":
			s = l.Transfer + " at " + l.From.Name
		case "crossing":
			s = "border " + l.Crossing + " " + l.Mode
		}
		return s, fmt.Sprintf("%5.1f", l.Hours+l.Dwell)
	}
	mark := map[string]string{"same": " ", "changed": "~", "only_a": "-", "only_b": "+"}
	for _, row := range d.Legs {
		sa, ha := short(row.A)
		sb, hb := short(row.B)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", mark[row.Status], sa, ha, sb, hb)
	}
	tw.Flush()
	ta, tb := a.Total, b.Total
	fmt.Fprintf(w, "\n%-8s %10s %10s %10s\n", "", "A", "B", "B − A")
	for _, r := range []struct {
		name    string
		a, b, d float64
		f       string
	}{
		{"km", ta.Km, tb.Km, d.Delta.Km, "%10.0f"},
		{"hours", ta.Hours, tb.Hours, d.Delta.Hours, "%10.1f"},
		{"days", ta.Days, tb.Days, d.Delta.Days, "%10.2f"},
		{"USD", ta.USD, tb.USD, d.Delta.USD, "%10.0f"},
		{"kg CO2", ta.KgCO2, tb.KgCO2, d.Delta.KgCO2, "%10.0f"},
		{"borders", float64(ta.Borders), float64(tb.Borders), float64(d.Delta.Borders), "%10.0f"},
	} {
		fmt.Fprintf(w, "%-8s "+r.f+" "+r.f+" "+r.f+"\n", r.name, r.a, r.b, r.d)
	}
	fmt.Fprintf(w, "\n%s\n", d.Summary)
	seg := func(s *route.Segment) string {
		if s == nil {
			return "nothing"
		}
		via := ""
		if len(s.Via) > 0 {
			via = " via " + strings.Join(s.Via, ", ")
		}
		return fmt.Sprintf("%s → %s%s (%d legs, %.0f km, %.1f h, %.0f USD)", s.From.Name, s.To.Name, via, s.Legs, s.Km, s.Hours, s.USD)
	}
	for i, c := range d.Changes {
		fmt.Fprintf(w, "\nchange %d:\n  A: %s\n  B: %s\n  why:\n", i+1, seg(c.A), seg(c.B))
		for _, why := range c.Why {
			fmt.Fprintf(w, "    - %s\n", why)
		}
	}
}
