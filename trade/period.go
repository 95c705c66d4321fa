package trade

import (
	"fmt"
	"github.com/caravan-transport/caravan"
	"strings"
	"time"

	"github.com/caravan-transport/caravan/network"
)

// Period is the span of dates a trade figure covers, both ends included:
// a calendar year, some months of one, a Solar Hijri year, a fiscal year.
// Label names it the way the source does ("SH1400", "FY2022-23"); it is
// empty when the dates say it all. It marshals as text (see ParsePeriod).
type Period struct {
	Label string
	Start network.Date
	End   network.Date // inclusive
}

// IsZero reports whether the period is unknown.
func (p Period) IsZero() bool { return p.Start == 0 && p.End == 0 }

// Days returns the number of days in the period (0 when unknown).
func (p Period) Days() int {
	if p.IsZero() {
		return 0
	}
	return int(p.End-p.Start) + 1
}

// Annual reports whether the period is twelve months long: 365 or 366 days
// (a calendar, Solar Hijri or fiscal year).
func (p Period) Annual() bool {
	d := p.Days()
	return d == 365 || d == 366
}

// Mid returns the middle of the period as a fractional year (2022-07-02 is
// about 2022.5), which is where the period sits on a time axis.
func (p Period) Mid() float64 {
	return (YearFrac(p.Start) + YearFrac(p.End+1)) / 2
}

// YearFrac returns d as a fractional year: the year plus the share of it
// elapsed before d (2022-01-01 is 2022.0).
func YearFrac(d network.Date) float64 {
	t := d.Time()
	y := t.Year()
	start := network.MakeDate(y, time.January, 1)
	next := network.MakeDate(y+1, time.January, 1)
	return float64(y) + float64(d-start)/float64(next-start)
}

// Parse forms of a period, in the syntax of the gold facts:
//
//	2025                                  the calendar year
//	2025-03                               one month
//	2025-01..2025-08                      whole months, both included
//	2021-03-21..2022-03-20                days, both included
//	SH1400 = 2021-03-21..2022-03-20       a label, then days (or months)
//
// ParsePeriod reads s; the empty string gives the zero Period. It is the
// one reader of this grammar: extract.ParseLabel (the gold facts' periods,
// extract.Period.Trade) and kb.ParseWhen (a single YYYY, YYYY-MM or
// YYYY-MM-DD) delegate to it.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Period{}, nil
	}
	label, span, labeled := strings.Cut(s, "=")
	if labeled {
		label, span = strings.TrimSpace(label), strings.TrimSpace(span)
		if label == "" {
			return Period{}, caravan.Errorf(caravan.Invalid, "", "period %q: empty label before '='", s)
		}
	} else {
		span = s
	}
	p, err := parseSpan(span)
	if err != nil {
		return Period{}, caravan.Errorf(caravan.Invalid, "", "period %q: %v", s, err)
	}
	if labeled && label != p.span() {
		p.Label = label
	}
	return p, nil
}

func parseSpan(s string) (Period, error) {
	from, to, isRange := strings.Cut(s, "..")
	if !isRange {
		start, end, err := parseUnit(s)
		if err != nil {
			return Period{}, err
		}
		return Period{Start: start, End: end}, nil
	}
	start, _, err := parseUnit(strings.TrimSpace(from))
	if err != nil {
		return Period{}, err
	}
	_, end, err := parseUnit(strings.TrimSpace(to))
	if err != nil {
		return Period{}, err
	}
	if (len(strings.TrimSpace(from)) == 10) != (len(strings.TrimSpace(to)) == 10) {
		return Period{}, fmt.Errorf("both ends must be days or both months")
	}
	if end < start {
		return Period{}, fmt.Errorf("ends before it starts")
	}
	return Period{Start: start, End: end}, nil
}

// parseUnit reads YYYY, YYYY-MM or YYYY-MM-DD and returns its first and last
// day.
func parseUnit(s string) (network.Date, network.Date, error) {
	start, end, err := parseUnitDays(s)
	if err == nil && start < 1 {
		return 0, 0, fmt.Errorf("%q: year 0 is not a date", s)
	}
	return start, end, err
}

func parseUnitDays(s string) (network.Date, network.Date, error) {
	switch len(s) {
	case 4:
		t, err := time.Parse("2006", s)
		if err != nil {
			return 0, 0, fmt.Errorf("%q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		y := t.Year()
		return network.MakeDate(y, 1, 1), network.MakeDate(y, 12, 31), nil
	case 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return 0, 0, fmt.Errorf("%q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		start := network.DateOf(t)
		return start, network.MakeDate(t.Year(), t.Month()+1, 1) - 1, nil
	case 10:
		d, err := network.ParseDate(s)
		return d, d, err
	}
	return 0, 0, fmt.Errorf("%q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// String writes the period in the shortest form ParsePeriod reads back to
// the same value: "2025", "2025-01..2025-08", "SH1400 = 2021-03-21..2022-03-20".
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	span := p.span()
	if p.Label == "" || p.Label == span {
		return span
	}
	return p.Label + " = " + span
}

// Name returns the label if there is one, else the span ("2025", "SH1400");
// "" for the zero Period.
func (p Period) Name() string {
	if p.IsZero() {
		return ""
	}
	if p.Label != "" {
		return p.Label
	}
	return p.span()
}

func (p Period) span() string {
	s, e := p.Start.Time(), p.End.Time()
	firstOfMonth := s.Day() == 1
	lastOfMonth := e.AddDate(0, 0, 1).Day() == 1
	switch {
	case firstOfMonth && lastOfMonth && s.Month() == time.January && e.Month() == time.December && s.Year() == e.Year():
		return fmt.Sprintf("%04d", s.Year())
	case firstOfMonth && lastOfMonth && s.Year() == e.Year() && s.Month() == e.Month():
		return s.Format("2006-01")
	case firstOfMonth && lastOfMonth:
		return s.Format("2006-01") + ".." + e.Format("2006-01")
	}
	return p.Start.String() + ".." + p.End.String()
}

// MarshalText writes String.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads what ParsePeriod reads.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
