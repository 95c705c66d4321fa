package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/internal/shareddata"
)

// TestExtractWithDatasetPlaces scores the extractor that the CLI uses (the
// built-in gazetteer plus every place of the dataset) on the seed articles
// and on every genre set in extract/testdata: the package's own tests use
// the built-in gazetteer alone, and a dataset place name that collides with
// an ordinary word would only show here.
func TestExtractWithDatasetPlaces(t *testing.T) {
	ctx := context.Background()
	x, err := newExtractor(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sets, err := filepath.Glob("../../extract/testdata/genre*")
	if err != nil || len(sets) == 0 {
		t.Fatalf("no genre sets found: %v", err)
	}
	type set struct{ name, dir, gold string }
	var all []set
	for _, d := range sets {
		all = append(all, set{filepath.Base(d), d, filepath.Join(d, "gold.jsonl")})
	}
	if root, ok := shareddata.Root(); ok {
		seeds := filepath.Join(root, "corpus", "seeds")
		all = append(all, set{"seeds", seeds, filepath.Join(seeds, "gold.jsonl")})
	} else {
		t.Logf("shared data absent: scoring the genre sets only")
	}
	for _, s := range all {
		t.Run(s.name, func(t *testing.T) {
			arts, err := extract.ReadArticles(ctx, os.DirFS(s.dir))
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(s.gold)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			gold, err := extract.ReadFacts(f, s.gold)
			if err != nil {
				t.Fatal(err)
			}
			var pred []extract.Fact
			for _, a := range arts {
				fs, err := x.Extract(ctx, a)
				if err != nil {
					t.Fatal(err)
				}
				pred = append(pred, fs...)
			}
			r := extract.Evaluate(gold, pred)
			if r.Overall.F1 < 0.90 {
				t.Errorf("%s: overall F1 %.3f with the dataset's places, want ≥ 0.90; misses %d, false positives %d",
					s.name, r.Overall.F1, len(r.Misses), len(r.FalsePositives))
			}
			t.Logf("%s: F1 %.3f (%d gold, %d predicted)", s.name, r.Overall.F1, r.Overall.Gold, r.Overall.Predicted)
		})
	}
}
