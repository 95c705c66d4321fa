package extract

import (
	"slices"
	"time"
	"unicode/utf8"

	"github.com/caravan-transport/caravan/jalali"
)

// tradeFocus returns the country whose trade the article reports: the one
// most often named as a trader, not an object, in clauses with a trade
// word ("Pakistan's exports to Afghanistan", «صادرات افغانستان به …»,
// "the State Bank of Pakistan"; an English possessive counts twice),
// earliest on a tie; "" when none is named
// twice and it is not the only one. It is computed once per article.
func (d *doc) tradeFocus() string {
	if d.focusDone {
		return d.focus
	}
	d.focusDone = true
	count := map[string]int{}
	first := map[string]int{}
	for _, s := range d.sents {
		for _, c := range d.clauses(s) {
			if d.tradeCueIn(c) < 0 {
				continue
			}
			for _, m := range s.mentions {
				// (A border post is no trader, and "the country" is
				// whichever the context gives.)
				if m.tok < c.a || m.tok >= c.b || m.topic || m.class.Has(ClassPair) || m.class.Has(ClassPlace) ||
					m.class.Has(ClassThisCountry) || d.inAmount(s, m.tok) || d.objectAt(m.tok) || d.viaAt(m.tok) {
					continue
				}
				if _, ok := first[m.code]; !ok {
					first[m.code] = m.tok
				}
				count[m.code]++
				if d.possessiveAt(m.end) {
					count[m.code]++ // "Pakistan's exports": a trader by name
				}
			}
		}
	}
	best := ""
	for code, n := range count {
		if n < 2 && len(count) > 1 {
			continue
		}
		if best == "" || n > count[best] || n == count[best] && first[code] < first[best] {
			best = code
		}
	}
	d.focus = best
	return best
}

// possessiveAt reports whether an English possessive "'s" starts at token
// i (the normalized text writes a curly apostrophe as ').
func (d *doc) possessiveAt(i int) bool {
	return d.tokText(i) == "'" && d.word(i+1) == "s"
}

// priorTrader returns the one country the sentence before s names as a
// trader, not an object ("Kazakhstan exported 2.3 million tonnes …",
// "Pakistan's exports to Kazakhstan and Uzbekistan rose …"), in a clause
// with a trade word: a ranking or a buyer right after it ("Afghanistan
// remained the largest buyer", "Uzbekistan remained the largest market
// at $198m, followed by …") is of that trader's trade, before the
// article's (tradeFocus). "" when it names none or several, or s is in
// another item of a digest.
func (d *doc) priorTrader(s *sentence) string {
	if s.idx == 0 || d.ownItem(s) && d.itemStart(s) == s.idx {
		return ""
	}
	p := d.sents[s.idx-1]
	trader := ""
	for _, c := range d.clauses(p) {
		if d.tradeCueIn(c) < 0 {
			continue
		}
		for _, m := range p.mentions {
			if m.tok < c.a || m.tok >= c.b || m.topic || m.class.Has(ClassPair) || m.class.Has(ClassPlace) || d.inAmount(p, m.tok) ||
				d.objectAt(m.tok) || m.code == trader {
				continue
			}
			if trader != "" {
				return ""
			}
			trader = m.code
		}
	}
	return trader
}

// ownTotals makes "the country" that owns a trade word or a ranking
// ("Overall, the country's goods exports grew to $32.9bn", "Exports to
// Afghanistan, traditionally the country's largest regional market",
// «صادرات این کشور») the
// article's trader (tradeFocus), not the country named last: a country's
// total is that country's alone, and the country of an article about one
// trader's trade is that trader. It runs once per article, after the
// mentions are resolved.
func (d *doc) ownTotals() {
	f := d.tradeFocus()
	if f == "" {
		return
	}
	for _, s := range d.sents {
		for i := range s.mentions {
			m := &s.mentions[i]
			if m.class != ClassThisCountry || m.code == f {
				continue
			}
			owner := false
			if d.possessiveAt(m.end) {
				// "the country's (goods) exports", "the country's largest
				// regional market"
				owner = len(d.cuesIn(m.end+2, min(s.b, m.end+5), CueTrade)) > 0 || d.roleIn(m.end+2, min(s.b, m.end+4), roleRank) >= 0
			} else if !s.latin {
				for _, c := range d.cuesIn(max(s.a, m.tok-3), m.tok, CueTrade) {
					owner = owner || c.End == m.tok // «صادرات این کشور»
				}
			}
			if owner {
				m.code = f
			}
		}
	}
}

// regionCounted reports whether the article names region name with the
// count of all its members ("the five Central Asian republics", «پنج کشور
// آسیای مرکزی»): that names every member as well as a list would.
func (d *doc) regionCounted(name string) bool {
	n := len(regionMembers[name])
	for _, m := range d.ents {
		if !m.Entry.Class.Has(ClassRegion) || m.Entry.Name != name {
			continue
		}
		for k := m.Start - 1; k >= max(0, m.Start-3); k-- {
			if v := numberWordValue(d.word(k)); v > 0 {
				if int(v) == n {
					return true
				}
				break
			}
		}
	}
	return false
}

// regionListed returns the members of region name (regionMembers) that
// the article lists together: the first run of three or more of them
// joined by commas and "and" («،», «و») in one sentence ("Shipments to
// Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan had
// stood at $361m"), or all of them named in one sentence; nil when no
// sentence has one. A region named as a
// partner is those members (labelling: a region whose members the
// article does not list stays the trader's alone; figures of single
// members, "Exports to Uzbekistan …, while imports from Kazakhstan …",
// are no list of it).
func (d *doc) regionListed(name string) []string {
	ms := regionMembers[name]
	if ms == nil {
		return nil
	}
	if d.regionCounted(name) {
		return ms
	}
	for _, s := range d.sents {
		var run []string
		end := -1
		for _, m := range s.mentions {
			if m.topic || m.class != ClassCountry || !slices.Contains(ms, m.code) {
				if len(run) >= 3 {
					return run
				}
				run, end = nil, -1
				continue
			}
			if end >= 0 && !d.joinedList(end, m.tok) {
				if len(run) >= 3 {
					return run
				}
				run = nil
			}
			if !slices.Contains(run, m.code) {
				run = append(run, m.code)
			}
			end = m.end
		}
		if len(run) >= 3 {
			return run
		}
		// A ranking that names every member ("Uzbekistan was the largest
		// buyer at $38.2m, followed by Kazakhstan …, Tajikistan … and
		// Kyrgyzstan …, while Turkmenistan took the rest") lists them too,
		// also when it goes on in the next sentence ("Kazakhstan remained
		// the largest partner … It was followed by Turkmenistan …").
		named := func(x string, t *sentence) bool {
			return slices.ContainsFunc(t.mentions, func(m mention) bool { return m.code == x && !m.topic && m.class == ClassCountry })
		}
		var next *sentence
		if s.idx+1 < len(d.sents) && d.roleIn(d.sents[s.idx+1].a, d.sents[s.idx+1].b, roleBreakdown) >= 0 {
			next = d.sents[s.idx+1]
		}
		if slices.IndexFunc(ms, func(x string) bool { return !named(x, s) && (next == nil || !named(x, next)) }) < 0 {
			return ms
		}
	}
	return nil
}

// joinedList reports whether tokens [a, b) only join the items of a list:
// commas and "and".
func (d *doc) joinedList(a, b int) bool {
	if b <= a || b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		if !isListGlue(d.tokText(k)) {
			return false
		}
	}
	return true
}

// objectAt reports whether the country named at token i is the object of
// a preposition of trade: "to Afghanistan", "to neighbouring Afghanistan",
// «به افغانستان».
func (d *doc) objectAt(i int) bool {
	if d.roleBefore(i, roleObjectOf) || d.pointAt(i-1, roleNeighbourAdj) && d.roleBefore(i-1, roleObjectOf) {
		return true
	}
	// "to Kazakhstan and Tajikistan", "via Iran and Turkmenistan": the
	// later items of a list share the first's preposition.
	if k := d.countryJoinedBefore(i); k >= 0 {
		return d.objectAt(k) || d.viaAt(k)
	}
	return false
}

// viaAt reports whether the country named at token i is a route passed
// through ("via Iran and Turkmenistan", «از طریق ایران»), no trader.
func (d *doc) viaAt(i int) bool {
	if d.roleBefore(i, roleVia) {
		return true
	}
	if k := d.placeHeadBefore(i); k < i && d.roleBefore(k, roleVia) {
		return true // «از راه بندر چابهار»: the place itself
	}
	if k := d.countryJoinedBefore(i); k >= 0 {
		return d.viaAt(k)
	}
	if d.possessiveAt(i - 2) {
		// "through Iran's Chabahar port": a place named after its
		// country's possessive is passed through when the country is.
		for _, m := range d.entsIn(max(0, i-6), i-2) {
			if m.End == i-2 && m.Entry.Class.Has(ClassCountry) {
				return d.roleBefore(m.Start, roleVia)
			}
		}
	}
	// «از راه بندر چابهار ایران», "via the port of Chabahar, Iran": the
	// country of a place passed through.
	at := i
	if t := d.tokText(at - 1); t == "," || t == "،" {
		at--
	}
	for _, m := range d.entsIn(max(0, at-6), at) {
		if m.End != at || !m.Entry.Class.Has(ClassPlace|ClassProject) {
			continue
		}
		if d.roleBefore(d.placeHeadBefore(m.Start), roleVia) {
			return true
		}
	}
	return false
}

// placeHeadBefore returns the first token of the words that head the
// place named at token i ("the port of", «بندر»), i when there are none.
func (d *doc) placeHeadBefore(i int) int {
	head := false
	for n := 0; n < 3; n++ {
		switch {
		case d.pointAt(i-1, rolePlaceHead):
			head = true
		case head && d.pointAt(i-1, roleDefinite):
			// ("via the port of Chabahar", not "via the Baku–Tbilisi–Kars
			// railway", whose countries it links)
		default:
			return i
		}
		i--
	}
	return i
}

// countryJoinedBefore returns the first token of the country named just
// before token i and joined to it by a comma, «و» or "and" (the item
// before in a list); -1 when none is.
func (d *doc) countryJoinedBefore(i int) int {
	if !isListGlue(d.tokText(i - 1)) {
		return -1
	}
	for _, m := range d.entsIn(max(0, i-6), i-1) {
		if m.End == i-1 && m.Entry.Class.Has(ClassCountry) {
			return m.Start
		}
	}
	return -1
}

// respectiveItems pairs the countries named last before «به ترتیب» or
// "respectively" in clause c with the figures after it (or, in English,
// the figures after the countries), in order, when there are two or more
// figures and at least as many countries. It returns each figure's index
// in ams and its country.
func (d *doc) respectiveItems(s *sentence, c span, ams []amount) map[int]string {
	at := d.roleIn(c.a, c.b, roleRespective)
	if at < 0 {
		return nil
	}
	var figs []int
	lo := c.a // the countries of the list follow the last figure before it
	for k, am := range ams {
		if am.kind != amtMoney && am.kind != amtTon {
			continue
		}
		switch {
		case am.a > at || s.latin && am.b <= at:
			figs = append(figs, k)
		default:
			lo = am.b
		}
	}
	if s.latin {
		lo = c.a
	}
	if len(figs) < 2 {
		return nil
	}
	// The list is the last run of countries joined by «و», "and" or
	// commas before the marker that has one country for each figure:
	// «… به پاکستان صادر شده و صادرات به ازبیکستان و تاجیکستان به ترتیب»,
	// «روسیه و قزاقستان که همسایگان دریایی ایران … هستند، به ترتیب …» (not
	// Iran, named inside the relative clause).
	var cs, run []string
	prevEnd := -1
	for _, m := range s.mentions {
		if m.tok < lo || m.tok >= at || m.topic || s.latin && m.tok >= ams[figs[0]].a {
			continue
		}
		if prevEnd < 0 || !d.joinersOnly(prevEnd, m.tok) {
			run = run[:0]
		}
		if !slices.Contains(run, m.code) {
			run = append(run, m.code)
		}
		prevEnd = m.end
		if len(run) == len(figs) {
			cs = slices.Clone(run)
		}
	}
	if len(cs) != len(figs) {
		return nil
	}
	out := map[int]string{}
	for i, k := range figs {
		out[k] = cs[i]
	}
	return out
}

// joinersOnly reports whether tokens [a, b) are only list joiners: «و»,
// "and", commas.
func (d *doc) joinersOnly(a, b int) bool {
	for k := a; k < b; k++ {
		if !isListGlue(d.tokText(k)) {
			return false
		}
	}
	return true
}

// postLink returns the country across a border post (place id) that the
// article itself links the post to: a border word beside the place (or
// after the list it heads) and a country after "with" («مرز سرخس با
// ترکمنستان», "the Sarakhs border with Turkmenistan") or among those after
// "between" ("the Torkham and Chaman crossings between Pakistan and
// Afghanistan"); "" when the text names none. The gazetteer's knowledge
// of the country across (borderFacing) is not used: a post alone names
// only its own country (testdata/README.md, "Labelling decisions").
func (d *doc) postLink(id string) string {
	if d.postLinks == nil {
		d.postLinks = map[string]string{}
		for _, s := range d.sents {
			for _, m := range d.entsIn(s.a, s.b) {
				if !m.Entry.Class.Has(ClassPlace) || m.Entry.ID == "" || d.postLinks[m.Entry.ID] != "" {
					continue
				}
				if d.roleIn(max(s.a, m.Start-2), m.Start, roleBorder) < 0 && d.roleIn(m.End, min(s.b, m.End+4), roleBorder) < 0 {
					continue
				}
				between := -1 // "the Torkham and Chaman border crossings between Pakistan and Afghanistan"
				for k := m.End; k < min(s.b, m.End+7); k++ {
					if betweenWords[d.word(k)] {
						between = k
						break
					}
				}
				for _, mt := range s.mentions {
					if mt.class != ClassCountry && mt.class != ClassAdjective || mt.code == m.Entry.Code {
						continue
					}
					with := mt.tok > m.End && mt.tok <= m.End+4 && (d.word(mt.tok-1) == "با" || d.word(mt.tok-1) == "with")
					// "the Irkeshtam checkpoint on the Kyrgyz-Chinese border":
					// the country across among a border's two sides.
					side := mt.tok > m.End && mt.tok <= m.End+6 && d.pairBorderSide(mt)
					if with || side || between >= 0 && mt.tok > between && mt.tok <= between+4 {
						d.postLinks[m.Entry.ID] = mt.code
						break
					}
				}
			}
		}
	}
	return d.postLinks[id]
}

// crossWords are the words of a crossing a clause may refer back to
// ("the pass", «این گذرگاه», Dari «این بندر» of a border port) for the
// pair the text put it between.
var crossWords = map[string]bool{"pass": true, "crossing": true, "checkpoint": true, "گذرگاه": true, "کوتل": true, "بندر": true}

// crossingPair returns the two countries the article first puts a
// crossing between: a crossing word followed within eight words by two
// countries as a border's sides ("the Khunjerab Pass on the
// Pakistan-China border", «گذرگاه … در مرز ایران و ترکیه») or after
// "between"; nil when it names none.
func (d *doc) crossingPair() []string {
	if d.crossDone {
		return d.crossPair
	}
	d.crossDone = true
	for _, s := range d.sents {
		for k := s.a; k < s.b; k++ {
			if !crossWords[d.word(k)] {
				continue
			}
			var cs []string
			for _, m := range s.mentions {
				if m.tok <= k || m.tok > k+8 || m.class != ClassCountry && m.class != ClassAdjective || m.topic && !d.borderName(m.tok, m.end) {
					continue
				}
				if !slices.Contains(cs, m.code) {
					cs = append(cs, m.code)
				}
			}
			border := false
			for j := k + 1; j < min(s.b, k+8); j++ {
				if w := d.word(j); w == "border" || w == "مرز" || betweenWords[w] {
					border = true
				}
			}
			if border && len(cs) == 2 {
				d.crossPair = normalizeCountries(cs)
				d.crossName = d.crossingName(s, k)
				return d.crossPair
			}
		}
	}
	return nil
}

// crossingReferred returns the pair of crossingPair when clause c refers
// back to a crossing ("crossed the pass", «از این گذرگاه») and names no
// place of its own that the gazetteer links; nil otherwise.
func (d *doc) crossingReferred(c span) []string {
	for k := c.a; k < c.b; k++ {
		if crossWords[d.word(k)] && (d.referenceBefore(k) || d.word(k-1) == "the") {
			return d.crossingPair()
		}
	}
	return nil
}

// crossingName returns the words of the name of the crossing whose
// crossing word is token k of s: the capitalized word before it in
// English, with the one before a dash ("The Kulma-Karasu checkpoint",
// "the Khunjerab Pass"), the word after it in Persian («گذرگاه کلما در
// مرز …», «گذرگاه مرزی کلما»); nil when it has none.
func (d *doc) crossingName(s *sentence, k int) []string {
	name := func(i int) string {
		w := d.word(i)
		if i < s.a || i >= s.b || utf8.RuneCountInString(w) < 3 || crossWords[w] || nameStop[w] || d.isCountryWord(i) {
			return ""
		}
		if _, ok := d.roleAt(i, roleBorder); ok {
			return ""
		}
		return w
	}
	var out []string
	if s.latin {
		if w := name(k - 1); w != "" && d.capitalized(k-1) {
			out = append(out, w)
			if isDash(d.tokText(k-2)) && name(k-3) != "" && d.capitalized(k-3) {
				out = append(out, name(k-3))
			}
		}
		return out
	}
	for i := k + 1; i < min(s.b, k+3); i++ {
		if d.word(i) == "مرزی" {
			continue
		}
		if w := name(i); w != "" {
			out = append(out, w)
		}
		break
	}
	return out
}

// nameStop are words next to a crossing word that are not its name.
var nameStop = map[string]bool{"the": true, "this": true, "that": true, "main": true, "only": true, "land": true, "road": true, "rail": true,
	"در": true, "میان": true, "بین": true, "با": true, "این": true, "آن": true, "اصلی": true, "زمینی": true, "ریلی": true}

// crossingNamed returns the pair of crossingPair when clause c names the
// crossing by its own name ("carried through Kulma this season", «از
// کلما») and no country; nil otherwise.
func (d *doc) crossingNamed(s *sentence, c span) []string {
	pair := d.crossingPair()
	if pair == nil || len(d.crossName) == 0 || d.hasCountryIn(s, c.a, c.b) {
		return nil
	}
	for k := c.a; k < c.b; k++ {
		if slices.Contains(d.crossName, d.word(k)) {
			return pair
		}
	}
	return nil
}

// pairBorderSide reports whether mention mt is one of the two sides of a
// border named as a pair: "the Kyrgyz-Chinese border", "the
// Pakistan-China border" (either side), «مرز ایران و ترکیه».
func (d *doc) pairBorderSide(mt mention) bool {
	if d.word(mt.end) == "border" && isDash(d.tokText(mt.tok-1)) {
		return true // the second side
	}
	if isDash(d.tokText(mt.end)) && d.isCountryWord(mt.end+1) {
		k := mt.end + 2
		for k < mt.end+5 && d.isCountryWord(k) {
			k++
		}
		return d.word(k) == "border"
	}
	if d.word(mt.tok-1) == "مرز" && d.word(mt.end) == "و" && d.isCountryWord(mt.end+1) {
		return true // «مرز افغانستان و پاکستان», the first side
	}
	return d.word(mt.tok-1) == "و" && d.isCountryWord(mt.tok-2) && d.word(mt.tok-3) == "مرز"
}

// postPartner returns the country across a border post named in clause c
// that the article links the post to (see postLink), when it is not
// among cs; "" otherwise.
func (d *doc) postPartner(c span, cs []string) string {
	for _, m := range d.entsIn(c.a, c.b) {
		if !m.Entry.Class.Has(ClassPlace) || m.Entry.ID == "" {
			continue
		}
		if x := d.postLink(m.Entry.ID); x != "" && !slices.Contains(cs, x) {
			return x
		}
	}
	return ""
}

// referredPosts returns the pair of the border posts clause c of s refers
// to by their count («مجموع بار … در دو مرز ریلی شمال شرق کشور», «از این دو
// مرز», "through the two crossings", "both crossings") when it names no
// country: the posts named in the three sentences before, each linked by
// the text to the same country across (postLink), with their own; nil
// otherwise.
func (d *doc) referredPosts(s *sentence, c span) []string {
	at := -1
	for k := c.a + 1; k < c.b && at < 0; k++ {
		if countWords[d.word(k-1)] {
			if _, ok := d.roleAt(k, roleBorder); ok {
				at = k
			}
		}
	}
	// (The posts' own country may be named as the outlet's: «… در دو مرز
	// ریلی شمال شرق کشور».)
	if at < 0 || slices.ContainsFunc(s.mentions, func(m mention) bool {
		return m.tok >= c.a && m.tok < c.b && !m.topic && m.class != ClassOurCountry
	}) {
		return nil
	}
	var own, across string
	n := 0
	for j := s.idx - 1; j >= max(0, s.idx-3); j-- {
		p := d.sents[j]
		for _, m := range d.entsIn(p.a, p.b) {
			if !m.Entry.Class.Has(ClassPlace) || m.Entry.ID == "" {
				continue
			}
			x := d.postLink(m.Entry.ID)
			if x == "" || own != "" && (own != m.Entry.Code || across != x) {
				return nil
			}
			own, across = m.Entry.Code, x
			n++
		}
	}
	if n < 2 {
		return nil
	}
	return normalizeCountries([]string{own, across})
}

// countWords count the posts a clause refers back to: «دو مرز», "the two
// crossings", "both crossings".
var countWords = map[string]bool{"دو": true, "سه": true, "two": true, "three": true, "both": true}

// itemStart returns the index of the first sentence of the item of a
// bulleted or dashed list that sentence s belongs to («🔹 …», "• …", "- …"
// at the start of a line), or -1 when s is in none. Each item of a digest
// speaks of its own countries: context goes back no further than its
// start (see contextCountries).
func (d *doc) itemStart(s *sentence) int {
	d.buildItems()
	return d.items[s.idx]
}

// buildItems finds, once per article, each sentence's list item (carried
// along its line) and whether the item names a country up to it.
func (d *doc) buildItems() {
	if d.items != nil {
		return
	}
	d.items = make([]int, len(d.sents))
	d.itemNamed = make([]bool, len(d.sents))
	cur, named := -1, false
	for k, p := range d.sents {
		if p.a == 0 || d.toks[p.a-1].Kind == TokNewline {
			cur, named = -1, false
			if w := d.tokText(p.a); bulletMarks[w] || isDash(w) {
				cur = k
			}
		}
		named = named || cur >= 0 && len(d.countries(p, p.a, p.b, true)) > 0
		d.items[k], d.itemNamed[k] = cur, named
	}
}

// contextFloor returns the first sentence index the context of s may
// come from: the start of its list item when the item names a country of
// its own ("• Kazakhstan: The Aktau port handled …"), or 0 (an item that
// names none, "- The sides agreed to …", goes on about the list's
// subject).
func (d *doc) contextFloor(s *sentence) int {
	if d.ownItem(s) {
		return d.itemStart(s)
	}
	return 0
}

// ownItem reports whether s is in a list item that names a country.
func (d *doc) ownItem(s *sentence) bool {
	d.buildItems()
	return d.items[s.idx] >= 0 && d.itemNamed[s.idx]
}

// articlePeriod returns the article's current period at sentence s: the
// last span (not a day) stated for a trade or freight figure in a sentence
// before s ("in the first eight months of 1405" in the lead, «در هشت ماهه
// نخست سال ۱۴۰۵», "January–October 2026"), which later figures and list
// items that state none go on in, until a sentence states another
// (labelling decision 4). Comparisons ("compared with 2024"), deadlines of
// targets, baselines' periods, the years of targets and the same span a
// year earlier for the same countries (a comparison) set no period. It is computed once per article.
func (d *doc) articlePeriod(s *sentence) *Period {
	if !d.curDone {
		d.curDone = true
		d.curPeriods = make([]*Period, len(d.sents))
		var cur *Period
		var curCs []string // the countries of the sentence that stated cur
		curAt := 0         // and its index
		for k, p := range d.sents {
			d.curPeriods[k] = cur
			if d.tradeCueIn(span{p.a, p.b}) < 0 && !d.hasCue(p.a, p.b, CueCargo) {
				continue
			}
			for j := range p.periods {
				m := &p.periods[j]
				// (A target's year, «هدف … در سال ۱۴۰۵», "the goal for
				// 2027", is no period of the figures reported.)
				tgt := d.hasCue(max(p.a, m.Start-8), m.Start, CueTarget)
				if !m.Resolved || m.P.Day || tgt || d.comparison(m.Start, false) || d.parenFigurePeriod(p, m.Start, p.a) || d.eventPeriodAt(m.Start) || d.deadline(m.Start) || d.baselinePeriod(p, m.Start) {
					continue
				}
				// The same span a year earlier for the same countries is
				// a comparison, not a new period: "had stood at $361m in
				// FY25" after "… to the five Central Asian republics … in
				// fiscal year 2025-26" leaves FY2025-26 the article's (a
				// region counts as its members).
				cs := d.countries(p, p.a, p.b, true)
				for _, e := range d.entsIn(p.a, p.b) {
					if e.Entry.Class.Has(ClassRegion) {
						cs = append(cs, regionMembers[e.Entry.Name]...)
					}
				}
				if cur != nil {
					if prev, ok := yearBefore(cur.Label); ok && prev == m.P.Label && subset(cs, curCs) {
						continue
					}
					// A month or a quarter inside the current span is a
					// detail of it ("peaked in October at 148,000 tons,
					// after 131,000 tons in September"): the span goes on.
					// (Within the sentence that stated it, «سال روان ۱۴۰۵
					// (حمل تا میزان)», the narrower span is the one meant.)
					if curAt < k && within(m.P, *cur) {
						continue
					}
					// The span a narrower one is written in, just after
					// it, leaves the narrower span current.
					if curAt == k && d.spanOfBefore(p, j) {
						continue
					}
					// A whole span that ended before the current one ("For
					// the whole of FY2025-26, exports had stood at $715m"
					// after "July-October of FY2026-27") looks back: the
					// current span goes on.
					if d.wholeBefore(m, cur) {
						continue
					}
				}
				cur, curCs, curAt = &m.P, cs, k
			}
		}
	}
	return d.curPeriods[s.idx]
}

// wholeBefore reports whether period m is written as a whole span ("for
// the whole of FY2025-26", «در کل سال ۱۴۰۴») that ended before cur
// started: a look back, after which cur goes on.
func (d *doc) wholeBefore(m *periodMatch, cur *Period) bool {
	return cur != nil && d.roleBefore(m.Start, roleWholeSpan) && !m.P.End.After(cur.Start)
}

// lookBack reports whether period m of sentence p looks back from the
// article's current period (wholeBefore): no period a later figure goes
// on in.
func (d *doc) lookBack(p *sentence, m periodMatch) bool {
	return d.roleBefore(m.Start, roleWholeSpan) && d.wholeBefore(&m, d.articlePeriod(p))
}

// within reports whether p is a shorter span inside q, in one calendar.
func within(p, q Period) bool {
	return p.Calendar == q.Calendar && !p.Start.Before(q.Start) && !p.End.After(q.End) && (p.Start.After(q.Start) || p.End.Before(q.End))
}

// yearlessPeriod returns the period of a partial year written without its
// year in clause c of s ("over nine months", «در هشت ماه نخست») in the
// year of the article's current period, when that period is a span from
// the start of a year the text wrote out (not "this year" resolved from
// the article's date: the year must be given), or months of the fiscal
// year ("the first four months of the fiscal year") in the July–June
// fiscal year of that period; nil otherwise.
func (d *doc) yearlessPeriod(s *sentence, c span) *Period {
	cur := d.articlePeriod(s)
	if cur == nil || cur.Relative || cur.Day {
		return nil
	}
	for _, m := range s.periods {
		if m.Resolved || m.First == 0 || m.Start < c.a || m.End > c.b || d.comparison(m.Start, false) {
			continue
		}
		var p Period
		switch cur.Calendar {
		case Gregorian:
			if m.Fiscal {
				// "the first four months of the fiscal year" after "July-
				// October of the current fiscal year 2026-27": the months
				// from the July the current period's fiscal year opens in.
				open := fiscalOpen(d.fiscalStart)
				y := cur.Start.Year()
				if cur.Start.Month() < open {
					y--
				}
				f, l := int(open)-2+int(m.First), int(open)-2+int(m.Last) // months from January of y, from 0
				p = gregMonths(y+f/12, f%12+1, y+l/12, l%12+1)
				break
			}
			if cur.Start.Month() != time.January {
				return nil
			}
			p = gregMonths(cur.Start.Year(), int(m.First), cur.Start.Year(), int(m.Last))
		case SolarHijri:
			j, err := jalali.FromTime(cur.Start)
			if err != nil || j.Month != 1 || j.Day != 1 {
				return nil
			}
			var ok bool
			if p, ok = shMonths(j.Year, int(m.First), int(m.Last)); !ok {
				return nil
			}
		default:
			return nil
		}
		return &p
	}
	return nil
}

// dropLowercasePlaces drops the places the gazetteer found in English
// words written in lower case: "Hendrik van Aalst" names no Turkish city
// of Van, a place's name is capitalized.
func (d *doc) dropLowercasePlaces() {
	src := d.text.Src
	d.ents = slices.DeleteFunc(d.ents, func(e Match) bool {
		if e.Entry.Class != ClassPlace || d.toks[e.Start].Kind != TokWord {
			return false
		}
		at := d.text.srcAt(int(d.toks[e.Start].Start))
		return at < len(src) && src[at] >= 'a' && src[at] <= 'z'
	})
}
