package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTradeGolden pins `caravan trade A B --json` (and the table) for the
// pairs the seed articles are about.
func TestTradeGolden(t *testing.T) {
	db := tempDB(t)
	for _, tt := range []struct{ a, b, name string }{{"AF", "KZ", "af-kz"}, {"IR", "KZ", "ir-kz"}, {"af", "uz", "af-uz"}} {
		t.Run(tt.name, func(t *testing.T) {
			out := mustRun(t, "trade", tt.a, tt.b, "--json", "--db", db)
			goldenText(t, filepath.Join("kb", "trade-"+tt.name+".json"), out)
			out = mustRun(t, "trade", tt.a, tt.b, "--db", db)
			goldenText(t, filepath.Join("kb", "trade-"+tt.name+".txt"), out)
		})
	}
}

func TestTradeVerdicts(t *testing.T) {
	db := tempDB(t)
	for _, tt := range []struct {
		args    []string
		verdict string
		target  string
	}{
		{[]string{"AF", "KZ"}, "off_track", "af-kz-target-2025-10"},
		{[]string{"AF", "KZ", "--by", "2030"}, "off_track", "af-kz-target-2025-10"},
		{[]string{"IR", "KZ"}, "insufficient_data", "ir-kz-target-2bn"},
		{[]string{"IR", "KZ", "--target", "ir-kz-target-2023-12"}, "insufficient_data", "ir-kz-target-2023-12"},
		{[]string{"AF", "UZ", "--by", "2030"}, "on_track", "af-uz-target-5bn"},
		{[]string{"AF", "UZ", "--by", "2027"}, "off_track", "af-uz-target-5bn"},
	} {
		out := mustRun(t, append(append([]string{"trade"}, tt.args...), "--json", "--db", db)...)
		var r struct {
			Verdict string `json:"verdict"`
			Target  struct {
				ID string `json:"id"`
			} `json:"target"`
			Needed []struct {
				GrowthPct float64 `json:"growth_pct"`
			} `json:"needed"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.Verdict != tt.verdict || r.Target.ID != tt.target {
			t.Errorf("trade %v: verdict %s, target %s; want %s, %s", tt.args, r.Verdict, r.Target.ID, tt.verdict, tt.target)
		}
	}
}

func TestTradePlot(t *testing.T) {
	db := tempDB(t)
	svg := filepath.Join(t.TempDir(), "af-kz.svg")
	out := mustRun(t, "trade", "AF", "KZ", "--by", "2030", "--plot", svg, "--db", db)
	if !strings.Contains(out, "Verdict: off track") || !strings.Contains(out, "Growth needed from 567.5m") {
		t.Errorf("trade output lacks the verdict or the growth needed:\n%s", out)
	}
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<svg", "AF–KZ bilateral trade", "target 3000m/yr (2025-10-08)", "deadline 2030-12-31", "</svg>"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
}

func TestTradeErrors(t *testing.T) {
	db := tempDB(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"trade", "AF"}, exitUsage, "want two country codes"},
		{[]string{"trade", "AFG", "KZ"}, exitUsage, "ISO 3166-1 alpha-2"},
		{[]string{"trade", "KZ", "KZ"}, exitUsage, "two different"},
		{[]string{"trade", "AF", "KZ", "--by", "20"}, exitUsage, "--by: 20 is out of range"},
		{[]string{"trade", "CN", "RU"}, exitError, "no trade figures between CN and RU"},
		{[]string{"trade", "AF", "KZ", "--target", "nope"}, exitError, `no target "nope"`},
		{[]string{"trade", "AF", "KZ", "--plot", filepath.Join(t.TempDir(), "no", "dir", "x.svg")}, exitError, "--plot"},
	} {
		out, errs, code := kbcli(t, nil, "", append(tt.args, "--db", db)...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("caravan %v: exit %d, output %q; want exit %d with %q", tt.args, code, out+errs, tt.code, tt.want)
		}
	}
}

// TestTradeAcceptedFact checks that a trade_value fact joins the series
// once accepted, with its document offsets as provenance.
func TestTradeAcceptedFact(t *testing.T) {
	db := tempDB(t)
	text := "In 2024 trade between Afghanistan and Kazakhstan reached $700 million."
	quote := "trade between Afghanistan and Kazakhstan reached $700 million"
	start := strings.Index(text, quote)
	doc := docJSON(t, text, "SEED-001", []factSpec{{kind: "trade_value", countries: "AF;KZ", value: 7e8, unit: "USD", period: "2024", status: "actual", quote: quote, start: start, state: "accepted"}})
	path := filepath.Join(t.TempDir(), "doc.json")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "import", path, "--db", db)
	out := mustRun(t, "trade", "AF", "KZ", "--json", "--db", db)
	var r struct {
		Series []struct {
			Period  string `json:"period"`
			Figures []struct {
				ID       string `json:"id"`
				Document string `json:"document"`
				Start    int    `json:"start"`
			} `json:"figures"`
		} `json:"series"`
		Trend struct {
			Periods int `json:"periods"`
		} `json:"trend"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range r.Series {
		for _, f := range row.Figures {
			if row.Period == "2024" && strings.HasSuffix(f.ID, "#1") && f.Document != "" && f.Start == start {
				found = true
			}
		}
	}
	if !found || r.Trend.Periods != 3 {
		t.Errorf("the accepted fact is not a 2024 figure of the series (trend over %d periods, want 3):\n%s", r.Trend.Periods, out)
	}
}
