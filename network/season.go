package network

import (
	"fmt"
	"strings"
	"time"

	"github.com/caravan-transport/caravan"
)

// Season is the part of every year in which a seasonal service runs, as a
// half-open window of days of the year [From, Until), each written
// month*100 + day (1 December = 1201). A window with From > Until wraps the
// new year ("05-01..12-01" runs in summer, "12-01..04-01" in winter). The
// zero Season runs all year.
type Season struct {
	From, Until uint16
}

// ParseSeason parses "MM-DD..MM-DD" (or "" for all year).
func ParseSeason(s string) (Season, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Season{}, nil
	}
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		return Season{}, caravan.Errorf(caravan.Invalid, "", "season %q: want MM-DD..MM-DD", s)
	}
	var out Season
	for i, part := range []string{a, b} {
		t, err := time.Parse("01-02", strings.TrimSpace(part))
		if err != nil {
			return Season{}, caravan.Errorf(caravan.Invalid, "", "season %q: %q is not MM-DD", s, part)
		}
		v := uint16(int(t.Month())*100 + t.Day())
		if i == 0 {
			out.From = v
		} else {
			out.Until = v
		}
	}
	if out.From == out.Until {
		return Season{}, caravan.Errorf(caravan.Invalid, "", "season %q: empty window", s)
	}
	return out, nil
}

// IsZero reports whether the season is all year.
func (s Season) IsZero() bool { return s.From == 0 && s.Until == 0 }

// Contains reports whether the service runs on d.
func (s Season) Contains(d Date) bool {
	if s.IsZero() {
		return true
	}
	t := d.Time()
	md := uint16(int(t.Month())*100 + t.Day())
	if s.From < s.Until {
		return md >= s.From && md < s.Until
	}
	return md >= s.From || md < s.Until
}

// String returns "MM-DD..MM-DD", or "" for all year.
func (s Season) String() string {
	if s.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d-%02d..%02d-%02d", s.From/100, s.From%100, s.Until/100, s.Until%100)
}

// MarshalText writes the String form.
func (s Season) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (s *Season) UnmarshalText(b []byte) error {
	v, err := ParseSeason(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
