package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/internal/shareddata"
)

// TestSmoke times SiouxFalls once with every tool but tap-b and draws a
// curve.
func TestSmoke(t *testing.T) {
	shareddata.Path(t, "data/tntp/SiouxFalls")
	var out, errs bytes.Buffer
	args := []string{"-networks", "SiouxFalls", "-runs", "1", "-curves", "SiouxFalls", "-curve-time", "20s"}
	if err := run(context.Background(), args, &out, &errs); err != nil {
		t.Fatalf("run: %v\n%s\n%s", err, out.String(), errs.String())
	}
	got := out.String()
	for _, want := range []string{"| SiouxFalls | caravan B (CLI) |", "| assign-only binary, B |", "3 ms / 5 ms / 7 ms, 2 MB", "Gap against time on SiouxFalls", "| b |"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, args := range [][]string{{"-runs", "0"}, {"-networks", "Atlantis"}, {"-curves", "x"}, {"extra"}, {"-nosuchflag"}} {
		var errs bytes.Buffer
		if _, err := parse(args, &errs); err == nil {
			t.Errorf("parse(%q): no error", args)
		}
	}
}
