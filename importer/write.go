package importer

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
)

// FromNetwork returns a curated network in the importer's plain form, for
// export: one node per place (Ref = place id), one edge per link (Ref = link
// id, Class = its status) drawn as a straight line between its places, and
// one Place per place. Link speeds are the link's own, else the rate of the
// mode in the link's first country, else the regional rate.
func FromNetwork(n *network.Network) *Network {
	out := &Network{}
	places := n.Places()
	for i, p := range places {
		out.Nodes = append(out.Nodes, Node{Loc: p.Loc, Ref: p.ID})
		out.Places = append(out.Places, Place{Name: p.Names.En, Kind: p.Kind.String(), Loc: p.Loc, Node: int32(i), Ref: p.ID, Country: p.Country})
	}
	for _, l := range n.Links() {
		a, ok1 := n.PlaceIndex(l.From)
		b, ok2 := n.PlaceIndex(l.To)
		if !ok1 || !ok2 {
			continue
		}
		e := Edge{From: int32(a), To: int32(b), Mode: l.Mode, Oneway: l.OneWay, Km: l.Km.Value,
			Class: l.Status.String(), GaugeMM: int(l.Gauge), Ref: l.ID,
			Geometry: orb.LineString{places[a].Loc, places[b].Loc}}
		if !l.Km.Known {
			e.Km = math.NaN()
		}
		if l.KmPerHour.Known {
			e.KmPerHour = l.KmPerHour.Value
		} else if r := n.Rate(n.CountryOf(l.From), l.Mode); r != nil {
			e.KmPerHour = r.KmPerHour.Value
		}
		out.Edges = append(out.Edges, e)
	}
	out.Counts.Nodes, out.Counts.Ways = len(out.Nodes), len(out.Edges)
	return out
}

// round rounds x to d decimals, so that exports diff well (6 decimals of a
// degree are about 0.1 m).
func round(x float64, d int) float64 {
	s := math.Pow(10, float64(d))
	return math.Round(x*s) / s
}

func roundLine(ls orb.LineString) orb.LineString {
	out := make(orb.LineString, len(ls))
	for i, p := range ls {
		out[i] = orb.Point{round(p[0], 6), round(p[1], 6)}
	}
	return out
}

// WriteGeoJSON writes n as one FeatureCollection: a LineString per edge
// (properties kind "edge", from, to, mode, km, km_per_hour, class, gauge_mm,
// electrified, usage, service, name, source_id, ref, one_way) and a Point per
// place (kind "place", name, place_kind, node, snap_km, source_id, ref,
// country). Empty properties are left out; coordinates keep 6 decimals.
func WriteGeoJSON(w io.Writer, n *Network) error {
	fc := geojson.NewFeatureCollection()
	for _, e := range n.Edges {
		f := geojson.NewFeature(roundLine(e.Geometry))
		p := f.Properties
		p["kind"] = "edge"
		p["from"], p["to"] = e.From, e.To
		p["mode"] = e.Mode.String()
		if !math.IsNaN(e.Km) {
			p["km"] = round(e.Km, 3)
		}
		set(p, "km_per_hour", e.KmPerHour)
		set(p, "class", e.Class)
		set(p, "gauge_mm", e.GaugeMM)
		set(p, "electrified", e.Electrified)
		set(p, "usage", e.Usage)
		set(p, "service", e.Service)
		set(p, "name", e.Name)
		set(p, "source_id", e.SourceID)
		set(p, "ref", e.Ref)
		if e.Oneway {
			p["one_way"] = true
		}
		fc.Append(f)
	}
	for _, pl := range n.Places {
		f := geojson.NewFeature(orb.Point{round(pl.Loc[0], 6), round(pl.Loc[1], 6)})
		p := f.Properties
		p["kind"] = "place"
		set(p, "name", pl.Name)
		set(p, "place_kind", pl.Kind)
		p["node"] = pl.Node
		set(p, "snap_km", round(pl.SnapKm, 3))
		set(p, "source_id", pl.SourceID)
		set(p, "ref", pl.Ref)
		set(p, "country", pl.Country)
		fc.Append(f)
	}
	b, err := json.Marshal(fc)
	if err != nil {
		return caravan.Errorf(caravan.Internal, "importer.WriteGeoJSON", "%v", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return caravan.Errorf(caravan.Unavailable, "importer.WriteGeoJSON", "%v", err)
	}
	return nil
}

func set[T comparable](p geojson.Properties, key string, v T) {
	var zero T
	if v != zero {
		p[key] = v
	}
}

// WriteCSV writes n into dir as nodes.csv (node, lon, lat, source_id, ref),
// edges.csv (edge, from, to, mode, km, km_per_hour, class, gauge_mm,
// electrified, usage, service, name, source_id, ref, one_way) and
// places.csv (name, kind, lon, lat, node, snap_km, source_id, ref, country),
// creating dir if needed. Geometry is left out: use WriteGeoJSON for it.
func WriteCSV(dir string, n *Network) error {
	const op = "importer.WriteCSV"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return caravan.Errorf(caravan.Unavailable, op, "%v", err)
	}
	f := func(x float64) string {
		if math.IsNaN(x) {
			return ""
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	i64 := func(x int64) string {
		if x == 0 {
			return ""
		}
		return strconv.FormatInt(x, 10)
	}
	itoa := strconv.Itoa
	files := []struct {
		name   string
		header []string
		rows   func(emit func(...string))
	}{
		{"nodes.csv", []string{"node", "lon", "lat", "source_id", "ref"}, func(emit func(...string)) {
			for i, nd := range n.Nodes {
				emit(itoa(i), f(round(nd.Loc[0], 7)), f(round(nd.Loc[1], 7)), i64(nd.ID), nd.Ref)
			}
		}},
		{"edges.csv", []string{"edge", "from", "to", "mode", "km", "km_per_hour", "class", "gauge_mm", "electrified", "usage", "service", "name", "source_id", "ref", "one_way"}, func(emit func(...string)) {
			for i, e := range n.Edges {
				g := ""
				if e.GaugeMM != 0 {
					g = itoa(e.GaugeMM)
				}
				ow := ""
				if e.Oneway {
					ow = "yes"
				}
				emit(itoa(i), itoa(int(e.From)), itoa(int(e.To)), e.Mode.String(), f(round(e.Km, 3)), f(e.KmPerHour), e.Class, g, e.Electrified, e.Usage, e.Service, e.Name, i64(e.SourceID), e.Ref, ow)
			}
		}},
		{"places.csv", []string{"name", "kind", "lon", "lat", "node", "snap_km", "source_id", "ref", "country"}, func(emit func(...string)) {
			for _, p := range n.Places {
				emit(p.Name, p.Kind, f(round(p.Loc[0], 7)), f(round(p.Loc[1], 7)), itoa(int(p.Node)), f(round(p.SnapKm, 3)), i64(p.SourceID), p.Ref, p.Country)
			}
		}},
	}
	for _, file := range files {
		path := filepath.Join(dir, file.name)
		out, err := os.Create(path)
		if err != nil {
			return caravan.Errorf(caravan.Unavailable, op, "%v", err)
		}
		cw := csv.NewWriter(out)
		cw.Write(file.header)
		file.rows(func(rec ...string) { cw.Write(rec) })
		cw.Flush()
		err = cw.Error()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return caravan.Errorf(caravan.Unavailable, op, "%s: %v", path, err)
		}
	}
	return nil
}
