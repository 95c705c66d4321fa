package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/kb"
)

func TestDBLocation(t *testing.T) {
	for _, tt := range []struct {
		name string
		flag string
		vars map[string]string
		want string
	}{
		{"flag wins", "/x/flag.db", map[string]string{"CARAVAN_DB": "/x/env.db", "HOME": "/home/u"}, "/x/flag.db"},
		{"CARAVAN_DB", "", map[string]string{"CARAVAN_DB": "postgres://u@h/db", "HOME": "/home/u"}, "postgres://u@h/db"},
		{"XDG_DATA_HOME", "", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/u"}, "/data/caravan/caravan.db"},
		{"relative XDG_DATA_HOME is ignored", "", map[string]string{"XDG_DATA_HOME": "data", "HOME": "/home/u"}, "/home/u/.local/share/caravan/caravan.db"},
		{"HOME", "", map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/caravan/caravan.db"},
	} {
		e := &env{getenv: func(k string) string { return tt.vars[k] }}
		got, err := e.dbLocation(tt.flag)
		if err != nil || got != filepath.FromSlash(tt.want) {
			t.Errorf("%s: dbLocation = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	e := &env{getenv: func(string) string { return "" }}
	if _, err := e.dbLocation(""); err == nil {
		t.Error("dbLocation with no flag and no environment succeeded, want an error")
	}
}

// TestDBLoadsTheDatasetOnce checks that the first use loads the built-in
// dataset and that loading it again changes nothing.
func TestDBLoadsTheDatasetOnce(t *testing.T) {
	db := tempDB(t)
	vars := map[string]string{"CARAVAN_DB": db}
	out, errs, code := kbcli(t, vars, "", "db", "status", "--json")
	if code != exitOK {
		t.Fatalf("db status: exit %d\n%s", code, errs)
	}
	var s dbStatus
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.DB != db || s.Engine != "sqlite" || s.Counts["agreements"] < 40 || s.Counts["figures"] < 80 || s.Counts["projects"] == 0 || len(s.Dataset) != 64 {
		t.Errorf("db status after first use = %+v", s)
	}
	out, _, _ = kbcli(t, vars, "", "db", "load", "--json")
	var st kb.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Changed() != 0 || st.Agreements.Unchanged != s.Counts["agreements"] || st.Figures.Unchanged != s.Counts["figures"] {
		t.Errorf("loading the dataset again: %s, want every record unchanged", st)
	}
	if out := mustRun(t, "db", "check", "--db", db); !strings.Contains(out, "passes its integrity check") {
		t.Errorf("db check: %s", out)
	}
	if out := mustRun(t, "db", "path", "--db", "postgres://me:secret@localhost/kb"); strings.Contains(out, "secret") {
		t.Errorf("db path shows the password: %s", out)
	}
	if _, _, code := kbcli(t, vars, "", "db", "vacuum"); code != exitUsage {
		t.Errorf("db vacuum: exit %d, want %d", code, exitUsage)
	}
}

func TestAgreementsAndProjects(t *testing.T) {
	db := tempDB(t)
	out := mustRun(t, "agreements", "--country", "kg", "--status", "agreed", "--db", db)
	for _, want := range []string{"pk-kg-transit  KG–PK  [treaty, agreed since 2025-12-04]", "2025-07-28  negotiating", "2025-12-04  agreed", "[SEED-002]"} {
		if !strings.Contains(out, want) {
			t.Errorf("agreements --country KG --status agreed lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "aptta") || strings.Contains(out, "qtta") {
		t.Errorf("agreements --country KG --status agreed lists agreements that are not agreed:\n%s", out)
	}
	var as []kb.Agreement
	if err := json.Unmarshal([]byte(mustRun(t, "agreements", "--kind", "mou", "--country", "IR", "--json", "--db", db)), &as); err != nil {
		t.Fatal(err)
	}
	if len(as) != 7 {
		t.Errorf("Iranian MoUs = %d, want 7 (the rail MoU and six of Tokayev's Tehran visit)", len(as))
	}
	out = mustRun(t, "projects", "--status", "planned", "--db", db)
	if !strings.Contains(out, "trans-afghan-railway") || !strings.Contains(out, "adds ") {
		t.Errorf("projects --status planned lacks the Trans-Afghan railway and its links:\n%s", out)
	}
	var ps []kb.Project
	if err := json.Unmarshal([]byte(mustRun(t, "projects", "--status", "operational", "--json", "--db", db)), &ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Status().String() != "operational" {
			t.Errorf("projects --status operational lists %s (%s)", p.ID, p.Status())
		}
	}
	for _, args := range [][]string{{"agreements", "--status", "maybe"}, {"agreements", "--kind", "pact"}, {"agreements", "--country", "KAZ"}, {"projects", "--status", "dreamt"}, {"agreements", "extra"}} {
		if _, _, code := kbcli(t, nil, "", append(args, "--db", db)...); code != exitUsage {
			t.Errorf("caravan %v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if out := mustRun(t, "agreements", "--country", "BR", "--db", db); !strings.Contains(out, "no agreement matches") {
		t.Errorf("agreements --country BR: %s", out)
	}
}
