package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/network"
)

// runValidate checks a dataset directory (or the built-in dataset) and
// lists every problem with file:line and field.
func runValidate(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("validate", "[DIR]", "Check a dataset directory in caravan's CSV format (default: the built-in dataset).")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("want at most one directory, got %d arguments", len(pos))
	}
	fsys, where := dataset.Builtin(), "built-in dataset"
	if len(pos) == 1 {
		where = pos[0]
		if fsys, err = dataset.Dir(pos[0]); err != nil {
			return err
		}
	}
	n, err := dataset.Load(ctx, fsys)
	var ve *network.ValidationError
	if err != nil && !errors.As(err, &ve) {
		return err
	}
	type result struct {
		Dataset  string            `json:"dataset"`
		OK       bool              `json:"ok"`
		Summary  string            `json:"summary,omitempty"`
		Problems []network.Problem `json:"problems,omitempty"`
	}
	res := result{Dataset: where, OK: ve == nil}
	if ve != nil {
		res.Problems = ve.Problems
	} else {
		res.Summary = dataset.Summary(n)
	}
	if *asJSON {
		if err := writeJSON(e.stdout, res); err != nil {
			return err
		}
	} else if ve == nil {
		fmt.Fprintf(e.stdout, "%s: ok: %s\n", where, res.Summary)
	} else {
		for _, p := range ve.Problems {
			fmt.Fprintln(e.stdout, p.String())
		}
	}
	if ve != nil {
		return caravan.Errorf(caravan.Invalid, "", "%s: %d problem(s)", where, len(ve.Problems))
	}
	return nil
}
