package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
)

// newExtractor returns an extractor whose gazetteer also knows the places
// of the built-in dataset, in every language they are named in.
func newExtractor(ctx context.Context) (*extract.Extractor, error) {
	n, err := dataset.Load(ctx, dataset.Builtin())
	if err != nil {
		return nil, err
	}
	g := extract.NewGazetteer()
	for _, p := range n.Places() {
		if err := g.AddPlace(p.ID, p.Country, p.Names.All()...); err != nil {
			return nil, fmt.Errorf("gazetteer: place %s: %w", p.ID, err)
		}
	}
	return extract.NewExtractor(g), nil
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
	x, err := newExtractor(ctx)
	if err != nil {
		return err
	}
	s, err := e.openKB(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	var results []ingestResult
	progress := len(arts) >= 10 && !*asJSON
	for i, a := range arts {
		facts, err := x.Extract(ctx, a)
		if err != nil {
			return fmt.Errorf("%s: %w", a.ID, err)
		}
		doc := documentOf(a)
		kf := make([]kb.Fact, len(facts))
		for j := range facts {
			kf[j] = kbFact(&facts[j])
		}
		created, err := s.AddDocument(ctx, &doc, kf)
		if err != nil {
			return fmt.Errorf("%s: %w", a.ID, err)
		}
		results = append(results, ingestResult{Article: a.ID, Document: doc.ID, Created: created, Facts: len(facts)})
		if progress && ((i+1)%10 == 0 || i+1 == len(arts)) {
			fmt.Fprintf(e.stderr, "ingested %d/%d articles\n", i+1, len(arts))
		}
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

// documentOf makes the knowledge-base document of an article.
func documentOf(a extract.Article) kb.Document {
	d := kb.NewDocument(a.Text)
	d.Title = a.Header["title"]
	d.URL = a.Header["url"]
	d.Lang = a.Header["lang"]
	if d.Lang == "" {
		d.Lang = a.Header["language"]
	}
	if d.Lang == "" {
		d.Lang = guessLang(a.Text[a.Body:])
	}
	if !a.Date.IsZero() {
		d.Date = network.DateOf(a.Date)
	}
	return d
}

// guessLang says "fa" for text mostly in Arabic script, else "en".
func guessLang(s string) string {
	arabic, latin := 0, 0
	for _, r := range s {
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			arabic++
		case r < 0x80 && (r|0x20) >= 'a' && (r|0x20) <= 'z':
			latin++
		}
	}
	if arabic > latin {
		return "fa"
	}
	return "en"
}

// kbFact converts an extracted fact into a knowledge-base fact.
func kbFact(f *extract.Fact) kb.Fact {
	k := kb.Fact{
		Kind: kb.FactKind(f.Kind), Countries: f.Countries, Value: f.Value, ValueMax: f.ValueMax,
		GrowthPct: f.GrowthPct, Quote: f.Quote, Flow: f.Flow, Qualifier: f.Qualifier, Subject: f.Subject,
		Project: f.Project, Parties: f.Parties, Place: f.Place, AltCountries: f.AltCountries, Note: f.Note,
	}
	if f.Unit != nil {
		k.Unit = *f.Unit
	}
	if f.Period != nil {
		k.Period = *f.Period
	}
	if f.Status != nil {
		k.Status = *f.Status
	}
	if f.Start != nil && f.End != nil {
		k.Start, k.End = *f.Start, *f.End
	}
	if f.Date != "" {
		if d, err := network.ParseDate(f.Date); err == nil {
			k.Date = d
		} else if note := "date " + f.Date; !strings.Contains(k.Note, note) {
			k.Note = strings.TrimSpace(k.Note + " (" + note + ")")
		}
	}
	return k
}
