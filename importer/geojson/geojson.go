// Package geojson imports line networks from GeoJSON FeatureCollections into
// an importer.Network: LineString (and MultiLineString) features become
// lines, Point features stations, as a Mapping says which properties hold
// what.
//
// Topology comes from coordinates: vertices with equal [lon, lat] are one
// node (after rounding to Mapping.Decimals when set), and lines are split
// where a vertex is shared with another line or is a line's end, as in
// importer/osm.
//
// The file is read whole and checked before it is decoded: it must be valid
// UTF-8, and no string (property value or key) may exceed MaxFieldBytes; a
// violation is an error of kind Invalid with the file and line.
package geojson

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/importer"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/textcheck"
)

// MaxFieldBytes bounds the length of one JSON string in the file.
const MaxFieldBytes = 64 * 1024

// MaxFileBytes bounds the size of a file Read accepts (1 GiB).
const MaxFileBytes = 1 << 30

// Mapping says how features become lines and stations. Property names are
// looked up in each feature's properties; an empty name means "not given".
//
// As JSON (every field optional):
//
//	{"mode": "rail", "filter": {"railway": ["rail", "narrow_gauge"]},
//	 "id": "osm_way_id", "name": "name", "class": "railway", "gauge": "gauge",
//	 "speed": "maxspeed", "default_kmh": 80, "oneway": "oneway", "decimals": 0,
//	 "places": {"filter": {"railway": ["station", "halt"]}, "id": "osm_id",
//	            "name": "name", "kind": "railway"},
//	 "snap_km": 2}
type Mapping struct {
	Mode       string              `json:"mode"`        // rail, road or ferry: the mode of every line
	Filter     map[string][]string `json:"filter"`      // keep lines whose properties have one of these values (all keys must match)
	ID         string              `json:"id"`          // property holding a numeric id
	Name       string              `json:"name"`        // property holding the name
	Class      string              `json:"class"`       // property copied to Edge.Class
	Gauge      string              `json:"gauge"`       // property holding the gauge in mm
	Speed      string              `json:"speed"`       // property holding the speed in km/h
	DefaultKmh float64             `json:"default_kmh"` // speed when Speed is absent (default 80 rail, 60 road, 20 ferry)
	Oneway     string              `json:"oneway"`      // property that is "yes"/true for one-way lines
	Decimals   int                 `json:"decimals"`    // round coordinates to this many decimals before matching (0: exact)
	Places     struct {
		Filter map[string][]string `json:"filter"`
		ID     string              `json:"id"`
		Name   string              `json:"name"`
		Kind   string              `json:"kind"`
	} `json:"places"`
	SnapKm float64 `json:"snap_km"` // station snap radius (default 2 km)
}

// DefaultMapping suits the OpenStreetMap railway extracts of the shared data
// (osm_rail_central_asia): rail and narrow-gauge lines, stations and halts.
func DefaultMapping() Mapping {
	m := Mapping{
		Mode:   "rail",
		Filter: map[string][]string{"railway": {"rail", "narrow_gauge"}},
		ID:     "osm_way_id", Name: "name", Class: "railway", Gauge: "gauge", Speed: "maxspeed",
	}
	m.Places.Filter = map[string][]string{"railway": {"station", "halt"}}
	m.Places.ID, m.Places.Name, m.Places.Kind = "osm_id", "name", "railway"
	return m
}

// ReadMapping reads a Mapping from a JSON file; fields it does not set keep
// the values of DefaultMapping. Unknown fields are an error.
func ReadMapping(path string) (Mapping, error) {
	m := DefaultMapping()
	b, err := os.ReadFile(path)
	if err != nil {
		return m, caravan.Errorf(caravan.NotFound, "geojson.ReadMapping", "%v", err)
	}
	if err := checkText(path, b); err != nil {
		return m, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, caravan.Errorf(caravan.Invalid, "geojson.ReadMapping", "%s: %v", path, err)
	}
	if _, err := m.mode(); err != nil {
		return m, caravan.Errorf(caravan.Invalid, "geojson.ReadMapping", "%s: %v", path, err)
	}
	return m, nil
}

func (m Mapping) mode() (network.Mode, error) {
	if m.Mode == "" {
		return network.Rail, nil
	}
	md, err := network.ParseMode(m.Mode)
	if err != nil || (md != network.Rail && md != network.Road && md != network.Ferry) {
		return 0, fmt.Errorf("mode %q: want rail, road or ferry", m.Mode)
	}
	return md, nil
}

// Read imports the GeoJSON files at paths (a lines file and a stations file,
// say) into one network. See the package documentation.
func Read(ctx context.Context, m Mapping, paths ...string) (*importer.Network, error) {
	b, err := newBuilder(m)
	if err != nil {
		return nil, err
	}
	for _, path := range paths {
		data, err := readFile(path)
		if err != nil {
			return nil, err
		}
		if err := b.add(ctx, path, data); err != nil {
			return nil, err
		}
	}
	return b.finish(), nil
}

// Decode imports one FeatureCollection held in data; name labels errors.
func Decode(ctx context.Context, m Mapping, name string, data []byte) (*importer.Network, error) {
	b, err := newBuilder(m)
	if err != nil {
		return nil, err
	}
	if err := b.add(ctx, name, data); err != nil {
		return nil, err
	}
	return b.finish(), nil
}

// newBuilder returns an empty builder for m, or an error of kind Invalid
// for a mode m does not allow.
func newBuilder(m Mapping) (*builder, error) {
	mode, err := m.mode()
	if err != nil {
		return nil, caravan.Errorf(caravan.Invalid, "geojson.Read", "%v", err)
	}
	return &builder{m: m, mode: mode, uses: map[orb.Point]uint8{}}, nil
}

func (b *builder) finish() *importer.Network {
	m := b.m
	out := b.build()
	snap := m.SnapKm
	if snap <= 0 {
		snap = 2
	}
	out.Snap(snap)
	return out
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "geojson.Read", "%v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, caravan.Errorf(caravan.Unavailable, "geojson.Read", "%s: %v", path, err)
	}
	if len(data) > MaxFileBytes {
		return nil, caravan.Errorf(caravan.Invalid, "geojson.Read", "%s: larger than %d bytes", path, MaxFileBytes)
	}
	return data, nil
}

// lineCounter returns lines of increasing offsets in time linear in the
// data.
type lineCounter struct {
	data []byte
	off  int
	line int
}

func (c *lineCounter) at(off int) int {
	off = min(off, len(c.data))
	if off < c.off {
		return textcheck.Line(c.data, off)
	}
	c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
	c.off = off
	return c.line
}

// checkText rejects invalid UTF-8 and JSON strings longer than MaxFieldBytes,
// naming the file and line.
func checkText(name string, data []byte) error {
	if off := textcheck.InvalidUTF8(data); off >= 0 {
		return caravan.Errorf(caravan.Invalid, "geojson.Read", "%s:%d: invalid UTF-8", name, textcheck.Line(data, off))
	}
	if off, n := textcheck.LongJSONString(data, MaxFieldBytes); off >= 0 {
		return caravan.Errorf(caravan.Invalid, "geojson.Read", "%s:%d: a string of %d bytes, more than %d", name, textcheck.Line(data, off), n, MaxFieldBytes)
	}
	return nil
}

// line is a kept line before splitting.
type line struct {
	pts         orb.LineString
	id          int64
	name, class string
	gauge       int
	kmh         float64
	oneway      bool
}

type builder struct {
	m      Mapping
	mode   network.Mode
	lines  []line
	uses   map[orb.Point]uint8
	places []importer.Place
	warn   importer.Warnings
	counts importer.Counts
}

// add decodes one FeatureCollection, feature by feature.
func (b *builder) add(ctx context.Context, name string, data []byte) error {
	const op = "geojson.Read"
	if err := checkText(name, data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	lines := &lineCounter{data: data, line: 1}
	bad := func(off int64, format string, args ...any) error {
		return caravan.Errorf(caravan.Invalid, op, "%s:%d: %s", name, textcheck.Line(data, int(off)), fmt.Sprintf(format, args...))
	}
	// {"type": "FeatureCollection", ..., "features": [ ... ], ...}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return bad(dec.InputOffset(), "want a GeoJSON FeatureCollection object")
	}
	sawFeatures := false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return bad(dec.InputOffset(), "%v", err)
		}
		key, _ := t.(string)
		if key != "features" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return bad(dec.InputOffset(), "%v", err)
			}
			if key == "type" && string(skip) != `"FeatureCollection"` {
				return bad(dec.InputOffset(), "type %s, want \"FeatureCollection\"", skip)
			}
			continue
		}
		sawFeatures = true
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return bad(dec.InputOffset(), "features: want an array")
		}
		for i := 0; dec.More(); i++ {
			if i&1023 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			start := dec.InputOffset()
			var f geojson.Feature
			if err := dec.Decode(&f); err != nil {
				return bad(start, "feature %d: %v", i+1, err)
			}
			b.feature(&f, name, lines.at(int(start)+1))
		}
		if _, err := dec.Token(); err != nil {
			return bad(dec.InputOffset(), "%v", err)
		}
	}
	if !sawFeatures {
		return bad(0, "no \"features\" array")
	}
	return nil
}

// matches reports whether props pass filter.
func matches(props geojson.Properties, filter map[string][]string) bool {
	for k, vals := range filter {
		if !slices.Contains(vals, str(props[k])) {
			return false
		}
	}
	return true
}

// str returns a property value as a string ("" for null or absent).
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

func num(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(x, " km/h")), 64)
		return f, err == nil
	}
	return 0, false
}

func (b *builder) round(p orb.Point) orb.Point {
	if b.m.Decimals <= 0 {
		return p
	}
	s := math.Pow(10, float64(b.m.Decimals))
	return orb.Point{math.Round(p[0]*s) / s, math.Round(p[1]*s) / s}
}

func valid(p orb.Point) bool {
	return p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90
}

func (b *builder) feature(f *geojson.Feature, name string, at int) {
	props := f.Properties
	switch g := f.Geometry.(type) {
	case orb.Point:
		b.counts.Nodes++
		pm := b.m.Places
		if !matches(props, pm.Filter) {
			return
		}
		if !valid(g) {
			b.warn.Skipped++
			b.warn.Add("%s:%d: point %v outside lon ±180, lat ±90", name, at, g)
			return
		}
		id, _ := num(props[pm.ID])
		b.places = append(b.places, importer.Place{SourceID: int64(id), Name: str(props[pm.Name]), Kind: str(props[pm.Kind]), Loc: g})
	case orb.LineString, orb.MultiLineString:
		b.counts.Ways++
		if !matches(props, b.m.Filter) {
			return
		}
		lss := []orb.LineString{}
		if ls, ok := g.(orb.LineString); ok {
			lss = append(lss, ls)
		} else {
			lss = append(lss, g.(orb.MultiLineString)...)
		}
		id, _ := num(props[b.m.ID])
		l := line{id: int64(id), name: str(props[b.m.Name]), class: str(props[b.m.Class])}
		if v, ok := num(props[b.m.Gauge]); ok {
			l.gauge = int(v)
		}
		l.kmh = b.m.DefaultKmh
		if l.kmh <= 0 {
			l.kmh = map[network.Mode]float64{network.Rail: 80, network.Road: 60, network.Ferry: 20}[b.mode]
		}
		if v, ok := num(props[b.m.Speed]); ok && v > 0 && v < 500 {
			l.kmh = v
		}
		switch str(props[b.m.Oneway]) {
		case "yes", "true", "1":
			l.oneway = true
		}
		switch b.mode {
		case network.Rail:
			b.counts.RailWays++
		case network.Road:
			b.counts.RoadWays++
		case network.Ferry:
			b.counts.FerryWays++
		}
		for _, ls := range lss {
			pts := make(orb.LineString, 0, len(ls))
			for _, p := range ls {
				if !valid(p) {
					b.warn.Skipped++
					b.warn.Add("%s:%d: vertex %v outside lon ±180, lat ±90", name, at, p)
					pts = nil
					break
				}
				p = b.round(p)
				if len(pts) > 0 && pts[len(pts)-1] == p {
					continue
				}
				pts = append(pts, p)
			}
			if len(pts) < 2 {
				b.warn.Skipped++
				continue
			}
			if b.mode == network.Rail {
				b.counts.RailRefs += len(pts)
			}
			for j, p := range pts {
				add := uint8(1)
				if j == 0 || j == len(pts)-1 {
					add = 2
				}
				b.uses[p] = min(b.uses[p], 250) + add
			}
			ll := l
			ll.pts = pts
			b.lines = append(b.lines, ll)
		}
	default:
		b.warn.Skipped++
		b.warn.Add("%s:%d: geometry %T not imported", name, at, f.Geometry)
	}
}

// build splits lines at shared vertices into edges.
func (b *builder) build() *importer.Network {
	out := &importer.Network{Warnings: b.warn, Counts: b.counts, Places: b.places}
	index := map[orb.Point]int32{}
	nodeOf := func(p orb.Point) int32 {
		i, ok := index[p]
		if !ok {
			i = int32(len(out.Nodes))
			index[p] = i
			out.Nodes = append(out.Nodes, importer.Node{Loc: p})
		}
		return i
	}
	for _, l := range b.lines {
		start := 0
		for j := 1; j < len(l.pts); j++ {
			if b.uses[l.pts[j]] < 2 && j != len(l.pts)-1 {
				continue
			}
			for _, geom := range importer.SplitLoop(l.pts[start : j+1]) {
				e := importer.Edge{From: nodeOf(geom[0]), To: nodeOf(geom[len(geom)-1]), Mode: b.mode, Oneway: l.oneway, KmPerHour: l.kmh,
					Class: l.class, GaugeMM: l.gauge, Name: l.name, SourceID: l.id, Geometry: slices.Clone(geom)}
				e.Km = importer.LineKm(e.Geometry)
				out.Edges = append(out.Edges, e)
			}
			start = j
		}
	}
	return out
}
