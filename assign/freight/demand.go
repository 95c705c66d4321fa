package freight

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// Demand is freight to move between two places, in tonnes a year. Basis
// says where the number comes from (a CSV file and line, or the trade
// figure it was derived from).
type Demand struct {
	From, To      string  // place ids
	TonnesPerYear float64 // > 0
	Basis         string  `json:"basis,omitempty"`
}

// ReadDemandCSV parses an origin–destination table: a header naming the
// columns from, to and tonnes_per_year (in any order, other columns
// ignored), then one row per pair. Place ids are checked against n when it
// is not nil. Errors have kind caravan.Invalid and say "name:line: ...".
// Rows for the same pair are added.
func ReadDemandCSV(r io.Reader, name string, n *network.Network) ([]Demand, error) {
	const op = "freight.ReadDemandCSV"
	cr := csv.NewReader(&capped{r: r, left: MaxDemandBytes + 1})
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.Comment = '#'
	errf := func(line int, format string, args ...any) error {
		return caravan.Errorf(caravan.Invalid, op, "%s:%d: "+format, append([]any{name, line}, args...)...)
	}
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errf(1, "empty file: want a header with from, to, tonnes_per_year")
	}
	if err != nil {
		return nil, csvError(op, name, err)
	}
	col := map[string]int{"from": -1, "to": -1, "tonnes_per_year": -1}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if j, ok := col[h]; ok {
			if j >= 0 {
				return nil, errf(1, "column %q given twice", h)
			}
			col[h] = i
		}
	}
	for _, c := range []string{"from", "to", "tonnes_per_year"} {
		if col[c] < 0 {
			return nil, errf(1, "no column %q in the header (want from, to, tonnes_per_year)", c)
		}
	}
	need := max(col["from"], col["to"], col["tonnes_per_year"]) + 1
	var out []Demand
	at := map[[2]string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(op, name, err)
		}
		line, _ := cr.FieldPos(0)
		for i, f := range rec {
			if len(f) > MaxDemandFieldBytes {
				return nil, errf(line, "field %d: %d bytes, more than %d", i+1, len(f), MaxDemandFieldBytes)
			}
			if !utf8.ValidString(f) {
				return nil, errf(line, "field %d: invalid UTF-8 (save the file as UTF-8)", i+1)
			}
		}
		if len(rec) < need {
			return nil, errf(line, "%d fields, want at least %d", len(rec), need)
		}
		from, to := strings.TrimSpace(rec[col["from"]]), strings.TrimSpace(rec[col["to"]])
		raw := strings.TrimSpace(rec[col["tonnes_per_year"]])
		for _, p := range [...]struct{ field, id string }{{"from", from}, {"to", to}} {
			if p.id == "" {
				return nil, errf(line, "field %s: empty place id", p.field)
			}
			if n != nil {
				if _, ok := n.Place(p.id); !ok {
					return nil, errf(line, "field %s: unknown place %q", p.field, clip(p.id))
				}
			}
		}
		if from == to {
			return nil, errf(line, "from and to are the same place (%s)", clip(from))
		}
		t, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
			return nil, errf(line, "field tonnes_per_year: %q is not a finite number ≥ 0", clip(raw))
		}
		if t == 0 {
			continue
		}
		k := [2]string{from, to}
		if i, ok := at[k]; ok {
			out[i].TonnesPerYear += t
			continue
		}
		at[k] = len(out)
		out = append(out, Demand{From: from, To: to, TonnesPerYear: t, Basis: fmt.Sprintf("%s:%d", name, line)})
	}
	return out, nil
}

// MaxDemandBytes and MaxDemandFieldBytes bound an OD table: a larger file
// or field is refused (kind Invalid) instead of being read into memory.
const (
	MaxDemandBytes      = 64 << 20
	MaxDemandFieldBytes = 64 << 10
)

// errTooLarge is what capped returns past its limit.
var errTooLarge = errors.New("file larger than the limit")

// capped reads r and fails with errTooLarge once it has read left bytes:
// given one byte more than the limit, it fails only on a file longer than
// the limit.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left <= 0 {
		return 0, errTooLarge
	}
	return n, err
}

func csvError(op, name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return caravan.Errorf(caravan.Invalid, op, "%s:%d: %v", name, pe.Line, pe.Err)
	}
	if errors.Is(err, errTooLarge) {
		return caravan.Errorf(caravan.Invalid, op, "%s: more than %d bytes", name, MaxDemandBytes)
	}
	return caravan.Errorf(caravan.Unavailable, op, "%s: %w", name, err)
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// TradeOptions say how FromTrade turns trade values into tonnes.
type TradeOptions struct {
	// Year picks the figures: for each country pair, the most recently
	// announced target that is due by the end of Year or has no deadline
	// (the question is "if the target is reached by then"), else the latest
	// actual bilateral figure for a twelve-month period ending by then.
	Year int
	// USDPerTonne converts values to tonnes where a figure gives no
	// tonnes. Use the dataset's cargo_value_usd_per_tonne parameter (and
	// cite its sources).
	USDPerTonne float64
	// Hubs is how many of each country's main freight hubs (Network.Hubs)
	// share its end of the trade equally; 0 means 2.
	Hubs int
	// Only, when not empty, keeps the pairs "AF-KZ" listed (either order).
	Only []string
}

// FromTrade derives demand from bilateral trade figures: the value of a
// pair's trade (both directions together unless the figure names one)
// divided by USDPerTonne, split half each way, and each half spread evenly
// over the exporter's and importer's hubs. Every Demand's Basis names the
// figure. Pairs whose countries have no hubs are skipped.
func FromTrade(figs []trade.Figure, n *network.Network, opt TradeOptions) ([]Demand, error) {
	const op = "freight.FromTrade"
	if !(opt.USDPerTonne > 0) {
		return nil, caravan.Errorf(caravan.Invalid, op, "value per tonne %v must be positive", opt.USDPerTonne)
	}
	if opt.Hubs <= 0 {
		opt.Hubs = 2
	}
	end := network.MakeDate(opt.Year, 12, 31)
	only := map[string]bool{}
	for _, p := range opt.Only {
		a, b, _ := strings.Cut(strings.ToUpper(p), "-")
		only[a+"-"+b], only[b+"-"+a] = true, true
	}
	pick := map[[2]string]*trade.Figure{}
	for i := range figs {
		f := &figs[i]
		if f.Scope != trade.Bilateral || f.Flow != "" || f.Doubt != "" {
			continue
		}
		if len(only) > 0 && !only[f.A+"-"+f.B] {
			continue
		}
		k := [2]string{f.A, f.B}
		cur := pick[k]
		switch f.Kind {
		case trade.Target:
			if f.Period.End != 0 && f.Period.End > end {
				continue
			}
			if cur == nil || cur.Kind == trade.Actual || f.Announced > cur.Announced || (f.Announced == cur.Announced && f.ID > cur.ID) {
				pick[k] = f
			}
		case trade.Actual:
			if !f.Period.Annual() || f.Period.End > end || (cur != nil && cur.Kind == trade.Target) {
				continue
			}
			if cur == nil || f.Period.End > cur.Period.End {
				pick[k] = f
			}
		}
	}
	keys := make([][2]string, 0, len(pick))
	for k := range pick {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	var out []Demand
	for _, k := range keys {
		f := pick[k]
		tonnes := f.Tonnes.Value
		how := fmt.Sprintf("%s %s %s: %.4g t", f.ID, f.Kind, f.Period.Name(), tonnes)
		if !(tonnes > 0) {
			tonnes = f.USD.Value / opt.USDPerTonne
			how = fmt.Sprintf("%s %s %s: $%.4g / $%g per t", f.ID, f.Kind, f.Period.Name(), f.USD.Value, opt.USDPerTonne)
		}
		ha, hb := n.Hubs(f.A, opt.Hubs), n.Hubs(f.B, opt.Hubs)
		if !(tonnes > 0) || len(ha) == 0 || len(hb) == 0 {
			continue
		}
		share := tonnes / 2 / float64(len(ha)*len(hb))
		for _, dir := range [2][2][]*network.Place{{ha, hb}, {hb, ha}} {
			for _, p := range dir[0] {
				for _, q := range dir[1] {
					out = append(out, Demand{From: p.ID, To: q.ID, TonnesPerYear: share, Basis: how})
				}
			}
		}
	}
	return out, nil
}
