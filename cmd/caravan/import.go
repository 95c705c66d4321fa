package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/kb"
)

// runImport reads records from CSV files or a JSON document into the
// knowledge base, all or nothing.
func runImport(ctx context.Context, e *env, args []string) error {
	if isNetImport(args) {
		return runImportNet(ctx, e, args)
	}
	fs, asJSON := e.newFlags("import", "PATH",
		"Read records into the knowledge base from PATH: a directory of CSV files in the dataset format\n"+
			"(sources.csv, agreements.csv, agreement_history.csv, projects.csv, project_history.csv,\n"+
			"project_links.csv, trade.csv, documents.csv, facts.csv; any subset) or a .json file as caravan\n"+
			"export --format json writes it (- reads JSON from standard input). Records are added or replace those\n"+
			"with the same id. Every malformed row is reported with its file and line, and then nothing is written:\n"+
			"the import is one transaction.")
	db := dbFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one PATH (a directory of CSV files, a .json file or -)")
	}
	b, err := readBundle(ctx, e.stdin, pos[0])
	if err != nil {
		return err
	}
	s, err := e.openKB(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := kb.Check(ctx, s, b); err != nil {
		return caravan.Errorf(caravan.Invalid, "", "nothing imported: %w", err)
	}
	st, err := s.Apply(ctx, b)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, st)
	}
	_, err = fmt.Fprintf(e.stdout, "imported %d records: %s\n", b.Len(), st)
	return err
}

// readBundle reads path: a directory of CSV files, a JSON file, or JSON
// on stdin for "-".
func readBundle(ctx context.Context, stdin io.Reader, path string) (*kb.Bundle, error) {
	if path == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, caravan.Errorf(caravan.Unavailable, "", "read stdin: %w", err)
		}
		return dataset.ReadJSON("stdin", data)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "", "%w", err)
	}
	if st.IsDir() {
		fsys, err := dataset.Dir(path)
		if err != nil {
			return nil, err
		}
		return dataset.ReadKnowledge(ctx, fsys)
	}
	if !strings.EqualFold(filepath.Ext(path), ".json") {
		return nil, usagef("%s: want a directory of CSV files or a .json file", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, caravan.Errorf(caravan.Unavailable, "", "%w", err)
	}
	return dataset.ReadJSON(filepath.Base(path), data)
}
