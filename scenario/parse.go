package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/caravan-transport/caravan"
	"go.yaml.in/yaml/v3"
)

// Parse reads a scenario from YAML data; file names the data in errors.
// Unknown fields, malformed dates and numbers are errors of kind
// caravan.Invalid that say "file:line: ...". Parse does not check ids
// against a network: see Check.
//
// The format (every key optional but name):
//
//	name: Trans-Afghan railway open
//	description: free text
//	as_of: 2030-06-01
//	sources: [ASTANATIMES-UAP]
//	open:                    # projects or links that carry traffic
//	  - project: trans-afghan-railway
//	    from: 2030-01-01
//	close:                   # closures of links, crossings or places
//	  - {target: pk-af-torkham-road, from: 2026-01-01, until: 2026-03-01, reason: ...}
//	lift:                    # dataset closures that did not happen / end early
//	  - {closure: pk-af-closure-2025, from: 2026-01-01}
//	change:                  # figures of a link, transfer, place or country
//	  - {link: pk-af-torkham-road, dwell_factor: 2}
//	agreements:              # effects grouped by agreement, switched on or off
//	  - id: qtta
//	    enabled: true
//	    change: [...]
func Parse(file string, data []byte) (*Scenario, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var s Scenario
	if err := dec.Decode(&s); err != nil {
		if errors.Is(err, errEmpty) || err.Error() == "EOF" {
			return nil, caravan.Errorf(caravan.Invalid, "", "%s: empty scenario file", file)
		}
		return nil, caravan.Errorf(caravan.Invalid, "", "%s", yamlError(file, err))
	}
	s.File = file
	return &s, nil
}

// ReadFile reads and parses the scenario file name in fsys.
func ReadFile(fsys fs.FS, name string) (*Scenario, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "", "scenario: %w", err)
	}
	return Parse(name, data)
}

var errEmpty = errors.New("empty")

var yamlLine = regexp.MustCompile(`line (\d+): `)

// yamlRewrites turn yaml's messages, which name Go types, into words for
// people, one row per message shape.
var yamlRewrites = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`field (\S+) not found in type \S+`), `unknown field "$1"`},
	{regexp.MustCompile("cannot unmarshal !!(\\w+) `([^`]*)` into (float64|\\*float64|int|\\*int)"), `want a number, have $1 "$2"`},
	{regexp.MustCompile("cannot unmarshal !!(\\w+) `([^`]*)` into (string|\\*string)"), `want a string, have $1 "$2"`},
	{regexp.MustCompile("cannot unmarshal !!(\\w+) `([^`]*)` into bool"), `want true or false, have $1 "$2"`},
	{regexp.MustCompile("cannot unmarshal !!(\\w+)( `[^`]*`)? into \\S+"), `unexpected $1 here`},
}

// yamlError rewrites yaml's "yaml: line N: msg" (possibly several lines)
// as "file:N: msg".
func yamlError(file string, err error) string {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	out := make([]string, 0, len(msgs))
	for _, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		m = strings.TrimPrefix(m, "unmarshal errors:\n")
		for _, part := range strings.Split(m, "\n") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			for _, rw := range yamlRewrites {
				part = rw.re.ReplaceAllString(part, rw.with)
			}
			if loc := yamlLine.FindStringSubmatchIndex(part); loc != nil && loc[0] == 0 {
				part = file + ":" + part[loc[2]:loc[3]] + ": " + part[loc[1]:]
			} else {
				part = file + ": " + part
			}
			out = append(out, part)
		}
	}
	return strings.Join(out, "\n")
}

// checkKeys reports keys of the mapping n that are not yaml fields of t
// (inline structs included).
func checkKeys(n *yaml.Node, t reflect.Type, what string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: %s: want a mapping (key: value), found %s", n.Line, what, kindName(n))
	}
	allowed := map[string]bool{}
	collectKeys(t, allowed)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !allowed[k.Value] {
			keys := make([]string, 0, len(allowed))
			for key := range allowed {
				keys = append(keys, key)
			}
			sort.Strings(keys)
			return fmt.Errorf("line %d: %s: unknown field %q (allowed: %s)", k.Line, what, k.Value, strings.Join(keys, ", "))
		}
	}
	return nil
}

func collectKeys(t reflect.Type, into map[string]bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		switch {
		case name == "-":
		case opts == "inline":
			collectKeys(f.Type, into)
		case name != "":
			into[name] = true
		}
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	default:
		return "something else"
	}
}

// decodeItem decodes the mapping n into v (a pointer to a type without an
// UnmarshalYAML method, so that decoding does not recurse), after checking
// that n has no key v's type does not know.
func decodeItem(n *yaml.Node, what string, v any) error {
	if err := checkKeys(n, reflect.TypeOf(v).Elem(), what); err != nil {
		return err
	}
	return n.Decode(v)
}

// Method-less copies of the item types, for decodeItem.
type (
	rawOpening   Opening
	rawClosing   Closing
	rawLifting   Lifting
	rawChange    Change
	rawAgreement Agreement
)

// UnmarshalYAML decodes an opening, rejecting unknown fields.
func (o *Opening) UnmarshalYAML(n *yaml.Node) error {
	o.Line = n.Line
	return decodeItem(n, "open", (*rawOpening)(o))
}

// UnmarshalYAML decodes a closing, rejecting unknown fields.
func (c *Closing) UnmarshalYAML(n *yaml.Node) error {
	c.Line = n.Line
	return decodeItem(n, "close", (*rawClosing)(c))
}

// UnmarshalYAML decodes a lifting, rejecting unknown fields.
func (l *Lifting) UnmarshalYAML(n *yaml.Node) error {
	l.Line = n.Line
	return decodeItem(n, "lift", (*rawLifting)(l))
}

// UnmarshalYAML decodes a change, rejecting unknown fields.
func (c *Change) UnmarshalYAML(n *yaml.Node) error {
	c.Line = n.Line
	return decodeItem(n, "change", (*rawChange)(c))
}

// UnmarshalYAML decodes an agreement switch, rejecting unknown fields.
func (a *Agreement) UnmarshalYAML(n *yaml.Node) error {
	a.Line = n.Line
	return decodeItem(n, "agreement", (*rawAgreement)(a))
}
