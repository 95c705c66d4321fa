package extract

import "strings"

// Plain-text tables of statistics releases: a title that says what is
// counted and in which unit ("foreign trade turnover …, January–June 2025
// (USD million)"), a header line of periods, one per column ("Partner
// Jan–Jun 2025 Jan–Jun 2024"), and a row per partner country with one
// figure per column ("Kazakhstan 2,140.5 1,987.2"). Each cell is a trade
// value between the title's country and the row's.

// table is the header of a table and what its title says.
type table struct {
	head    int       // the index of the header sentence
	periods []*Period // the columns' periods
	scale   float64   // the unit's multiple of a dollar (1e6 for "USD million")
	focus   string    // the country whose trade the table gives
}

// tableAt returns the table whose rows follow sentence idx, if any. The
// header is the nearest sentence before idx with two or more periods and
// no figure; the title (the sentences before the header) must speak of
// trade in US dollars with a scale and name the trading country.
func (d *doc) tableAt(idx int) (table, bool) {
	for h := idx - 1; h >= 0 && h >= idx-12; h-- {
		s := d.sents[h]
		if len(s.amounts) > 0 {
			return table{}, false
		}
		var ps []*Period
		for k := range s.periods {
			if p := &s.periods[k]; p.Resolved && !p.P.Day {
				ps = append(ps, &p.P)
			}
		}
		if len(ps) < 2 {
			if d.tableRowWords(s) < 0 && !d.ruleLine(s) {
				return table{}, false // neither a row, a rule nor the header
			}
			continue
		}
		t := table{head: h, periods: ps}
		trade := false
		for k := max(0, h-3); k <= h; k++ {
			p := d.sents[k]
			if d.tradeCueIn(span{p.a, p.b}) >= 0 {
				trade = true
			}
			if d.hasCue(p.a, p.b, CueUSD) {
				switch {
				case d.pointIn(p.a, p.b, roleMillion) >= 0:
					t.scale = 1e6
				case d.pointIn(p.a, p.b, roleBillion) >= 0:
					t.scale = 1e9
				case d.pointIn(p.a, p.b, roleThousand) >= 0:
					t.scale = 1e3
				}
			}
			if t.focus == "" && k < h {
				for _, m := range p.mentions {
					if !m.topic {
						t.focus = m.code
						break
					}
				}
			}
		}
		if !trade || t.scale == 0 || t.focus == "" {
			return table{}, false
		}
		return t, true
	}
	return table{}, false
}

// cellSeps separate the cells of a table drawn with bars ("| Uzbekistan |
// 3,120.4 | 2,870.1 |"), which a row reads past.
var cellSeps = map[string]bool{"|": true, "│": true, "¦": true}

// ruleLine reports whether s only draws a table's lines ("| --- | --- |",
// "-----"): bars, dashes and colons.
func (d *doc) ruleLine(s *sentence) bool {
	for i := s.a; i < s.b; i++ {
		if t := d.tokText(i); !cellSeps[t] && strings.Trim(t, "-=_:") != "" {
			return false
		}
	}
	return s.b > s.a
}

// tableRowWords returns the number of figures of a table row: a country
// first, then only numbers (cell bars aside); -1 when s is not one.
func (d *doc) tableRowWords(s *sentence) int {
	a := s.a
	for a < s.b && cellSeps[d.tokText(a)] {
		a++
	}
	if len(s.mentions) == 0 || s.mentions[0].tok != a {
		return -1
	}
	n := 0
	for i := s.mentions[0].end; i < s.b; i++ {
		if cellSeps[d.tokText(i)] {
			continue
		}
		if d.toks[i].Kind != TokNumber {
			return -1
		}
		n++
	}
	return n
}

// tableFacts reads sentence s as a row of a table: one trade value per
// cell, between the table's country and the row's, in the column's period.
func (d *doc) tableFacts(s *sentence) []candidate {
	n := d.tableRowWords(s)
	if n < 2 || s.mentions[0].code == "" {
		return nil
	}
	t, ok := d.tableAt(s.idx)
	if !ok || len(t.periods) != n || s.mentions[0].code == t.focus {
		return nil
	}
	var out []candidate
	for k, i := 0, s.mentions[0].end; i < s.b; k, i = k+1, i+1 {
		for i < s.b && cellSeps[d.tokText(i)] {
			i++
		}
		if i >= s.b {
			break
		}
		e, ok := parseNumExpr(d.norm, d.toks, i)
		if !ok || e.End != i+1 {
			return nil
		}
		f := d.newCandidate(KindTradeValue, s, i)
		f.Countries = normalizeCountries([]string{t.focus, s.mentions[0].code})
		f.Value = ptr(e.Value * t.scale)
		f.Unit = ptr("USD")
		f.Status = ptr(StatusActual)
		f.Period = ptr(t.periods[k].Label)
		d.setQuote(&f, s.a, s.b)
		out = append(out, f)
	}
	return out
}
