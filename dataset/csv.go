package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/caravan-transport/caravan/network"
)

// colKind says how a column is read; range columns may be accompanied by
// _min, _max and _src columns.
type colKind uint8

const (
	text   colKind = iota // free text
	number                // a range: x, x_min, x_max, x_src
)

// column declares one column of a table.
type column struct {
	name     string
	kind     colKind
	required bool
}

// table is a CSV file read into rows, with its header resolved against the
// declared columns.
type table struct {
	file string
	idx  map[string]int // column name → index in the record
	rows []*row
}

// row is one record of a table, with the problems collector that its
// accessors report to.
type row struct {
	t    *table
	line int
	rec  []string
	ps   *network.Problems
}

// readTable reads file from fsys and checks its header against cols. A
// missing file gives an empty table when optional is true. Problems go to
// ps; the returned table is nil only when the file could not be read at all.
func readTable(fsys fs.FS, file string, cols []column, optional bool, ps *network.Problems) *table {
	if st, err := fs.Stat(fsys, file); err == nil && st.Size() > MaxFileBytes {
		ps.Addf(network.Pos{File: file}, "", "file of %d bytes, more than %d", st.Size(), MaxFileBytes)
		return nil
	}
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		if optional && errors.Is(err, fs.ErrNotExist) {
			return &table{file: file, idx: map[string]int{}}
		}
		ps.Addf(network.Pos{File: file}, "", "cannot read: %v", err)
		return nil
	}
	return parseTable(file, data, cols, ps)
}

// parseTable parses CSV data (UTF-8, header row, '#' comments).
func parseTable(file string, data []byte, cols []column, ps *network.Problems) *table {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM from spreadsheet exports
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	t := &table{file: file, idx: map[string]int{}}
	header, err := r.Read()
	if err == io.EOF {
		ps.Addf(network.Pos{File: file, Line: 1}, "", "empty file: want a header row")
		return nil
	}
	if err != nil {
		ps.Addf(csvPos(file, err), "", "%v", csvMsg(err))
		return nil
	}
	if i := invalidField(header); i >= 0 {
		ps.Addf(network.Pos{File: file, Line: 1}, "", "column %d: invalid UTF-8 (save the file as UTF-8)", i+1)
		return nil
	}
	allowed := map[string]bool{}
	for _, c := range cols {
		allowed[c.name] = true
		if c.kind == number {
			allowed[c.name+"_min"] = true
			allowed[c.name+"_max"] = true
			allowed[c.name+"_src"] = true
		}
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		switch {
		case h == "":
			ps.Addf(network.Pos{File: file, Line: 1}, "", "column %d has no name", i+1)
		case !allowed[h]:
			ps.Addf(network.Pos{File: file, Line: 1}, h, "unknown column (allowed: %s)", columnNames(cols))
		default:
			if _, dup := t.idx[h]; dup {
				ps.Addf(network.Pos{File: file, Line: 1}, h, "column appears twice")
				continue
			}
			t.idx[h] = i
		}
	}
	for _, c := range cols {
		if _, ok := t.idx[c.name]; c.required && !ok {
			ps.Addf(network.Pos{File: file, Line: 1}, c.name, "required column missing")
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			ps.Addf(csvPos(file, err), "", "%v", csvMsg(err))
			// encoding/csv cannot resynchronise after a quote error.
			if errors.Is(err, csv.ErrQuote) || errors.Is(err, csv.ErrBareQuote) {
				break
			}
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line
		}
		if len(rec) != len(header) {
			ps.Addf(network.Pos{File: file, Line: line}, "", "%d fields, want %d (as in the header)", len(rec), len(header))
			continue
		}
		if i := oversized(rec); i >= 0 {
			ps.Addf(network.Pos{File: file, Line: line}, strings.TrimSpace(header[i]), "field of %d bytes, more than %d", len(rec[i]), MaxFieldBytes)
			continue
		}
		// A row with invalid UTF-8 is that row's problem: the rows
		// around it are still read, so what refers to them still resolves.
		if i := invalidField(rec); i >= 0 {
			fl, _ := r.FieldPos(i)
			ps.Addf(network.Pos{File: file, Line: fl}, strings.TrimSpace(header[i]), "invalid UTF-8 (save the file as UTF-8)")
			continue
		}
		t.rows = append(t.rows, &row{t: t, line: line, rec: rec, ps: ps})
	}
	return t
}

// MaxFileBytes and MaxFieldBytes bound what a dataset CSV file may hold: a
// larger file or field is a problem of that file (and line), not read.
const (
	MaxFileBytes  = 64 << 20
	MaxFieldBytes = 1 << 20
)

// oversized returns the index of the first field longer than MaxFieldBytes,
// or -1.
func oversized(rec []string) int {
	for i, f := range rec {
		if len(f) > MaxFieldBytes {
			return i
		}
	}
	return -1
}

// invalidField returns the index of the first field that is not valid
// UTF-8, or -1.
func invalidField(rec []string) int {
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return i
		}
	}
	return -1
}

func csvPos(file string, err error) network.Pos {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return network.Pos{File: file, Line: pe.Line}
	}
	return network.Pos{File: file}
}

func csvMsg(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("column %d: %v", pe.Column, pe.Err)
	}
	return err.Error()
}

func columnNames(cols []column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// pos returns the row's position.
func (r *row) pos() network.Pos { return network.Pos{File: r.t.file, Line: r.line} }

// addf records a problem with field col of this row.
func (r *row) addf(col, format string, args ...any) { r.ps.Addf(r.pos(), col, format, args...) }

// str returns the trimmed cell of col, "" if the table has no such column.
func (r *row) str(col string) string {
	i, ok := r.t.idx[col]
	if !ok {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

// req returns the cell of col and records a problem when it is empty.
func (r *row) req(col string) string {
	s := r.str(col)
	if s == "" {
		r.addf(col, "required value missing")
	}
	return s
}

// list splits the cell of col on ';', dropping empty items.
func (r *row) list(col string) []string {
	s := r.str(col)
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// num parses the cell of col as a finite number; ok is false when the cell
// is empty or malformed (the latter recorded as a problem).
func (r *row) num(col string) (float64, bool) {
	s := r.str(col)
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		r.addf(col, "%q is not a number", s)
		return 0, false
	}
	return v, true
}

// rng reads the range col (with col_min, col_max). Bounds without a value,
// negative numbers and min > value > max are problems.
func (r *row) rng(col string) network.Range {
	v, ok := r.num(col)
	lo, okLo := r.num(col + "_min")
	hi, okHi := r.num(col + "_max")
	if !ok {
		if okLo || okHi {
			r.addf(col, "has %s_min/%s_max but no working value", col, col)
		}
		return network.Range{}
	}
	if !okLo {
		lo = v
	}
	if !okHi {
		hi = v
	}
	switch {
	case v < 0 || lo < 0:
		r.addf(col, "negative value %g", min(v, lo))
	case lo > v || v > hi:
		r.addf(col, "want %s_min ≤ %s ≤ %s_max, have %g, %g, %g", col, col, col, lo, v, hi)
	}
	return network.Range{Value: v, Min: lo, Max: hi, Known: true}
}

// integer reads col as a whole number (0 when empty).
func (r *row) integer(col string) int {
	s := r.str(col)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		r.addf(col, "%q is not a whole number", s)
	}
	return n
}

// boolean reads true/false (empty = false).
func (r *row) boolean(col string) bool {
	switch s := r.str(col); s {
	case "", "false":
		return false
	case "true":
		return true
	default:
		r.addf(col, "%q: want true or false", s)
		return false
	}
}

// date reads a YYYY-MM-DD date (zero when empty).
func (r *row) date(col string) network.Date {
	s := r.str(col)
	if s == "" {
		return 0
	}
	d, err := network.ParseDate(s)
	if err != nil {
		r.addf(col, "%v", err)
	}
	return d
}

// interval reads the from and until date columns and checks their order.
func (r *row) interval(fromCol, untilCol string) network.Interval {
	iv := network.Interval{From: r.date(fromCol), Until: r.date(untilCol)}
	if iv.From != 0 && iv.Until != 0 && iv.Until <= iv.From {
		r.addf(untilCol, "%s %s is not after %s %s", untilCol, iv.Until, fromCol, iv.From)
	}
	return iv
}

// cites reads the sources column and every x_src column.
func (r *row) cites() network.Citations {
	c := network.Citations{All: r.list("sources")}
	for name := range r.t.idx {
		if f, ok := strings.CutSuffix(name, "_src"); ok {
			if ids := r.list(name); len(ids) > 0 {
				if c.ByField == nil {
					c.ByField = map[string][]string{}
				}
				c.ByField[f] = ids
			}
		}
	}
	return c
}

// parse reads col with parse (one of network's Parse functions), recording
// its error.
func parse[T any](r *row, col string, required bool, parse func(string) (T, error)) T {
	var zero T
	s := r.str(col)
	if s == "" {
		if required {
			r.addf(col, "required value missing")
		}
		return zero
	}
	v, err := parse(s)
	if err != nil {
		r.addf(col, "%v", err)
		return zero
	}
	return v
}
