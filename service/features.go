package service

import "github.com/paulmach/orb"

// FeatureCollection is a GeoJSON FeatureCollection (RFC 7946). caravan
// writes only points and line strings, so these few types suffice; they
// keep a BSON driver (which orb/geojson imports) out of the binary.
type FeatureCollection struct {
	Type     string     `json:"type"`            // "FeatureCollection"
	AsOf     string     `json:"as_of,omitempty"` // the date a network map shows
	Features []*Feature `json:"features"`
}

// Feature is a GeoJSON Feature.
type Feature struct {
	Type       string   `json:"type"` // "Feature"
	ID         string   `json:"id,omitempty"`
	Geometry   Geometry `json:"geometry"`
	Properties any      `json:"properties"` // a map or a struct of properties

}

// Geometry is a GeoJSON Point or LineString; coordinates are lon, lat.
type Geometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

func newCollection() *FeatureCollection {
	return &FeatureCollection{Type: "FeatureCollection", Features: []*Feature{}}
}

func pointFeature(p orb.Point, props any) *Feature {
	return &Feature{Type: "Feature", Geometry: Geometry{"Point", [2]float64(p)}, Properties: props}
}

func lineFeature(props any, pts ...orb.Point) *Feature {
	cs := make([][2]float64, len(pts))
	for i, p := range pts {
		cs[i] = [2]float64(p)
	}
	return &Feature{Type: "Feature", Geometry: Geometry{"LineString", cs}, Properties: props}
}

func (fc *FeatureCollection) add(f *Feature) { fc.Features = append(fc.Features, f) }
