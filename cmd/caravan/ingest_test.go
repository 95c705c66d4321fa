package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestFacts ingests an article twice (idempotent by content hash),
// lists its facts, accepts a trade figure and finds it in caravan trade.
func TestIngestFacts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kb.db")
	article := filepath.Join(dir, "a.txt")
	text := "date 2025-05-10\nKABUL: Afghanistan and Uzbekistan traded goods worth 1.6 billion dollars in 2024, " +
		"officials said. The two countries agreed to raise annual trade to 3 billion dollars.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := cli(t, "ingest", "--db", db, article)
	if code != exitOK || !strings.Contains(out, "1 new document(s)") {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	out, _, _ = cli(t, "ingest", "--db", db, article)
	if !strings.Contains(out, "0 new document(s) with 0 fact(s) pending review; 1 already stored") {
		t.Errorf("second ingest stored again:\n%s", out)
	}
	out, errs, code = cli(t, "facts", "--db", db, "--pending", "--country", "UZ", "--json")
	if code != exitOK {
		t.Fatalf("facts: %s", errs)
	}
	var facts []struct {
		ID     string   `json:"id"`
		Kind   string   `json:"kind"`
		Value  *float64 `json:"value"`
		Status string   `json:"status"`
		Quote  string   `json:"quote"`
		Start  int      `json:"start"`
		End    int      `json:"end"`
	}
	if err := json.Unmarshal([]byte(out), &facts); err != nil {
		t.Fatalf("facts --json: %v\n%s", err, out)
	}
	var actual string
	for _, f := range facts {
		if text[f.Start:f.End] != f.Quote {
			t.Errorf("fact %s: offsets %d..%d give %q, not the quote %q", f.ID, f.Start, f.End, text[f.Start:f.End], f.Quote)
		}
		if f.Kind == "trade_value" && f.Status == "actual" && f.Value != nil && *f.Value == 1.6e9 {
			actual = f.ID
		}
	}
	if actual == "" {
		t.Fatalf("no actual trade value of 1.6 bn among %+v", facts)
	}
	if _, errs, code := cli(t, "facts", "accept", actual, "--db", db, "--note", "checked"); code != exitOK {
		t.Fatalf("accept: %s", errs)
	}
	out, _, _ = cli(t, "facts", "--db", db, "--state", "accepted")
	if !strings.Contains(out, actual) || !strings.Contains(out, "1 fact(s)") {
		t.Errorf("accepted facts:\n%s", out)
	}
	out, errs, code = cli(t, "trade", "AF", "UZ", "--db", db)
	if code != exitOK || !strings.Contains(out, strings.SplitN(actual, "#", 2)[0]) {
		t.Errorf("caravan trade does not show the accepted fact %s (exit %d):\n%s%s", actual, code, out, errs)
	}
	if _, errs, code := cli(t, "facts", "--db", db, "accept", actual, "--note", "flags first"); code != exitOK {
		t.Errorf("flags before accept: exit %d %s", code, errs)
	}
	if _, errs, code := cli(t, "facts", "reject", "no-such-fact", "--db", db); code != exitError || !strings.Contains(errs, "not found") {
		t.Errorf("reject unknown: exit %d %s", code, errs)
	}
	if _, _, code := cli(t, "facts", "--db", db, "--state", "maybe"); code != exitUsage {
		t.Errorf("bad --state: exit %d", code)
	}
}
