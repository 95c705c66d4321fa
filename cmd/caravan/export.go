package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/service"
)

// recordTypes are the record types export and import know, in file order.
var recordTypes = []string{"sources", "agreements", "projects", "figures", "documents", "facts"}

// runExport writes the knowledge base as CSV files or one JSON document.
func runExport(ctx context.Context, e *env, args []string) error {
	if isNetExport(args) {
		return runExportNet(ctx, e, args)
	}
	fs, asJSON := e.newFlags("export", "OUT",
		"Write the knowledge base (sources, agreements, projects, trade figures, documents, facts) as CSV files in\n"+
			"directory OUT (the dataset format: caravan import reads it back) or, with --format json, as one JSON\n"+
			"document in file OUT (- for standard output).")
	db := dbFlag(fs)
	format := fs.String("format", "csv", "csv (a directory of files) or json (one file)")
	only := fs.String("only", "", "comma-separated record `TYPES` to export (default all: "+strings.Join(recordTypes, ",")+")")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one OUT (a directory for csv, a file or - for json)")
	}
	if *format != "csv" && *format != "json" {
		return usagef("--format: %q: want csv or json", *format)
	}
	types, err := parseTypes(*only)
	if err != nil {
		return err
	}
	s, err := e.openKB(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	b, err := service.ReadAll(ctx, s)
	if err != nil {
		return err
	}
	b = selectTypes(b, types)
	out := pos[0]
	var written []string
	switch *format {
	case "csv":
		if out == "-" {
			return usagef("csv export needs a directory, not -")
		}
		if written, err = dataset.WriteCSV(out, b); err != nil {
			return err
		}
	case "json":
		if out == "-" {
			return dataset.WriteJSON(e.stdout, b)
		}
		f, err := os.Create(out)
		if err != nil {
			return caravan.Errorf(caravan.Invalid, "", "%w", err)
		}
		if err := dataset.WriteJSON(f, b); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return caravan.Errorf(caravan.Unavailable, "", "%w", err)
		}
		written = []string{out}
	}
	summary := map[string]int{"sources": len(b.Sources), "agreements": len(b.Agreements), "projects": len(b.Projects),
		"figures": len(b.Figures), "documents": len(b.Documents), "facts": len(b.Facts)}
	if *asJSON {
		return writeJSON(e.stdout, map[string]any{"files": written, "records": summary})
	}
	_, err = fmt.Fprintf(e.stdout, "exported %d records (%s) to %s\n", b.Len(), countsText(summary), strings.Join(written, ", "))
	return err
}

// parseTypes reads the --only list; empty means every type.
func parseTypes(s string) (map[string]bool, error) {
	types := map[string]bool{}
	for _, t := range service.SplitList(s) {
		if !slices.Contains(recordTypes, t) {
			return nil, usagef("--only: unknown record type %q (want %s)", t, strings.Join(recordTypes, ", "))
		}
		types[t] = true
	}
	if len(types) == 0 {
		for _, t := range recordTypes {
			types[t] = true
		}
	}
	return types, nil
}

func selectTypes(b *kb.Bundle, types map[string]bool) *kb.Bundle {
	out := &kb.Bundle{}
	if types["sources"] {
		out.Sources = b.Sources
	}
	if types["agreements"] {
		out.Agreements = b.Agreements
	}
	if types["projects"] {
		out.Projects = b.Projects
	}
	if types["figures"] {
		out.Figures = b.Figures
	}
	if types["documents"] {
		out.Documents = b.Documents
	}
	if types["facts"] {
		out.Facts = b.Facts
	}
	return out
}

func countsText(m map[string]int) string {
	var parts []string
	for _, t := range recordTypes {
		if m[t] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[t], t))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
