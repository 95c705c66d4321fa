package extract

import "sort"

// Amount kinds.
const (
	amtMoney = iota + 1
	amtTon
	amtPercent
	amtMeasure // a length, power or volume (CueMeasure); unit says which
)

// amount is a number with a unit found in a sentence: money, tonnes or a
// percentage. Token spans: [a, b) the whole amount with its currency and
// unit, [na, nb) the number.
type amount struct {
	kind       int
	value, max float64 // max is set for ranges ("4 to 6 million")
	currency   string  // ISO 4217 for money
	unit       string  // km, MW or m3 for a measure
	per        string  // "yr" or "month" when a rate
	qual       string  // about, more_than, up_to, approaching
	scale      float64 // the largest scale word (1 when none)
	a, b       int
	na, nb     int
}

// scanAmounts finds the amounts of sentence s.
func (d *doc) scanAmounts(s *sentence) []amount {
	var out []amount
	currency := "" // the last currency written in the sentence
	for i := s.a; i < s.b; {
		am, ok := d.amountAt(s, i)
		if !ok && currency != "" {
			am, ok = d.inheritedMoney(s, i, currency)
		}
		if !ok {
			i++
			continue
		}
		if am.kind == amtMoney {
			currency = am.currency
		}
		out = append(out, am)
		i = am.b
	}
	return d.sharedScale(s, d.listCurrency(s, out))
}

// sharedScale reads a bare figure joined by «و» or "and" to the amount
// after it as an amount of the same scale and unit: «به ترتیب ۴۹۰ و ۳۶۰
// میلیون دالر», "1.2 and 0.9 billion dollars respectively". The bare
// figure has no scale or unit of its own and is under 1,000; the amount
// after it has a scale of a thousand or more.
func (d *doc) sharedScale(s *sentence, ams []amount) []amount {
	var extra []amount
	for k, am := range ams {
		if am.kind != amtMoney && am.kind != amtTon || am.scale < 1e3 || am.max != 0 {
			continue
		}
		j := am.na - 1
		if w := d.word(j); w != "و" && w != "and" || j-1 < s.a {
			continue
		}
		if k > 0 && ams[k-1].b > j-1 {
			continue // the figure before is already an amount
		}
		e, ok := d.numberEndingAt(s, s.a, j)
		if !ok || e.Scale != 1 || e.Value <= 0 || e.Value >= 1000 || d.isYear(e.Start) {
			continue
		}
		x := am
		x.value, x.a, x.b, x.na, x.nb, x.qual = e.Value*am.scale, e.Start, e.End, e.Start, e.End, ""
		extra = append(extra, x)
	}
	if len(extra) == 0 {
		return ams
	}
	ams = append(ams, extra...)
	sort.Slice(ams, func(i, j int) bool { return ams[i].a < ams[j].a })
	return ams
}

// numberEndingAt returns the number expression of sentence s that ends
// just before token end, read back over number tokens no further than lo.
func (d *doc) numberEndingAt(s *sentence, lo, end int) (numExpr, bool) {
	st := end - 1
	if st < lo {
		return numExpr{}, false
	}
	for st > lo && (d.toks[st-1].Kind == TokNumber || isNumberStart(d.norm, d.toks, st-1)) {
		st--
	}
	if d.toks[st].Kind != TokNumber && !isNumberStart(d.norm, d.toks, st) {
		return numExpr{}, false
	}
	e, ok := parseNumExpr(d.norm, d.toks[:s.b], st)
	if !ok || e.End != end {
		return numExpr{}, false
	}
	return e, true
}

// listCurrency gives the currency of a list's last amount to the bare
// figures before it: «به عراق ۸ میلیارد، امارات ۶ میلیارد و ترکیه ۳
// میلیارد دلار». A bare figure needs a scale of a million or more and no
// verb between it and the amount.
func (d *doc) listCurrency(s *sentence, ams []amount) []amount {
	var extra []amount
	for k, am := range ams {
		if am.kind != amtMoney {
			continue
		}
		lo := s.a
		if k > 0 {
			lo = ams[k-1].b
		}
		// Walk back from the amount over list items.
		end := am.a
		for j := am.a - 1; j >= lo && j >= am.a-40; j-- {
			if d.toks[j].Kind != TokNumber && !isNumberStart(d.norm, d.toks, j) {
				if d.hasCue(j, j+1, CueActual|CueTarget|CueTon|CuePercent) {
					break
				}
				continue
			}
			// Find the start of this number expression.
			st := j
			for st > lo && (d.toks[st-1].Kind == TokNumber || isNumberStart(d.norm, d.toks, st-1)) {
				st--
			}
			e, ok := parseNumExpr(d.norm, d.toks[:s.b], st)
			next := d.tokText(e.End)
			listed := e.End == end || next == "،" || next == "," || next == "و" || next == "and" || next == ";"
			if ok && e.End <= end && e.Scale >= 1e6 && !d.hasUnitAt(s, e.End) && listed {
				extra = append(extra, amount{kind: amtMoney, value: e.Value, currency: am.currency, scale: e.Scale, a: st, b: e.End, na: st, nb: e.End})
				end = st
			}
			j = st
		}
	}
	if len(extra) == 0 {
		return ams
	}
	ams = append(ams, extra...)
	sort.Slice(ams, func(i, j int) bool { return ams[i].a < ams[j].a })
	return ams
}

// inheritedMoney reads an amount whose currency was written only with an
// earlier amount: «از دو میلیارد دلار … به پنج میلیارد», "from $1 billion
// to 3 billion". It must have a scale of a million or more and follow «به»,
// «تا», "to", «و» or "and".
func (d *doc) inheritedMoney(s *sentence, i int, currency string) (amount, bool) {
	switch d.word(i - 1) {
	case "به", "تا", "to", "و", "and":
	default:
		return amount{}, false
	}
	e, ok := parseNumExpr(d.norm, d.toks[:s.b], i)
	if !ok || e.Scale < 1e6 || d.hasUnitAt(s, e.End) {
		return amount{}, false
	}
	am := amount{kind: amtMoney, value: e.Value, currency: currency, scale: e.Scale, a: i, b: e.End, na: i, nb: e.End}
	am.per = d.rateOf(s, am)
	return am, true
}

// prefixCurrency returns a currency written before a number at token i
// ("$", "US$", "USD", "Rs").
func (d *doc) prefixCurrency(s *sentence, i int) (string, int, bool) {
	m, ok := d.cueAt(i, CueUSD|CueCurrency)
	if !ok || m.End >= s.b {
		return "", 0, false
	}
	for k := m.Start; k < m.End; k++ {
		if t := d.tokText(k); t == "" || t[0] >= 128 {
			return "", 0, false
		}
	}
	return m.Entry.Code, m.End, true
}

func (d *doc) amountAt(s *sentence, i int) (amount, bool) {
	am := amount{a: i}
	start := i
	if cur, next, ok := d.prefixCurrency(s, i); ok && isNumberStart(d.norm, d.toks, next) {
		am.kind, am.currency = amtMoney, cur
		start = next
	} else if !isNumberStart(d.norm, d.toks, i) {
		return am, false
	}
	e, ok := parseNumExpr(d.norm, d.toks[:s.b], start)
	if !ok {
		return am, false
	}
	am.value, am.scale, am.na, am.nb = e.Value, e.Scale, e.Start, e.End
	k := e.End
	// A range: «بین ۲ تا ۳ میلیون», "4 to 6 million", "8-10 million".
	if k+1 < s.b && am.currency == "" || k+1 < s.b && am.kind == amtMoney {
		switch d.tokText(k) {
		case "تا", "-", "to", "الی", "and", "و":
			j := k + 1
			if c, next, ok := d.prefixCurrency(s, j); ok && c == am.currency {
				j = next
			}
			conj := d.tokText(k) == "and" || d.tokText(k) == "و"
			between := d.word(am.a-1) == "between" || d.word(am.a-1) == "بین" || d.word(am.a-1) == "میان"
			from := d.word(am.a-1) == "from" || d.word(am.a-1) == "از" // "from X to Y" is a change, not a range
			if isNumberStart(d.norm, d.toks, j) && !d.hasUnitAt(s, k) && (!conj || between) && !from {
				if e2, ok := parseNumExpr(d.norm, d.toks[:s.b], j); ok && e2.Value > 0 {
					v1 := e.Value
					if e.Scale == 1 && e2.Scale > 1 && v1 < 1000 {
						v1 *= e2.Scale
					}
					if e2.Value > v1 && v1*100 >= e2.Value {
						// (Not "fell by more than half to 420,000 tonnes": the
						// ends of a range are of one size.)
						am.value, am.max = v1, e2.Value
						if e2.Scale > am.scale {
							am.scale = e2.Scale
						}
						am.nb = e2.End
						k = e2.End
					}
				}
			}
		}
	}
	// The unit.
	switch {
	case am.kind == amtMoney:
		// Currency already read; a repeated suffix ("$5 million USD") is part of it.
		if m, ok := d.cueAt(k, CueUSD|CueCurrency); ok && m.End <= s.b {
			k = m.End
		}
	default:
		if m, ok := d.cueAt(k, CueUSD|CueCurrency); ok && m.End <= s.b {
			am.kind, am.currency = amtMoney, m.Entry.Code
			k = m.End
		} else if m, ok := d.cueAt(k, CueTon); ok && m.End <= s.b {
			am.kind = amtTon
			k = m.End
			if d.personCount(s, k) {
				return am, false
			}
		} else if m, ok := d.cueAt(k, CuePercent); ok && m.End <= s.b {
			am.kind = amtPercent
			k = m.End
		} else if m, ok := d.measureAt(s, k); ok {
			// «۶۲۸ کیلومتری», "a 57-kilometre stretch", "33 bcm".
			am.kind, am.unit = amtMeasure, m.Entry.Code
			k = m.End
			switch am.unit {
			case "m": // «به طول ۲۸۰ متر»: 0.28 km
				if d.roleIn(max(s.a, am.a-3), am.a, roleLength) < 0 && d.roleIn(k, min(s.b, k+2), roleLength) < 0 && !d.hasCue(k, min(s.b, k+1), CueInfra) {
					return am, false // (metres of something else: «۲۰۰ متر از جاده را زیر برف برده بود»)
				}
				am.unit, am.value = "km", tidy(am.value/1000)
				if am.max > 0 {
					am.max = tidy(am.max / 1000)
				}
			case "m2":
				return am, false // an area
			}
		} else {
			return am, false
		}
	}
	am.b = k
	if q, ok := d.qualifierBefore(am.a); ok {
		am.qual = q
	} else if d.passedMark(am) {
		am.qual = "more_than"
	}
	am.per = d.rateOf(s, am)
	return am, true
}

// passedMark reports whether the amount is a mark passed: «از (مرز) ۲
// میلیارد دالر گذشت», «از ۷۴ میلیارد دلار عبور کرد».
func (d *doc) passedMark(am amount) bool {
	from := am.a - 1
	if d.word(from) == "مرز" {
		from--
	}
	return d.word(from) == "از" && d.roleIn(am.b, am.b+1, rolePassed) == am.b
}

// measureAt returns the unit of a measure at token k, or after a hyphen
// there ("225-km").
func (d *doc) measureAt(s *sentence, k int) (Match, bool) {
	if d.tokText(k) == "-" {
		k++
	}
	m, ok := d.cueAt(k, CueMeasure)
	return m, ok && m.End <= s.b
}

// hasUnitAt reports whether a currency, tonne or percent word starts at k.
func (d *doc) hasUnitAt(s *sentence, k int) bool {
	_, ok := d.cueAt(k, CueUSD|CueCurrency|CueTon|CuePercent)
	return ok
}

// personCount reports whether «تن» at the end of an amount counts people
// («سه تن از افراد», «۱۰ تن کشته»).
func (d *doc) personCount(s *sentence, k int) bool {
	if k >= s.b {
		return false
	}
	if d.hasCue(k, k+1, CueHuman) {
		return true
	}
	if d.word(k) == "از" && d.hasCue(k+1, min(k+3, s.b), CueHuman) {
		return true
	}
	return false
}

// qualifierBefore returns the qualifier that ends just before token i.
func (d *doc) qualifierBefore(i int) (string, bool) {
	for _, c := range []Class{CueQualAbout, CueQualMore, CueQualUpTo, CueQualApproach} {
		if m, ok := d.cueEndingAt(i, c); ok {
			return m.Entry.Code, true
		}
	}
	// «به ارزش حدود …»: skip «به».
	return "", false
}

// relativeTime are the words after "a year" or "a month" that make it a
// time ago, not a rate ("a year earlier", "a month ago").
var relativeTime = map[string]bool{"earlier": true, "ago": true, "before": true, "later": true, "previously": true}

// rateOf returns "yr" or "month" when the amount is a rate: «سالانه ۵
// میلیون تن», "5 million tons per year", "annual capacity of 5 million
// tons", but not «در سال ۱۴۰۰».
func (d *doc) rateOf(s *sentence, am amount) string {
	check := func(a, b int, c Class) bool {
		for _, m := range d.cuesIn(max(a, s.a), min(b, s.b), c) {
			if m.End > s.b {
				continue
			}
			// «در سال ۱۴۰۰» is a period, not a rate.
			if m.End < len(d.toks) && d.toks[m.End].Kind == TokNumber && d.isYear(m.End) {
				continue
			}
			if m.Start >= am.a && m.End <= am.b {
				continue
			}
			if relativeTime[d.word(m.End)] {
				continue // "from 3.4 million tonnes a year earlier": a time, not a rate
			}
			return true
		}
		return false
	}
	far := am.b + 3
	if am.kind == amtMeasure && am.unit == "m3" && d.word(am.b) == "of" && !amountBetween(s, am.b, am.b+6) {
		far = am.b + 6 // "33 billion cubic metres of Turkmen gas a year"
	}
	switch {
	case check(am.b, far, CuePerYear) || check(am.a-4, am.a, CuePerYear):
		return "yr"
	case check(am.b, am.b+3, CuePerMonth) || check(am.a-4, am.a, CuePerMonth):
		return "month"
	}
	return ""
}

// isYear reports whether token i is a four-digit year (1300–1499 Solar
// Hijri or 1900–2100 Gregorian).
func (d *doc) isYear(i int) bool {
	t := d.tokText(i)
	if len(t) != 4 {
		return false
	}
	y := 0
	for k := 0; k < 4; k++ {
		if t[k] < '0' || t[k] > '9' {
			return false
		}
		y = y*10 + int(t[k]-'0')
	}
	return y >= 1300 && y <= 1499 || y >= 1900 && y <= 2100
}
