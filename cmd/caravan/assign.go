package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/assign"
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
	tr, err := tntp.ReadTripsFile(ctx, files.Trips)
	if err != nil {
		return err
	}
	net, dem, err := assign.FromTNTP(tn, tr, rep.TollFactor, rep.DistanceFactor)
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
	case errors.Is(err, fs.ErrNotExist):
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

// runAssignCorridor assigns freight on the corridor network.
func runAssignCorridor(ctx context.Context, e *env, args []string) error {
	return usagef("want \"assign tntp DIR\"; corridor assignment is not available yet")
}
