// Package jalali converts between the Solar Hijri (Jalali) calendar used in
// Iran and Afghanistan and the Gregorian calendar, and knows the month names
// of both countries.
//
// The Solar Hijri year starts at Nowruz, on 20 or 21 March. Year N runs from
// 1 Farvardin (Hamal) N to the last day of Esfand (Hut) N; months 1–6 have 31
// days, 7–11 have 30 and month 12 has 29, or 30 in a leap year. Leap years
// follow the 2820-year break table of the astronomical calendar as computed
// by Borkowski's algorithm (the arithmetic of jalaali-js), valid for Solar
// Hijri years −61 to 3177.
//
// All times are UTC midnight. Spans are inclusive: a span's End is its last
// day, not the day after.
package jalali

import (
	"fmt"
	"time"

	"github.com/caravan-transport/caravan"
)

// MinYear and MaxYear bound the Solar Hijri years the algorithm covers.
const (
	MinYear = -61
	MaxYear = 3177
)

// breaks are the Solar Hijri years in which the 33-year leap cycle shifts.
var breaks = [...]int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210,
	1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}

// Date is a day of the Solar Hijri calendar. Month is 1–12 and Day 1–31.
type Date struct {
	Year, Month, Day int
}

// String formats d as "1404-06-01".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Valid reports whether d is a day of the calendar within MinYear..MaxYear.
func (d Date) Valid() bool {
	if d.Year < MinYear || d.Year > MaxYear || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= MonthLength(d.Year, d.Month)
}

// Time returns the Gregorian day of d at UTC midnight. It returns an error of
// kind caravan.Invalid when d is not Valid.
func (d Date) Time() (time.Time, error) {
	if !d.Valid() {
		return time.Time{}, caravan.Errorf(caravan.Invalid, "jalali.Date.Time", "invalid Solar Hijri date %s", d)
	}
	return nowruz(d.Year).AddDate(0, 0, dayOfYear(d.Month, d.Day)), nil
}

// FromTime returns the Solar Hijri day of t's calendar date (its year, month
// and day in t's location). It returns an error of kind caravan.Invalid when
// the date lies outside MinYear..MaxYear.
func FromTime(t time.Time) (Date, error) {
	y, m, dd := t.Date()
	day := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	jy := y - 621
	if jy < MinYear || jy > MaxYear+1 {
		return Date{}, caravan.Errorf(caravan.Invalid, "jalali.FromTime", "date %s outside the supported range", day.Format(time.DateOnly))
	}
	start := nowruz(jy)
	if day.Before(start) {
		jy--
		if jy < MinYear {
			return Date{}, caravan.Errorf(caravan.Invalid, "jalali.FromTime", "date %s outside the supported range", day.Format(time.DateOnly))
		}
		start = nowruz(jy)
	}
	if jy > MaxYear {
		return Date{}, caravan.Errorf(caravan.Invalid, "jalali.FromTime", "date %s outside the supported range", day.Format(time.DateOnly))
	}
	k := int(day.Sub(start).Hours() / 24)
	if k < 186 {
		return Date{jy, 1 + k/31, 1 + k%31}, nil
	}
	k -= 186
	return Date{jy, 7 + k/30, 1 + k%30}, nil
}

// IsLeap reports whether Solar Hijri year y has 366 days (Esfand has 30).
// Years outside MinYear..MaxYear are reported as common years.
func IsLeap(y int) bool {
	if y < MinYear || y > MaxYear {
		return false
	}
	leap, _ := cal(y)
	return leap
}

// MonthLength returns the number of days of month m (1–12) of year y, or 0
// when m is out of range.
func MonthLength(y, m int) int {
	switch {
	case m >= 1 && m <= 6:
		return 31
	case m >= 7 && m <= 11:
		return 30
	case m == 12:
		if IsLeap(y) {
			return 30
		}
		return 29
	}
	return 0
}

// Span is an inclusive range of Gregorian days at UTC midnight.
type Span struct {
	Start, End time.Time
}

// String formats s as "2021-03-21..2022-03-20".
func (s Span) String() string {
	return s.Start.Format(time.DateOnly) + ".." + s.End.Format(time.DateOnly)
}

// YearSpan returns the Gregorian days of Solar Hijri year y: SH1400 is
// 2021-03-21..2022-03-20. It returns an error of kind caravan.Invalid outside
// MinYear..MaxYear.
func YearSpan(y int) (Span, error) {
	return MonthsSpan(y, 1, 12)
}

// MonthSpan returns the Gregorian days of month m of Solar Hijri year y:
// SH1404-06 (Shahrivar/Sonbola) is 2025-08-23..2025-09-22.
func MonthSpan(y, m int) (Span, error) {
	return MonthsSpan(y, m, m)
}

// MonthsSpan returns the Gregorian days from the first day of month from to
// the last day of month to (inclusive) of Solar Hijri year y, such as the
// first eight months of a year (from 1, to 8). It returns an error of kind
// caravan.Invalid when the year or the months are out of range or from > to.
func MonthsSpan(y, from, to int) (Span, error) {
	if y < MinYear || y > MaxYear || from < 1 || to > 12 || from > to {
		return Span{}, caravan.Errorf(caravan.Invalid, "jalali.MonthsSpan", "invalid Solar Hijri period %d months %d..%d", y, from, to)
	}
	start, _ := Date{y, from, 1}.Time()
	end, _ := Date{y, to, MonthLength(y, to)}.Time()
	return Span{start, end}, nil
}

// nowruz returns 1 Farvardin of year y (which must be within range) as a
// Gregorian day.
func nowruz(y int) time.Time {
	_, march := cal(y)
	return time.Date(y+621, time.March, march, 0, 0, 0, 0, time.UTC)
}

// dayOfYear returns the number of days from 1 Farvardin to month m, day d.
func dayOfYear(m, d int) int {
	if m <= 7 {
		return (m-1)*31 + d - 1
	}
	return 6*31 + (m-7)*30 + d - 1
}

// cal returns whether year y is leap and the day of March (Gregorian year
// y+621) on which it starts. y must be within MinYear..MaxYear.
func cal(y int) (leap bool, march int) {
	gy := y + 621
	leapJ := -14
	jp := breaks[0]
	jump := 0
	for i := 1; i < len(breaks); i++ {
		jm := breaks[i]
		jump = jm - jp
		if y < jm {
			break
		}
		leapJ += jump/33*8 + (jump%33)/4
		jp = jm
	}
	n := y - jp
	leapJ += n/33*8 + (n%33+3)/4
	if jump%33 == 4 && jump-n == 4 {
		leapJ++
	}
	leapG := gy/4 - (gy/100+1)*3/4 - 150
	march = 20 + leapJ - leapG
	if jump-n < 6 {
		n = n - jump + (jump+4)/33*33
	}
	l := ((n+1)%33 - 1) % 4
	if l == -1 {
		l = 4
	}
	return l == 0, march
}
