package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/assign"
	"github.com/caravan-transport/caravan/service"
	"github.com/caravan-transport/caravan/tntp"
)

// runAssign computes equilibrium flows: on a TNTP test problem ("assign
// tntp DIR") or on the corridor network.
func runAssign(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "tntp" {
		return runAssignTNTP(ctx, e, args[1:])
	}
	return runAssignCorridor(ctx, e, args)
}

// tntpReport is what "assign tntp" prints.
type tntpReport struct {
	Network        string  `json:"network"`
	Dir            string  `json:"dir"`
	Nodes          int     `json:"nodes"`
	Links          int     `json:"links"`
	Zones          int     `json:"zones"`
	Demand         float64 `json:"demand"`
	TollFactor     float64 `json:"toll_factor"`
	DistanceFactor float64 `json:"distance_factor"`
	FactorsFrom    string  `json:"factors_from"`
	Algorithm      string  `json:"algorithm"`
	Iterations     int     `json:"iterations"`
	Converged      bool    `json:"converged"`
	Gap            float64 `json:"relative_gap"`
	GapDefinition  string  `json:"gap_definition"`
	Objective      float64 `json:"objective"`
	TSTT           float64 `json:"tstt"`
	SPTT           float64 `json:"sptt"`
	AEC            float64 `json:"average_excess_cost"`
	ReadSeconds    float64 `json:"read_seconds"`
	SolveSeconds   float64 `json:"solve_seconds"`
	FlowsFile      string  `json:"flows_file,omitempty"`
	DuplicatePairs int     `json:"duplicate_link_pairs"` // (from, to) pairs with more than one link, kept as parallel links
	BestKnown      *best   `json:"best_known,omitempty"`
}

// best compares the result with a best-known flow file.
type best struct {
	File          string  `json:"file"`
	Objective     float64 `json:"objective"`
	ObjectiveDiff float64 `json:"objective_difference"` // ours − best known
	RelativeDiff  float64 `json:"objective_relative_difference"`
	MaxFlowDiff   float64 `json:"max_link_flow_difference"`
	MaxFlowFrom   int32   `json:"max_link_flow_difference_from"`
	MaxFlowTo     int32   `json:"max_link_flow_difference_to"`
	FlowThere     float64 `json:"flow"`
	BestThere     float64 `json:"best_known_flow"`
}

func runAssignTNTP(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("assign tntp", "DIR",
		"Equilibrium flows on a TNTP test problem: DIR holds *_net.tntp and *_trips.tntp (and *_flow.tntp, the best-known solution, to compare with). Progress goes to stderr.")
	algo := fs.String("algo", "b", "algorithm: fw, cfw, bfw (Frank–Wolfe and its conjugate variants) or b (Algorithm B)")
	gap := fs.Float64("gap", 1e-4, "stop at this relative gap (TSTT−SPTT)/TSTT")
	maxIter := fs.Int("max-iter", 1000, "stop after this many iterations")
	flowsOut := fs.String("flows", "", "write link flows and costs to this CSV file")
	toll := fs.Float64("toll-factor", math.NaN(), "generalized cost per unit of toll (default: from networks.json beside DIR, else 0)")
	dist := fs.Float64("distance-factor", math.NaN(), "generalized cost per unit of length (default: from networks.json beside DIR, else 0)")
	workers := fs.Int("workers", 0, "goroutines for shortest paths and bushes (default GOMAXPROCS)")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one directory, got %d argument(s); see caravan assign tntp -h", len(pos))
	}
	alg, err := assign.ParseAlgorithm(*algo)
	if err != nil {
		return usagef("--algo: %q is not one of fw, cfw, bfw, b", *algo)
	}
	if !(*gap > 0) || *maxIter <= 0 || *workers < 0 {
		return usagef("--gap and --max-iter must be positive, --workers not negative")
	}
	dir := pos[0]
	start := e.now()
	files, err := tntp.FindFiles(dir)
	if err != nil {
		return err
	}
	if files.Trips == "" {
		return caravan.Errorf(caravan.NotFound, "assign", "%s: no file ending in _trips.tntp", dir)
	}
	rep := tntpReport{Dir: dir, Network: filepath.Base(filepath.Clean(dir)), Algorithm: alg.String(), GapDefinition: "(TSTT-SPTT)/TSTT"}
	rep.TollFactor, rep.DistanceFactor, rep.FactorsFrom, err = tntpFactors(dir, *toll, *dist)
	if err != nil {
		return err
	}
	tn, err := tntp.ReadNetFile(ctx, files.Net)
	if err != nil {
		return err
	}
	net, _, err := assign.FromTNTP(tn, nil, rep.TollFactor, rep.DistanceFactor)
	if err != nil {
		return err
	}
	dem, err := assign.ReadTNTPTrips(ctx, files.Trips, net.Zones())
	if err != nil {
		return err
	}
	var bestFlow *tntp.Flow
	if files.Flow != "" {
		if bestFlow, err = tntp.ReadFlowFile(ctx, files.Flow); err != nil {
			return err
		}
		if len(bestFlow.Links) != len(tn.Links) {
			return caravan.Errorf(caravan.Invalid, "assign", "%s: %d links, the network has %d", files.Flow, len(bestFlow.Links), len(tn.Links))
		}
		for i, l := range bestFlow.Links {
			if nl := tn.Links[i]; l.From != nl.From || l.To != nl.To {
				return caravan.Errorf(caravan.Invalid, "assign", "%s:%d: link %d→%d, the network's link %d is %d→%d", files.Flow, l.Line, l.From, l.To, i+1, nl.From, nl.To)
			}
		}
	}
	rep.Nodes, rep.Links, rep.Zones, rep.Demand = net.Nodes(), net.Links(), net.Zones(), dem.Total()
	rep.DuplicatePairs = len(tn.Duplicates())
	solveStart := e.now()
	rep.ReadSeconds = solveStart.Sub(start).Seconds()
	opts := assign.Options{Algorithm: alg, Gap: *gap, MaxIterations: *maxIter, Workers: *workers, Now: e.now}
	if !*quiet {
		opts.Progress = func(p assign.Progress) {
			fmt.Fprintf(e.stderr, "iteration %d: gap %.3e, objective %.10g, %.3f s\n", p.Iteration, p.Gap, p.Objective, p.Elapsed.Seconds())
		}
	}
	r, err := assign.Solve(ctx, net, dem, opts)
	if np, ok := errors.AsType[*assign.NoPathError](err); ok {
		return caravan.Errorf(caravan.Invalid, "assign", "%s: demand from zone %d to zone %d (%v) but no path between them", files.Trips, np.From+1, np.To+1, np.Flow)
	}
	if err != nil {
		return err
	}
	rep.SolveSeconds = e.now().Sub(solveStart).Seconds()
	rep.Iterations, rep.Converged, rep.Gap = r.Iterations, r.Converged, r.Gap
	rep.Objective, rep.TSTT, rep.SPTT, rep.AEC = r.Objective, r.TSTT, r.SPTT, r.AEC
	if bestFlow != nil {
		x := make([]float64, len(bestFlow.Links))
		for i, l := range bestFlow.Links {
			x[i] = l.Volume
		}
		b := &best{File: files.Flow, Objective: net.Objective(x), MaxFlowDiff: -1}
		b.ObjectiveDiff = r.Objective - b.Objective
		b.RelativeDiff = b.ObjectiveDiff / math.Max(1, math.Abs(b.Objective))
		for i, v := range x {
			if d := math.Abs(r.Flow[i] - v); d > b.MaxFlowDiff {
				b.MaxFlowDiff, b.MaxFlowFrom, b.MaxFlowTo, b.FlowThere, b.BestThere = d, tn.Links[i].From, tn.Links[i].To, r.Flow[i], v
			}
		}
		rep.BestKnown = b
	}
	if *flowsOut != "" {
		if err := writeTNTPFlows(*flowsOut, tn, r); err != nil {
			return err
		}
		rep.FlowsFile = *flowsOut
	}
	if *asJSON {
		return writeJSON(e.stdout, rep)
	}
	printTNTPReport(e.stdout, &rep)
	return nil
}

// tntpFactors returns the toll and distance factors: the flags when given,
// else the entry for DIR in networks.json in DIR's parent (the shared data's
// layout), else 0.
func tntpFactors(dir string, toll, dist float64) (float64, float64, string, error) {
	if !math.IsNaN(toll) && !math.IsNaN(dist) {
		return toll, dist, "flags", nil
	}
	from := "default"
	tf, df := 0.0, 0.0
	path := filepath.Join(filepath.Dir(filepath.Clean(dir)), "networks.json")
	raw, err := os.ReadFile(path)
	switch {
	case errors.Is(err, iofs.ErrNotExist):
	case err != nil:
		return 0, 0, "", caravan.Errorf(caravan.Unavailable, "assign", "%w", err)
	default:
		var sums map[string]struct {
			Dir            string   `json:"dir"`
			TollFactor     *float64 `json:"toll_factor"`
			DistanceFactor *float64 `json:"distance_factor"`
		}
		if err := json.Unmarshal(raw, &sums); err != nil {
			return 0, 0, "", caravan.Errorf(caravan.Invalid, "assign", "%s: %w", path, err)
		}
		base := filepath.Base(filepath.Clean(dir))
		for _, s := range sums {
			if s.Dir != base {
				continue
			}
			if s.TollFactor != nil {
				tf = *s.TollFactor
			}
			if s.DistanceFactor != nil {
				df = *s.DistanceFactor
			}
			from = "networks.json"
		}
	}
	if !math.IsNaN(toll) {
		tf = toll
	}
	if !math.IsNaN(dist) {
		df = dist
	}
	if tf < 0 || df < 0 {
		return 0, 0, "", usagef("--toll-factor and --distance-factor must not be negative")
	}
	return tf, df, from, nil
}

// writeTNTPFlows writes "from,to,volume,cost" per link, in file order.
func writeTNTPFlows(path string, tn *tntp.Network, r *assign.Result) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return caravan.Errorf(caravan.Unavailable, "assign", "%w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = caravan.Errorf(caravan.Unavailable, "assign", "%w", cerr)
		}
	}()
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "from,to,volume,cost")
	buf := make([]byte, 0, 64)
	for i, l := range tn.Links {
		buf = strconv.AppendInt(buf[:0], int64(l.From), 10)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, int64(l.To), 10)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, r.Flow[i], 'g', -1, 64)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, r.Cost[i], 'g', -1, 64)
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		return caravan.Errorf(caravan.Unavailable, "assign", "%w", err)
	}
	return nil
}

func printTNTPReport(w io.Writer, r *tntpReport) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "network\t%s: %d nodes, %d links, %d zones, demand %.6g\n", r.Network, r.Nodes, r.Links, r.Zones, r.Demand)
	fmt.Fprintf(tw, "cost factors\ttoll %g, distance %g (%s)\n", r.TollFactor, r.DistanceFactor, r.FactorsFrom)
	if r.DuplicatePairs > 0 {
		fmt.Fprintf(tw, "duplicate links\t%d (from, to) pairs have several links; all are kept as parallel links\n", r.DuplicatePairs)
	}
	conv := "converged"
	if !r.Converged {
		conv = "not converged"
	}
	fmt.Fprintf(tw, "algorithm\t%s, %d iterations, %s\n", r.Algorithm, r.Iterations, conv)
	fmt.Fprintf(tw, "relative gap\t%.3e  (TSTT−SPTT)/TSTT\n", r.Gap)
	fmt.Fprintf(tw, "objective\t%.6f  (Beckmann)\n", r.Objective)
	fmt.Fprintf(tw, "TSTT, SPTT\t%.6f, %.6f\n", r.TSTT, r.SPTT)
	fmt.Fprintf(tw, "avg excess cost\t%.3e\n", r.AEC)
	fmt.Fprintf(tw, "time\tread %s, solve %s\n", seconds(r.ReadSeconds), seconds(r.SolveSeconds))
	if b := r.BestKnown; b != nil {
		fmt.Fprintf(tw, "best known\tobjective %.6f (%s), ours %+.6g (%+.2e relative)\n", b.Objective, filepath.Base(b.File), b.ObjectiveDiff, b.RelativeDiff)
		fmt.Fprintf(tw, "\tlargest link-flow difference %.6g on %d→%d (%.6g, best known %.6g)\n", b.MaxFlowDiff, b.MaxFlowFrom, b.MaxFlowTo, b.FlowThere, b.BestThere)
	}
	if r.FlowsFile != "" {
		fmt.Fprintf(tw, "flows\t%s\n", r.FlowsFile)
	}
	tw.Flush()
}

func seconds(s float64) string {
	return (time.Duration(s * float64(time.Second))).Round(time.Millisecond).String()
}

// runAssignCorridor assigns freight on the corridor network ("assign
// [criticality] --year Y ..."), through the service that the API's
// assignment jobs use too.
func runAssignCorridor(ctx context.Context, e *env, args []string) error {
	crit := false
	name := "assign"
	if len(args) > 0 && args[0] == "criticality" {
		crit, name, args = true, "assign criticality", args[1:]
	}
	summary := "Assign yearly freight (tonnes) to the corridor network at equilibrium (Algorithm B) and report volumes, volume/capacity and bottlenecks. Demand: an OD CSV (--demand, columns from,to,tonnes_per_year) or the built-in trade figures for --year turned into tonnes at the dataset's cargo value per tonne and split over each country's hubs."
	if crit {
		summary = "Rank links and crossings by the rise in total generalized cost (and freight left without a path) when each is closed, re-solving the equilibrium for each in parallel."
	}
	fs, asJSON := e.newFlags(name, "", summary)
	fs.String("year", "", "year whose trade (targets due by then, else the latest actual figures) sets the demand")
	fs.String("demand", "", "OD table CSV: from,to,tonnes_per_year (place ids)")
	fs.String("pairs", "", "with trade demand: only these country pairs, e.g. AF-KZ,UZ-PK")
	fs.String("scenario", "", "apply a scenario: a YAML file or the name of a shipped one")
	fs.String("as-of", "", "network as of this date, YYYY-MM-DD (default: the scenario's own date, else today)")
	fs.String("value-of-time", "", "USD per tonne-hour (default: cargo_value_usd_per_tonne × time_cost_rate_per_year / 8760)")
	top := fs.Int("top", 15, "rows to print")
	geo := fs.String("geojson", "", "write the flows as GeoJSON lines to this file")
	fs.String("gap", "", "relative gap to stop at (default 1e-6)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	db := dbFlag(fs)
	fs.String("shares", "", "split the freight from one country to another by corridor, e.g. UZ-PK (with --via)")
	fs.String("via", "", "with --shares: comma-separated project ids, link or crossing ids, or country codes, e.g. trans-afghan-railway,IR")
	if crit {
		fs.String("kinds", "link,crossing", "with criticality: close elements of these kinds (link, crossing)")
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q; see caravan %s -h", pos[0], name)
	}
	if *top < 0 {
		return usagef("--top must not be negative")
	}
	p := params(fs, nil)
	delete(p, "top")
	delete(p, "geojson")
	if crit {
		p["criticality"] = "true"
		if _, ok := p["kinds"]; !ok {
			p["kinds"] = "link,crossing"
		}
	}
	svc, err := e.service(ctx, *dataDir, *db)
	if err != nil {
		return err
	}
	defer svc.Close()
	q, err := svc.ParseAssign(p)
	if err != nil {
		return err
	}
	var progress func(string)
	if !*asJSON {
		start := e.now()
		progress = func(stage string) {
			fmt.Fprintf(e.stderr, "%s … (%.1f s)\n", stage, e.now().Sub(start).Seconds())
		}
	}
	rep, err := svc.Assign(ctx, q, progress)
	if err != nil {
		return err
	}
	if *geo != "" {
		if err := writeGeoJSONFile(*geo, svc.FlowsGeoJSON(rep.Result)); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, rep)
	}
	printCorridor(e.stdout, rep, *top, crit)
	return nil
}

func printCorridor(w io.Writer, r *service.AssignReport, top int, crit bool) {
	res := r.Result
	fmt.Fprintf(w, "Freight on the corridor network as of %s", r.AsOf)
	if r.Scenario != "" {
		fmt.Fprintf(w, ", scenario %s", r.Scenario)
	}
	fmt.Fprintf(w, "\ndemand: %s", r.DemandFrom)
	if r.USDPerTonne > 0 {
		fmt.Fprintf(w, " at $%g per tonne [%s], split over each country's two main hubs", r.USDPerTonne, strings.Join(r.USDPerTonneSrc, "; "))
	}
	fmt.Fprintf(w, "\n%.3g Mt/yr in %d OD pairs served", res.DemandTonnes/1e6, len(r.Demand)-len(res.Unserved))
	if res.UnservedTonne > 0 {
		fmt.Fprintf(w, ", %.3g Mt/yr in %d pairs without a path", res.UnservedTonne/1e6, len(res.Unserved))
	}
	fmt.Fprintf(w, "\nequilibrium: %d iterations, relative gap %.1e; total generalized cost $%.4g bn/yr (value of time $%.4g per t·h)\n\n", res.Iterations, math.Max(0, res.Gap), res.TotalCost/1e9, r.ValueOfTime)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\tid\tfrom → to\tmode\tMt/yr\tcapacity Mt/yr\tv/c\thours (free)")
	for i, f := range res.Flows {
		if i == top {
			break
		}
		est := ""
		if f.Estimated {
			est = " EST"
		}
		label := f.ID
		if f.Name != "" {
			label = f.Name + " (" + f.ID + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s → %s\t%s\t%.3f\t%.3g%s\t%.2f\t%.1f (%.1f)\n", f.Kind, label, f.From, f.To, f.Mode, f.Tonnes/1e6, f.Capacity/1e6, est, f.VC, f.Hours, f.FreeHours)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d element(s) carry freight; %d bottleneck(s) with volume above capacity", len(res.Flows), len(r.Bottlenecks))
	for _, b := range r.Bottlenecks {
		fmt.Fprintf(w, "\n  %s %s → %s: v/c %.2f", b.ID, b.From, b.To, b.VC)
	}
	fmt.Fprintln(w)
	if len(r.Shares) > 0 {
		s0 := r.Shares[0]
		fmt.Fprintf(w, "\ncorridor shares of %s → %s freight (%.3g Mt/yr; proportional split at merges):\n", s0.From, s0.To, r.ShareTonnes/1e6)
		for _, s := range r.Shares {
			fmt.Fprintf(w, "  via %-24s %5.1f %%  %.3g Mt/yr\n", s.Via, 100*s.Share, s.Tonnes/1e6)
		}
	}
	if crit {
		fmt.Fprintln(w, "\nmost critical (closing one at a time, re-solved):")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "rank\tkind\tid\tbase Mt/yr\textra cost $m/yr\tunserved Mt/yr")
		for i, c := range r.Criticality {
			if i == top {
				break
			}
			label := c.ID
			if c.Name != "" {
				label = c.Name + " (" + c.ID + ")"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%.3f\t%.1f\t%.3f\n", i+1, c.Kind, label, c.BaseTonnes/1e6, c.ExtraCost/1e6, c.Unserved/1e6)
		}
		tw.Flush()
	}
}

// writeGeoJSONFile writes a feature collection to path.
func writeGeoJSONFile(path string, fc *service.FeatureCollection) error {
	out, err := os.Create(path)
	if err != nil {
		return caravan.ParamError(caravan.Invalid, "geojson", "%v", err)
	}
	if err := writeJSON(out, fc); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return caravan.ParamError(caravan.Unavailable, "geojson", "%v", err)
	}
	return nil
}
