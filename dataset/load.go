// Package dataset reads the regional network from CSV files (see README.md
// in this directory for the format) and ships the sourced dataset of the
// project embedded in the binary.
package dataset

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/paulmach/orb"
)

//go:embed data/*.csv
var builtin embed.FS

// Builtin returns the dataset shipped with caravan, as a file system whose
// root holds the CSV files.
func Builtin() fs.FS {
	sub, err := fs.Sub(builtin, "data")
	if err != nil {
		panic(err) // cannot happen: "data" is a valid path embedded above
	}
	return sub
}

// Dir returns the dataset in directory dir of the local file system, for
// users who keep their own copy. It fails if dir is not a directory.
func Dir(dir string) (fs.FS, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "dataset.Dir", "%w", err)
	}
	if !st.IsDir() {
		return nil, caravan.Errorf(caravan.Invalid, "dataset.Dir", "%s is not a directory", dir)
	}
	return os.DirFS(dir), nil
}

var (
	sourceCols = []column{
		{name: "id", required: true}, {name: "title", required: true}, {name: "publisher"},
		{name: "url"}, {name: "date"}, {name: "covers"}, {name: "note"},
	}
	nameCols = []column{
		{name: "name_en", required: true}, {name: "name_fa"}, {name: "name_prs"}, {name: "name_ru"}, {name: "alt"},
	}
	countryCols = append([]column{{name: "code", required: true}, {name: "sources"}}, nameCols...)
	placeCols   = append([]column{
		{name: "id", required: true}, {name: "country", required: true}, {name: "kind", required: true},
		{name: "lon", kind: number, required: true}, {name: "lat", kind: number, required: true},
		{name: "hub"}, {name: "sources"}, {name: "note"},
	}, nameCols...)
	rateCols = []column{
		{name: "country"}, {name: "mode", required: true}, {name: "km_per_hour", kind: number},
		{name: "usd_per_tonne_km", kind: number}, {name: "kg_co2_per_tonne_km", kind: number},
		{name: "year"}, {name: "sources"}, {name: "note"},
	}
	linkCols = []column{
		{name: "id", required: true}, {name: "from", required: true}, {name: "to", required: true},
		{name: "mode", required: true}, {name: "gauge"}, {name: "km", kind: number}, {name: "hours", kind: number},
		{name: "km_per_hour", kind: number}, {name: "usd_per_tonne_km", kind: number},
		{name: "usd_per_teu", kind: number}, {name: "capacity_tpy", kind: number},
		{name: "departures_per_week", kind: number}, {name: "headway_cv", kind: number}, {name: "season"},
		{name: "status", required: true}, {name: "open_from"}, {name: "open_until"}, {name: "one_way"},
		{name: "project"}, {name: "corridors"}, {name: "borrowed"}, {name: "sources"}, {name: "note"},
	}
	crossingCols = append([]column{
		{name: "name", required: true}, {name: "dwell_hours", kind: number}, {name: "dwell_p90_hours", kind: number},
		{name: "fee_usd", kind: number}, {name: "data_year"}, {name: "fee_year"},
	}, linkCols...)
	transferCols = []column{
		{name: "id", required: true}, {name: "place", required: true}, {name: "kind", required: true},
		{name: "from_mode", required: true}, {name: "from_gauge"}, {name: "to_mode", required: true}, {name: "to_gauge"},
		{name: "hours", kind: number}, {name: "usd_per_teu", kind: number}, {name: "usd_per_tonne", kind: number},
		{name: "utilization", kind: number},
		{name: "status", required: true}, {name: "open_from"}, {name: "open_until"}, {name: "one_way"},
		{name: "project"}, {name: "borrowed"}, {name: "sources"}, {name: "note"},
	}
	closureCols = []column{
		{name: "id", required: true}, {name: "target", required: true}, {name: "from", required: true},
		{name: "until"}, {name: "reason", required: true}, {name: "sources"},
	}
	projectCols = append([]column{
		{name: "id", required: true}, {name: "countries"}, {name: "kind"},
		{name: "length_km", kind: number}, {name: "cost_usd", kind: number}, {name: "capacity_tpy", kind: number},
		{name: "sources"}, {name: "note"},
	}, nameCols...)
	historyCols = []column{
		{name: "project", required: true}, {name: "date", required: true}, {name: "status", required: true},
		{name: "event", required: true}, {name: "sources"},
	}
	paramCols = []column{
		{name: "name", required: true}, {name: "value", kind: number, required: true}, {name: "unit", required: true},
		{name: "sources"}, {name: "note"},
	}
)

// Load reads the network files of the dataset in fsys, validates them and
// returns the Network. Every problem found (malformed cells, unknown
// references, uncited numbers ...) is reported at once in a
// *network.ValidationError with file:line and field; nothing is silently
// dropped. Files other than the network files are ignored.
func Load(ctx context.Context, fsys fs.FS) (*network.Network, error) {
	var ps network.Problems
	var d network.Data
	steps := []struct {
		file     string
		cols     []column
		optional bool
		each     func(r *row)
	}{
		{"sources.csv", sourceCols, false, func(r *row) { d.Sources = append(d.Sources, readSource(r)) }},
		{"countries.csv", countryCols, false, func(r *row) { d.Countries = append(d.Countries, readCountry(r)) }},
		{"parameters.csv", paramCols, false, func(r *row) { d.Parameters = append(d.Parameters, readParam(r)) }},
		{"places.csv", placeCols, false, func(r *row) { d.Places = append(d.Places, readPlace(r)) }},
		{"rates.csv", rateCols, false, func(r *row) { d.Rates = append(d.Rates, readRate(r)) }},
		{"projects.csv", projectCols, true, func(r *row) { d.Projects = append(d.Projects, readProject(r)) }},
		{"links.csv", linkCols, false, func(r *row) { d.Links = append(d.Links, readLink(r, false)) }},
		{"crossings.csv", crossingCols, false, func(r *row) { d.Links = append(d.Links, readLink(r, true)) }},
		{"transfers.csv", transferCols, true, func(r *row) { d.Transfers = append(d.Transfers, readTransfer(r)) }},
		{"closures.csv", closureCols, true, func(r *row) { d.Closures = append(d.Closures, readClosure(r)) }},
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := readTable(fsys, s.file, s.cols, s.optional, &ps)
		if t == nil {
			continue
		}
		for _, r := range t.rows {
			s.each(r)
		}
	}
	if t := readTable(fsys, "project_history.csv", historyCols, true, &ps); t != nil {
		byID := map[string]int{}
		for i, p := range d.Projects {
			byID[p.ID] = i
		}
		for _, r := range t.rows {
			id := r.req("project")
			h := network.StatusChange{
				Date:    r.date("date"),
				Status:  parse(r, "status", true, network.ParseStatus),
				Event:   r.req("event"),
				Sources: r.cites(),
				Pos:     r.pos(),
			}
			i, ok := byID[id]
			if !ok {
				if id != "" {
					r.addf("project", "unknown project %q", id)
				}
				continue
			}
			d.Projects[i].History = append(d.Projects[i].History, h)
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return network.New(d)
}

func readNames(r *row) network.Names {
	return network.Names{En: r.str("name_en"), Fa: r.str("name_fa"), Prs: r.str("name_prs"), Ru: r.str("name_ru"), Alt: r.list("alt")}
}

func readSource(r *row) network.Source {
	s := network.Source{
		ID: r.req("id"), Title: r.req("title"), Publisher: r.str("publisher"),
		URL: r.str("url"), Date: r.date("date"), Note: r.str("note"), Pos: r.pos(),
	}
	if c := r.str("covers"); c != "" {
		a, b, _ := strings.Cut(c, "..")
		from, err1 := strconv.Atoi(strings.TrimSpace(a))
		until, err2 := strconv.Atoi(strings.TrimSpace(b))
		if err1 != nil || err2 != nil || from > until {
			r.addf("covers", "%q: want YYYY..YYYY", c)
		} else {
			s.Covers = network.YearSpan{From: from, Until: until}
		}
	}
	if s.URL != "" && !strings.Contains(s.URL, "://") && !strings.HasPrefix(s.URL, "doi:") {
		r.addf("url", "%q is not a URL", s.URL)
	}
	return s
}

func readCountry(r *row) network.Country {
	return network.Country{Code: r.req("code"), Names: readNames(r), Sources: r.cites(), Pos: r.pos()}
}

func readParam(r *row) network.Parameter {
	v := r.rng("value")
	return network.Parameter{Name: r.req("name"), Value: v.Value, Min: v.Min, Max: v.Max, Unit: r.req("unit"), Sources: r.cites(), Note: r.str("note"), Pos: r.pos()}
}

func readPlace(r *row) network.Place {
	lon, _ := r.num("lon")
	lat, _ := r.num("lat")
	return network.Place{
		ID: r.req("id"), Names: readNames(r), Country: r.req("country"),
		Kind: parse(r, "kind", true, network.ParsePlaceKind),
		Loc:  orb.Point{lon, lat}, Hub: r.integer("hub"), Sources: r.cites(), Note: r.str("note"), Pos: r.pos(),
	}
}

func readRate(r *row) network.Rate {
	return network.Rate{
		Country: r.str("country"), Mode: parse(r, "mode", true, network.ParseMode),
		KmPerHour: r.rng("km_per_hour"), USDPerTonneKm: r.rng("usd_per_tonne_km"),
		KgCO2PerTonneKm: r.rng("kg_co2_per_tonne_km"), Year: r.integer("year"),
		Sources: r.cites(), Note: r.str("note"), Pos: r.pos(),
	}
}

func readLink(r *row, crossing bool) network.Link {
	l := network.Link{
		ID: r.req("id"), From: r.req("from"), To: r.req("to"),
		Mode:              parse(r, "mode", true, network.ParseMode),
		Gauge:             parse(r, "gauge", false, network.ParseGauge),
		Km:                r.rng("km"),
		Hours:             r.rng("hours"),
		KmPerHour:         r.rng("km_per_hour"),
		USDPerTonneKm:     r.rng("usd_per_tonne_km"),
		USDPerTEU:         r.rng("usd_per_teu"),
		CapacityTPY:       r.rng("capacity_tpy"),
		DeparturesPerWeek: r.rng("departures_per_week"),
		HeadwayCV:         r.rng("headway_cv"),
		Season:            parse(r, "season", false, network.ParseSeason),
		Status:            parse(r, "status", true, network.ParseStatus),
		Open:              r.interval("open_from", "open_until"),
		OneWay:            r.boolean("one_way"),
		Project:           r.str("project"),
		Corridors:         r.list("corridors"),
		Borrowed:          r.list("borrowed"),
		Sources:           r.cites(),
		Note:              r.str("note"),
		Pos:               r.pos(),
	}
	if l.KmPerHour.Known && l.KmPerHour.Value == 0 {
		r.addf("km_per_hour", "speed must be positive")
	}
	if crossing {
		l.Crossing = &network.Crossing{
			Name:          r.req("name"),
			DwellHours:    r.rng("dwell_hours"),
			DwellP90Hours: r.rng("dwell_p90_hours"),
			FeeUSD:        r.rng("fee_usd"),
			DataYear:      r.integer("data_year"),
			FeeYear:       r.integer("fee_year"),
		}
	}
	return l
}

func readTransfer(r *row) network.Transfer {
	return network.Transfer{
		ID: r.req("id"), Place: r.req("place"),
		Kind:        parse(r, "kind", true, network.ParseTransferKind),
		FromMode:    parse(r, "from_mode", true, network.ParseMode),
		FromGauge:   parse(r, "from_gauge", false, network.ParseGauge),
		ToMode:      parse(r, "to_mode", true, network.ParseMode),
		ToGauge:     parse(r, "to_gauge", false, network.ParseGauge),
		Hours:       r.rng("hours"),
		USDPerTEU:   r.rng("usd_per_teu"),
		USDPerTonne: r.rng("usd_per_tonne"),
		Utilization: r.rng("utilization"),
		Status:      parse(r, "status", true, network.ParseStatus),
		Open:        r.interval("open_from", "open_until"),
		OneWay:      r.boolean("one_way"),
		Project:     r.str("project"),
		Borrowed:    r.list("borrowed"),
		Sources:     r.cites(),
		Note:        r.str("note"),
		Pos:         r.pos(),
	}
}

func readClosure(r *row) network.Closure {
	return network.Closure{
		ID: r.req("id"), Target: r.req("target"), Period: r.interval("from", "until"),
		Reason: r.req("reason"), Sources: r.cites(), Pos: r.pos(),
	}
}

func readProject(r *row) network.Project {
	return network.Project{
		ID: r.req("id"), Names: readNames(r), Countries: r.list("countries"), Kind: r.str("kind"),
		LengthKm: r.rng("length_km"), CostUSD: r.rng("cost_usd"), CapacityTPY: r.rng("capacity_tpy"),
		Sources: r.cites(), Note: r.str("note"), Pos: r.pos(),
	}
}

// Summary returns a one-line summary of what a network holds, ending with
// the shares of its figures that are object-specific, derived and borrowed
// (network.Figures).
func Summary(n *network.Network) string {
	crossings := 0
	for _, l := range n.Links() {
		if l.Crossing != nil {
			crossings++
		}
	}
	return fmt.Sprintf("%d places, %d links (%d border crossings), %d transfers, %d closures, %d projects, %d sources; %s",
		len(n.Places()), len(n.Links()), crossings, len(n.Transfers()), len(n.Closures()), len(n.Projects()), len(n.Sources()), n.Figures())
}
