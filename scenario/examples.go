package scenario

import (
	"embed"
	"io/fs"
	"sort"
	"strings"

	"github.com/caravan-transport/caravan"
)

//go:embed examples/*.yaml
var examples embed.FS

// Examples returns the names of the scenarios shipped with caravan (file
// names without .yaml), sorted.
func Examples() []string {
	entries, _ := fs.ReadDir(examples, "examples") // embedded: cannot fail
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}

// Example returns the shipped scenario called name.
func Example(name string) (*Scenario, error) {
	data, err := examples.ReadFile("examples/" + name + ".yaml")
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "", "no shipped scenario %q (have: %s)", name, strings.Join(Examples(), ", "))
	}
	return Parse("examples/"+name+".yaml", data)
}
