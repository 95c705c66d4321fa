// Command assignbench times caravan's equilibrium assignment as a whole
// process, the way the peer numbers in the shared PEERS.md were taken: wall
// time from start to exit (reading the files, building the bushes, iterating,
// writing the link flows) and peak resident memory (getrusage of the child),
// median of several runs, for Algorithm B at relative gaps 1e-4, 1e-6 and
// 1e-8. It prints tap-b's published table beside caravan's and, when given
// a tap-b binary (-tapb), runs it on the same files in the same session.
//
// With -curves it also records the relative gap against time for FW, CFW,
// BFW and B on chosen networks (from the progress caravan prints on stderr).
//
// Usage (from the bench directory):
//
//	go run ./cmd/assignbench [flags]
//
// caravan is built once from the repository (or taken from -caravan). tap-b
// is not part of this repository: build it yourself outside the tree
// (https://github.com/spartalab/tap-b, "make serial") and pass its path.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
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
		fmt.Fprintln(os.Stderr, "assignbench:", err)
		os.Exit(1)
	}
}

// network is a benchmark instance: its folder in data/tntp, its files and
// cost factors, and tap-b's published whole-process seconds (PEERS.md) at
// gaps 1e-4, 1e-6, 1e-8 and peak memory.
type network struct {
	name, net, trips string
	toll, dist       float64
	peer             [3]string
	peerMem          string
}

var networks = []network{
	{"SiouxFalls", "SiouxFalls_net.tntp", "SiouxFalls_trips.tntp", 0, 0, [3]string{"3 ms", "5 ms", "7 ms"}, "2 MB"},
	{"Anaheim", "Anaheim_net.tntp", "Anaheim_trips.tntp", 0, 0, [3]string{"15 ms", "21 ms", "44 ms"}, "3 MB"},
	{"Barcelona", "Barcelona_net.tntp", "Barcelona_trips.tntp", 0, 0, [3]string{"183 ms", "239 ms", "363 ms"}, "6 MB"},
	{"Winnipeg", "Winnipeg_net.tntp", "Winnipeg_trips.tntp", 0, 0, [3]string{"237 ms", "442 ms", "583 ms"}, "7 MB"},
	{"ChicagoSketch", "ChicagoSketch_net.tntp", "ChicagoSketch_trips.tntp", 0.02, 0.04, [3]string{"0.48 s", "0.71 s", "1.14 s"}, "11 MB"},
	{"BerlinCenter", "berlin-center_net.tntp", "berlin-center_trips.tntp", 0, 0, [3]string{"32.6 s", "46.8 s (36.5 s, 2 threads)", "55.0 s (46.4 s, 2 threads)"}, "123 MB (574 MB threaded)"},
}

var gaps = []float64{1e-4, 1e-6, 1e-8}

type config struct {
	networks []string
	curves   []string
	shared   string
	caravan  string
	only     string // the assign-only program (cmd/assignonly), built here
	tapb     string
	runs     int
	curveMax time.Duration
	curveCSV string
}

func parse(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("assignbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	nets := fs.String("networks", "Barcelona,Winnipeg,ChicagoSketch,BerlinCenter", "comma-separated networks to time ("+names()+")")
	curves := fs.String("curves", "", "comma-separated networks for gap-against-time curves of fw, cfw, bfw and b (e.g. ChicagoSketch,BerlinCenter)")
	root, _ := shareddata.Root()
	c := &config{}
	fs.StringVar(&c.shared, "shared", root, "shared data directory ($"+shareddata.EnvVar+")")
	fs.StringVar(&c.caravan, "caravan", "", "caravan binary (default: build it from the repository)")
	fs.StringVar(&c.tapb, "tapb", "", "tap-b binary (built outside the repository) to time side by side")
	fs.IntVar(&c.runs, "runs", 5, "runs per cell; the median is reported")
	fs.DurationVar(&c.curveMax, "curve-time", 60*time.Second, "stop each curve run after this long")
	fs.StringVar(&c.curveCSV, "curve-csv", "", "also write the curves' points (network, algorithm, iteration, seconds, gap) to this CSV file")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if c.runs < 1 {
		return nil, fmt.Errorf("-runs must be at least 1")
	}
	for _, n := range splitList(*nets) {
		if find(n) == nil {
			return nil, fmt.Errorf("unknown network %q (have %s)", n, names())
		}
		c.networks = append(c.networks, n)
	}
	for _, n := range splitList(*curves) {
		if find(n) == nil {
			return nil, fmt.Errorf("unknown network %q (have %s)", n, names())
		}
		c.curves = append(c.curves, n)
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parse(args, stderr)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "assignbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// The bench module replaces the caravan module with the repository:
	// build caravan there, with the main module's own go.sum, and the
	// assign-only program here.
	root, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", "github.com/caravan-transport/caravan").Output()
	if err != nil {
		return fmt.Errorf("find the repository: %w", err)
	}
	if c.caravan == "" {
		c.caravan = filepath.Join(tmp, "caravan")
		if err := goBuild(ctx, strings.TrimSpace(string(root)), c.caravan, "./cmd/caravan", stderr); err != nil {
			return err
		}
	}
	c.only = filepath.Join(tmp, "assignonly")
	if err := goBuild(ctx, filepath.Join(strings.TrimSpace(string(root)), "bench"), c.only, "./cmd/assignonly", stderr); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "assignbench: %s, %s/%s, %d CPUs; %s; median of %d runs; %s; load average at start %s\n\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel(), c.runs, time.Now().UTC().Format("2006-01-02 15:04 MST"), loadAvg())
	defer func() {
		fmt.Fprintf(stdout, "load average at the end %s; %s\n", loadAvg(), time.Now().UTC().Format("15:04 MST"))
	}()
	if len(c.networks) > 0 {
		// The floor under the CLI's numbers: start-up of the caravan
		// binary, which links every package of the project.
		s, err := median(ctx, c.runs, stderr, "caravan help", func() (sample, error) {
			wall, kb, err := child(exec.CommandContext(ctx, c.caravan, "help"))
			return sample{wall: wall, maxKB: kb}, err
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "caravan help (the CLI's start-up floor): %s, %s peak.\n\n", dur(s.wall), mb(s.maxKB))
		if err := timeTable(ctx, c, tmp, stdout, stderr); err != nil {
			return err
		}
	}
	for _, n := range c.curves {
		if err := curves(ctx, c, find(n), tmp, stdout, stderr); err != nil {
			return err
		}
	}
	return nil
}

// goBuild builds pkg into out, in directory dir.
func goBuild(ctx context.Context, dir, out, pkg string, stderr io.Writer) error {
	build := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	build.Dir = dir
	build.Stderr = stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build %s: %w", pkg, err)
	}
	return nil
}

// sample is one whole-process run.
type sample struct {
	wall  time.Duration
	maxKB int64
	iters int
	gap   float64
}

// timeTable times caravan (and tap-b) on every network and gap.
func timeTable(ctx context.Context, c *config, tmp string, stdout, stderr io.Writer) error {
	fmt.Fprintln(stdout, "| network | tool | rel. gap 1e-4 | 1e-6 | 1e-8 | iterations to 1e-8 | peak memory (largest) | tap-b (PEERS.md) 1e-4 / 1e-6 / 1e-8, memory | tap-b ÷ tool, median of the rounds' ratios (this run) |")
	fmt.Fprintln(stdout, "|---|---|---|---|---|---|---|---|---|")
	for _, name := range c.networks {
		nw := find(name)
		dir := filepath.Join(c.shared, "data", "tntp", nw.name)
		flows := filepath.Join(tmp, "flows.csv")
		var ours, small, peer [3]sample
		var rOurs, rSmall [3]float64
		for i, g := range gaps {
			tools := []func() (sample, error){
				func() (sample, error) {
					return timeCaravan(ctx, c.caravan, dir, g, flows, "assign", "tntp", dir, "--algo", "b", "--gap", fmt.Sprint(g), "--quiet", "--json", "--flows", flows)
				},
				func() (sample, error) {
					return timeCaravan(ctx, c.only, dir, g, flows, dir, fmt.Sprint(g), flows, fmt.Sprint(nw.toll), fmt.Sprint(nw.dist))
				},
			}
			if c.tapb != "" {
				tools = append(tools, func() (sample, error) { return timeTapB(ctx, c.tapb, tmp, dir, nw, g) })
			}
			// Rounds interleave the tools, so that a change in the
			// machine's load hits all of them alike.
			runs := make([][]sample, len(tools))
			for r := range c.runs {
				for k, f := range tools {
					if err := ctx.Err(); err != nil {
						return err
					}
					s, err := f()
					if err != nil {
						return fmt.Errorf("%s %.0e, tool %d, round %d: %w", nw.name, g, k, r, err)
					}
					runs[k] = append(runs[k], s)
				}
			}
			ours[i] = medianOf(runs[0])
			small[i] = medianOf(runs[1])
			if c.tapb != "" {
				peer[i] = medianOf(runs[2])
				rOurs[i] = medianRatio(runs[2], runs[0])
				rSmall[i] = medianRatio(runs[2], runs[1])
			}
			for k, who := range []string{"caravan", "assign-only", "tap-b"}[:len(tools)] {
				m := medianOf(runs[k])
				fmt.Fprintf(stderr, "%s %s %.0e: median %s of %d, %d iterations, gap %.2e, peak %s\n", who, nw.name, g, dur(m.wall), c.runs, m.iters, m.gap, mb(m.maxKB))
			}
		}
		have := c.tapb != ""
		fmt.Fprintf(stdout, "| %s | caravan B (CLI) | %s | %s | %s | %d | %s | %s / %s / %s, %s | %s |\n", nw.name,
			dur(ours[0].wall), dur(ours[1].wall), dur(ours[2].wall), ours[2].iters, mb(maxMem(ours)),
			nw.peer[0], nw.peer[1], nw.peer[2], nw.peerMem, ratios(rOurs, have))
		fmt.Fprintf(stdout, "|  | assign-only binary, B | %s | %s | %s | %d | %s |  | %s |\n",
			dur(small[0].wall), dur(small[1].wall), dur(small[2].wall), small[2].iters, mb(maxMem(small)), ratios(rSmall, have))
		if have {
			fmt.Fprintf(stdout, "|  | tap-b (this run, serial build) | %s | %s | %s | %d | %s |  |  |\n",
				dur(peer[0].wall), dur(peer[1].wall), dur(peer[2].wall), peer[2].iters, mb(maxMem(peer)))
		}
	}
	fmt.Fprintln(stdout)
	return nil
}

func ratios(r [3]float64, have bool) string {
	if !have {
		return "—"
	}
	return fmt.Sprintf("%.1f× / %.1f× / %.1f×", r[0], r[1], r[2])
}

// medianOf returns the run of median wall time, with the largest peak
// memory of all runs.
func medianOf(ss []sample) sample {
	sorted := slices.Clone(ss)
	slices.SortFunc(sorted, func(a, b sample) int { return int(a.wall - b.wall) })
	m := sorted[len(sorted)/2]
	for _, s := range ss {
		m.maxKB = max(m.maxKB, s.maxKB)
	}
	return m
}

// medianRatio returns the median over rounds of a[r].wall / b[r].wall.
func medianRatio(a, b []sample) float64 {
	var rs []float64
	for i := range a {
		rs = append(rs, a[i].wall.Seconds()/b[i].wall.Seconds())
	}
	slices.Sort(rs)
	return rs[len(rs)/2]
}

// median runs f n times and returns the run of median wall time, with the
// largest peak memory of all runs.
func median(ctx context.Context, n int, stderr io.Writer, what string, f func() (sample, error)) (sample, error) {
	var ss []sample
	for range n {
		if err := ctx.Err(); err != nil {
			return sample{}, err
		}
		s, err := f()
		if err != nil {
			return sample{}, fmt.Errorf("%s: %w", what, err)
		}
		ss = append(ss, s)
	}
	m := medianOf(ss)
	fmt.Fprintf(stderr, "%s: median %s of %d, %d iterations, gap %.2e, peak %s\n", what, dur(m.wall), n, m.iters, m.gap, mb(m.maxKB))
	return m, nil
}

// child runs cmd and returns its wall time and peak resident memory.
func child(cmd *exec.Cmd) (time.Duration, int64, error) {
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return 0, 0, err
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var kb int64
	if ru != nil {
		kb = ru.Maxrss // kilobytes on Linux
	}
	return wall, kb, nil
}

// timeCaravan runs bin with args: caravan's CLI, or this program as the
// assign-only child. Both print JSON with "iterations" and "relative_gap".
func timeCaravan(ctx context.Context, bin, dir string, gap float64, flows string, args ...string) (sample, error) {
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	wall, kb, err := child(cmd)
	if err != nil {
		return sample{}, fmt.Errorf("%w: %s", err, errb.String())
	}
	var s sample
	s.wall, s.maxKB = wall, kb
	s.iters = int(jsonNumber(out.String(), "iterations"))
	s.gap = jsonNumber(out.String(), "relative_gap")
	if s.gap > gap {
		return s, fmt.Errorf("gap %v above %v", s.gap, gap)
	}
	return s, nil
}

// jsonNumber reads "key": number from caravan's indented JSON.
func jsonNumber(s, key string) float64 {
	i := strings.Index(s, `"`+key+`": `)
	if i < 0 {
		return math.NaN()
	}
	rest := s[i+len(key)+4:]
	j := strings.IndexAny(rest, ",\n")
	v, _ := strconv.ParseFloat(strings.TrimSpace(rest[:j]), 64)
	return v
}

// timeTapB writes tap-b's parameter file (and a copy of the network file
// with the toll and distance factors in its metadata, which is where tap-b
// reads them) and runs it.
func timeTapB(ctx context.Context, bin, tmp, dir string, nw *network, gap float64) (sample, error) {
	work := filepath.Join(tmp, "tapb-"+nw.name)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return sample{}, err
	}
	netFile := filepath.Join(work, "net.tntp")
	if _, err := os.Stat(netFile); err != nil {
		raw, err := os.ReadFile(filepath.Join(dir, nw.net))
		if err != nil {
			return sample{}, err
		}
		head := fmt.Sprintf("<TOLL FACTOR> %v\n<DISTANCE FACTOR> %v\n", nw.toll, nw.dist)
		if err := os.WriteFile(netFile, append([]byte(head), raw...), 0o644); err != nil {
			return sample{}, err
		}
	}
	// tap-b prefixes FILE PATH to both file names; give it the trips file by
	// a relative path from work.
	rel, err := filepath.Rel(work, filepath.Join(dir, nw.trips))
	if err != nil {
		return sample{}, err
	}
	params := filepath.Join(work, "params.txt")
	body := fmt.Sprintf("<NETWORK FILE> net.tntp\n<TRIPS FILE> %s\n<FILE PATH> %s/\n<FLOWS FILE> %s\n<CONVERGENCE GAP> %v\n<NUMBER OF THREADS> 1\n",
		rel, work, filepath.Join(work, "flows.txt"), gap)
	if err := os.WriteFile(params, []byte(body), 0o644); err != nil {
		return sample{}, err
	}
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, params)
	cmd.Dir = work
	cmd.Stdout, cmd.Stderr = &out, &out
	wall, kb, err := child(cmd)
	if err != nil {
		return sample{}, fmt.Errorf("%w: %s", err, tail(out.String()))
	}
	s := sample{wall: wall, maxKB: kb, gap: math.NaN()}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		// "Iteration 15: gap 0.000000003281827, obj ..., time 0.658, 8190 shifts"
		f := strings.Fields(sc.Text())
		if len(f) >= 4 && f[0] == "Iteration" && f[2] == "gap" {
			s.iters, _ = strconv.Atoi(strings.TrimSuffix(f[1], ":"))
			s.gap, _ = strconv.ParseFloat(strings.TrimSuffix(f[3], ","), 64)
		}
	}
	return s, nil
}

func tail(s string) string {
	if len(s) > 400 {
		return "…" + s[len(s)-400:]
	}
	return s
}

// curves runs each algorithm once with progress on stderr and tabulates the
// time at which it first reached each gap.
func curves(ctx context.Context, c *config, nw *network, tmp string, stdout, stderr io.Writer) error {
	dir := filepath.Join(c.shared, "data", "tntp", nw.name)
	marks := []float64{1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-10}
	fmt.Fprintf(stdout, "Gap against time on %s (seconds from the start of solving, reading excluded; — = not reached within %s or 10,000 iterations):\n\n", nw.name, c.curveMax)
	fmt.Fprint(stdout, "| algorithm |")
	for _, m := range marks {
		fmt.Fprintf(stdout, " %.0e |", m)
	}
	fmt.Fprintln(stdout, " last gap | iterations |")
	fmt.Fprint(stdout, "|---|")
	for range marks {
		fmt.Fprint(stdout, "---|")
	}
	fmt.Fprintln(stdout, "---|---|")
	var csv *os.File
	if c.curveCSV != "" {
		var err error
		if csv, err = os.OpenFile(c.curveCSV, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644); err != nil {
			return err
		}
		defer csv.Close()
	}
	for _, algo := range []string{"fw", "cfw", "bfw", "b"} {
		cctx, cancel := context.WithTimeout(ctx, c.curveMax)
		cmd := exec.CommandContext(cctx, c.caravan, "assign", "tntp", dir, "--algo", algo, "--gap", "1e-10", "--max-iter", "10000")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		cancel()
		if err != nil && cctx.Err() == nil {
			return fmt.Errorf("%s %s: %w: %s", nw.name, algo, err, tail(errb.String()))
		}
		reached := make([]float64, len(marks))
		for i := range reached {
			reached[i] = math.NaN()
		}
		last, iters := math.NaN(), 0
		sc := bufio.NewScanner(&errb)
		for sc.Scan() {
			// "iteration 3: gap 1.234e-04, objective 1.2e+06, 0.123 s"
			var it int
			var g, obj, secs float64
			if n, _ := fmt.Sscanf(sc.Text(), "iteration %d: gap %g, objective %g, %g s", &it, &g, &obj, &secs); n != 4 {
				continue
			}
			last, iters = g, it
			for i, m := range marks {
				if g <= m && math.IsNaN(reached[i]) {
					reached[i] = secs
				}
			}
			if csv != nil {
				fmt.Fprintf(csv, "%s,%s,%d,%g,%g\n", nw.name, algo, it, secs, g)
			}
		}
		fmt.Fprintf(stdout, "| %s |", algo)
		for _, r := range reached {
			if math.IsNaN(r) {
				fmt.Fprint(stdout, " — |")
			} else {
				fmt.Fprintf(stdout, " %.2f |", r)
			}
		}
		fmt.Fprintf(stdout, " %.1e | %d |\n", last, iters)
	}
	fmt.Fprintln(stdout)
	return nil
}

func find(name string) *network {
	for i := range networks {
		if strings.EqualFold(networks[i].name, name) {
			return &networks[i]
		}
	}
	return nil
}

func names() string {
	var s []string
	for _, n := range networks {
		s = append(s, n.name)
	}
	return strings.Join(s, ", ")
}

func splitList(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func maxMem(ss [3]sample) int64 {
	return max(ss[0].maxKB, ss[1].maxKB, ss[2].maxKB)
}

func dur(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	default:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
}

func mb(kb int64) string {
	if kb < 100*1024 {
		return fmt.Sprintf("%.1f MB", float64(kb)/1024)
	}
	return fmt.Sprintf("%.0f MB", float64(kb)/1024)
}

// cpuModel returns the first "model name" of /proc/cpuinfo, or "CPU model
// unknown".
func cpuModel() string {
	raw, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "CPU model unknown"
	}
	for line := range strings.SplitSeq(string(raw), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "CPU model unknown"
}

// loadAvg returns the 1, 5 and 15 minute load averages of /proc/loadavg.
func loadAvg() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(raw))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
