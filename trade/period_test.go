package trade_test

import (
	"testing"

	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

func date(tb testing.TB, s string) network.Date {
	tb.Helper()
	d, err := network.ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestParsePeriod(t *testing.T) {
	for _, tt := range []struct {
		in, label, start, end, canon string
		days                         int
		annual                       bool
	}{
		{"2025", "", "2025-01-01", "2025-12-31", "2025", 365, true},
		{"2024", "", "2024-01-01", "2024-12-31", "2024", 366, true},
		{"2025-02", "", "2025-02-01", "2025-02-28", "2025-02", 28, false},
		{"2025-01..2025-08", "", "2025-01-01", "2025-08-31", "2025-01..2025-08", 243, false},
		{"2021-03-21..2022-03-20", "", "2021-03-21", "2022-03-20", "2021-03-21..2022-03-20", 365, true},
		{"SH1400 = 2021-03-21..2022-03-20", "SH1400", "2021-03-21", "2022-03-20", "SH1400 = 2021-03-21..2022-03-20", 365, true},
		{"SH1404-06 = 2025-08-23..2025-09-22", "SH1404-06", "2025-08-23", "2025-09-22", "SH1404-06 = 2025-08-23..2025-09-22", 31, false},
		{"FY2022-23 = 2022-07..2023-06", "FY2022-23", "2022-07-01", "2023-06-30", "FY2022-23 = 2022-07..2023-06", 365, true},
		{"2023 = 2023", "", "2023-01-01", "2023-12-31", "2023", 365, true},
		{"  2022  ", "", "2022-01-01", "2022-12-31", "2022", 365, true},
	} {
		t.Run(tt.in, func(t *testing.T) {
			p, err := trade.ParsePeriod(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Label != tt.label || p.Start != date(t, tt.start) || p.End != date(t, tt.end) {
				t.Errorf("ParsePeriod(%q) = %q %s..%s, want %q %s..%s", tt.in, p.Label, p.Start, p.End, tt.label, tt.start, tt.end)
			}
			if got := p.String(); got != tt.canon {
				t.Errorf("String() = %q, want %q", got, tt.canon)
			}
			if got := p.Days(); got != tt.days {
				t.Errorf("Days() = %d, want %d", got, tt.days)
			}
			if got := p.Annual(); got != tt.annual {
				t.Errorf("Annual() = %v, want %v", got, tt.annual)
			}
		})
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, in := range []string{"25", "2025-13", "2025-02-30", "2025..2024", "2025-01..2025-02-03", " = 2025", "SH1400 =", "0000", "x..y", "2025-1"} {
		if p, err := trade.ParsePeriod(in); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", in, p)
		}
	}
}

func TestPeriodMid(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
	}{
		{"2022", 2022.5},
		{"SH1400 = 2021-03-21..2022-03-20", 2021.72},
		{"2025-01..2025-08", 2025.333},
	} {
		p, err := trade.ParsePeriod(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Mid(); got < tt.want-0.01 || got > tt.want+0.01 {
			t.Errorf("ParsePeriod(%q).Mid() = %.4f, want %.3f ± 0.01", tt.in, got, tt.want)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025", "2025-01..2025-08", "SH1400 = 2021-03-21..2022-03-20", "SH1404-06 = 2025-08-23..2025-09-22", "2025-02", "x = 2020..2021", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := trade.ParsePeriod(s)
		if err != nil {
			return
		}
		if p.End < p.Start {
			t.Fatalf("ParsePeriod(%q) ends before it starts: %s..%s", s, p.Start, p.End)
		}
		q, err := trade.ParsePeriod(p.String())
		if err != nil {
			t.Fatalf("ParsePeriod(%q).String() = %q does not parse: %v", s, p.String(), err)
		}
		if q != p {
			t.Fatalf("round trip of %q: %+v → %q → %+v", s, p, p.String(), q)
		}
	})
}
