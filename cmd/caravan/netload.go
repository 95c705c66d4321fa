package main

import (
	"context"
	"io/fs"

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
