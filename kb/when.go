package kb

import (
	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// Precision says how much of a When is known.
type Precision uint8

// The precisions.
const (
	Day   Precision = iota // the full date
	Month                  // the month only ("Jun 2025")
	Year                   // the year only ("signed 2010")
)

// When is a date that sources may give to the day, the month or the year
// only. Date is the first day of what is known (2025-06-01 for "June
// 2025"), so Whens sort by it. The zero When is unknown.
type When struct {
	Date network.Date
	Prec Precision
}

// ParseWhen reads YYYY-MM-DD, YYYY-MM or YYYY. The empty string gives the
// zero When. The date is read by trade.ParsePeriod, the one reader of
// period labels that kb, trade and extract share; a When is one unit of
// that grammar, not a span or a named period.
func ParseWhen(s string) (When, error) {
	var p Precision
	switch len(s) {
	case 0:
		return When{}, nil
	case 4:
		p = Year
	case 7:
		p = Month
	case 10:
		p = Day
	default:
		return When{}, caravan.Errorf(caravan.Invalid, "", "date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	per, err := trade.ParsePeriod(s)
	// Only the canonical spelling: the period grammar is lenient (spaces,
	// other separators, labels, spans) where a stored date must read back
	// the same.
	w := When{Date: per.Start, Prec: p}
	if err != nil || w.String() != s {
		return When{}, caravan.Errorf(caravan.Invalid, "", "date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	return w, nil
}

// Exactly returns the When of a full date.
func Exactly(d network.Date) When { return When{Date: d} }

// IsZero reports whether w is unknown.
func (w When) IsZero() bool { return w.Date == 0 }

// String writes w as ParseWhen reads it ("2010", "2025-06", "2025-07-17").
func (w When) String() string {
	if w.Date == 0 {
		return ""
	}
	s := w.Date.String()
	switch w.Prec {
	case Year:
		return s[:4]
	case Month:
		return s[:7]
	}
	return s
}

// MarshalText writes String.
func (w When) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText reads what ParseWhen reads.
func (w *When) UnmarshalText(b []byte) error {
	v, err := ParseWhen(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}
