package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenText compares got with testdata/name or rewrites it with -update.
func goldenText(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/caravan -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/caravan -run %s -update and review the diff)\ngot:\n%s", path, t.Name(), got)
	}
}

// TestScenarioDiffGolden runs caravan scenario diff for each shipped
// example on the trip it is about.
func TestScenarioDiffGolden(t *testing.T) {
	for _, tt := range []struct {
		scenario string
		args     []string
		want     string // in the summary
	}{
		{"trans-afghan-2030", []string{"--from", "Tashkent", "--to", "Karachi"}, "faster"},
		{"torkham-chaman-reopened", []string{"--from", "Kabul", "--to", "Karachi"}, "faster"},
		{"chabahar-sanctions", []string{"--from", "Kandahar", "--to", "Nhava Sheva", "--by", "cost"}, "dearer"},
		{"cku-open", []string{"--from", "Kashgar", "--to", "Tashkent", "--modes", "rail"}, "faster"},
	} {
		t.Run(tt.scenario, func(t *testing.T) {
			out, errs, code := cli(t, append([]string{"scenario", "diff", "base", tt.scenario}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if !strings.Contains(out, tt.scenario+" is ") || !strings.Contains(out, tt.want) {
				t.Errorf("summary does not say %s is %s:\n%s", tt.scenario, tt.want, out)
			}
			if !strings.Contains(out, "why:") {
				t.Errorf("no explanation:\n%s", out)
			}
			goldenText(t, filepath.Join("scenario-diff", tt.scenario+".txt"), out)
		})
	}
}

func TestRouteWithScenario(t *testing.T) {
	base, _, code := cli(t, "route", "Tashkent", "Karachi", "--as-of", "2030-06-01", "--json")
	if code != exitOK {
		t.Fatal("route failed")
	}
	with, _, code := cli(t, "route", "Tashkent", "Karachi", "--as-of", "2030-06-01", "--scenario", "trans-afghan-2030", "--json")
	if code != exitOK {
		t.Fatal("route --scenario failed")
	}
	if !strings.Contains(with, `"scenario": "Trans-Afghan railway open in 2030"`) || strings.Contains(base, `"scenario"`) {
		t.Error("itinerary does not name the applied scenario")
	}
	if !strings.Contains(with, "Kharlachi") || strings.Contains(base, `"crossing": "Kharlachi`) {
		t.Error("the scenario route does not take the Trans-Afghan railway, or the base route does")
	}
	type result struct {
		Routes []struct {
			Total struct{ Hours float64 } `json:"total"`
		} `json:"routes"`
	}
	var ra, rb result
	if err := json.Unmarshal([]byte(base), &ra); err != nil || len(ra.Routes) != 1 {
		t.Fatalf("%v (%d routes)", err, len(ra.Routes))
	}
	if err := json.Unmarshal([]byte(with), &rb); err != nil || len(rb.Routes) != 1 {
		t.Fatalf("%v (%d routes)", err, len(rb.Routes))
	}
	a, b := ra.Routes[0], rb.Routes[0]
	if b.Total.Hours >= a.Total.Hours {
		t.Errorf("with the Trans-Afghan railway %v h, without %v h: want faster", b.Total.Hours, a.Total.Hours)
	}
}

func TestScenarioErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("name: bad\nopen:\n  - project: no-such-project\nchange:\n  - {link: pk-af-torkham-road, dwel_factor: 2}\n"), 0o644)
	_, errs, code := cli(t, "scenario", "check", bad)
	if code != exitError || !strings.Contains(errs, "bad.yaml:5: change: unknown field \"dwel_factor\"") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	os.WriteFile(bad, []byte("name: bad\nopen:\n  - project: no-such-project\n"), 0o644)
	_, errs, code = cli(t, "route", "Kabul", "Karachi", "--scenario", bad)
	if code != exitError || !strings.Contains(errs, `bad.yaml:3: project: unknown project "no-such-project"`) {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	_, errs, code = cli(t, "scenario", "diff", "base", "nope", "--from", "Kabul", "--to", "Karachi")
	if code != exitError || !strings.Contains(errs, `no shipped scenario "nope"`) {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	_, errs, code = cli(t, "scenario", "frobnicate")
	if code != exitUsage {
		t.Errorf("unknown subcommand: exit %d, stderr %s", code, errs)
	}
}
