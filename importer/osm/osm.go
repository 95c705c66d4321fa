// Package osm imports rail, road and ferry networks from OpenStreetMap PBF
// files into an importer.Network.
//
// Read streams the file three times. A first, cheap pass checks the file's
// framing (block and blob sizes, block types), which osmpbf trusts and
// would otherwise turn into huge allocations or a crash in its decoding
// goroutines. Then github.com/paulmach/osm/osmpbf reads it twice. The
// first of these passes reads ways and relations: it keeps the ways of the wanted
// modes (railway=rail; highway=* of the classes in RoadSpeeds; route=ferry),
// their node references and a few tags, counts how many kept ways use each
// node (a node used twice, or at a way's end, is a junction), and counts
// relation members that are not in the file. The last pass reads nodes:
// the coordinates of the referenced nodes, and stations and terminals
// (railway=station|halt, public_transport=station, amenity=ferry_terminal).
// Memory is bounded by the kept ways and their nodes (plus eight bytes per
// way of the file, for the relation check), not by the file.
//
// Ways are split at junctions into edges that keep their geometry. A way
// node missing from the file (a dangling reference, or a node outside the
// bounding box) cuts the way there; dangling references are counted as
// warnings, as are relation members missing from the file; neither is an
// error. Tag values that are not valid UTF-8 or longer than MaxTagBytes, on
// the ways and nodes Read keeps, are errors of kind Invalid naming the
// element. A truncated
// or corrupt file is an error of kind Invalid naming the file.
package osm

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/osm"
	"github.com/paulmach/osm/osmpbf"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/importer"
	"github.com/caravan-transport/caravan/network"
)

// Options select what Read imports. The zero value imports rail only.
type Options struct {
	// Modes to import: network.Rail, network.Road, network.Ferry. Empty
	// means rail only.
	Modes []network.Mode
	// BBox, if not empty, keeps only nodes inside it (lon, lat); ways are
	// cut where they leave it.
	BBox orb.Bound
	// SnapKm is the radius within which a station snaps to a node
	// (default 2 km).
	SnapKm float64
	// Progress, if not nil, is called now and then with the pass (1:
	// ways and relations, 2: nodes), the bytes of the file that pass has
	// decoded and the size of the file.
	Progress func(pass int, done, total int64)
	// Procs is the number of decoding goroutines (default 1).
	Procs int
}

// RoadSpeeds gives the default speed in km/h of each highway class that
// Read imports; ways of other classes (footway, path, cycleway, ...) are
// left out. A maxspeed tag in km/h overrides it.
var RoadSpeeds = map[string]float64{
	"motorway": 100, "motorway_link": 60,
	"trunk": 90, "trunk_link": 50,
	"primary": 80, "primary_link": 50,
	"secondary": 70, "secondary_link": 40,
	"tertiary": 60, "tertiary_link": 40,
	"unclassified": 50, "residential": 30, "living_street": 10,
	"service": 20, "track": 15, "road": 40,
}

// RailSpeeds gives the default speed in km/h of rail by usage=* (and of
// yard, siding and spur tracks by service=*); "" is the default.
var RailSpeeds = map[string]float64{
	"": 80, "main": 100, "branch": 60, "industrial": 30, "military": 40, "tourism": 40, "test": 60,
	"yard": 20, "siding": 20, "spur": 20, "crossover": 20,
}

// FerrySpeed is the speed of a ferry route without a duration tag, km/h.
const FerrySpeed = 20.0

// MaxTagBytes bounds the length of a tag value that Read keeps; longer
// values (or values that are not valid UTF-8) are an error of kind Invalid.
const MaxTagBytes = 4096

// way is a kept way.
type way struct {
	id       int64
	mode     network.Mode
	oneway   int8 // 0 two-way, 1 forward, -1 backward
	kmh      float64
	hours    float64 // ferry duration, 0 if not tagged
	class    string
	gauge    int
	elec     string
	usage    string
	service  string
	name     string
	firstRef int // into refs
	nrefs    int
}

// Read imports the PBF file at path. See the package documentation.
func Read(ctx context.Context, path string, opt Options) (*importer.Network, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "osm.Read", "%v", err)
	}
	defer f.Close()
	return ReadSeeker(ctx, f, path, opt)
}

// ReadSeeker imports a PBF stream that can be rewound for the second pass;
// name labels errors.
func ReadSeeker(ctx context.Context, r io.ReadSeeker, name string, opt Options) (net *importer.Network, err error) {
	const op = "osm.Read"
	// osmpbf runs its decoders in goroutines; a panic there is not ours to
	// catch, but one in the scanning goroutine is turned into an error.
	defer func() {
		if p := recover(); p != nil {
			net, err = nil, caravan.Errorf(caravan.Invalid, op, "%s: corrupt PBF: %v", name, p)
		}
	}()
	modes := map[network.Mode]bool{}
	for _, m := range opt.Modes {
		modes[m] = true
	}
	if len(modes) == 0 {
		modes[network.Rail] = true
	}
	if opt.SnapKm <= 0 {
		opt.SnapKm = 2
	}
	procs := max(opt.Procs, 1)
	im := &reader{name: name, modes: modes, opt: opt}

	// Pass 0: the file's framing, which osmpbf trusts.
	size, err := checkFraming(r)
	if err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%s: corrupt or truncated PBF: %v", name, err)
	}
	im.counts.Bytes = size
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, caravan.Errorf(caravan.Internal, op, "%s: rewind: %v", name, err)
	}
	// Pass 1: ways and relations.
	sc := osmpbf.New(ctx, r, procs)
	sc.SkipNodes = true
	if err := im.pass1(sc); err != nil {
		sc.Close()
		return nil, err
	}
	sc.Close()
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, caravan.Errorf(caravan.Internal, op, "%s: rewind: %v", name, err)
	}
	// Pass 2: nodes.
	sc = osmpbf.New(ctx, r, procs)
	sc.SkipWays, sc.SkipRelations = true, true
	if err := im.pass2(sc); err != nil {
		sc.Close()
		return nil, err
	}
	sc.Close()
	out := im.build()
	out.Snap(opt.SnapKm)
	return out, nil
}

type reader struct {
	name  string
	modes map[network.Mode]bool
	opt   Options

	ways   []way
	refs   []int64
	allWay []int64 // ids of every way in the file, for relation members
	relMem []int64 // way members of relations
	rels   map[int64]bool
	relRel []int64 // relation members of relations
	nodes  []int64 // referenced node ids, sorted, unique
	uses   []uint8 // by nodes: kept ways using it (saturating), +2 at way ends
	locs   []orb.Point
	found  []bool
	places []importer.Place
	warn   importer.Warnings
	counts importer.Counts
}

func hasBox(b orb.Bound) bool { return b != orb.Bound{} }

func (im *reader) fail(err error) error {
	var ce *caravan.Error
	if errors.As(err, &ce) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return caravan.Errorf(caravan.Invalid, "osm.Read", "%s: corrupt or truncated PBF: %v", im.name, err)
}

// checkTags rejects tag values that are not UTF-8 or too long.
func (im *reader) checkTags(kind string, id int64, tags osm.Tags) error {
	for _, t := range tags {
		if len(t.Value) > MaxTagBytes || len(t.Key) > MaxTagBytes {
			return caravan.Errorf(caravan.Invalid, "osm.Read", "%s: %s %d: tag %.40q is %d bytes, more than %d", im.name, kind, id, t.Key, len(t.Value)+len(t.Key), MaxTagBytes)
		}
		if !utf8.ValidString(t.Value) || !utf8.ValidString(t.Key) {
			return caravan.Errorf(caravan.Invalid, "osm.Read", "%s: %s %d: tag %.40q is not valid UTF-8", im.name, kind, id, t.Key)
		}
	}
	return nil
}

func (im *reader) progress(pass int, sc *osmpbf.Scanner, i int) {
	if im.opt.Progress != nil && i%65536 == 0 {
		im.opt.Progress(pass, sc.FullyScannedBytes(), im.counts.Bytes)
	}
}

func (im *reader) pass1(sc *osmpbf.Scanner) error {
	im.rels = map[int64]bool{}
	i := 0
	for sc.Scan() {
		i++
		im.progress(1, sc, i)
		switch o := sc.Object().(type) {
		case *osm.Way:
			im.counts.Ways++
			im.allWay = append(im.allWay, int64(o.ID))
			w, ok := im.classify(o)
			if !ok {
				continue
			}
			switch w.mode {
			case network.Rail:
				im.counts.RailWays++
				im.counts.RailRefs += len(o.Nodes)
			case network.Road:
				im.counts.RoadWays++
			case network.Ferry:
				im.counts.FerryWays++
			}
			if err := im.checkTags("way", int64(o.ID), o.Tags); err != nil {
				return err
			}
			if len(o.Nodes) < 2 {
				im.warn.Skipped++
				continue
			}
			w.firstRef, w.nrefs = len(im.refs), len(o.Nodes)
			for _, nd := range o.Nodes {
				im.refs = append(im.refs, int64(nd.ID))
			}
			im.ways = append(im.ways, w)
		case *osm.Relation:
			im.counts.Relations++
			im.rels[int64(o.ID)] = true
			for _, m := range o.Members {
				switch m.Type {
				case osm.TypeWay:
					im.relMem = append(im.relMem, m.Ref)
				case osm.TypeRelation:
					im.relRel = append(im.relRel, m.Ref)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return im.fail(err)
	}
	if im.opt.Progress != nil {
		im.opt.Progress(1, im.counts.Bytes, im.counts.Bytes)
	}
	// Relation members (references) not in the file.
	slices.Sort(im.allWay)
	for _, id := range im.relMem {
		if _, ok := slices.BinarySearch(im.allWay, id); !ok {
			if im.warn.MissingMembers == 0 {
				im.warn.Add("%s: relations reference way %d, which is not in the file", im.name, id)
			}
			im.warn.MissingMembers++
			im.warn.MissingWayMembers++
		}
	}
	for _, id := range im.relRel {
		if !im.rels[id] {
			im.warn.MissingMembers++
		}
	}
	im.allWay, im.relMem, im.relRel, im.rels = nil, nil, nil, nil
	// Referenced nodes and their use counts.
	im.nodes = slices.Clone(im.refs)
	slices.Sort(im.nodes)
	im.nodes = slices.Compact(im.nodes)
	im.uses = make([]uint8, len(im.nodes))
	for _, w := range im.ways {
		refs := im.refs[w.firstRef : w.firstRef+w.nrefs]
		for j, id := range refs {
			k, _ := slices.BinarySearch(im.nodes, id)
			add := uint8(1)
			if j == 0 || j == len(refs)-1 {
				add = 2
			}
			im.uses[k] = min(im.uses[k], 250) + add
		}
	}
	im.locs = make([]orb.Point, len(im.nodes))
	im.found = make([]bool, len(im.nodes))
	return nil
}

// classify decides whether a way is kept and reads its tags.
func (im *reader) classify(o *osm.Way) (way, bool) {
	t := o.Tags
	w := way{id: int64(o.ID), name: t.Find("name")}
	switch {
	case im.modes[network.Rail] && t.Find("railway") == "rail":
		w.mode, w.class = network.Rail, "rail"
		w.gauge, _ = strconv.Atoi(t.Find("gauge"))
		w.elec, w.usage, w.service = t.Find("electrified"), t.Find("usage"), t.Find("service")
		w.kmh = RailSpeeds[w.usage]
		if s, ok := RailSpeeds[w.service]; ok && w.service != "" {
			w.kmh = s
		}
	case im.modes[network.Road] && RoadSpeeds[t.Find("highway")] > 0:
		w.mode, w.class = network.Road, t.Find("highway")
		w.kmh = RoadSpeeds[w.class]
		switch t.Find("oneway") {
		case "yes", "true", "1":
			w.oneway = 1
		case "-1", "reverse":
			w.oneway = -1
		}
		if strings.HasPrefix(w.class, "motorway") && t.Find("oneway") == "" {
			w.oneway = 1
		}
	case im.modes[network.Ferry] && t.Find("route") == "ferry":
		w.mode, w.class, w.kmh = network.Ferry, "ferry", FerrySpeed
		w.hours = parseDuration(t.Find("duration"))
	default:
		return w, false
	}
	if v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(t.Find("maxspeed"), " km/h")), 64); err == nil && v > 0 && v < 500 {
		w.kmh = v
	}
	return w, true
}

// parseDuration reads an OSM duration ("hh:mm", "hh:mm:ss" or minutes) in
// hours, 0 if it cannot.
func parseDuration(s string) float64 {
	if s == "" {
		return 0
	}
	parts := strings.Split(s, ":")
	var h float64
	mult := []float64{1, 1.0 / 60, 1.0 / 3600}
	if len(parts) == 1 {
		m, err := strconv.ParseFloat(s, 64)
		if err != nil || m < 0 {
			return 0
		}
		return m / 60
	}
	for i, p := range parts {
		if i >= len(mult) {
			return 0
		}
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || v < 0 {
			return 0
		}
		h += v * mult[i]
	}
	return h
}

func (im *reader) pass2(sc *osmpbf.Scanner) error {
	bbox := im.opt.BBox
	useBox := hasBox(bbox)
	i := 0
	for sc.Scan() {
		i++
		im.progress(2, sc, i)
		o, ok := sc.Object().(*osm.Node)
		if !ok {
			continue
		}
		im.counts.Nodes++
		p := orb.Point{o.Lon, o.Lat}
		if useBox && !bbox.Contains(p) {
			continue
		}
		if k, ok := slices.BinarySearch(im.nodes, int64(o.ID)); ok {
			im.locs[k], im.found[k] = p, true
		}
		if kind := placeKind(o.Tags); kind != "" {
			if err := im.checkTags("node", int64(o.ID), o.Tags); err != nil {
				return err
			}
			name := o.Tags.Find("name")
			if name == "" {
				name = o.Tags.Find("name:en")
			}
			im.places = append(im.places, importer.Place{SourceID: int64(o.ID), Name: name, Kind: kind, Loc: p})
		}
	}
	if err := sc.Err(); err != nil {
		return im.fail(err)
	}
	if im.opt.Progress != nil {
		im.opt.Progress(2, im.counts.Bytes, im.counts.Bytes)
	}
	return nil
}

// placeKind returns the kind of a station or terminal node, "" for others.
func placeKind(t osm.Tags) string {
	switch r := t.Find("railway"); r {
	case "station", "halt":
		return r
	}
	if t.Find("public_transport") == "station" && t.Find("train") == "yes" {
		return "station"
	}
	if t.Find("amenity") == "ferry_terminal" {
		return "ferry_terminal"
	}
	return ""
}

// build splits the kept ways at junctions into edges.
func (im *reader) build() *importer.Network {
	out := &importer.Network{Warnings: im.warn, Counts: im.counts}
	index := make([]int32, len(im.nodes)) // node index in out, -1 if none yet
	for i := range index {
		index[i] = -1
	}
	nodeOf := func(k int) int32 {
		if index[k] < 0 {
			index[k] = int32(len(out.Nodes))
			out.Nodes = append(out.Nodes, importer.Node{ID: im.nodes[k], Loc: im.locs[k]})
		}
		return index[k]
	}
	for _, w := range im.ways {
		refs := im.refs[w.firstRef : w.firstRef+w.nrefs]
		var piece []int // indices into im.nodes of the current piece
		flush := func() {
			if len(piece) < 2 {
				return
			}
			for _, p := range importer.SplitLoop(piece) {
				line := make(orb.LineString, len(p))
				for i, k := range p {
					line[i] = im.locs[k]
				}
				e := importer.Edge{
					From: nodeOf(p[0]), To: nodeOf(p[len(p)-1]), Mode: w.mode, KmPerHour: w.kmh,
					Class: w.class, GaugeMM: w.gauge, Electrified: w.elec, Usage: w.usage,
					Service: w.service, Name: w.name, SourceID: w.id, Geometry: line,
					Oneway: w.oneway != 0,
				}
				e.Km = importer.LineKm(line)
				if w.oneway < 0 {
					e.From, e.To = e.To, e.From
					slices.Reverse(e.Geometry)
				}
				if w.hours > 0 && e.Km > 0 {
					e.KmPerHour = e.Km / w.hours // whole way; pieces share the speed
				}
				out.Edges = append(out.Edges, e)
			}
		}
		for j, id := range refs {
			k, _ := slices.BinarySearch(im.nodes, id)
			if !im.found[k] {
				// A dangling reference (or a node outside the box) cuts the way.
				if !hasBox(im.opt.BBox) {
					if out.Warnings.DanglingRefs == 0 {
						out.Warnings.Add("%s: way %d references node %d, which is not in the file", im.name, w.id, id)
					}
					out.Warnings.DanglingRefs++
				}
				flush()
				piece = piece[:0]
				continue
			}
			if len(piece) > 0 && piece[len(piece)-1] == k {
				continue // a repeated node
			}
			piece = append(piece, k)
			if len(piece) >= 2 && (im.uses[k] >= 2 || j == len(refs)-1) {
				flush()
				piece = append(piece[:0], k)
			}
		}
	}
	out.Places = im.places
	return out
}

// Modes parses a comma-separated list of modes ("rail,road,ferry").
func Modes(s string) ([]network.Mode, error) {
	var out []network.Mode
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		m, err := network.ParseMode(f)
		if err != nil || (m != network.Rail && m != network.Road && m != network.Ferry) {
			return nil, caravan.Errorf(caravan.Invalid, "", "mode %q: want rail, road or ferry", f)
		}
		out = append(out, m)
	}
	return out, nil
}

// ParseBBox parses "W,S,E,N" in degrees.
func ParseBBox(s string) (orb.Bound, error) {
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return orb.Bound{}, caravan.Errorf(caravan.Invalid, "", "bbox %q: want W,S,E,N", s)
	}
	var v [4]float64
	for i, x := range f {
		var err error
		v[i], err = strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil || math.IsNaN(v[i]) || math.IsInf(v[i], 0) {
			return orb.Bound{}, caravan.Errorf(caravan.Invalid, "", "bbox %q: %q is not a number", s, x)
		}
	}
	if v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 {
		return orb.Bound{}, caravan.Errorf(caravan.Invalid, "", "bbox %q: want W<E and S<N within ±180, ±90", s)
	}
	return orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}, nil
}
