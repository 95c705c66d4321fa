package main

import (
	"context"
	"os"

	"github.com/caravan-transport/caravan/importer"
	"github.com/caravan-transport/caravan/service"
)

// isNetExport reports whether export's arguments ask for the network
// (caravan export geojson|csv ...) rather than the knowledge base. A
// knowledge-base export into a directory named "csv" or "geojson" is
// written ./csv.
func isNetExport(args []string) bool {
	return len(args) > 0 && (args[0] == "geojson" || args[0] == "csv")
}

// runExportNet writes the curated network (its places and links) as
// GeoJSON or as CSV files.
func runExportNet(ctx context.Context, e *env, args []string) error {
	format, args := args[0], args[1:]
	fs, _ := e.newFlags("export "+format, "",
		"Write the curated network (the built-in dataset, or --data DIR) as GeoJSON (a LineString per link,\n"+
			"drawn straight between its places, and a Point per place) or as CSV files nodes.csv, edges.csv and\n"+
			"places.csv. Imported networks are written by caravan import osm|geojson --out DIR.")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	def := "-"
	if format == "csv" {
		def = ""
	}
	out := fs.String("out", def, "GeoJSON: output `FILE` (- for standard output); CSV: output directory (required)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("unexpected arguments %q", pos)
	}
	if format == "csv" && *out == "" {
		return usagef("--out: want the directory to write nodes.csv, edges.csv and places.csv into")
	}
	cur, err := service.LoadNetwork(ctx, *dataDir)
	if err != nil {
		return err
	}
	net := importer.FromNetwork(cur)
	if format == "csv" {
		return importer.WriteCSV(*out, net)
	}
	if *out == "-" {
		return importer.WriteGeoJSON(e.stdout, net)
	}
	return writeNetGeoJSON(*out, net)
}

// writeNetGeoJSON writes net as GeoJSON (importer.WriteGeoJSON) into the
// file path.
func writeNetGeoJSON(path string, net *importer.Network) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	werr := importer.WriteGeoJSON(f, net)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}
