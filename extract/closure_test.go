package extract

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/caravan-transport/caravan"
)

// TestDisruptionToClosure reads a Persian and an English disruption and
// converts them into closure fields.
func TestDisruptionToClosure(t *testing.T) {
	x := NewExtractor(nil)
	for _, tt := range []struct {
		name, text string
		want       ClosureFields
	}{
		{"Persian closure on a Solar Hijri day", " date 2025-10-13 گذرگاه مرزی تورخم میان افغانستان و پاکستان از بامداد یکشنبه ۲۰ مهر ۱۴۰۴ بسته شد.",
			ClosureFields{Target: "af-torkham", From: day(2025, 10, 12), Reason: StatusClosed}},
		{"Persian closure on a weekday", " date 2025-10-13 گذرگاه چمن میان افغانستان و پاکستان از روز شنبه بسته است.",
			ClosureFields{Target: "pk-chaman", From: day(2025, 10, 11), Reason: StatusClosed}},
		{"English reopening", "date 2025-04-21\nThe Torkham crossing between Afghanistan and Pakistan reopened for trade on Monday.",
			ClosureFields{Target: "af-torkham", Until: day(2025, 4, 21), Reopen: true, Reason: StatusReopened}},
		{"English closure without a day", "date 2025-04-21\nThe Dogharoun crossing on the Iran–Afghanistan border was closed because of a sandstorm.",
			ClosureFields{Target: "ir-dogharoun", From: day(2025, 4, 21), Reason: StatusClosed}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("a", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			fs, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			var got []ClosureFields
			for _, f := range fs {
				if f.Kind != KindDisruption {
					continue
				}
				c, err := Closure(f, a.Date)
				if err != nil {
					t.Fatal(err)
				}
				c.Source, c.Quote = "", ""
				got = append(got, c)
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("closures = %+v, want [%+v]", got, tt.want)
			}
		})
	}
}

func TestClosureErrors(t *testing.T) {
	pub := day(2025, 1, 1)
	for _, tt := range []struct {
		name string
		f    Fact
	}{
		{"not a disruption", Fact{Kind: KindMeeting, PlaceID: "af-torkham", Status: ptr(StatusHeld)}},
		{"no place", Fact{Kind: KindDisruption, Status: ptr(StatusClosed)}},
		{"bad date", Fact{Kind: KindDisruption, PlaceID: "af-torkham", Status: ptr(StatusClosed), Date: "2025-13-01"}},
		{"unknown status", Fact{Kind: KindDisruption, PlaceID: "af-torkham", Status: ptr("delayed")}},
	} {
		if _, err := Closure(tt.f, pub); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("%s: Closure error = %v, want invalid", tt.name, err)
		}
	}
	if _, err := Closure(Fact{Kind: KindDisruption, PlaceID: "af-torkham", Status: ptr(StatusClosed)}, time.Time{}); !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("no date at all: error = %v, want invalid", err)
	}
}

// FuzzClosure extracts any text and converts its disruptions: Closure
// never panics, and a closure it returns names the fact's place and has
// exactly one of From and Until.
func FuzzClosure(f *testing.F) {
	for _, s := range []string{
		" date 2025-10-13 گذرگاه مرزی تورخم میان افغانستان و پاکستان از بامداد یکشنبه ۲۰ مهر ۱۴۰۴ بسته شد.",
		"date 2025-04-21\nThe Torkham crossing between Afghanistan and Pakistan reopened for trade on Monday.",
		"Border forces of Afghanistan and Pakistan clashed near the Torkham crossing on Friday.",
	} {
		f.Add(s)
	}
	x := NewExtractor(nil)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("f", s)
		if err != nil {
			return
		}
		fs, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, fc := range fs {
			if fc.Kind != KindDisruption {
				continue
			}
			c, err := Closure(fc, a.Date)
			if err != nil {
				continue
			}
			if c.Target != fc.PlaceID || c.From.IsZero() == c.Until.IsZero() {
				t.Fatalf("Closure(%+v) = %+v", fc, c)
			}
		}
	})
}
