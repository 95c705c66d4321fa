package extract

import (
	"slices"
	"strings"
	"time"
)

// disruptionPriority orders the statuses of CueDisruption when one clause
// has several: "reopened after a 25-day closure" is a reopening, «در پی
// درگیری … بسته شد» a closure.
var disruptionPriority = []string{StatusReopened, StatusClosed, StatusClashes}

// disruptionFacts reads closures, reopenings and clashes at border
// crossings, ports and lines from sentence s: a clause with a disruption
// cue (not in the future: «بازگشایی خواهد شد» reports nothing yet; not
// about construction: "construction … has been halted") and a named place
// or a crossing word. The countries are the place's and those
// the clause names, completed to a pair from context; the date comes from
// a day in the clause, or a weekday and the article's date.
func (d *doc) disruptionFacts(s *sentence) []candidate {
	var out []candidate
	for _, c := range d.clauses(s) {
		// «پیش از بسته شدن», «در مدت بسته بودن این گذرگاه», "during the
		// closure": a time named by a closure reported elsewhere.
		cues := slices.DeleteFunc(d.cuesIn(c.a, c.b, CueDisruption), func(m Match) bool { return d.roleBefore(m.Start, roleTimeRef) || d.negatedVerb(m) })
		if len(cues) == 0 || d.hasCue(c.a, c.b, CueFuture) || d.roleIn(c.a, c.b, roleBuild) >= 0 || d.worksHalted(s, c) {
			// "construction of the line has been halted", "Work on the
			// first 153km stretch … was halted": building work stalled (a
			// project status), not traffic stopped.
			continue
		}
		status, tok := "", -1
		for _, st := range disruptionPriority {
			for _, m := range cues {
				if m.Entry.Code == st {
					status, tok = st, m.Start
					break
				}
			}
			if status != "" {
				break
			}
		}
		places, crossing := d.disruptedPlaces(c, tok)
		if len(places) == 0 && (!crossing || status == StatusClashes) {
			continue
		}
		if (len(places) == 0 || d.unnamedAfter(c, tok)) && d.roleIn(s.a, s.b, roleDiversion) >= 0 {
			// "as trade through the main land routes … remained suspended
			// and traders shifted part of their business to Iranian
			// ports", «بندر چابهار با بسته بودن راه‌های پاکستان به مسیر
			// اصلی … تبدیل شده»: crossings no name gives, closed as the
			// background of trade turning to another route (whose port
			// is no closed place), report no closure of their own.
			continue
		}
		if len(places) == 0 {
			// «… دروازهٔ بندر حیرتان در مرز با ازبکستان را بستند» and then
			// «فعالیت بندر دیروز … از سر گرفته شد»: a Dari «بندر» (or an
			// Afghan outlet's) with no name is the crossing named in the
			// sentences before.
			places = []*Entry{nil}
			if d.portIsCrossing() && d.pointIn(c.a, c.b, rolePortWord) >= 0 {
				places[0] = d.crossingBefore(s)
			}
		}
		inland := d.inlandOnly(c)
		closedEnd := -1 // a closure told by its own verb before the reopening
		if status == StatusReopened {
			for _, m := range cues {
				if m.Entry.Code == StatusClosed && m.Start < tok && d.closureVerb(s, m) {
					closedEnd = m.End
				}
			}
		}
		for _, place := range places {
			f := d.newCandidate(KindDisruption, s, tok)
			f.Status = ptr(status)
			var cs []string
			if place != nil {
				f.Place, f.PlaceID = place.Name, place.ID
				cs = append(cs, place.Code)
			}
			// «فعالیت بنادر انزلی، آستارا، امیرآباد و نوشهر … متوقف شده
			// بود», "Aktau port in Kazakhstan was closed": a seaport closes
			// in its own country and those the clause names, not a pair
			// from the map or the context (labelling decision 1).
			port := place != nil && d.postLink(place.ID) == "" && d.seaPort(c, place)
			if other := d.gaz.Facing(place.idOr()); other != "" && !port {
				// A border post is closed between its two countries, whatever
				// else the clause names («… تاجران افغان به بنادر ایران»).
				cs = append(cs, other)
			} else {
				for _, cc := range d.countries(s, c.a, c.b, false) {
					if !slices.Contains(cs, cc) {
						cs = append(cs, cc)
					}
				}
			}
			if len(cs) < 2 && place != nil && !port {
				for _, cc := range d.placePartners(place.ID) {
					if !slices.Contains(cs, cc) {
						cs = append(cs, cc)
					}
				}
			}
			if len(cs) <= 1 && place == nil && crossing && !inland && d.reporter != "" && !slices.Contains(cs, d.reporter) {
				// «مرز رسمی باشماق مریوان با اقلیم کردستان عراق … بسته شده
				// بود» in an Iranian outlet: a crossing the gazetteer does
				// not know, named by its far side or by nothing, has the
				// outlet's country on this side.
				cs = append(cs, d.reporter)
			}
			if port {
				f.Countries = normalizeCountries(cs)
			} else if inland && d.gaz.Facing(place.idOr()) == "" && (place == nil || d.postLink(place.ID) == "") {
				// "The Salang highway … reopened", «شاهراه سالنگ … بسته
				// شد»: a road, pass or tunnel inside one country is that
				// country's alone, unless the clause names others.
				if len(cs) == 0 {
					cs = d.routeEndsCountry(c)
				}
				if len(cs) == 0 {
					cs = d.routeCountry(s)
				}
				f.Countries = normalizeCountries(cs)
			} else {
				f.Countries = d.completePair(s, cs)
			}
			g := f
			if closedEnd >= 0 {
				if s.latin {
					closedEnd = tok // ("closed on Thursday …, reopened": its day follows it)
				}
				g.Status, g.tok = ptr(StatusClosed), c.a
				d.eventDate(s, span{c.a, closedEnd}, &g)
			}
			if g.Date != "" {
				// «شاهراه سالنگ که روز پنجشنبه (۱۲ قوس) … بسته شده بود، امروز
				// شنبه ۱۴ قوس دوباره … باز شد», "The Salang highway, which had
				// been closed on Thursday, reopened on Saturday": the
				// closure, with its own day, and then the reopening. (A
				// closure "since last week" is the reopening's background.)
				d.setQuote(&g, c.a, c.b)
				out = append(out, g)
				d.eventDate(s, span{closedEnd, c.b}, &f)
			} else {
				d.eventDate(s, c, &f)
			}
			if status == StatusClosed && f.Date == "" {
				if p := d.closedSince(s, c, tok); p != nil {
					f.Period = ptr(p.Label)
				}
			}
			if status == StatusClosed && f.Date == "" && f.Period == nil {
				// «این بندر در ماه قوس امسال … یک روز بسته بود», "closed
				// for four days in Dey": a closure dated by a month and no
				// day takes the month (labelling decision 11); a year
				// ("repeated closures this year") dates none.
				if p := d.eventPeriod(s, c, tok); p != nil && p.oneMonth() {
					f.Period = ptr(p.Label)
				} else if item := d.datedItem(s); item != "" {
					// "October – The Torkham crossing is closed for 25
					// days": a dated item's month, as a meeting's.
					f.Period = ptr(item)
				}
			}
			d.setQuote(&f, c.a, c.b)
			out = append(out, f)
		}
	}
	return out
}

// closedSince returns the month or year a closure in clause c dates from:
// "have remained closed since October 2025", «گذرگاه تورخم از میزان ۱۴۰۴
// بسته است», "the closure of Torkham in October 2025" (the closure word at
// cue). The period must be one the text writes out with its year: a
// closure "since October 12" has a day (a date, see eventDate); one «از
// میزان سال گذشته», whose year is the article's, is left to the month rule
// of labelling decision 11 after it; nil then.
func (d *doc) closedSince(s *sentence, c span, cue int) *Period {
	for k := range s.periods {
		m := &s.periods[k]
		if m.Start < c.a || m.End > c.b || !m.Resolved || m.P.Day || m.P.Relative {
			continue
		}
		if d.pointAt(m.Start-1, roleSince) {
			return &m.P
		}
		if cue >= 0 && d.startsRole(cue, roleClosureNoun) && periodLinks[d.word(m.Start-1)] && m.Start > cue && m.Start-cue <= 6 && !amountBetween(s, cue, m.Start) {
			// "the closure of Torkham in October 2025", «پس از بسته شدن
			// گذرگاه تورخم در ماه میزان ۱۴۰۴»: the month it closed.
			return &m.P
		}
	}
	return nil
}

// closureVerb reports whether the closure cue m is a finite verb of its
// own, past or perfect («بسته شده بود», «بسته بود», «مسدود شد», "had been
// closed", "was shut"), not a noun or an infinitive ("a 25-day closure",
// «پس از بسته بودن»).
func (d *doc) closureVerb(s *sentence, m Match) bool {
	if s.latin {
		w := d.word(m.Start - 1)
		return w == "been" || w == "was" || w == "were"
	}
	t := d.norm[d.toks[m.Start].Start:d.toks[m.End-1].End]
	return m.End-m.Start >= 2 && !strings.HasSuffix(t, "بودن") && !strings.HasSuffix(t, "شدن")
}

// worksHalted reports whether clause c, or the sentence it is in, opens
// with the works of a project ("Work on the … stretch", «کار عملی …»):
// what stops is the building, not traffic.
func (d *doc) worksHalted(s *sentence, c span) bool {
	for _, a := range []int{c.a, s.a} {
		if k := d.roleIn(a, min(c.b, a+3), roleWorks); k >= 0 && (d.hasCue(k, min(s.b, k+12), CueInfra) || d.roleIn(k, min(s.b, k+12), rolePart) >= 0) {
			return true
		}
	}
	return false
}

// inlandOnly reports whether the crossing words of clause c are all
// inland routes (roleInlandRoute: a highway, a pass, a tunnel) and there
// is one.
func (d *doc) inlandOnly(c span) bool {
	n := 0
	for k := c.a; k < c.b; k++ {
		if _, ok := d.roleAt(k, roleCrossing); ok {
			if _, in := d.roleAt(k, roleInlandRoute); !in {
				return false
			}
			n++
		}
	}
	return n > 0
}

// routeCountry returns the country of an inland route whose clause names
// none: the first country of the sentence or of the three before it (a
// dateline's «کابل»), else the outlet's; nil when there is none.
func (d *doc) routeCountry(s *sentence) []string {
	for k := s.idx; k >= 0 && k >= s.idx-3; k-- {
		p := d.sents[k]
		if cs := d.countries(p, p.a, p.b, false); len(cs) > 0 {
			return cs[:1]
		}
	}
	if d.reporter != "" {
		return []string{d.reporter}
	}
	return nil
}

// crossingBefore returns the last place named next to a crossing word
// («بندر حیرتان», "the Torkham crossing") in the two sentences before s,
// nil when there is none.
func (d *doc) crossingBefore(s *sentence) *Entry {
	for k := s.idx - 1; k >= max(0, s.idx-2); k-- {
		p := d.sents[k]
		if d.isHeadline(p) {
			continue
		}
		c := span{p.a, p.b}
		var last *Entry
		for j := p.a; j < p.b; j++ {
			if _, ok := d.roleAt(j, roleCrossing); !ok {
				continue
			}
			if ps, _ := d.disruptedPlaces(c, j); len(ps) > 0 {
				last = ps[len(ps)-1]
			}
		}
		if last != nil {
			return last
		}
	}
	return nil
}

// routeEndsCountry returns the one country of the places that name a road
// or line in clause c ("the Dushanbe–Chanak highway"), nil when there is
// none or they lie in two.
func (d *doc) routeEndsCountry(c span) []string {
	for _, m := range d.entsIn(c.a, c.b) {
		inner := d.projPlaces[m.Start]
		if inner == nil {
			inner = d.routeEnds[m.Start]
		}
		if !m.Entry.Class.Has(ClassProject) || len(inner) == 0 || slices.ContainsFunc(inner, func(x string) bool { return x != inner[0] }) {
			continue
		}
		return inner[:1]
	}
	return nil
}

// placePartners returns the countries named in the first sentence that
// names place id with at least one other country («گذرگاه تورخم میان
// افغانستان و پاکستان», "the Torkham crossing between Afghanistan and
// Pakistan"): the sides a later «تورخم» alone refers to.
func (d *doc) placePartners(id string) []string {
	for _, s := range d.sents {
		has := false
		for _, m := range d.entsIn(s.a, s.b) {
			if m.Entry.Class.Has(ClassPlace) && m.Entry.ID == id {
				has = true
				break
			}
		}
		if !has {
			continue
		}
		if cs := d.countries(s, s.a, s.b, false); len(cs) >= 2 {
			return cs
		}
	}
	return nil
}

// disruptedPlaces returns the places a disruption cue at token cue in
// clause c is about: the places named next to a crossing word («گذرگاه
// تورخم», "the Torkham crossing") with those listed after them («گذرگاههای
// تورخم و سپین بولدک»), or else the place next to the cue itself («بسته
// ماندن تورخم», "Torkham reopens"); a dateline or a meeting's city is
// neither. crossing reports whether the clause has a crossing word.
func (d *doc) disruptedPlaces(c span, cue int) (places []*Entry, crossing bool) {
	var words []int
	for k := c.a; k < c.b; k++ {
		if m, ok := d.roleAt(k, roleCrossing); ok {
			words = append(words, m.End-1)
		}
	}
	near := func(m Match, k, reach int) bool {
		// (or inside its name: the dataset names «بندر آکتائو» whole)
		return m.End <= k && k-m.End < reach || m.Start > k && m.Start-k <= reach || m.Start <= k && k < m.End ||
			m.End < k && k-m.End == reach && isDash(d.tokText(m.End)) // "the Dushanbe–Chanak highway": the first of a route's ends
	}
	var byCue *Entry
	byCueEnd := 0
	last := -1        // the end of the last place taken
	var takenAt []int // the first tokens of the places taken
	ents := d.entsIn(c.a, c.b)
	for _, m := range ents {
		if !m.Entry.Class.Has(ClassPlace) || m.Entry.ID == "" {
			continue
		}
		// Joined to the place before by «و», "and" or a comma.
		take := last >= 0 && m.Start-last == 1 && isListGlue(d.tokText(last))
		for _, k := range words {
			take = take || near(m, k, 2)
		}
		if take && !hasPlace(places, m.Entry.ID) {
			places = append(places, m.Entry)
			last = m.End
			takenAt = append(takenAt, m.Start)
			continue
		}
		if byCue == nil && near(m, cue, 3) {
			byCue = m.Entry
			byCueEnd = m.End
		}
	}
	// "the Torkham and Chaman border crossings": the places listed before
	// the one next to an English crossing word.
	for j := len(ents) - 1; j >= 0 && len(takenAt) > 0; j-- {
		m := ents[j]
		if !m.Entry.Class.Has(ClassPlace) || m.Entry.ID == "" || hasPlace(places, m.Entry.ID) {
			continue
		}
		if slices.Contains(takenAt, m.End+1) && isListGlue(d.tokText(m.End)) {
			places = append([]*Entry{m.Entry}, places...)
			takenAt = append(takenAt, m.Start)
		}
	}
	if len(places) == 0 && byCue != nil {
		places = append(places, byCue)
		// "the closures of Torkham and Chaman": the places listed after
		// the one next to the cue.
		last := byCueEnd
		for _, m := range d.entsIn(byCueEnd, c.b) {
			if !m.Entry.Class.Has(ClassPlace) || m.Entry.ID == "" || m.Start-last != 1 || !isListGlue(d.tokText(last)) {
				break
			}
			if !hasPlace(places, m.Entry.ID) {
				places = append(places, m.Entry)
			}
			last = m.End
		}
	}
	return places, len(words) > 0
}

// portIsCrossing reports whether the article's port word («بندر») names a
// land border crossing: it is written in Dari or by an Afghan outlet.
func (d *doc) portIsCrossing() bool { return d.dari || d.reporter == "AF" }

// seaPort reports whether clause c names place as a seaport: a port word
// («بندر», «بنادر», "port") next to it, in English or Iranian Persian
// (Dari, or an Afghan outlet, calls a land border crossing «بندر»: «بندر
// تورخم»).
func (d *doc) seaPort(c span, place *Entry) bool {
	if d.portIsCrossing() {
		return false
	}
	for _, m := range d.entsIn(c.a, c.b) {
		if m.Entry != place {
			continue
		}
		for k := max(c.a, m.Start-3); k < min(c.b, m.End+2); k++ {
			if d.pointAt(k, rolePortWord) {
				return true
			}
		}
	}
	return false
}

// unnamedAfter reports whether the closure cue at token cue of clause c
// governs crossings no name gives: a crossing word within four words
// after it («بسته بودن راه‌های پاکستان», "the closure of the Pakistani
// border crossings") with no place next to it.
func (d *doc) unnamedAfter(c span, cue int) bool {
	for k := cue + 1; k < min(c.b, cue+5); k++ {
		m, ok := d.roleAt(k, roleCrossing)
		if !ok {
			continue
		}
		for _, e := range d.entsIn(max(c.a, m.Start-2), min(c.b, m.End+2)) {
			if e.Entry.Class.Has(ClassPlace) && e.Entry.ID != "" {
				return false
			}
		}
		return true
	}
	return false
}

// hasPlace reports whether places has the place id.
func hasPlace(places []*Entry, id string) bool {
	return slices.ContainsFunc(places, func(e *Entry) bool { return e.ID == id })
}

// eventDate sets f.Date from a day in clause c, from «امروز»/"today" and
// the like (see meetingDate), or from a weekday before the article's date.
func (d *doc) eventDate(s *sentence, c span, f *candidate) {
	d.meetingDate(s, c, f)
	if f.Date != "" || d.art.Date.IsZero() {
		return
	}
	for k := c.a; k < c.b; k++ {
		m, ok := d.roleAt(k, roleWeekday)
		if !ok {
			continue
		}
		back := (int(d.art.Date.Weekday()) - int(m.Entry.Num) + 7) % 7
		f.Date = d.art.Date.AddDate(0, 0, -back).Format(time.DateOnly)
		f.Note = "«" + d.tokText(k) + "» resolved from the article's date"
		return
	}
}
