package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/jalali"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
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

// gregMonthOf returns the Gregorian month t falls in.
func gregMonthOf(t time.Time) Period {
	return gregMonths(t.Year(), int(t.Month()), t.Year(), int(t.Month()))
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

// ahead returns p, a month the article's date resolved as the latest
// one already ended ("in December" in an article of November 2025 is
// December 2024), as the same month to come when the text speaks of the
// future ("will start operations in December": December 2025); p itself
// otherwise.
func ahead(p *Period, ref time.Time) *Period {
	if p == nil || !p.Relative || p.Day || ref.IsZero() || !p.End.Before(ref) {
		return p
	}
	var q Period
	switch p.Calendar {
	case Gregorian:
		if p.Start.Year() != p.End.Year() || p.Start.Month() != p.End.Month() {
			return p
		}
		y, m := p.Start.Year()+1, int(p.Start.Month())
		q = gregMonths(y, m, y, m)
	case SolarHijri:
		// «در اسفند ماه … برگزار خواهد شد» in an article of Azar 1405:
		// Esfand 1405, not 1404.
		y, m, ok := shMonthOf(p.Label)
		if !ok {
			return p
		}
		if q, ok = shMonths(y+1, m, m); !ok {
			return p
		}
	default:
		return p
	}
	q.Relative = true
	return &q
}

// yearBefore returns the label of the same span one year earlier: "2024"
// for "2025", "2023-07..2024-06" for "2024-07..2025-06", "SH1402-01..SH1402-06
// = …" for "SH1403-01..SH1403-06 = …".
func yearBefore(label string) (string, bool) {
	var y1, m1, y2, m2 int
	if strings.HasPrefix(label, "SH") {
		head, _, _ := strings.Cut(label, " = ")
		var p Period
		var ok bool
		switch {
		case strings.Contains(head, ".."):
			if n, _ := fmt.Sscanf(head, "SH%d-%d..SH%d-%d", &y1, &m1, &y2, &m2); n == 4 && y1 == y2 {
				p, ok = shMonths(y1-1, m1, m2)
			}
		case strings.Contains(head, "-"):
			if n, _ := fmt.Sscanf(head, "SH%d-%d", &y1, &m1); n == 2 {
				p, ok = shMonths(y1-1, m1, m1)
			}
		default:
			if n, _ := fmt.Sscanf(head, "SH%d", &y1); n == 1 {
				p, ok = shMonths(y1-1, 1, 12)
			}
		}
		return p.Label, ok
	}
	if n, _ := fmt.Sscanf(label, "%d-%d..%d-%d", &y1, &m1, &y2, &m2); n == 4 && len(label) == 16 {
		return gregMonths(y1-1, m1, y2-1, m2).Label, true
	}
	if n, _ := fmt.Sscanf(label, "%d-%d", &y1, &m1); n == 2 && len(label) == 7 {
		return gregMonths(y1-1, m1, y1-1, m1).Label, true
	}
	if n, _ := fmt.Sscanf(label, "%d", &y1); n == 1 && len(label) == 4 {
		return gregYear(y1 - 1).Label, true
	}
	return "", false
}

// fiscalYear is the fiscal year that opens in month start and ends in year
// end ("the 2025-26 fiscal year (April-March)": April 2025 to March 2026);
// a zero start is July (Pakistan's: "FY2021-22" and "FY22" are July 2021 to
// June 2022).
func fiscalYear(end int, start time.Month) Period {
	start = fiscalOpen(start)
	return gregMonths(end-1, int(start), end, int(start)-1)
}

// fiscalOpen returns the month a fiscal year stated to open in start opens
// in: start itself, or July (Pakistan's) when none is stated (zero; a
// year opening in January is a calendar year, no fiscal one).
func fiscalOpen(start time.Month) time.Month {
	if start <= time.January {
		return time.July
	}
	return start
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
// "2021..2022") into its span of days. The grammar is trade.ParsePeriod's,
// the one reader of period labels that extract, trade and kb share.
func ParseLabel(label string) (start, end time.Time, err error) {
	p, err := trade.ParsePeriod(label)
	if err != nil || p.IsZero() {
		return time.Time{}, time.Time{}, caravan.Errorf(caravan.Invalid, "extract.ParseLabel", "bad period label %q", label)
	}
	return p.Start.Time(), p.End.Time(), nil
}

// oneMonth reports whether p lies in one Gregorian calendar month, or is
// one Solar month (its label names one: SH1405-07).
func (p Period) oneMonth() bool {
	if p.Start.Year() == p.End.Year() && p.Start.Month() == p.End.Month() {
		return true
	}
	l, _, _ := strings.Cut(p.Label, " ")
	return p.Calendar != Gregorian && !strings.Contains(l, "..") && strings.Contains(l, "-")
}

// oneYear reports whether p is one whole year, Gregorian or Solar (its
// label names one: SH1406).
func (p Period) oneYear() bool {
	if p.Calendar == Gregorian {
		return p.Start.Month() == time.January && p.Start.Day() == 1 && p.End.Month() == time.December && p.End.Day() == 31 && p.Start.Year() == p.End.Year()
	}
	l, _, _ := strings.Cut(p.Label, " ")
	return !strings.Contains(l, "..") && !strings.Contains(l, "-")
}

// Trade returns p as the period type trade and kb use: its days, and the
// label's name when the label names it otherwise ("SH1400", "FY2024-25").
func (p Period) Trade() trade.Period {
	t := trade.Period{Start: network.DateOf(p.Start), End: network.DateOf(p.End)}
	if name, _, ok := strings.Cut(p.Label, "="); ok {
		t.Label = strings.TrimSpace(name)
	}
	return t
}
