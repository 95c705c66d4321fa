package network

import (
	"time"

	"github.com/caravan-transport/caravan"
)

// Date is a calendar date with no time of day or zone, stored as the number
// of days since 0000-12-31 (so 0001-01-01 is 1). The zero Date means "not
// set": an open end of a validity interval, an unknown date.
type Date int32

var epoch = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date((u.Unix()-epoch.Unix())/86400 + 1)
}

// MakeDate returns the date y-m-d. Out-of-range months and days are
// normalised as time.Date does.
func MakeDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// ParseDate parses a date written YYYY-MM-DD. It rejects anything else,
// including impossible days such as 2025-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, caravan.Errorf(caravan.Invalid, "", "date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == 0 }

// Time returns d as midnight UTC. The zero Date gives the zero time.Time.
func (d Date) Time() time.Time {
	if d == 0 {
		return time.Time{}
	}
	return epoch.AddDate(0, 0, int(d)-1)
}

// String returns d as YYYY-MM-DD, or "" when d is unset.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// MarshalText writes d as YYYY-MM-DD (empty when unset).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; empty text gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Interval is a half-open range of dates [From, Until). A zero From means
// "since always", a zero Until "until further notice".
type Interval struct {
	From  Date `json:"from,omitzero"`
	Until Date `json:"until,omitzero"`
}

// Contains reports whether d lies in the interval.
func (iv Interval) Contains(d Date) bool {
	return (iv.From == 0 || d >= iv.From) && (iv.Until == 0 || d < iv.Until)
}

// String returns "FROM..UNTIL" with empty ends left blank.
func (iv Interval) String() string { return iv.From.String() + ".." + iv.Until.String() }
