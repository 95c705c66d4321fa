package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/kb"
)

// factSpec is a fact of a test document.
type factSpec struct {
	kind, countries, unit, period, status, quote, state string
	value                                               float64
	start                                               int
}

// docJSON returns an import file holding one document and its facts.
func docJSON(t *testing.T, text, source string, facts []factSpec) string {
	t.Helper()
	d := kb.NewDocument(text)
	d.Lang, d.Source = "en", source
	b := kb.Bundle{Documents: []kb.Document{d}}
	for i, f := range facts {
		v := f.value
		b.Facts = append(b.Facts, kb.Fact{
			ID: kb.FactID(d.ID, i+1), Document: d.ID, Kind: kb.FactKind(f.kind), Countries: strings.Split(f.countries, ";"),
			Value: &v, Unit: f.unit, Period: f.period, Status: f.status, Quote: f.quote, Start: f.start, End: f.start + len(f.quote),
			Review: kb.Review{State: kb.ReviewState(f.state)},
		})
	}
	out, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// counts returns the record counts of `caravan db status --json`.
func counts(t *testing.T, db string) map[string]int {
	t.Helper()
	var s dbStatus
	if err := json.Unmarshal([]byte(mustRun(t, "db", "status", "--json", "--db", db)), &s); err != nil {
		t.Fatal(err)
	}
	return s.Counts
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

// TestExportImportRoundTrip exports a knowledge base holding every record
// type, imports it into a new one and exports that: CSV and JSON exports
// must come out identical.
func TestExportImportRoundTrip(t *testing.T) {
	db1, db2, db3 := tempDB(t), tempDB(t), tempDB(t)
	text := "Trade reached $700 million in 2024; the two sides agreed to meet again."
	quote := "Trade reached $700 million in 2024"
	doc := docJSON(t, text, "SEED-001", []factSpec{
		{kind: "trade_value", countries: "AF;KZ", value: 7e8, unit: "USD", period: "2024", status: "actual", quote: quote, start: 0, state: "accepted"},
		{kind: "meeting", countries: "AF;KZ", status: "held", quote: "agreed to meet again", start: strings.Index(text, "agreed to meet again"), state: "pending"},
	})
	out, errs, code := kbcli(t, nil, doc, "import", "-", "--db", db1)
	if code != exitOK || !strings.Contains(out, "documents 1 new") || !strings.Contains(out, "facts 2 new") {
		t.Fatalf("import of a document: exit %d\n%s%s", code, out, errs)
	}
	before := counts(t, db1)

	csv1, csv2 := filepath.Join(t.TempDir(), "csv1"), filepath.Join(t.TempDir(), "csv2")
	mustRun(t, "export", csv1, "--db", db1)
	files1 := readDir(t, csv1)
	for _, f := range []string{"sources.csv", "agreements.csv", "agreement_history.csv", "projects.csv", "project_history.csv", "project_links.csv", "trade.csv", "documents.csv", "facts.csv"} {
		if files1[f] == "" {
			t.Errorf("export wrote no %s", f)
		}
	}
	out = mustRun(t, "import", csv1, "--db", db2)
	if !strings.Contains(out, "documents 1 new") || !strings.Contains(out, "agreements 0 new, 0 updated") {
		t.Errorf("import into a new knowledge base: %s (want the document new and the built-in agreements unchanged)", out)
	}
	mustRun(t, "export", csv2, "--db", db2)
	files2 := readDir(t, csv2)
	for name, b := range files1 {
		if files2[name] != b {
			t.Errorf("%s differs after export → import → export", name)
		}
	}
	if got := counts(t, db2); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("counts after the CSV round trip = %v, want %v", got, before)
	}

	j1, j2 := filepath.Join(t.TempDir(), "a.json"), filepath.Join(t.TempDir(), "b.json")
	mustRun(t, "export", j1, "--format", "json", "--db", db1)
	mustRun(t, "import", j1, "--db", db3)
	mustRun(t, "export", j2, "--format", "json", "--db", db3)
	a, _ := os.ReadFile(j1)
	b, _ := os.ReadFile(j2)
	if string(a) != string(b) || len(a) < 1000 {
		t.Errorf("JSON export differs after export → import → export (%d vs %d bytes)", len(a), len(b))
	}
	// Importing the same export again changes nothing.
	out = mustRun(t, "import", j1, "--db", db3, "--json")
	var st kb.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Changed() != 0 {
		t.Errorf("re-import changed %d records (%v): %s", st.Changed(), err, out)
	}
	// --only selects record types.
	out = mustRun(t, "export", "-", "--format", "json", "--only", "facts", "--db", db1)
	var only kb.Bundle
	if err := json.Unmarshal([]byte(out), &only); err != nil || len(only.Facts) != 2 || len(only.Agreements) != 0 {
		t.Errorf("export --only facts: %d facts, %d agreements (%v)", len(only.Facts), len(only.Agreements), err)
	}
}

// TestImportBadInputWritesNothing feeds malformed CSV and JSON: every bad
// row is named with its line and nothing is written.
func TestImportBadInputWritesNothing(t *testing.T) {
	db := tempDB(t)
	before := counts(t, db)
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("trade.csv", "id,countries,kind,period,usd,sources\n"+
		"new-ok,AF;KZ,actual,2019,100,ASIATODAY\n"+
		"new-bad,AF;KZ,actual,2019-15,100,ASIATODAY\n"+
		"new-ok2,AF;KZ,actual,2020,100,ASIATODAY\n"+
		"new-bad2,AF;KZ,actual,2021,-5,ASIATODAY\n")
	write("agreements.csv", "id,name,kind,parties,sources\nnew-a,A,pact,AF;KZ,ASIATODAY\n")
	_, errs, code := kbcli(t, nil, "", "import", dir, "--db", db)
	if code != exitError {
		t.Fatalf("import of bad CSV: exit %d, want %d\n%s", code, exitError, errs)
	}
	for _, want := range []string{"trade.csv:3: period", "trade.csv:5: usd", "agreements.csv:2: kind"} {
		if !strings.Contains(errs, want) {
			t.Errorf("error lacks %q:\n%s", want, errs)
		}
	}
	// Well-formed rows that cite an unknown source are refused as a whole too.
	write("trade.csv", "id,countries,kind,period,usd,sources\nnew-ok,AF;KZ,actual,2019,100,ASIATODAY\nnew-x,AF;KZ,actual,2020,100,NO-SUCH-SOURCE\n")
	write("agreements.csv", "id,name,kind,parties,sources\n")
	_, errs, code = kbcli(t, nil, "", "import", dir, "--db", db)
	if code != exitError || !strings.Contains(errs, `trade.csv:3: sources: figure new-x cites unknown source "NO-SUCH-SOURCE"`) {
		t.Errorf("import citing an unknown source: exit %d\n%s", code, errs)
	}
	bad := `{"figures": [
  {"id": "j-ok", "a": "AF", "b": "KZ", "scope": "bilateral", "kind": "actual", "period": "2019", "usd": {"value": 1}, "sources": {"all": ["ASIATODAY"]}},
  {"id": "j-bad", "a": "AF", "b": "KZ", "scope": "bilateral", "kind": "sometimes"}
]}`
	_, errs, code = kbcli(t, nil, bad, "import", "-", "--db", db)
	if code != exitError || !strings.Contains(errs, "stdin:3: figures[1]") {
		t.Errorf("import of bad JSON: exit %d\n%s", code, errs)
	}
	if got := counts(t, db); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("counts after refused imports = %v, want %v (nothing written)", got, before)
	}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"import"}, exitUsage},
		{[]string{"import", filepath.Join(dir, "trade.csv")}, exitUsage},
		{[]string{"import", filepath.Join(dir, "missing.json")}, exitError},
		{[]string{"export"}, exitUsage},
		{[]string{"export", dir, "--format", "xml"}, exitUsage},
		{[]string{"export", dir, "--only", "widgets"}, exitUsage},
		{[]string{"export", "-"}, exitUsage},
	} {
		if _, errs, code := kbcli(t, nil, "", append(tt.args, "--db", db)...); code != tt.code {
			t.Errorf("caravan %v: exit %d, want %d\n%s", tt.args, code, tt.code, errs)
		}
	}
}
