package trade

import (
	"fmt"
	"github.com/caravan-transport/caravan"
	"sort"
	"strings"

	"github.com/caravan-transport/caravan/network"
)

// Kind says whether a figure was measured or is a goal.
type Kind uint8

// The figure kinds.
const (
	Actual Kind = iota + 1 // trade that took place in the period
	Target                 // a goal announced on a date, for a deadline when one is given
)

var kindNames = [...]string{"", "actual", "target"}

// String returns "actual" or "target".
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// ParseKind reads "actual" or "target".
func ParseKind(s string) (Kind, error) {
	for i, n := range kindNames {
		if i > 0 && n == s {
			return Kind(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "kind %q: want actual or target", s)
}

// MarshalText writes the name; the zero value (unset) is empty.
func (k Kind) MarshalText() ([]byte, error) {
	if k == 0 {
		return nil, nil
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a name; empty text gives the zero value.
func (k *Kind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = 0
		return nil
	}
	v, err := ParseKind(string(b))
	*k = v
	return err
}

// Scope says what a figure counts.
type Scope uint8

// The scopes. Only Bilateral figures form the trade series of a pair; the
// others are listed beside it.
const (
	Bilateral Scope = iota + 1 // all goods traded between the two countries (or one direction of it)
	Transit                    // goods carried through one country to or from the other
	Sector                     // one sector only (agriculture, energy); Subject names it
)

var scopeNames = [...]string{"", "bilateral", "transit", "sector"}

// String returns the scope name.
func (s Scope) String() string {
	if s > 0 && int(s) < len(scopeNames) {
		return scopeNames[s]
	}
	return fmt.Sprintf("scope(%d)", uint8(s))
}

// ParseScope reads "bilateral", "transit" or "sector".
func ParseScope(s string) (Scope, error) {
	for i, n := range scopeNames {
		if i > 0 && n == s {
			return Scope(i), nil
		}
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "scope %q: want bilateral, transit or sector", s)
}

// MarshalText writes the name; the zero value (unset) is empty.
func (s Scope) MarshalText() ([]byte, error) {
	if s == 0 {
		return nil, nil
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a name; empty text gives the zero value.
func (s *Scope) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = 0
		return nil
	}
	v, err := ParseScope(string(b))
	*s = v
	return err
}

// Qualifiers a source may put on a number.
var qualifiers = map[string]bool{"about": true, "more_than": true, "less_than": true, "up_to": true, "approaching": true}

// Figure is one reported trade number between two countries: what was
// traded in a period (Actual) or a goal (Target).
//
// For an Actual, Period is the span measured and USD and Tonnes are totals
// over it; a source that gives no span leaves Period zero (the figure is
// listed as undated, never fitted). For a Target, USD and Tonnes are per year, Announced is when the
// goal was stated and Period, when known, is the year (or span) by whose
// end it should be met. Either USD or Tonnes may be unknown, not both.
type Figure struct {
	ID string `json:"id"`
	// A and B are the two countries (ISO 3166-1 alpha-2), A < B.
	A string `json:"a"`
	B string `json:"b"`
	// Flow is "XX->YY" (exporter->importer) for one direction of the
	// trade, empty for both directions together.
	Flow   string `json:"flow,omitempty"`
	Scope  Scope  `json:"scope"`
	Kind   Kind   `json:"kind"`
	Period Period `json:"period"`
	// Subject says what a transit or sector figure covers.
	Subject   string        `json:"subject,omitempty"`
	USD       network.Range `json:"usd"`
	Tonnes    network.Range `json:"tonnes"`
	Qualifier string        `json:"qualifier,omitempty"` // about, more_than, less_than, up_to, approaching
	// GrowthPct is the change the source reports against the previous
	// period, in percent (negative for a fall).
	GrowthPct *float64     `json:"growth_pct,omitempty"`
	Announced network.Date `json:"announced,omitzero"` // when the figure was published or stated
	// Reporter is the country whose statistics or officials give the
	// figure, when known; ReporterName the body (e.g. "Iran customs").
	Reporter     string            `json:"reporter,omitempty"`
	ReporterName string            `json:"reporter_name,omitempty"`
	Sources      network.Citations `json:"sources"`
	// Document, Start and End locate the figure in a stored document (a
	// fact accepted from the news), with byte offsets into its text.
	Document string `json:"document,omitempty"`
	Start    int    `json:"start,omitempty"`
	End      int    `json:"end,omitempty"`
	// Doubt, when set, says why the figure is kept for the record but out
	// of the trend (a year inferred by the compiler, figures a source
	// itself contradicts).
	Doubt string      `json:"doubt,omitempty"`
	Note  string      `json:"note,omitempty"`
	Pos   network.Pos `json:"-"`
}

// Pair returns the figure's countries as "A-B".
func (f *Figure) Pair() string { return f.A + "-" + f.B }

// SortPair returns the two codes in order.
func SortPair(a, b string) (string, string) {
	if b < a {
		return b, a
	}
	return a, b
}

// ParseFlow reads "XX->YY" and returns the exporter and importer.
func ParseFlow(s string) (from, to string, err error) {
	from, to, ok := strings.Cut(s, "->")
	if !ok || !isCode(from) || !isCode(to) || from == to {
		return "", "", caravan.Errorf(caravan.Invalid, "", "flow %q: want XX->YY with two different country codes", s)
	}
	return from, to, nil
}

func isCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// Validate reports what is wrong with f to ps: country codes, flow, kind,
// scope, period, numbers, qualifier and that some number is cited.
func (f *Figure) Validate(ps *network.Problems) {
	add := func(field, format string, args ...any) {
		ps.Addf(f.Pos, field, "figure %s: "+format, append([]any{f.ID}, args...)...)
	}
	if f.ID == "" {
		ps.Addf(f.Pos, "id", "required value missing")
	}
	if !isCode(f.A) || !isCode(f.B) {
		add("countries", "want two ISO 3166-1 alpha-2 codes, have %q and %q", f.A, f.B)
	} else if f.A >= f.B {
		add("countries", "want two different codes in order, have %s, %s", f.A, f.B)
	}
	if f.Flow != "" {
		from, to, err := ParseFlow(f.Flow)
		if err != nil {
			add("flow", "%v", err)
		} else if a, b := SortPair(from, to); a != f.A || b != f.B {
			add("flow", "%s is not between %s and %s", f.Flow, f.A, f.B)
		}
	}
	if f.Kind != Actual && f.Kind != Target {
		add("kind", "want actual or target")
	}
	if f.Scope < Bilateral || f.Scope > Sector {
		add("scope", "want bilateral, transit or sector")
	}
	if f.Scope != Bilateral && f.Subject == "" {
		add("subject", "a %s figure must say what it covers", f.Scope)
	}
	if !f.Period.IsZero() && (f.Period.Start == 0 || f.Period.End < f.Period.Start) {
		add("period", "bad span %s..%s", f.Period.Start, f.Period.End)
	}
	if !f.USD.Known && !f.Tonnes.Known {
		add("usd", "neither usd nor tonnes given")
	}
	for _, r := range []struct {
		name string
		v    network.Range
	}{{"usd", f.USD}, {"tonnes", f.Tonnes}} {
		if r.v.Known && (r.v.Value < 0 || r.v.Min > r.v.Value || r.v.Value > r.v.Max) {
			add(r.name, "want 0 ≤ min ≤ value ≤ max, have %s", r.v)
		}
	}
	if f.Qualifier != "" && !qualifiers[f.Qualifier] {
		add("qualifier", "%q: want about, more_than, less_than, up_to or approaching", f.Qualifier)
	}
	if f.Reporter != "" && !isCode(f.Reporter) {
		add("reporter", "%q is not a country code", f.Reporter)
	}
	if len(f.Sources.IDs()) == 0 && f.Document == "" {
		add("sources", "no source cited")
	}
	if f.Start < 0 || f.End < f.Start {
		add("start", "bad offsets %d..%d", f.Start, f.End)
	}
}

// SortFigures orders figures by pair, period start, kind, announcement and
// id, the order in which the store returns them.
func SortFigures(fs []Figure) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		switch {
		case a.A != b.A:
			return a.A < b.A
		case a.B != b.B:
			return a.B < b.B
		case a.Period.Start != b.Period.Start:
			return a.Period.Start < b.Period.Start
		case a.Kind != b.Kind:
			return a.Kind < b.Kind
		case a.Announced != b.Announced:
			return a.Announced < b.Announced
		}
		return a.ID < b.ID
	})
}
