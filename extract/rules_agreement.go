package extract

import (
	"slices"
	"strconv"
	"strings"
)

// sectorWords name the specific fields an agreement covers; two mentions
// of agreements between the same countries with the same status and the
// same sectors are taken to be one agreement («یادداشت تفاهم همکاری میان
// راه آهن ایران و …» and «تفاهم همکاری ریلی … به امضا رسید»). Trade and
// economy are too general to identify an agreement.
var sectorWords = map[string]string{
	"ریلی": "rail", "راه آهن": "rail", "راهآهن": "rail", "آهن": "rail", "قطار": "rail", "railway": "rail", "railways": "rail", "rail": "rail",
	"ترانزیت": "transit", "ترانزیتی": "transit", "transit": "transit",
	"پرواز": "aviation", "پروازها": "aviation", "هوایی": "aviation", "flights": "aviation", "flight": "aviation", "aviation": "aviation", "airline": "aviation",
	"برق": "power", "انرژی": "energy", "electricity": "power", "power": "power", "energy": "energy",
	"نفت": "oil_gas", "گاز": "oil_gas", "oil": "oil_gas", "gas": "oil_gas", "پتروشیمی": "oil_gas",
	"کشاورزی": "agriculture", "agriculture": "agriculture", "agricultural": "agriculture",
	"فرهنگی": "culture", "فرهنگ": "culture", "cultural": "culture", "culture": "culture",
	"صدا و سیما": "media", "سیما": "media", "خبر": "media", "رسانه": "media", "رسانهای": "media", "media": "media", "news": "media",
	"آموزش": "education", "آموزشی": "education", "دانشگاه": "education", "education": "education", "training": "education", "train": "education",
	"بهداشت": "health", "سلامت": "health", "health": "health",
	"گمرک": "customs", "گمرکی": "customs", "customs": "customs",
	"بانک": "banking", "بانکی": "banking", "banking": "banking", "bank": "banking",
	"ویزا": "visa", "روادید": "visa", "visa": "visa", "visas": "visa",
	"معدن": "mining", "معادن": "mining", "mining": "mining", "minerals": "mining",
	"امنیت": "security", "امنیتی": "security", "security": "security",
	"مخابرات": "telecom", "telecommunications": "telecom",
	"نمایشگاه": "exhibition", "exhibition": "exhibition", "expo": "exhibition",
	"بندر": "port", "port": "port", "بنادر": "port",
	"جاده": "road", "جادهای": "road", "road": "road", "trucks": "road",
	"آب": "water", "water": "water",
	"دیجیتال": "digital", "digitizing": "digital", "digital": "digital",
	"کمیسیون": "commission", "committee": "commission", "commission": "commission", "کمیته": "commission",
	"سازمانهای": "organisations", "سازمان": "organisations",
	"مطالعات": "research", "تحقیقات": "research", "research": "research",
}

// agreementFacts reads agreements from sentence s: «توافق کردند», «به
// امضا رسید», "signed", "pledged", joint bodies set up, and lists of MoUs
// (one fact per item).
func (d *doc) agreementFacts(s *sentence) []candidate {
	var out []candidate
	listID := 0
	// A list whose verb is in the line before: «سه تفاهمنامه … امضا شد:
	// …» or "signed 12 documents. Among them were …".
	inherited := d.listLead(s)
	for _, c := range d.agreementClauses(s) {
		status, trig := d.agreementStatus(s, c)
		fromLead := false
		if status == "" {
			if inherited == "" {
				continue
			}
			status, fromLead = inherited, true
		}
		if c.b < s.b && d.tokText(c.b) == ":" {
			inherited = status
		}
		// A list of agreements: one fact per item.
		if items := d.agreementItems(s, c); len(items) >= 2 {
			listID++
			if g, n := d.countedGroupBefore(s, c, items[0].a); n > len(items) && !fromLead {
				// «شش سند همکاری از جمله …، … و …»: six documents, three of
				// them named: the six are a fact beside the three.
				f := d.newCandidate(KindAgreement, s, g.a)
				f.Status = ptr(status)
				f.Countries = normalizeCountries(d.completePair(s, d.dropVenues(s, c, d.partyCountries(s, c))))
				d.eventMonth(s, c, &f)
				d.setQuote(&f, g.a, g.b)
				out = append(out, f)
			}
			for _, it := range items {
				f := d.newCandidate(KindAgreement, s, it.a)
				f.Status = ptr(status)
				cs := d.countries(s, it.a, it.b, false)
				if len(cs) == 0 {
					// "Turkmenistan, Azerbaijan and Uzbekistan signed an
					// agreement on …, a memorandum on … and …": the signers.
					cs = d.dropVenues(s, c, d.partyCountries(s, c))
				}
				f.Countries = normalizeCountries(d.completePair(s, cs))
				f.sectors = d.sectors(it.a, it.b)
				f.list = s.idx*100 + listID
				f.listed = fromLead
				if !fromLead {
					d.eventMonth(s, c, &f) // ("in October signed an agreement on … and a roadmap …")
				}
				d.setQuote(&f, it.a, it.b)
				out = append(out, f)
			}
			continue
		}
		if fromLead {
			continue
		}
		if d.projectOnly(s, c, trig) {
			continue
		}
		if d.roleIn(c.a, trig, roleAppeal) >= 0 {
			continue // "We urge Islamabad and Kabul to agree on …": an appeal, not an agreement
		}
		if d.genericPlural(c, trig) || d.definiteRepeat(s, c, trig, status, out) {
			continue
		}
		f := d.newCandidate(KindAgreement, s, trig)
		f.Status = ptr(status)
		f.counted = d.countedPlural(c, trig)
		if f.counted {
			f.count = d.agreementCount(s, c, trig)
		}
		cs := d.dropVenues(s, c, d.partyCountries(s, c))
		if len(cs) == 1 {
			// «قرارداد بازسازی سرک شبرغان–اندخوی–آقینه را … با یک شرکت
			// ترکیه‌ای امضا کرد», "signed a contract with a Turkish firm to
			// rebuild the Sheberghan–Aqina road": the country of the line
			// the contract is on is the other side.
			for _, m := range d.entsIn(c.a, c.b) {
				if !m.Entry.Class.Has(ClassProject) {
					continue
				}
				for _, x := range d.projPlaces[m.Start] {
					if !slices.Contains(cs, x) {
						cs = append(cs, x)
					}
				}
			}
		}
		if pc := d.participantsBefore(s, c, trig); len(pc) >= 2 {
			// "Participants agreed to hold the next round …": those who
			// met in the sentences before.
			cs = pc
		}
		cs = d.dropDestinations(s, c, trig, cs)
		if x := d.lenderSigned(s, c, trig); x != "" {
			// (A country and a bank sign: no other country is a party.)
			f.Countries = []string{x}
		} else {
			f.Countries = normalizeCountries(d.completePair(s, cs))
		}
		f.sectors = d.sectors(c.a, c.b)
		d.eventMonth(s, c, &f)
		d.setQuote(&f, c.a, c.b)
		out = append(out, f)
		if k := d.roleIn(c.a, trig, roleSetTarget); status == StatusAgreed && k >= 0 && d.pointIn(k, trig, roleJoin) >= 0 && d.jointSubject(s, c, k) {
			// "They also set a target of 10 million tonnes … by 2030 and
			// agreed to introduce a single through tariff": a goal set and
			// a measure agreed, two agreements.
			g := d.newCandidate(KindAgreement, s, k)
			g.Status, g.Countries = ptr(StatusAgreed), f.Countries
			d.setQuote(&g, k, trig)
			out = append(out, g)
		}
		if k := d.roleIn(trig+1, c.b, roleSetTarget); status == StatusSigned && k > trig && d.jointSubject(s, c, k) {
			// "signed 17 … documents on Thursday and set a goal of nearly
			// tripling bilateral trade to $3 billion by 2030": a goal the
			// signers set together is agreed besides (labelling decision
			// 6).
			g := d.newCandidate(KindAgreement, s, k)
			g.Status, g.Countries = ptr(StatusAgreed), f.Countries
			d.setQuote(&g, k, c.b)
			out = append(out, g)
		}
	}
	return out
}

// dropVenues removes from the parties cs of an agreement in clause c the
// country of a place named only as where the parties met or signed («در
// باکو», "in Baku"), when two or more parties remain: as a meeting's
// venue (meetingCountries), the host of a gathering is no signer.
func (d *doc) dropVenues(s *sentence, c span, cs []string) []string {
	var buf [4]string
	venues := buf[:0] // (no allocation for a clause's few venues)
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && m.class == ClassPlace && d.pointAt(m.tok-1, roleVenue) && slices.Contains(cs, m.code) && !slices.Contains(venues, m.code) && len(venues) < len(buf) {
			venues = append(venues, m.code)
		}
	}
	if len(venues) == 0 {
		return cs
	}
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !(m.class == ClassPlace && d.pointAt(m.tok-1, roleVenue)) {
			if k := slices.Index(venues, m.code); k >= 0 {
				venues = slices.Delete(venues, k, k+1)
			}
		}
	}
	if len(venues) == 0 || len(cs)-len(venues) < 2 {
		return cs
	}
	kept := make([]string, 0, len(cs)-len(venues))
	for _, x := range cs {
		if !slices.Contains(venues, x) {
			kept = append(kept, x)
		}
	}
	return kept
}

// dropDestinations removes from the parties cs of the agreement at token
// trig of clause c the countries its terms only deliver to ("Iran and
// Turkmenistan signed a gas swap deal under which Turkmenistan will
// deliver … gas to Iraq via Iran"): named only after the agreement, each
// time just after "to" or «به», when two or more parties are named before
// it. A destination is no signer (testdata/README.md, "Labelling
// decisions").
func (d *doc) dropDestinations(s *sentence, c span, trig int, cs []string) []string {
	var before []string
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < trig && !m.topic && !slices.Contains(before, m.code) {
			before = append(before, m.code)
		}
	}
	if len(before) < 2 {
		return cs
	}
	return slices.DeleteFunc(slices.Clone(cs), func(code string) bool {
		if slices.Contains(before, code) {
			return false
		}
		dest := false
		for _, m := range s.mentions {
			if m.code != code || m.tok < c.a || m.tok >= c.b {
				continue
			}
			if m.tok <= trig || !d.pointAt(m.tok-1, roleTo) {
				return false
			}
			dest = true
		}
		return dest
	})
}

// agreementClauses cuts the clauses of s once more before a second
// agreement verb joined by «و» or "and" ("signed a memorandum … and agreed
// to set up a joint venture"): each verb is its own agreement.
func (d *doc) agreementClauses(s *sentence) []span {
	var out []span
	for _, c := range d.clauses(s) {
		start := c.a
		seen := false
		for _, m := range d.cuesIn(c.a, c.b, CueSign|CueAgree|CueCommit) {
			if !seen {
				seen = true
				continue
			}
			// A conjunction between the previous verb and this one?
			cut := -1
			for k := m.Start - 1; k > start+2 && k >= m.Start-12; k-- {
				if d.pointAt(k, roleJoin) {
					cut = k
					break
				}
				if d.hasCue(k, k+1, CueSign|CueAgree|CueCommit) {
					break
				}
			}
			if cut > start && d.hasCue(start, cut, CueSign|CueAgree|CueCommit) {
				out = append(out, span{start, cut})
				start = cut + 1
			}
		}
		out = append(out, span{start, c.b})
	}
	return out
}

// agreementStatus returns the status an agreement in clause c has and the
// token of its trigger: signed («به امضا رسید», "signed"), agreed
// («توافق کردند», "agreed", "X pledged", a joint commission set up) or
// negotiating (negotiations on an agreement, "to be signed").
func (d *doc) agreementStatus(s *sentence, c span) (string, int) {
	for _, m := range d.cuesIn(c.a, c.b, CueSign) {
		if d.referenceBefore(m.Start) {
			continue
		}
		if d.pointAt(m.Start, roleSignNoun) && d.cuesIn(c.a, c.b, CueAgreementNoun) == nil {
			continue
		}
		if d.signNegated(c, m) && d.cuesIn(c.a, c.b, CueAgreementNoun) == nil {
			continue // "For construction itself nobody has signed anything"
		}
		if d.signFuture(c, m) || d.signNegated(c, m) {
			return StatusNegotiating, m.Start
		}
		return StatusSigned, m.Start
	}
	for _, m := range d.cuesIn(c.a, c.b, CueAgree) {
		if d.referenceBefore(m.Start) {
			continue
		}
		return StatusAgreed, m.Start
	}
	for _, m := range d.cuesIn(c.a, c.b, CueCommit) {
		if d.committedSubject(s, c, m) && !d.financesProject(s, c, m) {
			return StatusAgreed, m.Start
		}
	}
	if k := d.roleIn(c.a, c.b, roleSetTarget); k >= 0 && d.jointSubject(s, c, k) && d.roleIn(c.a, k, roleChamber) < 0 {
		// "The two governments have set a target of $10 billion …": a
		// goal two parties set together is agreed (labelling decision 6);
		// "We have set a target", one side's, is not, nor a chamber's
		// («اتاق مشترک بازرگانی ایران و ازبکستان … را هدف‌گذاری کرده است»:
		// one body, though named for the two countries).
		return StatusAgreed, k
	}
	for k := c.a; k < c.b; k++ {
		// "a roadmap … was adopted", «نقشه راه … به تصویب رسید».
		if !d.pointAt(k, roleAdopt) && !d.pointAt(k, roleRatify) {
			continue
		}
		for _, n := range d.cuesIn(c.a, c.b, CueAgreementNoun) {
			if !d.referenceBefore(n.Start) && !d.pluralNoun(n) {
				if d.pointAt(k, roleRatify) {
					// Only a signed agreement is ratified.
					return StatusSigned, k
				}
				return StatusAgreed, k
			}
		}
	}
	if bodies := d.cuesIn(c.a, c.b, CueJointBody); len(bodies) > 0 && d.hasCue(c.a, c.b, CueEstablish) && !d.referenceBefore(bodies[0].Start) {
		return StatusAgreed, bodies[0].Start
	}
	if k := d.roleIn(c.a, c.b, roleNowSign); k >= 0 && d.datedItem(s) != "" && d.hasCue(k, c.b, CueAgreementNoun) {
		// "February – Uzbekistan, Afghanistan and Pakistan sign a framework
		// agreement": a dated item tells a past signing in the present.
		return StatusSigned, k
	}
	if neg := d.cuesIn(c.a, c.b, CueNegotiate); len(neg) > 0 {
		for _, n := range d.cuesIn(c.a, c.b, CueAgreementNoun) {
			if !d.referenceBefore(n.Start) && d.word(n.Start-1) != "the" {
				return StatusNegotiating, neg[0].Start
			}
		}
	}
	return "", 0
}

// jointSubject reports whether clause c names two parties before token
// k: two countries, or a pair («دو کشور», "the two governments").
func (d *doc) jointSubject(s *sentence, c span, k int) bool {
	var cs []string
	for _, m := range s.mentions {
		if m.tok < c.a || m.tok >= k || m.topic {
			continue
		}
		if m.class == ClassPair {
			return true
		}
		if !slices.Contains(cs, m.code) {
			cs = append(cs, m.code)
		}
	}
	if len(cs) >= 2 {
		return true
	}
	for _, m := range d.entsIn(c.a, k) {
		if m.Entry.Class.Has(ClassPair) {
			return true // unresolved: the two sides
		}
	}
	return false
}

// partyCountries returns the parties of an agreement in clause c: with
// «دو طرف»/"the two sides" in the clause, the pair and the countries named
// by name (adjectives there qualify things: "the Afghan transit route");
// otherwise every country named.
func (d *doc) partyCountries(s *sentence, c span) []string {
	pair := false
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && m.class == ClassPair {
			pair = true
		}
	}
	if !pair {
		return d.countries(s, c.a, c.b, false)
	}
	var out []string
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !m.topic && m.class != ClassAdjective && !slices.Contains(out, m.code) && (m.class == ClassPair || !d.viaAt(m.tok)) {
			// (not a country the agreed route passes through: "the two
			// sides agreed to finalise a transit trade agreement through
			// Afghanistan")
			out = append(out, m.code)
		}
	}
	return out
}

// lenderSigned returns the one country among the signers of the agreement
// at token trig of clause c when the other is a lender or another
// organisation ("signed in Dushanbe … by Tajikistan's Minister of Finance
// and the EBRD Managing Director", «… میان وزارت دارایی تاجیکستان و بانک
// توسعه آسیایی امضا شد»): the signers named after "by", or after «میان» or
// «بین» up to the verb; "" otherwise. The agreement is that country's and
// the organisation's, not the context's other country's.
func (d *doc) lenderSigned(s *sentence, c span, trig int) string {
	lo, hi := -1, -1
	if s.latin {
		for k := trig; k < c.b; k++ {
			if d.word(k) == "by" {
				lo, hi = k+1, c.b
				break
			}
		}
	} else {
		for k := c.a; k < c.b && lo < 0; k++ {
			if w := d.word(k); w == "میان" || w == "بین" {
				lo, hi = k+1, c.b
			}
		}
		for k := max(lo, c.a); k < hi; k++ {
			if _, ok := d.cueAt(k, CueSign); ok {
				hi = k // (up to the verb)
			}
		}
	}
	if lo < 0 {
		return ""
	}
	org := d.pointIn(lo, hi, roleLender) >= 0
	for _, e := range d.entsIn(lo, hi) {
		org = org || e.Entry.Class.Has(ClassOrg)
	}
	if !org {
		return ""
	}
	code := ""
	for _, m := range s.mentions {
		if m.tok < lo || m.tok >= hi || m.topic || m.code == code {
			continue
		}
		if code != "" {
			return "" // two countries sign
		}
		code = m.code
	}
	return code
}

// signFuture reports whether a signing is still to come: a future word
// next to the signing verb ("will be signed"), or «خواهد رسید» closing
// «به امضای …».
func (d *doc) signFuture(c span, m Match) bool {
	if d.pointAt(m.Start, roleToFa) {
		for k := m.End; k < min(c.b, m.End+12); k++ {
			switch {
			case d.pointAt(k, roleWill):
				return true
			case d.pointAt(k, roleReached):
				return false
			}
		}
	}
	if d.pointAt(m.Start-1, rolePassiveAux) {
		return true // "due to be signed", "to be signed"
	}
	hi := min(c.b, m.End+2)
	for k := m.End; k < hi; k++ {
		if d.pointAt(k, roleJoin) || d.pointAt(k, roleRelative) {
			// «… در اردیبهشت ۱۴۰۲ امضا شد و قرار است …», "was signed in
			// 2023 and will …", «… امضا کرد که قرار است … تحویل داده
			// شود»: the future is the next clause's, or the goods'.
			hi = k
			break
		}
	}
	return d.hasCue(max(c.a, m.Start-3), hi, CueFuture)
}

// participantsBefore returns, when the subject of clause c is the
// participants of a meeting ("Participants agreed", «شرکت کنندگان توافق
// کردند», "the sides"), the countries the sentences before name (two or
// more, venues left out); nil otherwise.
func (d *doc) participantsBefore(s *sentence, c span, trig int) []string {
	subj := false
	for k := c.a; k < trig; k++ {
		if _, ok := d.roleAt(k, roleParticipants); ok || d.pointAt(k, roleParticipants) {
			subj = true
		}
	}
	if !subj {
		return nil
	}
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < trig && !m.topic {
			return nil // the subject's countries are named
		}
	}
	for k := s.idx - 1; k >= 0 && k >= s.idx-2; k-- {
		p := d.sents[k]
		var cs []string
		for _, m := range p.mentions {
			if m.topic || m.class == ClassPlace || slices.Contains(cs, m.code) {
				continue
			}
			cs = append(cs, m.code)
		}
		if len(cs) >= 2 {
			return cs
		}
	}
	return nil
}

// signNegated reports whether a signing did not happen: a negated verb
// («امضا نشد», «به امضا نرسید»), "not"/"never"/"failed to" before it, a
// denial earlier in the clause ("denied reports that … had signed",
// «تکذیب کرد»), or a postponement after it ("the signing was postponed",
// «به تعویق افتاد», «موکول شد»). What was not signed is still being
// negotiated.
func (d *doc) signNegated(c span, m Match) bool {
	for k := m.Start; k < m.End; k++ {
		w := d.word(k)
		if !strings.HasPrefix(w, "ن") || strings.HasPrefix(w, "نمود") {
			continue
		}
		for _, stem := range []string{"شد", "کرد", "رسید", "رساند", "گردید", "نمود"} {
			if strings.HasPrefix(w[len("ن"):], stem) || strings.HasPrefix(w, "نمی") {
				return true
			}
		}
	}
	for k := max(c.a, m.Start-3); k < m.Start; k++ {
		if d.pointAt(k, roleNegation) {
			return true
		}
	}
	for k := c.a; k < m.Start; k++ {
		if d.pointAt(k, roleDenial) {
			return true
		}
	}
	for k := m.End; k < min(c.b, m.End+12); k++ {
		if d.pointAt(k, rolePostpone) {
			return true
		}
	}
	return false
}

// committedSubject reports whether a commitment («متعهد شدند», "pledged",
// "will provide") has a country or «دو کشور» as its subject just before
// it: "Kazakhstan has pledged", not «آنان متعهد هستند».
func (d *doc) committedSubject(s *sentence, c span, m Match) bool {
	k := m.Start - 1
	for k >= c.a {
		if d.pointAt(k, roleAux) {
			k--
			continue
		}
		break
	}
	for _, mt := range s.mentions {
		if mt.end-1 == k && !mt.topic {
			return true
		}
	}
	return false
}

// financesProject reports whether commitment m of clause c is one country
// financing a project ("China will finance the line", "will build the
// railway"): a project's party, not an agreement between countries. Two
// countries or the two sides named in the clause make it one.
func (d *doc) financesProject(s *sentence, c span, m Match) bool {
	if len(d.countries(s, c.a, c.b, false)) >= 2 || d.hasCue(c.a, c.b, CueAgreementNoun) {
		return false
	}
	if id, _ := d.clauseProject(s, c); id == "" {
		return false
	}
	return d.roleIn(m.Start, min(c.b, m.End+2), roleFinance) >= 0 || d.roleIn(m.Start, min(c.b, m.End+2), roleBuild) >= 0
}

// agreementItems returns the items of a list of agreements in clause c:
// «…»-quoted items or comma-separated items that each start with an
// agreement noun («یادداشت تفاهم …»، «برنامه مبادلات فرهنگی …»).
func (d *doc) agreementItems(s *sentence, c span) []span {
	var items []span
	// Quoted items.
	for i := c.a; i < c.b; i++ {
		if d.tokText(i) != "«" && d.tokText(i) != "\"" {
			continue
		}
		j := i + 1
		for j < c.b && d.tokText(j) != "»" && d.tokText(j) != "\"" {
			j++
		}
		if j >= c.b {
			break
		}
		if d.startsAgreement(i + 1) {
			items = append(items, span{i + 1, j})
		}
		i = j
	}
	if len(items) >= 2 {
		return items
	}
	// Comma-separated items; the last joined by «و», "and", "along with",
	// «به همراه» (roleJoin).
	items = items[:0]
	start := c.a
	for i := c.a; i <= c.b; i++ {
		next := i + 1
		if i < c.b && d.tokText(i) != "،" && d.tokText(i) != "," {
			m, ok := d.roleAt(i, roleJoin)
			if !ok || !d.startsAgreement(m.End) {
				continue
			}
			next = m.End
		}
		a := start
		if len(items) == 0 {
			// "Among them were an agreement on …", «از جمله تفاهمنامه …»,
			// "Turkmenistan, Azerbaijan and Uzbekistan signed an agreement
			// on …, a memorandum on …": the first item starts at its noun.
			lim := a + 6
			if sg := d.cuesIn(a, i, CueSign); len(sg) > 0 {
				lim = sg[0].End + 3
			}
			found := false
			for k := a; k < min(i, lim); k++ {
				if d.startsAgreement(k) {
					a, found = k, true
					break
				}
			}
			if !found {
				// «… بیانیه مشترکی به امضای دو وزیر رسید و شش سند همکاری از
				// جمله یادداشت تفاهم …، …»: the list opens after "including"
				// wherever it stands.
				for k := i - 1; k > a; k-- {
					if d.roleBefore(k+1, roleIncluding) && d.startsAgreement(k+1) {
						a = k + 1
						break
					}
				}
			}
		}
		if d.startsAgreement(a) && i-a >= 3 {
			items = append(items, span{a, i})
		}
		start = next
		i = next - 1
	}
	if len(items) >= 2 {
		return items
	}
	return d.countedSubjects(c)
}

// countedSubjects returns the items of counted agreements listed by their
// subjects («سند اجلاس به همراه سه یادداشت تفاهم در زمینه حمل و نقل
// جاده‌ای بین‌المللی، همکاری‌های گمرکی و تبادل برق به امضای طرفین رسید»,
// "signed three memorandums on road transport, customs and power trade"):
// one item per subject, when their number is the count written before the
// noun, with a document joined before the count («… به همراه»); nil
// otherwise.
func (d *doc) countedSubjects(c span) []span {
	for i := c.a; i+1 < c.b; i++ {
		v, ok := numberWords[d.word(i)]
		if !ok && d.toks[i].Kind == TokNumber {
			n, err := strconv.Atoi(d.tokText(i))
			v, ok = float64(n), err == nil
		}
		if !ok || v < 2 || v > 9 {
			continue
		}
		m, ok := d.cueAt(i+1, CueAgreementNoun)
		if !ok {
			continue
		}
		k := m.End
		if d.word(k) == "در" {
			k++
		}
		om, ok := d.roleAt(k, roleSubjectOpener)
		if !ok {
			continue
		}
		k = om.End
		end := c.b
		if sg := d.cuesIn(k, c.b, CueSign); len(sg) > 0 {
			end = sg[0].Start // (up to the verb)
		}
		var items []span
		start := k
		for i := k; i < end; i++ {
			if t := d.tokText(i); t == "،" || t == "," {
				items = append(items, span{start, i})
				start = i + 1
			}
		}
		// The last comma's item ends with «و» / "and" and the last subject
		// («همکاری‌های گمرکی و تبادل برق»); a subject of its own may have
		// «و» inside («حمل و نقل»), so only the last one is split.
		last := -1
		for i := start; i < end; i++ {
			if d.pointAt(i, roleJoin) {
				last = i
			}
		}
		if last < 0 || len(items) == 0 {
			continue
		}
		items = append(items, span{start, last}, span{last + 1, end})
		if len(items) != int(v) {
			continue
		}
		// «سند اجلاس به همراه سه یادداشت …»: a document joined before.
		for j := m.Start - 2; j >= max(c.a, m.Start-4); j-- {
			jm, ok := d.roleAt(j, roleJoin)
			if !ok || jm.End != m.Start-1 {
				continue
			}
			for a := max(c.a, j-4); a < j; a++ {
				if d.startsAgreement(a) {
					items = append([]span{{a, j}}, items...)
					break
				}
			}
			break
		}
		return items
	}
	return nil
}

func (d *doc) startsAgreement(i int) bool {
	if d.pointAt(i, roleArticle) {
		i++
	}
	if m, ok := d.cueAt(i, CueAgreementNoun); ok && !d.pluralNoun(m) {
		return true
	}
	return d.pointAt(i, roleAgreementHead)
}

// listLead returns the status of the agreements a sentence that lists
// documents refers to: "Among them were …", «از جمله …», «این اسناد شامل
// …» after a sentence that signed or agreed on them; "" otherwise.
func (d *doc) listLead(s *sentence) string {
	if s.idx == 0 {
		return ""
	}
	lead := false
	if d.pointAt(s.a, roleListOpen) {
		lead = d.pointIn(s.a, min(s.b, s.a+5), roleListOf) >= 0
	}
	if !lead {
		return ""
	}
	p := d.sents[s.idx-1]
	for _, c := range d.clauses(p) {
		if st, trig := d.agreementStatus(p, c); st != "" && d.countedPlural(c, trig) {
			return st
		}
	}
	return ""
}

// countedPlural reports whether the agreement of clause c is a counted or
// unspecified plural («سه تفاهمنامه», "12 documents") whose items may be
// listed after it.
func (d *doc) countedPlural(c span, trig int) bool {
	for _, n := range d.cuesIn(c.a, c.b, CueAgreementNoun) {
		if dist(n.Start, n.End, trig, trig+1) > 6 {
			continue
		}
		if d.pluralNoun(n) || n.Start > 0 && d.toks[n.Start-1].Kind == TokNumber || d.pointAt(n.Start-1, roleCountWord) {
			return true
		}
	}
	return false
}

// countedGroupBefore returns a counted group of documents in clause c
// before token end («شش سند همکاری», "six documents") and its count; 0
// when there is none.
func (d *doc) countedGroupBefore(s *sentence, c span, end int) (span, int) {
	for _, n := range d.cuesIn(c.a, end, CueAgreementNoun) {
		if e, ok := d.numberEndingAt(s, c.a, n.Start); ok && e.Value >= 2 && e.Value < 1000 {
			return span{e.Start, min(end, n.End+1)}, int(e.Value)
		}
	}
	return span{}, 0
}

// agreementCount returns the number a counted plural of clause c gives
// ("signed 17 intergovernmental and interagency documents", «سه
// تفاهم‌نامه»): the figure at most three words before its noun, 0 when
// there is none.
func (d *doc) agreementCount(s *sentence, c span, trig int) int {
	for _, n := range d.cuesIn(c.a, c.b, CueAgreementNoun) {
		if dist(n.Start, n.End, trig, trig+1) > 6 {
			continue
		}
		for k := max(c.a, n.Start-4); k < n.Start; k++ {
			if d.toks[k].Kind != TokNumber && !isNumberStart(d.norm, d.toks, k) {
				continue
			}
			if e, ok := parseNumExpr(d.norm, d.toks[:s.b], k); ok && e.End <= n.Start && e.Value >= 1 && e.Value < 1000 {
				return int(e.Value)
			}
		}
	}
	return 0
}

// pluralNoun reports whether an agreement noun is plural («تفاهمنامههای»,
// "agreements").
func (d *doc) pluralNoun(m Match) bool {
	w := d.tokText(m.End - 1)
	if strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "های") || strings.HasSuffix(w, "هایی") {
		return true
	}
	return len(w) > 3 && w[len(w)-1] == 's' && w != "mou" && !strings.HasSuffix(w, "ss")
}

// genericPlural reports whether the agreement signed or agreed in clause c
// is an unspecified plural («انعقاد تفاهمنامههای متعددی», «این
// تفاهمنامهها», "several agreements").
func (d *doc) genericPlural(c span, trig int) bool {
	nouns := d.cuesIn(c.a, c.b, CueAgreementNoun)
	if len(nouns) == 0 {
		return false
	}
	n := nouns[0]
	for _, x := range nouns {
		if dist(x.Start, x.End, trig, trig+1) < dist(n.Start, n.End, trig, trig+1) {
			n = x
		}
	}
	if dist(n.Start, n.End, trig, trig+1) > 4 || !d.pluralNoun(n) {
		return false
	}
	if d.referenceBefore(n.Start) || d.pointAt(n.Start-1, roleDefinite) {
		return true
	}
	return d.pointAt(n.End, roleMany) || d.pointAt(n.Start-1, roleMany)
}

// definiteRepeat reports whether the agreement in clause c is one already
// reported: "The document was signed in the presence of …" after "X and Y
// signed a contract …". The noun must be definite ("the", «این», «آن») and
// an agreement with the same status must come before in the article.
func (d *doc) definiteRepeat(s *sentence, c span, trig int, status string, sameSentence []candidate) bool {
	var noun *Match
	for _, n := range d.cuesIn(c.a, c.b, CueAgreementNoun) {
		if dist(n.Start, n.End, trig, trig+1) <= 4 {
			noun = &n
			break
		}
	}
	if noun == nil || !(d.pointAt(noun.Start-1, roleDefinite) || d.referenceBefore(noun.Start)) {
		return false
	}
	if len(sameSentence) > 0 {
		return true
	}
	return d.agreementBefore(s.idx, status)
}

// agreementBefore reports whether a sentence before idx has an agreement
// with the given status.
func (d *doc) agreementBefore(idx int, status string) bool {
	for k := max(0, idx-3); k < idx; k++ {
		for _, c := range d.clauses(d.sents[k]) {
			if st, _ := d.agreementStatus(d.sents[k], c); st == status {
				return true
			}
		}
	}
	return false
}

// projectOnly reports whether the agreement in clause c is only about a
// project's progress («طرفین توافق کردند روند اجرایی این پروژه را تسریع
// کنند»): that is a project fact, not an agreement.
func (d *doc) projectOnly(s *sentence, c span, trig int) bool {
	if !d.hasCue(trig, c.b, CueAccelerate|CueStatus) {
		return false
	}
	for _, am := range s.amounts {
		if am.a >= c.a && am.a < c.b {
			return false
		}
	}
	for _, n := range d.cuesIn(c.a, c.b, CueAgreementNoun) {
		if n.Start != trig {
			return false
		}
	}
	for _, m := range d.entsIn(c.a, c.b) {
		if m.Entry.Class.Has(ClassProject) {
			return true
		}
	}
	for _, m := range d.cuesIn(trig, c.b, CueInfra) {
		if d.referenceBefore(m.Start) {
			return true
		}
	}
	return false
}

// sectors returns the specific sectors named in tokens [a, b), leaving out
// the words of a ministry's or an organisation's name.
func (d *doc) sectors(a, b int) []string {
	var out []string
	skipUntil := -1
	for i := a; i < b; i++ {
		w := d.word(i)
		if d.pointAt(i, roleMinistry) {
			skipUntil = i + 5
		}
		if i < skipUntil {
			continue
		}
		key := w
		if i+1 < b {
			if sec, ok := sectorWords[w+" "+d.word(i+1)]; ok {
				if !slices.Contains(out, sec) {
					out = append(out, sec)
				}
				i++
				continue
			}
		}
		if sec, ok := sectorWords[key]; ok && !slices.Contains(out, sec) {
			out = append(out, sec)
		}
	}
	slices.Sort(out)
	return out
}
