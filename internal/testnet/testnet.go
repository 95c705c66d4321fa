// Package testnet gives tests the small network of dataset/testdata/mini
// (seven places in Kazakhstan, Uzbekistan and Afghanistan, a closure and a
// planned railway) and the shipped regional network.
package testnet

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/network"
)

// MiniDir returns the directory of the mini dataset.
func MiniDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "dataset", "testdata", "mini")
}

// Mini loads the mini dataset, failing tb on error.
func Mini(tb testing.TB) *network.Network {
	tb.Helper()
	fsys, err := dataset.Dir(MiniDir())
	if err != nil {
		tb.Fatal(err)
	}
	n, err := dataset.Load(context.Background(), fsys)
	if err != nil {
		tb.Fatalf("mini dataset: %v", err)
	}
	return n
}

// Builtin loads the shipped dataset, failing tb on error.
func Builtin(tb testing.TB) *network.Network {
	tb.Helper()
	n, err := dataset.Load(context.Background(), dataset.Builtin())
	if err != nil {
		tb.Fatalf("built-in dataset: %v", err)
	}
	return n
}
