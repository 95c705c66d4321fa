package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
)

// placeRow is a place as `caravan places` prints it.
type placeRow struct {
	ID      string        `json:"id"`
	Names   network.Names `json:"names"`
	Country string        `json:"country"`
	Kind    string        `json:"kind"`
	Lon     float64       `json:"lon"`
	Lat     float64       `json:"lat"`
	Matched string        `json:"matched,omitempty"` // the name the query matched
}

// runPlaces lists places, optionally those whose name (in any language)
// contains QUERY.
func runPlaces(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("places", "[QUERY]",
		"List places; with QUERY, those whose id or name (English, Persian, Dari, Russian, variants) contains it.")
	country := fs.String("country", "", "only places in this country (ISO 3166-1 alpha-2 code)")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("want at most one QUERY, got %d arguments (quote names with spaces)", len(pos))
	}
	n, err := loadNetwork(ctx, *dataDir)
	if err != nil {
		return err
	}
	cc := strings.ToUpper(*country)
	if cc != "" {
		if _, ok := n.Country(cc); !ok {
			return caravan.Errorf(caravan.NotFound, "", "--country: unknown country %q", *country)
		}
	}
	query := ""
	if len(pos) == 1 {
		query = pos[0]
	}
	rows := matchPlaces(n, query, cc)
	if len(rows) == 0 {
		msg := fmt.Sprintf("no place matches %q", query)
		if cc != "" {
			msg += " in " + cc
		}
		if ms := n.FindPlaces(query); len(ms) > 0 {
			msg += "; closest:"
			for _, m := range ms {
				msg += fmt.Sprintf("\n  %-22s %s (%s)", m.Place.ID, m.Place.Names.En, m.Place.Country)
			}
		}
		return caravan.Errorf(caravan.NotFound, "", "%s", msg)
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

// matchPlaces returns the places of country cc (all when empty) whose id or
// folded name contains the folded query, ordered by country then id.
func matchPlaces(n *network.Network, query, cc string) []placeRow {
	key := network.FoldName(query)
	var rows []placeRow
	for _, p := range n.Places() {
		if cc != "" && p.Country != cc {
			continue
		}
		matched := ""
		if key != "" {
			if strings.Contains(p.ID, strings.ToLower(query)) {
				matched = p.ID
			}
			for _, name := range p.Names.All() {
				if matched == "" && strings.Contains(network.FoldName(name), key) {
					matched = name
				}
			}
			if matched == "" {
				continue
			}
			if matched == p.Names.En || matched == p.ID {
				matched = ""
			}
		}
		rows = append(rows, placeRow{ID: p.ID, Names: p.Names, Country: p.Country, Kind: p.Kind.String(),
			Lon: p.Loc.Lon(), Lat: p.Loc.Lat(), Matched: matched})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Country != rows[j].Country {
			return rows[i].Country < rows[j].Country
		}
		return rows[i].ID < rows[j].ID
	})
	return rows
}
