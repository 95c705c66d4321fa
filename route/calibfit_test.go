package route_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/route"
)

var fitParams = flag.Bool("fit", false, "search the free parameters on the fit half of observations.csv and print the best values")

// freeParams are the model parameters that the calibration fits, with the
// grid each is searched over.
var freeParams = []struct {
	name string
	grid []float64
}{
	{"rail_moving_share_block", []float64{0.23, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1}},
	{"rail_moving_share_block_cn", []float64{0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1}},
	{"road_driving_hours_per_day", []float64{10, 12, 13.4, 14, 16, 18, 20, 22, 24}},
	{"block_train_consolidation_hours", []float64{0, 12, 24, 36, 48, 72, 96, 120, 168}},
}

// withParams returns the built-in dataset with the working values of the
// named parameters replaced (bounds widened to hold them).
func withParams(tb testing.TB, values map[string]float64) fs.FS {
	tb.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(dataset.Builtin(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(dataset.Builtin(), path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(string(m["parameters.csv"].Data), "\n")
	for i, l := range lines {
		name, rest, ok := strings.Cut(l, ",")
		v, want := values[name]
		if !ok || !want {
			continue
		}
		// name,value,value_min,value_max,...: replace the first three cells.
		cells := strings.SplitN(rest, ",", 4)
		lines[i] = fmt.Sprintf("%s,%g,%g,%g,%s", name, v, math.Min(v, 0), math.Max(v, 1000), cells[3])
	}
	m["parameters.csv"] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
	if p, ok := values[railWagonParam]; ok {
		m["rates.csv"] = &fstest.MapFile{Data: withRailWagon(tb, m["rates.csv"].Data, p, paramValue(tb, lines, "tonnes_per_teu"))}
	}
	return m
}

// paramValue returns the working value of parameter name in the lines of
// parameters.csv.
func paramValue(tb testing.TB, lines []string, name string) float64 {
	tb.Helper()
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, name+","); ok {
			v, err := strconv.ParseFloat(strings.SplitN(rest, ",", 2)[0], 64)
			if err != nil {
				tb.Fatal(err)
			}
			return v
		}
	}
	tb.Fatalf("parameters.csv has no %s", name)
	return 0
}

// railWagonParam is the free price parameter: what a container train adds
// per TEU-km to the railways' published container tariffs (wagons,
// operator, forwarder). It lives in rates.csv, not parameters.csv: every
// rail rate citing OBS-FIT is its tariff (usd_per_tonne_km_min, per tonne
// at tonnes_per_teu) plus this per TEU-km.
const railWagonParam = "rail_wagon_usd_per_teu_km"

// railWagonGrid is the grid railWagonParam is searched over (USD per TEU-km).
var railWagonGrid = []float64{0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1}

// withRailWagon returns rates.csv with the usd_per_tonne_km of every rail
// rate citing OBS-FIT set to its minimum (the sourced tariff) plus p USD per
// TEU-km at tonnesPerTEU tonnes per TEU (tonnes_per_teu, the working value
// of parameters.csv).
func withRailWagon(tb testing.TB, data []byte, p, tonnesPerTEU float64) []byte {
	tb.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	mode, v, lo, hi, src := col("mode"), col("usd_per_tonne_km"), col("usd_per_tonne_km_min"), col("usd_per_tonne_km_max"), col("sources")
	for _, row := range rows[1:] {
		if row[mode] != "rail" || !slices.Contains(strings.Split(row[src], ";"), "OBS-FIT") {
			continue
		}
		min, err := strconv.ParseFloat(row[lo], 64)
		if err != nil {
			tb.Fatal(err)
		}
		max, err := strconv.ParseFloat(row[hi], 64)
		if err != nil {
			tb.Fatal(err)
		}
		// The bounds widen to hold the value, as withParams's do.
		x := min + p/tonnesPerTEU
		row[v] = strconv.FormatFloat(x, 'f', 5, 64)
		row[hi] = strconv.FormatFloat(math.Max(max, x), 'f', 5, 64)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// fitObjective is the mean |log error| of the planner on the fit half's
// times, or with price its prices (0 inside an observed range; a missing
// estimate counts log 3).
func fitObjective(tb testing.TB, values map[string]float64, obs []dataset.Observation, price bool) float64 {
	n, err := dataset.Load(context.Background(), withParams(tb, values))
	if err != nil {
		tb.Fatal(err)
	}
	g, err := graph.Compile(n)
	if err != nil {
		tb.Fatal(err)
	}
	var sum float64
	var k int
	for _, r := range calibrate(route.New(g), obs) {
		set, have, e := r.o.TimeSet, r.hasTime, r.timeErr
		if price {
			set, have, e = r.o.PriceSet, r.hasPrice, r.priceErr
		}
		if set != "fit" {
			continue
		}
		k++
		if r.err != nil || !have {
			sum += math.Log(3)
			continue
		}
		sum += math.Abs(math.Log1p(e))
	}
	return sum / float64(k)
}

// TestCalibrationFit searches the free parameters by coordinate descent on
// the fit half of the observations (run with -fit); the holdout half is
// never looked at.
func TestCalibrationFit(t *testing.T) {
	if !*fitParams {
		t.Skip("run with -fit to search the free parameters")
	}
	obs := loadObservations(t)
	n, err := dataset.Load(context.Background(), dataset.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	best := map[string]float64{}
	for _, p := range freeParams {
		v, _ := n.Parameter(p.name)
		best[p.name] = v.Value
	}
	bestObj := fitObjective(t, best, obs, false)
	t.Logf("start %v: %.4f", best, bestObj)
	for round := range 3 {
		improved := false
		for _, p := range freeParams {
			for _, v := range p.grid {
				try := map[string]float64{}
				for k, x := range best {
					try[k] = x
				}
				try[p.name] = v
				if obj := fitObjective(t, try, obs, false); obj < bestObj-1e-9 {
					best, bestObj, improved = try, obj, true
				}
			}
		}
		t.Logf("round %d: %v: mean |log error| %.4f", round+1, best, bestObj)
		if !improved {
			break
		}
	}
	// The price parameter moves no route (the calibration plans by time),
	// so it is searched alone, on the fit half's prices.
	bestP, bestPObj := math.NaN(), math.Inf(1)
	for _, p := range railWagonGrid {
		obj := fitObjective(t, map[string]float64{railWagonParam: p}, obs, true)
		t.Logf("%s %g: prices' mean |log error| %.4f", railWagonParam, p, obj)
		if obj < bestPObj-1e-9 {
			bestP, bestPObj = p, obj
		}
	}
	t.Logf("%s: %g (mean |log error| %.4f)", railWagonParam, bestP, bestPObj)
}
