package extract

import (
	"slices"
	"time"

	"github.com/caravan-transport/caravan/jalali"
)

// periodCtx is what the period rules of a trade or tonnage figure read:
// the k-th amount of clause c of sentence s, the facts already made from
// the clause's earlier figures, whether the clause reports growth and
// whether the figure is a target (which takes deadlines).
type periodCtx struct {
	s      *sentence
	c      span
	ams    []amount
	k      int
	facts  []candidate
	growth bool
	target bool
	found  bool // the clause names a period, resolved or not («امسال»)

	kind      string   // the figure's kind
	countries []string // the figure's countries
}

// periodRule is one way a figure finds its period; apply returns the
// period's label or "", and whether the clause names a period (the first
// rule reads it). The context goes by value: the figure stays on the stack.
type periodRule struct {
	name  string
	apply func(d *doc, pc periodCtx) (label string, found bool)
}

// periodRules are tried in order until one gives a period (TestPeriodRules
// has a case for each). A figure whose
// clause names a period it cannot resolve («چند ماه اخیر», «امسال» in an
// SH-counting report) stops at the first rule: the clause said the period,
// and it is unknown.
var periodRules = []periodRule{
	{"comparison in parentheses", func(d *doc, pc periodCtx) (string, bool) {
		// "$412 million ($365 million in the same months of last year)",
		// «… ۹۸۰ میلیون دلار رسید (در مدت مشابه سال قبل یک میلیارد و ۱۴۰
		// میلیون دلار)», "up 18.4 percent from a year earlier ($421.1
		// million)": the figure in parentheses is the one before, a year
		// earlier; «در مقایسه با سال ۱۴۰۳ (۳ میلیارد و ۱۵۶ میلیون دلار)»:
		// the comparison's period is its own.
		am := pc.ams[pc.k]
		open := d.openParen(pc.c, am.a, 6)
		if pc.k == 0 || open < 0 {
			return "", pc.found
		}
		if open == am.a-1 {
			for _, m := range pc.s.periods {
				// "(1.74 million tonnes in the whole of 2025)": a period
				// in the figure's own parentheses is its own.
				if m.Start >= am.b && m.End <= pc.c.b && m.Resolved && !m.P.Day && !m.P.Relative && !d.comparison(m.Start, false) && d.openParen(pc.c, m.Start, 9) == open {
					return m.P.Label, pc.found
				}
				// (Not "the same period last year", «مدت مشابه سال گذشته
				// (۲۶۴ میلیون دلار)»: the span a year before, below.)
				if m.End == open && m.Resolved && !m.P.Day && d.comparison(m.Start, false) && !(m.P.Relative && d.yearEarlier(max(pc.c.a, open-6), open)) {
					if d.pointIn(max(pc.c.a, m.Start-4), m.Start, roleSameDet) >= 0 || d.pointIn(max(pc.c.a, m.Start-4), m.Start, roleSameFa) >= 0 {
						// "8.7 percent more than in the same period of
						// 2025 (1.25 million tonnes)": the figure's span
						// in that year.
						if l := shiftInto(pc.lastPeriod(), m.P); l != "" {
							return l, pc.found
						}
					}
					return m.P.Label, pc.found
				}
			}
		}
		if open < am.a-1 {
			for _, m := range pc.s.periods {
				// "$146.3 million (FY26: $118.0 million)" after July–November
				// FY2026-27: a year that labels the figure in parentheses is
				// the figure's span in that year (the whole year after a
				// whole year: "$3.12 billion in fiscal year 2025-26 (FY25:
				// $2.74 billion)").
				if m.Start == open+1 && m.End < am.a && m.Resolved && !m.P.Day && !m.P.Relative {
					if l := shiftInto(pc.lastPeriod(), m.P); l != "" {
						return l, pc.found
					}
					return m.P.Label, pc.found
				}
			}
		}
		if !d.yearEarlier(am.b, min(pc.c.b, am.b+8)) && !d.yearEarlier(open+1, am.a) && !(open == am.a-1 && d.yearEarlier(max(pc.c.a, open-4), open)) && !d.bareParenChange(pc.s, pc.c, pc.ams, pc.k, open) {
			return "", pc.found
		}
		return pc.yearBeforeLast(), pc.found
	}},
	{"compared period before its figure", func(d *doc, pc periodCtx) (string, bool) {
		// «… ۲۱ درصد افزایش نسبت به مدت مشابه سال ۱۴۰۴ که ۴۶۰ میلیون دالر
		// بود», «در مقایسه با هشت ماه نخست ۱۴۰۴ که یک میلیارد و ۷۴۸ میلیون
		// دلار بود»: the figure of a relative clause right after a compared
		// period is that period's (its span of the figure before, when
		// the compared period is a whole year).
		am := pc.ams[pc.k]
		j := d.pointIn(max(pc.c.a, am.a-3), am.a, roleRelative)
		if j < 0 {
			return "", pc.found
		}
		for _, m := range pc.s.periods {
			if (m.End != j && m.End != j-1) || m.Start < pc.c.a || !m.Resolved || m.P.Day || !d.comparison(m.Start, false) {
				continue
			}
			prev := pc.lastPeriod()
			if cur := d.articlePeriod(pc.s); prev == "" && cur != nil {
				prev = cur.Label // ("This figure …": the figure of the sentence before)
			}
			if l := shiftInto(prev, m.P); l != "" {
				return l, pc.found
			}
			return m.P.Label, pc.found
		}
		return "", pc.found
	}},
	{"same span of a compared year", func(d *doc, pc periodCtx) (string, bool) {
		// "$61.4 million in the first quarter of FY2026-27, compared with
		// $216.3 million in the same period of FY26", «… در مدت مشابه
		// سال ۱۴۰۳ …»: a figure compared with a longer period, a year
		// the figure's part of, is that part of it.
		am := pc.ams[pc.k]
		if pc.k == 0 || !d.isBaseline(pc.ams, pc.k) && len(d.cuesIn(max(pc.c.a, am.a-3), am.a, CueCompare)) == 0 {
			return "", pc.found
		}
		prev := pc.lastPeriod()
		if prev == "" {
			return "", pc.found
		}
		for _, m := range pc.s.periods {
			if m.Start < am.b || m.Start > am.b+8 || m.End > pc.c.b || !m.Resolved || m.P.Day || !d.comparison(m.Start, false) {
				continue
			}
			if l := shiftInto(prev, m.P); l != "" {
				return l, pc.found
			}
		}
		if !d.isBaseline(pc.ams, pc.k) && d.yearEarlier(am.b, min(pc.c.b, am.b+8)) {
			// «در مقایسه با ۳۱۰ هزار تن در مدت مشابه سال قبل», "compared
			// with 310,000 tonnes in the same period last year": the
			// same span a year before.
			if l, ok := yearBefore(prev); ok {
				return l, pc.found
			}
		}
		return "", pc.found
	}},
	{"the figure a year earlier", func(d *doc, pc periodCtx) (string, bool) {
		// «این رقم در مدت مشابه سال گذشته ۳ میلیون و ۷۳۰ هزار تن بود»,
		// "This figure stood at 310,000 tonnes a year earlier": the
		// figure just reported, the same span a year before the
		// article's current period.
		// So is a figure after "the same period last year" with no figure
		// before it in its clause («در مدت مشابه سال گذشته یک هزار و ۶۲۰
		// تن کالا … صادر شده بود», "In the same months last year, 1,620
		// tonnes were shipped").
		am := pc.ams[pc.k]
		for _, o := range pc.ams[:pc.k] {
			if o.kind == am.kind {
				return "", pc.found // (the first of its kind: "… 35,000 tonnes worth $94 million" has two)
			}
		}
		// "Exports … had stood at $453 million in the same period of last
		// year": the clause's one figure, the same span a year before
		// just after it.
		after := d.yearEarlier(am.b, min(pc.c.b, am.b+8)) && d.pointIn(am.b, min(pc.c.b, am.b+4), roleSameDet) >= 0
		if d.roleIn(pc.c.a, pc.c.b, roleYearEarlier) < 0 ||
			!d.refersToFigure(pc.c) && !after && !(d.yearEarlier(pc.c.a, am.a) && d.hasCue(pc.c.a, am.a, CueCompare) && !amountBetween(pc.s, pc.c.a, am.a)) {
			return "", pc.found
		}
		for _, m := range pc.s.periods {
			// (A month of last year, «در آبان‌ماه سال گذشته», is written
			// out too, though the article's date resolves it.)
			if m.Start >= pc.c.a && m.End <= pc.c.b && m.Resolved && (!m.P.Relative || m.P.End.Sub(m.P.Start) < 300*24*time.Hour) && !d.comparison(m.Start, false) {
				return "", pc.found // a period written out: the clause rule's
			}
		}
		if cur := d.articlePeriod(pc.s); cur != nil {
			if l, ok := yearBefore(cur.Label); ok {
				return l, pc.found
			}
		}
		return "", pc.found
	}},
	{"clause", func(d *doc, pc periodCtx) (string, bool) {
		am := pc.ams[pc.k]
		lo, hi := pc.c.a, pc.c.b
		if d.isBaseline(pc.ams, pc.k) {
			// "from $2 billion a year earlier": only a period written
			// with the baseline is its own.
			lo, hi = am.b, min(pc.c.b, am.b+6) // "in FY2023-24" is five tokens
		}
		p, found := d.figureNearestPeriod(pc, lo, hi)
		if p != nil && !d.isBaseline(pc.ams, pc.k) && d.baselinePeriod(pc.s, d.periodStart(pc.s, p)) {
			// "plunged 57pc to $524m from $1.22 billion in FY25": the
			// period written with the baseline is the baseline's; the
			// figure's comes from the later rules.
			return "", false
		}
		return label(p), found
	}},
	{"sentence", func(d *doc, pc periodCtx) (string, bool) {
		if pc.found || d.isBaseline(pc.ams, pc.k) {
			return "", pc.found
		}
		p, _ := d.figureNearestPeriod(pc, pc.s.a, pc.s.b)
		if p != nil && d.baselinePeriod(pc.s, d.periodStart(pc.s, p)) {
			return "", pc.found // (a baseline's, as in the clause rule)
		}
		return label(p), pc.found
	}},
	{"bulleted list under a title", func(d *doc, pc periodCtx) (string, bool) {
		// An infographic's or a bulletin's bullets under a title that
		// names the period («اینفوگرافیک | ترانزیت ریلی از مرز سرخس در
		// چهار ماه نخست ۱۴۰۴», then «🔹 … : ۱.۲ میلیون تن»); a capacity
		// is no figure of the period.
		if pc.found || pc.target || d.isBaseline(pc.ams, pc.k) || d.isCapacity(pc.s, pc.ams[pc.k]) {
			return "", pc.found
		}
		t := d.bulletTitle(pc.s)
		if t == nil {
			return "", pc.found
		}
		p, _ := d.nearestPeriod(t, t.a, t.b, t.b, t.b, false, false)
		return label(p), pc.found
	}},
	{"list intro", func(d *doc, pc periodCtx) (string, bool) {
		// A list item or a share of a total takes the period of the line
		// it belongs to.
		if pc.found || d.isBaseline(pc.ams, pc.k) || pc.s.intro == nil {
			return "", pc.found
		}
		in := pc.s.intro
		// The period of the line's figure, not of its baseline ("$446
		// million in FY2024-25 from $371 million in FY2023-24").
		a, b := in.b, in.b
		for k, am := range in.amounts {
			if (am.kind == amtMoney || am.kind == amtTon) && !d.isBaseline(in.amounts, k) {
				a, b = am.a, am.b
				break
			}
		}
		p, _ := d.nearestPeriod(in, in.a, in.b, a, b, false, pc.target)
		if p != nil && d.yearBeforeCurrent(in, *p) {
			// (Not a line that gives last year's figure to compare with,
			// «صادرات استان در ۹ ماه نخست سال ۱۴۰۴ …», between the lead
			// and the ranking of its figure.)
			return "", pc.found
		}
		return label(p), pc.found
	}},
	{"year before a baseline", func(d *doc, pc periodCtx) (string, bool) {
		// "to $1.03 billion in FY2024-25 from $1.36bn a year earlier",
		// "fell to $298m from $612m" (no period of its own): the baseline
		// is the year before the figure's.
		am := pc.ams[pc.k]
		if !d.isBaseline(pc.ams, pc.k) || !d.yearEarlier(am.b, min(pc.c.b, am.b+5)) && pc.found {
			return "", pc.found
		}
		return pc.yearBeforeLast(), pc.found
	}},
	{"same period", func(d *doc, pc periodCtx) (string, bool) {
		// "over the same period", «در همین مدت», «در این سال»: the period
		// of the figures reported before.
		if d.isBaseline(pc.ams, pc.k) || pc.target || !d.samePeriodIn(pc.c) {
			// (A target, «… این رقم سال آینده به ۳ میلیون تن برسد» after «…
			// در این مدت …», is for a time to come, not the figures'.)
			return "", pc.found
		}
		return label(d.previousPeriod(pc.s)), pc.found
	}},
	{"year to date", func(d *doc, pc periodCtx) (string, bool) {
		// "Since the start of the year Kuryk has handled 5.7 million
		// tonnes", «از ابتدای سال جاری تاکنون …»: from the start of the
		// year to the end of the article's current period, in its
		// calendar.
		// (The phrase itself may read as a period with no end, «از ابتدای
		// سال جاری»; a period written out in the clause is the clause's.)
		if pc.target || d.roleIn(pc.c.a, pc.c.b, roleYearToDate) < 0 || slices.ContainsFunc(pc.s.periods, func(m periodMatch) bool {
			return m.Resolved && m.Start >= pc.c.a && m.End <= pc.c.b && !d.comparison(m.Start, false)
		}) {
			return "", pc.found
		}
		return label(yearToDate(d.articlePeriod(pc.s))), pc.found
	}},
	{"continued breakdown", func(d *doc, pc periodCtx) (string, bool) {
		// "Kazakh exports to Iran totaled $201.4 mln" after the turnover
		// "in January-September 2025", "Wheat shipments to Uzbekistan rose
		// to 2.9 million tonnes" after the year's flour exports: a
		// breakdown of values or of tonnes goes on with the period of the
		// figure just before.
		if pc.found || pc.target || d.isBaseline(pc.ams, pc.k) {
			return "", pc.found
		}
		// (Tonnes "a month on average" are a rate, no part of a figure.)
		cargo := pc.kind == KindTonnage && pc.ams[pc.k].per == ""
		return label(d.continuedPeriod(pc.s, cargo, pc.countries)), pc.found
	}},
	{"a plan's items", func(d *doc, pc periodCtx) (string, bool) {
		// "… plans to handle 12 million tonnes of cargo in 2027 … The
		// programme foresees 6.6 million tonnes of oil and oil products and
		// 5.4 million tonnes of dry cargo": a target with no period of its
		// own, just after a target sentence that names its year, breaks
		// that plan down.
		if pc.found || !pc.target || pc.s.idx == 0 {
			return "", pc.found
		}
		if k := d.roleIn(pc.s.a, min(pc.s.b, pc.s.a+3), rolePlanNoun); k < 0 || !d.referenceBefore(k) && !d.pointAt(k-1, roleDefinite) {
			return "", pc.found // (the plan referred back to: "The programme", «این برنامه»)
		}
		p := d.sents[pc.s.idx-1]
		if !d.hasCue(p.a, p.b, CueTarget) || !amountBetween(p, p.a, p.b) {
			return "", pc.found
		}
		for j := len(p.periods) - 1; j >= 0; j-- {
			if m := p.periods[j]; m.Resolved && !m.P.Day && !d.comparison(m.Start, false) {
				return m.P.Label, pc.found
			}
		}
		return "", pc.found
	}},
	{"article's current period", func(d *doc, pc periodCtx) (string, bool) {
		// A figure that states no period of its own goes on in the
		// period the article last stated (articlePeriod): the lead's
		// "in the first eight months of 1405" reaches the bulletin's
		// ranked partners and the items of its lists.
		am := pc.ams[pc.k]
		if pc.target || d.isBaseline(pc.ams, pc.k) || d.isCapacity(pc.s, am) || am.per != "" {
			return "", pc.found
		}
		if pc.found {
			// "over nine months" after "January-September 2025": a
			// partial year written without its year is in the year the
			// article gave.
			return label(d.yearlessPeriod(pc.s, pc.c)), pc.found
		}
		return label(d.articlePeriod(pc.s)), pc.found
	}},
}

// yearToDate returns the span from the start of the year of cur's end to
// the end of cur's last month, in cur's calendar; nil when cur is nil or
// not a span of whole months.
func yearToDate(cur *Period) *Period {
	if cur == nil || cur.Day {
		return nil
	}
	if cur.Calendar == SolarHijri {
		j, err := jalali.FromTime(cur.End)
		if err != nil {
			return nil
		}
		p, ok := shMonths(j.Year, 1, j.Month)
		if !ok {
			return nil
		}
		return &p
	}
	p := gregMonths(cur.End.Year(), 1, cur.End.Year(), int(cur.End.Month()))
	return &p
}

// figurePeriod returns the period of the figure of pc by the first of
// periodRules that gives one ("" for none) and the rule's name.
func (d *doc) figurePeriod(pc periodCtx) (label, rule string) {
	for _, r := range periodRules {
		l, found := r.apply(d, pc)
		pc.found = pc.found || found
		if l != "" {
			return l, r.name
		}
	}
	return "", ""
}

// lastPeriod returns the period of the last of the clause's earlier facts
// that has one, "" when none has.
func (pc periodCtx) lastPeriod() string {
	for j := len(pc.facts) - 1; j >= 0; j-- {
		if pc.facts[j].Period != nil {
			return *pc.facts[j].Period
		}
	}
	return ""
}

// shiftInto returns the label of the span of label moved back by one to
// three years so that it lies inside p, when it is shorter than p; ""
// otherwise.
func shiftInto(label string, p Period) string {
	a, b, err := ParseLabel(label)
	if err != nil || b.Sub(a) >= p.End.Sub(p.Start) {
		return ""
	}
	for range 3 {
		l, ok := yearBefore(label)
		if !ok {
			return ""
		}
		label = l
		if a, b, err = ParseLabel(label); err != nil {
			return ""
		}
		if !a.Before(p.Start) && !b.After(p.End) {
			return label
		}
	}
	return ""
}

// yearBeforeLast returns the year before the period of the last of the
// clause's earlier facts that has one ("" when it has none or no year
// before it).
func (pc periodCtx) yearBeforeLast() string {
	for j := len(pc.facts) - 1; j >= 0; j-- {
		if pc.facts[j].Period != nil {
			if p, ok := yearBefore(*pc.facts[j].Period); ok {
				return p
			}
			return ""
		}
	}
	return ""
}

func label(p *Period) string {
	if p == nil {
		return ""
	}
	return p.Label
}

// bulletMarks open the items of a bulleted list.
var bulletMarks = map[string]bool{"🔹": true, "🔸": true, "▪": true, "▫": true, "◾": true, "•": true, "●": true, "✅": true, "📌": true, "*": true}

// bulletTitle returns the article's headline when s is an item of a
// bulleted list that follows it, with only other items between them; nil
// otherwise.
func (d *doc) bulletTitle(s *sentence) *sentence {
	for k := s.idx; k > 0; k-- {
		if !bulletMarks[d.tokText(d.sents[k].a)] {
			return nil
		}
	}
	if t := d.sents[0]; d.isHeadline(t) {
		return t
	}
	return nil
}

// openParen returns the "(" that opens the parentheses token i is in,
// within clause c and n tokens before i, or -1.
func (d *doc) openParen(c span, i, n int) int {
	for k := i - 1; k >= max(c.a, i-n); k-- {
		switch d.tokText(k) {
		case "(":
			return k
		case ")":
			return -1
		}
	}
	return -1
}

// closeParen returns the ")" closing, within n tokens after token i of
// clause c, the parentheses i stands in, or -1.
func (d *doc) closeParen(c span, i, n int) int {
	for k := i + 1; k < min(c.b, i+n); k++ {
		switch d.tokText(k) {
		case ")":
			return k
		case "(":
			return -1
		}
	}
	return -1
}

// figureNearestPeriod returns the period of sentence tokens [lo, hi)
// nearest the figure of pc (see nearestPeriod), passing over the date of a
// project's event written before the figure: "The Termez centre, opened
// in August 2024 …, handled 1.63 million tons in the ten months".
func (d *doc) figureNearestPeriod(pc periodCtx, lo, hi int) (*Period, bool) {
	am := pc.ams[pc.k]
	p, found := d.nearestPeriod(pc.s, lo, hi, am.a, am.b, pc.growth, pc.target)
	for p != nil {
		k := periodIndex(pc.s, p)
		if k < 0 || pc.s.periods[k].Start >= am.a || !d.eventPeriodAt(pc.s.periods[k].Start) {
			break
		}
		lo = pc.s.periods[k].End
		p, found = d.nearestPeriod(pc.s, lo, hi, am.a, am.b, pc.growth, pc.target)
	}
	return p, found
}

// eventPeriodAt reports whether the period at token i is the date of a
// project's event told just before it: "opened in August 2024", «افتتاح
// شد در …».
func (d *doc) eventPeriodAt(i int) bool {
	return i > 0 && d.hasCue(max(0, i-3), i, CueStatus)
}

// periodStart returns the first token of the period of s that p points
// into, or -1.
func (d *doc) periodStart(s *sentence, p *Period) int {
	if k := periodIndex(s, p); k >= 0 {
		return s.periods[k].Start
	}
	return -1
}

// periodIndex returns the index in s.periods of the period p points
// into, or -1.
func periodIndex(s *sentence, p *Period) int {
	for k := range s.periods {
		if &s.periods[k].P == p {
			return k
		}
	}
	return -1
}
