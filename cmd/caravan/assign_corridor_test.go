package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/service"
)

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAssignCorridor(t *testing.T) {
	od := writeFile(t, "od.csv", "from,to,tonnes_per_year\nkz-almaty,af-mazar,1e6\naf-mazar,uz-tashkent,2e5\n")
	geo := filepath.Join(t.TempDir(), "flows.geojson")
	args := []string{"assign", "--data", mini, "--demand", od, "--as-of", "2024-06-01", "--value-of-time", "0.5", "--geojson", geo}
	out, errs, code := cli(t, args...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{"Freight on the corridor network as of 2024-06-01", "demand: " + od, "1.2 Mt/yr in 2 OD pairs served", "kind", "v/c", "bottleneck(s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	raw, err := os.ReadFile(geo)
	if err != nil || !strings.Contains(string(raw), `"type": "LineString"`) || !strings.Contains(string(raw), `"tonnes_per_year"`) {
		t.Errorf("geojson: %v\n%.300s", err, raw)
	}
	out, errs, code = cli(t, append(args, "--json")...)
	if code != exitOK {
		t.Fatalf("--json: exit %d: %s", code, errs)
	}
	var rep service.AssignReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Result == nil || rep.Result.DemandTonnes != 1.2e6 || len(rep.Result.Flows) == 0 || len(rep.Demand) != 2 {
		t.Errorf("report %+v", rep)
	}
	out, errs, code = cli(t, append([]string{"assign", "criticality"}, args[1:]...)...)
	if code != exitOK || !strings.Contains(out, "most critical") || !strings.Contains(out, "unserved Mt/yr") {
		t.Errorf("criticality: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = cli(t, append([]string{"assign", "criticality", "--kinds", "crossing", "--json"}, args[1:]...)...)
	var crit service.AssignReport
	if code != exitOK || json.Unmarshal([]byte(out), &crit) != nil || len(crit.Criticality) == 0 {
		t.Fatalf("criticality --kinds crossing: exit %d\n%s%s", code, out, errs)
	}
	for _, c := range crit.Criticality {
		if c.Kind != "crossing" {
			t.Errorf("--kinds crossing ranked a %s: %+v", c.Kind, c)
		}
	}
	if _, errs, code := cli(t, append([]string{"assign", "criticality", "--kinds", "bridge"}, args[1:]...)...); code != exitUsage || !strings.Contains(errs, `--kinds: "bridge"`) {
		t.Errorf("--kinds bridge: exit %d, %s", code, errs)
	}
	out, errs, code = cli(t, append(args, "--shares", "KZ-AF", "--via", "UZ")...)
	if code != exitOK || !strings.Contains(out, "corridor shares of KZ → AF freight (1 Mt/yr") || !strings.Contains(out, "via UZ") {
		t.Errorf("--shares: exit %d\n%s%s", code, out, errs)
	}
	if _, errs, code := cli(t, append(args, "--shares", "KZ-AF")...); code != exitUsage || !strings.Contains(errs, "--via: shares and via go together") {
		t.Errorf("--shares without --via: exit %d, %s", code, errs)
	}
}

func TestAssignCorridorErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		od   string
		args []string
		code int
		want string
	}{
		{"NoDemand", "", nil, exitUsage, "--year: want the year whose trade sets the demand (or a demand file)"},
		{"NaN", "from,to,tonnes_per_year\nkz-almaty,af-mazar,NaN\n", nil, exitError, `od.csv:2: field tonnes_per_year: "NaN"`},
		{"UnknownPlace", "from,to,tonnes_per_year\nkz-almaty,af-nowhere,5\n", nil, exitError, `od.csv:2: field to: unknown place "af-nowhere"`},
		{"BadDate", "from,to,tonnes_per_year\nkz-almaty,af-mazar,5\n", []string{"--as-of", "2024-13-01"}, exitUsage, "--as-of"},
		{"NoValueOfTime", "from,to,tonnes_per_year\nkz-almaty,af-mazar,5\n", []string{"--value-of-time", "0"}, exitUsage, "--value-of-time: give it"},
		{"MissingFile", "", []string{"--demand", "no/such.csv"}, exitError, "no such file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"assign", "--data", mini, "--as-of", "2024-06-01"}
			if tt.od != "" {
				args = append(args, "--demand", writeFile(t, "od.csv", tt.od))
			}
			if tt.name != "NoValueOfTime" {
				args = append(args, "--value-of-time", "0.5")
			}
			out, errs, code := cli(t, append(args, tt.args...)...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Errorf("exit %d, want %d with %q\nstdout: %s\nstderr: %s", code, tt.code, tt.want, out, errs)
			}
		})
	}
}

// TestAssignCorridorBuiltin runs the trade-derived demand on the built-in
// dataset: the Afghanistan–Kazakhstan target of $3 bn a year.
func TestAssignCorridorBuiltin(t *testing.T) {
	out, errs, code := cli(t, "assign", "--year", "2030", "--pairs", "AF-KZ", "--as-of", "2026-06-01", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep service.AssignReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	total := rep.Result.DemandTonnes + rep.Result.UnservedTonne
	if want := 3e9 / rep.USDPerTonne; total < want*0.999 || total > want*1.001 {
		t.Errorf("AF-KZ demand %v t, want $3 bn / $%v per t = %v", total, rep.USDPerTonne, want)
	}
}
