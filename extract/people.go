package extract

import "slices"

// The people register: the persons an article names with a role and a
// nationality ("Afghanistan's acting Minister of Commerce Nooruddin Azizi",
// «نورالدین عزیزی سرپرست وزارت صنعت و تجارت افغانستان»), so that a later
// clause that names only the person («عزیزی همچنین با … دیدار کرد»,
// "Azizi also held talks with …") speaks of that person's country. A
// commentator ("an economist at Kabul University", «کارشناس اقتصادی») is
// registered without a country: an expert is not a party, and neither is
// the place of the expert's institution.

// person is one person of the register.
type person struct {
	name  string // the surname as a normalized word: the key later mentions match
	role  string // the title's name ("minister", "ambassador") or "expert"
	code  string // the country served; "" for an expert or when two people share the surname
	a, b  int    // the tokens of the name where it was registered
	party bool   // whether the person makes the country a party (not an expert)
}

// personOf returns the person of the register whose surname is word w.
func (d *doc) personOf(w string) (*person, bool) {
	for k := range d.people {
		if d.people[k].name == w {
			return &d.people[k], true
		}
	}
	return nil, false
}

// register adds a person named by tokens [a, b) (the last word is the
// surname); a second person of the same surname with another country
// leaves the surname without one.
func (d *doc) register(a, b int, role, code string, party bool) {
	if b <= a {
		return
	}
	w := d.word(b - 1)
	if len(w) < 3 || functionWords[w] {
		return
	}
	if p, ok := d.personOf(w); ok {
		if p.code != code {
			p.code, p.party = "", false
		}
		return
	}
	d.people = append(d.people, person{name: w, role: role, code: code, a: a, b: b, party: party})
}

// capitalized reports whether token i is a Latin word that starts with a
// capital letter in the source text.
func (d *doc) capitalized(i int) bool {
	if i < 0 || i >= len(d.toks) || d.toks[i].Kind != TokWord {
		return false
	}
	src := d.text.Src
	at := d.text.srcAt(int(d.toks[i].Start))
	return at < len(src) && src[at] >= 'A' && src[at] <= 'Z'
}

// covered reports whether token i belongs to an entity or a cue.
func (d *doc) covered(i int) bool {
	for _, m := range d.entsIn(max(0, i-6), i+1) {
		if m.End > i {
			return true
		}
	}
	for k := d.cueIndex(max(0, i-6)); k < len(d.cues) && d.cues[k].Start <= i; k++ {
		if d.cues[k].End > i {
			return true
		}
	}
	return false
}

// nameWord reports whether token i may be part of a person's name: a
// capitalized Latin word, or a Persian word, that is no entity, cue or
// function word.
func (d *doc) nameWord(s *sentence, i int) bool {
	w := d.word(i)
	if w == "" || functionWords[w] || d.pointAt(i, roleNameStop) || s.latin && !d.capitalized(i) {
		return false
	}
	return !d.covered(i)
}

// buildPeople registers the people of the article: a title with a country
// ("Kazakhstan's Trade Minister", «سفیر ایران») and the name next to it
// ("… Arman Shakkaliyev", "Nooruddin Azizi, Afghanistan's acting minister
// …", «کاظم جلالی سفیر ایران»), and the experts. It runs before the
// mentions are resolved.
func (d *doc) buildPeople() {
	for _, s := range d.sents {
		for _, m := range d.entsIn(s.a, s.b) {
			if !m.Entry.Class.Has(ClassTitle) {
				continue
			}
			code, lo, hi := d.titleCountry(s, m)
			if code == "" && d.reporter != "" && ownTitle[m.Entry.Name] {
				// "Federal Minister for Commerce Jam Kamal Khan" in a
				// Pakistani release: the outlet's own official.
				code = d.reporter
			}
			if code == "" {
				continue
			}
			if a, b := d.nameAfter(s, hi); b > a {
				d.register(a, b, m.Entry.Name, code, true)
			} else if a, b := d.nameBefore(s, lo); b > a {
				d.register(a, b, m.Entry.Name, code, true)
			}
		}
		for k := d.roleIndex(s.a); k < len(d.roles) && d.roles[k].Start < s.b; k++ {
			r := d.roles[k]
			if r.Entry.Code != roleExpert {
				continue
			}
			d.experts = true
			// "Ahmad Wali, an economist at …", «… گفت احمد ولی کارشناس اقتصادی».
			lo := r.Start
			for lo > s.a && (d.word(lo-1) == "a" || d.word(lo-1) == "an" || d.tokText(lo-1) == "," || d.tokText(lo-1) == "،") {
				lo--
			}
			if a, b := d.nameBefore(s, lo); b > a {
				d.register(a, b, "expert", "", false)
			} else if a, b := d.nameAfter(s, r.End); b > a {
				d.register(a, b, "expert", "", false)
			}
		}
	}
}

// titleCountry returns the country of title m (its own, one just before
// it: "Kazakhstan's Trade Minister", or one just after it in the same
// phrase: «سرپرست وزارت صنعت و تجارت افغانستان», "Minister of Commerce of
// Kazakhstan") and the tokens [lo, hi) the titled phrase covers.
func (d *doc) titleCountry(s *sentence, m Match) (string, int, int) {
	code, lo, hi := m.Entry.Code, m.Start, m.End
	reach := 5 // "the Ambassador Extraordinary and Plenipotentiary of the Republic of Uzbekistan"
	if s.latin {
		reach = 7
	}
	for _, e := range d.entsIn(max(s.a, m.Start-4), min(s.b, m.End+reach)) {
		if !e.Entry.Class.Has(ClassCountry|ClassAdjective) || e.Entry.Code == "" {
			continue
		}
		switch {
		case e.End <= m.Start && !d.commaBetween(e.End, m.Start) && !d.linkBetween(e.End, m.Start):
			if code == "" || e.Start < lo {
				code, lo = e.Entry.Code, e.Start
			}
		case e.Start >= m.End && !d.commaBetween(m.End, e.Start) && !d.titleIn(m.End, e.Start):
			if code == "" {
				code, hi = e.Entry.Code, e.End
				if s.latin && (m.Entry.Name == "head" || m.Entry.Name == "chief executive") {
					// "the chief executive of Kazakhstan Temir Zholy": what
					// follows is the company's name, not the person's.
					hi = s.b
				}
			}
		}
	}
	// The words of the title that follow it: "Minister of Commerce", «وزارت
	// صنعت و تجارت», "Minister for Commerce", "Minister of Public Works".
	for hi < s.b && !d.titleIn(hi, hi+1) {
		switch {
		case d.covered(hi):
		case s.latin && (d.word(hi) == "of" || d.word(hi) == "for" || d.word(hi) == "and" || d.tokText(hi) == ",") && d.pointAt(hi+1, rolePortfolio) &&
			d.capitalized(hi+1):
		case s.latin && d.pointAt(hi, rolePortfolio) && d.capitalized(hi):
		default:
			return code, lo, hi
		}
		hi++
	}
	return code, lo, hi
}

// ownTitle are the titles an outlet gives its own country's officials
// without the country's name.
var ownTitle = map[string]bool{"president": true, "prime minister": true, "deputy prime minister": true, "foreign minister": true,
	"minister": true, "deputy minister": true}

// titleIn reports whether a title starts within [a, b).
func (d *doc) titleIn(a, b int) bool {
	for _, e := range d.entsIn(a, b) {
		if e.Entry.Class.Has(ClassTitle) {
			return true
		}
	}
	return false
}

// nameAfter returns the name that follows token i: up to three name words,
// after a comma in Persian («…، کاظم جلالی»).
func (d *doc) nameAfter(s *sentence, i int) (int, int) {
	if !s.latin && (d.tokText(i) == "،" || d.tokText(i) == ",") {
		i++
	}
	j := i
	for j < s.b && j < i+3 && d.nameWord(s, j) {
		j++
	}
	if j == i || !s.latin && j-i < 2 || !s.latin && j < s.b && d.toks[j].Kind == TokWord && !d.pointAt(j, roleNameEnd) {
		// A Persian name ends at punctuation or before a verb of saying
		// or a preposition («… کاظم جلالی گفت», «… با»).
		return 0, 0
	}
	return i, j
}

// nameBefore returns the name that ends just before token i: up to three
// name words that open the sentence or follow a comma or a verb of saying.
func (d *doc) nameBefore(s *sentence, i int) (int, int) {
	if d.tokText(i-1) == "," || d.tokText(i-1) == "،" {
		i--
	}
	a := i
	for a > s.a && a > i-3 && d.nameWord(s, a-1) {
		a--
	}
	if a == i || !s.latin && i-a < 2 {
		return 0, 0
	}
	if a > s.a && d.toks[a-1].Kind == TokWord && !d.pointAt(a-1, roleNameEnd) {
		return 0, 0
	}
	return a, i
}

// personMentions returns the mentions of registered people in tokens [a,
// b) outside the name that registered them: each names the person's
// country.
func (d *doc) personMentions(a, b int, ms []mention) []mention {
	for i := a; i < b; i++ {
		p, ok := d.personOf(d.word(i))
		if !ok || !p.party || p.code == "" || i >= p.a && i < p.b || d.covered(i) {
			continue
		}
		ms = append(ms, mention{tok: i, end: i + 1, code: p.code, class: ClassPerson, name: p.name})
	}
	return ms
}

// expertPlace reports whether token i follows an expert's title in the
// same phrase ("an economist at Kabul University", «کارشناس مسائل
// افغانستان»): the expert's institution or subject is not a party.
func (d *doc) expertPlace(s *sentence, i int) bool {
	if !d.experts {
		return false
	}
	for k := d.roleIndex(max(s.a, i-5)); k < len(d.roles) && d.roles[k].Start < i; k++ {
		r := d.roles[k]
		if r.Entry.Code != roleExpert || r.End > i || d.commaBetween(r.End, i) {
			continue
		}
		if w := d.word(r.Start - 1); w == "a" || w == "an" || d.tokText(r.Start-1) == "," || d.tokText(r.Start-1) == "،" || !s.latin {
			return true
		}
	}
	return false
}

// onlyPeople reports whether clause c names country code only by people
// (a speaker: "Zhumangarin said …").
func (d *doc) onlyPeople(s *sentence, c span, code string) bool {
	n := 0
	for _, m := range s.mentions {
		if m.tok < c.a || m.tok >= c.b || m.code != code || m.topic {
			continue
		}
		if m.class != ClassPerson {
			return false
		}
		n++
	}
	return n > 0
}

// interviewee returns the person who answers in an interview: the first
// person of the register with a country, when the article has questions
// and answers ("Q:"/"A:", «س:»/«ج:», «پرسش:»/«پاسخ:»); nil otherwise.
func (d *doc) interviewee() *person {
	answers := 0
	for _, s := range d.sents {
		if d.answerStart(s) {
			answers++
		}
	}
	if answers == 0 {
		return nil
	}
	for k := range d.people {
		if d.people[k].party && d.people[k].code != "" {
			return &d.people[k]
		}
	}
	return nil
}

// answerStart and questionStart report whether sentence s opens an answer
// or a question of an interview ("A:", «ج:», «پاسخ:»; "Q:", «س:»,
// «پرسش:»).
func (d *doc) answerStart(s *sentence) bool {
	return d.pointAt(s.a, roleAnswer) && d.tokText(s.a+1) == ":"
}

func (d *doc) questionStart(s *sentence) bool {
	return d.pointAt(s.a, roleQuestion) && d.tokText(s.a+1) == ":"
}

// answerMentions adds to each sentence of an interview's answers the
// interviewee's country where the answer says "we", "our", «ما»: the
// interviewee speaks for it.
func (d *doc) answerMentions() {
	p := d.interviewee()
	if p == nil {
		return
	}
	in := false
	for _, s := range d.sents {
		switch {
		case d.answerStart(s):
			in = true
		case d.questionStart(s):
			in = false
		}
		if !in {
			continue
		}
		added := false
		for k := s.a; k < s.b; k++ {
			if d.pointAt(k, roleFirstPerson) {
				s.mentions = append(s.mentions, mention{tok: k, end: k + 1, code: p.code, class: ClassPerson, name: p.name})
				added = true
			}
		}
		if added {
			slices.SortStableFunc(s.mentions, func(a, b mention) int { return a.tok - b.tok })
		}
	}
}
