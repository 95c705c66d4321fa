package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/extract"
)

const genreDir = "../../extract/testdata/genre"

func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestExtractCommand(t *testing.T) {
	for _, tt := range []struct {
		name     string
		stdin    string
		args     []string
		code     int
		inOutput string
	}{
		{"file as a table", "", []string{"extract", genreDir + "/g-en-03.txt"}, exitOK, "g-en-03  trade_value  KZ,UZ      10000000000  USD   2030"},
		{"directory", "", []string{"extract", genreDir}, exitOK, "41 facts"},
		{"stdin", "date 2025-01-01\nتجارت ایران و عراق به ۱۰ میلیارد دلار رسید.", []string{"extract", "-"}, exitOK, "stdin    trade_value  IQ,IR      10000000000  USD   -       actual"},
		{"eval", "", []string{"extract", "eval", "--gold", genreDir + "/gold.jsonl", "--articles", genreDir}, exitOK, "overall    41         41       41      1.000   1.000  1.000"},
		{"eval lenient and field accuracy", "", []string{"extract", "eval", "--gold", genreDir + "/gold.jsonl", "--articles", genreDir}, exitOK,
			"F1 1.000, 1.000 when they need only overlap"},
		{"binary input", "\x00\xff\xfe binary", []string{"extract", "-"}, exitError, "not UTF-8 text"},
		{"no argument", "", []string{"extract"}, exitUsage, "want one FILE, DIR or - (stdin), got 0 arguments"},
		{"two arguments", "", []string{"extract", "a", "b"}, exitUsage, "got 2 arguments"},
		{"missing file", "", []string{"extract", "no/such/file.txt"}, exitError, "no such file or directory"},
		{"bad header date", "date 2025-02-30\nمتن", []string{"extract", "-"}, exitError, `stdin:1: field "date"`},
		{"eval without gold", "", []string{"extract", "eval", "--articles", genreDir}, exitUsage, "--gold and --articles are required"},
		{"eval bad gold", "", []string{"extract", "eval", "--gold", genreDir + "/g-en-03.txt", "--articles", genreDir}, exitError, "g-en-03.txt:1"},
		{"eval articles not a directory", "", []string{"extract", "eval", "--gold", genreDir + "/gold.jsonl", "--articles", genreDir + "/gold.jsonl"}, exitError, "is not a directory"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCLI(t, tt.stdin, tt.args...)
			expectRun(t, out, errs, code, tt.code, tt.inOutput)
		})
	}
}

// TestExtractJSON checks the --json output: one fact per line in the gold
// schema, with the quote's byte offsets in the input.
func TestExtractJSON(t *testing.T) {
	in := "date 2025-11-20\nبه گزارش ایرنا، در سال ۱۴۰۳ حجم تجارت ایران و ارمنستان به ۷۰۰ میلیون دلار رسید."
	out, errs, code := runCLI(t, in, "extract", "-", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	n := 0
	for sc.Scan() {
		n++
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		for _, k := range []string{"article", "kind", "countries", "value", "unit", "period", "status", "growth_pct", "quote", "start", "end"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("line %d: no field %q", n, k)
			}
		}
		var f extract.Fact
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		if in[*f.Start:*f.End] != f.Quote {
			t.Errorf("quote %q is not the input at %d..%d", f.Quote, *f.Start, *f.End)
		}
		if f.Kind != "trade_value" || *f.Value != 700e6 || *f.Period != "SH1403 = 2024-03-20..2025-03-20" || strings.Join(f.Countries, ",") != "AM,IR" {
			t.Errorf("fact = %+v", f)
		}
	}
	if n != 1 {
		t.Errorf("%d facts, want 1:\n%s", n, out)
	}
}
