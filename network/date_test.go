package network_test

import (
	"testing"
	"time"

	"github.com/caravan-transport/caravan/network"
)

func TestDateRoundTrip(t *testing.T) {
	for _, s := range []string{"0001-01-01", "1970-01-01", "2000-02-29", "2025-10-12", "2026-11-21", "9999-12-31"} {
		d, err := network.ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
		if got := d.String(); got != s {
			t.Errorf("ParseDate(%q).String() = %q", s, got)
		}
		if got := network.DateOf(d.Time()); got != d {
			t.Errorf("DateOf(%q.Time()) = %v, want %v", s, got, d)
		}
	}
	if d, _ := network.ParseDate("0001-01-01"); d != 1 {
		t.Errorf("0001-01-01 = %d, want 1", d)
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, s := range []string{"", "2025-02-30", "2025-2-3", "25-01-01", "2025/01/01", "yesterday"} {
		if _, err := network.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q): no error", s)
		}
	}
}

func TestIntervalContains(t *testing.T) {
	d := func(s string) network.Date { v, _ := network.ParseDate(s); return v }
	iv := network.Interval{From: d("2025-10-12")}
	for _, tt := range []struct {
		on   string
		want bool
	}{{"2025-10-11", false}, {"2025-10-12", true}, {"2030-01-01", true}} {
		if got := iv.Contains(d(tt.on)); got != tt.want {
			t.Errorf("%v.Contains(%s) = %v, want %v", iv, tt.on, got, tt.want)
		}
	}
	closed := network.Interval{From: d("2025-01-01"), Until: d("2025-02-01")}
	if closed.Contains(d("2025-02-01")) {
		t.Errorf("%v contains its Until", closed)
	}
	if got := network.MakeDate(2026, time.November, 21).String(); got != "2026-11-21" {
		t.Errorf("MakeDate = %s", got)
	}
}
