package trade_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fig builds a bilateral AA–BB figure of usd million for period p.
func fig(tb testing.TB, id, kind, p string, usdM float64) trade.Figure {
	tb.Helper()
	k, err := trade.ParseKind(kind)
	if err != nil {
		tb.Fatal(err)
	}
	per, err := trade.ParsePeriod(p)
	if err != nil {
		tb.Fatal(err)
	}
	return trade.Figure{ID: id, A: "AA", B: "BB", Scope: trade.Bilateral, Kind: k, Period: per,
		USD: network.Exact(usdM * 1e6), Sources: network.Citations{All: []string{"SRC-" + id}}}
}

func target(tb testing.TB, id, announced, deadline string, usdM float64) trade.Figure {
	tb.Helper()
	f := fig(tb, id, "target", deadline, usdM)
	f.Announced = date(tb, announced)
	return f
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func TestAnalyzeTrend(t *testing.T) {
	for _, tt := range []struct {
		name    string
		figs    []string // period=usd million
		wantPct float64
		points  int
	}{
		{"two periods: CAGR", []string{"2020", "2022"}, 10, 2},
		{"three periods: log-linear", []string{"2020", "2021", "2022"}, 10, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var fs []trade.Figure
			for _, p := range tt.figs {
				per, _ := trade.ParsePeriod(p)
				v := 100 * math.Pow(1.1, per.Mid()-2020.5)
				fs = append(fs, fig(t, "f"+p, "actual", p, v))
			}
			an, err := trade.Analyze(fs, "BB", "AA", trade.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if an.Trend == nil {
				t.Fatal("no trend")
			}
			if !near(an.Trend.GrowthPct, tt.wantPct, 0.01) || an.Trend.Points != tt.points {
				t.Errorf("trend = %+v, want %.2f %% over %d points", an.Trend, tt.wantPct, tt.points)
			}
			if an.Verdict != trade.NoTarget {
				t.Errorf("verdict = %s, want %s", an.Verdict, trade.NoTarget)
			}
		})
	}
}

func TestAnalyzeVerdicts(t *testing.T) {
	base := func() []trade.Figure {
		return []trade.Figure{
			fig(t, "a2020", "actual", "2020", 100),
			fig(t, "a2022", "actual", "2022", 121),
			fig(t, "p2023", "actual", "2023-01..2023-06", 70),
		}
	}
	for _, tt := range []struct {
		name       string
		extra      []trade.Figure
		by         int
		verdict    trade.Verdict
		deadline   string
		needPct    float64 // growth needed from the 2022 figure; NaN when none
		projectedM float64 // NaN when none
		reachYear  float64 // NaN when none
	}{
		{"no deadline", []trade.Figure{target(t, "t1", "2023-05-01", "", 200)}, 0, trade.NoDeadline, "", math.NaN(), math.NaN(), 2022.5 + math.Log(200.0/121)/math.Log(1.1)},
		{"by 2025: off track", []trade.Figure{target(t, "t1", "2023-05-01", "", 200)}, 2025, trade.OffTrack, "2025-12-31", (math.Pow(200.0/121, 1.0/3) - 1) * 100, 121 * math.Pow(1.1, 3.5), 2027.77},
		{"by 2028: on track", []trade.Figure{target(t, "t1", "2023-05-01", "", 200)}, 2028, trade.OnTrack, "2028-12-31", (math.Pow(200.0/121, 1.0/6) - 1) * 100, 121 * math.Pow(1.1, 6.5), 2027.77},
		{"deadline from the target", []trade.Figure{target(t, "t1", "2023-05-01", "2028", 200)}, 0, trade.OnTrack, "2028-12-31", (math.Pow(200.0/121, 1.0/6) - 1) * 100, 121 * math.Pow(1.1, 6.5), 2027.77},
		{"--by overrides the target", []trade.Figure{target(t, "t1", "2023-05-01", "2028", 200)}, 2025, trade.OffTrack, "2025-12-31", (math.Pow(200.0/121, 1.0/3) - 1) * 100, 121 * math.Pow(1.1, 3.5), 2027.77},
		{"latest target wins", []trade.Figure{target(t, "t1", "2023-05-01", "", 200), target(t, "t2", "2021-05-01", "2024", 130)}, 0, trade.NoDeadline, "", math.NaN(), math.NaN(), 2027.77},
	} {
		t.Run(tt.name, func(t *testing.T) {
			an, err := trade.Analyze(append(base(), tt.extra...), "AA", "BB", trade.Options{By: tt.by})
			if err != nil {
				t.Fatal(err)
			}
			if an.Verdict != tt.verdict {
				t.Errorf("verdict = %s, want %s (notes %q)", an.Verdict, tt.verdict, an.Notes)
			}
			if got := an.Deadline.String(); got != tt.deadline {
				t.Errorf("deadline = %q, want %q", got, tt.deadline)
			}
			if an.Target == nil || an.Target.ID != "t1" {
				t.Errorf("target = %+v, want t1", an.Target)
			}
			if an.Latest == nil || an.Latest.Period.Name() != "2022" {
				t.Fatalf("latest = %+v, want 2022 (the partial 2023 period is not annual)", an.Latest)
			}
			switch {
			case math.IsNaN(tt.needPct) && len(an.Needed) != 0:
				t.Errorf("needed = %+v, want none", an.Needed)
			case !math.IsNaN(tt.needPct) && (len(an.Needed) != 1 || !near(an.Needed[0].GrowthPct, tt.needPct, 0.01)):
				t.Errorf("needed = %+v, want %.2f %%", an.Needed, tt.needPct)
			}
			switch {
			case math.IsNaN(tt.projectedM) && an.ProjectedUSD != nil:
				t.Errorf("projected = %v, want none", *an.ProjectedUSD)
			case !math.IsNaN(tt.projectedM) && (an.ProjectedUSD == nil || !near(*an.ProjectedUSD/1e6, tt.projectedM, 0.01)):
				t.Errorf("projected = %v, want %.2f m", an.ProjectedUSD, tt.projectedM)
			}
			if an.ReachYear == nil || !near(*an.ReachYear, tt.reachYear, 0.01) {
				t.Errorf("reach year = %v, want %.2f", an.ReachYear, tt.reachYear)
			}
			if n := len(an.Series); n != 3 || an.Series[2].Annual || len(an.Series[2].AnnualizedUSD) != 1 {
				t.Fatalf("series = %+v, want 3 rows, the last partial", an.Series)
			}
			if got, want := an.Series[2].AnnualizedUSD[0], math.Round(70e6*365.25/181); got != want {
				t.Errorf("annualized = %v, want %v", got, want)
			}
		})
	}
}

func TestAnalyzeMirrorFigures(t *testing.T) {
	a := fig(t, "kz", "actual", "2023", 545.2)
	a.Reporter = "KZ"
	b := fig(t, "af", "actual", "2023", 567.5)
	b.Reporter = "AF"
	c := fig(t, "old", "actual", "2022", 987.9)
	flow := fig(t, "exp", "actual", "2023", 547)
	flow.Flow = "BB->AA"
	transit := fig(t, "tr", "target", "", 0)
	transit.Scope, transit.Subject, transit.USD, transit.Tonnes = trade.Transit, "transit via BB", network.Range{}, network.Exact(5e6)
	undated := fig(t, "u", "actual", "", 1000)
	an, err := trade.Analyze([]trade.Figure{a, b, c, flow, transit, undated, target(t, "t", "2024-01-01", "", 3000)}, "AA", "BB", trade.Options{By: 2030})
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Series) != 2 || len(an.Series[1].Figures) != 2 {
		t.Fatalf("series = %+v, want 2022 and 2023 with both 2023 figures side by side", an.Series)
	}
	if len(an.Needed) != 2 {
		t.Errorf("needed = %+v, want one per 2023 figure", an.Needed)
	}
	if an.Trend == nil || an.Trend.Points != 3 || an.Trend.Periods != 2 {
		t.Errorf("trend = %+v, want 3 points in 2 periods", an.Trend)
	}
	if len(an.Flows) != 1 || len(an.Other) != 1 || len(an.Undated) != 1 {
		t.Errorf("flows %d, other %d, undated %d; want 1 each", len(an.Flows), len(an.Other), len(an.Undated))
	}
	if an.Verdict != trade.OffTrack || an.ReachYear != nil {
		t.Errorf("verdict %s, reach %v; want off_track and no reach year on a falling trend", an.Verdict, an.ReachYear)
	}
}

func TestAnalyzeInsufficient(t *testing.T) {
	an, err := trade.Analyze([]trade.Figure{fig(t, "a", "actual", "2022", 100), fig(t, "p", "actual", "2023-01..2023-08", 90), target(t, "t", "2023-01-01", "2030", 300)}, "AA", "BB", trade.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if an.Verdict != trade.InsufficientData || an.Trend != nil {
		t.Errorf("verdict %s, trend %+v; want insufficient_data and no trend", an.Verdict, an.Trend)
	}
	if len(an.Needed) != 1 {
		t.Errorf("needed = %+v, want the growth needed from 2022 even without a trend", an.Needed)
	}
	if _, err := trade.Analyze(nil, "AA", "AA", trade.Options{}); err == nil {
		t.Error("Analyze(AA, AA) succeeded, want an error")
	}
}

// goldenCase is the fixture of the chart goldens: two mirror figures, a
// Solar Hijri year, a partial year and a target with a deadline.
func goldenCase(t *testing.T) *trade.Analysis {
	sh := fig(t, "sh", "actual", "SH1400 = 2021-03-21..2022-03-20", 265.2)
	sh.Reporter = "IR"
	a := fig(t, "a23", "actual", "2023", 545.2)
	a.Reporter = "KZ"
	b := fig(t, "b23", "actual", "2023", 567.5)
	b.Qualifier = "about"
	d := fig(t, "d24", "actual", "2024", 340)
	d.Qualifier, d.Doubt = "more_than", "year inferred"
	figs := []trade.Figure{sh, fig(t, "a22", "actual", "2022", 528), a, b, d, fig(t, "p25", "actual", "2025-01..2025-08", 338), target(t, "t", "2023-12-04", "2030", 3000)}
	an, err := trade.Analyze(figs, "AA", "BB", trade.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return an
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update after checking):\n%s", name, got)
	}
}

func TestGoldenChart(t *testing.T) {
	an := goldenCase(t)
	var b bytes.Buffer
	if err := trade.WriteChart(&b, an, 40); err != nil {
		t.Fatal(err)
	}
	golden(t, "chart.txt", b.Bytes())
}

func TestGoldenSVG(t *testing.T) {
	an := goldenCase(t)
	var b bytes.Buffer
	if err := trade.WriteSVG(&b, an); err != nil {
		t.Fatal(err)
	}
	golden(t, "chart.svg", b.Bytes())
	// The SVG must be well-formed XML.
	if err := checkXML(b.Bytes()); err != nil {
		t.Errorf("chart.svg is not well-formed: %v", err)
	}
}

func TestGoldenAnalysisJSON(t *testing.T) {
	an := goldenCase(t)
	got, err := json.MarshalIndent(an, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "analysis.json", append(got, '\n'))
}

func checkXML(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestAnalyzeDoubtAndTargetChoice(t *testing.T) {
	d := fig(t, "doubt", "actual", "2024", 5000)
	d.Doubt = "year inferred"
	figs := []trade.Figure{fig(t, "a", "actual", "2020", 100), fig(t, "b", "actual", "2022", 121), d,
		target(t, "old", "2021-01-01", "", 300), target(t, "new", "2023-01-01", "", 200)}
	an, err := trade.Analyze(figs, "AA", "BB", trade.Options{By: 2030, Target: "old"})
	if err != nil {
		t.Fatal(err)
	}
	if an.Trend == nil || !near(an.Trend.GrowthPct, 10, 0.01) || an.Trend.Points != 2 {
		t.Errorf("trend = %+v, want 10 %% over the 2 undoubted points", an.Trend)
	}
	if an.Latest == nil || an.Latest.Period.Name() != "2022" || len(an.Series) != 3 {
		t.Errorf("latest = %+v, want 2022 (2024 holds only a doubtful figure, still listed)", an.Latest)
	}
	if an.Target == nil || an.Target.ID != "old" {
		t.Errorf("target = %+v, want old (named by Options.Target)", an.Target)
	}
	if _, err := trade.Analyze(figs, "AA", "BB", trade.Options{Target: "none"}); !errors.Is(err, caravan.ErrNotFound) {
		t.Errorf("Analyze with an unknown target: %v, want not found", err)
	}
}

func TestAnalyzeOverlappingPeriods(t *testing.T) {
	figs := []trade.Figure{fig(t, "sh", "actual", "SH1400 = 2021-03-21..2022-03-20", 265.2), fig(t, "y", "actual", "2022", 528), target(t, "t", "2023-01-01", "2030", 3000)}
	an, err := trade.Analyze(figs, "AA", "BB", trade.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if an.Verdict != trade.InsufficientData || an.Trend != nil {
		t.Errorf("verdict %s, trend %+v; want insufficient_data: SH1400 and 2022 overlap", an.Verdict, an.Trend)
	}
}

func TestAnalyzeFallingWithoutDeadline(t *testing.T) {
	figs := []trade.Figure{fig(t, "a", "actual", "2022", 900), fig(t, "b", "actual", "2023", 600), target(t, "t", "2024-01-01", "", 3000)}
	an, err := trade.Analyze(figs, "AA", "BB", trade.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if an.Verdict != trade.OffTrack || an.ReachYear != nil || an.Deadline != 0 {
		t.Errorf("verdict %s, reach %v, deadline %v; want off_track: a falling trend never reaches the target", an.Verdict, an.ReachYear, an.Deadline)
	}
}
