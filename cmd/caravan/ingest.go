package main

import (
	"context"
	"fmt"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/service"
)

// newExtractor returns an extractor whose gazetteer also knows the places
// of the built-in dataset, in every language they are named in.
func newExtractor(ctx context.Context) (*extract.Extractor, error) {
	n, err := dataset.Load(ctx, dataset.Builtin())
	if err != nil {
		return nil, err
	}
	return service.NewExtractor(n)
}

// ingestResult reports one ingested article.
type ingestResult struct {
	Article  string `json:"article"`
	Document string `json:"document"`
	Created  bool   `json:"created"` // false: the same text was stored before
	Facts    int    `json:"facts"`
}

// runIngest extracts facts from articles and stores the articles and their
// facts (pending review) in the knowledge base.
func runIngest(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("ingest", "FILE|DIR|-",
		"Store news articles and the facts extracted from them, pending review. An article already\n"+
			"stored (same text, by content hash) is left as it is, with its facts and their reviews.")
	db := dbFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one FILE, DIR or - (stdin), got %d arguments", len(pos))
	}
	arts, err := readArticles(ctx, e, pos[0])
	if err != nil {
		return err
	}
	svc, err := e.service(ctx, "", *db)
	if err != nil {
		return err
	}
	defer svc.Close()
	var progress func(done, total int)
	if len(arts) >= 10 && !*asJSON {
		progress = func(done, total int) {
			if done%10 == 0 || done == total {
				fmt.Fprintf(e.stderr, "ingested %d/%d articles\n", done, total)
			}
		}
	}
	ing, err := svc.Ingest(ctx, arts, progress)
	if err != nil {
		return err
	}
	var results []ingestResult
	for _, r := range ing {
		results = append(results, ingestResult{Article: r.Article, Document: r.Document, Created: r.Created, Facts: len(r.Facts)})
	}
	if *asJSON {
		return writeJSON(e.stdout, results)
	}
	newDocs, newFacts := 0, 0
	for _, r := range results {
		state := "already stored"
		if r.Created {
			state = "stored"
			newDocs++
			newFacts += r.Facts
		}
		fmt.Fprintf(e.stdout, "%-24s %s  %s, %d fact(s)\n", r.Article, r.Document, state, r.Facts)
	}
	fmt.Fprintf(e.stdout, "%d new document(s) with %d fact(s) pending review; %d already stored\n",
		newDocs, newFacts, len(results)-newDocs)
	return nil
}
