package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestSmoke runs the harness on a small grid, with CH, with straight cuts
// and with street classes, and checks that every distance agrees.
func TestSmoke(t *testing.T) {
	for _, args := range [][]string{
		{"-grid", "40", "-pairs", "50", "-check", "50", "-customize", "1", "-ch"},
		{"-grid", "40", "-straight", "-build-only"},
		{"-grid", "40", "-class", "-pairs", "30", "-check", "30", "-customize", "1", "-updates=false"},
	} {
		var out, errs bytes.Buffer
		if err := run(context.Background(), args, &out, &errs); err != nil {
			t.Fatalf("run %q: %v\n%s\n%s", args, err, out.String(), errs.String())
		}
		for _, want := range []string{"roadgrid 40×40", "supergraph arcs"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("run %q: output lacks %q:\n%s", args, want, out.String())
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, args := range [][]string{{"-grid", "1"}, {"-pairs", "0"}, {"extra"}, {"-nosuchflag"}} {
		var out, errs bytes.Buffer
		if err := run(context.Background(), args, &out, &errs); err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}
