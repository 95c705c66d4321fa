// Package archtest enforces caravan's layers as an allow-list: domain,
// algorithm, adapter, service, and at the edge the command line and the
// HTTP server side by side. Each layer imports only the layers inside it
// and the third-party packages its row names; a package in no layer fails.
package archtest

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
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

// The layers, from the inside out. A package may import packages of its
// own layer and of the layers its row allows, and only the third-party
// packages its row lists (by prefix; their own dependencies are theirs).
// Test-only imports are not checked.
const (
	domain    = "domain"    // the model: places, links, agreements, figures, scenarios
	algorithm = "algorithm" // graphs, searches, assignment, extraction
	adapter   = "adapter"   // files and databases: dataset, store, importers, readers
	service   = "service"   // the one layer both edges call
	edge      = "edge"      // the command line and the HTTP server
	internal  = "internal"  // test helpers
)

// layerOf maps the first path element of a package of the module to its
// layer. A new top-level package must be added here.
var layerOf = map[string]string{
	"":          domain,
	"network":   domain,
	"kb":        domain,
	"trade":     domain,
	"scenario":  domain,
	"script":    domain,
	"textcheck": domain,
	"jalali":    domain,

	"csr":      algorithm,
	"graph":    algorithm,
	"route":    algorithm,
	"ch":       algorithm,
	"cch":      algorithm,
	"assign":   algorithm,
	"extract":  algorithm,
	"roadgrid": algorithm,
	// The formats of the benchmark problems the algorithms are measured
	// on: readers of io.Readers into csr graphs, with no database.
	"tntp":   algorithm,
	"dimacs": algorithm,

	"dataset":  adapter,
	"store":    adapter,
	"importer": adapter,

	"service": service,

	"cmd":    edge,
	"server": edge,
	"web":    edge, // the embedded web map: embed and io/fs only

	"internal": internal,
}

// rules says, per layer, which layers of the module it may import and
// which third-party packages.
var rules = map[string]struct {
	layers     []string
	thirdParty []string
}{
	domain:    {[]string{domain}, []string{"github.com/paulmach/orb", "go.yaml.in/yaml/v3", "golang.org/x/text"}},
	algorithm: {[]string{domain, algorithm}, []string{"github.com/paulmach/orb", "golang.org/x/text"}},
	adapter: {[]string{domain, algorithm, adapter}, []string{"github.com/paulmach/orb", "github.com/paulmach/osm", "go.yaml.in/yaml/v3",
		"modernc.org/sqlite", "github.com/jackc/pgx/v5", "github.com/pressly/goose/v3", "golang.org/x/text"}},
	service:  {[]string{domain, algorithm, adapter}, []string{"github.com/paulmach/orb"}},
	edge:     {[]string{domain, algorithm, adapter, service, edge}, []string{"github.com/paulmach/orb", "github.com/prometheus/client_golang"}},
	internal: {[]string{domain, algorithm, adapter, service, internal}, nil},
}

// stdlibOnly lists standard-library packages a layer must not use even
// though they are standard: the domain and the algorithms know no database
// or HTTP.
var stdlibForbidden = map[string][]string{
	domain:    {"database/sql", "net/http"},
	algorithm: {"database/sql", "net/http"},
	adapter:   {"net/http"},
	service:   {"net/http"},
}

func layer(path string) (string, bool) {
	rel := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
	top, _, _ := strings.Cut(rel, "/")
	l, ok := layerOf[top]
	return l, ok
}

func TestImportRules(t *testing.T) {
	for _, p := range listPackages(t) {
		l, ok := layer(p.ImportPath)
		if !ok {
			t.Errorf("%s: not in any layer; add its top-level directory to layerOf", p.ImportPath)
			continue
		}
		r := rules[l]
		for _, imp := range p.Imports {
			switch {
			case imp == module || strings.HasPrefix(imp, module+"/"):
				il, _ := layer(imp)
				if il != l && !slices.Contains(r.layers, il) {
					t.Errorf("%s (%s) imports %s (%s)", p.ImportPath, l, imp, il)
				}
			case !strings.Contains(strings.SplitN(imp, "/", 2)[0], "."): // standard library
				for _, bad := range stdlibForbidden[l] {
					if imp == bad || strings.HasPrefix(imp, bad+"/") {
						t.Errorf("%s (%s) imports %s", p.ImportPath, l, imp)
					}
				}
			default:
				allowed := false
				for _, tp := range r.thirdParty {
					if imp == tp || strings.HasPrefix(imp, tp+"/") {
						allowed = true
					}
				}
				if !allowed {
					t.Errorf("%s (%s) imports third-party %s, which its layer does not allow", p.ImportPath, l, imp)
				}
			}
		}
	}
}
