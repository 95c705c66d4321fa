package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/caravan-transport/caravan/jalali"
)

// The period patterns tried by periodScanner.at.

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
	case w == "فصل" && (s.word(i-1) == "این" || s.word(i+1) == "جاری" || s.word(i+1) == "کنونی"):
		// «این فصل», «فصل جاری»: a season whose bounds the text leaves
		// unsaid ("this season").
		if s.word(i-1) == "این" {
			return periodMatch{Start: i, End: i + 1}, true
		}
		return periodMatch{Start: i, End: i + 2}, true
	case w == "فصل" || w == "ربع" || w == "سه" && s.word(i+1) == "ماهه":
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
	case monthsWord(w) > 0:
		// «صادرات هشت‌ماهه», the eight-month span written as one word (the
		// joiner folded away).
		n, j = monthsWord(w), i+1
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
		} else if s.word(i) == "نیمه" || s.word(i) == "فصل" || s.word(i) == "ربع" {
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
		return periodMatch{Start: i, End: j, First: int8(first), Last: int8(last)}, true
	}
	if seasons[s.word(i)] > 0 && cal != SolarHijri {
		return periodMatch{}, false
	}
	return s.months(i, end, y, first, last, cal, rel)
}

// monthsWord returns N of a word «N‌ماهه» (N from one to twelve, the
// joiner folded away: «هشتماهه»), 0 for any other word.
func monthsWord(w string) int {
	n, ok := strings.CutSuffix(w, "ماهه")
	if !ok {
		return 0
	}
	if v := numberWordValue(n); v >= 1 && v <= 12 {
		return int(v)
	}
	return 0
}

// partialEnglish reads "the first eight months of 2025", "first half of
// 2024", "H1 2024", "Q3 2023", "the third quarter of 2023", "9M24".
func (s *periodScanner) partialEnglish(i int) (periodMatch, bool) {
	if (s.word(i) == "this" || s.word(i) == "current") && s.word(i+1) == "season" {
		// "carried through Kulma this season": a season of a crossing's
		// or a harvest's, its bounds unsaid (as «این فصل», partial).
		return periodMatch{Start: i, End: i + 2}, true
	}
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
	if s.text(j) == "(" {
		// "the first quarter (July-September) of FY2026-27": the months
		// spelled out in parentheses.
		for k := j + 1; k < min(len(s.toks), j+6); k++ {
			if s.text(k) == ")" {
				j = k + 1
				break
			}
		}
	}
	if s.word(j) == "of" {
		j++
		if k := s.calendarYearWords(j); k > j {
			j = k // "of the current Iranian calendar year 1405", "of the Afghan solar year 1404"
		}
		if s.word(j) == "the" && (s.word(j+1) == "current" || s.word(j+1) == "present") && fiscalOpeners[s.word(j+2)] {
			j += 2 // "of the current fiscal year 2026-27"
		} else if s.word(j) == "the" && fiscalOpeners[s.word(j+1)] {
			if _, ok := s.fiscal(j + 1); ok {
				j++ // "of the fiscal year 2026-27"
			} else if s.word(j+2) == "year" {
				// "the first four months of the fiscal year": months of a
				// fiscal year the text gave before (doc.yearlessPeriod).
				return periodMatch{Start: i, End: j + 3, First: int8(first), Last: int8(last), Fiscal: true}, true
			}
		}
	}
	if fiscalOpeners[s.word(j)] {
		// "the first quarter of FY26", "the first half of fiscal year
		// 2024-25": the months counted from the fiscal year's start.
		fm, ok := s.fiscal(j)
		if !ok || !fm.Resolved || fm.P.Calendar != Gregorian || fm.P.Start.Month() != s.fiscalStart() {
			return periodMatch{}, false
		}
		y, m := fm.P.Start.Year(), int(fm.P.Start.Month())
		y1, m1 := y+(m+first-2)/12, (m+first-2)%12+1
		y2, m2 := y+(m+last-2)/12, (m+last-2)%12+1
		return s.resolved(i, fm.End, gregMonths(y1, m1, y2, m2), false), true
	}
	y, cal, end, rel, ok := s.yearOrRelative(j, 0)
	if !ok {
		if end > j {
			return periodMatch{Start: i, End: end}, true
		}
		// "in the first nine months" with no year: a period the text
		// states and leaves open, as «در نه ماه نخست» is (partial).
		return periodMatch{Start: i, End: j, First: int8(first), Last: int8(last)}, true
	}
	return s.months(i, end, y, first, last, cal, rel)
}

// monthRange reads "January–August 2025", «ژانویه تا اوت ۲۰۲۵», «از حمل
// تا سرطان ۱۴۰۴», "between March and June 2024", "March 2024–March 2025".
func (s *periodScanner) monthRange(i int) (periodMatch, bool) {
	j := i
	if w := s.word(j); w == "از" || w == "from" || w == "between" || w == "بین" {
		j++
		// «از آغاز ماه حمل تا ختم ماه سرطان», "from the beginning of
		// January to the end of June".
		j = s.skipMonthFillers(j, rangeStartFillers)
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
	j = s.skipMonthFillers(j, rangeEndFillers)
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
	if s.word(j) == "سال" && s.toks[min(j+1, len(s.toks)-1)].Kind == TokNumber {
		j++
	}
	if cal == Gregorian && !ok1 {
		// "July-March FY25": months of a July–June fiscal year, also
		// "July-October of the current fiscal year 2026-27".
		k := j
		if s.word(k) == "of" {
			k++
			if s.word(k) == "the" {
				k++
			}
			if s.word(k) == "current" || s.word(k) == "present" {
				k++
			}
			if !fiscalOpeners[s.word(k)] {
				k = j
			}
		}
		if fm, ok := s.fiscal(k); ok && fm.Resolved && fm.P.Calendar == Gregorian && fm.P.Start.Month() == s.fiscalStart() {
			fy, open := fm.P.Start.Year(), int(s.fiscalStart())
			ya, yb := fy, fy
			if m1 < open {
				ya++
			}
			if m2 < open {
				yb++
			}
			if ya < yb || ya == yb && m1 <= m2 {
				return s.resolved(i, fm.End, gregMonths(ya, m1, yb, m2), false), true
			}
		}
	}
	y2, c2, end, rel, ok := s.yearOrRelative(j, cal)
	if !ok || c2 != cal {
		if !ok1 {
			// "in January–August" with no year: the latest such span that
			// has ended by the article's date.
			ry, rok := s.refYear(cal)
			if !rok {
				return periodMatch{}, false
			}
			rm := int(s.ref.Month())
			if cal == SolarHijri {
				jd, err := jalali.FromTime(s.ref)
				if err != nil {
					return periodMatch{}, false
				}
				rm = jd.Month
			}
			if m2 > rm {
				ry--
			}
			y1, ok1 = ry, true
			if m1 > m2 {
				y1--
			}
			y2, end, rel = ry, j, true
		} else {
			y2, end, rel = y1, j, false
		}
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

// Words that may stand between «از»/«تا» and a month name: «آغاز ماه»,
// «ختم ماه», "the end of".
var (
	rangeStartFillers = map[string]bool{"آغاز": true, "ابتدای": true, "اول": true, "شروع": true, "اوایل": true, "the": true,
		"beginning": true, "start": true, "of": true, "ماه": true, "month": true}
	rangeEndFillers = map[string]bool{"پایان": true, "ختم": true, "آخر": true, "انتهای": true, "اواخر": true, "the": true,
		"end": true, "of": true, "ماه": true, "month": true}
)

// skipMonthFillers skips up to three filler words from i.
func (s *periodScanner) skipMonthFillers(i int, fillers map[string]bool) int {
	for k := 0; k < 3 && fillers[s.word(i)]; k++ {
		i++
	}
	return i
}

// date reads «۲۶ آگست ۲۰۲۵», «۹ دلو ۱۴۰۴», "March 3, 2025", "3 March
// 2025", "2025-08-26", «۱۴۰۴/۰۶/۱۵». Without a year the article's year
// is used when the month is Gregorian or Solar Hijri and the article has a
// date.
func (s *periodScanner) date(i int) (periodMatch, bool) {
	if s.word(i) == "اول" {
		// «روز سه‌شنبه اول دی‌ماه»: the first of a month, in words.
		if m, ok := s.shMonth(i + 1); ok {
			return s.dayMonthYear(i, i+2, SolarHijri, m, 1)
		}
	}
	if i < len(s.toks) && s.toks[i].Kind == TokNumber {
		t := s.text(i)
		// 1404/06/15 or 2025/08/26 in one token.
		if strings.Count(t, "/") == 2 {
			parts := strings.Split(t, "/")
			y, _ := strconv.Atoi(parts[0])
			m, _ := strconv.Atoi(parts[1])
			d, _ := strconv.Atoi(parts[2])
			if p, ok := s.dayOf(y, m, d); ok && len(parts[0]) == 4 {
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
	named := false // "month of" or «ماه» before the name, or «مهرماه»
	switch {
	case s.word(j) == "ماه":
		j++
		named = true
	case s.word(j) == "month" && s.word(j+1) == "of":
		j += 2
		named = true
	}
	cal := Gregorian
	m, ok := s.gregMonth(j)
	if !ok {
		if m, ok = s.shMonth(j); !ok {
			return periodMatch{}, false
		}
		cal = SolarHijri
	}
	if strings.HasSuffix(s.word(j), "ماه") {
		named = true
	}
	j++
	if s.word(j) == "ماه" && cal == SolarHijri {
		j++ // «مهر ماه»
		named = true
	}
	if s.text(j) == "," {
		j++
	}
	y, c, end, rel, ok := s.yearOrRelative(j, cal)
	if !ok {
		if end > j && (named || !ambiguousMonths[s.word(i)]) {
			return periodMatch{Start: i, End: end}, true
		}
		// A month without a year: the last such month up to the article's
		// date, when the month is surely a month («مهرماه», "the month of
		// Mehr", "in March").
		w := s.word(i)
		prev := s.word(i - 1)
		sure := named || cal == Gregorian && !ambiguousMonths[w] && w[0] >= 128 ||
			cal == Gregorian && (prev == "in" || prev == "during" || prev == "since" || prev == "در") ||
			cal == SolarHijri && prev == "در" && plainSolarMonths[w]
		if !sure {
			return periodMatch{}, false
		}
		y, ok := s.refYear(cal)
		if !ok {
			return periodMatch{Start: i, End: j}, true
		}
		var p Period
		if cal == SolarHijri {
			p, ok = shMonths(y, m, m)
			if ok && p.Start.After(s.ref) {
				p, ok = shMonths(y-1, m, m)
			}
		} else {
			p = gregMonths(y, m, y, m)
			if p.Start.After(s.ref) {
				p = gregMonths(y-1, m, y-1, m)
			}
		}
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, j, p, true), true
	}
	if c != cal {
		return periodMatch{}, false
	}
	return s.months(i, end, y, m, m, cal, rel)
}

// plainSolarMonths are the Solar month names that are no other word, so
// that «در آبان» is surely a month (not «در میزان», "in the amount", «در
// حمل», "in transport", «در مهر», «در تیر»).
var plainSolarMonths = map[string]bool{"فروردین": true, "اردیبهشت": true, "خرداد": true, "مرداد": true, "شهریور": true, "آبان": true,
	"اسفند": true, "ثور": true, "جوزا": true, "جوزای": true, "سنبله": true, "عقرب": true, "دلو": true, "حوت": true}

// fiscalOpeners are the English words a fiscal year opens with (see fiscal).
var fiscalOpeners = map[string]bool{"fiscal": true, "fy": true, "financial": true}

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
		return s.resolved(i, j+1, fiscalYear(y1+1, s.fyStart), false), true
	}
	y, err := strconv.Atoi(t)
	if err != nil {
		return periodMatch{}, false
	}
	switch len(t) {
	case 2:
		return s.resolved(i, j+1, fiscalYear(2000+y, s.fyStart), false), true
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
			return s.resolved(i, j+3, fiscalYear(y+1, s.fyStart), false), true
		}
	}
	return s.resolved(i, j+1, fiscalYear(y, s.fyStart), false), true
}

// splitYears are the words of a year that straddles two calendar years
// ("marketing year", "crop year", "season"), which splitYear reads when the
// text says the month it ends in.
var splitYears = map[string]bool{"marketing": true, "crop": true, "agricultural": true, "harvest": true}

// splitYear reads a year of twelve months across two calendar years whose
// end the text states: "the 2025-2026 marketing year that ended on August
// 31", "the 2025-26 crop year, which ended in June"; the same years and
// noun without the end (a headline's) take the end the article gives them
// further on. Without the end, "2025-2026" stays two calendar years
// (yearRange): the months are the text's to give.
func (s *periodScanner) splitYear(i int) (periodMatch, bool) {
	y1, y2, e, ok := s.splitYearAt(i)
	if !ok {
		return periodMatch{}, false
	}
	m, ok := s.splitYearEnd(e)
	for k := e; !ok && k < min(len(s.toks), e+splitYearReach); k++ {
		if a, b, f, found := s.splitYearAt(k); found && a == y1 && b == y2 {
			m, ok = s.splitYearEnd(f)
		}
	}
	if !ok {
		return periodMatch{}, false
	}
	if m == 12 {
		return s.resolved(i, e, gregMonths(y2, 1, y2, 12), false), true
	}
	return s.resolved(i, e, gregMonths(y1, m+1, y2, m), false), true
}

// splitYearReach is how many tokens on splitYear looks for the end of a
// split year named without it.
const splitYearReach = 400

// splitYearAt reads "2025-2026 marketing year", "2025-26 season" at i: the
// two years and the index after them (the noun is left to splitYearEnd).
func (s *periodScanner) splitYearAt(i int) (y1, y2, end int, ok bool) {
	y1, cal, e, ok := s.year(i)
	if !ok || cal != Gregorian || s.text(e) != "-" || e+1 >= len(s.toks) || s.toks[e+1].Kind != TokNumber {
		return 0, 0, 0, false
	}
	t2 := s.text(e + 1)
	y2, _ = strconv.Atoi(t2)
	if len(t2) == 2 && (y1+1)%100 == y2 {
		y2 = y1 + 1
	} else if len(t2) != 4 || y2 != y1+1 {
		return 0, 0, 0, false
	}
	j := e + 2
	if splitYears[s.word(j)] {
		j++
	}
	if w := s.word(j); w != "year" && w != "season" || j == e+2 && w == "year" {
		return 0, 0, 0, false
	}
	return y1, y2, e + 2, true
}

// splitYearEnd reads, after the years at e, the noun and "that ended on
// August 31", ", which ended in June": the month the split year ends in.
func (s *periodScanner) splitYearEnd(e int) (int, bool) {
	j := e
	if splitYears[s.word(j)] {
		j++
	}
	j++ // "year", "season" (splitYearAt checked it)
	if s.text(j) == "," {
		j++
	}
	if w := s.word(j); w == "that" || w == "which" {
		j++
	}
	if w := s.word(j); w != "ended" && w != "ends" && w != "ending" && w != "closed" {
		return 0, false
	}
	j++
	if w := s.word(j); w == "on" || w == "in" {
		j++
	}
	return s.gregMonth(j)
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
	off, end, named, ok := s.relativeYear(i)
	if !ok {
		return periodMatch{}, false
	}
	cal := s.cal
	if named != 0 {
		cal = named
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

// relativeMonth reads "last month", "next month", "this month": the
// Gregorian month before, after or of the article's date (the seeds
// policy resolves a Gregorian reference against the article's date; a
// Persian «ماه گذشته» may mean a Solar month and is left to the rules).
func (s *periodScanner) relativeMonth(i int) (periodMatch, bool) {
	off, ok := relMonth[s.word(i)]
	if !ok || s.word(i+1) != "month" || s.ref.IsZero() {
		return periodMatch{}, false
	}
	t := time.Date(s.ref.Year(), s.ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, off, 0)
	return s.resolved(i, i+2, gregMonthOf(t), true), true
}

// yearStartWords open "from the start of a year", yearEndWords "to the end
// of a month" (see yearStartTo).
var (
	yearStartWords = map[string]bool{"ابتدای": true, "ابتدا": true, "اول": true, "آغاز": true, "شروع": true, "beginning": true, "start": true}
	yearEndWords   = map[string]bool{"پایان": true, "آخر": true, "انتهای": true, "ختم": true, "end": true}
)

// yearStartTo reads "from the start of a year to the end of a month"
// («از ابتدای سال ۱۴۰۴ تا پایان خرداد», "from the beginning of 2025 to the
// end of August"): the year's first months up to that month.
func (s *periodScanner) yearStartTo(i int) (periodMatch, bool) {
	j := i
	if w := s.word(j); w != "از" && w != "from" {
		return periodMatch{}, false
	}
	j++
	if s.word(j) == "the" {
		j++
	}
	if !yearStartWords[s.word(j)] {
		return periodMatch{}, false
	}
	j++
	if s.word(j) == "of" {
		j++
	}
	y, cal, e, rel, ok := s.yearOrRelative(j, 0)
	off := 0
	if !ok {
		// «از ابتدای سال جاری تا پایان آبان»: a relative year whose
		// calendar the sentence leaves open takes the Solar calendar of the
		// month ending the span (below).
		o, re, named, isRel := s.relativeYear(j)
		if !isRel || named != 0 || !rel {
			return periodMatch{}, false
		}
		off, e = o, re
	}
	j = e
	if w := s.word(j); w != "تا" && w != "to" && w != "until" && w != "through" {
		return periodMatch{}, false
	}
	j++
	if s.word(j) == "the" {
		j++
	}
	if !yearEndWords[s.word(j)] {
		return periodMatch{}, false
	}
	j++
	if s.word(j) == "of" {
		j++
	}
	if !ok {
		if _, isSH := s.shMonth(j); !isSH {
			return periodMatch{}, false
		}
		ry, known := s.refYear(SolarHijri)
		if !known {
			return periodMatch{}, false
		}
		y, cal = ry+off, SolarHijri
	}
	var m int
	if cal == SolarHijri {
		m, ok = s.shMonth(j)
	} else {
		m, ok = s.gregMonth(j)
	}
	if !ok {
		return periodMatch{}, false
	}
	j++
	if s.word(j) == "ماه" {
		j++
	}
	return s.months(i, j, y, 1, m, cal, rel)
}

// months resolves months first..last of year y in calendar cal as the
// period of the span [i, end).
func (s *periodScanner) months(i, end, y, first, last int, cal Calendar, rel bool) (periodMatch, bool) {
	if cal == SolarHijri {
		p, ok := shMonths(y, first, last)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, end, p, rel), true
	}
	return s.resolved(i, end, gregMonths(y, first, y, last), rel), true
}

// monthsEnding reads "the ten months ending January 2026", "the 12 months
// to June 2025", «ده ماه منتهی به جنوری ۲۰۲۶»: the N months up to and
// including a named month of a written year, across a year's end in the
// Gregorian calendar, within one year in the Solar Hijri.
func (s *periodScanner) monthsEnding(i int) (periodMatch, bool) {
	j := i
	if s.word(j) == "the" {
		j++
	}
	n, ok := s.small(j)
	if !ok || n < 2 || n > 24 {
		return periodMatch{}, false
	}
	j++
	if w := s.word(j); w != "months" && w != "ماه" {
		return periodMatch{}, false
	}
	j++
	switch s.word(j) {
	case "ending", "to":
		j++
		if s.word(j) == "in" {
			j++
		}
	case "منتهی":
		if s.word(j+1) != "به" {
			return periodMatch{}, false
		}
		j += 2
	default:
		return periodMatch{}, false
	}
	end, ok := s.monthYear(j)
	if !ok || !end.Resolved || end.P.Relative {
		return periodMatch{}, false
	}
	if end.P.Calendar == SolarHijri {
		y, m, ok := shMonthOf(end.P.Label)
		if !ok || m < n {
			return periodMatch{}, false
		}
		p, ok := shMonths(y, m-n+1, m)
		if !ok {
			return periodMatch{}, false
		}
		return s.resolved(i, end.End, p, false), true
	}
	last := end.P.Start
	first := last.AddDate(0, -(n - 1), 0)
	return s.resolved(i, end.End, gregMonths(first.Year(), int(first.Month()), last.Year(), int(last.Month())), false), true
}

// shMonthOf returns the year and month of a one-month Solar Hijri label
// ("SH1404-02 = …").
func shMonthOf(label string) (int, int, bool) {
	l, _, _ := strings.Cut(label, " = ")
	ys, ms, ok := strings.Cut(strings.TrimPrefix(l, "SH"), "-")
	if !ok || strings.Contains(ms, ".") {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(ys)
	m, err2 := strconv.Atoi(ms)
	return y, m, err1 == nil && err2 == nil
}

// calendarWords name the calendar of a year written after them in
// English ("the Iranian calendar year 1405", "the Afghan solar year").
var calendarWords = map[string]bool{"iranian": true, "persian": true, "afghan": true, "solar": true, "hijri": true, "calendar": true}

// calendarYearWords returns the token after "the (current) Iranian
// (calendar) year" starting at i when a year follows, written in the
// calendar they name, or i when there is none.
func (s *periodScanner) calendarYearWords(i int) int {
	j := i
	if s.word(j) != "the" {
		return i
	}
	j++
	if s.word(j) == "current" || s.word(j) == "present" {
		j++
	}
	k := j
	for calendarWords[s.word(k)] && k < j+3 {
		k++
	}
	if k == j || s.word(k) != "year" {
		return i
	}
	if _, _, _, ok := s.year(k + 1); !ok {
		return i // "of the current Iranian year": the year the context gives (doc.yearlessPeriod)
	}
	return k + 1
}
