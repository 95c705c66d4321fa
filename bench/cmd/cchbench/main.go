// Command cchbench measures caravan's customizable contraction hierarchy
// (package cch) on the synthetic road graphs of package roadgrid (and the
// shared real graphs): build (order and supergraph), customization for a new
// weight vector, query median with path unpacking, peak memory and bytes
// per arc; optionally caravan's CH on the same pairs for the query ratio.
// Every CCH distance is checked against Dijkstra (csr) on the first pairs,
// for the base weights and for a scenario's weights (every weight times a
// random factor in [0.8, 1.2), 1 % of arcs closed).
//
// Usage (from the bench directory):
//
//	go run ./cmd/cchbench [-grid 1000] [-pairs 1000] [-check 100] [-ch] [-class]
//
// -class passes the roadgrid's street classes to the order
// (cch.Options.Class).
//
// The exit status is 1 if a distance disagrees with Dijkstra's.
package main

import (
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/caravan-transport/caravan/cch"
	"github.com/caravan-transport/caravan/ch"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/importer/geojson"
	"github.com/caravan-transport/caravan/roadgrid"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "cchbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("cchbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	grid := fs.Int("grid", 1000, "side of the synthetic roadgrid (nodes = grid²)")
	seed := fs.Uint64("seed", 1, "seed of the graph, the pairs and the scenario")
	npairs := fs.Int("pairs", 1000, "random query pairs")
	check := fs.Int("check", 100, "pairs checked against Dijkstra per metric")
	withCH := fs.Bool("ch", false, "also build caravan's CH and time its queries on the same pairs")
	customs := fs.Int("customize", 3, "customizations to time (the median is reported)")
	withClass := fs.Bool("class", false, "pass each node's highest street class (roadgrid.Network.NodeClass) as cch.Options.Class; no effect with -order or -geojson")
	straight := fs.Bool("straight", false, "straight cuts only (cch.Options.StraightCuts): faster build, larger supergraph")
	buildOnly := fs.Bool("build-only", false, "stop after cch.Build and print its statistics")
	updates := fs.Bool("updates", true, "also time partial customization (cch.Updater): closing 1, 10, 100 and 1000 random arcs, and a regional scenario (every arc in a box × 1.5)")
	lean := fs.Bool("lean", false, "for graphs near the machine's memory: skip CustomizeBasic and the scenario metric's check, so that one metric is held at a time")
	trials := fs.Int("update-trials", 9, "random sets of 1, 10 and 100 closed arcs to time with -updates (median and range)")
	workspace := fs.Bool("workspace", true, "customize through one cch.Workspace, whose scratch the second and later customizations reuse, and hand back the metrics not kept (false: cch.Customize, fresh scratch each time)")
	verbose := fs.Bool("v", false, "log the phases of cch.Build and cch.Customize to stderr")
	orderIn := fs.String("order", "", "read the node order from `FILE` (as written by -save-order) instead of nested dissection")
	orderOut := fs.String("save-order", "", "write the node order to `FILE` (little-endian int32 per rank) after the build")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of everything after the build to `FILE`")
	gj := fs.String("geojson", "", "comma-separated GeoJSON `FILES` of a line network to use instead of the roadgrid (importer/geojson, default mapping; weights in hours)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *grid < 2 || *npairs < 1 || *customs < 1 {
		return fmt.Errorf("usage: cchbench [-grid N≥2] [-pairs N≥1] [-check N] [-customize N≥1] [-ch]")
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "cchbench: "+format+"\n", a...) }

	start := time.Now()
	var (
		g     *csr.Graph
		w     []float64
		x, y  []float64
		class []uint8
		name  string
	)
	if *gj != "" {
		imp, err := geojson.Read(ctx, geojson.DefaultMapping(), strings.Split(*gj, ",")...)
		if err != nil {
			return err
		}
		if g, w, _, _, err = imp.Graph(); err != nil {
			return err
		}
		x, y = make([]float64, len(imp.Nodes)), make([]float64, len(imp.Nodes))
		for i, nd := range imp.Nodes {
			// Kilometres on a plane tangent at 38° N: enough for bisection.
			x[i], y[i] = nd.Loc[0]*111.32*math.Cos(38*math.Pi/180), nd.Loc[1]*110.57
		}
		name = "imported " + imp.Summary()
	} else {
		net, err := roadgrid.Generate(roadgrid.Options{Width: *grid, Height: *grid, Seed: *seed})
		if err != nil {
			return err
		}
		if g, w, err = net.CSR(); err != nil {
			return err
		}
		x, y = net.X, net.Y
		name = fmt.Sprintf("roadgrid %d×%d", *grid, *grid)
		if *withClass && *orderIn == "" {
			class = net.NodeClassValues()
			name += ", street classes in separators"
		}
	}
	runtime.GC()
	n, m := g.NumNodes(), g.NumArcs()
	logf("%s: %d nodes, %d arcs, loaded in %v", name, n, m, time.Since(start).Round(time.Millisecond))
	base := heapInUse()

	start = time.Now()
	var logger *slog.Logger
	if *verbose {
		logger = slog.New(slog.NewTextHandler(stderr, nil))
	}
	opt := cch.Options{X: x, Y: y, Class: class, StraightCuts: *straight, Logger: logger}
	if *orderIn != "" {
		order, err := readOrder(*orderIn)
		if err != nil {
			return err
		}
		opt.Order = order
	}
	c, err := cch.Build(ctx, g, opt)
	if err != nil {
		return err
	}
	build := time.Since(start)
	if *orderOut != "" {
		if err := writeOrder(*orderOut, c.Order()); err != nil {
			return err
		}
	}
	cst := c.Stats()
	if *buildOnly {
		fmt.Fprintf(stdout, "cchbench: %s; %d nodes, %d arcs; straight cuts only %v; load average %s\n", name, n, m, *straight, loadavg())
		fmt.Fprintf(stdout, "cch.Build %v: %d supergraph arcs, %d triangles, elimination tree depth %d, %.1f bytes per arc (CCH only); peak resident memory %s\n",
			build.Round(time.Millisecond), cst.Arcs, cst.Triangles, cst.TreeDepth, float64(cst.Bytes)/float64(m), peakRSS())
		return nil
	}
	logf("cch.Build: %v; %d supergraph arcs, %d triangles, elimination tree depth %d", build.Round(time.Millisecond), cst.Arcs, cst.Triangles, cst.TreeDepth)

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			if cerr := f.Close(); cerr != nil && err == nil {
				err = cerr
			}
		}()
	}
	rng := rand.New(rand.NewPCG(*seed, 0x636368))
	w2 := make([]float64, m)
	for a, v := range w {
		w2[a] = v * (0.8 + 0.4*rng.Float64())
		if math.IsInf(v, 1) {
			w2[a] = v
		}
		if rng.IntN(100) == 0 {
			w2[a] = math.Inf(1)
		}
	}
	var times, cpus []time.Duration
	var mt *cch.Metric // the last customization's on w
	customizeFn, recycle := c.Customize, func(*cch.Metric) {}
	if *workspace {
		ws := c.NewWorkspace()
		customizeFn, recycle = ws.Customize, ws.Recycle
	}
	for i := range *customs {
		ww := w
		if i%2 == 1 {
			ww = w2
		}
		start = time.Now()
		cpu0 := cpuTime()
		m, err := customizeFn(ctx, ww)
		if err != nil {
			return err
		}
		if i%2 == 0 { // the last on w: with a workspace, one that reused its scratch
			recycle(mt)
			mt = m
		} else {
			recycle(m)
		}
		times = append(times, time.Since(start))
		cpus = append(cpus, cpuTime()-cpu0)
		logf("cch.Customize #%d: %v (CPU time of the process %v; load average %s)", i+1, times[i].Round(time.Millisecond), cpus[i].Round(time.Millisecond), loadavg())
	}
	customize := median(times)
	runtime.GC()
	held := heapInUse() - base
	mst := mt.Stats()

	ps := make([][2]int32, *npairs)
	prng := rand.New(rand.NewPCG(*seed, 0x7061697273))
	for i := range ps {
		ps[i] = [2]int32{int32(prng.IntN(n)), int32(prng.IntN(n))}
	}
	q := cch.NewQuery(mt)
	var buf []int32
	qt, dist := measure(ps, func(s, t int32) float64 {
		d := q.Distance(s, t)
		buf = q.Path(buf[:0])
		return d
	})
	relaxed := 0
	qd, _ := measure(ps, func(s, t int32) float64 {
		d := q.Distance(s, t)
		relaxed += q.Relaxed
		return d
	})
	relaxedSearch := 0
	qs, _ := measure(ps, func(s, t int32) float64 {
		d := q.DistanceSearch(s, t)
		relaxedSearch += q.Relaxed
		return d
	})
	var basicTime time.Duration
	var qbt []time.Duration
	if !*lean {
		start = time.Now()
		mb, err := c.CustomizeBasic(ctx, w)
		if err != nil {
			return err
		}
		basicTime = time.Since(start)
		qb := cch.NewQuery(mb)
		qbt, _ = measure(ps, func(s, t int32) float64 { return qb.Distance(s, t) })
	}

	// Oracle on the first pairs, for w and w2.
	bad := 0
	sr := csr.NewSearcher(g)
	for i, p := range ps[:min(*check, len(ps))] {
		if want := sr.Search(w, nil, p[0], p[1]); !near(dist[i], want) {
			bad++
		}
	}
	checked := min(*check, len(ps))
	if !*lean {
		m2, err := c.Customize(ctx, w2)
		if err != nil {
			return err
		}
		q2 := cch.NewQuery(m2)
		for _, p := range ps[:checked] {
			if want := sr.Search(w2, nil, p[0], p[1]); !near(q2.Distance(p[0], p[1]), want) {
				bad++
			}
		}
		checked *= 2
	}

	fmt.Fprintf(stdout, "cchbench: %s, %s/%s, %d CPUs, GOMAXPROCS %d; %s; seed %d; %d pairs; load average %s\n\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), name, *seed, len(ps), loadavg())
	fmt.Fprintf(stdout, "| graph | nodes | arcs | build (order + supergraph) | supergraph arcs | tree depth | customize (median of %d) | query p50 (distance) | query p50 (+ path) | bytes/arc (CCH + metric) | checked vs Dijkstra |\n|---|---|---|---|---|---|---|---|---|---|---|\n", *customs)
	fmt.Fprintf(stdout, "| %s | %d | %d | %v | %d | %d | %v | %v | %v | %.1f (%.1f + %.1f; heap %.1f) | %d/%d equal |\n",
		strings.SplitN(name, ";", 2)[0], n, m, build.Round(time.Millisecond), cst.Arcs, cst.TreeDepth, customize.Round(time.Millisecond),
		median(qd), median(qt),
		float64(cst.Bytes+mst.Bytes)/float64(m), float64(cst.Bytes)/float64(m), float64(mst.Bytes)/float64(m), float64(held)/float64(m),
		checked-bad, checked)
	reach := 0
	for _, d := range dist {
		if !math.IsInf(d, 1) {
			reach++
		}
	}
	fmt.Fprintf(stdout, "\n%d of %d pairs are connected; supergraph: %d triangles; metric: %d forward and %d backward arcs of %d (perfect customization left out the rest); a query relaxes %d arcs on average\n",
		reach, len(ps), cst.Triangles, mst.ForwardArcs, mst.BackwardArcs, cst.Arcs, relaxed/len(ps))

	fmt.Fprintf(stdout, "\nDistanceSearch (bidirectional Dijkstra upwards with stall-on-demand) on the same pairs: query p50 %v (distance), %d arcs relaxed on average\n", median(qs), relaxedSearch/len(ps))
	fmt.Fprintf(stdout, "\ncustomization: median %v wall clock, %v CPU time of the process (all goroutines)\n", customize.Round(time.Millisecond), median(cpus).Round(time.Millisecond))
	if !*lean {
		fmt.Fprintf(stdout, "\nwithout the perfect pass (CustomizeBasic): customize %v, query p50 %v (distance)\n", basicTime.Round(time.Millisecond), median(qbt))
	}
	if *withCH {
		start = time.Now()
		h, err := ch.Build(ctx, g, w, ch.Options{})
		if err != nil {
			return err
		}
		chBuild := time.Since(start)
		hq := ch.NewQuery(h)
		ct, cd := measure(ps, func(s, t int32) float64 {
			d := hq.Distance(s, t)
			buf = hq.Path(buf[:0])
			return d
		})
		ctd, _ := measure(ps, func(s, t int32) float64 { return hq.Distance(s, t) })
		agree := 0
		for i := range ps {
			if near(cd[i], dist[i]) {
				agree++
			}
		}
		fmt.Fprintf(stdout, "\nCH on the same pairs: build %v; query p50 %v (distance), %v (+ path); CCH ÷ CH %.2f× (distance), %.2f× (+ path); %d/%d distances equal to CCH's\n",
			chBuild.Round(time.Millisecond), median(ctd), median(ct), float64(median(qd))/float64(median(ctd)), float64(median(qt))/float64(median(ct)), agree, len(ps))
	}
	if *updates {
		b, err := measureUpdates(ctx, stdout, c, w, x, y, ps[:min(*check, len(ps))], sr, *seed, *trials)
		if err != nil {
			return err
		}
		bad += b
	}
	fmt.Fprintf(stdout, "\npeak resident memory of the process: %s\n", peakRSS())
	if bad > 0 {
		return fmt.Errorf("%d distances differ from Dijkstra's", bad)
	}
	return nil
}

// measureUpdates times cch.Updater on scenarios applied to the base
// weights w and reverted, each checked against Dijkstra on the pairs ps
// (after the change) and on the first pair after the revert, then trials
// more random sets of closures of each size (not checked). It returns the
// number of disagreements.
func measureUpdates(ctx context.Context, stdout io.Writer, c *cch.CCH, w, x, y []float64, ps [][2]int32, sr *csr.Searcher, seed uint64, trials int) (int, error) {
	g := c.Graph()
	m := g.NumArcs()
	start := time.Now()
	cpu0 := cpuTime()
	u, err := c.NewUpdater(ctx, w)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(stdout, "\npartial customization (cch.Updater): NewUpdater (a full customization that keeps its state) %v, CPU %v; the Updater holds %.1f bytes per arc of the graph besides the CCH and the metric; load average %s\n\n",
		time.Since(start).Round(time.Millisecond), (cpuTime() - cpu0).Round(time.Millisecond), float64(u.Bytes())/float64(m), loadavg())
	fmt.Fprintf(stdout, "| change | weights changed | basic: arcs visited / changed | perfect: ranks recomputed / arcs changed | triangles | basic | perfect | keep | compact | full customization instead | update (wall / CPU) | revert (wall) | checked vs Dijkstra |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	rng := rand.New(rand.NewPCG(seed, 0x757064))
	type scenario struct {
		name string
		w    []float64
	}
	var scs []scenario
	for _, k := range []int{1, 10, 100, 1000} {
		scs = append(scs, scenario{fmt.Sprintf("close %d random arcs", k), closeRandom(rng, w, k)})
	}
	if x != nil {
		xlo, xhi := slices.Min(x), slices.Max(x)
		ylo, yhi := slices.Min(y), slices.Max(y)
		for _, side := range []float64{0.1, 0.3} {
			bx := xlo + rng.Float64()*(1-side)*(xhi-xlo)
			by := ylo + rng.Float64()*(1-side)*(yhi-ylo)
			in := func(v int32) bool {
				return x[v] >= bx && x[v] <= bx+side*(xhi-xlo) && y[v] >= by && y[v] <= by+side*(yhi-ylo)
			}
			w2 := slices.Clone(w)
			for a := range w2 {
				if in(g.Tails[a]) && in(g.Heads[a]) {
					w2[a] *= 1.5
				}
			}
			scs = append(scs, scenario{fmt.Sprintf("every arc in a box of %.0f %% × %.0f %% of the area × 1.5", 100*side, 100*side), w2})
		}
	}
	bad := 0
	for _, sc := range scs {
		start := time.Now()
		cpu0 := cpuTime()
		mt, err := u.Update(ctx, sc.w)
		if err != nil {
			return bad, err
		}
		took, cpu := time.Since(start), cpuTime()-cpu0
		st := u.LastUpdate()
		q := cch.NewQuery(mt)
		checked, ok := 0, 0
		for _, p := range ps {
			checked++
			if want := sr.Search(sc.w, nil, p[0], p[1]); near(q.Distance(p[0], p[1]), want) {
				ok++
			}
		}
		start = time.Now()
		back, err := u.Update(ctx, w)
		if err != nil {
			return bad, err
		}
		revert := time.Since(start)
		full := "–"
		if st.Full {
			full = short(st.Customized).String()
		}
		if u.LastUpdate().Full {
			full += " (revert: " + short(u.LastUpdate().Customized).String() + ")"
		}
		if len(ps) > 0 {
			checked++
			p := ps[0]
			if want := sr.Search(w, nil, p[0], p[1]); near(cch.NewQuery(back).Distance(p[0], p[1]), want) {
				ok++
			}
		}
		bad += checked - ok
		fmt.Fprintf(stdout, "| %s | %d | %d / %d | %d / %d | %.1f M | %v | %v | %v | %v | %s | %v / %v | %v | %d/%d equal |\n",
			sc.name, st.ChangedWeights, st.BasicArcs, st.BasicChanged, st.PerfectRanks, st.PerfectChanged, float64(st.Triangles)/1e6,
			short(st.Basic), short(st.Perfect), short(st.Keep), short(st.Compact), full, short(took), short(cpu), short(revert), ok, checked)
	}
	// Closures cost what the closed arcs reach, which varies from one arc
	// to another: more random sets of each size, unchecked.
	if trials > 1 {
		fmt.Fprintf(stdout, "\nclosing random arcs, %d sets of each size (update wall clock; triangles looked at; updates that ended in a full customization); load average %s\n\n| closed arcs | median | min – max | triangles, median (min – max) | full |\n|---|---|---|---|---|\n", trials, loadavg())
		for _, k := range []int{1, 10, 100} {
			var ts []time.Duration
			var tris []int
			fulls := 0
			for range trials {
				w2 := closeRandom(rng, w, k)
				start := time.Now()
				if _, err := u.Update(ctx, w2); err != nil {
					return bad, err
				}
				ts = append(ts, time.Since(start))
				tris = append(tris, u.LastUpdate().Triangles)
				if u.LastUpdate().Full {
					fulls++
				}
				if _, err := u.Update(ctx, w); err != nil {
					return bad, err
				}
			}
			slices.Sort(tris)
			fmt.Fprintf(stdout, "| %d | %v | %v – %v | %.1f M (%.1f – %.1f M) | %d of %d |\n", k, short(median(ts)), short(slices.Min(ts)), short(slices.Max(ts)),
				float64(tris[len(tris)/2])/1e6, float64(tris[0])/1e6, float64(tris[len(tris)-1])/1e6, fulls, trials)
		}
	}
	mst := u.Metric().Stats()
	fmt.Fprintf(stdout, "\nafter the updates and reverts the metric keeps %d forward and %d backward arcs; load average %s\n", mst.ForwardArcs, mst.BackwardArcs, loadavg())
	return bad, nil
}

// closeRandom returns a copy of w with k random arcs closed (+Inf).
func closeRandom(rng *rand.Rand, w []float64, k int) []float64 {
	w2 := slices.Clone(w)
	for range k {
		w2[rng.IntN(len(w2))] = math.Inf(1)
	}
	return w2
}

// short rounds d to 3 significant digits or so: to the millisecond above
// 100 ms, to the microsecond below.
func short(d time.Duration) time.Duration {
	if d >= 100*time.Millisecond {
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Microsecond)
}

// readOrder reads a node order written by writeOrder.
func readOrder(name string) ([]int32, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("%s: %d bytes, not a list of int32", name, len(b))
	}
	order := make([]int32, len(b)/4)
	for i := range order {
		order[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return order, nil
}

// writeOrder writes order as little-endian int32s.
func writeOrder(name string, order []int32) error {
	b := make([]byte, 0, 4*len(order))
	for _, v := range order {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	return os.WriteFile(name, b, 0o644)
}

// measure runs query once over every pair and returns the times and distances.
func measure(ps [][2]int32, query func(s, t int32) float64) ([]time.Duration, []float64) {
	times := make([]time.Duration, len(ps))
	dist := make([]float64, len(ps))
	for i, p := range ps {
		start := time.Now()
		dist[i] = query(p[0], p[1])
		times[i] = time.Since(start)
	}
	return times, dist
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func near(a, b float64) bool {
	if math.IsInf(a, 1) || math.IsInf(b, 1) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func heapInUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// loadavg returns the first field of /proc/loadavg, or "unknown".
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(b))[0]
}

// peakRSS returns VmHWM from /proc/self/status, or "unknown".
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
