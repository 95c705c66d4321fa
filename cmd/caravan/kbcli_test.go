package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// kbcli runs caravan with args, the environment vars and stdin given, and
// returns stdout, stderr and the exit status.
func kbcli(t *testing.T, vars map[string]string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		now:    func() time.Time { return time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC) },
		getenv: func(k string) string { return vars[k] },
	}
	e.logger = newLogger(&errb)
	code := e.exec(context.Background(), args)
	return out.String(), errb.String(), code
}

// tempDB returns the path of a new knowledge base in a temporary directory.
func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "kb.db") }

// mustRun runs a command that must succeed and returns its stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := kbcli(t, nil, "", args...)
	if code != exitOK {
		t.Fatalf("caravan %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}
