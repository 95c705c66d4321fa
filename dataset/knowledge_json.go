package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/textcheck"
	"github.com/caravan-transport/caravan/trade"
)

// WriteJSON writes b as one indented JSON object with a list per record
// type ("sources", "agreements", "projects", "figures", "documents",
// "facts"), the format ReadJSON reads.
func WriteJSON(w io.Writer, b *kb.Bundle) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(nonNil(b)); err != nil {
		return caravan.Errorf(caravan.Internal, "dataset.WriteJSON", "%w", err)
	}
	return nil
}

// nonNil returns b with empty lists instead of nil ones, so the JSON
// shows every key.
func nonNil(b *kb.Bundle) *kb.Bundle {
	c := *b
	if c.Sources == nil {
		c.Sources = []network.Source{}
	}
	if c.Agreements == nil {
		c.Agreements = []kb.Agreement{}
	}
	if c.Projects == nil {
		c.Projects = []kb.Project{}
	}
	if c.Figures == nil {
		c.Figures = []trade.Figure{}
	}
	if c.Documents == nil {
		c.Documents = []kb.Document{}
	}
	if c.Facts == nil {
		c.Facts = []kb.Fact{}
	}
	return &c
}

// ReadJSON reads a bundle written by WriteJSON from data; name is the file
// name used in error positions. Each record is decoded on its own, with
// unknown fields refused, and every malformed record is reported with its
// line, its list and index ("agreements[3]") and the reason, in one
// *network.ValidationError. Keys may be missing or null; unknown keys are
// errors.
func ReadJSON(name string, data []byte) (*kb.Bundle, error) {
	const op = "dataset.ReadJSON"
	var ps network.Problems
	b := &kb.Bundle{}
	// encoding/json would turn invalid UTF-8 into U+FFFD without a word,
	// and holds a string of any length: check both first.
	if off := textcheck.InvalidUTF8(data); off >= 0 {
		ps.Addf(network.Pos{File: name, Line: textcheck.Line(data, off)}, "", "invalid UTF-8 (save the file as UTF-8)")
		return nil, caravan.Errorf(caravan.Invalid, op, "%w", ps.Err())
	}
	if off, n := textcheck.LongJSONString(data, MaxFieldBytes); off >= 0 {
		ps.Addf(network.Pos{File: name, Line: textcheck.Line(data, off)}, "", "a string of %d bytes, more than %d", n, MaxFieldBytes)
		return nil, caravan.Errorf(caravan.Invalid, op, "%w", ps.Err())
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	pos := func(off int64) network.Pos { return network.Pos{File: name, Line: textcheck.Line(data, int(off))} }
	fail := func(err error) (*kb.Bundle, error) {
		var se *json.SyntaxError
		off := dec.InputOffset()
		if errors.As(err, &se) {
			off = se.Offset
		}
		ps.Addf(pos(off), "", "%v", err)
		return nil, caravan.Errorf(caravan.Invalid, op, "%w", ps.Err())
	}
	if err := expect(dec, json.Delim('{')); err != nil {
		return fail(err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		key, _ := tok.(string)
		switch key {
		case "sources", "agreements", "projects", "figures", "documents", "facts":
		default:
			ps.Addf(pos(dec.InputOffset()), key, "unknown list (want sources, agreements, projects, figures, documents or facts)")
		}
		open, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		if open == nil {
			continue // "key": null is an empty list
		}
		if d, ok := open.(json.Delim); !ok || d != '[' {
			return fail(fmt.Errorf("%q: found %v, want a list", key, open))
		}
		for i := 0; dec.More(); i++ {
			start := skipSpace(data, dec.InputOffset())
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return fail(err)
			}
			p := pos(start)
			where := fmt.Sprintf("%s[%d]", key, i)
			switch key {
			case "sources":
				if x, ok := decode[network.Source](raw, p, where, &ps); ok {
					x.Pos = p
					b.Sources = append(b.Sources, x)
				}
			case "agreements":
				if x, ok := decode[kb.Agreement](raw, p, where, &ps); ok {
					x.Pos = p
					for j := range x.History {
						x.History[j].Pos = p
					}
					b.Agreements = append(b.Agreements, x)
				}
			case "projects":
				if x, ok := decode[kb.Project](raw, p, where, &ps); ok {
					x.Pos = p
					for j := range x.History {
						x.History[j].Pos = p
						if x.History[j].Status == 0 {
							ps.Addf(p, where, "history entry %d has no status", j+1)
						}
					}
					b.Projects = append(b.Projects, x)
				}
			case "figures":
				if x, ok := decode[trade.Figure](raw, p, where, &ps); ok {
					x.Pos = p
					b.Figures = append(b.Figures, x)
				}
			case "documents":
				if x, ok := decode[kb.Document](raw, p, where, &ps); ok {
					x.Pos = p
					b.Documents = append(b.Documents, x)
				}
			case "facts":
				if x, ok := decode[kb.Fact](raw, p, where, &ps); ok {
					x.Pos = p
					if x.Review.State == "" {
						x.Review.State = kb.Pending
					}
					b.Facts = append(b.Facts, x)
				}
			}
		}
		if err := expect(dec, json.Delim(']')); err != nil {
			return fail(err)
		}
	}
	if err := expect(dec, json.Delim('}')); err != nil {
		return fail(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		ps.Addf(pos(dec.InputOffset()), "", "data after the end of the object")
	}
	if err := ps.Err(); err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%w", err)
	}
	return b, nil
}

// decode unmarshals one record strictly, recording a problem on failure.
func decode[T any](raw []byte, p network.Pos, where string, ps *network.Problems) (T, bool) {
	var x T
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	if err := d.Decode(&x); err != nil {
		ps.Addf(p, where, "%s", jsonMessage(err))
		return x, false
	}
	return x, true
}

func expect(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return fmt.Errorf("unexpected end of input, want %q", want)
		}
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("found %v, want %q", tok, want)
	}
	return nil
}

// skipSpace returns the offset of the first byte at or after off that is
// not white space or a comma.
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
			continue
		}
		break
	}
	return off
}

// jsonMessage says what is wrong with a record in words for people: the
// field and the JSON type wanted, not Go's struct and type names.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		want := "a number"
		switch te.Type.Kind() {
		case reflect.String:
			want = "a string"
		case reflect.Bool:
			want = "true or false"
		case reflect.Slice, reflect.Array:
			want = "an array"
		case reflect.Struct, reflect.Map:
			want = "an object"
			if te.Type.Name() == "rangeJSON" {
				want = `an object {"value": …, "min": …, "max": …}`
			}
		}
		if te.Field == "" {
			return fmt.Sprintf("want %s, have a JSON %s", want, te.Value)
		}
		return fmt.Sprintf("field %s: want %s, have a JSON %s", te.Field, want, te.Value)
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d of the record", se.Offset)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
		return "unknown field " + f
	}
	return msg
}
