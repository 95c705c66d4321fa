package extract

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// meetingFacts reads meetings and visits from sentence s: «دیدار»,
// «رایزنی», «سفر … به تهران», "met with", "visit to", and sessions
// («نشست», "summit") whose participants the text names. A list of
// visitors gives one meeting per visitor.
func (d *doc) meetingFacts(s *sentence) []candidate {
	// «دور نخست این مذاکرات در ماه اسد در شهر دوشنبه و دور دوم در ماه
	// میزان امسال در کابل برگزار شده بود», «دور چهارم و پایانی مذاکرات در
	// ماه حمل ۱۴۰۶ … برگزار خواهد شد»: rounds of talks named by their
	// number, held or to be held (the sentence whole: «و» joins them).
	if fs := d.roundSessions(s, span{s.a, s.b}); len(fs) > 0 {
		return fs
	}
	var out []candidate
	for _, c := range d.clauses(s) {
		done := false
		// Visits: «سفر X به Y», "visit by X to Y", «وارد تهران شد».
		for _, v := range d.visits(s, c) {
			if d.referenceBefore(v.Start) {
				continue
			}
			dest, destEnd, ok := d.destination(s, c, v.End)
			if !ok {
				continue
			}
			if !d.humanIn(c.a, v.Start) && !d.humanIn(v.End, dest.tok) {
				// "The first freight train … arrived in Karachi".
				continue
			}
			from := v.End
			if s.latin && d.pointAt(v.End, roleBy) {
				from++
			}
			segs := d.visitors(s, from, dest.tok-1)
			if len(segs) == 0 && s.latin {
				// "Kazakh delegation's visit to …": visitors before the word.
				segs = d.visitors(s, c.a, v.Start)
				if len(segs) > 1 {
					segs = segs[len(segs)-1:]
				}
			}
			if len(segs) == 0 {
				// Visitors before the visit word, and before the destination
				// when it comes first («هیئتی … به آستانه رفته است»).
				end := v.Start
				if dest.tok < end {
					end = dest.tok - 1
				}
				segs = d.visitors(s, c.a, end)
				if len(segs) > 1 {
					segs = segs[len(segs)-1:]
				}
			}
			if len(segs) == 0 {
				// «در جریان سفر وزیر راه به اسلامآباد، ایران و پاکستان …»:
				// the visitor has no country; the clause names the parties.
				segs = []span{{c.a, c.b}}
			}
			list := 0
			if len(segs) > 1 {
				list = s.idx*100 + 50 + v.Start
			}
			for _, seg := range segs {
				cs := append(d.countries(s, seg.a, seg.b, false), dest.code)
				cs = normalizeCountries(cs)
				if len(cs) == 1 && d.reporter != "" && d.reporter != dest.code && d.countrylessTitle(s, c) {
					// «هیئتی از وزارت امور خارجه … به کابل سفر خواهد کرد»
					// in an Iranian outlet: the outlet's own delegation.
					cs = normalizeCountries(append(cs, d.reporter))
				}
				if len(cs) < 2 {
					continue
				}
				f := d.newCandidate(KindMeeting, s, seg.a)
				f.Countries = cs
				f.Status = ptr(d.meetingStatus(s, c, v.Start))
				f.Place = dest.name
				f.list = list
				f.participants = d.participants(s, seg.a, seg.b)
				f.Parties = d.parties(seg.a, seg.b)
				d.meetingWhen(s, c, &f)
				if len(segs) > 1 {
					d.setQuote(&f, seg.a, seg.b)
				} else {
					d.setQuote(&f, c.a, max(destEnd, v.End))
				}
				out = append(out, f)
				done = true
			}
		}
		if done {
			// «… به اسلامآباد سفر کرد و در نشست سهجانبه وزیران خارجه
			// افغانستان، پاکستان و چین شرکت نمود»: the visit and the
			// session it was for.
			if f, ok := d.sessionAfterVisit(s, c, out); ok {
				out = append(out, f)
			}
			continue
		}
		if d.remote(c) {
			continue
		}
		if f, ok := d.nextSession(s, c); ok {
			// "agreed to hold the next round of talks in Tashkent", «نشست
			// بعدی … در تاشکند برگزار شود»: a session still to come between
			// the parties in context. A meeting may be reported before it
			// ("…, who co-chaired the joint commission with …, said the next
			// session would be held …").
			out = append(out, f)
			c = span{c.a, f.tok}
		}
		trig, ok := d.meetingTrigger(s, c)
		if !ok {
			if cs, at, ok := d.coMeeting(s, c); ok {
				// Officials of two countries at one event, a visit with
				// another country's officials, talks on the sidelines.
				out = append(out, d.meeting(s, c, at, normalizeCountries(cs)))
			}
			continue
		}
		host, guests := d.counterparts(s, c)
		if len(guests) < 2 {
			host, guests = d.separately(s, c, trig)
		}
		if len(guests) >= 2 {
			// «رئیسجمهور … با همتایان قزاقستانی، قرقیزستانی و تاجیکستانی
			// دیدار کرد», "met his Kazakh, Kyrgyz and Tajik counterparts":
			// one meeting with each.
			for _, g := range guests {
				f := d.newCandidate(KindMeeting, s, trig)
				f.Countries = normalizeCountries([]string{host, g})
				f.Status = ptr(d.meetingStatus(s, c, trig))
				f.Place = d.meetingPlace(s, c)
				f.list = s.idx*100 + 70
				d.meetingWhen(s, c, &f)
				d.setQuote(&f, c.a, c.b)
				out = append(out, f)
			}
			continue
		}
		cs := d.meetingCountries(s, c)
		if p, ok := d.participationList(s, c); ok {
			cs = p
		}
		if len(cs) < 2 && s.latin && s.idx > 0 && trig <= c.a+2 && d.pointAt(c.a, roleThey) {
			// "They last met in Ashgabat in March": the two who met in the
			// sentence before (the venue's country one of them).
			if p := d.sents[s.idx-1]; d.hasCue(p.a, p.b, CueMeet|CueMeetWeak) {
				if pc := d.countries(p, p.a, p.b, false); len(pc) == 2 && subset(cs, pc) {
					cs = pc
				}
			}
		}
		if len(cs) < 2 && d.hasCue(c.a, c.b, CueJointBody) {
			// "A joint coordination committee meeting … has been
			// postponed": the body of the countries just spoken of.
			ctx := d.contextCountries(s)
			if len(ctx) != 2 {
				// "The intergovernmental commission will meet in Kabul": the
				// venue's country and the other one in context, else the
				// article's two.
				ctx = normalizeCountries(append(slices.Clone(cs), ctx...))
			}
			if len(ctx) != 2 && len(d.main) == 2 && (len(cs) == 0 || slices.Contains(d.main, cs[0])) {
				ctx = slices.Clone(d.main)
			}
			if len(ctx) == 2 {
				cs = ctx
			}
		}
		if len(cs) < 2 {
			for _, x := range d.countries(s, s.a, s.b, false) {
				if !slices.Contains(cs, x) {
					cs = append(cs, x)
				}
			}
		}
		if len(cs) == 1 && d.reporter != "" && d.reporter != cs[0] && (d.untitledOfficial(s, c) || d.localOfficial(c)) {
			// «وزیر صمت در نشست با وزیر تجارت قرقیزستان»: the outlet's own
			// officials go without their country's name.
			cs = append(cs, d.reporter)
		}
		cs = normalizeCountries(cs)
		if len(cs) < 2 && !(len(cs) == 1 && d.orgIn(c) && d.hasCue(trig, trig+1, CueMeet)) {
			// A meeting joins two countries, or a country and an
			// organisation ("Muttaqi met the UN special envoy").
			continue
		}
		out = append(out, d.meeting(s, c, trig, cs))
	}
	return out
}

// meeting returns the meeting of countries cs at token at in clause c,
// with its status, place, participants, parties, date and quote.
func (d *doc) meeting(s *sentence, c span, at int, cs []string) candidate {
	f := d.newCandidate(KindMeeting, s, at)
	f.Countries = cs
	f.Status = ptr(d.meetingStatus(s, c, at))
	f.Place = d.meetingPlace(s, c)
	f.participants = d.participants(s, c.a, c.b)
	f.Parties = d.parties(c.a, c.b)
	d.meetingWhen(s, c, &f)
	if s.latin && d.pointAt(at-1, roleEarlierMeet) {
		f.earlier = true // "They last met in Ashgabat in March": not the meeting being told
	}
	d.setQuote(&f, c.a, c.b)
	return f
}

// visits returns the visit words of clause c, and «وارد» of «وارد تهران
// شد» ("arrived in Tehran") or «عازم» of «عازم تهران شد» ("left for
// Tehran"), whose destination follows it.
func (d *doc) visits(s *sentence, c span) []Match {
	vs := d.cuesIn(c.a, c.b, CueVisit)
	if s.latin {
		return vs
	}
	for k := c.a; k < c.b-2; k++ {
		if !d.pointAt(k, roleArriveFa) {
			continue
		}
		for _, mt := range s.mentions {
			if mt.tok == k+1 && (mt.class == ClassPlace || mt.class == ClassCountry) && strings.HasPrefix(d.word(mt.end), "شد") {
				vs = append(vs, Match{Start: k, End: k + 1, Entry: &Entry{Class: CueVisit}})
			}
		}
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Start < vs[j].Start })
	return vs
}

// untitledOfficial reports whether clause c names an official by a title
// with no country next to it («وزیر صمت»).
func (d *doc) untitledOfficial(s *sentence, c span) bool {
	for _, m := range d.entsIn(c.a, c.b) {
		e := m.Entry
		if !e.Class.Has(ClassTitle) || e.Code != "" {
			continue
		}
		if !ownTitle[e.Name] {
			continue
		}
		named := false
		for _, mt := range s.mentions {
			if mt.tok >= m.End && mt.tok <= m.End+3 || mt.end <= m.Start && mt.end >= m.Start-2 {
				named = true
			}
		}
		if !named {
			return true
		}
	}
	return false
}

// localOfficial reports whether clause c names a provincial official
// without a country («استاندار», «والی», «مدیرکل بنادر و دریانوردی
// استان»): in a Persian article, one of the outlet's country.
func (d *doc) localOfficial(c span) bool {
	for k := c.a; k < c.b; k++ {
		switch d.word(k) {
		case "استاندار", "فرماندار", "والی":
			return true
		case "مدیرکل", "رییس":
			for j := k + 1; j < min(c.b, k+6); j++ {
				if w := d.word(j); w == "استان" || w == "ولایت" {
					return true
				}
			}
		}
	}
	return false
}

// humanIn reports whether tokens [a, b) name people: a title, a person, a
// delegation.
func (d *doc) humanIn(a, b int) bool {
	for _, m := range d.entsIn(a, b) {
		if m.Entry.Class.Has(ClassTitle|ClassPerson) && !d.cited(m.Start) {
			return true
		}
	}
	for _, m := range d.cuesIn(a, b, CueHuman) {
		if !d.cited(m.Start) {
			return true
		}
	}
	return false
}

// peopleJoinedBefore reports whether the subject before the verb at token
// v of clause c is people joined by "and" ("Kazakh President … Tokayev and
// Azerbaijani President … Aliyev met separately"): they met each other.
func (d *doc) peopleJoinedBefore(c span, v int) bool {
	lo := max(c.a, v-12)
	j := d.roleIn(lo, v, roleJoin)
	return j >= 0 && d.peopleIn(lo, j) && d.peopleIn(j, v)
}

// peopleIn reports whether tokens [a, b) name people: a title, a person
// the gazetteer knows, or a people word.
func (d *doc) peopleIn(a, b int) bool {
	return d.hasCue(a, b, CueHuman) || slices.ContainsFunc(d.entsIn(a, b), func(m Match) bool { return m.Entry.Class.Has(ClassTitle | ClassPerson) })
}

// cited reports whether the people at token i are the source a report
// cites («به گفته مسئولان، … کالا … وارد افغانستان شده», "according to
// officials"), who neither travel nor meet.
func (d *doc) cited(i int) bool {
	return d.roleIn(max(0, i-3), i, roleSource) >= 0
}

// meetingTrigger finds a meeting in clause c: a meeting word («دیدار»,
// "met with") not referring back («این دیدار»), or a session word
// («نشست», "summit") with named participants («با حضور»,
// «سه جانبه», "with X", "between").
func (d *doc) meetingTrigger(s *sentence, c span) (int, bool) {
	for _, m := range d.cuesIn(c.a, c.b, CueMeet) {
		if d.referenceBefore(m.Start) || d.pointAt(m.Start-1, roleDefinite) && !d.hasWith(s, m.End, c.b) {
			continue
		}
		if s.latin && d.pointAt(m.Start, roleMeetVerb) && !d.hasWith(s, m.End, c.b) && !d.orgAfter(m.End, c.b) && !d.pointAt(m.Start-1, roleThey) && !d.pointAt(m.Start-2, roleThey) && !d.peopleJoinedBefore(c, m.Start) {
			// "meet the demand", "received $5 million": a meeting has people
			// or countries after it, or people before it ("They last met in
			// Ashgabat").
			continue
		}
		if d.withPress(m.End, c.b) {
			continue // «در گفتوگو با خبرنگاران», "talks with reporters"
		}
		return m.Start, true
	}
	for _, m := range d.cuesIn(c.a, c.b, CueMeetWeak) {
		if d.referenceBefore(m.Start) || d.pointAt(m.Start-1, roleDefinite) && !d.hasWith(s, m.End, c.b) {
			continue
		}
		if d.pointAt(m.End, rolePressOf) || d.pointAt(m.Start-1, rolePressOf) {
			continue // a press conference
		}
		if d.hasCue(c.a, c.b, CueParticipation) || d.hasWith(s, m.End, c.b) {
			return m.Start, true
		}
		if j := d.cuesIn(m.End, min(c.b, m.End+3), CueJointBody); len(j) > 0 && d.hasCountryIn(s, j[0].End, c.b) {
			// «نشست کمیسیون مشترک اقتصادی افغانستان و قزاقستان».
			return m.Start, true
		}
	}
	for _, j := range d.cuesIn(c.a, c.b, CueJointBody) {
		// «کمیسیون مشترک اقتصادی دو کشور بهمن‌ماه در تاشکند برگزار
		// می‌شود», "the joint commission convened in Tashkent": a body's
		// session without a meeting word.
		if !d.referenceBefore(j.Start) && d.roleIn(j.End, c.b, roleConvene) >= 0 {
			return j.Start, true
		}
	}
	return 0, false
}

// meetingCountries returns the parties of a meeting in clause c. The
// country of the venue («در دوحه», "in Doha") is a party only when fewer
// than two others are named.
func (d *doc) meetingCountries(s *sentence, c span) []string {
	var all, parties []string
	for _, m := range s.mentions {
		if m.tok < c.a || m.tok >= c.b || m.topic {
			continue
		}
		if !slices.Contains(all, m.code) {
			all = append(all, m.code)
		}
		venue := m.class == ClassPlace && d.pointAt(m.tok-1, roleVenue)
		if !venue && !slices.Contains(parties, m.code) && (m.class == ClassPair || !d.viaAt(m.tok)) {
			// (not a country a route talked of passes through: "agreed to
			// finalise a transit trade agreement through Afghanistan")
			parties = append(parties, m.code)
		}
	}
	if len(parties) >= 2 {
		return parties
	}
	return all
}

// orgAfter reports whether an organisation is named within a few words
// after token i ("met a delegation of the Asian Development Bank"): a
// meeting verb's object. A session word followed by one («نشست مجمع عمومی
// سازمان ملل») is the organisation's session, not a meeting with it.
func (d *doc) orgAfter(i, end int) bool {
	for _, m := range d.entsIn(i, min(end, i+6)) {
		if m.Entry.Class.Has(ClassOrg) {
			return true
		}
	}
	return false
}

// remote reports whether clause c speaks of a phone call or a video
// conference, which is not a meeting.
func (d *doc) remote(c span) bool {
	for k := c.a; k < c.b; k++ {
		if d.pointAt(k, roleRemote) {
			return true
		}
	}
	return false
}

// orgIn reports whether clause c names a multilateral organisation.
func (d *doc) orgIn(c span) bool {
	for _, m := range d.entsIn(c.a, c.b) {
		if m.Entry.Class.Has(ClassOrg) {
			return true
		}
	}
	return false
}

// withPress reports whether the talk after token i is with journalists or
// a news outlet.
func (d *doc) withPress(i, end int) bool {
	for k := i; k < min(end, i+4); k++ {
		if d.pointAt(k, rolePress) || d.outletAt(k) {
			return true // (also a news outlet: «در گفت‌وگو با ایسنا», "told Tasnim")
		}
	}
	return false
}

// hasWith reports whether «با», "with", «بین» or "between" follows token i
// within a few words and is followed by a country, person or title, or
// whether a country, person or title follows directly.
func (d *doc) hasWith(s *sentence, i, end int) bool {
	for k := i; k < min(end, i+4); k++ {
		if d.pointAt(k, roleWith) {
			// "met Afghan Minister of Energy Abdul Latif Mansour": a
			// country or title before the "of" of a portfolio is the
			// meeting's object.
			return d.entityNear(s, k+1, min(end, k+5)) || d.entityNear(s, i, k)
		}
	}
	return d.entityNear(s, i, min(end, i+3))
}

func (d *doc) entityNear(s *sentence, a, b int) bool {
	for _, m := range d.entsIn(a, b) {
		if m.Entry.Class.Has(ClassCountry | ClassAdjective | ClassPerson | ClassTitle | ClassPlace | ClassPair | ClassOurCountry | ClassThisCountry) {
			return true
		}
	}
	return false
}

// participationList returns the countries listed after «با حضور», «با
// شرکت» or "with the participation of", when the clause has such a list.
func (d *doc) participationList(s *sentence, c span) ([]string, bool) {
	for _, m := range d.cuesIn(c.a, c.b, CueParticipation) {
		if !d.pointAt(m.Start, roleWithOnly) {
			continue
		}
		// The list runs while countries, commas and «و» follow.
		var cs []string
		k := m.End
		if d.pointAt(k, roleOf) {
			k++
		}
		for k < c.b {
			found := false
			for _, mt := range s.mentions {
				if mt.tok == k && !mt.topic {
					cs = append(cs, mt.code)
					k = mt.end
					found = true
					break
				}
			}
			if found {
				continue
			}
			if t := d.tokText(k); isListGlue(t) || d.pointAt(k, roleDefinite) {
				k++
				continue
			}
			break
		}
		if len(cs) >= 2 {
			return cs, true
		}
	}
	return nil, false
}

// destination finds where a visit goes: «به» + place or country after the
// visit word («سفر … به اسلامآباد») or just before it («به کابل سفر
// کند»), "to" + place ("visit to Afghanistan"), "visited X", "arrived in
// X".
func (d *doc) destination(s *sentence, c span, from int) (mention, int, bool) {
	if d.pointAt(from-1, roleVisitPrep) {
		// "arrived in X", "travelled to X": the cue ends with the preposition.
		for _, mt := range s.mentions {
			if mt.tok == from && (mt.class == ClassPlace || mt.class == ClassCountry) {
				mt.name = d.placeName(mt)
				return mt, mt.end, true
			}
		}
	}
	if !s.latin {
		// «به کابل سفر کند»: the destination before the verb.
		for _, mt := range slices.Backward(s.mentions) {
			if mt.end <= from-1 && mt.end >= from-3 && mt.tok >= c.a && d.pointAt(mt.tok-1, roleToFa) && (mt.class == ClassPlace || mt.class == ClassCountry) {
				mt.name = d.placeName(mt)
				return mt, mt.end, true
			}
		}
	}
	for k := from; k < c.b; k++ {
		if t := d.tokText(k); (t == "،" || t == ",") && !d.humanIn(k+1, min(c.b, k+8)) {
			// «سفر وزیر …، خط آهن … به ترکمنستان»: past a comma only a
			// list of visitors leads on to the destination.
			break
		}
		if d.hasCue(k, k+1, CueInfra) || d.toks[k].Kind == TokNumber {
			break
		}
		if d.pointAt(k, roleTo) || d.pointAt(k, roleIn) && d.pointAt(k-1, roleArrived) {
			for _, mt := range s.mentions {
				if mt.tok == k+1 && (mt.class == ClassPlace || mt.class == ClassCountry) {
					mt.name = d.placeName(mt)
					return mt, mt.end, true
				}
			}
			if d.pointAt(k, roleToFa) && !s.latin {
				// «سفر … به» must reach a place; another «به» ends the search.
				continue
			}
		}
		if k == from && s.latin && strings.HasPrefix(d.tokText(from-1), "visit") {
			// "visited Kabul", "to visit Kabul".
			for _, mt := range s.mentions {
				if mt.tok == k && (mt.class == ClassPlace || mt.class == ClassCountry) {
					mt.name = d.placeName(mt)
					return mt, mt.end, true
				}
			}
		}
	}
	return mention{}, 0, false
}

func (d *doc) placeName(mt mention) string {
	if mt.name != "" {
		return mt.name
	}
	return mt.code
}

// visitors splits tokens [a, b) at commas and «و»/"and" into the people or
// delegations that visit, keeping the segments that name a country.
func (d *doc) visitors(s *sentence, a, b int) []span {
	var segs []span
	start := a
	for k := a; k <= b; k++ {
		if k < b {
			t := d.tokText(k)
			if t != "،" && t != "," && t != "و" && t != "and" {
				continue
			}
			// «رئیس جمهور و نخست وزیر پاکستان»: «و» between two titles
			// joins one country's people.
			if d.pointAt(k, roleJoin) && !d.hasCountryIn(s, start, k) {
				continue
			}
		}
		if d.hasCountryIn(s, start, k) {
			segs = append(segs, span{start, k})
		}
		start = k + 1
	}
	return segs
}

func (d *doc) hasCountryIn(s *sentence, a, b int) bool {
	for _, mt := range s.mentions {
		if mt.tok >= a && mt.tok < b && !mt.topic {
			return true
		}
	}
	return false
}

// meetingStatus is planned when the words around the meeting word speak of
// the future («دیدار خواهند کرد», «قرار است», "will meet") or of a meeting
// that was to take place («قرار بود»), held otherwise.
func (d *doc) meetingStatus(s *sentence, c span, trig int) string {
	lo, hi := max(c.a, trig-6), min(c.b, trig+9)
	if !s.latin {
		// «قرار است … ماه آینده در باکو … گفتوگو کنند»: the verb comes
		// last, adverbs of time anywhere.
		lo, hi = c.a, c.b
	}
	if d.hasCue(lo, hi, CueFuture) {
		return StatusPlanned
	}
	for k := c.a; k < c.b; k++ {
		if d.pointAt(k, rolePostpone) {
			// A meeting put off has not taken place.
			return StatusPlanned
		}
	}
	return StatusHeld
}

// counterparts finds a meeting with a list of counterparts from several
// countries («با همتایان قزاقستانی، قرقیزستانی و تاجیکستانی», "with his
// Kazakh, Kyrgyz and Tajik counterparts", "with the presidents of X, Y
// and Z"). It returns the host (the country named before «با»/"with", or
// the outlet's for an official named by title alone) and the guests.
func (d *doc) counterparts(s *sentence, c span) (string, []string) {
	for k := c.a; k < c.b; k++ {
		if !d.pointAt(k, roleCounterparts) {
			continue
		}
		with := -1
		for j := k - 1; j >= max(c.a, k-8); j-- {
			if d.pointAt(j, roleWithOnly) {
				with = j
				break
			}
		}
		if with < 0 {
			continue
		}
		var guests []string
		for _, m := range s.mentions {
			if m.tok <= with || m.tok > k+10 || m.tok >= c.b || m.topic || slices.Contains(guests, m.code) {
				continue
			}
			if len(guests) > 0 && !d.listGap(m.tok) {
				break
			}
			guests = append(guests, m.code)
		}
		if len(guests) < 2 {
			continue
		}
		host := ""
		for _, m := range s.mentions {
			if m.tok >= c.a && m.tok < with && !m.topic && !(m.class == ClassPlace && d.pointAt(m.tok-1, roleIn)) {
				host = m.code
			}
		}
		if host == "" && d.reporter != "" && d.untitledOfficial(s, span{c.a, with}) {
			host = d.reporter
		}
		if host == "" {
			return "", nil
		}
		guests = slices.DeleteFunc(guests, func(g string) bool { return g == host })
		return host, guests
	}
	return "", nil
}

// separately finds "X met A and B separately", «X به طور جداگانه با A و
// B دیدار کرد»: the one country before the meeting word meets each of the
// others.
func (d *doc) separately(s *sentence, c span, trig int) (string, []string) {
	sep := false
	for k := c.a; k < c.b; k++ {
		if d.pointAt(k, roleSeparately) {
			sep = true
		}
	}
	if !sep {
		return "", nil
	}
	var before, after []string
	for _, m := range s.mentions {
		if m.tok < c.a || m.tok >= c.b || m.topic || m.class == ClassPlace {
			continue
		}
		if m.tok < trig {
			if !slices.Contains(before, m.code) {
				before = append(before, m.code)
			}
		} else if !slices.Contains(after, m.code) {
			after = append(after, m.code)
		}
	}
	if len(before) == 0 && d.reporter != "" && d.untitledOfficial(s, span{c.a, trig}) {
		before = []string{d.reporter}
	}
	if len(before) != 1 {
		return "", nil
	}
	after = slices.DeleteFunc(after, func(x string) bool { return x == before[0] })
	return before[0], after
}

// nextSession finds "the next round of talks", «نشست بعدی», «دور آینده
// مذاکرات» in clause c and returns a planned meeting of the countries the
// clause names (venues aside) or, when it names fewer than two, of those
// the sentences before name.
func (d *doc) nextSession(s *sentence, c span) (candidate, bool) {
	at := -1
	for k := c.a; k < c.b && at < 0; k++ {
		switch {
		case d.pointAt(k, roleNextBefore):
			if d.hasCue(k+1, min(c.b, k+5), CueMeetWeak|CueMeet) || isDash(d.tokText(k+2)) && d.hasCue(k+1, min(c.b, k+7), CueMeetWeak|CueMeet) {
				// ("the next Turkmen-Turkish business forum": a compound
				// adjective between)
				at = k
			}
		case d.pointAt(k, roleNewRound) && d.word(k+1) == "round":
			// "the final round of talks … will be held", "will hold a new
			// round of negotiations": a round still to come.
			if d.hasCue(k+2, min(c.b, k+5), CueMeetWeak|CueMeet|CueNegotiate) && d.hasCue(c.a, c.b, CueFuture) {
				at = k
			}
		case d.pointAt(k, roleNextAfter):
			if d.hasCue(max(c.a, k-4), k, CueMeetWeak) && (d.pointAt(k-1, roleRound) || d.hasCue(k-1, k, CueMeetWeak) || d.pointAt(k-2, roleRound)) {
				at = k
			}
			if d.pointAt(k-1, roleRound) && d.hasCue(k+1, min(c.b, k+3), CueNegotiate|CueMeet|CueMeetWeak) && d.hasCue(c.a, c.b, CueFuture) {
				// «دور نهایی مذاکرات … هفته آینده در تاشکند برگزار خواهد شد»:
				// a round of talks still to come.
				at = k
			}
		}
	}
	if at < 0 {
		return candidate{}, false
	}
	return d.nextSessionAt(s, c, at)
}

// nextSessionAt is the meeting to come whose words start at token at of
// clause c (see nextSession): between the countries the clause names, or
// those of the two sentences before.
func (d *doc) nextSessionAt(s *sentence, c span, at int) (candidate, bool) {
	var cs []string
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !m.topic && m.class != ClassPlace && !slices.Contains(cs, m.code) {
			cs = append(cs, m.code)
		}
	}
	if len(cs) < 2 {
		cs = nil
		for k := s.idx - 1; k >= 0 && k >= s.idx-2 && len(cs) < 2; k-- {
			cs = cs[:0]
			for _, m := range d.sents[k].mentions {
				if !m.topic && m.class != ClassPlace && !slices.Contains(cs, m.code) {
					cs = append(cs, m.code)
				}
			}
		}
	}
	if len(cs) < 2 {
		return candidate{}, false
	}
	f := d.newCandidate(KindMeeting, s, at)
	f.Countries = normalizeCountries(cs)
	f.Status = ptr(StatusPlanned)
	f.Place = d.meetingPlace(s, c)
	d.meetingWhen(s, c, &f)
	d.setQuote(&f, c.a, c.b)
	return f, true
}

// roundSessions returns a meeting for each round of talks clause c names
// by its number («دور نخست این مذاکرات», «دور چهارم و پایانی مذاکرات»)
// with a verb of holding («برگزار»): held, or planned when the clause
// speaks of the future, each with the day or month after its number
// («سومین دور مذاکرات … روز سه‌شنبه ۲۴ قوس … برگزار شد»); the parties are
// those of the clause, of the two sentences before, or the article's two.
func (d *doc) roundSessions(s *sentence, c span) []candidate {
	if s.latin || d.pointIn(c.a, c.b, roleConvene) < 0 {
		return nil
	}
	var at []int
	for k := c.a; k+1 < c.b; k++ {
		if d.pointAt(k, roleRound) && (d.roleIn(k+1, k+2, roleRoundOrdinal) >= 0 || d.roleIn(k-1, k, roleRoundOrdinal) >= 0) {
			at = append(at, k) // «دور نخست», «سومین دور»
		}
	}
	if len(at) == 0 || !d.hasCue(at[0], min(c.b, at[0]+6), CueNegotiate|CueMeet|CueMeetWeak) {
		return nil
	}
	f0, ok := d.nextSessionAt(s, c, at[0])
	if !ok && len(d.main) == 2 {
		// (The rounds of the talks the article reports: its two
		// countries.)
		f0 = d.newCandidate(KindMeeting, s, at[0])
		f0.Countries, f0.Status = normalizeCountries(slices.Clone(d.main)), ptr(StatusPlanned)
		f0.Place = d.meetingPlace(s, c)
		ok = true
	}
	if !ok {
		return nil
	}
	future := d.hasCue(c.a, c.b, CueFuture)
	var out []candidate
	for i, k := range at {
		end := c.b
		if i+1 < len(at) {
			end = at[i+1]
		}
		f := f0
		f.tok = k
		if !future {
			f.Status = ptr(StatusHeld)
		}
		f.Period, f.Date = nil, ""
		d.meetingWhen(s, span{k, end}, &f)
		d.setQuote(&f, k, end)
		out = append(out, f)
	}
	return out
}

// sessionAfterVisit finds a session of three or more countries named in a
// visit's clause after the visit's facts, other than the visit itself.
func (d *doc) sessionAfterVisit(s *sentence, c span, visits []candidate) (candidate, bool) {
	for _, m := range d.cuesIn(c.a, c.b, CueMeetWeak) {
		if d.referenceBefore(m.Start) {
			continue
		}
		var cs []string
		for _, mt := range s.mentions {
			if mt.tok >= m.End && mt.tok < c.b && !mt.topic && mt.class != ClassPlace && !slices.Contains(cs, mt.code) {
				cs = append(cs, mt.code)
			}
		}
		if len(cs) < 3 {
			continue
		}
		cs = normalizeCountries(cs)
		for _, v := range visits {
			if slices.Equal(v.Countries, cs) {
				return candidate{}, false
			}
		}
		f := d.newCandidate(KindMeeting, s, m.Start)
		f.Countries = cs
		f.Status = ptr(d.meetingStatus(s, c, m.Start))
		f.Place = d.meetingPlace(s, c)
		d.meetingWhen(s, c, &f)
		d.setQuote(&f, m.Start, c.b)
		return f, true
	}
	return candidate{}, false
}

// listGap reports whether the token before i joins items of a list: a
// comma, «و» or "and".
func (d *doc) listGap(i int) bool {
	return isListGlue(d.tokText(i - 1))
}

// meetingPlace returns the place «در X» / "in X" of a meeting, unless it
// only qualifies a person («سفیر تاجیکستان در کابل»).
func (d *doc) meetingPlace(s *sentence, c span) string {
	for _, mt := range s.mentions {
		if mt.tok < c.a || mt.tok >= c.b || mt.class != ClassPlace {
			continue
		}
		prev := d.word(mt.tok - 1)
		if prev != "در" && prev != "in" {
			continue
		}
		// «سفیر X در کابل»: a title and its country just before.
		if d.titleBefore(mt.tok-1, 4) {
			continue
		}
		return mt.name
	}
	return ""
}

// titleBefore reports whether an ambassador-like title ends within n
// tokens before i.
func (d *doc) titleBefore(i, n int) bool {
	for _, m := range d.entsIn(i-n, i) {
		if m.Entry.Class.Has(ClassTitle) && (m.Entry.Name == "ambassador" || m.Entry.Name == "representative" || m.Entry.Name == "special representative") {
			return true
		}
	}
	return false
}

// participants lists "title|CC" for the people named in [a, b): each title
// with the country next to it, or the known people when no title is given.
func (d *doc) participants(s *sentence, a, b int) []string {
	var out, people []string
	for _, m := range d.entsIn(a, b) {
		e := m.Entry
		var key string
		switch {
		case e.Class.Has(ClassPerson):
			if k := e.Name + "|" + e.Code; !slices.Contains(people, k) {
				people = append(people, k)
			}
			continue
		case e.Class.Has(ClassTitle):
			if e.Name == "officials" || e.Name == "delegation" || e.Name == "head" {
				continue
			}
			code, portfolio := e.Code, ""
			if s.latin {
				tc, _, hi := d.titleCountry(s, m)
				if code == "" {
					// "Kazakhstan's Trade Minister", "Minister of Foreign
					// Affairs of Turkmenistan", not "the Kyrgyz Republic met
					// with the Ambassador of Uzbekistan".
					code = tc
				}
				portfolio = d.portfolio(m, hi)
			}
			for _, mt := range s.mentions {
				if code != "" {
					break
				}
				if s.latin && mt.end <= m.Start && mt.end >= m.Start-3 || !s.latin && mt.tok >= m.End && mt.tok <= m.End+3 {
					code = mt.code
				}
			}
			key = e.Name + portfolio + "|" + code
		default:
			continue
		}
		if !slices.Contains(out, key) {
			out = append(out, key)
		}
	}
	for _, mt := range s.mentions {
		// The people of the register («عزیزی», "Azizi"): their role.
		if mt.tok < a || mt.tok >= b || mt.class != ClassPerson {
			continue
		}
		if p, ok := d.personOf(d.word(mt.tok)); ok && mt.name == p.name {
			if key := p.role + "|" + p.code; !slices.Contains(out, key) {
				out = append(out, key)
			}
		}
	}
	if len(out) == 0 {
		out = people
	}
	slices.Sort(out)
	return out
}

// portfolio returns the portfolio words after an English title m up to
// token hi, the end of its titled phrase (see titleCountry): "Minister of
// Public Works" → " public works", so that two ministers of one country
// stay two participants; "" without one.
func (d *doc) portfolio(m Match, hi int) string {
	var b strings.Builder
	for k := m.End; k < hi; k++ {
		if d.pointAt(k, rolePortfolio) {
			b.WriteByte(' ')
			b.WriteString(d.word(k))
		}
	}
	return b.String()
}

// parties returns the «»-quoted names and known people in [a, b).
func (d *doc) parties(a, b int) []string {
	var out []string
	for i := a; i < b; i++ {
		if d.tokText(i) != "«" {
			continue
		}
		j := i + 1
		for j < b && d.tokText(j) != "»" {
			j++
		}
		if j < b && j-i <= 5 {
			if q, _, _ := d.quote(i+1, j); q != "" {
				out = append(out, q)
			}
		}
		i = j
	}
	for _, m := range d.entsIn(a, b) {
		if m.Entry.Class.Has(ClassPerson) && !slices.Contains(out, m.Entry.Name) {
			out = append(out, m.Entry.Name)
		}
	}
	return out
}

// meetingDate sets the date of a meeting from a date in the clause or from
// «امروز»/"today"/«دیروز»/"yesterday" and the article's date.
func (d *doc) meetingDate(s *sentence, c span, f *candidate) {
	for _, p := range s.periods {
		if p.Start >= c.a && p.End <= c.b && p.Resolved && p.P.Day {
			f.Date = p.P.Start.Format(time.DateOnly)
			if p.P.Relative {
				f.Note = "date without a year, year taken from the article's date"
			}
			return
		}
	}
	if d.art.Date.IsZero() {
		return
	}
	for k := c.a; k < c.b; k++ {
		switch {
		case d.pointAt(k, roleToday):
			f.Date = d.art.Date.Format(time.DateOnly)
			f.Note = "«" + d.tokText(k) + "» resolved from the article's date"
			return
		case d.pointAt(k, roleYesterday):
			f.Date = d.art.Date.AddDate(0, 0, -1).Format(time.DateOnly)
			f.Note = "«" + d.tokText(k) + "» resolved from the article's date"
			return
		}
	}
}

// meetingWhen dates meeting f of clause c: its day (meetingDate), else
// the month or the year its clause gives (eventMonth).
func (d *doc) meetingWhen(s *sentence, c span, f *candidate) {
	d.meetingDate(s, c, f)
	if f.Date == "" {
		d.eventMonth(s, c, f)
	}
}

// eventMonth gives the meeting or agreement f of clause c the month or
// the year its clause names when it names no day (labelling decision 8):
// "met in Khujand in October", «قرارداد … در مهرماه ۱۴۰۵ … امضا شد». A
// month without a year is the one to come for a meeting still planned
// («نشست کمیسیون … در اسفند ماه … برگزار خواهد شد» in an article of
// Azar). Negotiations under way have no date of their own.
func (d *doc) eventMonth(s *sentence, c span, f *candidate) {
	if f.Status != nil && *f.Status == StatusNegotiating {
		return
	}
	p := d.eventPeriod(s, c, f.tok)
	if p == nil {
		if item := d.datedItem(s); item != "" {
			// "July – Kazakhstan and Afghanistan agree to raise trade
			// …": a dated item's month.
			f.Period = ptr(item)
		}
		return
	}
	if f.Status != nil && *f.Status == StatusPlanned {
		p = ahead(p, d.art.Date)
	}
	f.Period = ptr(p.Label)
}

// eventPeriod returns the month or the year clause c gives the event
// whose trigger is at token at (a meeting held, an agreement signed or
// reached) when it gives no day: "signed … in March 2025", "met in
// Khujand in October", «در مهرماه ۱۴۰۵ … امضا شد», «سال ۲۰۲۷ … برگزار
// خواهد شد». A span of several months or years is a figure's (the
// first ten months of a trade figure), a deadline ("by 2030") a
// target's, a period with a money or tonnage amount between it and the
// trigger or just before it that amount's; none of them is the event's.
func (d *doc) eventPeriod(s *sentence, c span, at int) *Period {
	best, bestDist := -1, 1<<30
	for k, m := range s.periods {
		if m.Start < c.a || m.End > c.b || !m.Resolved || m.P.Day || !singleSpan(m.P) {
			continue
		}
		if d.deadline(m.Start) || d.comparison(m.Start, false) {
			continue
		}
		lo, hi := m.End, at
		if m.Start > at {
			lo, hi = at, m.Start
		}
		// A figure between the period and the event takes the period; in
		// Persian, where the verb comes last, not a rate: a capacity
		// between the event's month and its verb has no period of its
		// own («… در ماه سنبله امسال توافقنامه‌ای برای افزایش ظرفیت … به
		// ۱۰ میلیون تن در سال امضا کردند»), while in English the period
		// of a rate before the event ("start in 2027 … 20 million tonnes
		// a year") is not the event's.
		if figureIn(s, lo, hi, s.latin) || m.Start > at && d.complementBetween(s, at, m.Start) || figureBefore(s, m.Start) {
			continue
		}
		if dist := hi - lo; dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		return nil
	}
	return &s.periods[best].P
}

// figureBefore reports whether a money or tonnage amount ends just before
// token i, whose period a period at i is: "rose to $1.5 billion in 2024,
// and the two presidents set a goal of $3 billion".
func figureBefore(s *sentence, i int) bool {
	for _, am := range s.amounts {
		if (am.kind == amtMoney || am.kind == amtTon) && am.b <= i && am.b >= i-2 {
			return true
		}
	}
	return false
}

// complementBetween reports whether what the event at token at agrees
// on or plans starts between it and token i, so that a period at i is
// the content's date, not the event's: "agreed to hold the next round in
// October", "agreed that …"; in Persian and Dari, whose verb closes its
// clause, anything after a verb of agreeing or signing («توافق کردند که
// کمیسیون … در ماه قوس برگزار شود»), not after a noun whose verb follows
// («نشست کمیسیون … در اسفند ماه … برگزار شود»).
func (d *doc) complementBetween(s *sentence, at, i int) bool {
	if !s.latin {
		return d.hasCue(at, i, CueAgree|CueSign)
	}
	for k := d.roleIn(at+1, i, roleComplement); k >= 0; k = d.roleIn(k+1, i, roleComplement) {
		if !d.pointAt(k+1, roleBeAfterTo) {
			return true
		}
		// ("The next … forum is to be held in Istanbul in October 2027":
		// the event's own verb, not what it plans.)
	}
	return false
}

// singleSpan reports whether p is one calendar month or one year
// (Gregorian or Solar), the span an event's date without a day names.
func singleSpan(p Period) bool { return p.oneMonth() || p.oneYear() }
