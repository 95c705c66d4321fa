package graph

import (
	"fmt"
	"strings"
	"sync"

	"github.com/caravan-transport/caravan"
)

// RailService is the kind of rail service a shipment books, which a
// forwarder knows when booking: it sets how much of the day a train moves
// and how long it stands at a border.
type RailService uint8

// The rail services.
const (
	// BlockTrain is a scheduled container (block) train that runs as one
	// train from origin to destination, a whole train transshipped at a
	// gauge break included: rail_moving_share_block[_<cc>] of the day
	// moving, at most block_train_border_hours at a rail border. The
	// default.
	BlockTrain RailService = iota
	// Wagonload is conventional wagonload: wagons, or containers on
	// platforms, carried in ordinary freight trains, marshalled on the way
	// and cleared at borders like CAREC's average shipment:
	// rail_moving_share[_<cc>] of the day moving, the crossing's own dwell.
	Wagonload
	numRailServices
)

var railServiceNames = [...]string{"block", "wagonload"}

// String returns "block" or "wagonload".
func (s RailService) String() string {
	if s < numRailServices {
		return railServiceNames[s]
	}
	return fmt.Sprintf("rail_service(%d)", uint8(s))
}

// ParseRailService parses "block" or "wagonload"; "" is BlockTrain.
func ParseRailService(s string) (RailService, error) {
	if s == "" {
		return BlockTrain, nil
	}
	for i, n := range railServiceNames {
		if n == strings.ToLower(s) {
			return RailService(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "rail service %q: want block or wagonload", s)
}

// MarshalText writes the service name.
func (s RailService) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses the service name (see ParseRailService).
func (s *RailService) UnmarshalText(b []byte) error {
	v, err := ParseRailService(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// step is a change made to a compiled graph (a scenario applied, news
// closures added), kept so that For can make it again on another
// service's graph.
type step func(*Graph) (*Graph, error)

// variants caches the graphs of the other rail services and road
// clearances of one graph: graphs[service][tir].
type variants struct {
	mu     sync.Mutex
	graphs [numRailServices][2]*Graph
}

// ForService returns the graph of the same network, scenarios and road
// clearance whose rail arcs are those of service s (see For).
func (g *Graph) ForService(s RailService) (*Graph, error) { return g.For(s, g.TIR) }

// For returns the graph of the same network and scenarios whose rail arcs
// are those of service s and whose road border crossings are cleared under
// TIR carnets when tir is set: g itself when it already is, else a graph
// compiled once for them (with g's scenarios and news closures applied
// again) and kept. The
// structure (states, CSR order of arcs) is the same, so arc and node
// numbers carry over. Safe for concurrent use.
func (g *Graph) For(s RailService, tir bool) (*Graph, error) {
	if s == g.Service && tir == g.TIR {
		return g, nil
	}
	if s >= numRailServices {
		return nil, caravan.Errorf(caravan.Invalid, "graph.For", "unknown rail service %d", s)
	}
	if g.variants == nil { // a graph not made by Compile or Apply
		return nil, caravan.Errorf(caravan.Internal, "graph.For", "graph has no variant cache")
	}
	t := 0
	if tir {
		t = 1
	}
	g.variants.mu.Lock()
	defer g.variants.mu.Unlock()
	if v := g.variants.graphs[s][t]; v != nil {
		return v, nil
	}
	v, err := CompileVariant(g.Net, s, tir)
	if err != nil {
		return nil, err
	}
	for _, st := range g.steps {
		if v, err = st(v); err != nil {
			return nil, err
		}
	}
	g.variants.graphs[s][t] = v
	return v, nil
}
