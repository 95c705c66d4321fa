package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// TestMain lets the test binary serve as the LdDl/ch child process, which
// pathbench starts as os.Executable() with -child.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "-child" {
		if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSmoke runs every tool on a small synthetic grid and checks that the
// table reports all distances equal.
func TestSmoke(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-graphs", "roadgrid", "-grid", "30", "-large-pairs", "40", "-sssp", "1"}
	if err := run(context.Background(), args, &out, &errs); err != nil {
		t.Fatalf("run: %v\n%s\n%s", err, out.String(), errs.String())
	}
	got := out.String()
	for _, want := range []string{"| roadgrid-900 (900 nodes", "caravan Dijkstra (csr)", "caravan CH", "caravan CCH", "gonum v0.17.0 Dijkstra", "LdDl/ch v1.7.5", "40/40 equal"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "differ") {
		t.Errorf("distances differ:\n%s", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, args := range [][]string{{"-pairs", "0"}, {"-grid", "1"}, {"extra"}, {"-nosuchflag"}} {
		var errs bytes.Buffer
		if _, err := parse(args, &errs); err == nil {
			t.Errorf("parse(%q): no error", args)
		}
	}
}
