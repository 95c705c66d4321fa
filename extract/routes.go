package extract

import (
	"slices"
	"sort"
)

// Projects the gazetteer does not list but the text names by the places
// they join ("the Serhetabat–Herat railway", «راه آهن خواف-هرات»), and
// unnamed lines defined by the countries they link ("a 500 kV power
// transmission line from Turkmenistan through Afghanistan to Pakistan").

// routeProjects turns two places of two countries joined by a dash next
// to a line's word ("Serhetabat–Herat railway", «راه آهن سرخس-مشهد»)
// into one project entity whose id names both places; it runs once the
// entities are known. The countries of the places are in d.projPlaces.
func (d *doc) routeProjects() {
	var add []Match
	drop := map[int]bool{}
	for k := 0; k+1 < len(d.ents); k++ {
		a, b := d.ents[k], d.ents[k+1]
		if !a.Entry.Class.Has(ClassPlace) || !b.Entry.Class.Has(ClassPlace) || a.Entry.ID == "" || b.Entry.ID == "" ||
			b.Start != a.End+1 || !isDash(d.tokText(a.End)) {
			continue
		}
		id, via := "route:"+a.Entry.ID+"-"+b.Entry.ID, 0
		if k+2 < len(d.ents) {
			// «سرک شبرغان–اندخوی–آقینه», "the Sheberghan–Andkhoy–Aqina
			// road": a third place joined by a dash is the line's end,
			// the second a place it passes.
			if c := d.ents[k+2]; c.Entry.Class.Has(ClassPlace) && c.Entry.ID != "" && c.Start == b.End+1 && isDash(d.tokText(b.End)) {
				id, via, b = id+"-"+c.Entry.ID, 1, c
			}
		}
		measured := d.lengthBefore(a.Start)
		if a.Entry.Code == b.Entry.Code && !d.builtRoute(a.Start) && measured < 0 {
			// A route within one country («حیرتان-مزار شریف») is a
			// place's line, not a project, unless the text speaks of
			// building it or gives its length («خط آهن ۷۵ کیلومتری
			// حیرتان–مزارشریف», "the 75-km Hairatan–Mazar railway").
			continue
		}
		// The line follows in English, precedes in Persian; a bridge, a
		// crossing or a market between two places is no project.
		end := -1
		if m, ok := d.cueAt(b.End, CueInfra); ok && d.pointAt(b.End, roleLine) {
			end = m.End
		} else if m, ok := d.cueEndingAt(a.Start, CueInfra); ok && d.pointAt(m.Start, roleLine) {
			end = b.End
		} else if f := d.lineFillersBefore(a.Start); f < a.Start && d.pointAt(f-1, roleLine) {
			end = b.End // «خط دوم ریلی سرخس–مشهد»
		} else if m, ok := d.cueEndingAt(measured, CueInfra); measured >= 0 && ok && d.pointAt(m.Start, roleLine) {
			end = b.End // «خط آهن ۷۵ کیلومتری حیرتان–مزارشریف»
		}
		if end < 0 {
			continue
		}
		q, _, _ := d.quote(a.Start, end)
		add = append(add, Match{Start: a.Start, End: b.End, Entry: &Entry{Class: ClassProject, Code: id, Name: q}})
		if d.projPlaces == nil {
			d.projPlaces = map[int][]string{}
		}
		d.projPlaces[a.Start] = []string{a.Entry.Code, b.Entry.Code}
		drop[k], drop[k+1], drop[k+1+via] = true, true, true
		k += 1 + via
	}
	if len(add) == 0 {
		return
	}
	ents := make([]Match, 0, len(d.ents))
	for k, m := range d.ents {
		if !drop[k] {
			ents = append(ents, m)
		}
	}
	ents = append(ents, add...)
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].Start < ents[j].Start })
	d.ents = ents
}

// builtRoute reports whether the sentence around token i speaks of
// building, rebuilding («قرارداد بازسازی سرک …») or studying a line («مطالعات امکان‌سنجی خط آهن هرات–کندهار …
// تکمیل شد», «آغاز عملیات اجرایی خط دوم ریلی سرخس–مشهد»): a project status
// or a measure of it in the same sentence. (The sentences are not split
// yet: the sentence is the text between two sentence ends around i.)
func (d *doc) builtRoute(i int) bool {
	a, b := i, i
	for a > 0 && !sentenceEnd(d.tokText(a-1)) && d.toks[a-1].Kind != TokNewline {
		a--
	}
	for b < len(d.toks) && !sentenceEnd(d.tokText(b)) && d.toks[b].Kind != TokNewline {
		b++
	}
	for _, m := range d.cuesIn(a, b, CueStatus) {
		switch m.Entry.Code {
		case "under_construction", "planned", "construction_started", "feasibility_study", statusFinancingSecured, statusCompletionExpected, "delayed":
			return true // (not a line's traffic launched or stopped)
		}
	}
	// («طرح دوخطه‌کردن راه‌آهن بافق–بندرعباس …»: a second track is built.)
	return d.roleIn(a, b, roleWorks) >= 0 || d.roleIn(a, b, roleRebuild) >= 0 || d.roleIn(a, b, roleSecondTrack) >= 0
}

// lengthBefore returns the first token of a length written as an
// adjective just before token i («۷۵ کیلومتری», "75-km"), or -1.
func (d *doc) lengthBefore(i int) int {
	j := i - 1
	switch d.word(j) {
	case "کیلومتری", "km", "kilometre", "kilometer":
	default:
		return -1
	}
	j--
	if j >= 0 && isDash(d.tokText(j)) {
		j--
	}
	if j < 0 || d.toks[j].Kind != TokNumber {
		return -1
	}
	return j
}

// sentenceEnd reports whether normalized token t ends a sentence (the
// normalized text writes «؟» as '?' and «؛» as ';', which ends none).
func sentenceEnd(t string) bool { return t == "." || t == "?" || t == "!" }

// notRouteEnd are capitalized words that name no end of a line (a
// compass point) and words after a line's word that make it a crossing.
var notRouteEnd = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"crossing": true, "border": true, "checkpoint": true, "bridge": true, "station": true, "corridor": true}

// textRoutes makes a project of a line the text names by its two ends in
// capitals joined by a dash before a line's word ("the 465-km
// Bukhara–Miskin railway", "Quetta–Taftan line", "Dostyk–Moyynty second
// track"), ends the gazetteer may not know and that may lie in one
// country; its countries come from its clauses. It runs after
// routeProjects, which takes the pairs of places of two countries.
func (d *doc) textRoutes() {
	var add []Match
	for i := 0; i+3 < len(d.toks); i++ {
		if !isDash(d.tokText(i+1)) || !d.capitalized(i) || !d.capitalized(i+2) {
			continue
		}
		end := i + 3
		if d.capitalized(end) && !d.capitalized(end+1) && (d.pointAt(end+1, roleLine) || d.word(end+1) == "transmission") {
			end++ // a second end of two words: "Surkhan–Puli Khumri transmission line"
		}
		if d.word(end) == "second" || d.word(end) == "double" {
			end++ // "second track"
		}
		if d.word(end) == "transmission" && d.pointAt(end+1, roleLine) {
			end++ // "transmission line"
		}
		if w := d.word(end); !d.pointAt(end, roleLine) && w != "track" || notRouteEnd[d.word(i)] || notRouteEnd[d.word(i+2)] || notRouteEnd[d.word(end+1)] {
			continue // "the North-South rail corridor", "the Altynkol–Khorgos rail crossing"
		}
		if slices.ContainsFunc(d.entsIn(max(0, i-8), end+1), func(m Match) bool {
			return m.End > i && (m.Entry.Class.Has(ClassProject) || m.Entry.Class.Has(ClassCountry))
		}) {
			continue // a project the gazetteer or routeProjects named ("China–Kyrgyzstan–Uzbekistan railway")
		}
		q, _, _ := d.quote(i, end+1)
		add = append(add, Match{Start: i, End: i + 3, Entry: &Entry{Class: ClassProject, Code: "route:" + d.word(i) + "-" + d.word(i+2), Name: q}})
		for _, m := range d.entsIn(i, i+3) {
			// ("the Dushanbe–Chanak highway": the end the gazetteer knows
			// tells where a closure of the route is.)
			if m.Entry.Class.Has(ClassPlace) && m.Entry.Code != "" {
				if d.routeEnds == nil {
					d.routeEnds = map[int][]string{}
				}
				d.routeEnds[i] = append(d.routeEnds[i], m.Entry.Code)
			}
		}
		i += 3
	}
	if len(add) == 0 {
		return
	}
	ents := make([]Match, 0, len(d.ents)+len(add))
	for _, m := range d.ents {
		if !slices.ContainsFunc(add, func(a Match) bool { return m.Start < a.End && a.Start < m.End }) {
			ents = append(ents, m)
		}
	}
	ents = append(ents, add...)
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].Start < ents[j].Start })
	d.ents = ents
}

// isDash reports whether normalized token t is a dash (the normalized
// text writes every dash and minus sign as '-').
func isDash(t string) bool { return t == "-" }

// isRoute reports whether project id was named by the places it joins.
// lineFillers may stand between a Persian line's word and the places it
// joins: «خط دوم ریلی سرخس–مشهد», «خط ریلی جدید …», «دهلیز هوایی
// کابل–تاشکند».
var lineFillers = map[string]bool{"دوم": true, "سوم": true, "ریلی": true, "جدید": true, "هوایی": true}

// lineFillersBefore returns the first token of the run of lineFillers
// that ends at token i (i itself when there is none).
func (d *doc) lineFillersBefore(i int) int {
	for k := i - 1; k >= max(0, i-3) && lineFillers[d.word(k)]; k-- {
		i = k
	}
	return i
}

func isRoute(id string) bool { return len(id) > 6 && id[:6] == "route:" }

// betweenWords open the two ends of a line ("between X and Y"); lineWords
// are the infrastructure words of a line that runs between them (not a
// crossing or a border, which stands between two countries).
var (
	betweenWords = map[string]bool{"between": true, "میان": true, "بین": true}
	lineWords    = map[string]bool{"railway": true, "railroad": true, "rail": true, "pipeline": true, "road": true, "highway": true,
		"transmission": true, "راهآهن": true, "خطآهن": true, "خط": true, "جاده": true, "بزرگراه": true, "سرک": true}
)

// namedLine reports whether the infrastructure word m belongs to a named
// project ("the 573-km Trans-Afghan railway between …").
func (d *doc) namedLine(m Match) bool {
	for _, e := range d.entsIn(max(0, m.Start-4), m.End) {
		if e.Entry.Class.Has(ClassProject) && e.End >= m.Start-1 {
			return true
		}
	}
	return false
}

// linkedLine returns an unnamed line of clause c defined by the countries
// it links, "from X (through Y) to Z", «از X به Y»: the token of its
// infrastructure word, its name and the countries in order; ok is false
// when there is none.
func (d *doc) linkedLine(s *sentence, c span) (tok int, name string, cs []string, ok bool) {
	for _, m := range d.cuesIn(c.a, c.b, CueInfra) {
		if !physicalInfra[d.word(m.Start)] || d.referenceBefore(m.Start) || d.pluralInfra(m) {
			continue
		}
		if d.pointIn(max(c.a, m.Start-4), m.Start, roleShorten) >= 0 {
			continue // "is expected to cut the rail route from China to Uzbekistan by 900 km": the route a line shortens is no new line
		}
		from, between := -1, false
		for k := m.End; k < min(c.b, m.End+3); k++ {
			if d.pointAt(k, roleFrom) {
				from = k
				break
			}
			if w := d.word(k); betweenWords[w] && lineWords[d.word(m.Start)] && !d.namedLine(m) {
				// "the rail line between Termez in Uzbekistan and Naibabad
				// in Afghanistan", «خط آهن میان ایران و ترکمنستان».
				from, between = k, true
				break
			}
		}
		if from < 0 {
			if codes := d.relativeLink(s, c, m); len(codes) >= 2 {
				q, _, _ := d.quote(m.Start, m.End)
				return m.Start, q, codes, true
			}
			continue
		}
		hi := min(c.b, from+10)
		to := -1
		for k := from + 2; k < hi; k++ {
			if !between && d.pointAt(k, roleTo) || between && d.pointAt(k, roleJoin) {
				to = k
				break
			}
		}
		if to < 0 {
			continue
		}
		reach := to + 2
		if between {
			reach = to + 4 // "and Naibabad in Afghanistan"
		}
		var codes []string
		for _, mt := range s.mentions {
			if mt.tok > from && mt.tok <= reach && mt.tok < c.b && mt.class != ClassPair && !slices.Contains(codes, mt.code) {
				codes = append(codes, mt.code)
			}
		}
		if len(codes) < 2 {
			continue
		}
		q, _, _ := d.quote(m.Start, m.End)
		return m.Start, q, codes, true
	}
	return 0, "", nil, false
}

// relativeLink returns the countries a line introduced by infrastructure
// cue m is said to link in a relative clause or participle right after it:
// «خط آهن ۹۲۵ کیلومتری که قزاقستان را از طریق ترکمنستان به ایران متصل
// می‌کند»: the countries before the Persian verb. Goods carried are no
// link («منتقل»). Persian only (see below).
func (d *doc) relativeLink(s *sentence, c span, m Match) []string {
	if s.latin {
		// (English relative clauses and participles after a line, "the
		// railway linking …", mostly describe a line named before; tried
		// on the 78 sets they cost 14 facts.)
		return nil
	}
	if !lineWords[d.word(m.Start)] || d.namedLine(m) {
		return nil // (a crossing «که … وصل می‌کند» is no line)
	}
	rel := -1
	for k := m.End; k < min(c.b, m.End+4); k++ {
		if d.word(k) == "که" {
			rel = k
			break
		}
	}
	if rel < 0 || len(d.entsIn(m.End, rel)) > 0 {
		return nil // (not a line named by its places, «راه‌آهن خواف–هرات که …»)
	}
	verb := -1
	for k := rel + 1; k < min(c.b, rel+14); k++ {
		if d.linkVerb(k) {
			verb = k
			break
		}
	}
	if verb < 0 {
		return nil
	}
	lo, hi := rel+1, verb
	var codes []string
	for _, mt := range s.mentions {
		if mt.tok >= lo && mt.tok < hi && mt.class != ClassPair && !mt.topic && !slices.Contains(codes, mt.code) {
			codes = append(codes, mt.code)
		}
	}
	return codes
}

// linkVerb reports whether token k is a Persian verb of linking («متصل»,
// «وصل», «پیوند»), not of carrying.
func (d *doc) linkVerb(k int) bool {
	w := d.word(k)
	return w == "وصل" || w == "متصل" || w == "پیوند"
}
