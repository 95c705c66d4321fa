package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
)

// runProjects lists the network's projects with their status timelines.
func runProjects(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("projects", "",
		"List railway, road, port and terminal projects with their length, cost and capacity ranges, the links\n"+
			"they add to the network and their dated status timeline, with sources.")
	db := dbFlag(fs)
	fs.String("status", "", "only projects whose latest status is `S` (operational, under_construction, planned, proposed, suspended)")
	fs.String("country", "", "only projects in this country (ISO 3166-1 alpha-2 code)")
	fs.String("limit", "", "at most this many (default and cap: 1000)")
	fs.String("offset", "", "skip this many first")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments %q", pos)
	}
	svc, err := e.service(ctx, "", *db)
	if err != nil {
		return err
	}
	defer svc.Close()
	list, err := svc.Projects(ctx, params(fs, nil))
	if err != nil {
		return err
	}
	ps := list.Items
	return printRecords(e, *asJSON, "project", ps, printProject)
}

func printProject(w io.Writer, p *kb.Project) {
	since := ""
	if n := len(p.History); n > 0 {
		since = p.History[n-1].Date.String()
	}
	status := "no status recorded"
	if p.Status() != 0 {
		status = p.Status().String()
	}
	fmt.Fprintf(w, "%s  %s  [%s, %s]\n", p.ID, strings.Join(p.Countries, "–"), p.Kind, statusSince(status, since))
	fmt.Fprintf(w, "  %s\n", p.Names.En)
	var figs []string
	for _, r := range []struct {
		name, unit string
		v          network.Range
		scale      float64
	}{{"length", "km", p.LengthKm, 1}, {"cost", "USD bn", p.CostUSD, 1e9}, {"capacity", "Mt/yr", p.CapacityTPY, 1e6}} {
		if !r.v.Known {
			continue
		}
		s := fmt.Sprintf("%s %s %s", r.name, trimNum(r.v.Value/r.scale), r.unit)
		if r.v.Min != r.v.Value || r.v.Max != r.v.Value {
			s += fmt.Sprintf(" (%s–%s)", trimNum(r.v.Min/r.scale), trimNum(r.v.Max/r.scale))
		}
		figs = append(figs, s)
	}
	if len(figs) > 0 {
		fmt.Fprintf(w, "  %s\n", strings.Join(figs, "; "))
	}
	if len(p.Links) > 0 {
		fmt.Fprintf(w, "  adds %d links: %s\n", len(p.Links), strings.Join(p.Links, ", "))
	}
	for _, h := range p.History {
		status := "-"
		if h.Status != 0 {
			status = h.Status.String()
		}
		fmt.Fprintf(w, "  %s  %-18s  %s%s\n", h.Date, status, h.Event, citeText(h.Sources))
	}
	fmt.Fprintf(w, "  sources: %s\n", strings.Join(p.Sources.IDs(), ", "))
}
