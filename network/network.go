package network

import (
	"sort"
)

// Data is the raw content of a dataset, as a loader reads it. New checks it
// and turns it into a Network.
type Data struct {
	Sources    []Source
	Countries  []Country
	Places     []Place
	Rates      []Rate
	Links      []Link // domestic links and border crossings (Crossing != nil)
	Transfers  []Transfer
	Closures   []Closure
	Projects   []Project
	Parameters []Parameter
}

// Network is an immutable, validated snapshot of the regional network.
// Accessors return shared slices and pointers into them: callers must not
// modify what they get. A Network is safe for concurrent use.
type Network struct {
	d         Data
	sources   map[string]int
	countries map[string]int
	places    map[string]int
	links     map[string]int
	transfers map[string]int
	projects  map[string]int
	params    map[string]int
}

// New validates d, fills in derived values (link lengths from the
// great-circle distance where the data gives none, project histories in date
// order) and returns the Network. When anything is wrong it returns a
// *ValidationError listing every problem with its file:line and field.
func New(d Data) (*Network, error) {
	n := &Network{d: d}
	var ps Problems
	n.sources = index(len(d.Sources), func(i int) (string, Pos) { return d.Sources[i].ID, d.Sources[i].Pos }, "source", &ps)
	n.countries = index(len(d.Countries), func(i int) (string, Pos) { return d.Countries[i].Code, d.Countries[i].Pos }, "country", &ps)
	n.places = index(len(d.Places), func(i int) (string, Pos) { return d.Places[i].ID, d.Places[i].Pos }, "place", &ps)
	n.links = index(len(d.Links), func(i int) (string, Pos) { return d.Links[i].ID, d.Links[i].Pos }, "link", &ps)
	n.transfers = index(len(d.Transfers), func(i int) (string, Pos) { return d.Transfers[i].ID, d.Transfers[i].Pos }, "transfer", &ps)
	n.projects = index(len(d.Projects), func(i int) (string, Pos) { return d.Projects[i].ID, d.Projects[i].Pos }, "project", &ps)
	n.params = index(len(d.Parameters), func(i int) (string, Pos) { return d.Parameters[i].Name, d.Parameters[i].Pos }, "parameter", &ps)
	for i := range n.d.Projects {
		h := n.d.Projects[i].History
		sort.SliceStable(h, func(a, b int) bool { return h[a].Date < h[b].Date })
	}
	n.validate(&ps)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return n, nil
}

// index maps ids to positions, recording empty and duplicate ids.
func index(n int, key func(int) (string, Pos), what string, ps *Problems) map[string]int {
	m := make(map[string]int, n)
	for i := range n {
		id, pos := key(i)
		if id == "" {
			ps.Addf(pos, "id", "%s without an id", what)
			continue
		}
		if j, dup := m[id]; dup {
			_, first := key(j)
			ps.Addf(pos, "id", "duplicate %s id %q (first at %s)", what, id, first)
			continue
		}
		m[id] = i
	}
	return m
}

func lookup[T any](s []T, m map[string]int, id string) (*T, bool) {
	i, ok := m[id]
	if !ok {
		return nil, false
	}
	return &s[i], true
}

// Sources returns every source in file order.
func (n *Network) Sources() []Source { return n.d.Sources }

// Source returns the source with the given id.
func (n *Network) Source(id string) (*Source, bool) { return lookup(n.d.Sources, n.sources, id) }

// Countries returns every country in file order.
func (n *Network) Countries() []Country { return n.d.Countries }

// Country returns the country with the ISO 3166-1 alpha-2 code.
func (n *Network) Country(code string) (*Country, bool) {
	return lookup(n.d.Countries, n.countries, code)
}

// Places returns every place in file order.
func (n *Network) Places() []Place { return n.d.Places }

// Place returns the place with the given id.
func (n *Network) Place(id string) (*Place, bool) { return lookup(n.d.Places, n.places, id) }

// PlaceIndex returns the position of the place with the given id in Places.
func (n *Network) PlaceIndex(id string) (int, bool) {
	i, ok := n.places[id]
	return i, ok
}

// Links returns every link, crossings included, in file order.
func (n *Network) Links() []Link { return n.d.Links }

// Link returns the link (or crossing) with the given id.
func (n *Network) Link(id string) (*Link, bool) { return lookup(n.d.Links, n.links, id) }

// Transfers returns every transfer in file order.
func (n *Network) Transfers() []Transfer { return n.d.Transfers }

// Transfer returns the transfer with the given id.
func (n *Network) Transfer(id string) (*Transfer, bool) {
	return lookup(n.d.Transfers, n.transfers, id)
}

// Closures returns every closure in file order.
func (n *Network) Closures() []Closure { return n.d.Closures }

// Projects returns every project in file order.
func (n *Network) Projects() []Project { return n.d.Projects }

// Project returns the project with the given id.
func (n *Network) Project(id string) (*Project, bool) { return lookup(n.d.Projects, n.projects, id) }

// Rates returns every rate in file order.
func (n *Network) Rates() []Rate { return n.d.Rates }

// Rate returns the rate for mode in country, falling back to the rate for
// mode everywhere (Country == ""). It returns nil when neither exists.
func (n *Network) Rate(country string, mode Mode) *Rate {
	var def *Rate
	for i := range n.d.Rates {
		r := &n.d.Rates[i]
		if r.Mode != mode {
			continue
		}
		if r.Country == country && country != "" {
			return r
		}
		if r.Country == "" {
			def = r
		}
	}
	return def
}

// Parameters returns every parameter in file order.
func (n *Network) Parameters() []Parameter { return n.d.Parameters }

// Parameter returns the parameter with the given name.
func (n *Network) Parameter(name string) (*Parameter, bool) {
	return lookup(n.d.Parameters, n.params, name)
}

// CountryOf returns the country code of the place with the given id, or "".
func (n *Network) CountryOf(placeID string) string {
	if p, ok := n.Place(placeID); ok {
		return p.Country
	}
	return ""
}
