package network

import "testing"

func TestSeason(t *testing.T) {
	for _, tt := range []struct {
		name, season, date string
		want               bool
	}{
		{"all year", "", "2024-01-15", true},
		{"summer inside", "03-05..12-13", "2024-07-01", true},
		{"summer before", "03-05..12-13", "2024-03-04", false},
		{"summer last day out", "03-05..12-13", "2024-12-13", false},
		{"winter wraps inside december", "12-13..03-05", "2024-12-20", true},
		{"winter wraps inside january", "12-13..03-05", "2025-01-20", true},
		{"winter wraps outside", "12-13..03-05", "2025-06-20", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSeason(tt.season)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseDate(tt.date)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Contains(d); got != tt.want {
				t.Errorf("Season(%q).Contains(%s) = %v, want %v", tt.season, tt.date, got, tt.want)
			}
			if s.String() != tt.season {
				t.Errorf("String() = %q, want %q", s.String(), tt.season)
			}
		})
	}
	for _, bad := range []string{"03-05", "13-01..01-01", "01-01..01-01"} {
		if _, err := ParseSeason(bad); err == nil {
			t.Errorf("ParseSeason(%q) succeeded, want an error", bad)
		}
	}
}
