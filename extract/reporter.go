package extract

import (
	"slices"
	"strings"
)

// outletRows are news outlets by country. The outlet that reports an
// article decides what «کشورمان» ("our country") means, and which country
// «این کشور» ("this country") cannot be.
var outletRows = []codedRow{
	{"IR", "", []string{"ایسنا", "ایرنا", "خبرگزاری جمهوری اسلامی", "خبرگزاری جمهوری اسلامی ایران", "تسنیم", "خبرگزاری فارس", "خبرگزاری مهر", "ایلنا", "باشگاه خبرنگاران جوان", "باشگاه خبرنگاران",
		"صدا و سیما", "خبرگزاری صدا و سیما", "همشهری", "دنیای اقتصاد", "تابناک", "خبرآنلاین", "اقتصاد آنلاین", "اکو ایران", "شانا", "ایران اکونومیست",
		"irna", "isna", "tasnim", "mehr news", "press tv", "presstv", "tehran times", "financial tribune", "iran daily", "ifp news", "shana", "ilna"}},
	{"AF", "", []string{"طلوع نیوز", "طلوعنیوز", "پژواک", "آریانا نیوز", "خبرگزاری باختر", "آژانس باختر", "باختر", "بختر", "آژانس بختر",
		"خبرگزاری بختر", "رادیو آزادی", "هشت صبح", "خامه پرس", "سلام وطندار", "آمو تی وی",
		"اطلاعات روز", "افغانستان اینترنشنال", "tolonews", "tolo news", "pajhwok", "ariana news", "bakhtar", "bna", "khaama",
		"amu tv", "afghanistan international", "kabul times", "salam watandar"}},
	{"PK", "", []string{"dawn news", "associated press of pakistan", "express tribune", "the news international", "radio pakistan", "business recorder",
		"geo news", "pakistan today"}},
	{"UZ", "", []string{"uza", "kun.uz", "daryo", "gazeta.uz", "uzdaily", "dunyo"}},
	{"KZ", "", []string{"kazinform", "astana times", "tengrinews", "inform.kz", "kazakhstan today", "interfax-kazakhstan", "kapital.kz", "kursiv"}},
	{"KG", "", []string{"kabar", "akipress", "24.kg"}},
	{"TJ", "", []string{"khovar", "asia-plus", "asia plus"}},
	{"TM", "", []string{"turkmenportal", "tdh", "neutral turkmenistan"}},
	{"RU", "", []string{"tass", "ria novosti", "interfax", "sputnik"}},
	{"CN", "", []string{"xinhua", "cgtn", "global times", "china daily"}},
	{"AZ", "", []string{"azertac", "azernews", "report.az", "trend news agency"}},
	{"TR", "", []string{"anadolu", "anadolu agency", "daily sabah"}},
	{"IN", "", []string{"pti", "press trust of india"}},
}

// dariMarkers and iranianMarkers are words one variety of Persian uses and
// the other does not.
var dariMarkers = map[string]bool{"دالر": true, "ملیون": true, "ملیارد": true, "تجارتی": true, "ترانسپورت": true, "اعلامیه": true,
	"جنوری": true, "فبروری": true, "مارچ": true, "اپریل": true, "آگست": true, "سپتمبر": true, "اکتوبر": true, "نومبر": true,
	"دسمبر": true, "ازبیکستان": true, "اوزبیکستان": true, "قرغیزستان": true, "ولسوالی": true, "ولایت": true, "پوهنتون": true,
	"شاروالی": true, "سرحد": true, "سرحدی": true, "امارت": true, "اعلامیهای": true, "عنعنوی": true, "بخاطر": true, "تا هنوز": true}

var iranianMarkers = map[string]bool{"دلار": true, "ازبکستان": true, "قرقیزستان": true, "ژانویه": true, "فوریه": true, "مارس": true,
	"آوریل": true, "ژوئن": true, "ژوییه": true, "اوت": true, "سپتامبر": true, "اکتبر": true, "نوامبر": true, "دسامبر": true,
	"کشورمان": true, "استان": true, "شهرستان": true, "استاندار": true, "جمهوری": true}

// reporter guesses the country of the outlet and whether the text is Dari:
// from the header (country, source, publisher, site, url), then an outlet
// named in the dateline or in «به گزارش …», then any outlet named in the
// first lines, then the variety of Persian (Dari → AF, Iranian → IR).
func (x *Extractor) reporter(d *doc) (string, bool) {
	dari, iran := 0, 0
	for i := range min(len(d.toks), 4000) {
		if d.toks[i].Kind != TokWord {
			continue
		}
		w := d.tokText(i)
		if dariMarkers[w] {
			dari++
		}
		if iranianMarkers[w] {
			iran++
		}
	}
	isDari := dari > iran
	if c := strings.ToUpper(strings.TrimSpace(d.art.Header["country"])); len(c) == 2 {
		return c, isDari
	}
	for _, k := range []string{"source", "publisher", "outlet", "site", "url"} {
		if v := d.art.Header[k]; v != "" {
			t := Normalize(strings.NewReplacer(".", " ", "/", " ", "-", " ").Replace(v))
			toks := Tokenize(t.Norm)
			for _, m := range x.outlets.Longest(t.Norm, toks) {
				return m.Entry.Code, isDari
			}
		}
	}
	// Outlets are named in the first lines.
	ms := d.outletsIn(min(len(d.toks), 600))
	// «به گزارش X» names the reporting outlet; «به نقل از X» only a source.
	for _, m := range ms {
		if m.Start >= 2 && d.word(m.Start-2) == "به" && d.word(m.Start-1) == "گزارش" {
			return m.Entry.Code, isDari
		}
		if m.Start >= 1 && d.word(m.Start-1) == "خبرگزاری" && (m.Start < 3 || d.word(m.Start-3) == "به") {
			return m.Entry.Code, isDari
		}
	}
	for _, m := range ms {
		if m.Start > 80 {
			break
		}
		if m.Start >= 2 && d.word(m.Start-2) == "نقل" || m.Start >= 1 && (d.word(m.Start-1) == "citing" || d.word(m.Start-1) == "quoted") {
			continue
		}
		return m.Entry.Code, isDari
	}
	if c := d.issuingGovernment(); c != "" {
		return c, isDari
	}
	if dari+iran > 0 {
		if isDari {
			return "AF", true
		}
		return "IR", false
	}
	return "", isDari
}

// issuingGovernment returns the country of a government that issues the
// text as a release, named in its first lines: "Ministry of Commerce,
// Government of Pakistan", "Press release of the Ministry of Foreign
// Affairs of the Republic of Uzbekistan", "Embassy of Kazakhstan"; "" when
// none is.
func (d *doc) issuingGovernment() string {
	for _, m := range d.ents {
		if m.Start > 40 {
			break
		}
		if !m.Entry.Class.Has(ClassCountry) || m.Entry.Code == "" {
			continue
		}
		k := m.Start - 1
		if d.pointAt(k, roleDefinite) {
			k--
		}
		if !d.pointAt(k, roleOf) {
			continue
		}
		for j := k - 1; j >= max(0, k-4); j-- {
			if d.pointAt(j, roleIssuer) {
				return m.Entry.Code
			}
		}
	}
	return ""
}

// dropOutletPlaces removes the places and countries that are (in) an
// outlet's name where the text cites it: «کابل (بختر):» is the Bakhtar
// agency, not Bokhtar in Tajikistan; «به گزارش خبرگزاری جمهوری اسلامی»
// does not make Iran a party. An outlet is cited in parentheses, after «به گزارش»,
// «خبرگزاری», «آژانس» or "agency", or before a colon.
func (x *Extractor) dropOutletPlaces(d *doc) {
	ms := d.outletsIn(min(len(d.toks), 600))
	if len(ms) == 0 {
		return
	}
	var cited []Match
	for _, m := range ms {
		before, after := d.tokText(m.Start-1), d.tokText(m.End)
		switch {
		case before == "(" && after == ")", after == ":",
			d.word(m.Start-1) == "خبرگزاری", d.word(m.Start-1) == "آژانس", d.word(m.Start-1) == "گزارش",
			d.word(m.End) == "agency", d.word(m.Start-1) == "agency":
			cited = append(cited, m)
		}
	}
	if len(cited) == 0 {
		return
	}
	d.ents = slices.DeleteFunc(d.ents, func(e Match) bool {
		if !e.Entry.Class.Has(ClassPlace | ClassCountry) {
			return false
		}
		for _, m := range cited {
			if e.Start < m.End && m.Start < e.End {
				return true
			}
		}
		return false
	})
}

// dropDatelinePlaces removes the city of a dateline, which says where a
// report was filed, not who takes part: a place at the head of the article
// or of a paragraph followed by a dash, by an agency in parentheses and a
// dash or colon ("ASTANA (Kazinform) –", "KABUL —", «کابل (بختر):»),
// optionally with its country or a date ("KABUL, Afghanistan –",
// "TASHKENT, Oct 28 —"); or a place after
// «از» in an opening «به گزارش …» clause («به گزارش خبرنگار ایرنا از
// کابل،»).
func (d *doc) dropDatelinePlaces() {
	var drop []int // the start tokens of the entities to drop
	for k := 0; k < len(d.toks); k++ {
		if k > 0 && d.toks[k-1].Kind != TokNewline {
			continue
		}
		if d.word(k) == "به" && d.word(k+1) == "گزارش" {
			for j := k + 2; j < min(k+14, len(d.toks)); j++ {
				if t := d.tokText(j); t == "،" || t == "," || d.toks[j].Kind == TokNewline {
					break
				}
				if d.word(j) != "از" {
					continue
				}
				if ms := d.entsIn(j+1, j+2); len(ms) > 0 && ms[0].Entry.Class.Has(ClassPlace) {
					drop = append(drop, j+1)
				}
			}
			continue
		}
		ms := d.entsIn(k, k+1)
		if len(ms) == 0 || !ms[0].Entry.Class.Has(ClassPlace) {
			continue
		}
		j := ms[0].End
		starts := []int{k}
		if d.tokText(j) == "," {
			if cs := d.entsIn(j+1, j+2); len(cs) > 0 && cs[0].Entry.Class.Has(ClassCountry) {
				starts = append(starts, j+1)
				j = cs[0].End
			}
		}
		if d.tokText(j) == "," {
			// "TASHKENT, Oct 28 —", "ISTANBUL, 12 November 2025 —": a date
			// between the city and the dash.
			e, month := j+1, false
			for e < min(j+6, len(d.toks)) {
				if _, ok := gregorianMonths[d.word(e)]; ok {
					month = true
				} else if d.toks[e].Kind != TokNumber && d.tokText(e) != "," {
					break
				}
				e++
			}
			if month && isDash(d.tokText(e)) {
				j = e
			}
		}
		agency := false
		if d.tokText(j) == "(" {
			for e := j + 1; e < min(j+8, len(d.toks)); e++ {
				if d.tokText(e) == ")" {
					j, agency = e+1, true
					break
				}
			}
		}
		if isDash(d.tokText(j)) || agency && d.tokText(j) == ":" {
			drop = append(drop, starts...)
		}
	}
	if len(drop) == 0 {
		return
	}
	d.ents = slices.DeleteFunc(d.ents, func(e Match) bool {
		return e.Entry.Class.Has(ClassPlace|ClassCountry) && slices.Contains(drop, e.Start)
	})
}

func newOutletLexicon() *Lexicon {
	l := NewLexicon()
	for _, r := range outletRows {
		for _, n := range r.names {
			l.Add(n, Entry{Code: r.code})
		}
	}
	return l
}
