package main

import (
	"context"
	"fmt"
	"text/tabwriter"
)

// runPlaces lists places, optionally those whose name (in any language)
// contains QUERY.
func runPlaces(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("places", "[QUERY]",
		"List places; with QUERY, those whose id or name (English, Persian, Dari, Russian, variants) contains it.")
	fs.String("country", "", "only places in this country (ISO 3166-1 alpha-2 code)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("want at most one QUERY, got %d arguments (quote names with spaces)", len(pos))
	}
	e.positional = map[string]string{"q": "QUERY"}
	svc, err := e.service(ctx, *dataDir, "")
	if err != nil {
		return err
	}
	p := params(fs, nil)
	if len(pos) == 1 {
		p["q"] = pos[0]
	}
	q, err := svc.ParsePlaceQuery(p)
	if err != nil {
		return err
	}
	rows, err := svc.Places(q)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, rows)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tname\tPersian\tcountry\tkind\tlon\tlat\tmatched")
	for _, r := range rows {
		fa := r.Names.Fa
		if r.Names.Prs != "" {
			fa += " / " + r.Names.Prs
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%s\n", r.ID, r.Names.En, fa, r.Country, r.Kind, r.Lon, r.Lat, r.Matched)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d place(s)\n", len(rows))
	return nil
}
