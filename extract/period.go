package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/jalali"
)

// Calendar says in which calendar a period was written.
type Calendar uint8

// The calendars.
const (
	Gregorian  Calendar = iota + 1
	SolarHijri          // the Iranian and Afghan solar calendar
)

// Period is a span of days read from a text: a year, some months, a day.
// Start and End are UTC midnight and inclusive.
type Period struct {
	Start, End time.Time
	Calendar   Calendar
	Day        bool // a single day (an event date)
	Relative   bool // resolved from the article's date («امروز», "last year")
	// Label is the period in the gold schema: "2025", "2025-01..2025-08",
	// "2025-08-26", "SH1400 = 2021-03-21..2022-03-20",
	// "SH1404-06 = 2025-08-23..2025-09-22".
	Label string
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func gregYear(y int) Period {
	return Period{Start: day(y, 1, 1), End: day(y, 12, 31), Calendar: Gregorian, Label: strconv.Itoa(y)}
}

func gregYears(y1, y2 int) Period {
	if y1 == y2 {
		return gregYear(y1)
	}
	return Period{Start: day(y1, 1, 1), End: day(y2, 12, 31), Calendar: Gregorian, Label: fmt.Sprintf("%d..%d", y1, y2)}
}

// gregMonths spans y1-m1 to y2-m2 inclusive.
func gregMonths(y1, m1, y2, m2 int) Period {
	p := Period{Start: day(y1, time.Month(m1), 1), End: day(y2, time.Month(m2)+1, 0), Calendar: Gregorian}
	if y1 == y2 && m1 == m2 {
		p.Label = fmt.Sprintf("%04d-%02d", y1, m1)
	} else {
		p.Label = fmt.Sprintf("%04d-%02d..%04d-%02d", y1, m1, y2, m2)
	}
	return p
}

func gregDay(y, m, d int) (Period, bool) {
	t := day(y, time.Month(m), d)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return Period{}, false
	}
	return Period{Start: t, End: t, Calendar: Gregorian, Day: true, Label: t.Format(time.DateOnly)}, true
}

// shMonths spans months m1..m2 of Solar Hijri year y.
func shMonths(y, m1, m2 int) (Period, bool) {
	s, err := jalali.MonthsSpan(y, m1, m2)
	if err != nil {
		return Period{}, false
	}
	p := Period{Start: s.Start, End: s.End, Calendar: SolarHijri}
	switch {
	case m1 == 1 && m2 == 12:
		p.Label = fmt.Sprintf("SH%d = %s", y, s)
	case m1 == m2:
		p.Label = fmt.Sprintf("SH%d-%02d = %s", y, m1, s)
	default:
		p.Label = fmt.Sprintf("SH%d-%02d..SH%d-%02d = %s", y, m1, y, m2, s)
	}
	return p, true
}

func shDay(y, m, d int) (Period, bool) {
	t, err := jalali.Date{Year: y, Month: m, Day: d}.Time()
	if err != nil {
		return Period{}, false
	}
	return Period{Start: t, End: t, Calendar: SolarHijri, Day: true, Label: t.Format(time.DateOnly)}, true
}

// fiscalJulyJune is the fiscal year ending in June of year end (Pakistan:
// "FY2021-22" and "FY22" are July 2021 to June 2022).
func fiscalJulyJune(end int) Period {
	return gregMonths(end-1, 7, end, 6)
}

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

// periodMatch is a period expression found at tokens [Start, End).
// Resolved is false for periods that cannot be pinned down («چند ماه
// اخیر», «امسال» without a known calendar or article date).
type periodMatch struct {
	Start, End int
	P          Period
	Resolved   bool
}

// periodScanner finds periods in a token sequence.
type periodScanner struct {
	norm string
	toks []Token
	ref  time.Time // the article date; zero when unknown
	cal  Calendar  // the calendar of relative years («امسال»), 0 when unknown
}

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
// year" at i and returns the year offset and the index after it.
func (s *periodScanner) relativeYear(i int) (int, int, bool) {
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
			if s.word(i+2) == "میلادی" || s.word(i+2) == "شمسی" {
				return -1, i + 3, true
			}
			return -1, i + 2, true
		}
	case "this", "current":
		if s.word(i+1) == "year" {
			return 0, i + 2, true
		}
	case "the":
		if (s.word(i+1) == "current" || s.word(i+1) == "this") && s.word(i+2) == "year" {
			return 0, i + 3, true
		}
		if (s.word(i+1) == "current" || s.word(i+1) == "this") && s.word(i+2) == "iranian" {
			// "the current Iranian (calendar) year": counted by the caller as Solar Hijri.
			k := i + 3
			if s.word(k) == "calendar" || s.word(k) == "fiscal" {
				k++
			}
			if s.word(k) == "year" {
				return 0, k + 1, true
			}
		}
		if (s.word(i+1) == "previous" || s.word(i+1) == "past") && s.word(i+2) == "year" {
			return -1, i + 3, true
		}
	case "last", "previous":
		if s.word(i+1) == "year" {
			return -1, i + 2, true
		}
	}
	return 0, 0, false
}

// iranianYear reports whether the relative year [i, e) says "Iranian".
func (s *periodScanner) iranianYear(i, e int) bool {
	for k := i; k < e; k++ {
		if s.word(k) == "iranian" {
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
	if y, c, e, ok := s.year(j); ok && (want == 0 || c == want) {
		return y, c, e, false, true
	}
	if off, e, ok := s.relativeYear(j); ok {
		c := s.cal
		if want != 0 {
			c = want
		}
		if s.iranianYear(j, e) {
			c = SolarHijri
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
		m[Normalize(jalali.MonthName(k, jalali.Iranian)).Norm] = k
		m[Normalize(jalali.MonthName(k, jalali.Afghan)).Norm] = k
	}
	return m
}()

// periodStarts are the words a period expression can begin with (besides
// numbers and month names); other words are skipped at once.
var periodStarts = map[string]bool{
	"سال": true, "ماه": true, "نیمه": true, "نیم": true, "فصل": true, "چند": true, "طی": true, "بهار": true, "تابستان": true,
	"پاییز": true, "زمستان": true, "از": true, "بین": true, "امسال": true, "پارسال": true, "سالهای": true,
	"the": true, "h": true, "q": true, "first": true, "from": true, "between": true, "fy": true, "fiscal": true,
	"financial": true, "this": true, "current": true, "last": true, "previous": true,
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
	for _, f := range []func(int) (periodMatch, bool){s.partial, s.partialEnglish, s.monthRange, s.date, s.monthYear, s.fiscal, s.yearRange, s.bareYear, s.relative} {
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

// partial reads Persian partial years: «هشت ماه اول سال ۲۰۲۵», «شش ماهه
// نخست ۱۴۰۳», «سه ماهه دوم», «نیمه نخست سال جاری», «فصل بهار ۱۴۰۲»,
// «چند ماه اخیر».
func (s *periodScanner) partial(i int) (periodMatch, bool) {
	n, first, j := 0, 0, i
	switch w := s.word(i); {
	case w == "نیمه" || w == "نیم" && s.word(i+1) == "سال":
		n, j = 6, i+1
		if s.word(j) == "سال" {
			j++
		}
	case w == "فصل" || w == "سه" && s.word(i+1) == "ماهه":
		n, j = 3, i+1
		if w == "سه" {
			j = i + 2
		}
	case seasons[w] > 0:
		first = (seasons[w]-1)*3 + 1
		n, j = 3, i+1
	case w == "چند" || w == "طی" && s.word(i+1) == "چند":
		// «چند ماه اخیر/گذشته»: a period without bounds.
		k := i + 1
		if w == "طی" {
			k++
		}
		if mw := s.word(k); mw == "ماه" || mw == "سال" || mw == "هفته" {
			if x := s.word(k + 1); x == "اخیر" || x == "گذشته" {
				return periodMatch{Start: i, End: k + 2}, true
			}
		}
		return periodMatch{}, false
	default:
		v, ok := s.small(i)
		if !ok || v < 1 || v > 12 {
			return periodMatch{}, false
		}
		mw := s.word(i + 1)
		if mw != "ماه" && mw != "ماهه" {
			return periodMatch{}, false
		}
		n, j = v, i+2
		if x := s.word(j); x == "اخیر" || x == "گذشته" {
			return periodMatch{Start: i, End: j + 1}, true
		}
	}
	if first == 0 {
		k := 1
		if o, ok := ordinals[s.word(j)]; ok {
			k = o
			j++
		} else if s.word(i) == "نیمه" || s.word(i) == "فصل" {
			return periodMatch{}, false
		}
		first = (k-1)*n + 1
	}
	last := first + n - 1
	if last > 12 || first < 1 {
		return periodMatch{}, false
	}
	y, cal, end, rel, ok := s.yearOrRelative(j, 0)
	if !ok {
		if end > j {
			return periodMatch{Start: i, End: end}, true
		}
		return periodMatch{Start: i, End: j}, true
	}
	if seasons[s.word(i)] > 0 && cal != SolarHijri {
		return periodMatch{}, false
	}
	if cal == SolarHijri {
		p, ok := shMonths(y, first, last)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, end, p, rel), true
	}
	return s.resolved(i, end, gregMonths(y, first, y, last), rel), true
}

// partialEnglish reads "the first eight months of 2025", "first half of
// 2024", "H1 2024", "Q3 2023", "the third quarter of 2023", "9M24".
func (s *periodScanner) partialEnglish(i int) (periodMatch, bool) {
	j := i
	if s.word(j) == "the" {
		j++
	}
	if j >= len(s.toks) {
		return periodMatch{}, false
	}
	first, last := 0, 0
	w := s.word(j)
	switch {
	case (w == "h" || w == "q") && j+1 < len(s.toks) && s.toks[j+1].Glued && (s.text(j+1) == "1" || s.text(j+1) == "2" || w == "q" && (s.text(j+1) == "3" || s.text(j+1) == "4")):
		// "H1 2024", "Q3 2023"
		k := int(s.text(j + 1)[0] - '0')
		if w == "h" {
			first, last = (k-1)*6+1, k*6
		} else {
			first, last = (k-1)*3+1, k*3
		}
		j += 2
	case ordinals[w] > 0 && (s.word(j+1) == "half" || s.word(j+1) == "quarter"):
		k := ordinals[w]
		if s.word(j+1) == "half" {
			if k > 2 {
				return periodMatch{}, false
			}
			first, last = (k-1)*6+1, k*6
		} else {
			if k > 4 {
				return periodMatch{}, false
			}
			first, last = (k-1)*3+1, k*3
		}
		j += 2
	case w == "first" || w == "nine" || w == "six" || w == "three" || w == "eight":
		k := j
		if w == "first" {
			k++
		}
		v, ok := s.small(k)
		if !ok || v < 1 || v > 12 || (s.word(k+1) != "months" && s.word(k+1) != "month") {
			return periodMatch{}, false
		}
		first, last = 1, v
		j = k + 2
	default:
		// "1H 2024": a number glued to "h".
		if s.toks[j].Kind == TokNumber && (s.text(j) == "1" || s.text(j) == "2") && s.word(j+1) == "h" && s.toks[j+1].Glued {
			k := int(s.text(j)[0] - '0')
			first, last, j = (k-1)*6+1, k*6, j+2
			break
		}
		// "9M24", "9M 2024": a number glued to "m".
		if s.toks[j].Kind == TokNumber && j+1 < len(s.toks) && s.word(j+1) == "m" && s.toks[j+1].Glued {
			v, ok := s.small(j)
			if !ok || v < 1 || v > 12 {
				return periodMatch{}, false
			}
			k := j + 2
			if k < len(s.toks) && s.toks[k].Kind == TokNumber {
				t := s.text(k)
				if len(t) == 2 && s.toks[k].Glued {
					y, _ := strconv.Atoi(t)
					return s.resolved(i, k+1, gregMonths(2000+y, 1, 2000+y, v), false), true
				}
			}
			first, last, j = 1, v, k
		} else {
			return periodMatch{}, false
		}
	}
	if s.word(j) == "of" {
		j++
	}
	if s.word(j) == "fiscal" || s.word(j) == "fy" {
		return periodMatch{}, false
	}
	y, cal, end, rel, ok := s.yearOrRelative(j, 0)
	if !ok {
		if end > j {
			return periodMatch{Start: i, End: end}, true
		}
		return periodMatch{}, false
	}
	if cal == SolarHijri {
		p, ok := shMonths(y, first, last)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, end, p, rel), true
	}
	return s.resolved(i, end, gregMonths(y, first, y, last), rel), true
}

// monthRange reads "January–August 2025", «ژانویه تا اوت ۲۰۲۵», «از حمل
// تا سرطان ۱۴۰۴», "between March and June 2024", "March 2024–March 2025".
func (s *periodScanner) monthRange(i int) (periodMatch, bool) {
	j := i
	if w := s.word(j); w == "از" || w == "from" || w == "between" || w == "بین" {
		j++
	}
	cal := Gregorian
	m1, ok := s.gregMonth(j)
	if !ok {
		if m1, ok = s.shMonth(j); !ok {
			return periodMatch{}, false
		}
		cal = SolarHijri
	}
	j++
	y1, _, e1, ok1 := s.year(j)
	if ok1 {
		j = e1
	}
	switch s.text(j) {
	case "تا", "الی", "-", "to", "through", "until", "and", "و", "till":
		j++
	default:
		return periodMatch{}, false
	}
	var m2 int
	if cal == Gregorian {
		m2, ok = s.gregMonth(j)
	} else {
		m2, ok = s.shMonth(j)
	}
	if !ok {
		return periodMatch{}, false
	}
	j++
	if s.text(j) == "," {
		j++
	}
	y2, c2, end, rel, ok := s.yearOrRelative(j, cal)
	if !ok || c2 != cal {
		if !ok1 {
			return periodMatch{}, false
		}
		y2, end, rel = y1, j, false
	}
	if !ok1 {
		y1 = y2
		if m1 > m2 {
			y1--
		}
	}
	if cal == SolarHijri {
		if y1 != y2 || m1 > m2 {
			return periodMatch{}, false
		}
		p, ok := shMonths(y1, m1, m2)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, end, p, rel), true
	}
	if y2 < y1 || y2 == y1 && m2 < m1 || y2-y1 > 5 {
		return periodMatch{}, false
	}
	if m1 == 3 && m2 == 3 && y2 == y1+1 {
		// "March 2024–March 2025" is how English reports write a Solar Hijri year.
		if p, ok := shMonths(y1-621, 1, 12); ok {
			return s.resolved(i, end, p, rel), true
		}
	}
	return s.resolved(i, end, gregMonths(y1, m1, y2, m2), rel), true
}

// date reads «۲۶ آگست ۲۰۲۵», «۹ دلو ۱۴۰۴», "March 3, 2025", "3 March
// 2025", "2025-08-26", «۱۴۰۴/۰۶/۱۵». Without a year the article's year
// is used when the month is Gregorian or Solar Hijri and the article has a
// date.
func (s *periodScanner) date(i int) (periodMatch, bool) {
	if i < len(s.toks) && s.toks[i].Kind == TokNumber {
		t := s.text(i)
		// 1404/06/15 or 2025/08/26 in one token.
		if parts := strings.Split(t, "/"); len(parts) == 3 && len(parts[0]) == 4 {
			y, _ := strconv.Atoi(parts[0])
			m, _ := strconv.Atoi(parts[1])
			d, _ := strconv.Atoi(parts[2])
			if p, ok := s.dayOf(y, m, d); ok {
				return s.resolved(i, i+1, p, false), true
			}
		}
		// 2025-08-26
		if len(t) == 4 && s.text(i+1) == "-" && s.text(i+3) == "-" && i+4 < len(s.toks) && s.toks[i+2].Kind == TokNumber && s.toks[i+4].Kind == TokNumber {
			y, _ := strconv.Atoi(t)
			m, _ := strconv.Atoi(s.text(i + 2))
			d, _ := strconv.Atoi(s.text(i + 4))
			if p, ok := s.dayOf(y, m, d); ok {
				return s.resolved(i, i+5, p, false), true
			}
		}
		d, ok := s.small(i)
		if !ok || d < 1 || d > 31 {
			return periodMatch{}, false
		}
		j := i + 1
		if s.word(j) == "of" {
			j++
		}
		cal := Gregorian
		m, ok := s.gregMonth(j)
		if !ok {
			if m, ok = s.shMonth(j); !ok {
				return periodMatch{}, false
			}
			cal = SolarHijri
		}
		return s.dayMonthYear(i, j+1, cal, m, d)
	}
	// "March 3, 2025"
	m, ok := s.gregMonth(i)
	if !ok {
		return periodMatch{}, false
	}
	d, ok := s.small(i + 1)
	if !ok || d < 1 || d > 31 || len(s.text(i+1)) > 2 {
		return periodMatch{}, false
	}
	j := i + 2
	if s.text(j) == "," {
		j++
	}
	return s.dayMonthYear(i, j, Gregorian, m, d)
}

func (s *periodScanner) dayMonthYear(i, j int, cal Calendar, m, d int) (periodMatch, bool) {
	if s.word(j) == "سال" {
		j++
	}
	if y, c, end, ok := s.year(j); ok {
		if c != cal {
			return periodMatch{}, false
		}
		p, ok := s.dayOf(y, m, d)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, end, p, false), true
	}
	// No year: the article's.
	y, ok := s.refYear(cal)
	if !ok {
		return periodMatch{Start: i, End: j}, true
	}
	p, ok := s.dayOf(y, m, d)
	if !ok {
		return periodMatch{}, false
	}
	if p.Start.After(s.ref) {
		// A date after the article's date with no year: the year before
		// when the text reports a past event. Leave it unresolved.
		return periodMatch{Start: i, End: j}, true
	}
	return s.resolved(i, j, p, true), true
}

func (s *periodScanner) dayOf(y, m, d int) (Period, bool) {
	switch {
	case y >= 1900 && y <= 2100:
		return gregDay(y, m, d)
	case y >= 1300 && y <= 1499:
		return shDay(y, m, d)
	}
	return Period{}, false
}

// monthYear reads «مارچ ۲۰۲۵», «ماه حمل سال ۱۴۰۴», «فروردین امسال», "in
// March 2025", "March of last year".
func (s *periodScanner) monthYear(i int) (periodMatch, bool) {
	j := i
	if s.word(j) == "ماه" {
		j++
	}
	cal := Gregorian
	m, ok := s.gregMonth(j)
	if !ok {
		if m, ok = s.shMonth(j); !ok {
			return periodMatch{}, false
		}
		cal = SolarHijri
	}
	j++
	if s.text(j) == "," {
		j++
	}
	y, c, end, rel, ok := s.yearOrRelative(j, cal)
	if !ok {
		if end > j && (s.word(i) == "ماه" || !ambiguousMonths[s.word(i)]) {
			return periodMatch{Start: i, End: end}, true
		}
		return periodMatch{}, false
	}
	if c != cal {
		return periodMatch{}, false
	}
	if cal == SolarHijri {
		p, ok := shMonths(y, m, m)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, end, p, rel), true
	}
	return s.resolved(i, end, gregMonths(y, m, y, m), rel), true
}

// fiscal reads "FY2021-22", "FY22", "fiscal year 2022-23", "FY 2021/22",
// «سال مالی ۱۴۰۲», «سال مالی ۲۰۲۲-۲۳». Gregorian fiscal years run July to
// June (Pakistan); Solar Hijri fiscal years are the Solar Hijri year.
func (s *periodScanner) fiscal(i int) (periodMatch, bool) {
	j := i
	switch w := s.word(i); {
	case w == "fy":
		j++
	case (w == "fiscal" || w == "financial") && s.word(i+1) == "year":
		j += 2
	case w == "سال" && s.word(i+1) == "مالی":
		j += 2
	default:
		return periodMatch{}, false
	}
	if j >= len(s.toks) || s.toks[j].Kind != TokNumber {
		return periodMatch{}, false
	}
	t := s.text(j)
	if parts := strings.Split(t, "/"); len(parts) == 2 {
		// "2021/22"
		y1, e1 := strconv.Atoi(parts[0])
		y2, e2 := strconv.Atoi(parts[1])
		if e1 != nil || e2 != nil || len(parts[0]) != 4 || len(parts[1]) != 2 || (y1+1)%100 != y2 {
			return periodMatch{}, false
		}
		return s.resolved(i, j+1, fiscalJulyJune(y1+1), false), true
	}
	y, err := strconv.Atoi(t)
	if err != nil {
		return periodMatch{}, false
	}
	switch len(t) {
	case 2:
		return s.resolved(i, j+1, fiscalJulyJune(2000+y), false), true
	case 4:
	default:
		return periodMatch{}, false
	}
	if y >= 1300 && y <= 1499 {
		p, ok := shMonths(y, 1, 12)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, j+1, p, false), true
	}
	if y < 1900 || y > 2100 {
		return periodMatch{}, false
	}
	if s.text(j+1) == "-" && j+2 < len(s.toks) && s.toks[j+2].Kind == TokNumber {
		t2 := s.text(j + 2)
		y2, _ := strconv.Atoi(t2)
		if len(t2) == 2 && (y+1)%100 == y2 || len(t2) == 4 && y2 == y+1 {
			return s.resolved(i, j+3, fiscalJulyJune(y+1), false), true
		}
	}
	return s.resolved(i, j+1, fiscalJulyJune(y), false), true
}

// yearRange reads "2021-2023", «۱۳۹۹ تا ۱۴۰۱», "from 2020 to 2024".
func (s *periodScanner) yearRange(i int) (periodMatch, bool) {
	j := i
	if w := s.word(j); w == "از" || w == "from" || w == "between" || w == "سال" || w == "سالهای" {
		j++
	}
	y1, c1, e1, ok := s.year(j)
	if !ok {
		return periodMatch{}, false
	}
	switch s.text(e1) {
	case "-", "تا", "to", "and", "الی":
	default:
		return periodMatch{}, false
	}
	y2, c2, end, ok := s.year(e1 + 1)
	if !ok || c1 != c2 || y2 <= y1 || y2-y1 > 30 {
		return periodMatch{}, false
	}
	if c1 == SolarHijri {
		a, _ := jalali.YearSpan(y1)
		b, _ := jalali.YearSpan(y2)
		p := Period{Start: a.Start, End: b.End, Calendar: SolarHijri,
			Label: fmt.Sprintf("SH%d..SH%d = %s..%s", y1, y2, a.Start.Format(time.DateOnly), b.End.Format(time.DateOnly))}
		return s.resolved(i, end, p, false), true
	}
	return s.resolved(i, end, gregYears(y1, y2), false), true
}

// bareYear reads a year: «سال ۱۴۰۰», «۲۰۲۵ میلادی», "in 2025".
func (s *periodScanner) bareYear(i int) (periodMatch, bool) {
	j := i
	if s.word(j) == "سال" {
		j++
	}
	y, cal, end, ok := s.year(j)
	if !ok {
		return periodMatch{}, false
	}
	if cal == SolarHijri {
		p, ok := shMonths(y, 1, 12)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, end, p, false), true
	}
	return s.resolved(i, end, gregYear(y), false), true
}

// relative reads «امسال», «سال گذشته», "this year", "last year": resolved
// only when the calendar is known and the article has a date.
func (s *periodScanner) relative(i int) (periodMatch, bool) {
	off, end, ok := s.relativeYear(i)
	if !ok {
		return periodMatch{}, false
	}
	cal := s.cal
	if s.iranianYear(i, end) {
		cal = SolarHijri
	}
	y, ok := s.refYear(cal)
	if !ok {
		return periodMatch{Start: i, End: end}, true
	}
	y += off
	if cal == SolarHijri {
		p, ok := shMonths(y, 1, 12)
		if !ok {
			return periodMatch{Start: i, End: end}, true
		}
		return s.resolved(i, end, p, true), true
	}
	return s.resolved(i, end, gregYear(y), true), true
}

// ParsePeriod parses s, which must hold one period expression: a year
// (Gregorian or Solar Hijri), months, a partial year, a fiscal year, a date
// or a relative year, in Persian, Dari or English. ref is the article's
// date, used for relative expressions (zero when unknown); cal is the
// calendar relative years count in (0 when unknown). It returns an error of
// kind caravan.Invalid when s is not a period or cannot be resolved.
func ParsePeriod(s string, ref time.Time, cal Calendar) (Period, error) {
	t := Normalize(s)
	toks := Tokenize(t.Norm)
	ps := &periodScanner{norm: t.Norm, toks: toks, ref: ref, cal: cal}
	if len(toks) == 0 {
		return Period{}, caravan.Errorf(caravan.Invalid, "extract.ParsePeriod", "no period in %q", s)
	}
	m, ok := ps.at(0)
	if !ok || m.End != len(toks) {
		return Period{}, caravan.Errorf(caravan.Invalid, "extract.ParsePeriod", "%q is not a period", s)
	}
	if !m.Resolved {
		return Period{}, caravan.Errorf(caravan.Invalid, "extract.ParsePeriod", "%q has no definite bounds", s)
	}
	return m.P, nil
}

// ParseLabel parses a period label of the gold schema ("2025",
// "2025-01..2025-08", "2025-08-26", "SH1400 = 2021-03-21..2022-03-20",
// "2021..2022") into its span of days.
func ParseLabel(label string) (start, end time.Time, err error) {
	l := strings.TrimSpace(label)
	if k := strings.LastIndex(l, "="); k >= 0 {
		l = strings.TrimSpace(l[k+1:])
	}
	a, b, found := strings.Cut(l, "..")
	if !found {
		b = a
	}
	s1, _, err1 := labelBound(strings.TrimSpace(a))
	_, e2, err2 := labelBound(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || e2.Before(s1) {
		return time.Time{}, time.Time{}, caravan.Errorf(caravan.Invalid, "extract.ParseLabel", "bad period label %q", label)
	}
	return s1, e2, nil
}

// labelBound parses "2025", "2025-08" or "2025-08-26" to its first and last day.
func labelBound(s string) (time.Time, time.Time, error) {
	switch len(s) {
	case 4:
		y, err := strconv.Atoi(s)
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		return day(y, 1, 1), day(y, 12, 31), nil
	case 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		return t, t.AddDate(0, 1, -1), nil
	case 10:
		t, err := time.Parse(time.DateOnly, s)
		return t, t, err
	}
	return time.Time{}, time.Time{}, fmt.Errorf("bad bound %q", s)
}
