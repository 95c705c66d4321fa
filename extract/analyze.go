package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// doc is an article prepared for the fact rules: normalized, tokenized,
// tagged with entities and cues, split into sentences, with amounts,
// periods and the countries each sentence speaks of.
type doc struct {
	art       Article
	text      *Text
	gaz       *Gazetteer // the extractor's (read only)
	norm      string
	toks      []Token
	ents      []Match
	cues      []Match
	cueFirst  []int32 // cueFirst[i] is the index of the first cue starting at or after token i
	roles     []Match // the CueRole matches outside point rows, sorted by start (see roleAt)
	roleFirst []int32 // roleFirst[i] is the index of the first role match starting at or after token i
	stems     *Stems
	sents     []*sentence
	reporter  string  // the country of the outlet, "" when unknown
	outlets   []Match // the news outlets the text names, in order («به گزارش ایسنا», «در گفت‌وگو با ایسنا»)
	// fiscalStart is the month the article's Gregorian fiscal years open
	// in: the one it states ("the 2025-26 fiscal year (April-March)"),
	// else July (Pakistan's).
	fiscalStart time.Month
	dari        bool     // written in Dari rather than Iranian Persian
	main        []string // the two countries the article is most about
	// named holds the distinct countries the sentences before named, in
	// order, until there are six or more (see groupFor), and namedUpTo the
	// number of sentences read into it.
	named     []string
	namedUpTo int
	// projPlaces maps the first token of a project's name to the countries
	// of the places its name joins («چابهار-زاهدان» → IR, IR).
	projPlaces map[int][]string
	// routeEnds maps the first token of a route named by two capitalised
	// words ("the Dushanbe–Chanak highway", see routeProjects) to the
	// countries of the ends the gazetteer knows.
	routeEnds map[int][]string
	// byCountries holds the projects the text names by two or more
	// countries ("the China–Kyrgyzstan–Uzbekistan railway").
	byCountries map[string]bool
	focus       string // the country whose trade the article reports (see tradeFocus)
	// projParties maps a project id to the countries of the clauses that
	// say whom it links or who finances it (see projectParties).
	projParties map[string][]string
	// projFinanced holds the projects a clause says a country finances
	// (see projectParties): all their facts take all their countries.
	projFinanced map[string]bool
	// projFinanciers holds the countries of those clauses (see financedBy).
	projFinanciers map[string][]string
	partFinanciers map[partKey][]string // a part named by its country: the countries a clause about that part says finance it
	unnamed        []unnamedProject     // unnamed projects with a status, in order (see lastProjectAt)
	// unnamedByID, unnamedLinks and unnamedHeads index unnamed by its
	// id, the countries a line links and its head word's first token
	// (see addUnnamed).
	unnamedByID  map[string]unnamedProject
	unnamedLinks map[string][]string
	unnamedHeads map[string]int
	routeNames   map[string]string // the names of route projects, built on first use (see projectName)
	projEnts     []int             // the indices in ents of the projects, built on first use (see lastProjectAt)
	items        []int             // each sentence's list item, built on first use (see itemStart)
	itemNamed    []bool            // whether its item names a country up to it (see ownItem)
	// qaFrom holds, per sentence of an interview's answer, the first
	// sentence of its question (or of the answer when it has none); -1
	// outside answers. Built on first use by answerContext.
	qaFrom  []int
	people  []person // the people the article names with a role (see buildPeople)
	points  []uint16 // each token's word id in pointWordID, 0 for none (see pointAt)
	experts bool     // whether the text names an expert (see expertPlace)
	// postLinks maps a border post's place id to the country across that
	// the text links it to («مرز سرخس با ترکمنستان»); built on first use
	// (see postLink).
	postLinks map[string]string
	// crossPair is the pair of countries the text puts a crossing it names
	// without the gazetteer's help between ("The Khunjerab Pass on the
	// Pakistan-China border"); crossDone when it was looked for (see
	// crossingPair).
	crossPair []string
	crossName []string // the words of that crossing's own name ("kulma", "karasu"), when it has one
	crossDone bool
	focusDone bool
	// curPeriods holds, per sentence, the article's current period at its
	// start (see articlePeriod); built on first use.
	curPeriods []*Period
	curDone    bool
}

// projectInner returns, for each project among ents, the countries of the
// entities of class cl named inside its name (in order, repeated per
// entity); all are every lexicon match, sorted by start.
func projectInner(ents, all []Match, cl Class) map[int][]string {
	var out map[int][]string
	k := 0
	for _, e := range ents {
		if !e.Entry.Class.Has(ClassProject) {
			continue
		}
		for k < len(all) && all[k].Start < e.Start {
			k++
		}
		for j := k; j < len(all) && all[j].Start < e.End; j++ {
			if m := all[j]; m.End <= e.End && m.Entry.Class.Has(cl) && m.Entry.Code != "" {
				if out == nil {
					out = map[int][]string{}
				}
				out[e.Start] = append(out[e.Start], m.Entry.Code)
			}
		}
	}
	return out
}

// inCompanyName reports whether the capitalised words from token i (just
// after a country's name) run, within five words, to a company's word
// ("China Railway Electrification Engineering Group", "Pakistan
// Steel Mills Corporation").
func (d *doc) inCompanyName(i int) bool {
	for k := i; k < min(len(d.toks), i+5) && d.capitalized(k); k++ {
		if d.pointAt(k, roleCompanyWord) {
			return true
		}
	}
	return false
}

// sentence is a sentence's tokens [a, b) and what was found in it.
type sentence struct {
	idx      int
	a, b     int
	latin    bool // English
	mentions []mention
	amounts  []amount
	periods  []periodMatch
	cal      Calendar     // the calendar its explicit years are written in
	intro    *sentence    // for an item of a list, the line ending with ':' that introduces it
	spans    []span       // the clauses, computed once (see doc.clauses)
	figures  [2][2]string // the pair tradeFacts gave its first trade value and its first tonnage, if a pair (a breakdown's head)
	figured  [2]bool      // whether tradeFacts has read its first trade value and its first tonnage
	lone     [2]string    // the one country of that first figure, when it was read with one (a port's own total)
	heads    [2][]string  // the countries of that first figure, when it was read with three or more (a breakdown's head)
}

// mention is a country that a sentence speaks of, and how it was found.
type mention struct {
	tok, end int
	code     string
	class    Class // the entity class: ClassCountry, ClassPlace, ClassPair, …
	topic    bool  // a subject, not a party («در امور افغانستان», "on Syria")
	name     string
}

func (d *doc) word(i int) string {
	if i < 0 || i >= len(d.toks) || d.toks[i].Kind != TokWord {
		return ""
	}
	return d.norm[d.toks[i].Start:d.toks[i].End]
}

func (d *doc) tokText(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.norm[d.toks[i].Start:d.toks[i].End]
}

// cueIndex returns the index of the first cue that starts at or after
// token i.
func (d *doc) cueIndex(i int) int {
	switch {
	case i <= 0:
		return 0
	case i >= len(d.cueFirst):
		return len(d.cues)
	}
	return int(d.cueFirst[i])
}

// cuesIn returns the cues of class c that start within [a, b).
func (d *doc) cuesIn(a, b int, c Class) []Match {
	var out []Match
	for k := d.cueIndex(a); k < len(d.cues) && d.cues[k].Start < b; k++ {
		if d.cues[k].Entry.Class.Has(c) {
			out = append(out, d.cues[k])
		}
	}
	return out
}

// hasCue reports whether a cue of class c starts within [a, b).
func (d *doc) hasCue(a, b int, c Class) bool {
	for k := d.cueIndex(a); k < len(d.cues) && d.cues[k].Start < b; k++ {
		if d.cues[k].Entry.Class.Has(c) {
			return true
		}
	}
	return false
}

// cueAt returns the longest cue of class c that starts at token i.
func (d *doc) cueAt(i int, c Class) (Match, bool) {
	best := Match{End: -1}
	for k := d.cueIndex(i); k < len(d.cues) && d.cues[k].Start == i; k++ {
		if d.cues[k].Entry.Class.Has(c) && d.cues[k].End > best.End {
			best = d.cues[k]
		}
	}
	return best, best.End >= 0
}

// cueEndingAt returns a cue of class c that ends at token i (exclusive end).
func (d *doc) cueEndingAt(i int, c Class) (Match, bool) {
	for k := d.cueIndex(i - 6); k < len(d.cues) && d.cues[k].Start < i; k++ {
		if d.cues[k].End == i && d.cues[k].Entry.Class.Has(c) {
			return d.cues[k], true
		}
	}
	return Match{}, false
}

// quote returns the source text of tokens [a, b) and its byte offsets.
func (d *doc) quote(a, b int) (string, int, int) {
	for a < b && (d.toks[a].Kind == TokNewline || d.toks[a].Kind == TokPunct && strings.Contains("،,;:.«»\"'()-", d.tokText(a))) {
		a++
	}
	for b > a && (d.toks[b-1].Kind == TokNewline || d.toks[b-1].Kind == TokPunct && strings.Contains("،,;:.«\"(-", d.tokText(b-1))) {
		b--
	}
	if b <= a {
		return "", 0, 0
	}
	s, e := d.text.Source(int(d.toks[a].Start), int(d.toks[b-1].End))
	return d.text.Src[s:e], s, e
}

// newDoc prepares an article.
func (x *Extractor) newDoc(a Article) *doc {
	t := Normalize(a.Text)
	toks := Tokenize(t.Norm)
	// Drop the header's tokens.
	first := 0
	for first < len(toks) && t.srcAt(int(toks[first].Start)) < a.Body {
		first++
	}
	d := &doc{art: a, text: t, norm: t.Norm, toks: toks, gaz: x.gaz}
	d.tagPoints()
	st := NewStems(t.Norm, toks)
	all := x.lex.all(st)
	d.ents = x.gaz.post(st, longestOf(all))
	d.projPlaces = projectInner(d.ents, all, ClassPlace)
	for at, cs := range projectInner(d.ents, all, ClassCountry|ClassAdjective) {
		// "the China–Kyrgyzstan–Uzbekistan railway": a line named by the
		// countries it joins (see partCountry).
		if len(cs) >= 2 {
			if d.byCountries == nil {
				d.byCountries = map[string]bool{}
			}
			for _, m := range d.entsIn(at, at+1) {
				d.byCountries[m.Entry.Code] = true
			}
		}
	}
	// Cues, and role words in a list of their own: they are frequent («و»,
	// "to", "the"), so scans for cues do not step over them.
	cues := all[:0]
	for _, m := range all {
		switch {
		case m.Entry.Class == CueRole:
			d.roles = append(d.roles, m)
		case m.Entry.Class&^entityClasses != 0:
			cues = append(cues, m)
		}
	}
	d.cues = cues
	d.cueFirst = firstIndex(d.cues, len(toks))
	d.roleFirst = firstIndex(d.roles, len(toks))
	d.stems = st
	d.outlets = x.outlets.longest(st)
	d.reporter, d.dari = x.reporter(d)
	x.pickTwins(d)
	x.dropOutletPlaces(d)
	d.dropLowercasePlaces()
	d.dropDatelinePlaces()
	d.routeProjects()
	d.textRoutes()
	d.split(first)
	for k, s := range d.sents {
		if k > 0 {
			prev := d.sents[k-1]
			switch {
			case prev.intro != nil && !d.paragraphBefore(s):
				s.intro = prev.intro
			case d.tokText(prev.b-1) == ":":
				s.intro = prev
			case d.sharePhrase(s) && d.hasCue(prev.a, prev.b, CueTrade) && !d.isHeadline(prev):
				// "Uzbekistan accounted for $1.1 billion … of the total";
				// «ارزش این کالاها …» after the tonnes. (A headline gives
				// no figure a later share is of: «ایران، چین و ازبکستان
				// بزرگترین شرکای تجارتی افغانستان» over «حجم تجارت افغانستان
				// … رسیده است؛ از این رقم، صادرات …» is Afghanistan's.)
				s.intro = prev
			}
		}
	}
	for _, s := range d.sents {
		s.latin = d.isLatin(s)
		s.amounts = d.scanAmounts(s)
	}
	d.buildPeople()
	d.resolveMentions()
	d.answerMentions()
	d.fiscalStart = d.statedFiscalStart()
	for _, s := range d.sents {
		d.scanPeriods(s)
	}
	d.fiscalSplitYears()
	d.ownTotals()
	return d
}

// sharePhrase reports whether s splits a total given before: "accounted
// for", "of the total", «سهم», «از این میزان».
func (d *doc) sharePhrase(s *sentence) bool {
	for k := s.a; k < s.b; k++ {
		switch d.word(k) {
		case "accounted", "accounts", "account", "سهم":
			return true
		case "total":
			if d.word(k-1) == "the" && d.word(k-2) == "of" {
				return true
			}
		case "میزان", "رقم", "مبلغ":
			if d.word(k-1) == "این" && d.word(k-2) == "از" {
				return true
			}
		case "ارزش", "value":
			// «ارزش این کالاها», "the value of these goods".
			if w := d.word(k + 1); w == "این" || w == "of" && (d.word(k+2) == "these" || d.word(k+2) == "this" || d.word(k+2) == "the") {
				return true
			}
		}
	}
	return false
}

// paragraphBefore reports whether a blank line comes before sentence s.
func (d *doc) paragraphBefore(s *sentence) bool {
	return s.a > 0 && d.toks[s.a-1].Kind == TokNewline && d.toks[s.a-1].Lines >= 2
}

// isLatin reports whether most words of s are in Latin script.
func (d *doc) isLatin(s *sentence) bool {
	latin, other := 0, 0
	for i := s.a; i < s.b; i++ {
		if d.toks[i].Kind != TokWord {
			continue
		}
		r, _ := utf8.DecodeRuneInString(d.tokText(i))
		if r < 128 {
			latin++
		} else {
			other++
		}
	}
	return latin > other
}

var functionWords = map[string]bool{"به": true, "از": true, "در": true, "با": true, "و": true, "که": true, "را": true,
	"تا": true, "برای": true, "این": true, "آن": true, "the": true, "of": true, "to": true, "and": true, "in": true,
	"a": true, "an": true, "for": true, "with": true, "at": true, "on": true, "by": true}

var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "vs": true,
	"inc": true, "ltd": true, "co": true, "gov": true, "gen": true, "prof": true, "sen": true, "rep": true, "jr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "etc": true, "approx": true, "est": true}

var boilerplateStarts = map[string]bool{"برچسب": true, "برچسبها": true, "کلیدواژه": true, "tags": true,
	"related": true, "اخبار": true, "بیشتر": true, "share": true, "لینک": true, "کد": true, "read": true, "also": true,
	"مطالب": true, "مطلب": true, "see": true}

// advertisement reports whether the sentence at token a opens an
// advertisement ("ADVERTISEMENT", «آگهی», «رپورتاژ آگهی»), which is not
// text: nothing up to the end of its paragraph is read.
func advertisement(d *doc, a int) bool {
	switch d.word(a) {
	case "advertisement", "sponsored", "آگهی", "تبلیغات", "رپورتاژ":
		return true
	}
	return false
}

// split cuts tokens [first, len) into sentences: after . ! ? and at line
// breaks, except after an initial or an abbreviation, and except where a
// paragraph ends on a preposition or a conjunction (the sentence goes on
// after the break). Boilerplate paragraphs (tags, related articles) are
// left out.
func (d *doc) split(first int) {
	start := first
	ad := false // within an advertisement
	emit := func(a, b int) {
		for a < b && d.toks[a].Kind == TokNewline {
			a++
		}
		if a >= b {
			return
		}
		if ad && !(a > 0 && d.toks[a-1].Kind == TokNewline && d.toks[a-1].Lines >= 2) {
			// An advertisement goes on to the end of its paragraph; a
			// marker alone in its paragraph (a scraped page's
			// "ADVERTISEMENT") is all there is of it.
			return
		}
		ad = false
		if boilerplate(d, a, b) {
			ad = advertisement(d, a)
			return
		}
		d.sents = append(d.sents, &sentence{idx: len(d.sents), a: a, b: b})
	}
	lastWord := ""
	for i := first; i < len(d.toks); i++ {
		tk := d.toks[i]
		switch tk.Kind {
		case TokWord:
			lastWord = d.tokText(i)
		case TokNumber:
			lastWord = ""
		case TokNewline:
			if functionWords[lastWord] && i > start {
				continue
			}
			emit(start, i)
			start = i + 1
			lastWord = ""
		case TokPunct:
			p := d.tokText(i)
			if p != "." && p != "!" && p != "?" {
				continue
			}
			if p == "." && i > 0 && d.toks[i-1].Kind == TokWord && d.toks[i].Glued {
				w := d.tokText(i - 1)
				if utf8.RuneCountInString(w) == 1 && w[0] < 128 || abbreviations[w] {
					continue
				}
			}
			// Keep closing quotes and brackets with the sentence.
			j := i + 1
			for j < len(d.toks) && d.toks[j].Kind == TokPunct && strings.Contains("»\")'", d.tokText(j)) {
				j++
			}
			emit(start, j)
			start = j
			i = j - 1
			lastWord = ""
		}
	}
	emit(start, len(d.toks))
}

func boilerplate(d *doc, a, b int) bool {
	if advertisement(d, a) {
		// A marker alone on its line, or "Sponsored content:".
		return a+1 >= len(d.toks) || d.toks[a+1].Kind != TokWord || d.word(a+1) == "content" || d.word(a+1) == "آگهی"
	}
	w := d.word(a)
	if !boilerplateStarts[w] {
		return false
	}
	switch w {
	case "اخبار", "مطالب", "مطلب":
		return d.word(a+1) == "مرتبط" // «مطالب مرتبط: …»
	case "see":
		return d.word(a+1) == "also"
	case "بیشتر":
		return d.word(a+1) == "بخوانید"
	case "read":
		return d.word(a+1) == "more" || d.word(a+1) == "also"
	case "also":
		return d.word(a+1) == "read"
	case "کد":
		return d.word(a+1) == "خبر"
	case "لینک":
		return d.word(a+1) == "کوتاه"
	}
	return true
}

// countryMention converts an entity match to a country mention.
func (d *doc) countryMention(m Match) (mention, bool) {
	e := m.Entry
	mt := mention{tok: m.Start, end: m.End, code: e.Code, class: e.Class, name: e.Name}
	switch {
	case e.Class.Has(ClassCountry | ClassAdjective | ClassPlace | ClassPerson):
		return mt, e.Code != ""
	case e.Class.Has(ClassTitle):
		return mt, e.Code != ""
	case e.Class.Has(ClassOurCountry):
		mt.code = d.reporter
		return mt, d.reporter != ""
	}
	return mt, false
}

// resolveMentions finds the countries of each sentence, resolving «این
// کشور» to the last country named that is not the reporter's, «کشورمان» to
// the reporter's, and «دو کشور», «طرفین», "both sides" to the two countries
// in context.
func (d *doc) resolveMentions() {
	// Count explicit mentions for the article's main pair.
	count := map[string]int{}
	firstAt := map[string]int{}
	hosts := make([]bool, len(d.sents))
	for k, s := range d.sents {
		if d.ownOfficialLeads(s) {
			// «رئیسجمهور در حاشیه اجلاس … دیدار کرد» in an Iranian outlet:
			// the outlet's own official, named by title alone.
			hosts[k] = true
			if _, seen := firstAt[d.reporter]; !seen {
				firstAt[d.reporter] = s.a
			}
			count[d.reporter]++
		}
		for _, m := range d.entsIn(s.a, s.b) {
			if mt, ok := d.countryMention(m); ok && !m.Entry.Class.Has(ClassPerson) && !d.inAmount(s, m.Start) {
				if _, seen := firstAt[mt.code]; !seen {
					firstAt[mt.code] = m.Start
				}
				count[mt.code]++
			}
		}
	}
	var codes []string
	for c := range count {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if count[codes[i]] != count[codes[j]] {
			return count[codes[i]] > count[codes[j]]
		}
		return firstAt[codes[i]] < firstAt[codes[j]]
	})
	if len(codes) > 2 {
		codes = codes[:2]
	}
	d.main = codes

	var recent []seenCode
	for _, s := range d.sents {
		ents := d.entsIn(s.a, s.b)
		var ms []mention
		var pairs []Match
		for _, m := range ents {
			if d.inAmount(s, m.Start) {
				continue
			}
			e := m.Entry
			switch {
			case e.Class.Has(ClassThisCountry):
				if d.pointAt(m.Start-1, roleNameAdj) {
					// "the Islamic Republic's": a name, not a reference.
					continue
				}
				code := ""
				for k := len(ms) - 1; k >= 0 && code == ""; k-- {
					if ms[k].code != d.reporter && !ms[k].topic {
						code = ms[k].code
					}
				}
				for k := len(recent) - 1; k >= 0 && code == ""; k-- {
					if recent[k].code != d.reporter {
						code = recent[k].code
					}
				}
				if code != "" {
					ms = append(ms, mention{tok: m.Start, end: m.End, code: code, class: ClassThisCountry})
				}
				continue
			case e.Class.Has(ClassPair):
				pairs = append(pairs, m)
				continue
			case e.Class.Has(ClassGroup):
				for _, code := range d.groupFor(int(e.Num), ms, s.idx) {
					ms = append(ms, mention{tok: m.Start, end: m.End, code: code, class: ClassPair})
				}
				continue
			}
			mt, ok := d.countryMention(m)
			if !ok {
				continue
			}
			mt.topic = d.isTopic(m.Start) || d.borderName(m.Start, m.End) || d.expertPlace(s, m.Start) || d.sanctionsAfter(m.End) || d.comparedRoute(s, m.Start)
			ms = append(ms, mt)
		}
		if len(d.people) > 0 {
			// "Azizi also held talks with …": a registered person names
			// their country.
			ms = d.personMentions(s.a, s.b, ms)
		}
		// People count only when no country is named beside them, as in
		// «بردی محمد اف رئیسجمهور تاجیکستان» or "Uzbek President X".
		ms = slices.DeleteFunc(ms, func(mt mention) bool {
			if mt.class != ClassPerson {
				return false
			}
			for _, o := range ms {
				if o.class == ClassPerson || o.class == ClassPlace {
					continue
				}
				if o.tok >= mt.end && o.tok < mt.end+4 && !d.commaBetween(mt.end, o.tok) && !d.linkBetween(mt.end, o.tok) ||
					o.end <= mt.tok && o.end > mt.tok-4 && !d.commaBetween(o.end, mt.tok) && !d.linkBetween(o.end, mt.tok) {
					return true
				}
			}
			return false
		})
		if len(pairs) == 0 && s.latin && d.pointAt(s.a, roleThey) && s.idx > 0 {
			// "Transport ministers of Kazakhstan, Azerbaijan and Georgia …
			// signed a roadmap … They also set a target …": the countries
			// of the sentence before, two to four of them.
			if cs := d.countries(d.sents[s.idx-1], d.sents[s.idx-1].a, d.sents[s.idx-1].b, false); len(cs) >= 2 && len(cs) <= 4 {
				for _, code := range cs {
					ms = append(ms, mention{tok: s.a, end: s.a + 1, code: code, class: ClassPair})
				}
			}
		}
		// The sides of a meeting the sentence refers back to (nil when it
		// does not): its pair words' countries, and with none, what «در این
		// دیدار همچنین یادداشت تفاهم … امضا شد» says was done is theirs.
		mp := d.meetingPair(s, ms)
		if len(pairs) == 0 {
			for _, code := range mp {
				ms = append(ms, mention{tok: s.a, end: s.a, code: code, class: ClassPair})
			}
		}
		for _, p := range pairs {
			codes := mp
			if codes == nil {
				// (Not a country the sentence compares with after the pair
				// word: "Trade between the two countries totalled $1.9
				// billion …, second only to Russia" refers back, not to
				// Russia.)
				// (Nor a country passed through: "the two sides agreed to
				// finalise a transit trade agreement through Afghanistan".)
				before := slices.DeleteFunc(slices.Clone(ms), func(m mention) bool {
					return m.tok > p.End+4 && d.comparedAt(m.tok) || m.tok > p.End && d.viaAt(m.tok)
				})
				codes = d.pairFor(before, recentCodes(recent, s.idx), d.subjectBefore(s.idx))
			}
			for _, code := range codes {
				ms = append(ms, mention{tok: p.Start, end: p.End, code: code, class: ClassPair})
			}
		}
		slices.SortStableFunc(ms, func(a, b mention) int { return a.tok - b.tok })
		s.mentions = ms
		if hosts[s.idx] {
			recent = append(recent, seenCode{d.reporter, s.idx})
		}
		for _, mt := range ms {
			if !mt.topic {
				recent = append(recent, seenCode{mt.code, s.idx})
			}
		}
	}
}

// outletsIn returns the outlets the text names within its first head
// tokens.
func (d *doc) outletsIn(head int) []Match {
	n := 0
	for n < len(d.outlets) && d.outlets[n].End <= head {
		n++
	}
	return d.outlets[:n]
}

// outletAt reports whether a news outlet's name starts at token k.
func (d *doc) outletAt(k int) bool {
	return slices.ContainsFunc(d.outlets, func(m Match) bool { return m.Start == k })
}

// meetingPair returns the two sides of the meeting the sentence before s
// tells, when s refers back to it («دو طرف در این دیدار توافق کردند», "at
// the meeting, both sides agreed") and names fewer than two countries
// itself (ms): the countries that sentence names (its venue's, and the
// sides it resolved, too), with the outlet's country for a side it leaves
// unnamed («هیئتی از ازبکستان …
// در کابل با وزیر صنعت و تجارت دیدار کرد»). nil otherwise.
func (d *doc) meetingPair(s *sentence, ms []mention) []string {
	if s.idx == 0 || !d.meetingReferred(s) {
		return nil
	}
	n := 0
	for _, m := range ms {
		if !m.topic && m.class != ClassPair {
			n++
		}
	}
	if n >= 2 {
		return nil
	}
	p := d.sents[s.idx-1]
	if !d.hasCue(p.a, p.b, CueMeet) {
		return nil
	}
	var cs []string
	for _, m := range p.mentions {
		// (The sides of a sentence that referred back to the meeting
		// already, «دو طرف در این دیدار …», are the meeting's.)
		if !m.topic && !slices.Contains(cs, m.code) {
			cs = append(cs, m.code)
		}
	}
	if len(cs) == 1 && d.reporter != "" && d.reporter != cs[0] {
		cs = append(cs, d.reporter)
	}
	if len(cs) != 2 {
		return nil
	}
	return cs
}

// meetingReferred reports whether sentence s refers back to a meeting:
// «در این دیدار», «در این نشست», "at the meeting", "during the talks".
func (d *doc) meetingReferred(s *sentence) bool {
	for k := s.a; k+1 < s.b; k++ {
		if d.pointAt(k, roleMeetRefDet) && d.hasCue(k+1, k+2, CueMeet|CueMeetWeak) {
			return true
		}
	}
	return false
}

// ownOfficialLeads reports whether sentence s opens with a title of the
// head of state or government or of a minister that names no country
// («رئیسجمهور در حاشیه …», "The President said …"): in a national outlet,
// that official is the outlet's country's.
func (d *doc) ownOfficialLeads(s *sentence) bool {
	if d.reporter == "" {
		return false
	}
	for _, m := range d.entsIn(s.a, min(s.b, s.a+2)) {
		if !m.Entry.Class.Has(ClassTitle) || m.Entry.Code != "" {
			continue
		}
		switch m.Entry.Name {
		case "president", "prime minister", "foreign minister", "minister":
		default:
			continue
		}
		for _, o := range d.entsIn(m.End, min(s.b, m.End+6)) {
			if o.Entry.Class.Has(ClassCountry | ClassAdjective | ClassPerson | ClassThisCountry | ClassOurCountry) {
				return false
			}
		}
		return true
	}
	return false
}

// borderName reports whether the country at tokens [a, b) names a border
// as a place ("near the Turkmen-Afghan border", "the Iran–Afghanistan
// border"), not a party.
func (d *doc) borderName(a, b int) bool {
	for k := b; k < min(len(d.toks), b+4); k++ {
		switch w := d.tokText(k); w {
		case "border", "frontier":
			return d.word(a-1) == "the" || d.word(a-1) == "-" || d.tokText(a-1) == "-" || d.tokText(a-1) == "–" || k > b
		case "-", "–":
			continue
		default:
			if d.toks[k].Kind == TokWord && !d.isCountryWord(k) {
				return false
			}
		}
	}
	return false
}

// comparedRoute reports whether the country word at token i names a route
// a clause compares with ("cut the rail route from China to Uzbekistan by
// 900 km compared with the route through Kazakhstan", «در مقایسه با مسیر
// قزاقستان»): a country named only so is no party (see CueTopic).
func (d *doc) comparedRoute(s *sentence, i int) bool {
	k := d.roleIn(max(s.a, i-6), i, roleComparedWith)
	if k < 0 {
		return false
	}
	for j := k; j < i; j++ {
		if w := d.word(j); w == "route" || w == "مسیر" || w == "corridor" || w == "کریدور" || w == "راه" {
			return true
		}
	}
	return false
}

// sanctionsAfter reports whether the country word ending at token k
// imposes or waives sanctions: "US sanctions", "the U.S. waiver",
// "American sanctions on …". It names no party (see CueTopic).
func (d *doc) sanctionsAfter(k int) bool {
	switch d.word(k) {
	case "sanction", "sanctions", "waiver", "waivers", "embargo":
		return true
	}
	return false
}

// isCountryWord reports whether a country or its adjective starts at
// token k.
func (d *doc) isCountryWord(k int) bool {
	for _, m := range d.entsIn(k, k+1) {
		if m.Entry.Class.Has(ClassCountry | ClassAdjective) {
			return true
		}
	}
	return false
}

// linkBetween reports whether tokens [a, b) join two parties rather than
// name a person's country: "Sharif met Uzbek President …", «… و …», "and".
func (d *doc) linkBetween(a, b int) bool {
	for k := a; k < b; k++ {
		switch d.word(k) {
		case "and", "with", "و", "با":
			return true
		}
	}
	return d.hasCue(a, b, CueMeet|CueVisit)
}

// subjectBefore returns the country the sentence before idx names first
// when it names three or more, "" otherwise: "Sharif met Uzbek President …
// and Kyrgyz President … separately" / "In the meeting with Mirziyoyev,
// the two leaders …" — Pakistan is one of the two.
func (d *doc) subjectBefore(idx int) string {
	if idx == 0 {
		return ""
	}
	p := d.sents[idx-1]
	var cs []string
	for _, m := range p.mentions {
		if !m.topic && !slices.Contains(cs, m.code) {
			cs = append(cs, m.code)
		}
	}
	if len(cs) < 3 {
		return ""
	}
	return cs[0]
}

// commaBetween reports whether a comma lies within tokens [a, b).
func (d *doc) commaBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if t := d.tokText(k); t == "," || t == "،" {
			return true
		}
	}
	return false
}

// seenCode is a country mentioned in sentence sent.
type seenCode struct {
	code string
	sent int
}

// recentCodes lists the distinct codes mentioned in the three sentences
// before sentence idx (and in idx itself), most recent first.
func recentCodes(recent []seenCode, idx int) []string {
	var out []string
	for k := len(recent) - 1; k >= 0; k-- {
		if recent[k].sent < idx-3 {
			break
		}
		if !slices.Contains(out, recent[k].code) {
			out = append(out, recent[k].code)
		}
	}
	return out
}

// groupFor resolves «سه کشور», "the three countries": n countries named
// earlier in the sentence (ms) or in one of the three sentences before;
// else, when the article so far names exactly n countries (those of a
// project's sections named one by one, "the four countries" of its
// council paragraphs later), those (the article's register).
func (d *doc) groupFor(n int, ms []mention, idx int) []string {
	// distinct appends to out the countries of ms it does not hold yet.
	distinct := func(out []string, ms []mention) []string {
		for _, m := range ms {
			if !m.topic && !slices.Contains(out, m.code) {
				out = append(out, m.code)
			}
		}
		return out
	}
	if cs := distinct(nil, ms); len(cs) >= n {
		return cs[len(cs)-n:]
	}
	for k := idx - 1; k >= 0 && k >= idx-3; k-- {
		if cs := distinct(nil, d.sents[k].mentions); len(cs) >= n {
			return cs[:n]
		}
	}
	if idx < d.namedUpTo {
		d.named, d.namedUpTo = nil, 0 // (the sentences are read in order; this keeps it right if not)
	}
	for ; d.namedUpTo < idx; d.namedUpTo++ {
		if len(d.named) <= 5 { // (six or more can equal no n)
			d.named = distinct(d.named, d.sents[d.namedUpTo].mentions)
		}
	}
	if cs := distinct(slices.Clone(d.named), ms); len(cs) == n {
		return cs
	}
	return nil
}

// comparedAt reports whether the country at token k is named as one
// compared with: "second only to Russia", "behind China", "than Iran".
func (d *doc) comparedAt(k int) bool {
	return d.pointIn(max(0, k-3), k, roleRankedAfter) >= 0
}

// pairFor resolves «دو کشور» in sentence s with explicit mentions ms.
func (d *doc) pairFor(ms []mention, recent []string, subject string) []string {
	var here, adjectives []string
	for _, m := range ms {
		if m.topic {
			continue
		}
		if m.class == ClassAdjective {
			// "the Afghan transit route": an adjective may modify a thing,
			// so it decides only when the context does not.
			if !slices.Contains(adjectives, m.code) {
				adjectives = append(adjectives, m.code)
			}
			continue
		}
		if !slices.Contains(here, m.code) {
			here = append(here, m.code)
		}
	}
	if len(here) == 0 && len(adjectives) > 0 {
		// (Two adjectives decide: "Tajik President … and Kyrgyz President
		// … hold a bilateral meeting".)
		ctx := d.pairFor(nil, recent, "")
		if len(ctx) < 2 || len(adjectives) >= 2 {
			here = adjectives
		}
	}
	if len(here) >= 2 {
		return here[:2]
	}
	if len(here) == 1 {
		if subject != "" && subject != here[0] {
			return []string{here[0], subject}
		}
		for _, c := range d.main {
			if c != here[0] && slices.Contains(recent, c) {
				return []string{here[0], c}
			}
		}
		for _, c := range recent {
			if c != here[0] {
				return []string{here[0], c}
			}
		}
		if d.reporter != "" && d.reporter != here[0] {
			// «… درباره روابط اقتصادی با افغانستان گفت: حجم تجارت دو
			// کشور …» at the head of an Iranian briefing: nothing before to
			// pair with, so the outlet's country is the other.
			return []string{here[0], d.reporter}
		}
		for _, c := range d.main {
			if c != here[0] {
				return []string{here[0], c}
			}
		}
		return here
	}
	if len(d.main) == 2 && slices.Contains(recent, d.main[0]) && slices.Contains(recent, d.main[1]) {
		return d.main
	}
	if len(recent) >= 2 && len(d.main) > 0 && !slices.Contains(recent[:2], d.main[0]) {
		return []string{recent[0], d.main[0]}
	}
	if len(recent) >= 2 {
		return recent[:2]
	}
	return d.main
}

// entsIn returns the entity matches that start within [a, b).
func (d *doc) entsIn(a, b int) []Match {
	k := sort.Search(len(d.ents), func(i int) bool { return d.ents[i].Start >= a })
	j := k
	for j < len(d.ents) && d.ents[j].Start < b {
		j++
	}
	return d.ents[k:j]
}

// inAmount reports whether token i belongs to an amount of s (the currency
// «افغانی» is not the adjective "Afghan").
func (d *doc) inAmount(s *sentence, i int) bool {
	for _, a := range s.amounts {
		if i >= a.a && i < a.b {
			return true
		}
	}
	return false
}

// isTopic reports whether the entity at token i is the subject of a phrase
// («در امور افغانستان», «مساله سوریه», "envoy for Afghanistan").
func (d *doc) isTopic(i int) bool {
	m, ok := d.cueEndingAt(i, CueTopic)
	if ok && d.pointAt(m.Start, rolePurpose) && d.hasCue(m.Start-1, m.Start, CueCargo|CueTrade) {
		return false // "cargo for Uzbekistan", "exports for Afghanistan": a destination
	}
	return ok
}

// statedFiscalStart returns the month the article says its fiscal years
// open in: a range of twelve months in parentheses after a fiscal year
// ("in the 2025-26 fiscal year (April-March)", "FY2025-26 (July–June)");
// 0 when it says none.
func (d *doc) statedFiscalStart() time.Month {
	for i := range d.toks {
		if d.tokText(i) != "(" || i+4 >= len(d.toks) || !isDash(d.tokText(i+2)) && d.tokText(i+2) != "–" || d.tokText(i+4) != ")" {
			continue
		}
		m1, m2 := gregorianMonths[d.tokText(i+1)], gregorianMonths[d.tokText(i+3)]
		if m1 == 0 || m2 != (m1+10)%12+1 {
			continue
		}
		for k := max(0, i-6); k < i; k++ {
			if fiscalOpeners[d.tokText(k)] || d.tokText(k) == "مالی" {
				return time.Month(m1)
			}
		}
	}
	return 0
}

// fiscalSplitYears reads a split year written alone, "by 2027-28", as the
// fiscal year the article counts in when it names a fiscal year (July–June,
// or the months it states) elsewhere ("in FY2024-25", "fiscal year 2025-26"); in other
// articles it stays the year it starts in.
func (d *doc) fiscalSplitYears() {
	fiscal := slices.ContainsFunc(d.sents, func(s *sentence) bool {
		return slices.ContainsFunc(s.periods, func(m periodMatch) bool {
			return m.Resolved && m.P.Calendar == Gregorian && m.P.Start.Month() == fiscalOpen(d.fiscalStart) && m.P.End.Sub(m.P.Start) > 300*24*time.Hour && m.P.End.Year() == m.P.Start.Year()+1
		})
	})
	if !fiscal {
		return
	}
	for _, s := range d.sents {
		for k := range s.periods {
			m := &s.periods[k]
			if !m.Resolved || m.P.Relative || m.P.Calendar != Gregorian || m.End-m.Start != 1 || m.End+1 >= s.b || len(m.P.Label) != 4 {
				continue
			}
			y, err1 := strconv.Atoi(d.tokText(m.Start))
			t2 := d.tokText(m.End + 1)
			y2, err2 := strconv.Atoi(t2)
			if err1 != nil || err2 != nil || !isDash(d.tokText(m.End)) || len(t2) != 2 || (y+1)%100 != y2 {
				continue
			}
			m.P, m.End = fiscalYear(y+1, d.fiscalStart), m.End+2
		}
	}
}

// scanPeriods finds the periods of s. Relative years resolve in the
// calendar of the sentence's explicit years, or Gregorian in English.
func (d *doc) scanPeriods(s *sentence) {
	ps := &periodScanner{norm: d.norm, toks: d.toks, ref: d.art.Date, fyStart: d.fiscalStart}
	ms := ps.scan(s.a, s.b)
	for _, m := range ms {
		if m.Resolved && !m.P.Relative {
			s.cal = m.P.Calendar
			break
		}
	}
	cal := s.cal
	if cal == 0 && s.latin {
		cal = Gregorian
	}
	if cal != 0 && slices.ContainsFunc(ms, func(m periodMatch) bool { return !m.Resolved }) {
		// Relative years wait for the sentence's calendar.
		ps.cal = cal
		ms = ps.scan(s.a, s.b)
	}
	// Numbers that are amounts are not years.
	s.periods = slices.DeleteFunc(ms, func(m periodMatch) bool {
		for _, a := range s.amounts {
			if m.Start < a.b && a.a < m.End && !(a.kind == amtPercent) {
				return true
			}
		}
		return false
	})
	d.dropGlosses(s)
	d.thatYear(s)
}

// dropGlosses removes from the periods of s a date of another calendar
// in parentheses just after a date («از آذر ۱۳۹۳ (دسامبر ۲۰۱۴)», "in
// December 2014 (Azar 1393)"): a gloss of the date the text gives, which
// is the fact's.
func (d *doc) dropGlosses(s *sentence) {
	for k := len(s.periods) - 1; k > 0; k-- {
		m, prev := s.periods[k], s.periods[k-1]
		if prev.End == m.Start-1 && d.tokText(m.Start-1) == "(" && d.tokText(m.End) == ")" &&
			prev.Resolved && m.Resolved && prev.P.Calendar != m.P.Calendar {
			s.periods = slices.Delete(s.periods, k, k+1)
		}
	}
}

// thatYear reads "that year", «همان سال», «آن سال» in sentence s as the
// whole year written last before it in the sentence ("Kazakhstan and
// Afghanistan, which agreed in 2023 to raise their trade to $3 billion,
// managed about $550 million that year": 2023).
func (d *doc) thatYear(s *sentence) {
	for k := s.a; k+1 < s.b; k++ {
		w, y := d.word(k), d.word(k+1)
		if !(w == "that" && y == "year" || (w == "همان" || w == "آن") && y == "سال") {
			continue
		}
		if n, err := strconv.Atoi(d.tokText(k + 2)); err == nil && n >= 1300 && n <= 2100 {
			continue // «آن سال ۱۴۰۲»: the year is written
		}
		for j := len(s.periods) - 1; j >= 0; j-- {
			m := s.periods[j]
			if m.End > k || !m.Resolved || m.P.Relative || !wholeYear(m.P.Label) {
				continue
			}
			at := slices.IndexFunc(s.periods, func(p periodMatch) bool { return p.Start > k })
			if at < 0 {
				at = len(s.periods)
			}
			s.periods = slices.Insert(s.periods, at, periodMatch{Start: k, End: k + 2, P: m.P, Resolved: true})
			break
		}
	}
}

// wholeYear reports whether a period's label is one whole year: "2023",
// "SH1403 = …".
func wholeYear(label string) bool {
	if l, _, ok := strings.Cut(label, " = "); ok {
		label = strings.TrimPrefix(l, "SH")
	}
	if len(label) != 4 {
		return false
	}
	for _, r := range label {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// firstIndex returns, for each token i in [0, n], the index of the first
// of ms (sorted by start) that starts at or after i.
func firstIndex(ms []Match, n int) []int32 {
	out := make([]int32, n+1)
	k := 0
	for i := range n + 1 {
		for k < len(ms) && ms[k].Start < i {
			k++
		}
		out[i] = int32(k)
	}
	return out
}
