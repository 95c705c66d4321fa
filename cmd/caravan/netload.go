package main

import (
	"context"
	"io/fs"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/service"
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

// splitCSV splits a comma-separated flag value, dropping empty items.
func splitCSV(s string) []string { return service.SplitList(s) }
