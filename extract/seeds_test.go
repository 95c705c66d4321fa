package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/caravan-transport/caravan/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite golden files")

// evalDir extracts the facts of the articles in dir and scores them against
// the gold file.
func evalDir(t *testing.T, dir, gold string) (Report, []Fact) {
	t.Helper()
	arts, err := ReadArticles(context.Background(), os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(gold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ReadFacts(f, gold)
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(nil)
	var pred []Fact
	for _, a := range arts {
		fs, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		pred = append(pred, fs...)
	}
	return Evaluate(g, pred), pred
}

func logReport(t *testing.T, r Report) {
	t.Helper()
	for _, s := range append(r.Kinds, r.Overall) {
		t.Logf("%-12s gold %2d predicted %2d matched %2d  P %.3f R %.3f F1 %.3f", s.Kind, s.Gold, s.Predicted, s.Matched, s.Precision, s.Recall, s.F1)
	}
	for _, m := range r.Misses {
		t.Logf("miss: %s %s", m.Gold.Article, brief(m.Gold))
	}
	for _, f := range r.FalsePositives {
		t.Logf("false positive: %s %s", f.Article, brief(f))
	}
}

// checkFieldAccuracy requires period and status accuracy of at least 0.9
// over the trade and tonnage facts paired with a prediction of their value
// (Report.Fields).
func checkFieldAccuracy(t *testing.T, r Report) {
	t.Helper()
	var a Accuracy
	for _, f := range r.Fields {
		if f.Kind == KindTradeValue || f.Kind == KindTonnage {
			a.Pairs += f.Pairs
			a.Period += f.Period
			a.Status += f.Status
		}
	}
	if p, s := a.Rate(a.Period), a.Rate(a.Status); p < 0.9 || s < 0.9 {
		t.Errorf("trade and tonnage facts paired by value (%d): period accuracy %.3f, status accuracy %.3f, want >= 0.9 each", a.Pairs, p, s)
	}
}

func kindF1(r Report, kind string) float64 {
	for _, s := range r.Kinds {
		if s.Kind == kind {
			return s.F1
		}
	}
	return 0
}

// TestSeeds scores the extraction of the seed articles (from the shared
// corpus, skipped when absent): issue 11 holds them at F1 1.0, every fact
// found and none made up.
func TestSeeds(t *testing.T) {
	dir := shareddata.Path(t, "corpus/seeds")
	r, _ := evalDir(t, dir, filepath.Join(dir, "gold.jsonl"))
	logReport(t, r)
	if r.Overall.F1 < 1 {
		t.Errorf("overall F1 = %.3f, want 1", r.Overall.F1)
	}
	checkFieldAccuracy(t, r)
	for _, k := range []string{KindTradeValue, KindTonnage} {
		if f1 := kindF1(r, k); f1 < 0.95 {
			t.Errorf("%s F1 = %.3f, want >= 0.95", k, f1)
		}
	}
}

// TestGenre scores the extraction of articles written for these tests in
// the genre of the corpus (testdata/genre*: Iranian Persian, Dari and
// English news on the region's trade, transit and diplomacy, with facts
// labeled by the corpus policy), and compares the facts with the golden
// file (go test -update rewrites it).
func TestGenre(t *testing.T) {
	for _, dir := range []string{"testdata/genre", "testdata/genre2", "testdata/genre3", "testdata/genre4", "testdata/genre5", "testdata/genre6", "testdata/genre7", "testdata/genre8", "testdata/genre9", "testdata/genre10", "testdata/genre11", "testdata/genre12", "testdata/genre13", "testdata/genre14", "testdata/genre15", "testdata/genre16"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r, pred := evalDir(t, dir, filepath.Join(dir, "gold.jsonl"))
			logReport(t, r)
			if r.Overall.F1 < 0.90 {
				t.Errorf("overall F1 = %.3f, want >= 0.90", r.Overall.F1)
			}
			checkFieldAccuracy(t, r)
			checkGolden(t, dir, pred)
		})
	}
}

// freshFloors are the sets written for issue 11 (testdata/fresh*, see
// testdata/README.md) with the overall F1 (exact country sets) each has
// reached: the test fails below it. Raise a floor when the set improves.
var freshFloors = map[string]float64{
	"fresh1":  0.95,
	"fresh2":  0.95,
	"fresh3":  1.0,
	"fresh4":  0.88, // bb-fa-01 labels «پنج کشور آسیای مرکزی» as Iran alone, against the later sets (testdata/README.md, session 13)
	"fresh5":  1.0,
	"fresh6":  1.0,
	"fresh7":  0.96,
	"fresh8":  1.0,
	"fresh9":  1.0,
	"fresh10": 1.0,
	"fresh11": 1.0,
	"fresh12": 0.93,
	"fresh13": 0.905,
	"fresh14": 0.68,
	"fresh15": 0.8,
	"fresh16": 0.96,
	"fresh17": 0.815,
	"fresh18": 0.67,
	"fresh19": 0.655,
	"fresh20": 0.645,
	"fresh21": 0.52,
	"fresh22": 0.6,
	"fresh23": 0.52,
	"fresh24": 0.595,
	"fresh25": 0.625,
	"fresh26": 0.725,
	"fresh27": 0.785,
	"fresh28": 0.72,
	"fresh29": 0.66,
	"fresh30": 0.72,
	"fresh31": 0.69,
	"fresh32": 0.635,
	"fresh33": 0.6,
	"fresh34": 0.825,
	"fresh35": 0.595,
	"fresh36": 0.745,
	"fresh37": 0.735,
	"fresh38": 0.81,
	"fresh39": 0.605,
	"fresh40": 0.615,
	"fresh41": 0.71,
	"fresh42": 0.63,
	"fresh43": 0.635,
	"fresh44": 0.66,
	"fresh45": 0.695,
	"fresh46": 0.61,
	"fresh47": 0.58,
	"fresh48": 0.6,
	"fresh49": 0.46,
	"fresh50": 0.705,
	"fresh51": 0.675,
	"fresh52": 0.54,
	"fresh53": 0.47,
	"fresh54": 0.44,
	"fresh55": 0.62,
	"fresh56": 0.47,
	"fresh57": 0.5,
	"fresh58": 0.58,
	"fresh59": 0.44,
	"fresh60": 0.44,
	"fresh61": 0.76,
	"fresh62": 0.72,
	"fresh63": 0.71,
	"fresh64": 0.68,
	"fresh65": 0.62,
	"fresh66": 0.38,
	"fresh67": 0.8,
	"fresh68": 0.7,
	"fresh69": 0.7,
	"fresh70": 0.55,
	"fresh71": 0.62,
	"fresh72": 0.47,
	"fresh73": 0.6,
	"fresh74": 0.7,
	"fresh75": 0.58,
	"fresh76": 0.8,
}

// TestFresh scores the fresh sets against their floors and compares the
// facts with each set's golden file (go test -update rewrites it).
func TestFresh(t *testing.T) {
	dirs, err := filepath.Glob("testdata/fresh*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(dir, "extracted.golden.jsonl")); errors.Is(err, fs.ErrNotExist) && !*update {
				// A set is labelled and committed before the extractor
				// first runs on it (testdata/README.md); its first run
				// writes the golden file with -update.
				t.Skipf("%s is labelled but not yet run", name)
			}
			floor, ok := freshFloors[name]
			if !ok {
				t.Fatalf("no floor for %s in freshFloors", name)
			}
			r, pred := evalDir(t, dir, filepath.Join(dir, "gold.jsonl"))
			logReport(t, r)
			t.Logf("lenient F1 %.3f", r.Lenient.F1)
			t.Logf("overall F1 %.3f", r.Overall.F1)
			for _, f := range r.Fields {
				t.Logf("fields %-12s pairs %2d countries %.3f period %.3f status %.3f", f.Kind, f.Pairs, f.Rate(f.Countries), f.Rate(f.Period), f.Rate(f.Status))
			}
			if r.Overall.F1 < floor {
				t.Errorf("overall F1 = %.3f, want >= %.2f", r.Overall.F1, floor)
			}
			checkGolden(t, dir, pred)
		})
	}
}

// checkGolden compares facts with dir/extracted.golden.jsonl (rewritten
// with -update).
func checkGolden(t *testing.T, dir string, pred []Fact) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, f := range pred {
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
	}
	golden := filepath.Join(dir, "extracted.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("extracted facts differ from %s (run go test -update and review the diff)", golden)
	}
}
