package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
)

// TestRefusedInput holds the CLI to the input it must refuse: every
// numeric parameter finite and in range with one exit status, bounded
// work, and messages for people (no Go names, only close suggestions).
// The same checks run in the service for the API (server tests).
func TestRefusedInput(t *testing.T) {
	dir := t.TempDir()
	inf := filepath.Join(dir, "inf.yaml")
	os.WriteFile(inf, []byte("name: inf\nchange:\n  - {link: af-torkham--pk-torkham-road, cost_factor: .inf}\n"), 0o644)
	nan := filepath.Join(dir, "nan.yaml")
	os.WriteFile(nan, []byte("name: nan\nchange:\n  - {link: af-torkham--pk-torkham-road, dwell_factor: .nan}\n"), 0o644)
	frob := filepath.Join(dir, "frob.yaml")
	os.WriteFile(frob, []byte("name: frob\nfrobnicate: 1\n"), 0o644)
	knowledge := filepath.Join(dir, "k.json")
	os.WriteFile(knowledge, []byte(`{"figures":[{"id":"x","usd":5}]}`), 0o644)
	db := "--db=" + filepath.Join(dir, "kb.db")
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		want   string   // in stderr (or stdout for exit 0)
		absent []string // must not appear anywhere
	}{
		{"risk penalty NaN", []string{"route", "Almaty", "Tehran", "--risk-penalty", "NaN"}, exitUsage, "--risk-penalty: want a finite number, have NaN", nil},
		{"risk penalty Inf", []string{"route", "Almaty", "Tehran", "--risk-penalty", "Inf"}, exitUsage, "--risk-penalty: want a finite number", nil},
		{"value NaN by gc", []string{"route", "Almaty", "Tehran", "--value", "NaN", "--by", "gc"}, exitUsage, "--value: want a finite number", nil},
		{"max shared NaN", []string{"route", "Almaty", "Tehran", "--alternatives", "2", "--max-shared", "NaN"}, exitUsage, "--max-shared: want a finite number", nil},
		{"tonnes 1e308 json", []string{"route", "Almaty", "Tehran", "--tonnes", "1e308", "--json"}, exitUsage, "--tonnes: 1e308 is out of range", []string{"Inf", "internal"}},
		{"teu NaN", []string{"route", "Almaty", "Tehran", "--teu", "NaN"}, exitUsage, "--teu: want a finite number", nil},
		{"teu negative", []string{"route", "Almaty", "Tehran", "--teu", "-5"}, exitUsage, "--teu: -5 is out of range", nil},
		{"merge-out without refine", []string{"import", "geojson", "lines.geojson", "--compare", "--merge-out", "x"}, exitUsage, "--replace and --merge-out need --refine", nil},
		{"rail service unknown", []string{"route", "Almaty", "Tehran", "--rail-service", "express"}, exitUsage, "--rail-service: rail service \"express\": want block or wagonload", nil},
		{"alternatives capped", []string{"route", "Almaty", "Tehran", "--alternatives", "1000"}, exitUsage, "--alternatives: 1000 is out of range: want 0 to 8", nil},
		{"trade width capped", []string{"trade", "AF", "KZ", "--width", "100000000", db}, exitUsage, "--width: 100000000 is out of range", nil},
		{"matrix empty lists", []string{"matrix", "--from", ",", "--to", ","}, exitUsage, "--from: empty list", nil},
		{"scenario cost factor inf", []string{"scenario", "check", inf}, exitError, "cost_factor: must be a finite number", nil},
		{"scenario dwell factor nan", []string{"scenario", "check", nan}, exitError, "dwell_factor: must be a finite number", nil},
		{"scenario inf in route", []string{"route", "Kabul", "Karachi", "--scenario", inf}, exitError, "must be a finite number", []string{"NaN USD"}},
		{"scenario unknown field", []string{"scenario", "check", frob}, exitError, `unknown field "frobnicate"`, []string{"scenario.Scenario"}},
		{"knowledge JSON type", []string{"import", knowledge, db}, exitError, "field usd: want an object", []string{"Go struct", "rangeJSON"}},
		{"no Go operation in messages", []string{"route", "Almaty", "Tehran", "--open", "atlantis"}, exitError, `--open: unknown project "atlantis"`, []string{"graph.Blocked"}},
		{"Xian suggests no Van", []string{"route", "Xyan", "Kabul"}, exitError, "FROM: unknown place \"Xyan\"; closest:\n  cn-xian", []string{"ir-van"}},
		{"Dubai suggests no Mumbai", []string{"route", "Dubai", "Kabul"}, exitError, `no place matches "Dubai"`, []string{"Nhava Sheva", "Mumbai"}},
		{"avoid XX suggests no Hami", []string{"route", "Almaty", "Kabul", "--avoid", "XX"}, exitError, `--avoid: no place matches "XX"`, []string{"Hami"}},
		{"scenario -h", []string{"scenario", "-h"}, exitOK, "usage: caravan scenario", []string{"unknown subcommand"}},
		{"db in a missing directory", []string{"trade", "AF", "KZ", "--db", filepath.Join(dir, "no", "such", "x.db")}, exitError, "does not exist", nil},
		{"as-of before the data", []string{"route", "Almaty", "Tehran", "--as-of", "1990-01-01"}, exitOK, "warning: as_of 1990-01-01 is before the dataset's earliest source", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := cli(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, clipText(out), errs)
			}
			if !strings.Contains(out+errs, tt.want) {
				t.Errorf("output lacks %q\nstdout: %s\nstderr: %s", tt.want, clipText(out), errs)
			}
			for _, bad := range tt.absent {
				if strings.Contains(out+errs, bad) {
					t.Errorf("output has %q\nstdout: %s\nstderr: %s", bad, clipText(out), errs)
				}
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Error("--db in a missing directory created it")
	}
}

func clipText(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

// TestProjectWithoutHistory: a project with no status history says so.
func TestProjectWithoutHistory(t *testing.T) {
	var b strings.Builder
	p := projectFixture()
	printProject(&b, &p)
	if strings.Contains(b.String(), "status(0)") || !strings.Contains(b.String(), "no status recorded") {
		t.Errorf("printProject:\n%s", b.String())
	}
}

func projectFixture() kb.Project {
	return kb.Project{Project: network.Project{ID: "p-test", Countries: []string{"AF"}, Kind: "rail"}}
}
