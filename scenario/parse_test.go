package scenario_test

import (
	"os"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/scenario"
)

func TestParseOK(t *testing.T) {
	data, err := os.ReadFile("testdata/ok.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Parse("ok.yaml", data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if s.AsOf.Day() != network.MakeDate(2030, 6, 1) || len(s.Open) != 1 || s.Open[0].From.Day() != network.MakeDate(2030, 1, 1) || s.Open[0].Line != 5 {
		t.Errorf("scenario = %+v (open %+v)", *s, s.Open)
	}
	if *s.Changes[0].DwellFactor != 2 || s.Changes[0].Line != 10 {
		t.Errorf("change = %+v", s.Changes[0])
	}
	e := s.Active()
	if len(e.Lift) != 1 || e.Lift[0].Closure != "hairatan-2025" {
		t.Errorf("active lifts = %+v", e.Lift)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		name, data, want string
	}{
		{"unknown top field", "name: x\nopen_projects: [a]\n", "s.yaml:2: unknown field \"open_projects\""},
		{"unknown item field", "name: x\nchange:\n  - link: a\n    dwel_factor: 2\n", `s.yaml:4: change: unknown field "dwel_factor"`},
		{"bad date", "name: x\nclose:\n  - {target: a, from: 2026-02-30}\n", "s.yaml:3: "},
		{"bad number", "name: x\nchange:\n  - {link: a, dwell_factor: two}\n", "s.yaml:3: "},
		{"list expected", "name: x\nopen:\n  project: a\n", "s.yaml:3: "},
		{"item not a mapping", "name: x\nopen:\n  - a\n", `s.yaml:3: open: want a mapping (key: value), found "a"`},
		{"not yaml", "name: [x\n", "s.yaml:"},
		{"empty", "", "s.yaml: empty scenario file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scenario.Parse("s.yaml", []byte(tt.data))
			if err == nil {
				t.Fatal("Parse: no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/ok.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("name: x\nchange:\n  - {link: a, dwell_factor: 2}\n"))
	f.Add([]byte("agreements:\n  - id: q\n    enabled: true\n    open: [{project: p}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := scenario.Parse("f.yaml", data)
		if (s == nil) == (err == nil) {
			t.Fatalf("Parse returned %v and %v", s, err)
		}
	})
}

// TestParseMessagesForPeople: what a user sees names no Go type, and a
// factor that is not a finite number is refused.
func TestParseMessagesForPeople(t *testing.T) {
	for _, tt := range []struct{ name, yaml, want string }{
		{"unknown field", "name: t\nfrobnicate: 1\n", `s.yaml:2: unknown field "frobnicate"`},
		{"not a number", "name: t\nchange:\n  - {link: x, speed_factor: fast}\n", `s.yaml:3: want a number, have str "fast"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scenario.Parse("s.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
			for _, bad := range []string{"scenario.Scenario", "float64", "Go struct"} {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("message names a Go type (%s): %v", bad, err)
				}
			}
		})
	}
}
