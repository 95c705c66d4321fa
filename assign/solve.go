package assign

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"time"

	"github.com/caravan-transport/caravan"
)

// Algorithm names an equilibrium algorithm.
type Algorithm uint8

// The algorithms.
const (
	FW  Algorithm = iota // Frank–Wolfe with an exact line search
	CFW                  // conjugate Frank–Wolfe (Mitradjieva & Lindberg 2013)
	BFW                  // bi-conjugate Frank–Wolfe (Mitradjieva & Lindberg 2013)
	B                    // Dial's Algorithm B (2006): origin-based, on acyclic bushes
)

var algorithmNames = [...]string{"fw", "cfw", "bfw", "b"}

// String returns the short name ("fw", "cfw", "bfw", "b").
func (a Algorithm) String() string {
	if int(a) < len(algorithmNames) {
		return algorithmNames[a]
	}
	return fmt.Sprintf("algorithm(%d)", uint8(a))
}

// ParseAlgorithm returns the algorithm named s ("fw", "cfw", "bfw" or "b").
func ParseAlgorithm(s string) (Algorithm, error) {
	for i, n := range algorithmNames {
		if n == s {
			return Algorithm(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "assign.ParseAlgorithm", "%q is not one of fw, cfw, bfw, b", s)
}

// Options control Solve. The zero value runs Frank–Wolfe to a relative gap
// of 1e-4 or 1000 iterations on GOMAXPROCS workers.
type Options struct {
	Algorithm Algorithm
	// Gap stops the iterations once the relative gap (see Result.Gap) is at
	// most Gap; 0 means 1e-4. Negative: run MaxIterations.
	Gap float64
	// MaxIterations bounds the iterations; 0 means 1000.
	MaxIterations int
	// Workers is the number of goroutines for shortest-path trees (and
	// bushes); 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Progress, if not nil, is called after every iteration from the
	// goroutine that called Solve.
	Progress func(Progress)
	// Now is the clock for Progress.Elapsed and Result.Elapsed; nil leaves
	// them zero.
	Now func() time.Time
	// KeepBushes makes a Result of Algorithm B keep its bushes (about 6
	// bytes per node and origin) so that Result.Through can follow the
	// flow of an OD pair.
	KeepBushes bool
	// Warm, if not nil, is a Result of Algorithm B kept with KeepBushes on
	// a network of the same links (costs may differ: see
	// Network.WithSurcharge) and the same demand. Algorithm B then starts
	// from its bushes and link flows instead of shortest-path trees: after
	// a closure or a change of costs it needs a few iterations instead of a
	// full solve. Solve returns an error of kind caravan.Invalid when the
	// networks' links or the demands differ. Warm is only read, so several
	// solves may start from one Result at the same time.
	Warm *Result
	// Start, if not nil, holds link flows (input link order) to start from,
	// e.g. a previous solution on the same network. It must be feasible for
	// the demand for B (bushes are built from shortest paths and ignore it).
	Start []float64
}

// Progress is reported after each iteration.
type Progress struct {
	Iteration int
	Gap       float64 // relative gap, see Result.Gap
	Objective float64 // Beckmann objective
	Elapsed   time.Duration
}

// Result is an equilibrium (or the last iterate when a limit stopped Solve).
type Result struct {
	Algorithm  Algorithm
	Flow       []float64 // per link, input order
	Cost       []float64 // per link at Flow, input order
	Iterations int
	// Objective is the Beckmann objective: the sum over links of the
	// integral of the cost from 0 to the flow.
	Objective float64
	// TSTT is the total system travel cost Σ flow·cost; SPTT is the cost of
	// loading the demand on shortest paths under the same costs.
	TSTT, SPTT float64
	// Gap is the relative gap (TSTT − SPTT)/TSTT, the definition of the
	// TNTP data's README. tap-b reports TSTT/SPTT − 1 = Gap/(1 − Gap).
	Gap float64
	// AEC is the average excess cost (TSTT − SPTT)/demand.
	AEC       float64
	Converged bool // the gap reached Options.Gap
	Elapsed   time.Duration

	b *bstate // Algorithm B's bushes, with Options.KeepBushes
}

// Solve computes the user equilibrium of demand d on network net. It stops
// when the relative gap reaches opts.Gap, after opts.MaxIterations, or when
// ctx is cancelled (returning ctx's error and no result). Demand that has
// no path returns an error of kind caravan.Invalid.
func Solve(ctx context.Context, net *Network, d *Demand, opts Options) (*Result, error) {
	s, err := solve(ctx, net, d, opts)
	if err != nil {
		return nil, err
	}
	return s.result(), nil
}

// solve is Solve returning the final state (tests inspect the bushes).
func solve(ctx context.Context, net *Network, d *Demand, opts Options) (*state, error) {
	const op = "assign.Solve"
	if d.zones != net.zones {
		return nil, caravan.Errorf(caravan.Invalid, op, "demand has %d zones, network %d", d.zones, net.zones)
	}
	if opts.Gap == 0 {
		opts.Gap = 1e-4
	}
	if opts.MaxIterations <= 0 {
		opts.MaxIterations = 1000
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	opts.Workers = max(1, min(opts.Workers, net.zones))
	if opts.Start != nil {
		if err := net.checkFlows(op, opts.Start); err != nil {
			return nil, err
		}
	}
	if opts.Warm != nil {
		if err := checkWarm(op, opts.Warm, net, d, opts.Algorithm); err != nil {
			return nil, err
		}
	}
	var start time.Time
	if opts.Now != nil {
		start = opts.Now()
	}
	tm := newTeam(opts.Workers)
	defer tm.close()
	s := &state{net: net, dem: d, opts: opts, team: tm, start: start,
		x: make([]float64, net.Links()), cost: make([]float64, net.Links()), der: make([]float64, net.Links())}
	s.paths = newAON(net, d, tm, opts.Workers)
	var err error
	switch opts.Algorithm {
	case FW, CFW, BFW:
		err = s.linear(ctx)
	case B:
		err = s.bushes(ctx)
	default:
		err = caravan.Errorf(caravan.Invalid, op, "unknown algorithm %v", opts.Algorithm)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// checkWarm returns an error of kind caravan.Invalid unless w can start
// Algorithm B on net and d: kept bushes, the same links in the same order,
// the same zones and the same demand.
func checkWarm(op string, w *Result, net *Network, d *Demand, alg Algorithm) error {
	switch {
	case alg != B:
		return caravan.Errorf(caravan.Invalid, op, "a warm start needs Algorithm B, not %v", alg)
	case w.b == nil:
		return caravan.Errorf(caravan.Invalid, op, "the warm-start result kept no bushes (Options.KeepBushes)")
	}
	wn, wd := w.b.net, w.b.dem
	if wn.g != net.g && (wn.nodes != net.nodes || wn.zones != net.zones || wn.firstThru != net.firstThru ||
		!slices.Equal(wn.perm, net.perm) || !slices.Equal(wn.g.Offsets, net.g.Offsets) || !slices.Equal(wn.g.Heads, net.g.Heads)) {
		return caravan.Errorf(caravan.Invalid, op, "the warm-start result is for a network with other links")
	}
	if wd != d && (wd.zones != d.zones || !slices.Equal(wd.off, d.off) || !slices.Equal(wd.dest, d.dest) || !slices.Equal(wd.flow, d.flow)) {
		return caravan.Errorf(caravan.Invalid, op, "the warm-start result is for another demand")
	}
	return nil
}

// state is what every algorithm shares: the current flows and costs in CSR
// order, the shortest-path workers and the last measure of the gap.
type state struct {
	net   *Network
	dem   *Demand
	opts  Options
	team  *team
	paths *aon
	start time.Time

	x, cost, der []float64 // CSR order
	iter         int
	tstt, sptt   float64
	gap          float64
	converged    bool
	b            *bstate // Algorithm B's bushes, for tests
}

// updateCosts sets cost and der from x for every arc.
func (s *state) updateCosts() {
	for a, v := range s.x {
		s.cost[a], s.der[a] = s.net.costDer(a, v)
	}
}

// checkCosts returns an error of kind caravan.Invalid if some cost is not
// finite: flows so large that a BPR term overflows.
func (s *state) checkCosts(op string) error {
	for a, c := range s.cost {
		if math.IsInf(c, 0) || math.IsNaN(c) {
			link := -1
			for i, p := range s.net.perm {
				if int(p) == a {
					link = i
				}
			}
			return caravan.Errorf(caravan.Invalid, op, "link %d: cost %v at flow %v overflows (demand too large for the link's volume-delay function?)", link, c, s.x[a])
		}
	}
	return nil
}

// tsttNow returns Σ x·cost.
func (s *state) tsttNow() float64 {
	t := 0.0
	for a, v := range s.x {
		t += v * s.cost[a]
	}
	return t
}

// NoPathError reports demand between two zones that no path joins. Solve
// and Measure return it wrapped in an error of kind caravan.Invalid; find it
// with errors.As to name the zones in the caller's own ids.
type NoPathError struct {
	From, To int32 // zones, 0-based
	Flow     float64
}

func (e *NoPathError) Error() string {
	return fmt.Sprintf("demand from zone %d to zone %d (%v) but no path between them", e.From, e.To, e.Flow)
}

// unreachable returns the error for demand without a path.
func unreachable(o, d int32, flow float64) error {
	return caravan.Errorf(caravan.Invalid, "assign.Solve", "%w", &NoPathError{From: o, To: d, Flow: flow})
}

func (d *Demand) between(o, t int32) float64 {
	for i := d.off[o]; i < d.off[o+1]; i++ {
		if d.dest[i] == t {
			return d.flow[i]
		}
	}
	return 0
}

// report records the gap of the current flows given the SPTT of the costs
// at them, calls Progress and says whether to stop.
func (s *state) report(ctx context.Context, sptt float64) (stop bool, err error) {
	s.sptt = sptt
	s.tstt = s.tsttNow()
	s.gap = relGap(s.tstt, sptt)
	if s.opts.Progress != nil {
		p := Progress{Iteration: s.iter, Gap: s.gap}
		p.Objective = s.objective()
		if s.opts.Now != nil {
			p.Elapsed = s.opts.Now().Sub(s.start)
		}
		s.opts.Progress(p)
	}
	if err := ctx.Err(); err != nil {
		return true, err
	}
	if s.opts.Gap >= 0 && s.gap <= s.opts.Gap {
		s.converged = true
		return true, nil
	}
	return s.iter >= s.opts.MaxIterations, nil
}

func relGap(tstt, sptt float64) float64 {
	if tstt <= 0 {
		return 0
	}
	return (tstt - sptt) / tstt
}

func (s *state) objective() float64 {
	z := 0.0
	for a, v := range s.x {
		z += s.net.integral(a, v)
	}
	return z
}

func (s *state) result() *Result {
	net := s.net
	r := &Result{Algorithm: s.opts.Algorithm, Iterations: s.iter, TSTT: s.tstt, SPTT: s.sptt, Gap: s.gap, Converged: s.converged,
		Flow: make([]float64, net.Links()), Cost: make([]float64, net.Links())}
	for i, a := range net.perm {
		r.Flow[i] = max(0, s.x[a]) // rounding may leave -1e-15 where all flow moved away
		r.Cost[i] = net.cost(int(a), s.x[a])
	}
	r.Objective = s.objective()
	if tot := s.dem.Total(); tot > 0 {
		r.AEC = (s.tstt - s.sptt) / tot
	}
	if s.opts.Now != nil {
		r.Elapsed = s.opts.Now().Sub(s.start)
	}
	if s.opts.KeepBushes {
		r.b = s.b
	}
	return r
}

// Measure returns the TSTT, SPTT, relative gap and average excess cost of
// link flows x (input order) for demand d: the numbers a Result reports,
// computed from scratch. Use it to check a solution from elsewhere.
func Measure(ctx context.Context, net *Network, d *Demand, x []float64) (tstt, sptt, gap, aec float64, err error) {
	const op = "assign.Measure"
	if err := net.checkFlows(op, x); err != nil {
		return 0, 0, 0, 0, err
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), net.zones))
	tm := newTeam(workers)
	defer tm.close()
	s := &state{net: net, dem: d, x: make([]float64, net.Links()), cost: make([]float64, net.Links()), der: make([]float64, net.Links())}
	for i, a := range net.perm {
		s.x[a] = x[i]
	}
	s.updateCosts()
	if err := s.checkCosts(op); err != nil {
		return 0, 0, 0, 0, err
	}
	paths := newAON(net, d, tm, workers)
	y := make([]float64, net.Links())
	sp, o, t, ok := paths.run(s.cost, y)
	if !ok {
		return 0, 0, 0, 0, unreachable(o, t, d.between(o, t))
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, 0, 0, err
	}
	tstt = s.tsttNow()
	gap = relGap(tstt, sp)
	if tot := d.Total(); tot > 0 {
		aec = (tstt - sp) / tot
	}
	if math.IsNaN(gap) {
		gap = 0
	}
	return tstt, sp, gap, aec, nil
}
