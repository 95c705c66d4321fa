package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
	"github.com/caravan-transport/caravan/scenario"
)

// loadScenario reads a scenario from a file, or a shipped example by name.
func loadScenario(arg string) (*scenario.Scenario, error) {
	data, err := os.ReadFile(arg)
	switch {
	case err == nil:
		return scenario.Parse(arg, data)
	case errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(arg, "/\\") && !strings.HasSuffix(arg, ".yaml"):
		return scenario.Example(arg)
	default:
		return nil, caravan.Errorf(caravan.NotFound, "", "scenario: %w", err)
	}
}

// applyScenario compiles n and applies the scenario named by arg ("" or
// "base" for none).
func applyScenario(n *network.Network, arg string) (*graph.Graph, *scenario.Scenario, error) {
	g, err := graph.Compile(n)
	if err != nil {
		return nil, nil, err
	}
	if arg == "" || arg == "base" {
		return g, nil, nil
	}
	s, err := loadScenario(arg)
	if err != nil {
		return nil, nil, err
	}
	sg, err := g.Apply(s)
	return sg, s, err
}

// runScenario dispatches caravan scenario list|check|diff.
func runScenario(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("want a subcommand: list, check FILE or diff A B --from X --to Y")
	}
	switch args[0] {
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
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	type item struct {
		Name        string `json:"name"`
		Title       string `json:"title"`
		Description string `json:"description"`
	}
	var items []item
	for _, name := range scenario.Examples() {
		s, err := scenario.Example(name)
		if err != nil {
			return err
		}
		items = append(items, item{name, s.Name, s.Description})
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
	n, err := loadNetwork(ctx, *dataDir)
	if err != nil {
		return err
	}
	s, err := loadScenario(pos[0])
	if err != nil {
		return err
	}
	if err := s.Check(n); err != nil {
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
	from := fs.String("from", "", "origin place (id or name)")
	to := fs.String("to", "", "destination place (id or name)")
	by := fs.String("by", "time", "criterion: time, cost, co2, gc or risk")
	asOf := fs.String("as-of", "", "date, YYYY-MM-DD (default: B's as_of, else A's, else today)")
	teu := fs.Float64("teu", 0, "shipment size in TEU")
	tonnes := fs.Float64("tonnes", 0, "shipment size in tonnes")
	modes := fs.String("modes", "", "comma-separated modes the routes may use (default all)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || *from == "" || *to == "" {
		return usagef("want two scenarios A B and --from and --to")
	}
	crit, err := route.ParseCriterion(*by)
	if err != nil {
		return usagef("--by: %v", err)
	}
	n, err := loadNetwork(ctx, *dataDir)
	if err != nil {
		return err
	}
	pf, err := resolvePlace(n, "--from", *from)
	if err != nil {
		return err
	}
	pt, err := resolvePlace(n, "--to", *to)
	if err != nil {
		return err
	}
	ga, sa, err := applyScenario(n, pos[0])
	if err != nil {
		return err
	}
	gb, sb, err := applyScenario(n, pos[1])
	if err != nil {
		return err
	}
	date := network.DateOf(e.now())
	switch {
	case *asOf != "":
		if date, err = network.ParseDate(*asOf); err != nil {
			return usagef("--as-of: %v", err)
		}
	case sb != nil && sb.AsOf != 0:
		date = sb.AsOf.Day()
	case sa != nil && sa.AsOf != 0:
		date = sa.AsOf.Day()
	}
	req := route.Request{From: pf.ID, To: pt.ID, AsOf: date, By: crit, TEU: *teu, Tonnes: *tonnes}
	if *modes != "" {
		if req.AvoidModes, err = modesOutside(splitList(*modes)); err != nil {
			return err
		}
	}
	pa, pb := route.New(ga), route.New(gb)
	ia, err := pa.Plan(ctx, req)
	if err != nil {
		return fmt.Errorf("under %s: %w", pos[0], err)
	}
	ib, err := pb.Plan(ctx, req)
	if err != nil {
		return fmt.Errorf("under %s: %w", pos[1], err)
	}
	d := route.Compare(pos[0], ia, pos[1], ib,
		func(l *route.Leg) string { return pa.WhyNot(l, &req) }, func(l *route.Leg) string { return pb.WhyNot(l, &req) })
	if *asJSON {
		return writeJSON(e.stdout, struct {
			*route.Diff
			A *route.Itinerary `json:"itinerary_a"`
			B *route.Itinerary `json:"itinerary_b"`
		}{d, ia, ib})
	}
	printDiff(e.stdout, d)
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
