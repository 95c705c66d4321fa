// Package archtest enforces the import rules that keep caravan's layers
// apart: the domain knows no adapter, algorithms know no database or HTTP,
// and only cmd/caravan wires adapters together.
package archtest

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/caravan-transport/caravan"

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	cmd := exec.Command("go", "list", "-json", module+"/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var pkgs []pkg
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// layer returns the layer of a package of the module.
func layer(path string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "", "network", "kb", "trade", "scenario":
		return "domain"
	case "csr", "graph", "route", "ch", "assign", "extract", "jalali", "roadgrid":
		return "algorithm"
	case "cmd":
		return "cmd"
	case "internal":
		return "internal"
	default: // dataset, store, server, importer, tntp, dimacs, web ...
		return "adapter"
	}
}

// forbidden lists, per layer, import path prefixes it must not depend on
// (directly or indirectly).
var forbidden = map[string][]string{
	"domain": {"database/sql", "net/http", module + "/store", module + "/dataset", module + "/server",
		module + "/graph", module + "/route", module + "/cmd", "modernc.org/sqlite", "github.com/jackc/pgx"},
	"algorithm": {"database/sql", "net/http", module + "/store", module + "/server", module + "/cmd",
		"modernc.org/sqlite", "github.com/jackc/pgx"},
	"adapter": {module + "/cmd"},
}

func TestImportRules(t *testing.T) {
	for _, p := range listPackages(t) {
		l := layer(p.ImportPath)
		for _, dep := range p.Deps {
			for _, bad := range forbidden[l] {
				if dep == bad || strings.HasPrefix(dep, bad+"/") {
					t.Errorf("%s (%s) depends on %s", p.ImportPath, l, dep)
				}
			}
		}
	}
}
