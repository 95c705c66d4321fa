package extract

import (
	"strconv"
	"strings"
	"time"

	"github.com/caravan-transport/caravan/jalali"
)

// gregorianMonths maps Gregorian month names (Iranian, Dari and English,
// normalized) to month numbers. ambiguousMonths are also ordinary words
// and count only next to a day or a year.
var gregorianMonths = map[string]int{
	"ژانویه": 1, "ژانویه ی": 1, "جنوری": 1, "january": 1, "jan": 1,
	"فوریه": 2, "فبروری": 2, "february": 2, "feb": 2,
	"مارس": 3, "مارچ": 3, "march": 3, "mar": 3,
	"آوریل": 4, "اپریل": 4, "آپریل": 4, "april": 4, "apr": 4,
	"مه": 5, "می": 5, "مئی": 5, "may": 5,
	"ژوئن": 6, "ژوین": 6, "جون": 6, "june": 6, "jun": 6,
	"ژوئیه": 7, "ژوییه": 7, "جولای": 7, "جولای ": 7, "july": 7, "jul": 7,
	"اوت": 8, "آگوست": 8, "آگست": 8, "اگست": 8, "اگوست": 8, "august": 8, "aug": 8,
	"سپتامبر": 9, "سپتمبر": 9, "september": 9, "sep": 9, "sept": 9,
	"اکتبر": 10, "اکتوبر": 10, "october": 10, "oct": 10,
	"نوامبر": 11, "نومبر": 11, "november": 11, "nov": 11,
	"دسامبر": 12, "دسمبر": 12, "december": 12, "dec": 12,
}

var ambiguousMonths = map[string]bool{"مه": true, "می": true, "may": true, "march": true, "mar": true, "jan": true,
	"feb": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

var ordinals = map[string]int{
	"اول": 1, "نخست": 1, "نخستین": 1, "ابتدای": 1, "ابتدایی": 1, "اولیه": 1, "دوم": 2, "سوم": 3, "چهارم": 4,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

var seasons = map[string]int{"بهار": 1, "تابستان": 2, "پاییز": 3, "زمستان": 4}

// relYear maps relative year words to an offset from the article's year.
var relYear = map[string]int{"امسال": 0, "پارسال": -1}

// relMonth maps the English words of "last month", "next month" to an
// offset from the article's month (Gregorian, as English months are).
var relMonth = map[string]int{"last": -1, "previous": -1, "next": 1, "this": 0}

// periodMatch is a period expression found at tokens [Start, End).
// Resolved is false for periods that cannot be pinned down («چند ماه
// اخیر», «امسال» without a known calendar or article date).
type periodMatch struct {
	Start, End int
	P          Period
	Resolved   bool
	// First and Last are the months of a partial year written without
	// its year ("the first nine months", «هشت ماه نخست»): unresolved,
	// the article's current period may give the year (see
	// doc.yearlessPeriod).
	First, Last int8
	// Fiscal counts First and Last from the start of a July–June fiscal
	// year written without its year ("the first four months of the
	// fiscal year").
	Fiscal bool
}

// periodScanner finds periods in a token sequence.
type periodScanner struct {
	norm string
	toks []Token
	ref  time.Time // the article date; zero when unknown
	cal  Calendar  // the calendar of relative years («امسال»), 0 when unknown
	// fyStart is the month Gregorian fiscal years open in (doc.fiscalStart);
	// zero is July.
	fyStart time.Month
}

// fiscalStart returns the month the scanner's fiscal years open in.
func (s *periodScanner) fiscalStart() time.Month { return fiscalOpen(s.fyStart) }

func (s *periodScanner) word(i int) string {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != TokWord {
		return ""
	}
	return s.norm[s.toks[i].Start:s.toks[i].End]
}

func (s *periodScanner) text(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.norm[s.toks[i].Start:s.toks[i].End]
}

// small returns the value of a plain integer token or number word at i.
func (s *periodScanner) small(i int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	t := s.text(i)
	if s.toks[i].Kind == TokNumber {
		if strings.ContainsAny(t, ".,/") || len(t) > 4 {
			return 0, false
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	if v, ok := numberWords[t]; ok {
		return int(v), true
	}
	return 0, false
}

// year reads a four-digit year at i with an optional era word after it.
// It returns the year, its calendar and the index after it.
func (s *periodScanner) year(i int) (int, Calendar, int, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != TokNumber {
		return 0, 0, 0, false
	}
	t := s.text(i)
	if len(t) != 4 {
		return 0, 0, 0, false
	}
	y, err := strconv.Atoi(t)
	if err != nil {
		return 0, 0, 0, false
	}
	end := i + 1
	cal := Calendar(0)
	switch {
	case y >= 1900 && y <= 2100:
		cal = Gregorian
	case y >= 1300 && y <= 1499:
		cal = SolarHijri
	default:
		return 0, 0, 0, false
	}
	switch s.word(end) {
	case "میلادی", "م":
		if cal != Gregorian {
			return 0, 0, 0, false
		}
		end++
	case "هجری":
		end++
		if w := s.word(end); w == "شمسی" || w == "خورشیدی" {
			end++
		}
	case "شمسی", "خورشیدی", "ش", "ه":
		if cal != SolarHijri {
			return 0, 0, 0, false
		}
		end++
	}
	return y, cal, end, true
}

// relativeYear reads «امسال», «سال جاری», «سال گذشته», "this year", "last
// year", "the current Iranian year" at i and returns the year offset, the
// index after it and the calendar the words name («سال گذشته میلادی»,
// "Iranian"), or 0.
func (s *periodScanner) relativeYear(i int) (int, int, Calendar, bool) {
	off, end, ok := s.relativeYearWords(i)
	if !ok {
		return 0, 0, 0, false
	}
	cal := Calendar(0)
	switch s.word(end) {
	case "میلادی":
		cal, end = Gregorian, end+1
	case "شمسی", "خورشیدی":
		cal, end = SolarHijri, end+1
	}
	if s.iranianYear(i, end) {
		cal = SolarHijri
	}
	return off, end, cal, true
}

func (s *periodScanner) relativeYearWords(i int) (int, int, bool) {
	w := s.word(i)
	if off, ok := relYear[w]; ok {
		return off, i + 1, true
	}
	switch w {
	case "سال":
		switch s.word(i + 1) {
		case "جاری", "کنونی", "حاضر":
			return 0, i + 2, true
		case "گذشته", "قبل", "پیش":
			return -1, i + 2, true
		}
	case "the", "this", "current", "last", "previous", "past":
		// [the] (current|this|last|previous|past) [Iranian|solar|Afghan]
		// [calendar|fiscal] year: "the past Iranian year", "last year".
		k := i
		if w == "the" {
			k++
		}
		if w == "the" && s.word(k) == "end" && s.word(k+1) == "of" && s.word(k+2) == "the" && s.word(k+3) == "year" &&
			(k+4 >= len(s.toks) || s.toks[k+4].Kind != TokNumber) {
			// "by the end of the year": this year, to its end.
			return 0, k + 4, true
		}
		if w == "the" && s.word(k) == "year" && yearClosers[s.word(i-1)] && (k+1 >= len(s.toks) || s.toks[k+1].Kind != TokNumber) {
			// "expects to close the year at about 10.6 million tonnes":
			// the whole of this year.
			return 0, k + 1, true
		}
		off := 0
		switch s.word(k) {
		case "current", "this":
		case "last", "previous", "past":
			off = -1
		default:
			return 0, 0, false
		}
		if w == "past" {
			return 0, 0, false // "past year" needs "the": "in the past year"
		}
		k++
		for solarYearWord(s.word(k)) {
			k++
		}
		if s.word(k) == "calendar" || s.word(k) == "fiscal" {
			k++
		}
		if s.word(k) == "year" {
			if k+1 < len(s.toks) && s.toks[k+1].Kind == TokNumber {
				return 0, 0, false // "the past Iranian calendar year 1403": the year is named
			}
			return off, k + 1, true
		}
	}
	return 0, 0, false
}

// yearClosers are the verbs before "the year" that name the whole of the
// current one: "to close the year at", "will end the year with".
var yearClosers = map[string]bool{"close": true, "end": true, "finish": true, "complete": true}

// solarYearWord reports whether w qualifies a year as one of the solar
// calendar: "Iranian", "solar", "Afghan".
func solarYearWord(w string) bool {
	return w == "iranian" || w == "solar" || w == "afghan"
}

// iranianYear reports whether the relative year [i, e) names the solar
// calendar: "Iranian", "solar", "Afghan".
func (s *periodScanner) iranianYear(i, e int) bool {
	for k := i; k < e; k++ {
		if solarYearWord(s.word(k)) {
			return true
		}
	}
	return false
}

// refYear returns the article's year in calendar cal.
func (s *periodScanner) refYear(cal Calendar) (int, bool) {
	if s.ref.IsZero() {
		return 0, false
	}
	switch cal {
	case Gregorian:
		return s.ref.Year(), true
	case SolarHijri:
		d, err := jalali.FromTime(s.ref)
		return d.Year, err == nil
	}
	return 0, false
}

// yearOrRelative reads a year or a relative year at i (optionally after
// «سال» or "of the year"). want restricts the calendar (0: any).
func (s *periodScanner) yearOrRelative(i int, want Calendar) (y int, cal Calendar, end int, rel, ok bool) {
	j := i
	if s.word(j) == "سال" {
		if y, c, e, ok := s.year(j + 1); ok && (want == 0 || c == want) {
			return y, c, e, false, true
		}
	}
	if w := s.word(j); w == "of" || w == "in" {
		j++
		if s.word(j) == "the" && s.word(j+1) == "year" {
			j += 2
		}
	}
	if s.word(j) == "sh" && j+1 < len(s.toks) && s.toks[j+1].Glued {
		// "the first ten months of SH1404": the Solar Hijri year.
		if y, c, e, ok := s.year(j + 1); ok && c == SolarHijri && (want == 0 || c == want) {
			return y, c, e, false, true
		}
	}
	if y, c, e, ok := s.year(j); ok && (want == 0 || c == want) {
		return y, c, e, false, true
	}
	if off, e, named, ok := s.relativeYear(j); ok {
		c := s.cal
		if want != 0 {
			c = want
		}
		if named != 0 {
			c = named
		}
		if y, ok := s.refYear(c); ok {
			return y + off, c, e, true, true
		}
		return 0, 0, e, true, false
	}
	return 0, 0, i, false, false
}

func (s *periodScanner) gregMonth(i int) (int, bool) {
	m, ok := gregorianMonths[s.word(i)]
	return m, ok
}

func (s *periodScanner) shMonth(i int) (int, bool) {
	w := s.word(i)
	if w == "" {
		return 0, false
	}
	if m, ok := shMonthNames[w]; ok {
		return m, true
	}
	if w[0] < 128 {
		// Latin transliterations ("Farvardin", "Hamal").
		m, _, ok := jalali.Month(w)
		return m, ok
	}
	return 0, false
}

// shMonthNames maps the Iranian and Afghan month names, normalized, to
// their numbers. It is built once and only read.
var shMonthNames = func() map[string]int {
	m := map[string]int{"امرداد": 5}
	for k := 1; k <= 12; k++ {
		ir := Normalize(jalali.MonthName(k, jalali.Iranian)).Norm
		m[ir] = k
		m[ir+"ماه"] = k // «مهرماه», «آبانماه»
		af := Normalize(jalali.MonthName(k, jalali.Afghan)).Norm
		m[af] = k
		if strings.HasSuffix(af, "ا") {
			m[af+"ی"] = k // the ezafe: «در جوزای ۱۴۰۳»
		}
	}
	return m
}()

// periodStarts are the words a period expression can begin with (besides
// numbers and month names); other words are skipped at once.
var periodStarts = map[string]bool{
	"سال": true, "ماه": true, "نیمه": true, "نیم": true, "فصل": true, "ربع": true, "چند": true, "طی": true, "بهار": true, "تابستان": true,
	"پاییز": true, "زمستان": true, "از": true, "بین": true, "امسال": true, "پارسال": true, "سالهای": true, "اول": true,
	"the": true, "h": true, "q": true, "first": true, "from": true, "between": true, "fy": true, "fiscal": true,
	"financial": true, "this": true, "current": true, "last": true, "previous": true, "month": true, "next": true,
}

// mayStartPeriod reports whether a period expression can start at token i.
func (s *periodScanner) mayStartPeriod(i int) bool {
	if i >= len(s.toks) {
		return false
	}
	if s.toks[i].Kind == TokNumber {
		return true
	}
	w := s.word(i)
	if w == "" {
		return false
	}
	if periodStartWords[w] {
		return true
	}
	if w[0] < 128 {
		_, _, ok := jalali.Month(w) // "Hamal", "Farvardin"
		return ok
	}
	return false
}

// periodStartWords joins periodStarts, number words and month names.
var periodStartWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range periodStarts {
		m[w] = true
	}
	for w, v := range numberWords {
		if v >= 1 && v <= 12 && w[0] >= 128 {
			m[w+"ماهه"] = true // «هشت‌ماهه», one word once the joiner is folded (see partial)
		}
		if v > 0 {
			m[w] = true
		}
	}
	for w := range gregorianMonths {
		m[w] = true
	}
	for w := range shMonthNames {
		m[w] = true
	}
	return m
}()

// scan returns the periods of tokens [a, b), leftmost-longest.
func (s *periodScanner) scan(a, b int) []periodMatch {
	var out []periodMatch
	for i := a; i < b; {
		m, ok := s.at(i)
		if ok && m.End <= b {
			out = append(out, m)
			i = m.End
			continue
		}
		i++
	}
	return out
}

// at tries every period pattern at token i and returns the longest match.
func (s *periodScanner) at(i int) (periodMatch, bool) {
	if !s.mayStartPeriod(i) {
		return periodMatch{}, false
	}
	best := periodMatch{End: -1}
	for _, f := range []func(int) (periodMatch, bool){s.monthsEnding, s.partial, s.partialEnglish, s.monthRange, s.yearStartTo, s.date, s.monthYear, s.fiscal, s.splitYear, s.yearRange, s.bareYear, s.relative, s.relativeMonth} {
		if m, ok := f(i); ok && m.End > best.End {
			best = m
		}
	}
	return best, best.End > i
}

func (s *periodScanner) resolved(start, end int, p Period, rel bool) periodMatch {
	p.Relative = rel
	return periodMatch{Start: start, End: end, P: p, Resolved: true}
}
