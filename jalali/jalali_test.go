package jalali_test

import (
	"errors"
	"testing"
	"time"

	jalaali "github.com/jalaali/go-jalaali"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/jalali"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestYearSpan checks the table of Nowruz dates in the corpus notes.
func TestYearSpan(t *testing.T) {
	for _, tt := range []struct {
		year int
		want string
	}{
		{1399, "2020-03-20..2021-03-20"},
		{1400, "2021-03-21..2022-03-20"},
		{1401, "2022-03-21..2023-03-20"},
		{1402, "2023-03-21..2024-03-19"},
		{1403, "2024-03-20..2025-03-20"},
		{1404, "2025-03-21..2026-03-20"},
		{1405, "2026-03-21..2027-03-20"},
	} {
		got, err := jalali.YearSpan(tt.year)
		if err != nil {
			t.Fatalf("YearSpan(%d): %v", tt.year, err)
		}
		if got.String() != tt.want {
			t.Errorf("YearSpan(%d) = %s, want %s", tt.year, got, tt.want)
		}
	}
}

// TestMonthSpan1404 checks every month of SH1404 against the corpus table.
func TestMonthSpan1404(t *testing.T) {
	want := []string{
		"2025-03-21..2025-04-20", "2025-04-21..2025-05-21", "2025-05-22..2025-06-21",
		"2025-06-22..2025-07-22", "2025-07-23..2025-08-22", "2025-08-23..2025-09-22",
		"2025-09-23..2025-10-22", "2025-10-23..2025-11-21", "2025-11-22..2025-12-21",
		"2025-12-22..2026-01-20", "2026-01-21..2026-02-19", "2026-02-20..2026-03-20",
	}
	for m := 1; m <= 12; m++ {
		got, err := jalali.MonthSpan(1404, m)
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != want[m-1] {
			t.Errorf("MonthSpan(1404, %d) = %s, want %s", m, got, want[m-1])
		}
	}
}

func TestMonthsSpan(t *testing.T) {
	got, err := jalali.MonthsSpan(1403, 1, 8)
	if err != nil {
		t.Fatal(err)
	}
	if want := "2024-03-20..2024-11-20"; got.String() != want {
		t.Errorf("MonthsSpan(1403, 1, 8) = %s, want %s", got, want)
	}
	for _, bad := range [][3]int{{1403, 0, 3}, {1403, 5, 4}, {1403, 1, 13}, {4000, 1, 1}} {
		if _, err := jalali.MonthsSpan(bad[0], bad[1], bad[2]); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("MonthsSpan(%v) error = %v, want invalid", bad, err)
		}
	}
}

// TestAgainstOracle compares every day from 1900 to 2200 with go-jalaali.
func TestAgainstOracle(t *testing.T) {
	start, end := day(1900, 1, 1), day(2200, 1, 1)
	if testing.Short() {
		start, end = day(2000, 1, 1), day(2040, 1, 1)
	}
	for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
		got, err := jalali.FromTime(d)
		if err != nil {
			t.Fatalf("FromTime(%s): %v", d.Format(time.DateOnly), err)
		}
		wy, wm, wd, err := jalaali.ToJalaali(d.Year(), d.Month(), d.Day())
		if err != nil {
			t.Fatal(err)
		}
		if want := (jalali.Date{Year: wy, Month: int(wm), Day: wd}); got != want {
			t.Fatalf("FromTime(%s) = %s, want %s", d.Format(time.DateOnly), got, want)
		}
		back, err := got.Time()
		if err != nil || !back.Equal(d) {
			t.Fatalf("%s.Time() = %s, %v, want %s", got, back.Format(time.DateOnly), err, d.Format(time.DateOnly))
		}
		if wl, err := jalaali.IsLeapYear(wy); err != nil || jalali.IsLeap(wy) != wl {
			t.Fatalf("IsLeap(%d) = %v, oracle says %v (%v)", wy, jalali.IsLeap(wy), wl, err)
		}
	}
}

func TestLeapYears(t *testing.T) {
	for _, tt := range []struct {
		year int
		want bool
	}{{1399, true}, {1400, false}, {1403, true}, {1404, false}, {1408, true}} {
		if got := jalali.IsLeap(tt.year); got != tt.want {
			t.Errorf("IsLeap(%d) = %v, want %v", tt.year, got, tt.want)
		}
	}
}

func TestInvalid(t *testing.T) {
	for _, d := range []jalali.Date{{1404, 12, 30}, {1404, 7, 31}, {1404, 13, 1}, {1404, 0, 1}, {1404, 1, 0}, {5000, 1, 1}} {
		if _, err := d.Time(); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("%s.Time() error = %v, want invalid", d, err)
		}
	}
	if _, err := jalali.FromTime(day(9999, 1, 1)); !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("FromTime(9999) error = %v, want invalid", err)
	}
	if _, err := jalali.FromTime(day(100, 1, 1)); !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("FromTime(100) error = %v, want invalid", err)
	}
}

func TestMonth(t *testing.T) {
	for _, tt := range []struct {
		name  string
		month int
		style jalali.Style
	}{
		{"فروردین", 1, jalali.Iranian}, {"اردیبهشت", 2, jalali.Iranian}, {"اردی بهشت", 2, jalali.Iranian},
		{"شهريور", 6, jalali.Iranian}, {"دی", 10, jalali.Iranian}, {"اسفند", 12, jalali.Iranian},
		{"حمل", 1, jalali.Afghan}, {"ثور", 2, jalali.Afghan}, {"جوزا", 3, jalali.Afghan},
		{"سرطان", 4, jalali.Afghan}, {"اسد", 5, jalali.Afghan}, {"سنبله", 6, jalali.Afghan},
		{"میزان", 7, jalali.Afghan}, {"عقرب", 8, jalali.Afghan}, {"قوس", 9, jalali.Afghan},
		{"جدی", 10, jalali.Afghan}, {"دلو", 11, jalali.Afghan}, {"حوت", 12, jalali.Afghan},
		{"Hamal", 1, jalali.Afghan}, {"Farvardin", 1, jalali.Iranian}, {"Saur", 2, jalali.Afghan},
	} {
		m, s, ok := jalali.Month(tt.name)
		if !ok || m != tt.month || s != tt.style {
			t.Errorf("Month(%q) = %d, %v, %v; want %d, %v", tt.name, m, s, ok, tt.month, tt.style)
		}
		if jalali.MonthName(m, s) == "" {
			t.Errorf("MonthName(%d, %v) is empty", m, s)
		}
	}
	for _, bad := range []string{"", "ژانویه", "March", "کابل"} {
		if _, _, ok := jalali.Month(bad); ok {
			t.Errorf("Month(%q) ok, want not a month", bad)
		}
	}
	if jalali.MonthName(13, jalali.Iranian) != "" || jalali.MonthName(1, 0) != "" {
		t.Error("MonthName out of range should be empty")
	}
}

func TestFiscalYear(t *testing.T) {
	got, err := jalali.FiscalYear("IR", 1402)
	if err != nil || got.String() != "2023-03-21..2024-03-19" {
		t.Errorf("FiscalYear(IR, 1402) = %s, %v", got, err)
	}
	got, err = jalali.FiscalYear("af", 1403)
	if err != nil || got.String() != "2024-03-20..2025-03-20" {
		t.Errorf("FiscalYear(AF, 1403) = %s, %v", got, err)
	}
	for _, c := range []struct {
		country string
		year    int
	}{{"AF", 1395}, {"PK", 1402}} {
		if _, err := jalali.FiscalYear(c.country, c.year); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("FiscalYear(%s, %d) error = %v, want invalid", c.country, c.year, err)
		}
	}
}

// FuzzRoundTrip checks that every valid date converts to Gregorian and back.
func FuzzRoundTrip(f *testing.F) {
	f.Add(1404, 6, 1)
	f.Add(1403, 12, 30)
	f.Add(-61, 1, 1)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		jd := jalali.Date{Year: y, Month: m, Day: d}
		g, err := jd.Time()
		if !jd.Valid() {
			if err == nil {
				t.Fatalf("%s.Time() accepted an invalid date", jd)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		back, err := jalali.FromTime(g)
		if err != nil || back != jd {
			t.Fatalf("round trip %s -> %s -> %s, %v", jd, g.Format(time.DateOnly), back, err)
		}
	})
}
