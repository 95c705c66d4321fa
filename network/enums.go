package network

import (
	"slices"
	"strconv"
	"strings"

	"github.com/caravan-transport/caravan"
)

// Mode is a means of transport.
type Mode uint8

// The modes. Ferry is a scheduled crossing that carries wagons or trucks
// (the Caspian ferries); Sea is a container or bulk ship leg.
const (
	Road Mode = iota + 1
	Rail
	Ferry
	Sea
	Air
)

var modeNames = [...]string{"", "road", "rail", "ferry", "sea", "air"}

// Modes lists every mode in order.
var Modes = []Mode{Road, Rail, Ferry, Sea, Air}

// String returns the mode in lower case ("rail").
func (m Mode) String() string {
	if int(m) < len(modeNames) && m != 0 {
		return modeNames[m]
	}
	return "mode(" + strconv.Itoa(int(m)) + ")"
}

// ParseMode parses "road", "rail", "ferry", "sea" or "air".
func ParseMode(s string) (Mode, error) {
	for i, n := range modeNames {
		if i > 0 && n == s {
			return Mode(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "mode %q: want road, rail, ferry, sea or air", s)
}

// ParseLegModes parses the modes of a route's legs between its waypoints
// as the CLI's --leg-modes, the API's leg_modes and observations.csv's
// leg_modes column spell them: the legs separated by '/', the modes of a
// leg by ',' ("rail/road/rail", "rail,road//rail"); an empty leg allows
// every mode. Case and spaces around a name do not matter, and a mode
// given twice in a leg counts once. An empty or blank string gives nil.
// An unknown mode is an Invalid error naming its leg (1-based).
func ParseLegModes(s string) ([][]Mode, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	legs := strings.Split(s, "/")
	out := make([][]Mode, len(legs))
	for k, leg := range legs {
		for _, name := range strings.Split(leg, ",") {
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			m, err := ParseMode(name)
			if err != nil {
				return nil, caravan.Errorf(caravan.Invalid, "", "leg %d: %v", k+1, err)
			}
			if !slices.Contains(out[k], m) {
				out[k] = append(out[k], m)
			}
		}
	}
	return out, nil
}

// MarshalText writes the mode name.
func (m Mode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a mode name.
func (m *Mode) UnmarshalText(b []byte) error {
	v, err := ParseMode(string(b))
	*m = v
	return err
}

// Gauge is a rail track gauge in millimetres; 0 means "no gauge" (every mode
// but rail).
type Gauge uint16

// The gauges of the region: standard (China, Iran, Türkiye, the Khaf–Herat
// line), Russian broad (the former Soviet network and Afghanistan's northern
// lines) and Indian broad (Pakistan).
const (
	Standard   Gauge = 1435
	Broad1520  Gauge = 1520
	Indian1676 Gauge = 1676
)

// Valid reports whether g is one of the three gauges of the region.
func (g Gauge) Valid() bool { return g == Standard || g == Broad1520 || g == Indian1676 }

// String returns "1520 mm", or "-" for no gauge.
func (g Gauge) String() string {
	if g == 0 {
		return "-"
	}
	return strconv.Itoa(int(g)) + " mm"
}

// ParseGauge parses a gauge in millimetres ("1520"); the empty string gives 0.
func ParseGauge(s string) (Gauge, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || !Gauge(n).Valid() {
		return 0, caravan.Errorf(caravan.Invalid, "", "gauge %q: want 1435, 1520 or 1676 (mm)", s)
	}
	return Gauge(n), nil
}

// Status is the state of a link, crossing, transfer or project.
type Status uint8

// The statuses. Only Operational links carry traffic; the others can be
// opened by a scenario.
const (
	Operational Status = iota + 1
	UnderConstruction
	Planned   // an agreement or feasibility study exists
	Proposed  // announced only
	Suspended // built but not carrying traffic (closed, disrupted)
)

var statusNames = [...]string{"", "operational", "under_construction", "planned", "proposed", "suspended"}

// String returns the status in snake case ("under_construction").
func (s Status) String() string {
	if int(s) < len(statusNames) && s != 0 {
		return statusNames[s]
	}
	return "status(" + strconv.Itoa(int(s)) + ")"
}

// ParseStatus parses a status name.
func ParseStatus(s string) (Status, error) {
	for i, n := range statusNames {
		if i > 0 && n == s {
			return Status(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "status %q: want operational, under_construction, planned, proposed or suspended", s)
}

// MarshalText writes the status name.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a status name.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	*s = v
	return err
}

// PlaceKind says what a place is for freight.
type PlaceKind uint8

// The kinds of place.
const (
	City PlaceKind = iota + 1
	BorderPost
	DryPort
	SeaPort
	RailJunction
	FerryTerminal
)

var placeKindNames = [...]string{"", "city", "border_post", "dry_port", "sea_port", "rail_junction", "ferry_terminal"}

// String returns the kind in snake case ("border_post").
func (k PlaceKind) String() string {
	if int(k) < len(placeKindNames) && k != 0 {
		return placeKindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// ParsePlaceKind parses a place kind name.
func ParsePlaceKind(s string) (PlaceKind, error) {
	for i, n := range placeKindNames {
		if i > 0 && n == s {
			return PlaceKind(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "place kind %q: want city, border_post, dry_port, sea_port, rail_junction or ferry_terminal", s)
}

// MarshalText writes the kind name.
func (k PlaceKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind name.
func (k *PlaceKind) UnmarshalText(b []byte) error {
	v, err := ParsePlaceKind(string(b))
	*k = v
	return err
}

// TransferKind says how a transfer moves cargo between two states at a place.
type TransferKind uint8

// The transfer kinds.
const (
	GaugeChange   TransferKind = iota + 1 // bogie or wheelset exchange: the wagon goes on
	Transshipment                         // the load moves between wagons of two gauges
	RailRoad                              // between train and truck
	RailFerry                             // wagons onto or off a ferry
	RoadFerry                             // trucks onto or off a ferry
	PortHandling                          // between a ship and land transport
)

var transferKindNames = [...]string{"", "gauge_change", "transshipment", "rail_road", "rail_ferry", "road_ferry", "port_handling"}

// String returns the kind in snake case ("gauge_change").
func (k TransferKind) String() string {
	if int(k) < len(transferKindNames) && k != 0 {
		return transferKindNames[k]
	}
	return "transfer(" + strconv.Itoa(int(k)) + ")"
}

// ParseTransferKind parses a transfer kind name.
func ParseTransferKind(s string) (TransferKind, error) {
	for i, n := range transferKindNames {
		if i > 0 && n == s {
			return TransferKind(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "transfer kind %q: want gauge_change, transshipment, rail_road, rail_ferry, road_ferry or port_handling", s)
}

// MarshalText writes the kind name.
func (k TransferKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind name.
func (k *TransferKind) UnmarshalText(b []byte) error {
	v, err := ParseTransferKind(string(b))
	*k = v
	return err
}
