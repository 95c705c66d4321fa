package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestMatrix(t *testing.T) {
	out, errs, code := cli(t, "matrix", "--from", "KZ,Tashkent", "--to", "PK,ir-tehran", "--by", "time", "--as-of", "2026-11-21", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var m struct {
		Unit   string       `json:"unit"`
		From   []string     `json:"from"`
		To     []string     `json:"to"`
		Values [][]*float64 `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// KZ and PK stand for three main nodes each; Tashkent and Tehran for themselves.
	if len(m.From) != 4 || len(m.To) != 4 || m.From[3] != "uz-tashkent" || m.To[3] != "ir-tehran" || m.Unit != "hours" {
		t.Fatalf("matrix %v × %v in %s", m.From, m.To, m.Unit)
	}
	for i, row := range m.Values {
		for j, v := range row {
			if v == nil || *v <= 0 {
				t.Errorf("%s → %s: %v, want a positive number of hours", m.From[i], m.To[j], v)
			}
		}
	}
	// The planner's own answer for one cell.
	one, _, _ := cli(t, "route", "Tashkent", "Tehran", "--as-of", "2026-11-21", "--json")
	var res struct {
		Routes []struct {
			Total struct{ Hours float64 } `json:"total"`
		} `json:"routes"`
	}
	if err := json.Unmarshal([]byte(one), &res); err != nil || len(res.Routes) != 1 {
		t.Fatalf("route --json: %v (%d routes)", err, len(res.Routes))
	}
	it := res.Routes[0]
	if d := *m.Values[3][3] - it.Total.Hours; d > 0.06 || d < -0.06 {
		t.Errorf("matrix Tashkent→Tehran %v h, route says %v h", *m.Values[3][3], it.Total.Hours)
	}
	out, _, code = cli(t, "matrix", "--from", "UZ", "--to", "AF", "--format", "csv", "--by", "cost")
	if code != exitOK || !strings.HasPrefix(out, "from\\to,") || strings.Count(out, "\n") != 4 {
		t.Errorf("csv: exit %d\n%s", code, out)
	}
	if _, errs, code := cli(t, "matrix", "--from", "UZ", "--to", "Atlantis"); code != exitError || !strings.Contains(errs, "Atlantis") {
		t.Errorf("unknown place: exit %d %s", code, errs)
	}
	if _, _, code := cli(t, "matrix", "--from", "UZ"); code != exitUsage {
		t.Errorf("missing --to: exit %d", code)
	}
}
