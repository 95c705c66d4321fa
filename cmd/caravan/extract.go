package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/extract"
)

// runExtract reads facts from news articles: a file, every article file of
// a directory, or stdin ("-"). "caravan extract eval" scores them against
// gold facts.
func runExtract(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "eval" {
		return runExtractEval(ctx, e, args[1:])
	}
	fs, asJSON := e.newFlags("extract", "FILE|DIR|-",
		"Read trade values, tonnages, agreements, projects and meetings from Persian, Dari and English news.\n"+
			"An article file may start with a line \"date YYYY-MM-DD\". With --json, print one fact per line\n"+
			"(JSON Lines) in the schema of the gold facts, with \"start\" and \"end\": the byte offsets of the\n"+
			"quote in the file.\n\n"+
			"  caravan extract eval --gold FILE --articles DIR   scores the extraction (see caravan extract eval -h)")
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
	var facts []extract.Fact
	for _, a := range arts {
		fs, err := x.Extract(ctx, a)
		if err != nil {
			return err
		}
		facts = append(facts, fs...)
	}
	if *asJSON {
		return writeJSONLines(e.stdout, facts)
	}
	return writeFactTable(e.stdout, facts)
}

// readArticles reads the articles named by arg: "-" for stdin, a directory
// or a file.
func readArticles(ctx context.Context, e *env, arg string) ([]extract.Article, error) {
	if arg == "-" {
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return nil, fmt.Errorf("read stdin: %w", err)
		}
		a, err := extract.ParseArticle("stdin", string(b))
		if err != nil {
			return nil, err
		}
		return []extract.Article{a}, nil
	}
	st, err := os.Stat(arg)
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "", "%v", err)
	}
	if st.IsDir() {
		arts, err := extract.ReadArticles(ctx, os.DirFS(arg))
		if err != nil {
			return nil, err
		}
		if len(arts) == 0 {
			return nil, caravan.Errorf(caravan.NotFound, "", "no article files in %s", arg)
		}
		return arts, nil
	}
	b, err := os.ReadFile(arg)
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "", "%v", err)
	}
	a, err := extract.ParseArticle(extract.ArticleID(filepath.Base(arg)), string(b))
	if err != nil {
		return nil, err
	}
	return []extract.Article{a}, nil
}

// writeJSONLines prints one compact JSON object per line.
func writeJSONLines[T any](w io.Writer, vs []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range vs {
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
	}
	return nil
}

// writeFactTable prints facts as a table, quotes shortened.
func writeFactTable(w io.Writer, facts []extract.Fact) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "article\tkind\tcountries\tvalue\tunit\tperiod\tstatus\tgrowth\tquote")
	for _, f := range facts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.Article, f.Kind, strings.Join(f.Countries, ","),
			num(f.Value), deref(f.Unit), deref(f.Period), deref(f.Status), growth(f.GrowthPct), shorten(f.Quote, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d facts\n", len(facts))
	return nil
}

func deref(p *string) string {
	if p == nil {
		return "-"
	}
	return *p
}

func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func growth(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%+g%%", *p)
}

// shorten cuts s to n runes, adding "…", and puts it on one line.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// runExtractEval scores the extraction of a directory of articles against
// gold facts.
func runExtractEval(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("extract eval", "--gold FILE --articles DIR",
		"Extract facts from the articles in DIR (files named by article id) and score them against the gold\n"+
			"facts in FILE (JSON Lines): precision, recall and F1 per kind and overall, then the gold facts missed\n"+
			"(with the closest prediction and the fields that differ) and the false positives.\n\n"+
			"A prediction matches a gold fact when the article and kind are the same, the countries are the same\n"+
			"set (or the gold fact's alt_countries), both values are null or within 0.5 % of the gold value, the\n"+
			"statuses are equal and the periods are both null or denote the same days (\"SH1400 = 2021-03-21..\n"+
			"2022-03-20\" equals \"2021-03-21..2022-03-20\"); a project's values are compared in the same unit. Each\n"+
			"fact matches at most one other. Beside F1, the report gives F1 with countries that need only overlap\n"+
			"and, among gold facts paired with a prediction of the same value, how often the countries, the period\n"+
			"and the status are right.")
	goldPath := fs.String("gold", "", "gold facts, one JSON object per line (required)")
	dir := fs.String("articles", "", "directory of article files named by article id (required)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *goldPath == "" || *dir == "" {
		return usagef("--gold and --articles are required")
	}
	f, err := os.Open(*goldPath)
	if err != nil {
		return caravan.Errorf(caravan.NotFound, "", "--gold: %v", err)
	}
	defer f.Close()
	gold, err := extract.ReadFacts(f, *goldPath)
	if err != nil {
		return err
	}
	st, err := os.Stat(*dir)
	if err != nil || !st.IsDir() {
		return caravan.Errorf(caravan.NotFound, "", "--articles: %s is not a directory", *dir)
	}
	arts, err := extract.ReadArticles(ctx, os.DirFS(*dir))
	if err != nil {
		return err
	}
	x, err := newExtractor(ctx)
	if err != nil {
		return err
	}
	var pred []extract.Fact
	for _, a := range arts {
		fs, err := x.Extract(ctx, a)
		if err != nil {
			return err
		}
		pred = append(pred, fs...)
	}
	r := extract.Evaluate(gold, pred)
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	return writeReport(e.stdout, r, len(arts))
}

func writeReport(w io.Writer, r extract.Report, articles int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\tgold\tpredicted\tmatched\tprecision\trecall\tF1\t")
	for _, s := range append(r.Kinds, r.Overall) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", s.Kind, s.Gold, s.Predicted, s.Matched, s.Precision, s.Recall, s.F1)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "(%d articles; countries must be the exact set: F1 %.3f, %.3f when they need only overlap)\n",
		articles, r.Overall.F1, r.Lenient.F1)
	fmt.Fprintf(w, "\nfacts paired with a prediction of the same value: share with the right countries, period and status\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\tpairs\tcountries\tperiod\tstatus\t")
	for _, a := range r.Fields {
		if a.Pairs == 0 && a.Kind != "overall" {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t\n", a.Kind, a.Pairs, a.Rate(a.Countries), a.Rate(a.Period), a.Rate(a.Status))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nmisses (%d):\n", len(r.Misses))
	for _, m := range r.Misses {
		fmt.Fprintf(w, "  %s %s %s\n", m.Gold.Article, m.Gold.Kind, factSummary(m.Gold))
		if m.Closest != nil {
			fmt.Fprintf(w, "      closest (differs in %s): %s\n", strings.Join(m.Differ, ", "), factSummary(*m.Closest))
		}
	}
	fmt.Fprintf(w, "\nfalse positives (%d):\n", len(r.FalsePositives))
	for _, f := range r.FalsePositives {
		fmt.Fprintf(w, "  %s %s %s\n", f.Article, f.Kind, factSummary(f))
	}
	return nil
}

func factSummary(f extract.Fact) string {
	return fmt.Sprintf("[%s] value=%s status=%s period=%s «%s»", strings.Join(f.Countries, ","), num(f.Value),
		deref(f.Status), deref(f.Period), shorten(f.Quote, 70))
}
