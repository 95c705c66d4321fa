package extract

import (
	"errors"
	"testing"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/trade"
)

func TestParsePeriod(t *testing.T) {
	ref := time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC) // SH1404-11-26
	for _, tt := range []struct {
		in   string
		cal  Calendar // calendar of relative years
		want string
	}{
		// Gregorian years, months and partial years.
		{"سال ۲۰۲۵", 0, "2025"},
		{"۲۰۲۵ میلادی", 0, "2025"},
		{"2025", 0, "2025"},
		{"هشت ماه اول سال ۲۰۲۵", 0, "2025-01..2025-08"},
		{"نه ماهه نخست ۲۰۲۴", 0, "2024-01..2024-09"},
		{"the first quarter (July-September) of the current fiscal year 2026-27", 0, "2026-07..2026-09"},
		{"نیمه نخست سال ۲۰۲۴", 0, "2024-01..2024-06"},
		{"سه ماهه دوم سال ۲۰۲۳", 0, "2023-04..2023-06"},
		{"the first eight months of 2025", 0, "2025-01..2025-08"},
		{"first half of 2024", 0, "2024-01..2024-06"},
		{"the third quarter of 2023", 0, "2023-07..2023-09"},
		{"H1 2024", 0, "2024-01..2024-06"},
		{"Q3 2023", 0, "2023-07..2023-09"},
		{"9M24", 0, "2024-01..2024-09"},
		{"January–August 2025", 0, "2025-01..2025-08"},
		{"Jan-Aug 2025", 0, "2025-01..2025-08"},
		{"ژانویه تا اوت ۲۰۲۵", 0, "2025-01..2025-08"},
		{"جنوری الی آگست ۲۰۲۵", 0, "2025-01..2025-08"},
		{"از آغاز ماه حمل تا ختم ماه سرطان سال ۱۴۰۴", 0, "SH1404-01..SH1404-04 = 2025-03-21..2025-07-22"},
		{"از ابتدای فروردین تا پایان خرداد ۱۴۰۴", 0, "SH1404-01..SH1404-03 = 2025-03-21..2025-06-21"},
		{"from the beginning of January to the end of June 2025", 0, "2025-01..2025-06"},
		// N months ending a named month (monthsEnding).
		{"the ten months ending January 2026", 0, "2025-04..2026-01"},
		{"the 12 months to June 2025", 0, "2024-07..2025-06"},
		{"ده ماه منتهی به جنوری ۲۰۲۶", 0, "2025-04..2026-01"},
		{"۶ ماه منتهی به شهریور ۱۴۰۳", 0, "SH1403-01..SH1403-06 = 2024-03-20..2024-09-21"},
		// A year written after the words naming its calendar.
		{"the first eight months of the current Iranian calendar year 1405", 0, "SH1405-01..SH1405-08 = 2026-03-21..2026-11-21"},
		{"the first six months of the Afghan solar year 1404", 0, "SH1404-01..SH1404-06 = 2025-03-21..2025-09-22"},
		{"هشت ماه نخست سال ۱۴۰۵", 0, "SH1405-01..SH1405-08 = 2026-03-21..2026-11-21"},
		{"اول دی\u200cماه ۱۴۰۵", 0, "2026-12-22"}, // the first of a Solar month, in words

		{"از ابتدای سال ۱۴۰۴ تا پایان خرداد", 0, "SH1404-01..SH1404-03 = 2025-03-21..2025-06-21"},
		{"از ابتدای سال ۱۴۰۴ تا پایان مهرماه", 0, "SH1404-01..SH1404-07 = 2025-03-21..2025-10-22"},
		{"from the beginning of 2025 to the end of August", 0, "2025-01..2025-08"},
		{"the first ten months of SH1403", 0, "SH1403-01..SH1403-10 = 2024-03-20..2025-01-19"},
		{"the first quarter of FY26", 0, "2025-07..2025-09"},
		{"the first half of fiscal year 2024-25", 0, "2024-07..2024-12"},
		{"the first nine months of FY2024-25", 0, "2024-07..2025-03"},
		{"از ابتدای سال جاری تا پایان آذر", SolarHijri, "SH1404-01..SH1404-09 = 2025-03-21..2025-12-21"},
		{"July-March FY25", 0, "2024-07..2025-03"},
		{"July–December FY2024-25", 0, "2024-07..2024-12"},
		{"مارچ ۲۰۲۵", 0, "2025-03"},
		{"مارس ۲۰۲۵", 0, "2025-03"},
		{"in March 2025", 0, ""}, // "in" is not part of the period: ParsePeriod wants the whole string
		{"2021-2023", 0, "2021..2023"},
		// Dates.
		{"۲۶ آگست ۲۰۲۵", 0, "2025-08-26"},
		{"۲۶ اوت ۲۰۲۵", 0, "2025-08-26"},
		{"March 3, 2025", 0, "2025-03-03"},
		{"3 March 2025", 0, "2025-03-03"},
		{"2025-08-26", 0, "2025-08-26"},
		{"۱۴۰۴/۰۶/۱۵", 0, "2025-09-06"},
		{"۹ دلو", 0, "2026-01-29"}, // Afghan month, year from the article's date
		// Solar Hijri years and months, Iranian and Afghan names.
		{"سال ۱۴۰۰", 0, "SH1400 = 2021-03-21..2022-03-20"},
		{"۱۴۰۳ هجری شمسی", 0, "SH1403 = 2024-03-20..2025-03-20"},
		{"۱۴۰۲ خورشیدی", 0, "SH1402 = 2023-03-21..2024-03-19"},
		{"شهریور ۱۴۰۴", 0, "SH1404-06 = 2025-08-23..2025-09-22"},
		{"سنبله ۱۴۰۴", 0, "SH1404-06 = 2025-08-23..2025-09-22"},
		{"ماه حمل سال ۱۴۰۴", 0, "SH1404-01 = 2025-03-21..2025-04-20"},
		{"فروردین تا شهریور ۱۴۰۴", 0, "SH1404-01..SH1404-06 = 2025-03-21..2025-09-22"},
		{"از حمل تا سرطان ۱۴۰۴", 0, "SH1404-01..SH1404-04 = 2025-03-21..2025-07-22"},
		{"شش ماهه نخست ۱۴۰۳", 0, "SH1403-01..SH1403-06 = 2024-03-20..2024-09-21"},
		{"هشت\u200cماهه ۱۴۰۵", 0, "SH1405-01..SH1405-08 = 2026-03-21..2026-11-21"}, // one word once the joiner is folded
		{"بهار ۱۴۰۲", 0, "SH1402-01..SH1402-03 = 2023-03-21..2023-06-21"},
		{"March 2024–March 2025", 0, "SH1403 = 2024-03-20..2025-03-20"},
		{"the first eight months of the current Iranian calendar year", Gregorian, "SH1404-01..SH1404-08 = 2025-03-21..2025-11-21"},
		{"the past Iranian year", Gregorian, "SH1403 = 2024-03-20..2025-03-20"},
		{"the previous Afghan solar year", Gregorian, "SH1403 = 2024-03-20..2025-03-20"},
		// Fiscal years.
		{"FY2021-22", 0, "2021-07..2022-06"},
		{"FY22", 0, "2021-07..2022-06"},
		{"fiscal year 2022-23", 0, "2022-07..2023-06"},
		{"FY 2021/22", 0, "2021-07..2022-06"},
		{"سال مالی ۱۴۰۲", 0, "SH1402 = 2023-03-21..2024-03-19"},
		// Relative years resolve only with a calendar.
		{"امسال", Gregorian, "2026"},
		{"امسال", SolarHijri, "SH1404 = 2025-03-21..2026-03-20"},
		{"سال گذشته", SolarHijri, "SH1403 = 2024-03-20..2025-03-20"},
		{"last year", Gregorian, "2025"},
		{"last month", Gregorian, "2026-01"},
		{"next month", Gregorian, "2026-03"},
		{"the end of the year", Gregorian, "2026"},
		{"جوزای ۱۴۰۳", 0, "SH1403-03 = 2024-05-21..2024-06-20"},
		{"the end of the year", 0, ""},
		// A relative year the calendar leaves open takes the Solar
		// calendar of the month ending its span.
		{"از ابتدای سال جاری تا پایان آبان", 0, "SH1404-01..SH1404-08 = 2025-03-21..2025-11-21"},
		{"from the beginning of the current year to the end of Aban", 0, "SH1404-01..SH1404-08 = 2025-03-21..2025-11-21"},
		{"از ابتدای سال جاری", 0, ""},
	} {
		p, err := ParsePeriod(tt.in, ref, tt.cal)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParsePeriod(%q) = %q, want an error", tt.in, p.Label)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tt.in, err)
			continue
		}
		if p.Label != tt.want {
			t.Errorf("ParsePeriod(%q) = %q, want %q", tt.in, p.Label, tt.want)
		}
		s, e, err := ParseLabel(p.Label)
		if err != nil || !s.Equal(p.Start) || !e.Equal(p.End) {
			t.Errorf("ParseLabel(%q) = %v..%v, %v; want %v..%v", p.Label, s, e, err, p.Start, p.End)
		}
		// The same period as trade and kb hold it, and back through the
		// one label grammar.
		tp := p.Trade()
		back, err := trade.ParsePeriod(tp.String())
		if err != nil || back != tp || !tp.Start.Time().Equal(p.Start) || !tp.End.Time().Equal(p.End) {
			t.Errorf("%q as trade.Period = %v (%q), parsed back %v, %v", p.Label, tp, tp.String(), back, err)
		}
	}
}

func TestParsePeriodUnresolved(t *testing.T) {
	for _, tt := range []struct {
		in  string
		ref time.Time
		cal Calendar
	}{
		{"چند ماه اخیر", time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC), Gregorian},
		{"امسال", time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC), 0}, // calendar unknown
		{"سال گذشته", time.Time{}, SolarHijri},                     // no article date
		{"۹ دلو", time.Time{}, 0},
		{"1800", time.Time{}, 0},                                                           // outside both year ranges
		{"the first nine months", time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC), Gregorian}, // no year written
		{"this season", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Gregorian},          // a crossing's or a harvest's season, its bounds unsaid
		{"فصل جاری", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), SolarHijri},
	} {
		if p, err := ParsePeriod(tt.in, tt.ref, tt.cal); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("ParsePeriod(%q) = %q, %v; want unresolved", tt.in, p.Label, err)
		}
	}
}

func TestParseLabel(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"2025", "2025-01..2025-12", true},
		{"SH1400 = 2021-03-21..2022-03-20", "2021-03-21..2022-03-20", true},
		{"SH1404-06 = 2025-08-23..2025-09-22", "2025-08-23..2025-09-22", true},
		{"2025-01..2025-08", "2025-01-01..2025-08-31", true},
		{"2025", "2024", false},
		{"SH1400 = 2021-03-21..2022-03-20", "2021", false},
	} {
		if got := samePeriod(&tt.a, &tt.b); got != tt.same {
			t.Errorf("samePeriod(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	for _, bad := range []string{"", "soon", "2025-13", "2025..2024", "SH1400 = x"} {
		if _, _, err := ParseLabel(bad); err == nil {
			t.Errorf("ParseLabel(%q) accepted", bad)
		}
	}
}

// FuzzParsePeriod checks that the period parser never panics and that a
// period it returns is a valid span whose label parses back to it.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"هشت ماه اول سال ۲۰۲۵", "سال ۱۴۰۰", "۲۶ آگست ۲۰۲۵", "۹ دلو", "FY2021-22", "9M24", "January–August 2025",
		"فروردین تا شهریور ۱۴۰۴", "the first eight months of the current Iranian calendar year", "H1 2024", "۱۴۰۴/۱۲/۳۰", "31 February 2025", "the first nine months", "first quarter (July-September) of fiscal year 2026-27"} {
		f.Add(s, int64(20500), uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, refDays int64, cal uint8) {
		ref := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(refDays%40000))
		p, err := ParsePeriod(s, ref, Calendar(cal%3))
		if err != nil {
			return
		}
		if p.End.Before(p.Start) || p.Label == "" {
			t.Fatalf("ParsePeriod(%q) = %+v", s, p)
		}
		a, b, err := ParseLabel(p.Label)
		if err != nil || !a.Equal(p.Start) || !b.Equal(p.End) {
			t.Fatalf("label %q of %q parses to %v..%v, %v; want %v..%v", p.Label, s, a, b, err, p.Start, p.End)
		}
	})
}

func TestYearBefore(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2025", "2024"},
		{"2025-01..2025-07", "2024-01..2024-07"},
		{"2024-07..2025-06", "2023-07..2024-06"},
		{"2025-03", "2024-03"},
		{"SH1404 = 2025-03-21..2026-03-20", "SH1403 = 2024-03-20..2025-03-20"},
		{"SH1404-07 = 2025-09-23..2025-10-22", "SH1403-07 = 2024-09-22..2024-10-21"},
		{"SH1404-01..SH1404-06 = 2025-03-21..2025-09-22", "SH1403-01..SH1403-06 = 2024-03-20..2024-09-21"},
		{"2025-08-26", ""},
		{"", ""},
	} {
		got, ok := yearBefore(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("yearBefore(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// TestAhead holds ahead: a month resolved as the latest one ended is the
// same month to come; other periods stay.
func TestAhead(t *testing.T) {
	ref := day(2025, 11, 25)
	dec := gregMonths(2024, 12, 2024, 12)
	dec.Relative = true
	if got := ahead(&dec, ref); got.Label != "2025-12" {
		t.Errorf("ahead(December 2024 resolved) = %q, want 2025-12", got.Label)
	}
	oct := gregMonths(2025, 10, 2025, 10) // written with its year
	if got := ahead(&oct, ref); got.Label != "2025-10" {
		t.Errorf("ahead(October 2025 written) = %q, want it unchanged", got.Label)
	}
	span := gregMonths(2024, 1, 2024, 8)
	span.Relative = true
	if got := ahead(&span, ref); got.Label != span.Label {
		t.Errorf("ahead(January–August) = %q, want it unchanged", got.Label)
	}
	// A Solar month without its year, resolved as the latest one ended:
	// Esfand 1403 in an article of Azar 1404 is Esfand 1404 to come.
	esf, _ := shMonths(1403, 12, 12)
	esf.Relative = true
	if got := ahead(&esf, ref); got.Label != "SH1404-12 = 2026-02-20..2026-03-20" {
		t.Errorf("ahead(Esfand 1403 resolved) = %q, want SH1404-12", got.Label)
	}
	sy, _ := shMonths(1403, 1, 12)
	sy.Relative = true
	if got := ahead(&sy, ref); got.Label != sy.Label {
		t.Errorf("ahead(SH1403) = %q, want it unchanged", got.Label)
	}
}
