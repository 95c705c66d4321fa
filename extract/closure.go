package extract

import (
	"time"

	"github.com/caravan-transport/caravan"
)

// ClosureFields are what a closure of the network (network.Closure) needs
// from an accepted disruption fact. Dates are UTC midnights; a zero date
// is unknown or open-ended.
type ClosureFields struct {
	Target string    // the place id (Fact.PlaceID)
	From   time.Time // the first day closed; zero for a reopening
	Until  time.Time // the first day open again; zero while still closed
	Reopen bool      // the fact reports a reopening: an open closure of Target ends on Until
	Reason string    // "closed", "clashes" or "reopened", with the fact's quote
	Source string    // the article id
	Quote  string    // the words of the article that report it
}

// Closure converts a disruption fact into closure fields. A closure or
// clashes start on the fact's date, or on published (the article's date)
// when the fact has none, and stay open-ended; a reopening ends on its
// date. It returns an error of kind caravan.Invalid when f is not a
// disruption, names no place id or has no date and published is zero.
func Closure(f Fact, published time.Time) (ClosureFields, error) {
	const op = "extract.Closure"
	if f.Kind != KindDisruption {
		return ClosureFields{}, caravan.Errorf(caravan.Invalid, op, "fact of kind %q, want %q", f.Kind, KindDisruption)
	}
	if f.PlaceID == "" {
		return ClosureFields{}, caravan.Errorf(caravan.Invalid, op, "%s: disruption without a place id (%q)", f.Article, f.Quote)
	}
	day := published.UTC().Truncate(24 * time.Hour)
	if f.Date != "" {
		t, err := time.Parse(time.DateOnly, f.Date)
		if err != nil {
			return ClosureFields{}, caravan.Errorf(caravan.Invalid, op, "%s: date %q: %v", f.Article, f.Date, err)
		}
		day = t
	}
	if day.IsZero() {
		return ClosureFields{}, caravan.Errorf(caravan.Invalid, op, "%s: disruption at %s without a date", f.Article, f.PlaceID)
	}
	c := ClosureFields{Target: f.PlaceID, Reason: str(f.Status), Source: f.Article, Quote: f.Quote}
	switch str(f.Status) {
	case StatusReopened:
		c.Until, c.Reopen = day, true
	case StatusClosed, StatusClashes:
		c.From = day
	default:
		return ClosureFields{}, caravan.Errorf(caravan.Invalid, op, "%s: disruption status %q", f.Article, str(f.Status))
	}
	return c, nil
}
