package extract

import (
	"slices"
	"strings"
)

// candidate is a fact with what the rules need to merge duplicates.
type candidate struct {
	Fact
	sent         int      // sentence index
	tok          int      // first token of the trigger or amount (for ordering)
	list         int      // items of one list share a non-zero list id and are never merged
	participants []string // meetings: "title|CC" of the people who met
	earlier      bool     // meetings: an earlier meeting recalled ("They last met in Ashgabat in March")
	sectors      []string // agreements: the specific sectors the agreement covers
	projKey      string   // projects: the project's identity
	listed       bool     // agreements: an item of a list whose verb is in the line before
	counted      bool     // agreements: a counted plural («سه تفاهمنامه», "12 documents")
	count        int      // agreements: how many a counted plural counts, 0 when it gives no number
	inherit      bool     // projects: countries from context, not the clause; the project's other facts give them
	periodBy     string   // trade and tonnage: the period rule that gave the period (see periodRules)
	headline     bool     // read from the article's headline
	projRef      string   // trade and tonnage: the project the figure's clause is about, when it names one country or none
	inside       bool     // projects: a part of a line lying in one country (see sectionCountry); the line's parties are not its
	launchBy     bool     // projects: a completion expected read from a launch expected by a deadline (see expectedLaunch)
	part         string   // projects: the country of a part named by its own ends (see partCountry), settled in finish
	partNamed    bool     // projects: part names its country ("the Afghan section", decision 10); its financiers are in doc.partFinanciers
	partID       string   // projects: which part of the project the fact is of ("the Afghan section", the ends "quetta nokkundi"), "" for the whole; facts of two parts are not merged
}

// span is a token range [a, b).
type span struct{ a, b int }

// clauses cuts sentence s at ';' and at contrastive conjunctions («اما»,
// "but", «در حالی که»), which start a new clause.
func (d *doc) clauses(s *sentence) []span {
	if s.spans == nil {
		s.spans = d.cutClauses(s)
	}
	return s.spans
}

func (d *doc) cutClauses(s *sentence) []span {
	var out []span
	start := s.a
	for i := s.a; i < s.b; i++ {
		if d.toks[i].Kind == TokPunct && (d.tokText(i) == ";" || d.tokText(i) == ":" && i > s.a && d.toks[i-1].Kind == TokWord && !d.labelColon(s, i)) {
			if i > start {
				out = append(out, span{start, i})
			}
			start = i + 1
			continue
		}
		if i > start+2 {
			// (", however," set off by commas inside a clause, "Exports to
			// the five Central Asian republics, however, rose 27pc to
			// $74.6m", is no new clause.)
			if m, ok := d.cueAt(i, CueClauseBreak); ok && !(d.tokText(i-1) == "," && d.tokText(m.End) == ",") || d.partConjunct(s, start, i) {
				out = append(out, span{start, i})
				start = i
			}
		}
	}
	if start < s.b {
		out = append(out, span{start, s.b})
	}
	return out
}

// partConjunct reports whether the "and" at token i, in a clause that
// began at start, opens a conjunct about another part of a project with a
// status of its own: "The Balykchy–Aral section was completed in 2021, and
// the Aral–Kazarman section was opened in September 2025", «بخش نخست … در
// سال ۱۴۰۲ تکمیل شد و بخش دوم … در حال اجرا است». Each part's verb is its
// own, so the two are clauses of their own.
func (d *doc) partConjunct(s *sentence, start, i int) bool {
	end := s.b
	if !d.pointAt(i, roleJoin) || !d.hasCue(start, i, CueStatus) {
		return false
	}
	j := i + 1
	if d.pointAt(j, roleOwnDet) {
		j++ // "the", "its"
	}
	p := d.roleIn(j, min(end, j+4), rolePart)
	// (English only after a comma: "sections A and B were completed"; not
	// a share of what was said: «… ادامه دارد و بخش بزرگ آن به پایان
	// رسیده است».)
	if p < 0 || s.latin && d.tokText(i-1) != "," || d.roleIn(j, p+1, roleShare) >= 0 {
		return false
	}
	return d.hasCue(p+1, end, CueStatus)
}

// labelColon reports whether the colon at token i joins a label to its
// figure, as one clause: an infographic's or a fact sheet's line
// («ترانزیت ریلی کالا از مرز سرخس با ترکمنستان: ۱.۲ میلیون تن»,
// "Financing: grant, $95 million") whose figure follows the colon.
func (d *doc) labelColon(s *sentence, i int) bool {
	for _, am := range s.amounts {
		if am.a == i+1 {
			return true
		}
	}
	return false
}

// countries returns the distinct countries s mentions within [a, b),
// leaving out topics unless topics is set.
func (d *doc) countries(s *sentence, a, b int, topics bool) []string {
	var out []string
	for _, m := range s.mentions {
		if m.tok < a || m.tok >= b || m.topic && !topics {
			continue
		}
		if !slices.Contains(out, m.code) {
			out = append(out, m.code)
		}
	}
	return out
}

// completePair adds the other party from context when a bilateral fact
// names only one country, or both when it names none.
func (d *doc) completePair(s *sentence, cs []string) []string {
	if len(cs) >= 2 {
		return cs
	}
	// Countries of the whole sentence first.
	for _, c := range d.countries(s, s.a, s.b, false) {
		if !slices.Contains(cs, c) {
			cs = append(cs, c)
		}
		if len(cs) >= 2 {
			return cs
		}
	}
	if !d.ownItem(s) { // a digest's item with its own country takes no other item's countries, nor the article's
		for _, c := range d.main {
			if !slices.Contains(cs, c) {
				cs = append(cs, c)
			}
			if len(cs) >= 2 {
				return cs
			}
		}
	}
	var recent []string
	for k := s.idx - 1; k >= d.contextFloor(s) && k >= s.idx-3; k-- {
		for _, m := range slices.Backward(d.sents[k].mentions) {
			if !m.topic && !slices.Contains(recent, m.code) {
				recent = append(recent, m.code)
			}
		}
	}
	for _, c := range recent {
		if !slices.Contains(cs, c) {
			cs = append(cs, c)
		}
		if len(cs) >= 2 {
			break
		}
	}
	return cs
}

// contextCountries returns the countries a sentence that names none
// speaks of: those of the nearest previous sentence of its list item (or
// of the text, when it is in none) naming one or two, or else the two the
// article is most about.
func (d *doc) contextCountries(s *sentence) []string {
	// «ارزش این واردات …», "these exports": all the countries just named.
	refers := slices.ContainsFunc(d.cuesIn(s.a, s.b, CueReference), func(m Match) bool {
		return !d.pointAt(m.End, roleTimeNoun) // (not «صادرات این ماه», "this year": a time referred to)
	})
	for k := s.idx - 1; k >= d.contextFloor(s) && k >= s.idx-2; k-- {
		p := d.sents[k]
		cs := d.dropVenues(p, span{p.a, p.b}, d.countries(p, p.a, p.b, true))
		if len(cs) == 0 {
			continue
		}
		if len(cs) <= 2 || refers {
			return cs
		}
		if x := d.tradeFocus(); x != "" && slices.Contains(cs, x) && !slices.ContainsFunc(s.amounts, func(am amount) bool { return am.kind == amtTon }) {
			// «پاکستان با ۷۱ میلیون دالر …، هند با ۳۸ میلیون دالر …» and
			// then «میوه خشک با ۵۴ میلیون دالر …»: after a list of the
			// trader's partners, a sum naming none is the trader's own
			// (not tonnes, which may cross a post between two).
			return []string{x}
		}
		break
	}
	return slices.Clone(d.main)
}

// setQuote sets the fact's quote to tokens [a, b).
func (d *doc) setQuote(c *candidate, a, b int) {
	q, s, e := d.quote(a, b)
	c.Quote = q
	c.Start, c.End = ptr(s), ptr(e)
}

func (d *doc) newCandidate(kind string, s *sentence, tok int) candidate {
	return candidate{Fact: Fact{Article: d.art.ID, Kind: kind}, sent: s.idx, tok: tok, headline: d.isHeadline(s)}
}

// isHeadline reports whether s is the article's headline: its first
// sentence, a line of its own without a final full stop.
func (d *doc) isHeadline(s *sentence) bool {
	if s.idx != 0 || s.b <= s.a {
		return false
	}
	switch d.tokText(s.b - 1) {
	case ".", "!", "?", "…":
		return false
	}
	return s.b >= len(d.toks) || d.toks[s.b].Kind == TokNewline
}

// referenceBefore reports whether the word before token i is a
// demonstrative («این دیدار», "this meeting"), so the noun at i refers to
// something already reported.
func (d *doc) referenceBefore(i int) bool {
	_, ok := d.cueEndingAt(i, CueReference)
	return ok
}

// nearestPeriod returns the resolved period of s nearest to tokens [a, b)
// within [lo, hi), skipping comparison periods («نسبت به سال ۱۳۹۹»,
// "compared with 2024") and dates. unresolved is true when the nearest
// period mention has no definite bounds («چند ماه اخیر», «امسال»).
func (d *doc) nearestPeriod(s *sentence, lo, hi, a, b int, growth, target bool) (p *Period, found bool) {
	best, bestDist := -1, 1<<30
	own := d.ownPeriodAfter(s, lo, hi, b, target)
	for k, m := range s.periods {
		if m.Start < lo || m.End > hi || m.Resolved && m.P.Day || own >= 0 && k != own {
			continue
		}
		if m.Resolved {
			// Targets take deadlines («تا سال ۲۰۳۰», "by 2030") and
			// periods after the figure ("to exceed $1 billion this year",
			// «رسیدن صادرات به ۵ میلیارد دلار در سال ۱۴۰۵»); other figures
			// take no deadline.
			dl := d.deadline(m.Start)
			// «هدف ترانزیت ریلی در سال ۱۴۰۵ را ۱۰ میلیون تن اعلام کرد»: a
			// period after the target's noun and before its figure is its.
			ofTarget := target && m.End <= a && !amountBetween(s, m.End, a) && (d.targetNounBefore(s, m.Start) || a-m.End <= 3 && levelWords[d.word(m.End)])
			// ("expects to close the year at about 10.6 million tonnes":
			// a period the level follows is its too.)
			if target && !dl && !ofTarget && !(m.Start >= b && !amountBetween(s, b, m.Start)) || !target && dl {
				// "to $3 billion a year from about $545 million in 2024":
				// a period after another figure is that figure's.
				continue
			}
		}
		if d.comparison(m.Start, growth) || d.parenFigurePeriod(s, m.Start, a) {
			continue
		}
		dist := 0
		switch {
		case m.End <= a:
			dist = a - m.End
		case m.Start >= b:
			dist = m.Start - b + 1
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		return nil, false
	}
	if !s.periods[best].Resolved {
		return nil, true
	}
	return &s.periods[best].P, true
}

// levelWords introduce the level a period closes at: "to close the year at
// 10.6 million tonnes", "end the year with $2 billion".
var levelWords = map[string]bool{"at": true, "with": true}

// targetNounBefore reports whether a target's noun («هدف», "target",
// "goal") stands at most twelve tokens before token i of s: the period at
// i qualifies the target («هدف دارد حجم تجارت با کشورهای آسیای میانه را
// در سال ۱۴۰۵ به ۴ میلیارد دالر برساند»).
func (d *doc) targetNounBefore(s *sentence, i int) bool {
	return d.pointIn(max(s.a, i-12), i, roleTargetNoun) >= 0
}

// ownPeriodAfter returns the index of the period of s written just after
// a figure ending at token b, in [lo, hi): "131,000 tons in September and
// 119,500 tons in August", «۹ هزار تن در ماه حمل و ۷ هزار تن در ماه ثور»
// give each figure the month after it, not the one after the figure
// before; -1 when none is. (Targets keep their own rule.)
func (d *doc) ownPeriodAfter(s *sentence, lo, hi, b int, target bool) int {
	if target {
		return -1
	}
	for k, m := range s.periods {
		if m.Start < b || m.Start > b+1 || m.Start < lo || m.End > hi || !m.Resolved || m.P.Day || d.comparison(m.Start, false) || d.deadline(m.Start) {
			continue
		}
		if m.Start == b || periodLinks[d.tokText(b)] {
			return k
		}
	}
	return -1
}

// periodLinks are the words between a figure and the period written
// after it that is its own.
var periodLinks = map[string]bool{"in": true, "during": true, "for": true, "over": true, "در": true}

// parenFigurePeriod reports whether the period at token i is written in
// parentheses with a figure of their own that token a (a figure's) is
// outside of: "$231.6 million, up 23.4 percent ($187.7 million in
// January–October 2025)", «۳۸۰ میلیون دالر (… ۱۱۲۰ میلیون دالر در مدت
// مشابه …)»: the period is the figure in parentheses', a comparison. (The
// period may come eight words into them: "(1.74 million tonnes in the
// whole of 2025)".)
func (d *doc) parenFigurePeriod(s *sentence, i, a int) bool {
	open := d.openParen(span{s.a, s.b}, i, 9)
	if open < 0 {
		return false
	}
	if (a < open || a >= i) && amountBetween(s, open+1, i) {
		return true
	}
	// «(سال گذشته: یک میلیون و ۴۸۰ هزار تن)», "(last year: 1.48 million
	// tonnes)": the period before the figure in parentheses is that
	// figure's too.
	end := d.closeParen(span{s.a, s.b}, i, 12)
	return end >= 0 && (a < open || a > end) && amountBetween(s, i, end)
}

// comparison reports whether a period at token i is a baseline: within a
// few words after «در مقایسه با», «نسبت به», «مدت مشابه», "compared with",
// "than (in)", "the same period of", and after "from" when a growth rate is
// reported.
func (d *doc) comparison(i int, growth bool) bool {
	for _, m := range d.cuesIn(i-4, i+1, CueCompare) {
		if m.End > i+1 {
			continue
		}
		w := d.tokText(m.Start)
		if w == "from" && (!growth || m.End != i) {
			continue
		}
		// An amount in between belongs to the comparison, not the period.
		blocked := false
		for k := m.End; k < i; k++ {
			if d.toks[k].Kind == TokNumber {
				blocked = true
			}
		}
		if !blocked {
			return true
		}
	}
	return false
}

// deadline reports whether the period at token i is the date a target is
// set for: «تا سال ۲۰۳۰», "by 2030", "for 2026"; a span meant whole ("for
// the whole of FY2025-26", "in the whole of 2025") is none.
func (d *doc) deadline(i int) bool {
	by := d.roleBefore(i, roleDeadline) || d.roleBefore(i, roleEndOf) && d.word(i-2) == "تا" // «تا پایان سال ۱۴۰۵»
	return by && !d.roleBefore(i, roleWholeSpan)
}

// amountBetween reports whether a money or tonnage amount of s starts
// within tokens [a, b).
func amountBetween(s *sentence, a, b int) bool { return figureIn(s, a, b, true) }

// figureIn reports whether a money or tonnage amount starts in tokens
// [a, b) of s; without rates, a rate («۱۰ میلیون تن در سال», "a year")
// does not count.
func figureIn(s *sentence, a, b int, rates bool) bool {
	for _, am := range s.amounts {
		if am.a >= a && am.a < b && (am.kind == amtMoney || am.kind == amtTon) && (rates || am.per == "") {
			return true
		}
	}
	return false
}

// negativeVerbPrefixes begin a Persian verb negated by its prefix («باز
// نشده», «بازگشایی نگردید», «باز نمی‌شود»), which a cue written with verb
// affixes («باز شد~») also matches; «نمود» (a light verb, not negated)
// begins with none of them.
var negativeVerbPrefixes = []string{"نش", "نگرد", "نمی"}

// negatedVerb reports whether cue m ends on a negated Persian verb: "has
// not yet reopened" («هنوز باز نشده») reports no reopening.
func (d *doc) negatedVerb(m Match) bool {
	w := d.word(m.End - 1)
	for _, p := range negativeVerbPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
