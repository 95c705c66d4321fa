// Package shareddata locates the shared reference data (TNTP networks, DIMACS
// graphs, seed articles, Natural Earth layers) that lives beside the project,
// outside the repository. Tests use it and skip when the data is absent, so
// `go test ./...` passes on a fresh machine.
package shareddata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// EnvVar names the environment variable that points at the shared directory.
// When it is unset, the directory "shared" beside the module root is used
// (that is, ../shared seen from the repository).
const EnvVar = "CARAVAN_SHARED"

// Root returns the shared directory and whether it exists.
func Root() (string, bool) {
	dir := os.Getenv(EnvVar)
	if dir == "" {
		_, file, _, ok := runtime.Caller(0)
		if !ok {
			return "", false
		}
		// file is <module>/internal/shareddata/shareddata.go.
		dir = filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return dir, false
	}
	return filepath.Clean(dir), true
}

// Path returns the path of rel inside the shared directory, skipping the test
// with a clear message when the directory or the file is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root, ok := Root()
	if !ok {
		tb.Skipf("shared data not found at %s (set %s to its location to run this test)", root, EnvVar)
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data file %s not found (set %s to the shared directory to run this test)", p, EnvVar)
	}
	return p
}
