package dataset

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
)

// csvFile is a table being written: its rows of cells by column name and
// the first reason it cannot be written.
type csvFile struct {
	name string
	rows []map[string]string
	err  error
}

func (f *csvFile) add(cells map[string]string) { f.rows = append(f.rows, cells) }

// cite writes c into cells: the sources column and an x_src column for each
// field citation, which the file must allow.
func (f *csvFile) cite(cells map[string]string, c network.Citations, allowed []column) {
	cells["sources"] = list(f, "sources", c.All)
	for field, ids := range c.ByField {
		name := field + "_src"
		if !slices.ContainsFunc(allowed, func(x column) bool { return x.name == name || (x.kind == number && x.name+"_src" == name) }) {
			f.fail("field %q has its own sources, which %s cannot hold (write JSON instead)", field, f.name)
			continue
		}
		cells[name] = list(f, name, ids)
	}
}

func (f *csvFile) fail(format string, args ...any) {
	if f.err == nil {
		f.err = fmt.Errorf(f.name+": "+format, args...)
	}
}

// list joins a list cell, refusing items that hold the separator.
func list(f *csvFile, col string, xs []string) string {
	for _, x := range xs {
		if strings.Contains(x, ";") || strings.TrimSpace(x) != x {
			f.fail("column %s: item %q holds ';' or spaces at its ends, which a CSV list cannot keep (write JSON instead)", col, x)
		}
	}
	return strings.Join(xs, ";")
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func optNum(p *float64) string {
	if p == nil {
		return ""
	}
	return num(*p)
}

func optInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// rangeCells writes a range as x, x_min and x_max (the bounds only when
// they differ from the value).
func rangeCells(cells map[string]string, col string, r network.Range) {
	if !r.Known {
		return
	}
	cells[col] = num(r.Value)
	if r.Min != r.Value || r.Max != r.Value {
		cells[col+"_min"], cells[col+"_max"] = num(r.Min), num(r.Max)
	}
}

// bytes renders the file: the declared columns that any row uses (and
// every required one), in declaration order.
func (f *csvFile) bytes(decl []column) ([]byte, error) {
	used := map[string]bool{}
	for _, r := range f.rows {
		for k, v := range r {
			if v != "" {
				used[k] = true
			}
		}
	}
	var header []string
	for _, c := range decl {
		names := []string{c.name}
		if c.kind == number {
			names = append(names, c.name+"_min", c.name+"_max", c.name+"_src")
		}
		for _, n := range names {
			if n == c.name && c.required || used[n] {
				header = append(header, n)
			}
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(header)
	for _, r := range f.rows {
		rec := make([]string, len(header))
		for i, h := range header {
			rec[i] = r[h]
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// WriteCSV writes the records of b into directory dir (created if needed)
// as the knowledge files that ReadKnowledge reads back. Files for record
// types b has none of are not written. A record the CSV format cannot hold
// exactly (a list item containing ';', a field citation on a column the
// file lacks) is an Invalid error and nothing is written.
func WriteCSV(dir string, b *kb.Bundle) ([]string, error) {
	const op = "dataset.WriteCSV"
	type out struct {
		f    *csvFile
		decl []column
	}
	var files []out
	emit := func(name string, decl []column, n int, fill func(f *csvFile)) {
		if n == 0 {
			return
		}
		f := &csvFile{name: name}
		fill(f)
		files = append(files, out{f, decl})
	}
	emit("sources.csv", sourceCols, len(b.Sources), func(f *csvFile) {
		for _, s := range b.Sources {
			covers := ""
			if !s.Covers.IsZero() {
				covers = fmt.Sprintf("%d..%d", s.Covers.From, s.Covers.Until)
			}
			f.add(map[string]string{"id": s.ID, "title": s.Title, "publisher": s.Publisher, "url": s.URL, "date": s.Date.String(), "covers": covers, "note": s.Note})
		}
	})
	emit(AgreementsFile, agreementCols, len(b.Agreements), func(f *csvFile) {
		for _, a := range b.Agreements {
			c := map[string]string{"id": a.ID, "name": a.Name, "kind": a.Kind.String(), "parties": list(f, "parties", a.Parties),
				"signatories": a.Signatories, "subject": a.Subject, "project": a.Project, "note": a.Note}
			f.cite(c, a.Sources, agreementCols)
			f.add(c)
		}
	})
	emit(AgreementHistoryFile, agreementHistoryCols, len(b.Agreements), func(f *csvFile) {
		for _, a := range b.Agreements {
			for _, h := range a.History {
				c := map[string]string{"agreement": a.ID, "date": h.Date.String(), "status": h.Status.String(), "event": h.Event}
				f.cite(c, h.Sources, agreementHistoryCols)
				f.add(c)
			}
		}
	})
	emit("projects.csv", projectCols, len(b.Projects), func(f *csvFile) {
		for _, p := range b.Projects {
			c := map[string]string{"id": p.ID, "name_en": p.Names.En, "name_fa": p.Names.Fa, "name_prs": p.Names.Prs,
				"name_ru": p.Names.Ru, "alt": list(f, "alt", p.Names.Alt), "countries": list(f, "countries", p.Countries),
				"kind": p.Kind, "note": p.Note}
			rangeCells(c, "length_km", p.LengthKm)
			rangeCells(c, "cost_usd", p.CostUSD)
			rangeCells(c, "capacity_tpy", p.CapacityTPY)
			f.cite(c, p.Sources, projectCols)
			f.add(c)
		}
	})
	emit("project_history.csv", historyCols, len(b.Projects), func(f *csvFile) {
		for _, p := range b.Projects {
			for _, h := range p.History {
				c := map[string]string{"project": p.ID, "date": h.Date.String(), "status": statusCell(h.Status), "event": h.Event}
				f.cite(c, h.Sources, historyCols)
				f.add(c)
			}
		}
	})
	emit(ProjectLinksFile, projectLinkCols, len(b.Projects), func(f *csvFile) {
		for _, p := range b.Projects {
			for _, l := range p.Links {
				f.add(map[string]string{"project": p.ID, "link": l})
			}
		}
	})
	emit(TradeFile, tradeCols, len(b.Figures), func(f *csvFile) {
		for _, g := range b.Figures {
			c := map[string]string{"id": g.ID, "countries": g.A + ";" + g.B, "flow": g.Flow, "scope": g.Scope.String(),
				"kind": g.Kind.String(), "period": g.Period.String(), "subject": g.Subject, "qualifier": g.Qualifier,
				"growth_pct": optNum(g.GrowthPct), "announced": g.Announced.String(), "reporter": g.Reporter,
				"reporter_name": g.ReporterName, "document": g.Document, "start": optInt(g.Start), "end": optInt(g.End),
				"doubt": g.Doubt, "note": g.Note}
			rangeCells(c, "usd", g.USD)
			rangeCells(c, "tonnes", g.Tonnes)
			f.cite(c, g.Sources, tradeCols)
			f.add(c)
		}
	})
	emit(DocumentsFile, documentCols, len(b.Documents), func(f *csvFile) {
		for _, d := range b.Documents {
			if strings.Contains(d.Text, "\r") {
				f.fail("document %s: its text holds carriage returns, which CSV readers drop (write JSON instead)", d.ID)
			}
			f.add(map[string]string{"id": d.ID, "hash": d.Hash, "title": d.Title, "lang": d.Lang, "date": d.Date.String(),
				"url": d.URL, "source": d.Source, "text": d.Text})
		}
	})
	emit(FactsFile, factCols, len(b.Facts), func(f *csvFile) {
		for _, x := range b.Facts {
			if strings.Contains(x.Quote, "\r") {
				f.fail("fact %s: its quote holds carriage returns, which CSV readers drop (write JSON instead)", x.ID)
			}
			at := ""
			if !x.Review.At.IsZero() {
				at = x.Review.At.UTC().Format(time.RFC3339Nano)
			}
			f.add(map[string]string{"id": x.ID, "document": x.Document, "kind": string(x.Kind),
				"countries": list(f, "countries", x.Countries), "value": optNum(x.Value), "value_max": optNum(x.ValueMax),
				"unit": x.Unit, "period": x.Period, "status": x.Status, "growth_pct": optNum(x.GrowthPct), "quote": x.Quote,
				"start": strconv.Itoa(x.Start), "end": strconv.Itoa(x.End), "flow": x.Flow, "qualifier": x.Qualifier,
				"subject": x.Subject, "project": x.Project, "parties": list(f, "parties", x.Parties), "place": x.Place,
				"date": x.Date.String(), "alt_countries": list(f, "alt_countries", x.AltCountries), "note": x.Note,
				"review_state": string(x.Review.State), "review_note": x.Review.Note, "reviewed_at": at})
		}
	})
	rendered := map[string][]byte{}
	var names []string
	for _, o := range files {
		if o.f.err != nil {
			return nil, caravan.Errorf(caravan.Invalid, op, "%w", o.f.err)
		}
		data, err := o.f.bytes(o.decl)
		if err != nil {
			return nil, caravan.Errorf(caravan.Internal, op, "%s: %w", o.f.name, err)
		}
		rendered[o.f.name] = data
		names = append(names, o.f.name)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, caravan.Errorf(caravan.Unavailable, op, "%w", err)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), rendered[n], 0o644); err != nil {
			return nil, caravan.Errorf(caravan.Unavailable, op, "%w", err)
		}
	}
	return names, nil
}

// statusCell writes a project status; 0 (unknown) is an empty cell.
func statusCell(s network.Status) string {
	if s == 0 {
		return ""
	}
	return s.String()
}
