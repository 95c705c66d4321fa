package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Attribute statuses: what a clause says of one measured attribute of a
// project, beside the project statuses of CueStatus.
const (
	statusPaid               = "paid"                // money paid, spent or disbursed
	statusFinancingSecured   = "financing_secured"   // a loan or grant approved or allocated
	statusFinancingPledged   = "financing_pledged"   // a sum pledged or set aside, not yet bound by a loan
	statusResumed            = "resumed"             // work started again after a stop
	statusCompletionExpected = "completion_expected" // a completion date ahead
)

// attrOnly are the CueStatus codes that qualify an attribute (a sum paid)
// and never a project as a whole.
var attrOnly = []string{statusPaid, statusFinancingSecured, statusFinancingPledged}

// projectAttributes reads one project fact per measured attribute of a
// project in sentence s: a length (km), a power (MW) or a volume (m³) with
// its rate, or a sum of US dollars in a clause about cost, financing or
// payment. The project is the one the clause names, or the last one named
// when the clause refers back («این خط», "the line", "its", «قطعه …»).
// Each attribute takes the status of its own verb: the nearest status cue
// after it in Persian, on either side in English, that no other attribute
// is nearer to. A clause that sets a completion date gives a fact with
// status completion_expected and the date as its period.
func (x *Extractor) projectAttributes(d *doc, s *sentence) []candidate {
	var out []candidate
	d.projectParties(s)
	for _, c := range d.clauses(s) {
		var ms []amount
		for _, am := range s.amounts {
			if am.a < c.a || am.a >= c.b {
				continue
			}
			if am.kind == amtMeasure && d.roleIn(max(c.a, am.a-3), min(c.b, am.b+3), roleJourney) >= 0 {
				continue // "completing the 10,400 km journey"
			}
			if am.kind == amtMeasure && d.distanceSaved(c, am) {
				continue // "will cut the rail route … by about 900 km", «… ۹۰۰ کیلومتر کوتاه می‌کند»
			}
			if am.kind == amtMeasure || am.kind == amtMoney && am.currency == "USD" && (d.projectMoney(c) || d.sumNamesWork(am)) {
				ms = append(ms, am)
			}
		}
		timeline := d.timelineCue(c)
		starts := d.roleIn(c.a, c.b, roleStart) >= 0 || d.roleIn(c.a, c.b, roleStarted) >= 0
		// "expected to be commissioned in 2026", "the first units are to
		// be commissioned in 2030": a launch to come with its own year.
		launchAt, launchYear, launchBy := d.plannedLaunch(s, c)
		if len(ms) == 0 && timeline < 0 && !starts && launchYear == nil {
			continue
		}
		id, tok := d.clauseProject(s, c)
		if id == "" && len(ms) > 0 {
			id, tok = d.financeFollows(s, c)
		}
		if id == "" && len(ms) > 0 {
			id, tok = d.sheetProject(s, c)
		}
		if id == "" && len(ms) == 0 && starts && (d.roleIn(c.a, c.a+1, roleBuild) >= 0 || d.roleIn(c.a, c.a+1, roleWorks) >= 0) {
			// "… the 71-km Peshawar–Torkham link … is under preparation.
			// Construction is planned to start in 2027.": a construction
			// with no object goes on about the project just named.
			id, tok = d.projectBefore(s)
		}
		if id == "" && len(ms) > 0 && !d.isHeadline(s) {
			// (A headline's sum is the body's, said of the same thing.)
			id, tok = d.builtUnnamed(c, ms)
		}
		loans := false // the clause's sums are loans of a project named before
		if id == "" && len(ms) > 0 && (d.loanSums(c, ms) || d.financingVerb(c) && !d.sumForOther(c, ms)) {
			// "The package comprises a $95 million concessional loan and
			// a $70 million grant", "has committed $40 million in
			// parallel cofinancing", "while Uzbekistan will contribute
			// $250 million from its state budget": loans, grants and
			// sums pledged to the project the article finances, named in
			// the three sentences before.
			if pid, at := d.lastProjectAt(c.a); pid != "" && at >= d.sents[max(0, s.idx-3)].a {
				id, tok, loans = pid, c.a, true
			}
		}
		if id == "" {
			continue
		}
		name := x.projectName(d, id)
		if timeline >= 0 {
			// «… تا پایان سال ۲۰۲۶ تکمیل خواهد شد», also beside a measure.
			p, _ := d.nearestPeriod(s, c.a, c.b, timeline, timeline+1, false, true)
			if p == nil && !s.latin {
				p = d.periodBeforeVerb(s, c, timeline)
			}
			if p != nil {
				f := d.projectFact(s, c, id, name, tok, statusCompletionExpected)
				f.Period = ptr(p.Label)
				f.projKey = id + "|" + statusCompletionExpected
				out = append(out, f)
			}
		}
		if launchYear != nil {
			// "Construction … is expected to start in 2026 and the first
			// units are to be commissioned in 2030": a second milestone to
			// come, after a start, with its own year.
			st := "planned"
			if launchBy {
				st = statusCompletionExpected
			}
			f := d.projectFact(s, c, id, name, tok, st)
			f.Period = ptr(launchYear.Label)
			f.projKey = id + "|" + st + "|" + launchYear.Label
			if launchBy {
				f.projKey, f.launchBy = id+"|"+st, true
			}
			f.tok = launchAt
			out = append(out, f)
		}
		if starts && (len(ms) > 0 || !d.namesProject(tok)) {
			// "Construction of the first section … is scheduled to begin
			// in 2026": a start with its year, of a project referred to;
			// "Civil works began in October 2025 and are expected to be
			// completed by the end of 2028": the start before the
			// completion date.
			sc := c
			if timeline >= 0 {
				sc.b = timeline
				// «… کار بخش دوم تا پایان سال ۱۴۰۶ تکمیل شود و کار ساخت
				// بخش سوم … در ماه حمل سال ۱۴۰۶ آغاز خواهد شد»: a start
				// after the completion date has its own part.
				if st := max(d.roleIn(timeline+1, c.b, roleStart), d.roleIn(timeline+1, c.b, roleStarted)); st > timeline {
					sc = span{timeline + 1, c.b}
				}
			}
			st := d.projectStatus(s, sc)
			if len(ms) > 0 && !(st == "planned" && d.roleIn(sc.a, sc.b, roleStart) >= 0 || st == "construction_started" && d.roleIn(sc.a, sc.b, roleStarted) >= 0) {
				// (Beside a measure, only a start the clause tells:
				// "Work began on …, a 160-km project … that will be
				// commissioned by 2029" plans the commissioning, not
				// the start.)
				st = ""
			}
			if st == "planned" || st == "construction_started" {
				p := d.periodOrDeadline(s, sc.a, sc.b)
				if st == "planned" {
					p = ahead(p, d.art.Date) // "will begin in March": the coming March
				}
				if p != nil {
					f := d.projectFact(s, c, id, name, tok, st)
					f.Period = ptr(p.Label)
					f.projKey = id + "|" + st
					if st == "planned" {
						f.projKey += "|" + p.Label // the one plan of that date (see plannedLaunch)
					}
					out = append(out, f)
				}
			}
		}
		if len(ms) == 0 {
			continue
		}
		located := d.lengthsByCountry(s, ms)
		statuses := d.attributeStatuses(s, c, ms)
		for k, am := range ms {
			if statuses[k] == "" && am.kind == amtMoney && d.loanDrawnAfter(s, c, am) {
				// «… از محل وام دولتی روسیه به مبلغ یک میلیارد و ۳۰۰ میلیون
				// یورو … تأمین شود» and then «نخستین قسط این وام … پرداخت
				// شده»: a loan drawn on is secured.
				statuses[k] = statusFinancingSecured
			}
		}
		if loans && d.financedBefore(s) {
			// (The loans of a package approved just before are secured.)
			for k := range statuses {
				if statuses[k] == "" {
					statuses[k] = statusFinancingSecured
				}
			}
		}
		for k, am := range ms {
			f := d.projectFactAt(s, c, id, name, tok, statuses[k], am.a)
			v, unit := am.value, am.unit
			switch am.kind {
			case amtMoney:
				unit = "USD"
				if am.per == "yr" {
					unit = "USD/yr"
				}
				if am.max > 0 {
					f.ValueMax = ptr(am.max)
				}
			case amtMeasure:
				if d.word(am.b-1) == "bcm" {
					v *= 1e9
				}
				if am.per == "yr" && unit != "km" && unit != "MW" {
					// (A length or a power has no rate: «طول … ۸۱۶ کیلومتر و
					// ظرفیت سالانهٔ این خط لوله …» gives the year to the
					// volume after it.)
					unit += "/yr"
				}
			}
			f.Value, f.Unit, f.Qualifier = ptr(v), ptr(unit), am.qual
			if statuses[k] == statusFinancingSecured {
				// "A loan of $2.35 billion … was secured in September": the
				// date of the event, between the sum and its verb or just
				// after the verb. (A measure carries no status, decision 9:
				// its clause's status is a fact of its own, dated there.)
				dated := false
				for _, m := range d.cuesIn(am.b, c.b, CueStatus) {
					if m.Entry.Code != statusFinancingSecured {
						continue
					}
					hi := m.Start
					if s.latin {
						hi = min(c.b, m.End+3)
					}
					if p, _ := d.nearestPeriod(s, am.b, hi, am.b, hi, false, false); p != nil {
						f.Period, dated = ptr(p.Label), true
					}
					break
				}
				if !dated && s.latin {
					// "The AIIB approved a $150 million cofinancing loan in
					// October", "The ADB Board of Directors on 1 December
					// approved a $285 million loan": the verb before the
					// sum, its date just after the sum's noun or just
					// before the verb (a day gives its month).
					if p := d.approvalDate(s, c, am); p != "" {
						f.Period = ptr(p)
					}
				}
			}
			if located != nil && located[k] != "" {
				// "of which 305 km lie in Kyrgyzstan, 155 km in China":
				// a part of the line lying in one country is that
				// country's, whatever the line links.
				f.Countries, f.inside = []string{located[k]}, true
			}
			f.projKey = id + "|" + unit + "|" + strconv.FormatFloat(v, 'g', -1, 64)
			f.tok = am.a
			out = append(out, f)
		}
	}
	return out
}

// locatedWords may stand between a length and the "in" that locates it:
// "305 km lie in Kyrgyzstan", «۳۰۵ کیلومتر آن در خاک قرقیزستان».
var locatedWords = map[string]bool{"lie": true, "lies": true, "run": true, "runs": true, "are": true, "is": true,
	"located": true, "situated": true, "آن": true}

// lengthsByCountry returns, for each measure of ms (in order), the
// country the text locates it in when the sentence splits a line's
// length among two or more countries ("of which 305 km lie in Kyrgyzstan,
// 155 km in China and 63 km in Uzbekistan", "8 kilometres on Kazakh
// territory and 16 kilometres on the Chinese side", «که ۳۰۵ کیلومتر آن در
// قرقیزستان و ۱۵۵ کیلومتر در چین است»); "" for the others, and nil when
// it locates them in fewer than two. One length "in Iran" alone is the
// line's part in that country, said of the whole line, and keeps its
// countries.
func (d *doc) lengthsByCountry(s *sentence, ms []amount) []string {
	var out []string
	first, split := "", false
	for k, am := range ms {
		if am.kind != amtMeasure || am.unit != "km" {
			continue
		}
		i := am.b
		for n := 0; n < 2 && locatedWords[d.word(i)]; n++ {
			i++
		}
		w := d.word(i)
		if w != "in" && w != "within" && w != "on" && w != "در" {
			continue
		}
		i++
		if d.word(i) == "خاک" || d.pointAt(i, roleDefinite) {
			i++ // "on the Chinese side", «در خاک ایران»
		}
		for _, m := range s.mentions {
			if m.tok == i && (!m.topic || w == "on") && m.class.Has(ClassCountry|ClassAdjective) { // ("on" makes a topic: "on Syria")
				if out == nil {
					out = make([]string, len(ms))
				}
				out[k] = m.code
				if first == "" {
					first = m.code
				} else if m.code != first {
					split = true
				}
				break
			}
		}
	}
	if !split {
		return nil
	}
	return out
}

// distanceSaved reports whether measure am of clause c is a distance a
// route is cut by, not a length: "cut the route … by (about) 900 km",
// «مسیر را ۹۰۰ کیلومتر کوتاه می‌کند».
func (d *doc) distanceSaved(c span, am amount) bool {
	j := am.a - 1
	if d.word(j) == "about" || d.word(j) == "some" || d.word(j) == "nearly" {
		j--
	}
	if d.word(j) == "by" && d.pointIn(c.a, j, roleShorten) >= 0 {
		return true
	}
	return d.pointIn(am.b, min(c.b, am.b+2), roleShorten) >= 0
}

// plannedLaunch returns a launch to come in clause c with its own year
// ("the first units are to be commissioned in 2030", «… در سال ۱۴۰۶ به
// بهره برداری خواهد رسید», a planned cue or a launch with a future word): the verb's token and the year, which follows
// an English verb and comes before a Persian one; nil when there is none.
func (d *doc) plannedLaunch(s *sentence, c span) (int, *Period, bool) {
	for _, m := range d.cuesIn(c.a, c.b, CueStatus) {
		if m.Entry.Code != "launched" && m.Entry.Code != "planned" || d.conditional(c, m.Start) ||
			m.Entry.Code == "launched" && !d.hasCue(max(c.a, m.Start-6), min(c.b, m.End+3), CueFuture|CueTarget) ||
			d.roleIn(m.Start, m.End, roleStart) >= 0 {
			// (A start to come, "is expected to begin in April 2027", is
			// the clause's start, not a launch.)
			continue
		}
		lo, hi := max(c.a, m.Start-5), m.Start
		if s.latin {
			lo, hi = m.End, min(c.b, m.End+6) // "commissioned at the end of 2026"
		}
		if p := d.periodOrDeadline(s, lo, hi); p != nil { // "by 2026", "at the end of 2026"
			by := d.launchDeadline(s, d.periodStart(s, p)) && d.expectedLaunch(s, c, m)
			return m.Start, ahead(p, d.art.Date), by
		}
	}
	return -1, nil, false
}

// expectedLaunch reports whether the launch cue m of clause c is told as
// an expectation, in the future or after a forecast («… به بهره‌برداری
// خواهد رسید», «پیش‌بینی می‌شود … به بهره‌برداری برسد», "will be
// commissioned", "is expected to open"), not as a schedule in the present
// («… به بهره‌برداری می‌رسد», "is scheduled to open"): with a deadline
// ("by 2027", «تا پایان سال ۱۴۰۹») it is the completion expected.
func (d *doc) expectedLaunch(s *sentence, c span, m Match) bool {
	if !s.latin {
		w := d.norm[d.toks[m.Start].Start:d.toks[m.End-1].End]
		return strings.Contains(w, "خواهد") || strings.HasSuffix(w, "برسد")
	}
	for k := max(c.a, m.Start-4); k < m.Start; k++ {
		if w := d.word(k); w == "will" || w == "expected" {
			return true
		}
	}
	return false
}

// launchDeadline reports whether the period at token at is a deadline a
// launch is expected by: «تا …», or "by" in English ("at the end of 2026"
// is a date, not a deadline: labelling decision 2).
func (d *doc) launchDeadline(s *sentence, at int) bool {
	if at < 0 || !d.deadline(at) {
		return false
	}
	if !s.latin {
		return true
	}
	for k := max(s.a, at-4); k < at; k++ {
		if d.word(k) == "by" {
			return true
		}
	}
	return false
}

// periodOrDeadline returns the period of s within [lo, hi) nearest that
// span, or else the deadline in it ("by 2026"); nil when there is none.
func (d *doc) periodOrDeadline(s *sentence, lo, hi int) *Period {
	if p, _ := d.nearestPeriod(s, lo, hi, lo, hi, false, false); p != nil {
		return p
	}
	p, _ := d.nearestPeriod(s, lo, hi, lo, hi, false, true)
	return p
}

// loanSums reports whether every sum of ms in clause c is a loan, a
// grant or a cofinancing: a financing noun right after it ("a $95
// million concessional loan", "$40 million in parallel cofinancing",
// «۱۵۰ میلیون دلار وام»).
func (d *doc) loanSums(c span, ms []amount) bool {
	for _, am := range ms {
		if am.kind != amtMoney || d.roleIn(am.b, min(c.b, am.b+4), roleFinance) < 0 && d.roleIn(am.b, min(c.b, am.b+4), roleCofinance) < 0 {
			return false
		}
	}
	return len(ms) > 0
}

// financedBefore reports whether one of the three sentences before s
// says financing was secured ("has approved a $165 million financing
// package").
func (d *doc) financedBefore(s *sentence) bool {
	for k := s.idx - 1; k >= 0 && k >= s.idx-3; k-- {
		p := d.sents[k]
		for _, m := range d.cuesIn(p.a, p.b, CueStatus) {
			if m.Entry.Code == statusFinancingSecured {
				return true
			}
		}
	}
	return false
}

// projectMoney reports whether the dollars of clause c are a project's:
// the clause speaks of cost, investment, financing or payment, of a worth
// and of no goods, or of a sum still needed and of no trade («برای تکمیل آن ۱۲۰ ملیون دالر دیگر نیاز
// است»: part of its cost, with no status of its own).
func (d *doc) projectMoney(c span) bool {
	if d.hasCue(c.a, c.b, CueNonTrade) {
		return true
	}
	if d.roleIn(c.a, c.b, roleNeeded) >= 0 && d.tradeCueIn(c) < 0 {
		return true
	}
	if d.pointIn(c.a, c.b, roleWorth) >= 0 && d.tradeCueIn(c) < 0 && !d.hasCue(c.a, c.b, CueCargo) {
		// "Its second phase, worth another $40 million, is due to be
		// finished in 2027": the worth of a project's part, not of goods.
		return true
	}
	for _, m := range d.cuesIn(c.a, c.b, CueStatus) {
		if slices.Contains(attrOnly, m.Entry.Code) {
			return true
		}
	}
	if d.roleIn(c.a, c.b, roleEstimated) >= 0 && d.tradeCueIn(c) < 0 && !d.hasCue(c.a, c.b, CueCargo) &&
		(slices.ContainsFunc(d.entsIn(c.a, c.b), func(m Match) bool { return m.Entry.Class.Has(ClassProject) }) || d.roleIn(c.a, c.b, rolePart) >= 0 ||
			d.projectWordBack(c)) {
		// "CASA-1000, a 1,300-megawatt project, was originally estimated
		// at $1.17 billion", "the Pakistani section from Kharlachi to
		// Peshawar is put at $1.1 billion": a sum estimated of a project
		// the clause names, or of a part of one, is its cost.
		return true
	}
	return false
}

// projectWordBack reports whether clause c refers back to a project by
// its word ("The project, estimated at Rs497 billion (about $1.77
// billion), …", «این طرح»).
func (d *doc) projectWordBack(c span) bool {
	for k := c.a; k < c.b; k++ {
		if d.pointAt(k, roleProjectWord) && (d.referenceBefore(k) || d.pointAt(k-1, roleDefinite)) {
			return true
		}
	}
	return false
}

// builtUnnamed makes an unnamed project of the infrastructure that clause
// c, naming no project, builds, invests in or signs a contract to build
// with a sum ("agreed to build
// a wholesale logistics center near Tashkent at a cost of $250 million",
// "will invest $120 million in equipment for the … terminal"): its id and
// token, or "" when there is none.
func (d *doc) builtUnnamed(c span, ms []amount) (string, int) {
	money := false
	for _, am := range ms {
		money = money || am.kind == amtMoney
	}
	contract := d.roleIn(c.a, c.b, roleBuild) >= 0 && d.hasCue(c.a, c.b, CueAgreementNoun|CueSign) // «قرارداد ساخت پایانه … به ارزش …»
	if !money || d.roleIn(c.a, c.b, roleBuildVerb) < 0 && d.roleIn(c.a, c.b, roleFinance) < 0 && !contract {
		return "", -1
	}
	for _, m := range d.cuesIn(c.a, c.b, CueInfra) {
		if u, ok := d.unnamedAt(m.Start); ok {
			return u.id, m.Start
		}
		if !physicalInfra[d.word(m.Start)] || d.referenceBefore(m.Start) || d.pluralInfra(m) {
			continue
		}
		q, _, _ := d.quote(m.Start, min(c.b, m.End+2))
		id := "unnamed:built:" + strconv.Itoa(m.Start)
		d.addUnnamed(unnamedProject{tok: m.Start, id: id, name: q, head: d.headOf(m)})
		return id, m.Start
	}
	return "", -1
}

// sheetProject returns the project of a data sheet's field line
// ("Financing: Asian Development Bank grant, $95 million (approved); …"),
// which speaks of the project its headline names ("Project Data Sheet:
// Regional Rail Connectivity Project — Termez–Naibabad Section") before
// the body names it: an unnamed project of the headline, its id and the
// clause's first token, or "" when s is no field line or the headline
// names no project.
func (d *doc) sheetProject(s *sentence, c span) (string, int) {
	if !d.fieldLine(s) || len(d.sents) == 0 || !d.isHeadline(d.sents[0]) {
		return "", -1
	}
	h := d.sents[0]
	const id = "unnamed:sheet"
	for _, m := range d.cuesIn(h.a, h.b, CueInfra) {
		if !d.pointAt(m.Start, roleProjectWord) {
			continue
		}
		if _, ok := d.unnamedByID[id]; !ok {
			q, _, _ := d.quote(h.a, h.b)
			d.addUnnamed(unnamedProject{tok: h.a, id: id, name: q, links: d.sheetCountries()})
		}
		return id, c.a
	}
	return "", -1
}

// sheetCountries returns the countries of a data sheet's "Country:" or
// "Countries:" field («کشور:»): the countries of its project.
func (d *doc) sheetCountries() []string {
	var cs []string
	for _, s := range d.sents {
		if d.pointAt(s.a, roleCountryLabel) && d.fieldLine(s) {
			cs = append(cs, d.countries(s, s.a, s.b, true)...)
		}
	}
	return cs
}

// fieldLine reports whether s is a field of a form or data sheet: a line
// that opens with a label of one to three words and a colon ("Financing:",
// "Total cost:", «هزینه کل:»).
func (d *doc) fieldLine(s *sentence) bool {
	if s.a > 0 && d.toks[s.a-1].Kind != TokNewline {
		return false
	}
	for i := s.a; i < min(s.b, s.a+4); i++ {
		if d.tokText(i) == ":" {
			return i > s.a
		}
		if d.toks[i].Kind != TokWord {
			return false
		}
	}
	return false
}

// financeFollows returns the project of the sentence before s in the same
// paragraph when clause c, which names no project, lends, grants, approves
// or invests a sum and speaks of no trade: "The project is estimated to
// cost $6.9 billion. … banks had expressed interest in lending $2.5
// billion", "… The World Bank has approved $300 million for preparatory
// works."
func (d *doc) financeFollows(s *sentence, c span) (string, int) {
	if s.idx == 0 || d.paragraphBefore(s) || d.tradeCueIn(c) >= 0 {
		return "", -1
	}
	finance := d.roleIn(c.a, c.b, roleFinance) >= 0
	for _, m := range d.cuesIn(c.a, c.b, CueStatus) {
		finance = finance || m.Entry.Code == statusFinancingSecured
	}
	if !finance {
		return "", -1
	}
	if id, _ := d.projectBefore(s); id != "" {
		return id, c.a
	}
	return "", -1
}

// projectBefore returns the project of the sentence before s in the same
// paragraph, and the first token of s; "" when there is none.
func (d *doc) projectBefore(s *sentence) (string, int) {
	if s.idx == 0 || d.paragraphBefore(s) {
		return "", -1
	}
	p := d.sents[s.idx-1]
	for _, pc := range d.clauses(p) {
		if id, _ := d.clauseProject(p, pc); id != "" {
			return id, s.a
		}
	}
	return "", -1
}

// timelineCue returns the token of a completion-date cue in clause c
// ("completion is expected by", «تا … تکمیل خواهد شد»), or -1.
func (d *doc) timelineCue(c span) int {
	at := -1
	for _, m := range d.cuesIn(c.a, c.b, CueStatus) {
		switch m.Entry.Code {
		case statusCompletionExpected:
			at = m.Start
		case "feasibility_study":
			return -1 // the study's completion, not the project's
		}
	}
	return at
}

// periodBeforeVerb returns the period written just before the Persian
// verb at token v of clause c, after any start verb before it («… در بهار
// ۱۴۰۶ آغاز شود و در سال ۱۴۰۸ تکمیل شود»: 1408 is the completion's), or
// nil.
func (d *doc) periodBeforeVerb(s *sentence, c span, v int) *Period {
	lo := max(c.a, v-5)
	for j := v - 1; j >= lo; j-- {
		if d.pointAt(j, roleStart) || d.pointAt(j, roleStarted) || d.roleIn(j, j+1, roleStart) >= 0 || d.roleIn(j, j+1, roleStarted) >= 0 {
			lo = j + 1
			break
		}
	}
	p, _ := d.nearestPeriod(s, lo, v, lo, v, false, false)
	return p
}

// clauseProject returns the project clause c is about: one it names, or
// the last one named before it when the clause refers back with a
// demonstrative or a possessive before an infrastructure or part word
// («این خط لوله», "the line", "its first three sections"), or names a part
// («قطعه ایرانشهر-زاهدان»), or sets a completion date.
func (d *doc) clauseProject(s *sentence, c span) (id string, tok int) {
	for _, m := range d.entsIn(c.a, c.b) {
		if m.Entry.Class.Has(ClassProject) && !d.branchOf(m) {
			return m.Entry.Code, m.Start
		}
	}
	refers := d.timelineCue(c) >= 0 || d.unnamedIn(c.a, c.b)
	ref := ""      // the infrastructure word the clause refers back with
	share := false // the clause names a share of something, not a part of a project («بخشی از محموله‌ها»)
	for k := c.a; k < c.b && !refers; k++ {
		w := d.word(k)
		switch {
		case d.roleBefore(k+1, rolePart):
			// «قطعه ایرانشهر-زاهدان», "the fourth section": a part of the
			// project named before; "a 30-km rail section from Serhetabat
			// to Turghundi" is a new piece of infrastructure.
			refers = !d.indefiniteBefore(c.a, k)
			share = d.word(k+1) == "از"
		case d.hasCue(k, k+1, CueInfra) || physicalInfra[w] || d.pointAt(k, roleLine):
			refers, ref = d.refersBack(s, k), w
		case d.unnamedHead(k):
			refers = true
		case d.hasCue(k, k+1, CueNonTrade) && (s.latin && d.pointAt(k-1, rolePronOwner) || !s.latin && d.pointAt(k+1, rolePronOwner)):
			// "Estimates of its cost have risen from $4.8 billion …",
			// «هزینه آن …»: the sum of the project named before.
			refers = true
		case ref == "" && d.pointAt(k, roleLength) && (d.pointAt(k-1, roleWholeRef) || d.pointAt(k-1, rolePronOwner) || !s.latin && d.pointAt(k+1, roleWholeRef)):
			// "Of the total length, 652 km lie in Afghanistan …", "Of its
			// length, 284 km lie in Kyrgyzstan", «طول مجموعی …»: the
			// length of the project named before (not "The six-lane
			// highway with a total length of 600 kilometres", which names
			// its own).
			refers = true
		case d.ownedWork(s, k):
			// «کار ساخت آن در ماه سرطان ۱۴۰۴ آغاز شده بود», "its
			// construction began in 2024": the project named before.
			refers = true
		}
	}
	if k := d.newInfraIn(c); k >= 0 {
		// "Construction of a new grain terminal … is under way and …
		// expected in 2027": the new work's, once registered.
		if u, ok := d.unnamedAt(k); ok {
			return u.id, k
		}
		return "", -1
	}
	if !refers {
		return "", -1
	}
	id, at := d.lastProjectAt(c.b)
	if kind, head := infraKinds[ref], infraKinds[d.projectHead(id, at)]; kind != "" && head != "" && kind != head {
		// "… the 433-kilometre road …" and later "the railway that will
		// link China with Uzbekistan": a railway is no road.
		return "", -1
	}
	if u, ok := d.unnamedByID[id]; ok && compoundHeads[u.head] && ref != "" && ref != u.head {
		// «… یک مرکز لوژستیکی …» and later «زیان … این گذرگاه»: a centre
		// is referred to as the centre, not as another piece of
		// infrastructure.
		return "", -1
	}
	if id == "" {
		// «… درباره کریدور ارس گفت: این مسیر …»: a name the gazetteer lacks.
		id, _ = d.persianNamedInfra(s, c.a)
	}
	if id == "" && ref == "" && !share {
		// "The port's ferry and ro-ro complex has a capacity of 6 million
		// tonnes a year. Its second stage … is 72 percent complete": a
		// part of infrastructure the sentence before named without a
		// name of its own.
		id = d.infraBefore(s)
	}
	if id == "" {
		return "", -1
	}
	return id, c.a
}

// newInfraIn returns the token at which clause c introduces a piece of
// infrastructure of its own before its first status word: an
// infrastructure word after an indefinite article ("Construction of a
// container hub at Aktau began", «یک پایانه … افتتاح شد») names something
// new, not the project named before; -1 when it introduces none.
func (d *doc) newInfraIn(c span) int {
	end := c.b
	if st := d.cuesIn(c.a, c.b, CueStatus); len(st) > 0 {
		end = st[0].Start
	}
	for k := c.a; k < end; k++ {
		if d.pointAt(k, roleIndefinite) && d.pointAt(k+1, roleFurther) {
			// "A logistics centre next to the crossing, a second phase
			// costing $35 million": a further phase of the work before.
			return -1
		}
	}
	for k := c.a; k < end; k++ {
		if physicalInfra[d.word(k)] || d.hasCue(k, k+1, CueInfra) || d.pointAt(k, roleLine) || d.roleBefore(k+1, rolePart) {
			// (the first one: "the 272-km line, which will create a third
			// rail crossing" refers back)
			if j := d.roleIn(max(c.a, k-3), k, roleIndefinite); j >= 0 && !d.pointAt(j+1, roleFurther) {
				return k
			}
			return -1
		}
	}
	return -1
}

// stretchIn reports whether clause c opens on a stretch of a line told by
// its length from one end ("The first 183 kilometres", "the last 40 km",
// «۱۲۰ کیلومتر نخست»).
func (d *doc) stretchIn(s *sentence, c span) bool {
	for _, am := range s.amounts {
		if am.kind != amtMeasure || am.unit != "km" || am.a < c.a || am.a > c.a+3 {
			continue
		}
		if d.roleIn(am.b, min(c.b, am.b+2), rolePart) >= 0 {
			continue // "The first 42-kilometre section": a part (see partCountry)
		}
		if d.pointAt(am.a-1, roleStretchEnd) || d.pointAt(am.b, roleStretchEnd) {
			return true
		}
	}
	return false
}

// infraKinds groups the infrastructure words whose referents cannot be
// one another: "the railway" does not refer back to a road.
var infraKinds = map[string]string{
	"road": "road", "highway": "road", "motorway": "road", "expressway": "road", "جاده": "road", "سرک": "road", "شاهراه": "road", "بزرگراه": "road",
	"railway": "rail", "railroad": "rail", "راهآهن": "rail", "خطآهن": "rail",
	"pipeline": "pipe", "پایپلاین": "pipe",
	"port": "port", "بندر": "port",
}

// projectHead returns the head word of project id named at token at (see
// headOf), or of the unnamed project id; "" when not known.
func (d *doc) projectHead(id string, at int) string {
	if u, ok := d.unnamedByID[id]; ok && u.head != "" {
		return u.head
	}
	for _, m := range d.entsIn(at, at+1) {
		if m.Entry.Class.Has(ClassProject) {
			return d.headOf(m)
		}
	}
	return ""
}

// infraBefore returns an unnamed project made of the last piece of
// infrastructure the sentence before s names ("The port's ferry and ro-ro
// complex"), registered so that later clauses refer to it; "" when it
// names none.
func (d *doc) infraBefore(s *sentence) string {
	if s.idx == 0 {
		return ""
	}
	p := d.sents[s.idx-1]
	for k := p.b - 1; k >= p.a; k-- {
		if !physicalInfra[d.word(k)] || d.pluralInfra(Match{Start: k, End: k + 1}) {
			continue
		}
		if u, ok := d.unnamedAt(k); ok {
			return u.id
		}
		q, _, _ := d.quote(max(p.a, k-3), k+1)
		u := unnamedProject{tok: k, id: "unnamed:ref:" + strconv.Itoa(k), name: q, head: d.word(k)}
		d.addUnnamed(u)
		return u.id
	}
	return ""
}

// sumForOther reports whether a sum of clause c is for something the
// clause names other than a project referred back to ("$300 million for
// Kyrgyzstan's schools", not "$1.5 billion for the project").
func (d *doc) sumForOther(c span, ms []amount) bool {
	for _, am := range ms {
		for k := am.b; k < min(c.b, am.b+3); k++ {
			if !d.pointAt(k, rolePurpose) {
				continue
			}
			e := min(c.b, k+5)
			return !d.hasCue(k+1, e, CueReference|CueInfra) && !slices.ContainsFunc(d.entsIn(k+1, e), func(m Match) bool { return m.Entry.Class.Has(ClassProject) })
		}
	}
	return false
}

// lenderWord reports whether token k may belong to a lender's name
// written between "and" and its sum: "the" or a capitalized word.
func (d *doc) lenderWord(k int) bool {
	if k < 0 || k >= len(d.toks) || d.toks[k].Kind != TokWord {
		return false
	}
	if d.pointAt(k, roleDefinite) {
		return true
	}
	a, _ := d.text.Source(int(d.toks[k].Start), int(d.toks[k].End))
	r, _ := utf8.DecodeRuneInString(d.text.Src[a:])
	return unicode.IsUpper(r)
}

// approvalDate returns the month or year a sum am of clause c was
// approved or secured, told by a verb before the sum: a period a few words
// after the sum, no comma between ("approved a $150 million loan in
// October", "approved a $60 million loan for the berth in September") or
// just before the verb ("on 1 December approved"); "" when there is none.
func (d *doc) approvalDate(s *sentence, c span, am amount) string {
	var verb *Match
	for _, m := range d.cuesIn(c.a, am.a, CueStatus) {
		if m.Entry.Code == statusFinancingSecured && am.a-m.End <= 3 {
			verb = &m
		}
	}
	if verb == nil {
		return ""
	}
	for _, pm := range s.periods {
		if !pm.Resolved || pm.End > c.b {
			continue
		}
		after := pm.Start >= am.b && pm.Start-am.b <= 7 && d.roleIn(am.b, pm.Start, roleJoin) < 0 && !d.commaBetween(am.b, pm.Start)
		before := pm.End <= verb.Start && verb.Start-pm.End <= 1 && pm.Start >= c.a
		// "In October, the bank's board approved $150 million": a date
		// set before the clause's subject.
		fronted := pm.Start >= c.a && pm.Start <= c.a+1 && pm.End < verb.Start && (d.tokText(pm.End) == "," || d.tokText(pm.End-1) == ",")
		if !after && !before && !fronted {
			continue
		}
		if pm.P.Day {
			if pm.P.Calendar != Gregorian {
				return ""
			}
			return gregMonthOf(pm.P.Start).Label
		}
		return pm.P.Label
	}
	return ""
}

// financingVerb reports whether clause c pledges, secures or pays a sum
// ("will contribute", "has approved", «پرداخت کرد»).
func (d *doc) financingVerb(c span) bool {
	for _, m := range d.cuesIn(c.a, c.b, CueStatus) {
		switch m.Entry.Code {
		case statusFinancingPledged, statusFinancingSecured, statusPaid:
			if !d.conditional(c, m.Start) {
				return true
			}
		}
	}
	return false
}

// ownedWork reports whether the building or the works of something said
// with a possessive pronoun start at token k: "its construction", «ساخت
// آن», «عملیات اجرایی آن».
func (d *doc) ownedWork(s *sentence, k int) bool {
	for _, r := range [...]string{roleBuild, roleWorks} {
		if m, ok := d.roleAt(k, r); ok {
			if s.latin && d.pointAt(k-1, rolePronOwner) || !s.latin && d.pointAt(m.End, rolePronOwner) {
				return true
			}
		}
	}
	return false
}

// asideMeasure reports whether measure am is said aside, of the thing
// itself rather than of the clause's verb: in parentheses after its name
// ("Work on the Fondarya plant (180 MW) began in April") or in an English
// appositive between commas ("The Yavan hydropower plant, with a capacity
// of 140 MW, is 35 percent complete"). Such a measure takes no status; the
// status is the project's own fact.
func (d *doc) asideMeasure(am amount) bool {
	if d.tokText(am.a-1) == "(" && d.tokText(am.b) == ")" {
		return true
	}
	if d.tokText(am.b) != "," || d.word(am.a-1) != "of" {
		return false
	}
	switch d.word(am.a - 2) {
	case "capacity", "length":
	default:
		return false
	}
	for j := am.a - 3; j >= max(0, am.a-5); j-- {
		if d.word(j) == "with" {
			return d.tokText(j-1) == ","
		}
	}
	return false
}

// partAfter returns the token of a part of the project that a new
// conjunct of clause c opens after measure am («طول این خط ۲۲۵ کیلومتر
// است و سه بخش آن تاکنون به بهره‌برداری رسیده است», "the line is 225 km
// long and three sections of it are in service"): the verbs after it are
// the part's, not the measure's; -1 when there is none.
func (d *doc) partAfter(c span, am amount) int {
	for j := am.b; j < c.b; j++ {
		if d.pointAt(j, roleJoin) {
			if p := d.roleIn(j+1, min(c.b, j+4), rolePart); p >= 0 {
				return p
			}
		}
	}
	return -1
}

// beyondWords open what lies past a line's far end: «از آنجا» ("from
// there"), "on to", "onward to", "beyond".
var beyondWords = [][]string{{"از", "آنجا"}, {"on", "to"}, {"onward", "to"}, {"onwards", "to"}, {"beyond"}}

// beyondIn returns the first token of a phrase of clause c that opens what
// lies past the line's far end (see beyondWords), or -1.
func (d *doc) beyondIn(c span) int {
	for k := c.a; k < c.b; k++ {
		for _, ws := range beyondWords {
			ok := k+len(ws) <= c.b
			for i := 0; ok && i < len(ws); i++ {
				ok = d.word(k+i) == ws[i]
			}
			if ok {
				return k
			}
		}
	}
	return -1
}

// ratingBefore returns the first token of a voltage rating ending just
// before token k ("500kV", "220-kV", "500 kV"), or k when there is none.
func (d *doc) ratingBefore(k int) int {
	j := k
	if w := d.word(j - 1); w == "kv" || strings.HasSuffix(w, "kv") && len(w) > 2 && w[0] >= '0' && w[0] <= '9' {
		j--
		if w == "kv" {
			if isDash(d.tokText(j - 1)) {
				j--
			}
			if d.toks[max(0, j-1)].Kind == TokNumber {
				j--
			} else {
				return k
			}
		}
	}
	return j
}

// indefiniteBefore reports whether the noun phrase ending at token k, in
// a clause that starts at a, opens with an indefinite article ("a 30-km
// rail section", «یک پل جدید»): something new, not referred back to.
// (Not an article of the sentence before: "… 6 million tonnes a year. Its
// second stage …".)
func (d *doc) indefiniteBefore(a, k int) bool {
	return d.roleIn(max(a, k-6), k+1, roleIndefinite) >= 0 // "a" "30" "-" "km" "rail" "section"
}

// refersBack reports whether the infrastructure word at token k refers to
// a project named before: «این خط», "the line", "its line", "the new
// line", "the 523-kilometre line" (a determiner before the measure).
func (d *doc) refersBack(s *sentence, k int) bool {
	if d.referenceBefore(k) || d.pointAt(k-1, roleOwnDet) {
		return true
	}
	if d.pointAt(k-1, roleWholeRef) {
		return true // «هزینه کل طرح», "the cost of the whole project": the project named before
	}
	if j := d.ratingBefore(k); j < k && d.pointAt(j-1, roleDefinite) {
		return true // "the 500kV line", "the 220-kV line": a line's rating, no new line
	}
	j := k - 1 // the modifier's first token: "new", or "cross-border" in three
	if isDash(d.tokText(j-1)) && numberWordValue(d.word(j-2)) < 0 {
		j -= 2 // (not "the six-lane highway with a total length of …", which says what it is anew)
	}
	if d.pointAt(j-1, roleDefinite) && !slices.ContainsFunc(d.entsIn(j, k), func(m Match) bool { return m.Entry.Class.Has(ClassPlace) }) {
		return true // "the new line", "the cross-border link", not "the Aktau port", which names a place
	}
	for _, am := range s.amounts {
		if am.b == k && (am.kind == amtMeasure || am.kind == amtMoney) && d.pointAt(am.a-1, roleDefinite) {
			return true // "the 320-km line", "the $1.2 billion project"
		}
	}
	return false
}

// sumNamesWork reports whether the sum am stands before the project or
// infrastructure word it prices ("The $1.2 billion project will carry …",
// "a $500 million terminal"): the work's cost, whatever the clause says
// after it.
func (d *doc) sumNamesWork(am amount) bool {
	return am.b < len(d.toks) && (d.pointAt(am.b, roleProjectWord) || d.hasCue(am.b, am.b+1, CueInfra) || physicalInfra[d.word(am.b)])
}

// loanDrawnAfter reports whether the sum am of clause c is a loan («وام
// … به مبلغ …», "a loan of …", a loan word a few words before it) that
// the next sentence says was drawn on: it refers back to the loan («این
// وام», "the loan") and tells a payment («پرداخت شده», "disbursed").
func (d *doc) loanDrawnAfter(s *sentence, c span, am amount) bool {
	k := d.roleIn(max(c.a, am.a-14), am.a, roleFinance) // (a euro sum may come first: «وام … به مبلغ یک میلیارد و ۳۰۰ میلیون یورو (حدود ۱.۴ میلیارد دلار)»)
	if k < 0 || !d.loanWord(k) || s.idx+1 >= len(d.sents) {
		return false
	}
	n := d.sents[s.idx+1]
	paid := false
	for _, m := range d.cuesIn(n.a, n.b, CueStatus) {
		paid = paid || m.Entry.Code == statusPaid
	}
	if !paid {
		return false
	}
	for j := n.a; j < n.b; j++ {
		if d.loanWord(j) && (d.referenceBefore(j) || d.word(j-1) == "the") {
			return true
		}
	}
	return false
}

// loanWord reports whether token k is a loan's word: "loan", «وام».
func (d *doc) loanWord(k int) bool {
	w := d.word(k)
	return w == "loan" || w == "وام"
}

// attributeStatuses gives each sum of ms (in token order) the status of
// its own verb in clause c: "secured", «پرداخت شد». A length, a power or
// a volume names what the project is and carries no status; the verb of
// its clause is the project's, a fact of its own (labelling decision 9).
func (d *doc) attributeStatuses(s *sentence, c span, ms []amount) []string {
	out := make([]string, len(ms))
	if d.roleIn(c.a, ms[0].a, rolePrep) >= 0 {
		// «تملک اراضی مسیر ۱۶۲ کیلومتری این خط … ۹۲ درصد پیشرفت داشته»:
		// the land acquisition's progress, not the line's.
		return out
	}
	cues := d.cuesIn(c.a, c.b, CueStatus)
	for _, m := range cues {
		if d.conditional(c, m.Start) || m.Entry.Code == statusCompletionExpected || inTimeline(cues, m) {
			continue
		}
		// "a $210 million loan from the Asian Development Bank, approved
		// in 2021, and a $95 million loan …": a participle set off by a
		// comma says what comes before it.
		after := !s.latin || d.tokText(m.Start-1) == ","
		agent := s.latin && d.pointAt(m.End-1, roleBy) // "is financed by a $72 million grant": what follows
		best, dist := -1, 1<<30
		for k, am := range ms {
			var dd int
			switch {
			case m.Start >= am.b && !agent:
				dd = m.Start - am.b
			case after:
				continue // Persian verbs follow what they say
			case m.End <= am.a:
				dd = am.a - m.End
			default:
				continue
			}
			if dd < dist {
				best, dist = k, dd
			}
		}
		if best < 0 || out[best] != "" || ms[best].kind != amtMoney || d.asideMeasure(ms[best]) {
			continue
		}
		if p := d.partAfter(c, ms[best]); p >= 0 && m.Start > p {
			continue
		}
		if st := m.Entry.Code; slices.Contains(attrOnly, st) {
			lo := c.a // the words of the sum's own subject: since the sum before
			if best > 0 {
				lo = ms[best-1].b
			}
			if st == statusFinancingPledged && d.roleIn(m.Start, m.End, roleAllocate) >= 0 &&
				(d.pointIn(lo, min(m.Start, ms[best].a), roleLender) >= 0 || d.roleIn(ms[best].b, ms[best].b+2, roleLoanNoun) >= 0) {
				// «بانک جهانی پیشتر ۳۱۶ میلیون دالر برای بخش افغانستان این
				// پروژه اختصاص داده بود»: a lender's allocation is secured; a
				// budget's ("has allocated Rs68 billion … for 2026-27") is
				// pledged.
				st = statusFinancingSecured
			}
			out[best] = st // a sum is paid or secured, not completed
		}
	}
	for k := 1; k < len(ms); k++ {
		// "co-financed by a US$ 25 million grant from the EBRD … and
		// US$ 40 million from the Asian Development Bank", «… ۵۰ میلیون
		// دلار و ۳۰ میلیون دلار پرداخت کرد»: sums joined by "and" under
		// one verb of financing share it.
		am, prev := ms[k], ms[k-1]
		join := am.a - 1
		if w := d.word(join); w == "a" || w == "an" {
			join-- // "and a $95 million loan"
		}
		if s.latin {
			// "has pledged $1.5 billion … and the Asian Infrastructure
			// Investment Bank $800 million": another lender, its verb left
			// out.
			for j := join; j > max(prev.b, am.a-8) && d.lenderWord(j); j-- {
				if d.pointAt(j-1, roleJoin) {
					join = j - 1
					break
				}
			}
		}
		if am.kind != amtMoney || prev.kind != amtMoney || !d.pointAt(join, roleJoin) || d.verbBetween(prev.b, am.a) {
			continue
		}
		switch {
		case out[k] == "" && slices.Contains(attrOnly, out[k-1]) && s.latin:
			out[k] = out[k-1]
		case out[k-1] == "" && slices.Contains(attrOnly, out[k]) && !s.latin:
			out[k-1] = out[k]
		}
	}
	return out
}

// verbBetween reports whether a status verb stands between tokens a and b,
// other than a participle set off by a comma, which says the sum before it
// ("a $95 million loan from the AIIB, approved in October, and $12
// million from the budget" share "financed by").
func (d *doc) verbBetween(a, b int) bool {
	for _, m := range d.cuesIn(a, b, CueStatus) {
		if d.tokText(m.Start-1) != "," {
			return true
		}
	}
	return false
}

// projectParties records, for each clause of s about a project (named or
// referred back to) that says whom it links or who finances it ("will
// carry electricity from Kyrgyzstan and Tajikistan to Pakistan", «افغانستان
// را از طریق ترکمنستان به قزاقستان وصل کند», «روسیه … وام … برای این
// پروژه»), the countries the clause names: the project's parties, which
// every fact of the project in the article takes (see finish).
func (d *doc) projectParties(s *sentence) {
	for _, c := range d.clauses(s) {
		if k := d.roleIn(c.a, c.b, roleItObject); k > c.a && !slices.ContainsFunc(s.amounts, func(am amount) bool { return am.a > k && am.a < c.b }) {
			// (not "… agreed to raise it to $5 billion": a figure raised)
			// "The joint feasibility study of the 647-km line … Uzbekistan,
			// Afghanistan and Pakistan expect to complete it by June 2026":
			// the countries that act on the project the sentence before
			// names are its parties.
			if cs := d.countries(s, c.a, k, false); len(cs) >= 2 {
				if id, _ := d.clauseProject(s, c); id == "" {
					if id, _ = d.projectBefore(s); id != "" {
						d.addParties(id, cs)
					}
				}
			}
		}
		finance := d.roleIn(c.a, c.b, roleFinance) >= 0
		if d.roleIn(c.a, c.b, roleLink) < 0 && !finance {
			continue
		}
		if !finance && d.tradeCueIn(c) >= 0 {
			// "The road carries most of Tajikistan's trade with
			// Uzbekistan": the trade's partners, not the road's.
			continue
		}
		id, _ := d.clauseProject(s, c)
		if id == "" && finance && d.sumIn(s, c) {
			// «هند همچنین یک خط اعتباری ۲۵۰ میلیون دلاری برای طرح‌های
			// زیربنایی مرتبط با بندر در نظر گرفته است»: a sum a country
			// lends or invests goes to the project named in the three
			// sentences before.
			if pid, at := d.lastProjectAt(c.a); pid != "" && at >= d.sents[max(0, s.idx-3)].a {
				id = pid
			}
		}
		cs := d.countries(s, c.a, c.b, false)
		if w := d.wholeName(c); w.b > w.a {
			// «این خط آهن بخشی از دهلیز «افغانستان-قزاقستان-ترکمنستان» است
			// و در هرات … وصل می‌شود»: the countries that name the larger
			// corridor a line is part of are the corridor's, not the line's.
			cs = cs[:0]
			for _, m := range s.mentions {
				if m.tok >= c.a && m.tok < c.b && !m.topic && (m.tok < w.a || m.tok >= w.b) && !slices.Contains(cs, m.code) {
					cs = append(cs, m.code)
				}
			}
		}
		if k := d.beyondIn(c); k >= 0 && !finance {
			// «… شبکه ریلی ایران … به عراق و از آنجا به سوریه … متصل
			// می‌شود», "carries … freight to Turkmenistan and on to Iran":
			// a country reached from the far end is beyond the line, not
			// a party of it.
			cs = slices.DeleteFunc(cs, func(x string) bool {
				return !slices.ContainsFunc(s.mentions, func(m mention) bool { return m.code == x && m.tok >= c.a && m.tok < k })
			})
		}
		if k := d.roleIn(c.a, c.b, roleCarryVerb); k >= 0 && !finance {
			// "The single-carriageway road, which ends at the Chaman border
			// crossing, carries most of the Afghan transit cargo": the
			// country whose goods a road carries is no party of it.
			cs = slices.DeleteFunc(cs, func(x string) bool {
				return !slices.ContainsFunc(s.mentions, func(m mention) bool {
					return m.code == x && m.tok >= c.a && m.tok < c.b && (m.tok < k || m.class == ClassCountry && !d.possessiveAt(m.end))
				})
			})
		}
		if !finance && d.carriesFreight(s, c) {
			// "The road carries about 1.2 million tonnes of freight a
			// year, much of it to the border with Afghanistan": a
			// country the traffic goes to, named as a border's far side,
			// is a destination, not a party of the road.
			cs = d.withoutBorderSides(s, c, cs)
		}
		if finance && d.stretchIn(s, c) {
			// "The first 183 kilometres, from Balykchy to Aral, were built
			// with Chinese government financing": a financier of a
			// stretch is that stretch's, not every fact's of the whole.
			continue
		}
		if id == "" || len(cs) == 0 {
			continue
		}
		d.addParties(id, cs)
		if finance {
			if d.projFinanced == nil {
				d.projFinanced = map[string]bool{}
			}
			d.projFinanced[id] = true
			if d.projFinanciers == nil {
				d.projFinanciers = map[string][]string{}
			}
			d.projFinanciers[id] = append(d.projFinanciers[id], cs...)
		}
	}
}

// wholeName returns the tokens of the name of the larger whole clause c
// says its project is part of ("part of the Kazakhstan–Turkmenistan–Iran
// corridor", «بخشی از دهلیز «افغانستان-قزاقستان-ترکمنستان»»): countries
// joined by dashes, or a quoted name; an empty span when there is none.
func (d *doc) wholeName(c span) span {
	for k := c.a; k+1 < c.b; k++ {
		if !(d.word(k) == "part" && d.word(k+1) == "of" || d.word(k) == "بخشی" && d.word(k+1) == "از") {
			continue
		}
		j := k + 2
		for n := 0; n < 3 && j < c.b && (d.word(j) == "the" || d.hasCue(j, j+1, CueInfra) || physicalInfra[d.word(j)]); n++ {
			j++
		}
		if t := d.tokText(j); t == "«" || t == "\"" || t == "“" {
			for e := j + 1; e < min(c.b, j+12); e++ {
				if t := d.tokText(e); t == "»" || t == "\"" || t == "”" {
					return span{j, e + 1}
				}
			}
			return span{}
		}
		e := j
		for e < c.b && (d.countryAt(e) || isDash(d.tokText(e)) && d.countryAt(e+1)) {
			e++
		}
		return span{j, e}
	}
	return span{}
}

// countryAt reports whether token k belongs to a country's or a country
// adjective's name.
func (d *doc) countryAt(k int) bool {
	for _, m := range d.entsIn(max(0, k-3), k+1) {
		if m.Start <= k && k < m.End && m.Entry.Class.Has(ClassCountry|ClassAdjective) {
			return true
		}
	}
	return false
}

// sumIn reports whether clause c of s has a sum of US dollars.
func (d *doc) sumIn(s *sentence, c span) bool {
	for _, am := range s.amounts {
		if am.kind == amtMoney && am.currency == "USD" && am.a >= c.a && am.b <= c.b {
			return true
		}
	}
	return false
}

// carriesFreight reports whether clause c measures the freight a project
// carries: a tonnage in the clause.
func (d *doc) carriesFreight(s *sentence, c span) bool {
	for _, am := range s.amounts {
		if am.kind == amtTon && am.a >= c.a && am.b <= c.b {
			return true
		}
	}
	return false
}

// withoutBorderSides returns cs without the countries clause c names only
// as the far side of a border: "the border with Afghanistan", "the Afghan
// border", «مرز افغانستان».
func (d *doc) withoutBorderSides(s *sentence, c span, cs []string) []string {
	side := map[string]bool{}
	other := map[string]bool{}
	for _, m := range s.mentions {
		if m.tok < c.a || m.tok >= c.b || m.topic {
			continue
		}
		if d.borderSideAt(m) {
			side[m.code] = true
		} else {
			other[m.code] = true
		}
	}
	var out []string
	for _, x := range cs {
		if !side[x] || other[x] {
			out = append(out, x)
		}
	}
	return out
}

// borderSideAt reports whether mention m names the far side of a border:
// "border with X", "border of X", "the X border", «مرز X».
func (d *doc) borderSideAt(m mention) bool {
	if w := d.word(m.tok - 2); (w == "border" || w == "frontier") && (d.word(m.tok-1) == "with" || d.word(m.tok-1) == "of") {
		return true
	}
	if w := d.word(m.end); w == "border" || w == "frontier" {
		return true
	}
	w := d.word(m.tok - 1)
	return w == "مرز" || w == "مرزهای"
}

// addParties records countries cs as parties of project id (see finish).
func (d *doc) addParties(id string, cs []string) {
	if d.projParties == nil {
		d.projParties = map[string][]string{}
	}
	d.projParties[id] = normalizeCountries(append(d.projParties[id], cs...))
}
