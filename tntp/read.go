package tntp

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/caravan-transport/caravan"
)

// Meta is one metadata line, "<Tag> Value", with both parts trimmed.
type Meta struct {
	Tag   string
	Value string
}

// Metadata tags the readers interpret.
const (
	TagZones         = "NUMBER OF ZONES"
	TagNodes         = "NUMBER OF NODES"
	TagFirstThruNode = "FIRST THRU NODE"
	TagLinks         = "NUMBER OF LINKS"
	TagTotalODFlow   = "TOTAL OD FLOW"
	tagEnd           = "END OF METADATA"
)

// Lookup returns the value of the first metadata line with tag and whether
// there is one.
func Lookup(meta []Meta, tag string) (string, bool) {
	for _, m := range meta {
		if m.Tag == tag {
			return m.Value, true
		}
	}
	return "", false
}

// ctxCheckEvery is how many lines a reader parses between checks of its context.
const ctxCheckEvery = 1 << 14

// lineReader yields the lines of one input, counting them, and formats
// errors that say where.
type lineReader struct {
	ctx     context.Context
	sc      *bufio.Scanner
	op      string
	name    string
	line    int
	text    string
	pending bool // text holds a line that next should return again
}

func newLineReader(ctx context.Context, r io.Reader, op, name string) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	return &lineReader{ctx: ctx, sc: sc, op: op, name: name}
}

// next returns the next line that is neither blank nor a "~" comment, with
// surrounding spaces trimmed.
func (r *lineReader) next() (string, bool, error) {
	if r.pending {
		r.pending = false
		return r.text, true, nil
	}
	b, ok, err := r.nextBytes()
	if !ok {
		return "", false, err
	}
	r.text = string(b)
	return r.text, true, nil
}

// nextBytes is next without the copy: the line it returns is valid until the
// following call. Readers of large data blocks use it so that a file's lines
// cost no allocation.
func (r *lineReader) nextBytes() ([]byte, bool, error) {
	if r.pending {
		r.pending = false
		return []byte(r.text), true, nil
	}
	for r.sc.Scan() {
		r.line++
		if r.line%ctxCheckEvery == 0 {
			if err := r.ctx.Err(); err != nil {
				return nil, false, err
			}
		}
		t := bytes.TrimSpace(r.sc.Bytes())
		if len(t) == 0 || t[0] == '~' {
			continue
		}
		return t, true, nil
	}
	if err := r.sc.Err(); err != nil {
		return nil, false, r.errorf("%w", err)
	}
	return nil, false, nil
}

// unread makes next return the current line again.
func (r *lineReader) unread() { r.pending = true }

func (r *lineReader) errorf(format string, args ...any) error {
	return caravan.Errorf(caravan.Invalid, r.op, "%s:%d: "+format, append([]any{r.name, r.line}, args...)...)
}

// fileErrorf formats an error about the whole input, with no line.
func (r *lineReader) fileErrorf(format string, args ...any) error {
	return caravan.Errorf(caravan.Invalid, r.op, "%s: "+format, append([]any{r.name}, args...)...)
}

// metadata reads a metadata block. If the first line is not a tag and
// required is false, it reads nothing and returns nil.
func (r *lineReader) metadata(required bool) ([]Meta, error) {
	var meta []Meta
	started := false
	for {
		t, ok, err := r.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			if started || required {
				return nil, r.fileErrorf("no <%s> line", tagEnd)
			}
			return nil, nil
		}
		if t[0] != '<' {
			if started || required {
				return nil, r.errorf("%q inside the metadata block, want <TAG> value or <%s>", clip(t), tagEnd)
			}
			r.unread()
			return nil, nil
		}
		started = true
		end := strings.IndexByte(t, '>')
		if end < 0 {
			return nil, r.errorf("metadata tag %q has no closing '>'", clip(t))
		}
		tag := strings.TrimSpace(t[1:end])
		if tag == tagEnd {
			return meta, nil
		}
		if _, dup := Lookup(meta, tag); dup {
			return nil, r.errorf("metadata tag <%s> given twice", tag)
		}
		meta = append(meta, Meta{Tag: tag, Value: strings.TrimSpace(t[end+1:])})
	}
}

// metaInt returns the integer value of a required metadata tag.
func (r *lineReader) metaInt(meta []Meta, tag string) (int, error) {
	v, ok := Lookup(meta, tag)
	if !ok {
		return 0, r.fileErrorf("metadata: no <%s>", tag)
	}
	x, err := strconv.Atoi(v)
	if err != nil || x < 0 || x > math.MaxInt32-1 {
		return 0, r.fileErrorf("metadata <%s>: %q is not an integer in 0..%d", tag, clip(v), math.MaxInt32-1)
	}
	return x, nil
}

// fieldsBytes splits a data line into its values, dropping a final ";"
// whether it stands alone or is glued to the last value. It appends them to
// dst, so that a reader can reuse one slice for every line.
func fieldsBytes(dst [][]byte, t []byte) [][]byte {
	for {
		i := 0
		for i < len(t) && asciiSpace(t[i]) {
			i++
		}
		t = t[i:]
		if len(t) == 0 {
			break
		}
		j := 0
		for j < len(t) && !asciiSpace(t[j]) {
			j++
		}
		dst = append(dst, t[:j])
		t = t[j:]
	}
	if n := len(dst); n > 0 {
		last := dst[n-1]
		switch {
		case len(last) == 1 && last[0] == ';':
			dst = dst[:n-1]
		case last[len(last)-1] == ';':
			dst[n-1] = last[:len(last)-1]
		}
	}
	return dst
}

// asciiSpace reports whether c is an ASCII space, tab, or line break.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// floatBytes is float for a field held as bytes, allocating nothing when
// the value is good.
func (r *lineReader) floatBytes(field string, b []byte) (float64, error) {
	if x, err := strconv.ParseFloat(string(b), 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return x, nil
	}
	return r.float(field, string(b))
}

// float parses a finite number for the named field.
func (r *lineReader) float(field, s string) (float64, error) {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, r.errorf("field %s: %q is not a finite number", field, clip(s))
	}
	return x, nil
}

// nonNegative parses a finite number ≥ 0 for the named field.
func (r *lineReader) nonNegative(field, s string) (float64, error) {
	x, err := r.float(field, s)
	if err == nil && x < 0 {
		err = r.errorf("field %s: %s is negative", field, s)
	}
	return x, err
}

// id parses a node or zone id in 1..limit (limit < 0: no upper bound).
func (r *lineReader) id(field, s string, limit int) (int32, error) {
	x, err := strconv.ParseInt(s, 10, 32)
	if err != nil || x < 1 || (limit >= 0 && x > int64(limit)) {
		if limit < 0 {
			return 0, r.errorf("field %s: %q is not a positive integer", field, clip(s))
		}
		return 0, r.errorf("field %s: %q is not an integer in 1..%d", field, clip(s), limit)
	}
	return int32(x), nil
}

// idBytes is id for a field the caller holds as bytes: the common case (a
// plain decimal in range) allocates nothing, anything else takes id's path
// and message.
func (r *lineReader) idBytes(field string, b []byte, limit int) (int32, error) {
	if n := len(b); n > 0 && n <= 9 {
		x := int64(0)
		for _, c := range b {
			if c < '0' || c > '9' {
				return r.id(field, string(b), limit)
			}
			x = x*10 + int64(c-'0')
		}
		if x >= 1 && (limit < 0 || x <= int64(limit)) {
			return int32(x), nil
		}
	}
	return r.id(field, string(b), limit)
}

// nonNegativeBytes is nonNegative for a field held as bytes, allocating
// nothing when the value is good.
func (r *lineReader) nonNegativeBytes(field string, b []byte) (float64, error) {
	if x, err := strconv.ParseFloat(string(b), 64); err == nil && x >= 0 && !math.IsInf(x, 0) {
		return x, nil
	}
	return r.nonNegative(field, string(b))
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// openFile opens path and classifies the failure.
func openFile(op, path string) (*os.File, error) {
	f, err := os.Open(path)
	if err == nil {
		return f, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, caravan.Errorf(caravan.NotFound, op, "%w", err)
	}
	return nil, caravan.Errorf(caravan.Unavailable, op, "%w", err)
}

// readFile opens path and runs read on it, naming errors by path.
func readFile[T any](ctx context.Context, op, path string, read func(context.Context, io.Reader, string) (T, error)) (T, error) {
	f, err := openFile(op, path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return read(ctx, f, path)
}

// wantFields reports an error unless f has n values.
func (r *lineReader) wantFields(f [][]byte, n int, what string) error {
	if len(f) != n {
		return r.errorf("%d values, want %d (%s)", len(f), n, what)
	}
	return nil
}
