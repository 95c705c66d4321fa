package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
)

// matrixResult is what caravan matrix prints.
type matrixResult struct {
	By     string      `json:"by"`
	Unit   string      `json:"unit"`
	AsOf   string      `json:"as_of"`
	From   []string    `json:"from"`
	To     []string    `json:"to"`
	Values [][]float64 `json:"values"` // Values[i][j] from From[i] to To[j]; null when there is no route
}

// runMatrix prints the value of a criterion between sets of places.
func runMatrix(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("matrix", "--from LIST --to LIST",
		"Best-route values between places. A list item is a place (id or name) or a country code, which stands for the country's main nodes: its three best-connected cities and ports.")
	from := fs.String("from", "", "comma-separated places or country codes")
	to := fs.String("to", "", "comma-separated places or country codes")
	by := fs.String("by", "time", "criterion: time (hours), cost (USD), co2 (kg), gc (USD) or risk")
	asOf := fs.String("as-of", "", "date, YYYY-MM-DD (default: today)")
	teu := fs.Float64("teu", 0, "shipment size in TEU")
	tonnes := fs.Float64("tonnes", 0, "shipment size in tonnes")
	format := fs.String("format", "table", "table or csv (--json overrides)")
	scen := fs.String("scenario", "", "apply a scenario (file or shipped name)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *from == "" || *to == "" {
		return usagef("want --from LIST and --to LIST and no arguments")
	}
	if *format != "table" && *format != "csv" {
		return usagef("--format: want table or csv, have %q", *format)
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
	n, err := loadNetwork(ctx, *dataDir)
	if err != nil {
		return err
	}
	froms, err := expandPlaces(n, "--from", splitList(*from))
	if err != nil {
		return err
	}
	tos, err := expandPlaces(n, "--to", splitList(*to))
	if err != nil {
		return err
	}
	g, _, err := applyScenario(n, *scen)
	if err != nil {
		return err
	}
	p := route.New(g)
	res := matrixResult{By: crit.String(), Unit: unitOf(crit), AsOf: date.String(), From: froms, To: tos}
	for _, f := range froms {
		row := make([]float64, len(tos))
		for j, t := range tos {
			if f == t {
				row[j] = 0
				continue
			}
			v, err := p.Cost(ctx, &route.Request{From: f, To: t, AsOf: date, By: crit, TEU: *teu, Tonnes: *tonnes})
			if err != nil {
				return err
			}
			row[j] = v
		}
		res.Values = append(res.Values, row)
	}
	if *asJSON {
		// JSON has no infinity: unreachable pairs become null.
		out := make([][]*float64, len(res.Values))
		for i, row := range res.Values {
			out[i] = make([]*float64, len(row))
			for j, v := range row {
				if !math.IsInf(v, 1) {
					r := math.Round(v*100) / 100
					out[i][j] = &r
				}
			}
		}
		return writeJSON(e.stdout, struct {
			matrixResult
			Values [][]*float64 `json:"values"`
		}{res, out})
	}
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
		w.Write(append([]string{"from\\to"}, tos...))
		for i, f := range froms {
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
	for _, t := range tos {
		fmt.Fprintf(tw, "%s\t", t)
	}
	fmt.Fprintln(tw)
	for i, f := range froms {
		fmt.Fprintf(tw, "%s\t", f)
		for _, v := range res.Values[i] {
			fmt.Fprintf(tw, "%s\t", cell(v))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

func unitOf(c route.Criterion) string {
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

// expandPlaces turns a list of places and country codes into place ids.
func expandPlaces(n *network.Network, flag string, items []string) ([]string, error) {
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
			if _, ok := n.Country(strings.ToUpper(it)); ok {
				main := mainNodes(n, strings.ToUpper(it), 3)
				if len(main) == 0 {
					return nil, caravan.Errorf(caravan.NotFound, "", "%s: %s has no connected city or port", flag, it)
				}
				for _, id := range main {
					add(id)
				}
				continue
			}
		}
		p, err := resolvePlace(n, flag, it)
		if err != nil {
			return nil, err
		}
		add(p.ID)
	}
	return out, nil
}

// mainNodes returns up to k cities, sea ports and dry ports of a country
// with the most links, ties broken by id.
func mainNodes(n *network.Network, cc string, k int) []string {
	degree := map[string]int{}
	for _, l := range n.Links() {
		degree[l.From]++
		degree[l.To]++
	}
	var ids []string
	for _, p := range n.Places() {
		if p.Country == cc && degree[p.ID] > 0 && (p.Kind == network.City || p.Kind == network.SeaPort || p.Kind == network.DryPort) {
			ids = append(ids, p.ID)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		if degree[ids[i]] != degree[ids[j]] {
			return degree[ids[i]] > degree[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > k {
		ids = ids[:k]
	}
	return ids
}
