package tntp_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/tntp"
)

func TestFindFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"berlin-center_net.tntp", "berlin-center_TRIPS.tntp", "readme.md", "x_node.tntp"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := tntp.FindFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := tntp.Files{Net: filepath.Join(dir, "berlin-center_net.tntp"), Trips: filepath.Join(dir, "berlin-center_TRIPS.tntp"), Nodes: filepath.Join(dir, "x_node.tntp")}
	if f != want {
		t.Errorf("FindFiles = %+v, want %+v", f, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "other_net.tntp"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := tntp.FindFiles(dir); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("two net files: %v, want invalid", err)
	}
	if _, err := tntp.FindFiles(t.TempDir()); caravan.KindOf(err) != caravan.NotFound {
		t.Errorf("empty dir: %v, want not found", err)
	}
	if _, err := tntp.FindFiles(filepath.Join(dir, "nope")); caravan.KindOf(err) != caravan.NotFound {
		t.Errorf("missing dir: %v, want not found", err)
	}
}
