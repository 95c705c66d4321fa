package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/caravan-transport/caravan/importer"
	"github.com/caravan-transport/caravan/importer/geojson"
	"github.com/caravan-transport/caravan/importer/osm"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/service"
)

// isNetImport reports whether import's arguments ask for a network import
// (caravan import osm|geojson FILE ...) rather than the knowledge base.
func isNetImport(args []string) bool {
	return len(args) > 0 && (args[0] == "osm" || args[0] == "geojson")
}

// runImportNet imports a network from an OpenStreetMap PBF file or GeoJSON
// files, prints a summary and the warnings, and writes the network as
// GeoJSON and CSV files with --out.
func runImportNet(ctx context.Context, e *env, args []string) error {
	format, args := args[0], args[1:]
	var (
		summary string
		usage   string
	)
	switch format {
	case "osm":
		usage, summary = "FILE.osm.pbf", "Import rail (railway=rail), road (highway=*) and ferry (route=ferry) ways from an OpenStreetMap\n"+
			"PBF file: ways split at junctions with their geometry, stations and ferry terminals snapped to the\n"+
			"nearest node. Missing relation members and dangling node references are counted as warnings."
	default:
		usage, summary = "FILE.geojson [STATIONS.geojson ...]", "Import a network from GeoJSON LineString features (lines) and Point features (stations), joined\n"+
			"where coordinates are equal. --map names a JSON mapping of properties (see the importer/geojson\n"+
			"package documentation); the default suits OpenStreetMap railway extracts."
	}
	fs, asJSON := e.newFlags("import "+format, usage, summary+
		"\nWith --out DIR it writes DIR/network.geojson and DIR/nodes.csv, edges.csv, places.csv.\n"+
		"With --compare it lines the import up with the curated dataset's links of the same mode.")
	out := fs.String("out", "", "write the network to this `DIR`")
	compare := fs.Bool("compare", false, "compare with the curated dataset (see --data, --countries)")
	dataDir := fs.String("data", "", "curated dataset directory for --compare (default the built-in one)")
	countries := fs.String("countries", "", "with --compare: only links touching these comma-separated `CODES` (e.g. AF,TM)")
	refine := fs.Bool("refine", false, "with --compare: list the curated links whose derived lengths the import refines (importer.Refine) and check that the refined network validates")
	replace := fs.Bool("replace", false, "with --refine: replace sourced lengths of the compared region too (the old length and its sources stay in the link's note)")
	mergeOut := fs.String("merge-out", "", "with --refine: write the merged dataset to this `DIR` (load it with --data DIR in route, assign, serve)")
	var modes, bbox, mapping *string
	if format == "osm" {
		modes = fs.String("modes", "rail", "comma-separated modes to import: rail, road, ferry")
		bbox = fs.String("bbox", "", "keep only nodes inside `W,S,E,N` (degrees)")
	} else {
		mapping = fs.String("map", "", "property mapping `CONFIG` (JSON)")
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || (format == "osm" && len(pos) != 1) {
		return usagef("want %s", usage)
	}
	if *refine && !*compare {
		return usagef("--refine needs --compare")
	}
	if (*replace || *mergeOut != "") && !*refine {
		return usagef("--replace and --merge-out need --refine")
	}
	start := time.Now()
	var net *importer.Network
	if format == "osm" {
		opt := osm.Options{}
		if opt.Modes, err = osm.Modes(*modes); err != nil {
			return usagef("--modes: %v", err)
		}
		if *bbox != "" {
			if opt.BBox, err = osm.ParseBBox(*bbox); err != nil {
				return usagef("--bbox: %v", err)
			}
		}
		last := time.Now()
		opt.Progress = func(pass int, done, total int64) {
			if time.Since(last) > 2*time.Second && total > 0 {
				last = time.Now()
				fmt.Fprintf(e.stderr, "caravan import osm: pass %d/2: %.0f%%\n", pass, 100*float64(done)/float64(total))
			}
		}
		net, err = osm.Read(ctx, pos[0], opt)
	} else {
		m := geojson.DefaultMapping()
		if *mapping != "" {
			if m, err = geojson.ReadMapping(*mapping); err != nil {
				return err
			}
		}
		net, err = geojson.Read(ctx, m, pos...)
	}
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	var (
		rep     *importer.Report
		refined []importer.Refinement
	)
	if *compare {
		cur, err := service.LoadNetwork(ctx, *dataDir)
		if err != nil {
			return err
		}
		opt := importer.CompareOptions{Countries: service.SplitList(*countries)}
		if len(net.Edges) > 0 {
			opt.Mode = net.Edges[0].Mode
		}
		if rep, err = importer.Compare(net, cur, opt); err != nil {
			return err
		}
		if *refine {
			src := network.Source{ID: "IMPORT", Title: "network import of " + filepath.Base(pos[0])}
			if _, refined, err = importer.Refine(cur, rep, src, importer.RefineOptions{Replace: *replace}); err != nil {
				return err
			}
			if *mergeOut != "" {
				from, err := service.DatasetFS(*dataDir)
				if err != nil {
					return err
				}
				if err := importer.WriteDataset(from, *mergeOut, src, refined); err != nil {
					return err
				}
				if _, err := service.LoadNetwork(ctx, *mergeOut); err != nil {
					return fmt.Errorf("the merged dataset in %s does not load: %w", *mergeOut, err)
				}
			}
		}
	}
	if *out != "" {
		if err := importer.WriteCSV(*out, net); err != nil {
			return err
		}
		if err := writeNetGeoJSON(filepath.Join(*out, "network.geojson"), net); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, struct {
			Nodes    int               `json:"nodes"`
			Edges    int               `json:"edges"`
			Places   int               `json:"places"`
			Counts   importer.Counts   `json:"counts"`
			Warnings importer.Warnings `json:"warnings"`
			Seconds  float64           `json:"seconds"`
		}{len(net.Nodes), len(net.Edges), len(net.Places), net.Counts, net.Warnings, elapsed.Seconds()})
	}
	fmt.Fprintf(e.stdout, "imported %s in %.2f s\n", net.Summary(), elapsed.Seconds())
	fmt.Fprintf(e.stdout, "read %d nodes, %d ways, %d relations\n", net.Counts.Nodes, net.Counts.Ways, net.Counts.Relations)
	fmt.Fprintf(e.stdout, "warnings: %s\n", net.Warnings)
	for _, w := range net.Warnings.Examples {
		fmt.Fprintf(e.stdout, "  %s\n", w)
	}
	if *out != "" {
		fmt.Fprintf(e.stdout, "wrote %s\n", filepath.Join(*out, "{network.geojson,nodes.csv,edges.csv,places.csv}"))
	}
	if rep != nil {
		fmt.Fprintln(e.stdout)
		if err := rep.Write(e.stdout); err != nil {
			return err
		}
	}
	if *refine {
		fmt.Fprintf(e.stdout, "\n%d link lengths refined (the refined network validates):\n", len(refined))
		for _, r := range refined {
			was := "derived"
			if r.OldSourced {
				was = "sourced"
			}
			fmt.Fprintf(e.stdout, "  %s: %.1f (%s) → %.1f km\n", r.LinkID, r.OldKm, was, r.NewKm)
		}
		if *mergeOut != "" {
			fmt.Fprintf(e.stdout, "wrote the merged dataset to %s (use it with --data %s)\n", *mergeOut, *mergeOut)
		}
	}
	return nil
}
