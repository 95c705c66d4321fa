package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
)

// RefineOptions tune Refine. The zero value refines derived lengths whose
// ends snap within 5 km and whose imported length is within 0.5–2× of the
// derived one.
type RefineOptions struct {
	MaxSnapKm          float64 // both ends of the link within this of the imported lines (default 5)
	MinRatio, MaxRatio float64 // imported ÷ derived length must lie in [MinRatio, MaxRatio] (default 0.5, 2)
	// Replace makes the import replace sourced lengths too (the region is
	// the report's: Compare's Countries), for users who trust their survey
	// over the curated figures. The sourced value stays in the link's note.
	Replace bool
}

// Refinement is one link whose length Refine replaced.
type Refinement struct {
	LinkID       string
	OldKm, NewKm float64
	OldSourced   bool   // the old length was sourced (Replace), not derived
	Note         string // the link's note after the change
}

// Refine returns a copy of the curated network in which the links that a
// comparison matched, and whose lengths were derived (great-circle distance
// × circuity) rather than sourced, take the length of the shortest path
// along the imported lines, cited to src (added to the sources). Everything
// else — places, other links, crossings, transfers, closures, projects,
// sources — is kept as it is, so the planner, the assignment and the
// server use the result unchanged. Sourced lengths are never replaced: the
// report shows how they compare. The result is validated like any dataset
// (network.New); an error there is returned as is. src.ID must not be taken.
func Refine(cur *network.Network, rep *Report, src network.Source, opt RefineOptions) (*network.Network, []Refinement, error) {
	if opt.MaxSnapKm <= 0 {
		opt.MaxSnapKm = 5
	}
	if opt.MinRatio <= 0 {
		opt.MinRatio = 0.5
	}
	if opt.MaxRatio <= 0 {
		opt.MaxRatio = 2
	}
	if _, taken := cur.Source(src.ID); taken || src.ID == "" {
		return nil, nil, caravan.Errorf(caravan.Invalid, "importer.Refine", "source id %q is empty or taken", src.ID)
	}
	d := network.Data{
		Sources:    append(slices.Clone(cur.Sources()), src),
		Countries:  slices.Clone(cur.Countries()),
		Places:     slices.Clone(cur.Places()),
		Rates:      slices.Clone(cur.Rates()),
		Links:      slices.Clone(cur.Links()),
		Transfers:  slices.Clone(cur.Transfers()),
		Closures:   slices.Clone(cur.Closures()),
		Projects:   slices.Clone(cur.Projects()),
		Parameters: slices.Clone(cur.Parameters()),
	}
	index := map[string]int{}
	for i := range d.Links {
		index[d.Links[i].ID] = i
	}
	var done []Refinement
	for _, m := range rep.Links {
		if m.Status != "matched" || !(m.CuratedDerived || opt.Replace) || m.FromSnapKm > opt.MaxSnapKm || m.ToSnapKm > opt.MaxSnapKm {
			continue
		}
		if r := m.Ratio(); math.IsNaN(r) || r < opt.MinRatio || r > opt.MaxRatio {
			continue
		}
		i, ok := index[m.Link.ID]
		if !ok {
			continue
		}
		l := &d.Links[i]
		km := math.Round(m.ImportedKm*10) / 10
		oldSources := strings.Join(l.Sources.For("km"), ", ")
		l.Km = network.Exact(km)
		l.KmDerived = false
		l.Sources.ByField = maps.Clone(l.Sources.ByField)
		if l.Sources.ByField == nil {
			l.Sources.ByField = map[string][]string{}
		}
		l.Sources.ByField["km"] = []string{src.ID}
		note := strings.TrimSpace(strings.Replace(l.Note, "Length derived: great-circle distance × circuity_"+l.Mode.String()+".", "", 1))
		if m.CuratedDerived {
			l.Note = strings.TrimSpace(fmt.Sprintf("%s Length %.1f km along the imported lines (%s), replacing %.1f km derived from the great-circle distance.", note, km, src.ID, m.CuratedKm))
		} else {
			l.Note = strings.TrimSpace(fmt.Sprintf("%s Length %.1f km along the imported lines (%s), replacing %.1f km [%s].", note, km, src.ID, m.CuratedKm, oldSources))
		}
		done = append(done, Refinement{LinkID: l.ID, OldKm: m.CuratedKm, NewKm: km, OldSourced: !m.CuratedDerived, Note: l.Note})
	}
	n, err := network.New(d)
	if err != nil {
		return nil, nil, err
	}
	return n, done, nil
}

// WriteDataset writes a dataset directory that the planner, the assignment
// and the server load like the curated one (caravan --data DIR): every file
// of from copied as it is, except that the refined links' rows in links.csv
// (or crossings.csv) take their new length, cited to src in a km_src
// column, and their new note, and sources.csv gains src. dir must not exist
// or be empty. Comment lines of the two rewritten files are not kept.
func WriteDataset(from fs.FS, dir string, src network.Source, refined []Refinement) error {
	const op = "importer.WriteDataset"
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return caravan.Errorf(caravan.Invalid, op, "%s is not empty", dir)
	}
	byID := map[string]Refinement{}
	for _, r := range refined {
		byID[r.LinkID] = r
	}
	written := map[string]bool{}
	err := fs.WalkDir(from, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		data, err := fs.ReadFile(from, path)
		if err != nil {
			return err
		}
		switch path {
		case "links.csv", "crossings.csv":
			data, err = refineRows(path, data, byID, src.ID, written)
		case "sources.csv":
			data, err = appendSource(data, src)
		}
		if err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		return caravan.Errorf(caravan.KindOf(err), op, "%w", err)
	}
	for _, r := range refined {
		if !written[r.LinkID] {
			return caravan.Errorf(caravan.Invalid, op, "link %s is in neither links.csv nor crossings.csv", r.LinkID)
		}
	}
	return nil
}

// refineRows rewrites the rows of the refined links in a links or crossings
// table: km set, km_min and km_max cleared, km_src the import's source, the
// note replaced. It adds a km_src column when the table has none.
func refineRows(name string, data []byte, byID map[string]Refinement, srcID string, written map[string]bool) ([]byte, error) {
	r := tableReader(data)
	recs, err := r.ReadAll()
	if err != nil {
		return nil, caravan.Errorf(caravan.Invalid, "", "%s: %w", name, err)
	}
	if len(recs) == 0 {
		return data, nil
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[strings.TrimSpace(h)] = i
	}
	if _, ok := col["km_src"]; !ok {
		col["km_src"] = len(recs[0])
		for i := range recs {
			v := ""
			if i == 0 {
				v = "km_src"
			}
			recs[i] = append(recs[i], v)
		}
	}
	idCol, ok := col["id"]
	if !ok {
		return nil, caravan.Errorf(caravan.Invalid, "", "%s: no id column", name)
	}
	for _, rec := range recs[1:] {
		if idCol >= len(rec) {
			continue
		}
		ref, ok := byID[rec[idCol]]
		if !ok {
			continue
		}
		set := func(c, v string) {
			if i, ok := col[c]; ok && i < len(rec) {
				rec[i] = v
			}
		}
		set("km", strconv.FormatFloat(ref.NewKm, 'f', -1, 64))
		set("km_min", "")
		set("km_max", "")
		set("km_src", srcID)
		set("note", ref.Note)
		written[ref.LinkID] = true
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(recs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// tableReader reads a dataset table as the dataset package does: a
// leading BOM skipped, '#' comments, rows of any length.
func tableReader(data []byte) *csv.Reader {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	return r
}

// appendSource adds src as a row of a sources table.
func appendSource(data []byte, src network.Source) ([]byte, error) {
	r := tableReader(data)
	header, err := r.Read()
	if err != nil {
		return nil, caravan.Errorf(caravan.Invalid, "", "sources.csv: %w", err)
	}
	row := make([]string, len(header))
	for i, h := range header {
		switch strings.TrimSpace(h) {
		case "id":
			row[i] = src.ID
		case "title":
			row[i] = src.Title
		case "publisher":
			row[i] = src.Publisher
		case "url":
			row[i] = src.URL
		case "note":
			row[i] = src.Note
		case "date":
			if src.Date != 0 {
				row[i] = src.Date.String()
			}
		}
	}
	var buf bytes.Buffer
	buf.Write(data)
	if len(data) > 0 && data[len(data)-1] != '\n' {
		buf.WriteByte('\n')
	}
	w := csv.NewWriter(&buf)
	if err := w.Write(row); err != nil {
		return nil, err
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
