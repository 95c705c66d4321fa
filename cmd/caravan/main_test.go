package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cli runs caravan with args and returns its stdout, stderr and exit
// status. The clock is fixed at 2026-11-21.
func cli(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		now:    func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) },
		getenv: func(string) string { return "" },
	}
	e.logger = newLogger(&errb)
	code := e.exec(context.Background(), args)
	return out.String(), errb.String(), code
}

const mini = "../../dataset/testdata/mini"

// expectRun checks a run of caravan: its exit status, and that want
// appears in its stdout or stderr.
func expectRun(t *testing.T, out, errs string, code, wantCode int, want string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("exit = %d, want %d\nstdout: %s\nstderr: %s", code, wantCode, out, errs)
	}
	if !strings.Contains(out+errs, want) {
		t.Errorf("output lacks %q\nstdout: %s\nstderr: %s", want, out, errs)
	}
}

func TestCLIExitCodes(t *testing.T) {
	for _, tt := range []struct {
		name     string
		args     []string
		code     int
		inOutput string // expected in stdout+stderr
	}{
		{"help", []string{"help"}, exitOK, "usage: caravan <command>"},
		{"no command", nil, exitUsage, "usage: caravan <command>"},
		{"unknown command", []string{"fly"}, exitUsage, `unknown command "fly"`},
		{"route ok", []string{"route", "Almaty", "Mazar", "--data", mini, "--as-of", "2024-06-01"}, exitOK, "total: 1718 km"},
		{"route in Persian", []string{"route", "آلماتی", "حیرتان", "--data", mini, "--as-of", "2024-06-01"}, exitOK, "Almaty (KZ) → Hairatan (AF)"},
		{"route unknown place", []string{"route", "Almati", "Mazar", "--data", mini}, exitError, "unknown place \"Almati\"; closest:\n  kz-almaty"},
		{"route same place", []string{"route", "Almaty", "kz-almaty", "--data", mini}, exitUsage, "TO: origin and destination are the same place"},
		{"route no route as of", []string{"route", "Almaty", "Mazar", "--data", mini, "--as-of", "2025-01-15", "--avoid", "rail"}, exitError,
			"no route from kz-almaty to af-mazar as of 2025-01-15"},
		{"route bad date", []string{"route", "Almaty", "Mazar", "--data", mini, "--as-of", "2025-13-01"}, exitUsage, "--as-of: date \"2025-13-01\""},
		{"route bad criterion", []string{"route", "Almaty", "Mazar", "--by", "fast"}, exitUsage, `--by: criterion "fast"`},
		{"route bad number", []string{"route", "Almaty", "Mazar", "--teu", "many"}, exitUsage, `--teu: "many" is not a number`},
		{"route unknown flag", []string{"route", "Almaty", "Mazar", "--fast"}, exitUsage, "flag provided but not defined: -fast"},
		{"route one argument", []string{"route", "Almaty"}, exitUsage, "want FROM and TO"},
		{"route unknown avoid", []string{"route", "Almaty", "Mazar", "--data", mini, "--avoid", "Atlantis"}, exitError, `--avoid: no place matches "Atlantis"`},
		{"places", []string{"places", "هیرتان", "--data", mini}, exitOK, "af-hairatan"},
		{"places builtin Dari", []string{"places", "حیرتان"}, exitOK, "af-hairatan"},
		{"places builtin Iranian", []string{"places", "هیرتان"}, exitOK, "af-hairatan"},
		{"places builtin English", []string{"places", "Hairatan"}, exitOK, "af-hairatan"},
		{"places builtin country", []string{"places", "--country", "tm", "--json"}, exitOK, `"id": "tm-turkmenbashi"`},
		{"places unknown country", []string{"places", "--country", "XX"}, exitError, `unknown country "XX"`},
		{"route builtin Persian names", []string{"route", "آلماتی", "تهران", "--modes", "rail", "--as-of", "2026-11-21"}, exitOK, "Almaty (KZ) → Tehran (IR)"},
		{"route border name", []string{"route", "Torkham", "Kabul"}, exitOK, "Torkham (Afghan side) (AF) → Kabul (AF)"},
		{"route border name towards it", []string{"route", "Peshawar", "Torkham"}, exitOK, "Peshawar (PK) → Torkham (Pakistani side) (PK)"},
		{"places none", []string{"places", "zzzz", "--data", mini}, exitError, `no place matches "zzzz"`},
		{"validate mini", []string{"validate", mini}, exitOK, "ok: 7 places"},
		{"validate missing dir", []string{"validate", "no/such/dir"}, exitError, "no such file or directory"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := cli(t, tt.args...)
			expectRun(t, out, errs, code, tt.code, tt.inOutput)
		})
	}
}

func TestCLIJSON(t *testing.T) {
	out, errs, code := cli(t, "route", "Almaty", "Mazar", "--data", mini, "--as-of", "2024-06-01", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "{") || !strings.Contains(out, `"legs": [`) || !strings.Contains(out, `"geometry": {`) {
		t.Errorf("not an itinerary in JSON: %s", out)
	}
	out, _, code = cli(t, "validate", "--json", mini)
	if code != exitOK || !strings.Contains(out, `"ok": true`) {
		t.Errorf("validate --json: %d %s", code, out)
	}
}

// TestValidateMalformed copies the mini dataset, breaks one file and
// expects file:line and field in the report and a non-zero exit.
func TestValidateMalformed(t *testing.T) {
	dir := t.TempDir()
	entries, err := os.ReadDir(mini)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(mini, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "links.csv" {
			b = bytes.Replace(b, []byte("uz-tashkent,uz-termez,rail,1520,700"), []byte("uz-tashkent,uz-termez,rail,1520,-700"), 1)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := cli(t, "validate", dir)
	if code != exitError {
		t.Errorf("exit = %d, want %d", code, exitError)
	}
	if want := "links.csv:6: km: negative value -700"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s%s", want, out, errs)
	}
	_, errs, code = cli(t, "route", "Almaty", "Mazar", "--data", dir)
	if code != exitError || !strings.Contains(errs, "links.csv:6: km: negative value") {
		t.Errorf("route on a broken dataset: exit %d, stderr %s", code, errs)
	}
}
