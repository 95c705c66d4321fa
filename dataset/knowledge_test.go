package dataset_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/internal/shareddata"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/kb/kbtest"
	"github.com/caravan-transport/caravan/trade"
)

// builtinKnowledge loads the shipped network and knowledge base.
func builtinKnowledge(t testing.TB) *kb.Bundle {
	t.Helper()
	ctx := context.Background()
	n, err := dataset.Load(ctx, dataset.Builtin())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	b, err := dataset.LoadKnowledge(ctx, dataset.Builtin(), n)
	if err != nil {
		t.Fatalf("LoadKnowledge: %v", err)
	}
	return b
}

func figure(b *kb.Bundle, id string) *trade.Figure {
	for i := range b.Figures {
		if b.Figures[i].ID == id {
			return &b.Figures[i]
		}
	}
	return nil
}

func agreement(b *kb.Bundle, id string) *kb.Agreement {
	for i := range b.Agreements {
		if b.Agreements[i].ID == id {
			return &b.Agreements[i]
		}
	}
	return nil
}

func TestLoadKnowledgeBuiltin(t *testing.T) {
	b := builtinKnowledge(t)
	if len(b.Agreements) < 40 || len(b.Figures) < 80 || len(b.Projects) == 0 || len(b.Sources) == 0 {
		t.Errorf("builtin knowledge: %d agreements, %d figures, %d projects, %d sources", len(b.Agreements), len(b.Figures), len(b.Projects), len(b.Sources))
	}
	for _, tt := range []struct {
		id, pair, kind, period string
		usd, tonnes            float64
	}{
		{"af-kz-target-2025-10", "AF-KZ", "target", "", 3e9, 0},
		{"af-kz-current-seed004", "AF-KZ", "actual", "", 1e9, 0},
		{"ir-kz-target-2023-12", "IR-KZ", "target", "", 3e9, 0},
		{"ir-kz-sh1400", "IR-KZ", "actual", "SH1400 = 2021-03-21..2022-03-20", 265.2e6, 729e3},
		{"af-uz-2025-seed001", "AF-UZ", "actual", "2025", 1.6e9, 0},
		{"af-kz-2025-jan-aug-seed001", "AF-KZ", "actual", "2025-01..2025-08", 338e6, 0},
		{"ir-kz-transit-target", "IR-KZ", "target", "", 0, 5e6},
	} {
		f := figure(b, tt.id)
		if f == nil {
			t.Errorf("figure %s missing", tt.id)
			continue
		}
		if f.Pair() != tt.pair || f.Kind.String() != tt.kind || f.Period.String() != tt.period || f.USD.Value != tt.usd || f.Tonnes.Value != tt.tonnes {
			t.Errorf("figure %s = %s %s %q usd %v t %v, want %s %s %q usd %v t %v", tt.id, f.Pair(), f.Kind, f.Period, f.USD.Value, f.Tonnes.Value, tt.pair, tt.kind, tt.period, tt.usd, tt.tonnes)
		}
	}
	if g := figure(b, "af-uz-2025-seed001"); g == nil || g.GrowthPct == nil || *g.GrowthPct != 45 {
		t.Errorf("AF–UZ 2025 growth = %v, want 45 %%", g)
	}
	a := agreement(b, "pk-kg-transit")
	if a == nil || a.Status() != kb.Agreed || a.Since().String() != "2025-12-04" {
		t.Errorf("pk-kg-transit = %+v, want agreed since 2025-12-04", a)
	}
	for _, p := range b.Projects {
		if p.ID == "trans-afghan-railway" && len(p.Links) == 0 {
			t.Errorf("project %s has no links; the network's links name it", p.ID)
		}
	}
}

// TestKnowledgeCoversGold checks that every trade figure, target and
// agreement of the seed articles' gold facts is in the shipped knowledge
// base, citing its article.
func TestKnowledgeCoversGold(t *testing.T) {
	path := shareddata.Path(t, "corpus/seeds/gold.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b := builtinKnowledge(t)
	cites := func(ids []string, src string) bool {
		for _, id := range ids {
			if id == src {
				return true
			}
		}
		return false
	}
	wantAgreements := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g struct {
			Article   string   `json:"article"`
			Kind      string   `json:"kind"`
			Countries []string `json:"countries"`
			Value     *float64 `json:"value"`
			Unit      *string  `json:"unit"`
			Period    *string  `json:"period"`
			Status    string   `json:"status"`
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		src := "SEED-" + strings.TrimPrefix(g.Article, "seed-")
		switch {
		case g.Kind == "agreement":
			wantAgreements[src+" "+strings.Join(g.Countries, ";")]++
		case (g.Kind == "trade_value" || g.Kind == "tonnage") && g.Value != nil:
			found := false
			for _, f := range b.Figures {
				v := f.USD.Value
				if g.Kind == "tonnage" {
					v = f.Tonnes.Value
				}
				period := ""
				if g.Period != nil {
					period = *g.Period
				}
				if f.A+";"+f.B == strings.Join(g.Countries, ";") && v == *g.Value && f.Kind.String() == g.Status &&
					f.Period.String() == period && cites(f.Sources.IDs(), src) {
					found = true
				}
			}
			if !found {
				t.Errorf("gold %s %s %v %v %v (%s) has no figure citing %s", g.Article, g.Kind, g.Countries, *g.Value, g.Period, g.Status, src)
			}
		}
	}
	have := map[string]int{}
	for _, a := range b.Agreements {
		seen := map[string]bool{}
		for _, h := range a.History {
			for _, id := range h.Sources.IDs() {
				if strings.HasPrefix(id, "SEED-") && !seen[id] {
					seen[id] = true
					have[id+" "+strings.Join(a.Parties, ";")]++
				}
			}
		}
	}
	for k, n := range wantAgreements {
		if have[k] < n {
			t.Errorf("gold has %d agreement facts for %s, the knowledge base %d", n, k, have[k])
		}
	}
}

// fullBundle is the builtin knowledge plus the contract fixture's
// documents and facts, so every record type is present.
func fullBundle(t *testing.T) *kb.Bundle {
	b := builtinKnowledge(t)
	fx := kbtest.Fixture(t)
	for i := range fx.Documents {
		fx.Documents[i].Source = "SEED-001"
	}
	b.Documents, b.Facts = fx.Documents, fx.Facts
	b.Sort()
	return b
}

func sameBundle(t *testing.T, got, want *kb.Bundle) {
	t.Helper()
	got.Sort()
	want.Sort()
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	if !bytes.Equal(g, w) {
		gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("bundles differ at line %d:\ngot  %s\nwant %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("bundles differ in length: %d vs %d lines", len(gl), len(wl))
	}
}

func TestCSVRoundTrip(t *testing.T) {
	want := fullBundle(t)
	dir := t.TempDir()
	files, err := dataset.WriteCSV(dir, want)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 9 {
		t.Errorf("WriteCSV wrote %v, want the 9 knowledge files", files)
	}
	fsys, _ := dataset.Dir(dir)
	got, err := dataset.ReadKnowledge(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	sameBundle(t, got, want)
	if err := kb.Check(context.Background(), nil, got); err != nil {
		t.Errorf("the read-back bundle does not check: %v", err)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	want := fullBundle(t)
	var buf bytes.Buffer
	if err := dataset.WriteJSON(&buf, want); err != nil {
		t.Fatal(err)
	}
	got, err := dataset.ReadJSON("kb.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	sameBundle(t, got, want)
}

func TestWriteCSVRefuses(t *testing.T) {
	b := kbtest.Fixture(t)
	b.Agreements[0].Parties = []string{"A;B"}
	if _, err := dataset.WriteCSV(t.TempDir(), b); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("WriteCSV of a party holding ';': %v, want an invalid error", err)
	}
	b = kbtest.Fixture(t)
	b.Agreements[0].Sources.ByField = map[string][]string{"no_such_column": {"SRC-A"}}
	if _, err := dataset.WriteCSV(t.TempDir(), b); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("WriteCSV of a citation on an unknown column: %v, want an invalid error", err)
	}
}

func TestReadKnowledgeBadRows(t *testing.T) {
	fsys := fstest.MapFS{
		"trade.csv": {Data: []byte("id,countries,kind,period,usd,sources\n" +
			"ok,AF;KZ,actual,2022,1,S\n" +
			"bad-kind,AF;KZ,guess,2022,1,S\n" +
			"ok2,AF;KZ,actual,2023,2,S\n" +
			"bad-num,AF;KZ,actual,2023,lots,S\n" +
			"bad-period,AF;KZ,actual,2023-13,1,S\n" +
			"one-country,AF,actual,2023,1,S\n")},
		"agreements.csv":        {Data: []byte("id,name,kind,parties\na,A,treaty,AF;KZ\nb,B,pact,AF;KZ\n")},
		"agreement_history.csv": {Data: []byte("agreement,date,status,event\na,2025-13,signed,x\nzz,2025,signed,x\n")},
		"facts.csv":             {Data: []byte("id,document,kind,value\nd#1,d,meeting,many\n")},
		"documents.csv":         {Data: []byte("id,text\n\"unterminated,x\n")},
	}
	_, err := dataset.ReadKnowledge(context.Background(), fsys)
	if caravan.KindOf(err) != caravan.Invalid {
		t.Fatalf("ReadKnowledge = %v, want an invalid error", err)
	}
	for _, want := range []string{"trade.csv:3: kind", "trade.csv:5: usd", "trade.csv:6: period", "trade.csv:7: countries",
		"agreements.csv:3: kind", "agreement_history.csv:2: date", "agreement_history.csv:3: agreement", "facts.csv:2: value", "documents.csv:2"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
	for _, good := range []string{"trade.csv:2", "trade.csv:4"} {
		if strings.Contains(err.Error(), good+":") {
			t.Errorf("error blames the good row %s:\n%v", good, err)
		}
	}
}

func TestReadJSONBadRecords(t *testing.T) {
	data := `{
  "figures": [
    {"id": "ok", "a": "AF", "b": "KZ", "scope": "bilateral", "kind": "actual", "period": "2022", "usd": {"value": 1}, "tonnes": null, "sources": {"all": ["S"]}},
    {"id": "bad", "a": "AF", "b": "KZ", "scope": "bilateral", "kind": "guess"},
    {"id": "typo", "a": "AF", "b": "KZ", "kindd": "actual"}
  ],
  "agreements": [
    {"id": "x", "history": [{"date": "2025-13"}]}
  ],
  "widgets": []
}`
	_, err := dataset.ReadJSON("in.json", []byte(data))
	if caravan.KindOf(err) != caravan.Invalid {
		t.Fatalf("ReadJSON = %v, want an invalid error", err)
	}
	for _, want := range []string{"in.json:4: figures[1]", "in.json:5: figures[2]", "in.json:8: agreements[0]", "in.json:10: widgets"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
	for _, bad := range []string{"", "[]", "{", `{"figures": {}}`, `{"figures": [1,]}`, `{} {}`} {
		if _, err := dataset.ReadJSON("x.json", []byte(bad)); caravan.KindOf(err) != caravan.Invalid {
			t.Errorf("ReadJSON(%q) = %v, want an invalid error", bad, err)
		}
	}
}

// TestReadJSONText: invalid UTF-8 (which encoding/json would turn into
// U+FFFD) and an oversized string are refused with the file and line.
func TestReadJSONText(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"invalid utf-8", "{\n\"documents\": [\n{\"id\": \"caf\xe9\"}]}", "in.json:3: invalid UTF-8"},
		{"oversized string", "{\"documents\": [\n\n{\"id\": \"d\", \"text\": \"" + strings.Repeat("x", dataset.MaxFieldBytes+1) + "\"}]}", "in.json:3: a string of 1048577 bytes, more than 1048576"},
	} {
		_, err := dataset.ReadJSON("in.json", []byte(tt.in))
		if caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ReadJSON = %v, want an invalid error with %q", tt.name, err, tt.want)
		}
	}
}

func FuzzReadJSON(f *testing.F) {
	var buf bytes.Buffer
	dataset.WriteJSON(&buf, kbtest.Fixture(f))
	f.Add(buf.Bytes())
	f.Add([]byte(`{"figures":[{"id":"x","period":"SH1400 = 2021-03-21..2022-03-20"}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := dataset.ReadJSON("f.json", data)
		if err != nil {
			if caravan.KindOf(err) != caravan.Invalid {
				t.Fatalf("error of kind %v: %v", caravan.KindOf(err), err)
			}
			return
		}
		var out bytes.Buffer
		if err := dataset.WriteJSON(&out, b); err != nil {
			t.Fatal(err)
		}
		b2, err := dataset.ReadJSON("f.json", out.Bytes())
		if err != nil {
			t.Fatalf("re-reading written JSON: %v\n%s", err, out.Bytes())
		}
		var again bytes.Buffer
		dataset.WriteJSON(&again, b2)
		if !bytes.Equal(out.Bytes(), again.Bytes()) {
			t.Fatalf("JSON round trip is not stable:\n%s\n%s", out.Bytes(), again.Bytes())
		}
	})
}

func FuzzReadKnowledge(f *testing.F) {
	trade, _ := os.ReadFile("data/trade.csv")
	agreements, _ := os.ReadFile("data/agreements.csv")
	f.Add(trade[:min(len(trade), 2000)], agreements[:min(len(agreements), 2000)])
	f.Add([]byte("id,countries,kind\nx,AF;KZ,actual\n"), []byte("id,name,kind,parties\n"))
	f.Fuzz(func(t *testing.T, tradeCSV, agreementsCSV []byte) {
		fsys := fstest.MapFS{"trade.csv": {Data: tradeCSV}, "agreements.csv": {Data: agreementsCSV}}
		b, err := dataset.ReadKnowledge(context.Background(), fsys)
		if err != nil {
			if caravan.KindOf(err) != caravan.Invalid {
				t.Fatalf("error of kind %v: %v", caravan.KindOf(err), err)
			}
			return
		}
		if b.Len() != len(b.Figures)+len(b.Agreements) {
			t.Fatal(fmt.Sprint("records from nowhere: ", b.Len()))
		}
	})
}
