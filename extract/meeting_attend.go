package extract

import "slices"

// Meetings that no meeting word names: officials of two countries at the
// same event («با حضور وزیر راه ایران و سرپرست وزارت فواید عامه
// افغانستان … افتتاح شد», "reopened in the presence of officials of both
// countries"), a visit made with another country's officials ("during a
// visit to the site with Afghan railway officials"), and talks on the
// sidelines of an event. One country and an international organisation
// meet too ("on the sidelines of the forum, Azizi and the head of the
// Asian Development Bank …").

// coMeeting returns the countries of a meeting implied in clause c and
// the token its status is read at, or false.
func (d *doc) coMeeting(s *sentence, c span) ([]string, int, bool) {
	at := d.roleIn(c.a, c.b, roleAttend)
	if at >= 0 && !d.eventIn(c) {
		at = -1
	}
	if at < 0 {
		at = d.roleIn(c.a, c.b, roleSidelines)
	}
	if at < 0 {
		for _, v := range d.cuesIn(c.a, c.b, CueVisit) {
			if !d.referenceBefore(v.Start) && d.withOfficials(v.End, c.b) {
				at = v.Start
				break
			}
		}
	}
	if at < 0 {
		return nil, 0, false
	}
	cs := d.officials(s, c.a, c.b)
	if len(cs) == 1 && cs[0] != d.reporter && d.reporter != "" && d.countrylessTitle(s, c) {
		// «با حضور سفیر تاجیکستان و مقام‌های وزارت انرژی و آب» in an
		// Afghan outlet: the outlet's own officials go without its name.
		cs = append(cs, d.reporter)
	}
	if len(cs) >= 2 || len(cs) == 1 && d.orgIn(c) {
		return cs, at, true
	}
	return nil, 0, false
}

// eventIn reports whether clause c names an event people attend: an
// opening («افتتاح شد», "inaugurated"), a reopening, a ceremony.
func (d *doc) eventIn(c span) bool {
	for _, m := range d.cuesIn(c.a, c.b, CueStatus|CueDisruption) {
		switch m.Entry.Code {
		case "launched", "construction_started", statusResumed, StatusReopened:
			return true
		}
	}
	// «از افتتاح فاز دوم پایانه مرزی دوغارون با حضور سرکنسول افغانستان …
	// خبر داد»: an opening named by its noun.
	return d.roleIn(c.a, c.b, roleEvent) >= 0 || d.roleIn(c.a, c.b, roleOpening) >= 0
}

// withOfficials reports whether «با» or "with" follows token i within a
// few words and is followed by a title ("with Afghan railway officials").
func (d *doc) withOfficials(i, end int) bool {
	for k := i; k < min(end, i+6); k++ {
		if w := d.word(k); w == "with" || w == "با" {
			return d.titleIn(k+1, min(end, k+5))
		}
	}
	return false
}

// officials returns the countries of the officials named in [a, b): each
// title's country ("Iran's deputy minister", «سرپرست وزارت فواید عامه
// افغانستان», «مقامات دو کشور»), the people of the register and the known
// people, in order.
func (d *doc) officials(s *sentence, a, b int) []string {
	var out []string
	add := func(code string) {
		if code != "" && !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	for _, m := range d.entsIn(a, b) {
		switch {
		case m.Entry.Class.Has(ClassPerson):
			add(m.Entry.Code)
		case m.Entry.Class.Has(ClassTitle):
			if code, lo, _ := d.titleCountry(s, m); code != "" {
				// "Uzbek and Afghan transport ministers": the countries
				// listed before the one next to the title are theirs too
				// (not of "Iranian and Afghan officials", whom the labels
				// take for no meeting: genre3's k-en-06, genre10's r-en-01).
				if d.roleIn(m.Start, m.End, roleGenericTitle) < 0 {
					for _, x := range d.listBefore(s, lo) {
						add(x)
					}
				}
				add(code)
				continue
			}
			for _, mt := range s.mentions {
				// «مقامات دو کشور», "officials of both countries".
				if pairOf(mt, m) {
					add(mt.code)
				}
			}
		}
	}
	for _, mt := range s.mentions {
		if mt.tok >= a && mt.tok < b && mt.class == ClassPerson && !mt.topic {
			add(mt.code)
		}
	}
	return out
}

// listBefore returns the countries joined by list glue («و», "and", a
// comma) to the country mention at token at, before it ("Uzbek and" of
// "Uzbek and Afghan ministers").
func (d *doc) listBefore(s *sentence, at int) []string {
	var out []string
	for {
		if at <= s.a || !isListGlue(d.tokText(at-1)) {
			return out
		}
		found := false
		for _, mt := range s.mentions {
			if mt.end == at-1 && !mt.topic && (mt.class == ClassCountry || mt.class == ClassAdjective) {
				out = append(out, mt.code)
				at, found = mt.tok, true
				break
			}
		}
		if !found {
			return out
		}
	}
}

// countrylessTitle reports whether clause c names officials by a title
// with no country («مقام‌های وزارت انرژی و آب», "ministry officials").
func (d *doc) countrylessTitle(s *sentence, c span) bool {
	for _, m := range d.entsIn(c.a, c.b) {
		if !m.Entry.Class.Has(ClassTitle) {
			continue
		}
		if code, _, _ := d.titleCountry(s, m); code != "" {
			continue
		}
		if !slices.ContainsFunc(s.mentions, func(mt mention) bool { return pairOf(mt, m) }) {
			return true
		}
	}
	return false
}

// pairOf reports whether mention mt names the countries of title m as a
// pair just after it («مقامات دو کشور», "officials of both countries").
func pairOf(mt mention, m Match) bool {
	return mt.class == ClassPair && mt.tok >= m.End && mt.tok <= m.End+2
}

// attendee reports whether the country mention at token tok names someone
// attending an event («با حضور سفیر تاجیکستان», "in the presence of the
// Tajik ambassador"): a guest, not a party of what the event is about.
func (d *doc) attendee(s *sentence, tok int) bool {
	at := d.roleIn(max(s.a, tok-6), tok, roleAttend)
	if at < 0 {
		return false
	}
	return d.titleIn(at, tok+3)
}
