package main

import (
	"context"
	"fmt"
	"io/fs"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/network"
)

// loadNetwork loads the dataset in dir, or the built-in one when dir is "".
func loadNetwork(ctx context.Context, dir string) (*network.Network, error) {
	var fsys fs.FS = dataset.Builtin()
	if dir != "" {
		var err error
		if fsys, err = dataset.Dir(dir); err != nil {
			return nil, err
		}
	}
	return dataset.Load(ctx, fsys)
}

// resolvePlace finds the one place that q names (an id or a name in any
// language). An unknown or ambiguous name is an error that lists the closest
// candidates.
func resolvePlace(n *network.Network, what, q string) (*network.Place, error) {
	ms := n.FindPlaces(q)
	if len(ms) == 1 && ms[0].Distance <= 1 {
		return ms[0].Place, nil
	}
	if len(ms) == 0 {
		return nil, caravan.Errorf(caravan.NotFound, "", "%s: no place matches %q", what, q)
	}
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "\n  %-22s %s (%s)", m.Place.ID, m.Place.Names.En, m.Place.Country)
		if m.Name != m.Place.Names.En && m.Name != m.Place.ID {
			fmt.Fprintf(&b, " as %q", m.Name)
		}
	}
	if ms[0].Distance <= 1 {
		return nil, caravan.Errorf(caravan.Invalid, "", "%s: %q is ambiguous; use an id:%s", what, q, b.String())
	}
	return nil, caravan.Errorf(caravan.NotFound, "", "%s: unknown place %q; closest:%s", what, q, b.String())
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
