// Command pathbench compares caravan's shortest-path code with peer Go
// libraries on the same graphs and the same random query pairs: caravan's
// csr Dijkstra against gonum's Dijkstra, and caravan's contraction hierarchy
// against github.com/LdDl/ch. It asserts that every tool returns the same
// distances (to a relative tolerance) and prints a Markdown table of load
// and preprocessing times, median query times and ratios.
//
// Usage (from the bench directory):
//
//	go run ./cmd/pathbench [flags]
//
// The graphs are rome99 (DIMACS), BerlinCenter and ChicagoRegional (TNTP,
// free-flow time as weight) from the shared data directory, and a synthetic
// road-like grid (caravan's roadgrid, 1000×1000 by default). LdDl/ch runs in
// a child process with a time limit, because its preprocessing can take
// very long on grid-like graphs; a tool that does not finish is reported as
// such in the table. The exit status is 1 if any distances disagree.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"time"

	"github.com/caravan-transport/caravan/internal/shareddata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "pathbench:", err)
		os.Exit(1)
	}
}

// config holds the command line.
type config struct {
	graphs      []string
	shared      string
	grid        int
	seed        uint64
	pairs       int
	largePairs  int
	rounds      int
	sssp        int
	tol         float64
	peerTimeout time.Duration
	skip        map[string]bool
	child       string
}

// pairsFor returns the query pairs and the number of rounds for a graph.
func (c config) pairsFor(in *instance) ([][2]int32, int) {
	if in.large {
		return pairs(in.name, in.n, c.largePairs, c.seed), 1
	}
	return pairs(in.name, in.n, c.pairs, c.seed), c.rounds
}

func parse(args []string, stderr io.Writer) (config, error) {
	var c config
	root, _ := shareddata.Root()
	fs := flag.NewFlagSet("pathbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	graphs := fs.String("graphs", strings.Join(graphNames, ","), "comma-separated graphs to run: "+strings.Join(graphNames, ", "))
	fs.StringVar(&c.shared, "shared", root, "shared data directory ($"+shareddata.EnvVar+", else ../shared beside the repository)")
	fs.IntVar(&c.grid, "grid", 1000, "side of the synthetic roadgrid (nodes = grid²)")
	fs.Uint64Var(&c.seed, "seed", 1, "seed of the query pairs and of the synthetic graph")
	fs.IntVar(&c.pairs, "pairs", 1000, "random query pairs per graph")
	fs.IntVar(&c.largePairs, "large-pairs", 100, "random query pairs on the synthetic graph (each tool runs them once)")
	fs.IntVar(&c.rounds, "rounds", 3, "runs over the pairs per tool; each pair keeps its fastest run")
	fs.IntVar(&c.sssp, "sssp", 5, "whole shortest-path trees to time per Dijkstra tool")
	fs.Float64Var(&c.tol, "tol", 1e-9, "relative tolerance when comparing distances")
	fs.DurationVar(&c.peerTimeout, "peer-timeout", 15*time.Minute, "time limit for LdDl/ch (load, preprocessing and queries) on one graph")
	skip := fs.String("skip", "", "comma-separated tools to leave out: gonum, lddl, ch, cch")
	fs.StringVar(&c.child, "child", "", "internal: run one peer as a child process")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	c.graphs = strings.Split(*graphs, ",")
	c.skip = map[string]bool{}
	for _, s := range strings.Split(*skip, ",") {
		if s != "" {
			c.skip[s] = true
		}
	}
	if c.pairs < 1 || c.largePairs < 1 || c.rounds < 1 || c.grid < 2 {
		return c, fmt.Errorf("-pairs, -large-pairs and -rounds must be positive and -grid at least 2")
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parse(args, stderr)
	if err != nil {
		return err
	}
	if cfg.child == "lddl" {
		return childLdDl(ctx, cfg, stdout)
	}
	var reports []graphReport
	for _, name := range cfg.graphs {
		rep, err := runGraph(ctx, cfg, name, stderr)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		reports = append(reports, rep)
	}
	fmt.Fprintf(stdout, "pathbench: %s, %s/%s, %d CPUs, GOMAXPROCS %d; seed %d, %d pairs (%d on the synthetic graph), best of %d rounds per pair, tolerance %g\n\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), cfg.seed, cfg.pairs, cfg.largePairs, cfg.rounds, cfg.tol)
	ok := writeTable(stdout, reports, cfg.tol)
	if !ok {
		return fmt.Errorf("distances disagree (see the table)")
	}
	return nil
}

// graphReport holds every tool's result on one graph.
type graphReport struct {
	in      *instance
	arcs    int // arcs given to the peers
	results []result
}

// runGraph loads one graph and runs every tool on it, caravan first and
// LdDl/ch last.
func runGraph(ctx context.Context, cfg config, name string, stderr io.Writer) (graphReport, error) {
	logf := func(format string, args ...any) {
		fmt.Fprintf(stderr, "pathbench: "+format+"\n", args...)
	}
	in, err := loadInstance(ctx, name, cfg.shared, cfg.grid, cfg.seed)
	if err != nil {
		return graphReport{}, err
	}
	arcs := peerArcs(in)
	rep := graphReport{in: in, arcs: len(arcs)}
	ps, rounds := cfg.pairsFor(in)
	ssspRuns := cfg.sssp
	if in.large {
		ssspRuns = min(ssspRuns, 3)
	}
	logf("%s: %d nodes, %d arcs, %d pairs: caravan Dijkstra", in.name, in.n, len(in.tails), len(ps))
	rep.results = append(rep.results, runDijkstra(in, ps, rounds, ssspRuns))
	if !cfg.skip["ch"] {
		logf("%s: caravan CH", in.name)
		r, err := runCH(ctx, in, ps, rounds, cfg.seed)
		if err != nil {
			return rep, err
		}
		rep.results = append(rep.results, r)
	}
	if !cfg.skip["cch"] {
		logf("%s: caravan CCH", in.name)
		r, err := runCCH(ctx, in, ps, rounds, cfg.seed, rep.results)
		if err != nil {
			return rep, err
		}
		rep.results = append(rep.results, r)
	}
	if !cfg.skip["gonum"] {
		logf("%s: gonum", in.name)
		rep.results = append(rep.results, runGonum(in, arcs, ps, rounds, ssspRuns))
	}
	if !cfg.skip["lddl"] {
		logf("%s: LdDl/ch (child process, limit %v)", in.name, cfg.peerTimeout)
		rep.results = append(rep.results, runLdDl(ctx, cfg, name, cfg.peerTimeout, stderr))
	}
	return rep, ctx.Err()
}
