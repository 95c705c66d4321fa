package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// physicalInfra are infrastructure words that make an unnamed project
// («کریدور ایران», "the new rail line") when a status verb goes with them.
var physicalInfra = map[string]bool{"راه": true, "راهآهن": true, "خطآهن": true, "خط": true, "کریدور": true, "دهلیز": true, "بزرگراه": true, "جاده": true, "سرک": true,
	"شاهراه": true, "نیروگاه": true, "بندر": true, "پل": true, "تونل": true, "ترمینال": true, "مسیر": true, "قطار": true,
	"railway": true, "railroad": true, "rail": true, "corridor": true, "highway": true, "road": true, "pipeline": true,
	"power": true, "hydropower": true, "transmission": true, "port": true, "dry": true, "bridge": true, "tunnel": true, "dam": true, "canal": true,
	"terminal": true, "hub": true, "پایانه": true, "route": true, "logistics": true, "هاب": true, "train": true, "بازارچه": true, "گذرگاه": true, "border": true, "crossing": true,
	"subsea": true, "submarine": true, "undersea": true, "interconnector": true, "track": true, "checkpoint": true, "بند": true, "پایپ": true, "پایپلاین": true, "wind": true, "solar": true, "link": true, "مزرعه": true, "کابل": true, "لین": true, "محور": true}

// projectFacts reads projects from sentence s: named projects (with their
// status when the clause gives one, null otherwise), «این پروژه»/"the
// project" referring to the last named project, and unnamed infrastructure
// with a status verb («… اولین قطار … از کریدور ایران آغاز به کار کرد»).
func (x *Extractor) projectFacts(d *doc, s *sentence) []candidate {
	var out []candidate
	d.textNamedInfra(s)
	for _, c := range d.clauses(s) {
		// Every named project of the clause («TAPI … and the TAP power line»).
		var named []Match
		for _, m := range d.entsIn(c.a, c.b) {
			if m.Entry.Class.Has(ClassProject) && !d.branchOf(m) && !slices.ContainsFunc(named, func(o Match) bool { return o.Entry.Code == m.Entry.Code }) {
				named = append(named, m)
			}
		}
		if ltok, lname, lcs, ok := d.linkedLine(s, c); ok && !d.hasCue(c.a, c.b, CueStatus) {
			// "a power transmission line from Turkmenistan through
			// Afghanistan to Pakistan": an unnamed project defined by the
			// countries it links; later clauses may refer back to it.
			id := "unnamed:link:" + strconv.Itoa(ltok)
			d.addUnnamed(unnamedProject{tok: ltok, id: id, name: lname, links: lcs})
			f := d.newCandidate(KindProject, s, ltok)
			f.Project, f.projKey, f.Countries = lname, id, normalizeCountries(lcs)
			d.setQuote(&f, c.a, c.b)
			out = append(out, f)
		}
		if len(named) > 1 {
			status := d.projectStatus(s, c)
			for _, m := range named {
				out = append(out, d.projectFact(s, c, m.Entry.Code, m.Entry.Name, m.Start, status))
			}
			continue
		}
		id, name, tok := "", "", -1
		if len(named) == 1 {
			id, name, tok = named[0].Entry.Code, named[0].Entry.Name, named[0].Start
		}
		if id == "" {
			for _, m := range d.cuesIn(c.a, c.b, CueInfra) {
				if d.referenceBefore(m.Start) && d.lastProject(s, m.Start) != "" {
					id = d.lastProject(s, m.Start)
					name, tok = x.gaz.ProjectName(id), m.Start
					break
				}
			}
		}
		status := d.projectStatus(s, c)
		if id == "" && status != "" && !d.hasCue(c.a, c.b, CueAgreementNoun|CueSign|CueAgree) {
			// «… کار ساخت بخش افغانستان این خط را آغاز کردند», "Work on the
			// Afghan section of the line will begin": a status of the
			// project the clause refers back to ("the line", «این خط», a
			// part of it); not what an agreement on it says ("signed another
			// agreement on a joint feasibility study").
			if cid, ctok := d.clauseProject(s, c); cid != "" {
				id, name, tok = cid, x.projectName(d, cid), ctok
			}
		}
		if id == "" {
			// Unnamed infrastructure counts only with a milestone reached or
			// under way («اولین قطار … آغاز به کار کرد»); "stalled" and
			// "planned" need a named project («کامیون‌ها در بندر … متوقف
			// مانده‌اند» is about lorries).
			built := false
			newAt := d.newInfraIn(c) // a new work the clause introduces, -1 for none
			switch status {
			case "launched", "completed", "construction_started", "under_construction":
			case "stalled", "delayed", statusResumed:
				// "construction of the 500-kV transmission line … has been
				// halted": building work, not lorries, is stalled.
				built = true
			case "planned":
				// "planned" needs a project the text names: one it has
				// registered («… یک پایانه مرزی احداث کنند», "The Azakhel
				// dry port") or infrastructure named with its place
				// («پایانه ریلی آقینه … به بهره‌برداری خواهد رسید»).
				if !d.namedInfraIn(c) && newAt < 0 {
					d.buildIntro(s, c)
					continue
				}
			default:
				d.buildIntro(s, c)
				continue
			}
			infra := d.cuesIn(c.a, c.b, CueInfra)
			if status == "under_construction" || status == "construction_started" {
				// «خط ۴۰۰ کیلوولت دوم مرو-مشهد … در دست احداث است»: a line
				// rated in kilovolts is a power line under way. (Not a
				// milestone reached: «… و ۱۰۵ کیلومتر آن تا کنون تکمیل شده»
				// is a part's.)
				infra = d.infraIn(c)
			}
			if k := newAt; k >= 0 && !slices.ContainsFunc(infra, func(m Match) bool { return m.Start == k }) {
				// "Construction of a container hub at Aktau is under way":
				// the new work the clause introduces.
				infra = append([]Match{{Start: k, End: k + 1}}, infra...)
			}
			if built {
				// «کار ساخت خط ۵۰۰ کیلوولت …»: a bare «خط» after a
				// construction word.
				for k := c.a; k < c.b; k++ {
					if physicalInfra[d.word(k)] && !d.hasCue(k, k+1, CueInfra) {
						infra = append(infra, Match{Start: k, End: k + 1})
					}
				}
			}
			for _, m := range infra {
				if built && !d.constructionBefore(m.Start) {
					continue
				}
				if u, ok := d.unnamedAt(m.Start); ok {
					// "The Azakhel dry port …, which … built at a cost of
					// …": infrastructure the text names (textNamedInfra).
					id, name, tok = u.id, u.name, m.Start
					break
				}
				if physicalInfra[d.word(m.Start)] && !d.referenceBefore(m.Start) && !d.pluralInfra(m) {
					tok = m.Start
					q, _, _ := d.quote(m.Start, min(c.b, m.End+2))
					name = q
					id = "unnamed:" + status + ":" + strconv.Itoa(tok)
					// Later clauses may refer back to it («طول این خط …»).
					d.addUnnamed(unnamedProject{tok: tok, id: id, name: name, head: d.headOf(m)})
					break
				}
			}
			if id == "" {
				continue
			}
		}
		out = append(out, d.projectFact(s, c, id, name, tok, status))
		if status != "" && status != "construction_started" && status != "planned" && status != statusResumed {
			// «… ۸۲ درصد پیشرفت دارد و کار آن از تیرماه امسال آغاز شده»,
			// "where work began in March": a start told with its date beside
			// another status is a milestone of its own.
			if p := d.statusDate(s, c, "construction_started"); p != nil && d.roleIn(c.a, c.b, roleStarted) >= 0 {
				f := d.projectFact(s, c, id, name, tok, "construction_started")
				f.Period = ptr(p.Label)
				f.projKey = id + "|construction_started|" + p.Label
				out = append(out, f)
			}
		}
		if status == "planned" && slices.ContainsFunc(d.cuesIn(c.a, c.b, CueStatus), func(m Match) bool {
			return m.Entry.Code == "under_construction" && !d.prepBefore(c, m.Start) && !d.conditional(c, m.Start)
		}) {
			// «پل … ۸۸ درصد پیشرفت دارد و در دی ماه ۱۴۰۵ افتتاح خواهد شد»,
			// "is 88 percent complete and will open in January": the
			// progress today beside the opening to come.
			out = append(out, d.projectFact(s, c, id, name, tok, "under_construction"))
		}
		if st, from := d.afterStudy(s, c, status); st != "" {
			f := d.projectFact(s, c, id, name, tok, st)
			f.projKey = id + "|" + st
			if p, _ := d.nearestPeriod(s, from, c.b, from, c.b, false, false); p != nil {
				f.Period = ptr(p.Label) // the works' year, not the study's
			}
			out = append(out, f)
		}
	}
	return out
}

// infraIn returns the infrastructure cues of clause c and the power lines
// it names by their voltage (see ratedLine), in token order.
func (d *doc) infraIn(c span) []Match {
	infra := d.cuesIn(c.a, c.b, CueInfra)
	n := len(infra)
	for k := c.a; k < c.b; k++ {
		if e := d.ratedLine(k); e > k && !d.hasCue(k, k+1, CueInfra) {
			infra = append(infra, Match{Start: k, End: e})
		}
	}
	if len(infra) > n {
		sort.SliceStable(infra, func(i, j int) bool { return infra[i].Start < infra[j].Start })
	}
	return infra
}

// powerLineWords are the Persian and Dari words for a line («خط», Dari «لین»).
var powerLineWords = map[string]bool{"خط": true, "لین": true}

// lineOrdinals may stand between a line word and its voltage («خط دوم ۴۰۰
// کیلوولت»).
var lineOrdinals = map[string]bool{"دوم": true, "سوم": true, "چهارم": true, "جدید": true, "اول": true, "نخست": true}

// ratedLine returns the token after the voltage of a power line named by
// it at token k («خط ۴۰۰ کیلوولت», «خط دوم ۲۲۰ کیلوولت», «لین ۵۰۰
// کیلوولت»): a line with a rating in kilovolts is a power line, not a
// credit line or a shipping line; k when there is none.
func (d *doc) ratedLine(k int) int {
	if !powerLineWords[d.word(k)] {
		return k
	}
	j := k + 1
	if lineOrdinals[d.word(j)] {
		j++
	}
	if j+1 < len(d.toks) && d.toks[j].Kind == TokNumber && (d.word(j+1) == "کیلوولت" || d.word(j+1) == "kv") {
		return j + 2
	}
	return k
}

// namedInfraIn reports whether clause c names a piece of infrastructure
// by a name: one the article registered (see textNamedInfra) or an
// infrastructure word next to a place, with at most one word between
// («پایانه ریلی آقینه», "the Aqina rail terminal").
func (d *doc) namedInfraIn(c span) bool {
	for _, m := range d.cuesIn(c.a, c.b, CueInfra) {
		if _, ok := d.unnamedAt(m.Start); ok {
			return true
		}
		if !physicalInfra[d.word(m.Start)] || d.referenceBefore(m.Start) || d.pluralInfra(m) {
			continue
		}
		// (Persian puts up to two adjectives between the word and its
		// place: «پل جاده‌ای جدید آستارا».)
		after := 1
		if d.word(m.Start) != "" && d.word(m.Start)[0] >= 0x80 {
			after = 2
		}
		for _, e := range d.entsIn(max(c.a, m.Start-2), min(c.b, m.End+after+1)) {
			if e.Entry.Class.Has(ClassPlace) && (e.Start >= m.End && e.Start <= m.End+after || e.End <= m.Start && e.End >= m.Start-1) {
				return true
			}
		}
	}
	return false
}

// addUnnamed registers unnamed project u, keeping d.unnamed in token
// order (searched by token: see unnamedAt, unnamedIn, lastProjectAt) and
// indexed by id and head word (see unnamedHead): lookups stay logarithmic
// however many projects an article registers.
func (d *doc) addUnnamed(u unnamedProject) {
	if d.unnamedByID == nil {
		d.unnamedByID, d.unnamedLinks, d.unnamedHeads = map[string]unnamedProject{}, map[string][]string{}, map[string]int{}
	}
	if _, ok := d.unnamedByID[u.id]; !ok {
		d.unnamedByID[u.id] = u
	}
	if len(u.links) > 0 {
		d.unnamedLinks[u.id] = u.links
	}
	if at, ok := d.unnamedHeads[u.head]; u.head != "" && (!ok || u.tok < at) {
		d.unnamedHeads[u.head] = u.tok
	}
	k := sort.Search(len(d.unnamed), func(k int) bool { return d.unnamed[k].tok > u.tok })
	d.unnamed = slices.Insert(d.unnamed, k, u)
}

// unnamedAt returns the unnamed project registered with its
// infrastructure word at token tok.
func (d *doc) unnamedAt(tok int) (unnamedProject, bool) {
	// (d.unnamed is in token order, the first registered first among
	// those at one token: see addUnnamed.)
	k := sort.Search(len(d.unnamed), func(k int) bool { return d.unnamed[k].tok >= tok })
	if k < len(d.unnamed) && d.unnamed[k].tok == tok {
		return d.unnamed[k], true
	}
	return unnamedProject{}, false
}

// unnamedIn reports whether an unnamed project is registered at a token
// of [a, b).
func (d *doc) unnamedIn(a, b int) bool {
	k := sort.Search(len(d.unnamed), func(k int) bool { return d.unnamed[k].tok >= a })
	return k < len(d.unnamed) && d.unnamed[k].tok < b
}

// nameStops are capitalized words that open no name of infrastructure
// ("The Azakhel dry port": the name is "Azakhel").
var nameStops = map[string]bool{"the": true, "a": true, "an": true, "its": true, "this": true, "that": true, "new": true, "our": true,
	"their": true, "his": true, "her": true}

// textNamedInfra registers, with no fact of its own, each piece of
// infrastructure an English sentence names by capitalized words the
// gazetteer does not know before an infrastructure word ("The Azakhel dry
// port near Nowshera", "the Yavan hydropower plant"): later clauses that
// name it or refer back to it ("The port, spread over 100 acres, …") give
// its facts. A headline, written in capitals throughout, names none.
func (d *doc) textNamedInfra(s *sentence) {
	if !s.latin || d.isHeadline(s) {
		return
	}
	for _, m := range d.cuesIn(s.a, s.b, CueInfra) {
		if !physicalInfra[d.word(m.Start)] || d.pluralInfra(m) || d.namedLine(m) || d.pointAt(m.End, roleOrgSuffix) {
			continue // (not "the National Highway Authority", an organisation)
		}
		if _, ok := d.unnamedAt(m.Start); ok {
			continue
		}
		j := m.Start - 1
		for j >= s.a && j > m.Start-4 && d.capitalized(j) && !nameStops[d.word(j)] && !d.covered(j) {
			if _, month := gregorianMonths[d.word(j)]; month || d.pointAt(j, roleWeekday) {
				break
			}
			j--
		}
		if j == m.Start-1 || j+1 == s.a || d.toks[j].Kind == TokNewline {
			continue // a capital that only opens the sentence ("State railway officials said")
		}
		q, _, _ := d.quote(j+1, m.End)
		d.addUnnamed(unnamedProject{tok: m.Start, id: "unnamed:named:" + strings.ToLower(q), name: q, head: d.headOf(m)})
	}
}

// namedInfraHeads are the Persian and Dari infrastructure words a name
// the gazetteer lacks may follow («کریدور ارس», «پل آستاراچای»); «راه»,
// «خط» and «جاده» head too many common phrases («خط اعتباری»).
var namedInfraHeads = map[string]bool{"کریدور": true, "دهلیز": true, "بندر": true, "پل": true, "تونل": true, "بزرگراه": true,
	"شاهراه": true, "سد": true, "نیروگاه": true, "پایانه": true, "ترمینال": true}

// nameStopsFa are Persian and Dari words that are no name after an
// infrastructure word.
var nameStopsFa = map[string]bool{"و": true, "به": true, "از": true, "در": true, "را": true, "که": true, "با": true, "این": true,
	"آن": true, "برای": true, "تا": true, "یک": true, "های": true, "ها": true, "هم": true, "نیز": true, "همچنین": true, "است": true,
	"بود": true, "شد": true, "جدید": true, "مرزی": true, "ریلی": true, "جاده ای": true, "جادهای": true, "بین": true, "میان": true,
	"اصلی": true, "ترانزیتی": true, "تجاری": true, "بزرگ": true, "دوم": true, "اول": true, "سوم": true, "فعلی": true,
	"شهید": true, "بدون": true, "خود": true}

// persianNamedInfra returns the piece of infrastructure a Persian or
// Dari text names, in sentence s or the one before it and before token
// i, by a word the gazetteer and the cue tables do not know after an
// infrastructure word («وزیر راه درباره کریدور ارس گفت: این مسیر … ۵۵
// کیلومتر جاده … دارد»), registering it as an unnamed project: clauses
// that refer back to it («این مسیر», «این کریدور») give its facts and the
// countries it links. It is looked for only when such a clause finds no
// project named before (see clauseProject); "" and -1 when there is none.
func (d *doc) persianNamedInfra(s *sentence, i int) (string, int) {
	if s.latin {
		return "", -1
	}
	lo := s.a
	if s.idx > 0 {
		lo = d.sents[s.idx-1].a
	}
	for k := i - 2; k >= lo; k-- {
		if !namedInfraHeads[d.word(k)] || d.referenceBefore(k) {
			continue
		}
		j := k + 1
		w := d.word(j)
		if w == "" || nameStopsFa[w] || strings.HasSuffix(w, "ی") || d.covered(j) || len([]rune(w)) < 2 {
			continue
		}
		if u, ok := d.unnamedAt(k); ok {
			return u.id, k
		}
		q, _, _ := d.quote(k, j+1)
		id := "unnamed:named:" + q
		d.addUnnamed(unnamedProject{tok: k, id: id, name: q, head: d.word(k)})
		return id, k
	}
	return "", -1
}

// buildIntro registers, with no fact of its own, the unnamed
// infrastructure that clause c agrees, plans or undertakes to build ("have
// agreed to build a 220-kV transmission line from Sangtuda to Puli
// Khumri", «… یک پایانه مرزی احداث کنند»): the object of a building verb,
// after it in English and before it in Persian. Later clauses refer back
// to it ("The line will be 300 km long"), so their lengths, costs and
// dates are its facts, not an earlier project's. Whether the intention is
// itself a project fact the labels do not agree (genre13's u-en-08 has a
// planned fact, genre2's h-en-08 and genre4's l-en-05 none); the
// agreement fact carries it.
func (d *doc) buildIntro(s *sentence, c span) {
	k := d.roleIn(c.a, c.b, roleBuildVerb)
	lo, hi := k+1, min(c.b, k+7)
	if !s.latin {
		lo, hi = max(c.a, k-8), k
	}
	if k < 0 {
		// "signed a memorandum on building a joint logistics centre",
		// «تفاهم‌نامهٔ ساخت یک مرکز لوژستیکی …»: building as a noun, its
		// new object after it in both languages.
		if k = d.roleIn(c.a, c.b, roleBuildNoun); k < 0 {
			return
		}
		lo, hi = k+1, min(c.b, k+9)
	}
	for _, m := range d.cuesIn(lo, hi, CueInfra) {
		if !d.physicalPhrase(m) || d.referenceBefore(m.Start) || d.pluralInfra(m) ||
			d.unnamedIn(m.Start, m.Start+1) {
			continue
		}
		q, _, _ := d.quote(m.Start, min(c.b, m.End+2))
		d.addUnnamed(unnamedProject{tok: m.Start, id: "unnamed:intro:" + strconv.Itoa(m.Start), name: q, head: d.headOf(m)})
		return
	}
}

// compoundHeads are Persian and Dari heads of infrastructure only in a
// phrase of the infrastructure cues («مرکز لجستیکی», «مرکز لوژستیکی»):
// alone, «مرکز» is any centre («مرکز استان»).
var compoundHeads = map[string]bool{"مرکز": true}

// physicalPhrase reports whether infrastructure phrase m is something
// built: its first word a physical one («پایانه», "logistics"), or a
// compound head in a phrase of two words or more («مرکز لوژستیکی»).
func (d *doc) physicalPhrase(m Match) bool {
	w := d.word(m.Start)
	return physicalInfra[w] || compoundHeads[w] && m.End-m.Start > 1
}

// afterStudy returns the status of the works that clause c, whose project
// is at the study stage, goes on to plan or start after the study's verb
// («مطالعات امکان‌سنجی این پروژه تکمیل شده و کار عملی آن در سال آینده
// آغاز خواهد شد»: the study is done and the works are planned, two facts),
// and the token after the study's verb; "" when there is none.
func (d *doc) afterStudy(s *sentence, c span, status string) (string, int) {
	if status != "feasibility_study" {
		return "", -1
	}
	ms := d.cuesIn(c.a, c.b, CueStatus)
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Entry.Code != "completed" || !d.studyBefore(c, ms[i].Start) {
			continue
		}
		switch st := d.projectStatus(s, span{a: ms[i].End, b: c.b}); st {
		case "planned", "construction_started":
			return st, ms[i].End
		}
		return "", -1
	}
	return "", -1
}

// constructionBefore reports whether the infrastructure word at i is the
// object of building: "construction of the …", «ساخت», «احداث».
func (d *doc) constructionBefore(i int) bool {
	return d.roleIn(max(0, i-7), i, roleBuild) >= 0
}

// projectFact builds the fact for project id (name) mentioned at token tok
// of clause c.
func (d *doc) projectFact(s *sentence, c span, id, name string, tok int, status string) candidate {
	return d.projectFactAt(s, c, id, name, tok, status, -1)
}

// projectFactAt is projectFact for the attribute of the clause at token
// at (its measure), which may belong to a part the clause names (see
// partCountry); -1 for the clause as a whole.
func (d *doc) projectFactAt(s *sentence, c span, id, name string, tok int, status string, at int) candidate {
	f := d.newCandidate(KindProject, s, tok)
	f.Project = name
	f.projKey = id
	if status != "" {
		f.Status = ptr(status)
	}
	switch status {
	case "delayed":
		if p := d.delayedTo(s, c); p != nil {
			f.Period = ptr(p.Label)
		}
	case "planned":
		// "is scheduled to start in June 2027": a start or opening to come
		// with the date its own verb gives.
		if p := d.statusDate(s, c, status); p != nil {
			f.Period = ptr(ahead(p, d.art.Date).Label)
		}
	case "launched", "completed", "construction_started", statusResumed, "stalled":
		if p := d.datedItem(s); p != "" {
			// "May – The first freight train from China reaches …": the
			// item's month is the milestone's.
			f.Period = ptr(p)
		} else if p := d.statusDate(s, c, status); p != nil {
			// «راه‌آهن سرخس-مشهد که در سال ۱۹۹۶ افتتاح شد», "was
			// inaugurated in 2016": a milestone with the date its own
			// clause gives (testdata/README.md, "Labelling decisions").
			f.Period = ptr(p.Label)
		}
	}
	if x := d.sectionCountry(s, c); x != "" {
		// "a second track on the 120-kilometre section between Uzen and
		// the Turkmen border", «قطعه بین آستارا و مرز آذربایجان»: a part
		// of a line from a place to the border of the country across
		// lies in the place's country, whatever the line links.
		f.Countries = []string{x}
		f.inside = true
		d.setQuote(&f, c.a, c.b)
		return f
	}
	if x := d.namedPartCountry(s, c, at, status); x != "" {
		// "the Afghan section of TAPI", «بخش ایرانی این خط لوله», «۶۵
		// کیلومتر آن در خاک ایران»: a part named by its country is that
		// country's (labelling decision 10), and also of a country a
		// clause about that part says finances it ("The Afghan section,
		// … financed by Turkmenistan"), not of one that finances another
		// part (settled in finish, once every clause is read).
		f.part, f.partNamed, f.partID = x, true, x
		if fin := d.clauseFinanciers(s, c, x); len(fin) > 0 {
			if d.partFinanciers == nil {
				d.partFinanciers = map[partKey][]string{}
			}
			key := partKey{id, x}
			d.partFinanciers[key] = normalizeCountries(append(d.partFinanciers[key], fin...))
		}
	} else if x := d.ownSidePart(s, c, at); x != "" {
		// "Kyrgyzstan spent $8 million on the terminal and access road on
		// its side, Tajikistan $11 million on its section": each country's
		// sum on its own side is that part's.
		f.part, f.partNamed, f.partID = x, true, x
	} else if x := d.partReferredBack(s, c); x != "" {
		// "The Pakistani section of the CASA-1000 power project was
		// completed …" and then "The section cost $276 million", «این
		// بخش»: a part referred back to is the part named by its country
		// just before.
		f.part, f.partNamed, f.partID = x, true, x
	} else if x, ends := d.partCountry(s, c, at); x != "" && !d.byCountries[id] {
		// "the 254km Quetta-Nokkundi section", «مرحله نخست از مزارشریف تا
		// شبرغان»: a part named by its own two ends, which lie in one
		// country, is that country's, whatever the whole line links,
		// unless another country finances the line (labelling decision
		// 1; settled in finish, once every financier is read) or the
		// line is named by its countries ("the China–Kyrgyzstan–
		// Uzbekistan railway", whose sections the labels give the line's
		// countries).
		f.part, f.partID = x, ends
	}
	ends := d.lineEndsIn(tok)
	if ends == "" {
		// «راه‌آهن ۶۲۸ کیلومتری چابهار–زاهدان»: a line the gazetteer
		// names, whose ends lie in one country.
		ends = d.namedEndsIn(s, c, tok)
	}
	if ends != "" && d.partiesOnly(id, ends) {
		// «پروژه دوخطه کردن راه آهن مشهد – سرخس»: a line whose two named
		// ends lie in one country is that country's, whatever the
		// sentences around name (fresh11's kk-fa-07); a clause that says
		// its own country finances it ("The Kyrgyz Ministry … said that
		// rehabilitation of the … Batken-Isfana road, financed by …")
		// adds none.
		f.Countries = []string{ends}
		d.setQuote(&f, c.a, c.b)
		return f
	}
	cs := d.dropVenues(s, c, d.partiesIn(s, c.a, c.b)) // (not «در باکو», where its parties met)
	if d.pointIn(c.a, c.b, rolePostHead) < 0 {
		// "the Beineu–Bolashak line …, which runs to the border with
		// Turkmenistan": a line runs to a border, it does not join the
		// country across; a post or a terminal "on the border with China"
		// is linked to it (labelling decision 1).
		cs = d.withoutBorderSides(s, c, cs)
	}
	if w := d.wholeName(c); w.b > w.a {
		// (not the countries that name the corridor it is part of, see
		// projectParties)
		cs = slices.DeleteFunc(cs, func(x string) bool {
			return !slices.ContainsFunc(s.mentions, func(m mention) bool {
				return m.code == x && m.tok >= c.a && m.tok < c.b && (m.tok < w.a || m.tok >= w.b)
			})
		})
	}
	// «این قطار …» in the next sentence goes on about the same thing.
	if status != "" && s.idx+1 < len(d.sents) {
		n := d.sents[s.idx+1]
		if d.referenceBefore(n.a+1) && (d.hasCue(n.a+1, n.a+2, CueInfra) || physicalInfra[d.word(n.a+1)]) {
			for _, nc := range d.clauses(n) {
				w := d.wholeName(nc)
				for _, m := range n.mentions {
					if m.tok >= nc.a && m.tok < nc.b && !m.topic && (m.tok < w.a || m.tok >= w.b) {
						cs = append(cs, m.code)
					}
				}
			}
		}
	}
	if len(cs) == 0 {
		cs = d.partiesIn(s, s.a, s.b)
	}
	if links := d.unnamedLinks[id]; len(links) > 0 {
		// "the line" of a line "from Turkmenistan through Afghanistan to
		// Pakistan": the countries it links.
		cs = slices.Clone(links)
	}
	if inner := d.projPlaces[tok]; len(inner) >= 2 && (inner[0] != inner[1] || len(cs) > 0) {
		// "the Serhetabat–Herat railway", «راه آهن خواف-هرات»: the
		// countries of the places its name joins are its parties; for a
		// line named by the text alone they are all its parties. A line
		// whose ends lie in one country is that country's too, beside a
		// financier («راه آهن رشت-آستارا» with Russia's loan).
		if isRoute(id) {
			cs = slices.Clone(inner)
		} else {
			for _, x := range inner {
				if !slices.Contains(cs, x) {
					cs = append(cs, x)
				}
			}
		}
	}
	if inner := d.projPlaces[tok]; len(cs) == 0 && len(inner) >= 2 {
		// «خط آهن چابهار-زاهدان»: the places the name joins.
		for _, x := range inner {
			if !slices.Contains(cs, x) {
				cs = append(cs, x)
			}
		}
		f.Countries = normalizeCountries(cs)
		d.setQuote(&f, c.a, c.b)
		return f
	}
	if x := d.placesOnlyIn(s, c); x != "" && len(d.unnamedLinks[id]) == 0 && (len(cs) == 0 || len(cs) == 1 && cs[0] == x) {
		// «خط لوله ۳۲۰ کیلومتری نکا–ری که نفت سوآپی را به پالایشگاه‌های
		// تهران و تبریز می‌رساند», "the remaining 38 kilometres to
		// Tursunzoda": a clause whose places all lie in one country and
		// which names no other is about a work in that country; the
		// article's pair or the sentences before do not add the other
		// side (labelling decision 1). A country the text says the work
		// links or that finances it is still added in finish.
		f.Countries = []string{x}
		d.setQuote(&f, c.a, c.b)
		return f
	}
	switch len(cs) {
	case 0:
		if u, ok := d.unnamedByID[id]; ok && u.head != "" && !d.lineAt(u.tok) && !compoundHeads[u.head] && !hubHeads[u.head] {
			if x := d.portPlaceBefore(u.tok); x != "" {
				// "The Turkmenbashi International Seaport handled … The
				// port, reconstructed at a cost of $1.5 billion": a port or
				// a terminal lies where the article's port lies, in one
				// country, not in the article's pair.
				cs = []string{x}
				break
			}
		}
		if qa, ok := d.answerContext(s); ok {
			cs = qa
			break
		}
		cs = d.contextCountries(s)
		f.inherit = true
	case 1:
		// A corridor or a pipeline joins countries: «بخش ایرانی آن …» after
		// sentences about Iran and Pakistan. The other side is the
		// article's other main country, or comes from the sentences just
		// before. A port, a terminal or a hub the text names lies in one
		// country: "The Azakhel dry port in Pakistan" takes no other.
		if u, ok := d.unnamedByID[id]; ok && u.head != "" && !d.lineAt(u.tok) {
			break
		}
		if d.locatedIn(s, c, cs[0]) {
			// "the overhaul of the Bereket–Etrek line in western
			// Turkmenistan": a work the clause places in its one country
			// lies there; the article's pair does not add the other side.
			break
		}
		if isRoute(id) && d.measuredRoute(id) {
			// "the 62-kilometre Batken-Isfana road", named by its two ends
			// and measured: what it joins are its ends, not the article's
			// pair.
			break
		}
		if len(d.main) == 2 && slices.Contains(d.main, cs[0]) && !d.ownItem(s) {
			for _, x := range d.main {
				if x != cs[0] && d.namedNear(s, x) && !d.guestIn(s, c, x) {
					cs = append(cs, x)
				}
			}
		}
		for k := s.idx - 1; k >= d.contextFloor(s) && k >= s.idx-2 && len(cs) == 1; k-- {
			p := d.sents[k]
			for _, x := range d.partiesIn(p, p.a, p.b) {
				if x != cs[0] && !d.guestIn(s, c, x) {
					cs = append(cs, x)
					break
				}
			}
		}
	}
	f.Countries = normalizeCountries(cs)
	// "The first 183 kilometres, from Balykchy to Aral, were built with
	// Chinese government financing": a stretch keeps its own countries and
	// gives them to no other fact of the line.
	f.inside = f.inside || d.stretchIn(s, c)
	d.setQuote(&f, c.a, c.b)
	return f
}

// placesOnlyIn returns the country in which every place clause c of s
// names lies («شاهراه کندز–شیرخان‌بندر», "the Gwadar East Bay
// Expressway"), when the clause names at least one place of the
// gazetteer and no country but that one, not even inside a project's
// name ("the Kazakhstan–Turkmenistan–Iran railway"); "" otherwise, and
// also when a place is one the text links to the country across (see
// postLink) and is not an end of a line whose other end lies in its
// country (see dashedTo), the clause names a border («مرز», "border"), or
// a place is joined by a dash to a word the gazetteer does not know
// («مرو-مشهد»: the unknown end may lie across). A place the gazetteer
// does not know gives no evidence by itself.
func (d *doc) placesOnlyIn(s *sentence, c span) string {
	x := ""
	one := func(code string) bool {
		if code == "" || x != "" && code != x {
			return false
		}
		x = code
		return true
	}
	for _, m := range d.entsIn(c.a, c.b) {
		switch {
		case m.Entry.Class.Has(ClassPlace):
			if !one(m.Entry.Code) || d.postLink(m.Entry.ID) != "" && !d.dashedTo(m) || d.unknownEnd(m) {
				return ""
			}
		case m.Entry.Class.Has(ClassProject):
			if d.byCountries[m.Entry.Code] {
				return ""
			}
			for _, code := range d.projPlaces[m.Start] {
				if !one(code) {
					return ""
				}
			}
		}
	}
	if x == "" || d.roleIn(c.a, c.b, roleBorder) >= 0 {
		return ""
	}
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !m.topic && m.class != ClassPlace && m.code != "" && m.code != x {
			return ""
		}
	}
	return x
}

// locatedIn reports whether clause c of s names country x as where the
// work lies: after a word of place (roleLocation: "in", «در»),
// with a word of direction between or not (roleCompass: "in western
// Turkmenistan", «در شمال افغانستان»).
func (d *doc) locatedIn(s *sentence, c span, x string) bool {
	for _, m := range s.mentions {
		if m.tok < c.a || m.tok >= c.b || m.code != x || m.class != ClassCountry {
			continue
		}
		k := m.tok
		if d.roleBefore(k, roleCompass) {
			k--
		}
		if d.roleBefore(k, roleLocation) {
			return true
		}
	}
	return false
}

// dashedTo reports whether place m is joined by a dash to another place
// of its country («محور مشهد–سرخس», "the Mashhad–Sarakhs line"): a line
// whose two named ends lie in one country is that country's, though one
// end is a post the text links across (labelling decision 1).
func (d *doc) dashedTo(m Match) bool {
	for _, e := range d.entsIn(max(0, m.Start-6), min(len(d.toks), m.End+2)) {
		if e.Entry.Class.Has(ClassPlace) && e.Entry.Code == m.Entry.Code && e != m &&
			(e.Start == m.End+1 && isDash(d.tokText(m.End)) || e.End == m.Start-1 && isDash(d.tokText(e.End))) {
			return true
		}
	}
	return false
}

// unknownEnd reports whether place m is joined by a dash to a word that
// starts or ends no entity of the gazetteer («مرو-مشهد» with Merv
// unknown).
func (d *doc) unknownEnd(m Match) bool {
	if m.End+1 < len(d.toks) && isDash(d.tokText(m.End)) && d.toks[m.End+1].Kind == TokWord && len(d.entsIn(m.End+1, m.End+2)) == 0 {
		return true
	}
	if m.Start >= 2 && isDash(d.tokText(m.Start-1)) && d.toks[m.Start-2].Kind == TokWord {
		for _, e := range d.entsIn(max(0, m.Start-6), m.Start-1) {
			if e.End == m.Start-1 {
				return false
			}
		}
		return true
	}
	return false
}

// relativeAside returns the number of tokens in [a, b) that a relative
// clause set off by commas takes (", which crosses the Hindu Kush through
// 19 tunnels,", «، که از هندوکش می‌گذرد،»): 0 when there is none.
func (d *doc) relativeAside(a, b int) int {
	for i := a; i+1 < b; i++ {
		if t := d.tokText(i); t != "," && t != "،" {
			continue
		}
		if !d.pointAt(i+1, roleRelative) {
			continue
		}
		for j := i + 2; j < b; j++ {
			if t := d.tokText(j); t == "," || t == "،" {
				return j - i + 1
			}
		}
		return 0
	}
	return 0
}

// delayedTo returns the date a delay in clause c moves a milestone to:
// "has been postponed from mid-2027 to the second quarter of 2028",
// "postponed to September 2027", «از آذر ۱۴۰۵ به خرداد ۱۴۰۶ موکول شد»;
// nil when the clause gives none (a date "from", or one the milestone was
// first due, is not it).
func (d *doc) delayedTo(s *sentence, c span) *Period {
	for _, m := range d.cuesIn(c.a, c.b, CueStatus) {
		if m.Entry.Code != "delayed" {
			continue
		}
		for _, pm := range s.periods {
			if pm.Start < c.a || pm.End > c.b || !pm.Resolved || pm.P.Day {
				continue
			}
			movedTo := d.pointAt(pm.Start-1, roleMovedTo)
			if s.latin && pm.Start >= m.End && movedTo || !s.latin && pm.End <= m.Start && movedTo {
				return &pm.P
			}
			if s.latin && pm.Start >= m.End && (d.pointAt(pm.Start-1, roleFrom) || d.pointAt(pm.Start, roleFrom)) && pm.P.Calendar == Gregorian {
				// "postponed from December 2026 to June 2027", read as one
				// span: its last month.
				if _, to, ok := strings.Cut(pm.P.Label, ".."); ok && len(to) == 7 {
					p := gregMonthOf(pm.P.End)
					return &p
				}
			}
		}
	}
	return nil
}

// statusDate returns the date clause c gives the milestone of its status
// verb: a period just before a Persian verb («در سال ۱۹۹۶ افتتاح شد») or
// just after an English one ("opened in 2016"); nil when there is none.
func (d *doc) statusDate(s *sentence, c span, status string) *Period {
	for _, m := range d.cuesIn(c.a, c.b, CueStatus) {
		if m.Entry.Code != status || d.conditional(c, m.Start) {
			continue
		}
		lo, hi := max(c.a, d.parenStart(m.Start)-5), m.Start // («از آذر ۱۳۹۳ (دسامبر ۲۰۱۴) بهره‌برداری شده»)
		if s.latin {
			// ("opened in 2016", "was opened to freight traffic in
			// September 2025")
			lo, hi = m.End, min(c.b, m.End+7)
		}
		p, _ := d.nearestPeriod(s, lo, hi, lo, hi, false, false)
		return p
	}
	if status == "construction_started" {
		// "Construction of the … railway began in Kyrgyzstan in 2024": the
		// start verb's date.
		k := d.roleIn(c.a, c.b, roleStarted)
		if k < 0 {
			return nil
		}
		lo, hi := max(c.a, k-5), k
		if s.latin {
			lo, hi = k+1, min(c.b, k+6)
		}
		p, _ := d.nearestPeriod(s, lo, hi, lo, hi, false, false)
		return p
	}
	return nil
}

// parenStart returns the token of the "(" opening the parenthetical that
// ends just before token k, or k when none does.
func (d *doc) parenStart(k int) int {
	if d.tokText(k-1) != ")" {
		return k
	}
	for j := k - 2; j >= 0 && j >= k-8; j-- {
		if d.tokText(j) == "(" {
			return j
		}
	}
	return k
}

// lineAt reports whether the infrastructure phrase at token tok names a
// line ("transmission line", «خط آهن», "railway"), which joins places,
// rather than a port, a terminal or a hub, which lies in one.
func (d *doc) lineAt(tok int) bool {
	for k := tok; k < min(len(d.toks), tok+3); k++ {
		if lineWords[d.word(k)] || d.pointAt(k, roleLine) {
			return true
		}
	}
	return false
}

// lineEndsIn returns the country of both ends of the line whose
// infrastructure word or name starts at token tok, when the text names
// them as two places of one country joined by a dash next to it («راه آهن
// مشهد – سرخس», "the Hairatan–Mazar line"); "" otherwise.
func (d *doc) lineEndsIn(tok int) string {
	if tok < 0 {
		return ""
	}
	ms := d.entsIn(max(0, tok-4), min(len(d.toks), tok+8))
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if a.Entry.Class.Has(ClassPlace) && b.Entry.Class.Has(ClassPlace) && a.Entry.Code != "" && a.Entry.Code == b.Entry.Code &&
			b.Start == a.End+1 && isDash(d.tokText(a.End)) {
			return a.Entry.Code
		}
	}
	return ""
}

// namedEndsIn returns the country of both ends of the line whose name
// starts at token tok («چابهار–زاهدان» → IR), when they lie in one and
// clause c of s names no other country by name («راه آهن رشت-آستارا
// میان ایران و روسیه» is the two's); "" otherwise.
func (d *doc) namedEndsIn(s *sentence, c span, tok int) string {
	inner := d.projPlaces[tok]
	if len(inner) != 2 || inner[0] != inner[1] {
		return ""
	}
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !m.topic && m.class != ClassPlace && m.code != inner[0] {
			return ""
		}
	}
	return inner[0]
}

// sectionCountry returns the country of a part of a line that clause c
// names by a place and the border of another country ("the section
// between Uzen and the Turkmen border", «قطعه بین آستارا و مرز
// آذربایجان»): the place's country; "" otherwise.
func (d *doc) sectionCountry(s *sentence, c span) string {
	for k := c.a; k < c.b; k++ {
		if !d.roleBefore(k+1, rolePart) {
			continue
		}
		if !betweenWords[d.word(k+1)] && !d.pointAt(k+1, roleFrom) {
			continue
		}
		end := min(c.b, k+10)
		place := ""
		for _, m := range d.entsIn(k+2, end) {
			if m.Entry.Class.Has(ClassPlace) && m.Entry.Code != "" {
				place = m.Entry.Code
				break
			}
		}
		if place == "" {
			return ""
		}
		for _, m := range s.mentions {
			if m.tok > k+1 && m.tok < end && m.code != place && d.borderSideAt(m) {
				return place
			}
		}
		return ""
	}
	return ""
}

// partKey is a part of project id named by its country.
type partKey struct{ id, country string }

// namedPartCountry returns the country that names the part of a project
// clause c speaks of, nearest before token at (the clause's measure; -1
// for the clause's status, then the first, or the one that status
// follows): a country or its adjective
// right before a part word ("the Afghan section", "CASA-1000's Pakistani
// section") or right after it («بخش افغانستان», «بخش ایرانی»), or the
// territory a length lies in («در خاک ایران», "on Iranian territory").
// "" when the clause names none.
func (d *doc) namedPartCountry(s *sentence, c span, at int, status string) string {
	best, bestTok := "", -1
	// fits reports whether the part named at tok is the one of the fact:
	// for a measure at, a part at most eight words before it with no other
	// project or measure named between, or (after) a territory or a part
	// a few words after it with no measure between («۳۸ کیلومتر آن در خاک
	// ایران», "149 km run through Afghan territory"); for the clause's
	// status, its subject in its first words or a part the status follows
	// ("…, whose Afghan section is under construction").
	fits := func(tok int, after bool) bool {
		switch {
		case at < 0:
			// («بخش چهارم … در خاک افغانستان به طول ۸۲ کیلومتر در ماه عقرب
			// تکمیل شد»: a territory may stand a measure and a date before
			// the status.)
			reach := 6
			if after {
				reach = 10
			}
			return tok-c.a <= 6 || d.statusAfter(tok, min(c.b, tok+reach), status)
		case tok > at:
			return after && tok-at <= 10 && !measureBetween(s, at, tok)
		case tok < at:
			// ("The Afghan section, which crosses the Hindu Kush through 19
			// tunnels, accounts for $5.9 billion": the relative clause
			// between does not count; «در خاک افغانستان به طول ۸۲ کیلومتر»:
			// a territory just before the length the part measures.)
			return (!after || at-tok <= 5 && d.pointIn(tok, at, roleLength) >= 0) && at-tok-d.relativeAside(tok, at) <= 8 && !d.projectBetween(tok+2, at) && !measureBetween(s, tok, at)
		}
		return true
	}
	take := func(code string, tok int, after bool) {
		if fits(tok, after) && (best == "" || at >= 0 && tok > bestTok) {
			best, bestTok = code, tok
		}
	}
	for _, m := range s.mentions {
		if m.tok < c.a || m.end > c.b || m.topic || !m.class.Has(ClassCountry|ClassAdjective) {
			continue
		}
		switch {
		case d.namesPart(s, m):
			// "the Afghan section", «بخش افغانستان», "the 826km Afghan
			// section" (the length before the country it measures the
			// part of)
			take(m.code, m.tok, s.latin && at >= 0 && m.tok > at && (m.tok-at <= 3 || d.sumFor(at, m.tok)))
		case d.roleBefore(m.tok, roleTerritory):
			take(m.code, m.tok, true) // «در خاک ایران», "on the territory of Iran"
		case s.latin && d.startsRole(m.end, roleTerritory):
			take(m.code, m.tok, true) // "on Iranian territory"
		case d.sideOf(s, m):
			take(m.code, m.tok, false) // "On the Kazakh side, construction of the 152-kilometre … railway"
		}
	}
	return best
}

// sumFor reports whether the part named at token tok is what the sum at
// token at is for, a few words on ("an additional $40 million grant for
// the Afghan section", «۴۰ میلیون دالر برای بخش افغانستان»): "for" just
// before the part's words, at most eight words after the sum.
func (d *doc) sumFor(at, tok int) bool {
	for k := tok - 1; k > at && k >= tok-3; k-- {
		if d.pointAt(k, rolePurpose) {
			return tok-at <= 8
		}
	}
	return false
}

// sideOf reports whether country mention m names a side of a cross-border
// work the clause goes on about: "on the Kazakh side", «در سمت افغانستان».
func (d *doc) sideOf(s *sentence, m mention) bool {
	if s.latin {
		return d.pointAt(m.end, roleSide) && d.word(m.tok-1) == "the" && d.word(m.tok-2) == "on"
	}
	return d.pointAt(m.tok-1, roleSide) && d.word(m.tok-2) == "در"
}

// namesPart reports whether mention m of s names a part of a line by its
// country: "the Afghan section" (the part word after it), «بخش افغانستان»
// (before it).
func (d *doc) namesPart(s *sentence, m mention) bool {
	if s.latin {
		return d.startsRole(m.end, rolePart)
	}
	return d.roleBefore(m.tok, rolePart)
}

// partReferredBack returns the country of the part named by its country
// ("the Afghan section", «بخش افغانستان») in the three sentences before s
// (or earlier in s), the last one, when clause c opens on a part word
// referred back to ("The section …", "That section is 52 percent
// complete", «این بخش»); "" otherwise.
func (d *doc) partReferredBack(s *sentence, c span) string {
	k := d.openingPartRef(c)
	if k < 0 {
		return ""
	}
	for i := s.idx; i >= max(0, s.idx-3); i-- {
		t := d.sents[i]
		for j := len(t.mentions) - 1; j >= 0; j-- {
			m := t.mentions[j]
			if m.tok >= k || m.topic || !m.class.Has(ClassCountry|ClassAdjective) {
				continue
			}
			if d.namesPart(t, m) {
				return m.code
			}
		}
	}
	return ""
}

// ownSidePart returns the one country named just before the sum at token
// at of clause c when the words after the sum, up to the next sum, say it
// is spent on the country's own side ("on its side", "on its section");
// "" otherwise.
func (d *doc) ownSidePart(s *sentence, c span, at int) string {
	k := slices.IndexFunc(s.amounts, func(am amount) bool { return am.a == at })
	if k < 0 {
		return ""
	}
	lo, hi := c.a, c.b
	if k > 0 && s.amounts[k-1].b > lo {
		lo = s.amounts[k-1].b
	}
	if k+1 < len(s.amounts) && s.amounts[k+1].a < hi {
		hi = s.amounts[k+1].a
	}
	if d.roleIn(s.amounts[k].b, hi, roleOwnSide) < 0 {
		return ""
	}
	return s.oneCountryIn(lo, at)
}

// openingPartRef returns the token of the part word clause c opens on,
// referred back to ("The section …", "That section", «این بخش», "The
// package comprises …"), or -1.
func (d *doc) openingPartRef(c span) int {
	for j := c.a; j < min(c.b, c.a+3); j++ {
		if d.roleBefore(j+1, rolePart) && !d.pluralPart(j) {
			if d.referenceBefore(j) {
				return j
			}
			return -1
		}
	}
	return -1
}

// clauseFinanciers returns the countries other than x that clause c
// names within a few words after a word of financing ("financed by
// Turkmenistan", «با سرمایه دولت جمهوری آذربایجان»).
func (d *doc) clauseFinanciers(s *sentence, c span, x string) []string {
	var out []string
	for k := c.a; k < c.b; k++ {
		if !d.startsRole(k, roleFinance) {
			continue
		}
		for _, m := range s.mentions {
			if m.tok > k && m.tok <= k+6 && m.tok < c.b && m.code != x && !m.topic && !slices.Contains(out, m.code) {
				out = append(out, m.code)
			}
		}
	}
	return out
}

// statusAfter reports whether a status cue of code st stands within tokens
// [a, b).
func (d *doc) statusAfter(a, b int, st string) bool {
	for _, m := range d.cuesIn(a, b, CueStatus) {
		if m.Entry.Code == st {
			return true
		}
	}
	return false
}

// measureBetween reports whether a length, a power or a volume of s
// starts within tokens (a, b): "305 km in Kyrgyzstan, 155 km in China"
// gives the second length China, not Kyrgyzstan.
func measureBetween(s *sentence, a, b int) bool {
	for _, am := range s.amounts {
		if am.kind == amtMeasure && am.a > a && am.a < b {
			return true
		}
	}
	return false
}

// projectBetween reports whether a project is named within tokens (a, b).
func (d *doc) projectBetween(a, b int) bool {
	for _, m := range d.entsIn(a+1, b) {
		if m.Entry.Class.Has(ClassProject) {
			return true
		}
	}
	return false
}

// startsRole reports whether a word or phrase of role r starts at token i.
func (d *doc) startsRole(i int, r string) bool {
	_, ok := d.roleAt(i, r)
	return ok
}

// partiesOnly reports whether every party a clause of the article gives
// project id (see projectParties) is country x, or it has none.
func (d *doc) partiesOnly(id, x string) bool {
	for _, c := range d.projParties[id] {
		if c != x {
			return false
		}
	}
	return true
}

// answerContext returns the countries a project named in an interview's
// answer s, with none of its own, takes from context: those of the answer's
// sentences before s and of its question, not of earlier answers, which
// speak of other questions; else the interviewee's country, else the
// outlet's. ok is false when s is no part of an answer.
func (d *doc) answerContext(s *sentence) (cs []string, ok bool) {
	if d.qaFrom == nil {
		d.qaFrom = make([]int, len(d.sents))
		question, from := -1, -1
		for k, p := range d.sents {
			switch {
			case d.questionStart(p):
				question, from = k, -1
			case d.answerStart(p):
				from = k
				if question >= 0 {
					from = question
				}
				question = -1
			}
			d.qaFrom[k] = from
		}
	}
	from := d.qaFrom[s.idx]
	if from < 0 {
		return nil, false
	}
	for j := from; j < s.idx; j++ {
		p := d.sents[j]
		cs = append(cs, d.partiesIn(p, p.a, p.b)...)
	}
	if len(cs) > 0 {
		return cs, true
	}
	if p := d.interviewee(); p != nil {
		return []string{p.code}, true
	}
	if d.reporter != "" {
		return []string{d.reporter}, true
	}
	return nil, false
}

// partiesIn returns the countries s names within [a, b) that can be a
// project's parties: not topics, not guests of an event («… با حضور
// سفیر تاجیکستان … از سر گرفته شد», see attendee), and not the nationality
// of a builder (see contractor).
func (d *doc) partiesIn(s *sentence, a, b int) []string {
	var cs []string
	for _, m := range s.mentions {
		if m.tok >= a && m.tok < b && !m.topic && !slices.Contains(cs, m.code) && !d.attendee(s, m.tok) && !d.contractor(m) {
			cs = append(cs, m.code)
		}
	}
	return cs
}

// contractor reports whether mention m names the nationality of a builder
// hired for the work ("a Turkish contractor", "subcontracted to a Turkish
// company", «قرارداد ساخت … با یک شرکت ترکیه‌ای», «پیمانکار ایرانی»,
// «توسط یک شرکت از چین»): a contractor is no party to what it builds
// (the labelling policy of the test sets: fresh19, fresh21, fresh37),
// where a company that builds on its own account ("A Kazakh company is
// building a grain terminal", «… را یک شرکت ترکیه‌ای به شکل سرمایه‌گذاری
// خصوصی می‌سازد») is an owner, and its country a party.
func (d *doc) contractor(m mention) bool {
	if d.inCompanyName(m.end) && d.pointIn(max(0, m.tok-3), m.tok, roleBy) >= 0 {
		// "is being carried out by a consortium led by China Railway
		// Electrification Engineering Group": a country in the name of a
		// company that does the work ("India Ports Global Limited will
		// invest …" is an owner's).
		return true
	}
	if d.pointAt(m.tok-1, roleFrom) {
		// "a company from China", «یک شرکت از چین»
		return d.builderAt(m.tok-2, m.tok-2, m.tok)
	}
	// The noun stands after the nationality in English, before it in
	// Persian and Dari, a word of its kind between at most ("a Chinese
	// state company", «یک شرکت دولتی چینی»); in English a few words on,
	// past other builders ("a joint venture of a Chinese and a Tajik
	// state-owned company").
	for gap := range 2 {
		if d.builderAt(m.end+gap, m.tok-1-gap, m.tok) {
			return true
		}
	}
	for k := m.end + 2; k < min(m.end+8, len(d.toks)); k++ {
		if d.toks[k].Kind == TokPunct && d.tokText(k) != "-" {
			break
		}
		if d.builderAt(k, -1, m.tok) {
			return true
		}
	}
	return false
}

// builderAt reports whether a contractor's noun starts at token en (an
// English one) or fa (a Persian or Dari one), or a company's noun that a
// word of hiring before token at makes a contractor's.
func (d *doc) builderAt(en, fa, at int) bool {
	switch {
	case d.startsRole(en, roleContractor) || d.startsRole(fa, roleContractorFa):
		return true
	case d.startsRole(en, roleCompany):
		return d.roleIn(max(at-8, 0), at, roleContracting) >= 0 || d.contractorAfter(en)
	case d.startsRole(fa, roleCompanyFa):
		return d.roleIn(max(fa-8, 0), fa, roleContracting) >= 0 || d.contractorAfter(at)
	}
	return false
}

// contractorAfter reports whether a contractor's noun follows the company
// named at token k within a few words, before any punctuation: «که شرکت
// ترکیه‌ای گاپ اینشاآت پیمانکار آن بود», "a Turkish company, Gap Insaat,
// was the contractor" (the company is the builder, no party).
func (d *doc) contractorAfter(k int) bool {
	for j := k + 1; j < min(k+7, len(d.toks)); j++ {
		if d.toks[j].Kind == TokPunct && d.tokText(j) != "-" && d.tokText(j) != "," {
			return false
		}
		if d.pointAt(j, roleContractor) || d.pointAt(j, roleContractorFa) {
			return true
		}
	}
	return false
}

// guestIn reports whether clause c of s names country code as an event's
// guest («افتتاح فاز دوم پایانه … با حضور سرکنسول افغانستان»): the text
// cast it as no party, so context does not make it one.
func (d *doc) guestIn(s *sentence, c span, code string) bool {
	for _, m := range s.mentions {
		if m.code == code && m.tok >= c.a && m.tok < c.b && d.attendee(s, m.tok) {
			return true
		}
	}
	return false
}

// namedNear reports whether country code is named in s or in one of the
// three sentences before it, other than as an event's guest.
func (d *doc) namedNear(s *sentence, code string) bool {
	for k := s.idx; k >= 0 && k >= s.idx-3; k-- {
		for _, m := range d.sents[k].mentions {
			if m.code == code && !d.attendee(d.sents[k], m.tok) {
				return true
			}
		}
	}
	return false
}

// lastProject returns the id of the last named project before token i.
func (d *doc) lastProject(s *sentence, i int) string {
	id, _ := d.lastProjectAt(i)
	return id
}

// lastProjectAt returns the id and token of the last project named before
// token i, or of the last unnamed one («خط ۵۰۰ کیلوولت انتقال برق …» with
// a status, see projectFacts) when that comes later.
func (d *doc) lastProjectAt(i int) (string, int) {
	id, at := "", -1
	if d.projEnts == nil {
		d.projEnts = []int{} // the indices of the project entities, built once
		for k, m := range d.ents {
			if m.Entry.Class.Has(ClassProject) && !d.branchOf(m) {
				d.projEnts = append(d.projEnts, k)
			}
		}
	}
	if k := sort.Search(len(d.projEnts), func(k int) bool { return d.ents[d.projEnts[k]].Start >= i }) - 1; k >= 0 {
		m := d.ents[d.projEnts[k]]
		id, at = m.Entry.Code, m.Start
	}
	if k := sort.Search(len(d.unnamed), func(k int) bool { return d.unnamed[k].tok >= i }) - 1; k >= 0 && d.unnamed[k].tok > at {
		u, _ := d.unnamedAt(d.unnamed[k].tok) // the first registered at that token
		id, at = u.id, u.tok
	}
	return id, at
}

// branchOf reports whether project m is named only beside the work the
// sentence speaks of: as what it bypasses or replaces ("bypassing the
// Bishkek–Osh highway"), or as the larger whole another line is a branch
// of ("the railway … is the eastern branch of the International
// North–South Transport Corridor", «این راه‌آهن حلقه مفقوده کریدور
// شمال–جنوب است»): the sentence speaks of the branch, and later references
// back ("the route", «این مسیر») are to it, not to the whole.
func (d *doc) branchOf(m Match) bool {
	if d.roleIn(max(0, m.Start-3), m.Start, roleBypass) >= 0 {
		// "the 433-kilometre road … bypassing the Bishkek–Osh highway":
		// a work the sentence compares with, not the one it speaks of.
		return true
	}
	k := m.Start - 1
	if d.word(k) == "the" {
		k--
	}
	if d.word(k) == "of" {
		w := d.word(k - 1)
		return w == "branch" || w == "branches" || w == "link" // "the missing link of the … corridor"
	}
	for j := k; j >= max(0, m.Start-3); j-- {
		if w := d.word(j); w == "شاخه" || w == "شاخه\u200cای" || w == "حلقه" {
			return true
		}
	}
	return false
}

// unnamedProject is infrastructure reported with a status but no name.
type unnamedProject struct {
	tok      int
	id, name string
	links    []string // the countries a line links ("from X through Y to Z"), see linkedLine
	head     string   // the last word of its infrastructure phrase ("hub" of "logistics hub"), "" when not known
}

// headOf returns the head word of infrastructure phrase m: its last word
// in English ("hub" of "logistics hub"), its first in Persian and Dari
// («پایانه» of «پایانه ریلی», «هاب» of «هاب لجستیکی»).
func (d *doc) headOf(m Match) string {
	if d.word(m.Start) != "" && d.word(m.Start)[0] < 0x80 {
		return d.word(m.End - 1)
	}
	return d.word(m.Start)
}

// unnamedHead reports whether the word at token k, after a determiner
// that refers back ("the hub", «این هاب»), is the head word of an unnamed
// project introduced before it ("a new logistics hub in Termez"): a word
// the infrastructure cues do not hold alone still refers to the project
// the article introduced with it.
func (d *doc) unnamedHead(k int) bool {
	if !d.pointAt(k-1, roleOwnDet) && !d.referenceBefore(k) {
		return false
	}
	at, ok := d.unnamedHeads[d.word(k)]
	return ok && at < k
}

// projectName returns the name of project id: the gazetteer's, or the
// words an unnamed project was introduced with.
func (x *Extractor) projectName(d *doc, id string) string {
	if n := x.gaz.ProjectName(id); n != "" {
		return n
	}
	if isRoute(id) {
		if d.routeNames == nil {
			d.routeNames = map[string]string{}
			for _, m := range d.ents {
				if _, ok := d.routeNames[m.Entry.Code]; !ok && isRoute(m.Entry.Code) {
					d.routeNames[m.Entry.Code] = m.Entry.Name
				}
			}
		}
		return d.routeNames[id]
	}
	return d.unnamedByID[id].name
}

func (d *doc) pluralInfra(m Match) bool {
	w := d.tokText(m.End - 1)
	return strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "های")
}

// conditional reports whether the status at token i is hypothetical: "if
// the railway is completed", «در صورت تکمیل», «اگر … تکمیل شود».
func (d *doc) conditional(c span, i int) bool {
	return d.roleIn(max(c.a, i-8), i, roleCondition) >= 0
}

// negatedStatuses are the project statuses whose cue rows hold negated
// verbs of their own («آغاز نشده», «هنوز شروع نشده»): a negated verb
// matched for them is what they say, not the opposite.
var negatedStatuses = []string{"delayed", "planned", "stalled"}

// projectStatus returns the status clause c gives a project: a status verb
// («آغاز به کار کرد», "inaugurated", «در حال ساخت»), or acceleration agreed
// («توافق کردند … تسریع کنند»). A launch in the future is planned.
func (d *doc) projectStatus(s *sentence, c span) string {
	ms := d.cuesIn(c.a, c.b, CueStatus) // a fresh slice, filtered in place
	// "expected to be completed in 2026" is a timeline (projectAttributes),
	// not a completion: the cues within a timeline cue go with it.
	var timelines []Match
	for _, m := range ms {
		if m.Entry.Code == statusCompletionExpected {
			timelines = append(timelines, m)
		}
	}
	ms = slices.DeleteFunc(ms, func(m Match) bool {
		if slices.Contains(attrOnly, m.Entry.Code) || m.Entry.Code == statusCompletionExpected {
			return true
		}
		// («هنوز تکمیل نشده», "not yet completed": no completion; but the
		// statuses the cue table gives negated phrases of their own,
		// «آغاز نشده» delayed, «هنوز آغاز نشده» planned, keep them.)
		return inTimeline(timelines, m) || d.prepBefore(c, m.Start) || d.negatedVerb(m) && !slices.Contains(negatedStatuses, m.Entry.Code)
	})
	// The longest status at a token is the clause's: "under construction
	// since 2024" is a start, not only work under way.
	if len(ms) > 1 {
		all := ms
		ms = slices.DeleteFunc(slices.Clone(ms), func(m Match) bool {
			return slices.ContainsFunc(all, func(x Match) bool { return x.Start == m.Start && x.End > m.End && x.Entry.Code != m.Entry.Code })
		})
	}
	if len(ms) > 0 && !d.conditional(c, ms[0].Start) {
		// The main verb: last in Persian, first in English; a project that
		// is stalled or delayed is that, whatever else it has done («بخش
		// ایرانی آن تکمیل شده، همچنان … بلاتکلیف مانده است»).
		m := ms[0]
		if !s.latin {
			m = ms[len(ms)-1]
		}
		for _, x := range ms {
			if x.Entry.Code == "stalled" || x.Entry.Code == "delayed" {
				m = x
				break
			}
		}
		for _, x := range ms {
			if x.Entry.Code == statusResumed {
				m = x // «… که متوقف شده بود، دوباره آغاز شده است»
			}
		}
		st := m.Entry.Code
		if st == "launched" && d.launchesConstruction(m) {
			st = "construction_started"
		}
		if st == "launched" && d.hasCue(max(c.a, m.Start-6), m.Start, CueAgreementNoun|CueSign|CueAgree) && (d.word(m.End-1) == "of" || d.word(m.End-1) == "از") {
			// "signed a memorandum … on the opening of two border markets",
			// «قرارداد ۱۰ ساله بهرهبرداری از ترمینال …»: what the document is
			// about, not a milestone reached.
			return ""
		}
		future := d.hasCue(max(c.a, m.Start-6), min(c.b, m.End+3), CueFuture|CueTarget)
		if st == "construction_started" && d.roleIn(m.End, c.b, roleEndOf) >= 0 && d.roleIn(m.End, c.b, roleDeadline) >= 0 {
			return "planned" // «آغاز عملیات اجرایی … تا پایان سال»: a start still to come
		}
		if st == "launched" && future {
			return "planned"
		}
		if st == "completed" && future {
			return "under_construction" // "expected to be completed in 2026"
		}
		if st == "completed" && d.studyBefore(c, m.Start) {
			// «مطالعات امکان سنجی … تکمیل شده»: the study is done, the
			// line is at the study stage.
			return "feasibility_study"
		}
		if st == "completed" {
			// «۸۰ درصد از عملیات اجرایی … به پایان رسیده»: work in progress.
			for _, am := range s.amounts {
				if am.kind == amtPercent && am.a >= c.a && am.a < c.b && am.value < 100 {
					return "under_construction"
				}
			}
		}
		return st
	}
	if d.hasCue(c.a, c.b, CueAccelerate) && d.hasCue(c.a, c.b, CueAgree|CueSign|CueCommit) {
		return "acceleration_agreed"
	}
	// "construction of which began", «عملیات ساخت … آغاز شد», "construction
	// is expected to start": started, or planned when still to come.
	build := d.roleIn(c.a, c.b, roleBuild) >= 0 || d.roleIn(c.a, c.b, roleWorks) >= 0
	ongoing := d.roleIn(c.a, c.b, roleOngoing) >= 0
	past := d.roleIn(c.a, c.b, roleStarted) >= 0
	start := past || d.roleIn(c.a, c.b, roleStart) >= 0
	if build && ongoing {
		return "under_construction" // "construction of which is under way", «ساخت … ادامه دارد»
	}
	if k := d.roleIn(c.a, c.b, roleBuild); k >= 0 && d.roleIn(max(c.a, k-3), k, rolePlanFor) >= 0 {
		// "shall approve a programme for the construction of the second
		// track", «برنامه ساخت …»: building still to come.
		return "planned"
	}
	if build && start {
		if !past && (d.hasCue(c.a, c.b, CueFuture|CueTarget) || d.roleIn(c.a, c.b, roleEndOf) >= 0 && d.roleIn(c.a, c.b, roleDeadline) >= 0 ||
			d.roleIn(c.a, c.b, roleStartSoon) >= 0) {
			return "planned" // «… تا پایان سال آغاز می‌شود», «… در نیمه دوم سال ۱۴۰۷ آغاز می‌شود»
		}
		return "construction_started"
	}
	if k := d.roleIn(c.a, c.b, roleOpening); k > c.a && d.word(k-1) == "از" && d.roleIn(k, c.b, roleAnnounced) >= 0 && !d.hasCue(c.a, c.b, CueFuture) {
		// «استاندار … از افتتاح فاز دوم پایانه مرزی دوغارون … خبر داد»:
		// an opening announced (not «افتتاح» alone, which also names
		// ceremonies and plans); «… تا پایان سال خبر داد» announces one
		// to come.
		if d.roleIn(k, c.b, roleDeadline) >= 0 && d.roleIn(k, c.b, roleEndOf) >= 0 {
			return "planned"
		}
		return "launched"
	}
	if k := d.roleIn(c.a, c.b, roleProgress); k >= 0 && !d.prepBefore(c, k) {
		// «… با پیشرفت ۸۰ درصدی همراه است», "has reached 65 percent
		// progress": a share of the work done, beside the word.
		for _, am := range s.amounts {
			if am.kind == amtPercent && am.value < 100 && am.a >= k-4 && am.a <= k+4 && am.a >= c.a && am.a < c.b {
				return "under_construction"
			}
		}
	}
	if d.datedItem(s) != "" && d.roleIn(c.a, c.b, roleNowOpen) >= 0 {
		// "December – Tajikistan and Kyrgyzstan open a rebuilt border
		// crossing": a dated item tells a past event in the present.
		return "launched"
	}
	return ""
}

// inTimeline reports whether status cue m lies within a timeline cue of
// cues ("completed" of "to be completed in 2030"): it goes with the
// timeline (projectAttributes), not with a status of its own.
func inTimeline(cues []Match, m Match) bool {
	return slices.ContainsFunc(cues, func(t Match) bool {
		return t.Entry.Code == statusCompletionExpected && t.Start <= m.Start && m.End <= t.End
	})
}

// launchesConstruction reports whether the launch cue m launches the
// construction of something ("launched construction of …", "launched the
// construction of a 173-km railway", «عملیات ساخت … آغاز شد»): a start of
// works, not an opening.
func (d *doc) launchesConstruction(m Match) bool {
	k := m.End
	if d.pointAt(k, roleDefinite) {
		k++
	}
	return d.roleIn(k, k+1, roleBuild) >= 0 || d.word(k) == "عملیات"
}

// prepBefore reports whether a stage before building (a land
// acquisition) is named in clause c before token i, with no building or
// works word between: a status cue or a progress at i says how far that
// stage has gone, not the project («تملک اراضی مسیر ۱۶۲ کیلومتری … ۷۰
// درصد پیشرفت داشته و عملیات اجرایی ساخت …»).
func (d *doc) prepBefore(c span, i int) bool {
	k := d.roleIn(c.a, i, rolePrep)
	return k >= 0 && d.roleIn(k, i, roleBuild) < 0 && d.roleIn(k, i, roleWorks) < 0
}

// studyBefore reports whether a feasibility study is named in clause c
// before token i: what a completion verb at i completes.
func (d *doc) studyBefore(c span, i int) bool {
	for _, m := range d.cuesIn(c.a, i, CueStatus) {
		if m.Entry.Code == "feasibility_study" {
			return true
		}
	}
	return false
}

// datedItem returns the month of a dated item, an entry of a timeline or
// a year in review that opens its paragraph with a Gregorian month and a
// dash, after an optional number ("2. May – The first freight train …",
// "December – Tajikistan and Kyrgyzstan open …"), as the label "YYYY-MM"
// of the article's year; "" when s is none, the article has no date or
// the month is after the article's.
func (d *doc) datedItem(s *sentence) string {
	k := s.a
	if k >= 2 && d.tokText(k-1) == "." && d.toks[k-2].Kind == TokNumber {
		k -= 2 // the item's number was cut off as a sentence of its own
	}
	if k > 0 && d.toks[k-1].Kind != TokNewline || d.art.Date.IsZero() {
		return ""
	}
	if d.toks[k].Kind == TokNumber && d.tokText(k+1) == "." {
		k += 2
	}
	month, ok := gregorianMonths[d.word(k)]
	if !ok || !isDash(d.tokText(k+1)) || month > int(d.art.Date.Month()) {
		return ""
	}
	return strconv.Itoa(d.art.Date.Year()) + "-" + strconv.Itoa(month/10) + strconv.Itoa(month%10)
}

// partCountry returns the country of the part of a line (a section, a
// phase, a stage: rolePart) that clause c names by its own two ends, when
// they lie in one country: "the 254km Quetta-Nokkundi section", "the
// Kalaikhumb-Vanj section of the Dushanbe-Kulma road", «مرحله نخست از
// مزارشریف تا شبرغان», «بخش سوم (روزنک تا غوریان)». The part is the one
// whose phrase holds token at (a measure), or the one before it; at < 0
// takes the clause's first part. "" when there is none, or when its ends
// lie in two countries (the whole line keeps its own countries). It also
// returns the words of the two ends ("quetta nokkundi"), which tell one
// part of the line from another.
func (d *doc) partCountry(s *sentence, c span, at int) (string, string) {
	var parts []int
	for k := c.a; k < c.b; k++ {
		if d.roleBefore(k+1, rolePart) && !d.pluralPart(k) {
			parts = append(parts, k)
		}
	}
	if len(parts) == 0 {
		return "", ""
	}
	k := parts[0]
	if at >= 0 {
		k = -1
		for _, p := range parts {
			if p <= at {
				k = p
			}
		}
		if s.latin {
			// "the 254km Quetta-Nokkundi section": the part word after
			// its measure.
			for _, p := range parts {
				if p > at && p-at <= 6 {
					k = p
					break
				}
			}
		}
		if k < 0 {
			return "", ""
		}
	}
	return d.partEnds(s, c, k, 0)
}

// pluralPart reports whether the part word at k names several parts
// («بخش‌های اول و دوم», "sections"), which need not lie in one country.
func (d *doc) pluralPart(k int) bool {
	w := d.word(k)
	return strings.HasPrefix(w, "بخشها") || strings.HasSuffix(w, "های") || strings.HasSuffix(w, "ها") || w == "sections" || w == "stages" || w == "phases"
}

// partEnds returns the one country of the two ends that name the part
// whose word is at token k of clause c (see partCountry); depth bounds
// an appositive's chain ("The first phase, the … section").
func (d *doc) partEnds(s *sentence, c span, k, depth int) (string, string) {
	var ends []int // the token of each end; a place's, or a word the gazetteer lacks
	if s.latin {
		// "the Quetta-Nokkundi section", "the Batken–Isfana road section".
		for j := k - 1; j >= max(c.a, k-2); j-- {
			if isDash(d.tokText(j - 1)) {
				ends = []int{j - 2, j}
				break
			}
		}
		if ends == nil {
			j := k + 1
			if d.tokText(j) == "," {
				j++
				if d.word(j) == "the" {
					j++
				}
			}
			switch {
			case j > k+1 && depth == 0 && d.partWithin(c, j, j+8) >= 0:
				// "The first phase, the 254km Quetta-Nokkundi section".
				return d.partEnds(s, c, d.partWithin(c, j, j+8), 1)
			case j > k+1 && isDash(d.tokText(j+1)):
				ends = []int{j, j + 2} // "The second phase, Nokkundi-Taftan,"
			case d.word(j) == "from" || betweenWords[d.word(j)]:
				ends = d.fromTo(c, j)
			}
		}
	} else {
		// «مرحله نخست از مزارشریف تا شبرغان», «بخش سوم (روزنک تا
		// غوریان)», «بخش چهارم این خط آهن از غوریان تا …», «قطعه
		// ایرانشهر-زاهدان»: the ends after the part's word and its
		// ordinal, not the whole line's name («بخش چهارم راه‌آهن
		// خواف-هرات»).
		whole := false // the whole line named after the part's word, referred back to («این خط آهن»)
		for j := k + 1; j < min(c.b, k+7) && ends == nil; j++ {
			if d.namesProject(j) || d.roleBefore(j+1, rolePart) || d.inAmount(s, j) {
				break
			}
			if d.hasCue(j, j+1, CueInfra) || physicalInfra[d.word(j)] || lineWords[d.word(j)] {
				if !d.referenceBefore(j) && !whole {
					break // «بخش دوم سرک شبرغان – آقینه»: the whole's name
				}
				whole = true
			}
			switch {
			case d.pointAt(j, roleFrom) || betweenWords[d.word(j)] || d.tokText(j) == "(":
				ends = d.fromTo(c, j)
			case !whole && j+2 < len(d.toks) && isDash(d.tokText(j+1)) && d.toks[j].Kind == TokWord && d.toks[j+2].Kind == TokWord:
				ends = []int{j, j + 2}
			}
		}
	}
	if len(ends) != 2 {
		return "", ""
	}
	code, unknown, border := "", 0, false
	for _, e := range ends {
		x := d.placeAt(e)
		if borderWords[d.word(e)] {
			// «از سرحد ترکمنستان تا شهر هرات»: from the border of another
			// country, the part lies in its other end's (as sectionCountry);
			// «از سرحد تا هرات» names no side.
			if !slices.ContainsFunc(s.mentions, func(m mention) bool { return m.tok == e+1 && m.class.Has(ClassCountry|ClassAdjective) }) {
				return "", ""
			}
			border = true
			continue
		}
		switch {
		case x == "" && d.toks[e].Kind == TokWord && (!s.latin || d.capitalized(e)) && !d.covered(e):
			unknown++
		case x == "":
			return "", ""
		case code != "" && x != code:
			return "", ""
		default:
			code = x
		}
	}
	if unknown > 1 || border && unknown > 0 {
		// One end the gazetteer lacks lies with the other («از غوریان تا
		// شهر هرات», "the Quetta-Nokkundi section": a part is named by the
		// places of the line it belongs to); two such ends, or one beside
		// a border, name no country.
		return "", ""
	}
	if code == "" {
		return "", ""
	}
	return code, d.word(ends[0]) + " " + d.word(ends[1])
}

// partWithin returns the first token of [a, b) within clause c that ends
// a part's word, or -1.
func (d *doc) partWithin(c span, a, b int) int {
	for j := a; j < min(b, c.b); j++ {
		if d.roleBefore(j+1, rolePart) {
			return j
		}
	}
	return -1
}

// fromTo returns the first token of each end of "from X to Y", "between
// X and Y", «از X تا Y», «(X تا Y)» opening at token j of clause c, nil
// when there are not two.
func (d *doc) fromTo(c span, j int) []int {
	a := j + 1
	for d.word(a) == "the" || d.word(a) == "city" && d.word(a+1) == "of" || d.word(a) == "of" || d.word(a) == "شهر" {
		a++
	}
	for t := a + 1; t < min(c.b, a+7); t++ {
		w := d.word(t)
		if w == "to" || w == "تا" || w == "and" || w == "و" {
			b := t + 1
			for d.word(b) == "the" || d.word(b) == "city" || d.word(b) == "of" || d.word(b) == "شهر" {
				b++
			}
			if b >= c.b {
				return nil
			}
			return []int{a, b}
		}
	}
	return nil
}

// borderWords name a border as a part's end: "border", «مرز», «سرحد».
var borderWords = map[string]bool{"border": true, "frontier": true, "مرز": true, "سرحد": true}

// placeAt returns the country of the place named at token k, "" when none
// is.
func (d *doc) placeAt(k int) string {
	for _, m := range d.entsIn(max(0, k-3), k+1) {
		if m.Start <= k && k < m.End && m.Entry.Class.Has(ClassPlace) && m.Entry.Code != "" {
			return m.Entry.Code
		}
	}
	return ""
}

// financedBy reports whether a clause of the article says a country other
// than x finances project id (see projectParties).
func (d *doc) financedBy(id, x string) bool {
	for _, c := range d.projFinanciers[id] {
		if c != x {
			return true
		}
	}
	return false
}

// measuredRoute reports whether the text names route id with its length
// before it ("the 62-kilometre Batken-Isfana road", «خط آهن ۷۵ کیلومتری
// حیرتان–مزارشریف»).
func (d *doc) measuredRoute(id string) bool {
	for _, m := range d.ents {
		if m.Entry.Code == id && d.lengthBefore(m.Start) >= 0 {
			return true
		}
	}
	return false
}

// hubHeads are the heads of a centre or a hub that serves two countries
// («مرکز لوجستیکی», "logistics hub"), not of a port.
var hubHeads = map[string]bool{"hub": true, "centre": true, "center": true, "هاب": true}

// portPlaceBefore returns the country of the first place before token i
// that the text names as a port or a terminal, by an infrastructure word
// that is no line within two words of it ("the Turkmenbashi International
// Seaport", "the port of Aktau", «بندر انزلی»); "" when there is none.
func (d *doc) portPlaceBefore(i int) string {
	n := sort.Search(len(d.ents), func(k int) bool { return d.ents[k].Start >= i })
	for k := 0; k < n; k++ {
		m := d.ents[k]
		if !m.Entry.Class.Has(ClassPlace) || m.Entry.Code == "" {
			continue
		}
		for j := max(0, m.Start-3); j < min(len(d.toks), m.End+3); j++ {
			if (j < m.Start || j >= m.End) && d.hasCue(j, j+1, CueInfra) && !lineWords[d.word(j)] && !d.pointAt(j, roleLine) {
				return m.Entry.Code
			}
		}
	}
	return ""
}
