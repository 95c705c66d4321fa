package sqlkb

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// fingerprint returns the SHA-256 of v's JSON, hex. Records are normalized
// first so that a record read back and written again has the same one.
func fingerprint(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("fingerprint: %w", err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:]), nil
}

// rangeArgs returns a range as three nullable column values.
func rangeArgs(r network.Range) (any, any, any) {
	if !r.Known {
		return nil, nil, nil
	}
	return r.Value, r.Min, r.Max
}

// nullRange scans three nullable columns.
type nullRange struct{ v, lo, hi sql.NullFloat64 }

func (n *nullRange) dest() []any { return []any{&n.v, &n.lo, &n.hi} }

func (n *nullRange) get() network.Range {
	if !n.v.Valid {
		return network.Range{}
	}
	r := network.Exact(n.v.Float64)
	if n.lo.Valid {
		r.Min = n.lo.Float64
	}
	if n.hi.Valid {
		r.Max = n.hi.Float64
	}
	return r
}

// dateArg returns a date column value: NULL for the zero date.
func dateArg(d network.Date) any {
	if d == 0 {
		return nil
	}
	return d.String()
}

func getDate(s sql.NullString) (network.Date, error) {
	if !s.Valid || s.String == "" {
		return 0, nil
	}
	return network.ParseDate(s.String)
}

func floatArg(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func getFloat(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Float64
	return &v
}

func citesArg(c network.Citations) (string, error) {
	b, err := json.Marshal(normCites(c))
	return string(b), err
}

func getCites(s string) (network.Citations, error) {
	var c network.Citations
	if s == "" {
		return c, nil
	}
	if err := json.Unmarshal([]byte(s), &c); err != nil {
		return c, fmt.Errorf("citations %q: %w", s, err)
	}
	return normCites(c), nil
}

func jsonArg(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func joinList(xs []string) string { return strings.Join(xs, ";") }

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

func timeArg(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func getTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// The norm functions make empty lists nil and drop positions, so equal
// records compare and fingerprint equal however they were built.

func normCites(c network.Citations) network.Citations {
	if len(c.All) == 0 {
		c.All = nil
	}
	if len(c.ByField) == 0 {
		c.ByField = nil
	}
	return c
}

func nilIfEmpty[T any](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

func normSource(s network.Source) network.Source {
	s.Pos = network.Pos{}
	return s
}

func normAgreement(a kb.Agreement) kb.Agreement {
	a.Pos = network.Pos{}
	a.Parties = nilIfEmpty(a.Parties)
	a.Sources = normCites(a.Sources)
	h := make([]kb.AgreementChange, len(a.History))
	for i, c := range a.History {
		c.Pos = network.Pos{}
		c.Sources = normCites(c.Sources)
		h[i] = c
	}
	a.History = nilIfEmpty(h)
	return a
}

func normProject(p kb.Project) kb.Project {
	p.Pos = network.Pos{}
	p.Countries = nilIfEmpty(p.Countries)
	p.Links = nilIfEmpty(slices.Sorted(slices.Values(p.Links)))
	p.Names.Alt = nilIfEmpty(p.Names.Alt)
	p.Sources = normCites(p.Sources)
	h := make([]network.StatusChange, len(p.History))
	for i, c := range p.History {
		c.Pos = network.Pos{}
		c.Sources = normCites(c.Sources)
		h[i] = c
	}
	p.History = nilIfEmpty(h)
	return p
}

func normFigure(f trade.Figure) trade.Figure {
	f.Pos = network.Pos{}
	f.Sources = normCites(f.Sources)
	return f
}

func normDocument(d kb.Document) kb.Document {
	d.Pos = network.Pos{}
	return d
}

func normFact(f kb.Fact) kb.Fact {
	f.Pos = network.Pos{}
	f.Countries = nilIfEmpty(f.Countries)
	f.Parties = nilIfEmpty(f.Parties)
	f.AltCountries = nilIfEmpty(f.AltCountries)
	if f.Review.State == "" {
		f.Review.State = kb.Pending
	}
	f.Review.At = f.Review.At.UTC()
	return f
}
