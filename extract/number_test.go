package extract

import (
	"errors"
	"math"
	"testing"
	"unicode/utf8"

	"github.com/caravan-transport/caravan"
)

func TestParseNumber(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
	}{
		// Digits in three scripts, separators.
		{"338", 338}, {"۳۳۸", 338}, {"٣٣٨", 338},
		{"۱.۶", 1.6}, {"۱٫۶", 1.6}, {"1,250", 1250}, {"۱۲٬۵۰۰", 12500}, {"12,500", 12500},
		{"1,234.56", 1234.56}, {"1.234,56", 1234.56}, {"1.250.000", 1250000}, {"۱,۶", 1.6},
		// The Iranian slash decimal needs a scale or unit after it.
		{"۱/۶ میلیارد", 1.6e9}, {"۱۲/۵ هزار", 12500},
		// Number words.
		{"سه", 3}, {"بیست و پنج", 25}, {"یکصد و پنجاه", 150}, {"هفت میلیون", 7e6}, {"دو هزار", 2000},
		{"هزار", 1000}, {"چهل", 40}, {"یک میلیون", 1e6},
		{"twenty-five", 25}, {"two billion", 2e9}, {"one hundred and fifty million", 150e6}, {"a billion", 1e9},
		{"one and a half billion", 1.5e9}, {"half a million", 0.5e6},
		// Scales and compound amounts.
		{"سه میلیارد", 3e9}, {"۱.۶ میلیارد", 1.6e9}, {"۳۳۸ میلیون", 338e6}, {"۱.۶ ملیارد", 1.6e9},
		{"۲۶۵ میلیون و ۲۰۰ هزار", 265.2e6}, {"دو میلیارد و ۵۰۰ میلیون", 2.5e9}, {"۲ میلیون و ۱۵۰ هزار", 2.15e6},
		{"۲ میلیون و ۵۰۰", 2000500}, {"یک و نیم میلیارد", 1.5e9}, {"۲ هزار میلیارد", 2e12}, {"نیم میلیون", 0.5e6},
		{"300m", 300e6}, {"1.2bn", 1.2e9}, {"5 mln", 5e6}, {"3 lakh", 3e5}, {"2 crore", 2e7},
		// A scale joined by a hyphen, as an adjective: "a $1.2-billion investment".
		{"1.2-billion", 1.2e9}, {"500-million", 500e6},
	} {
		n, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if math.Abs(n.Value-tt.want) > 1e-9*math.Max(1, tt.want) {
			t.Errorf("ParseNumber(%q) = %v, want %v", tt.in, n.Value, tt.want)
		}
		if n.Start != 0 || n.End != len(tt.in) {
			t.Errorf("ParseNumber(%q) span = %d..%d, want 0..%d", tt.in, n.Start, n.End, len(tt.in))
		}
	}
}

func TestParseNumberRejects(t *testing.T) {
	for _, in := range []string{"", "دلار", "۳ میلیون ۵", "۱۴۰۰/۰۱/۱۵", "۱/۶", "2024 و 2025", "12,5000", "میلیون", "٥ ٥"} {
		if n, err := ParseNumber(in); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("ParseNumber(%q) = %v, %v; want an invalid error", in, n, err)
		}
	}
}

// FuzzParseNumber checks that the number parser never panics, returns
// finite values and offsets inside the input.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"۲۶۵ میلیون و ۲۰۰ هزار", "۱/۶ میلیارد", "one and a half billion", "1,234.56", "۲ هزار میلیارد و",
		"بیست و پنج و", "a half", "3e400", "99999999999999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) || n.Value < 0 {
			t.Fatalf("ParseNumber(%q) = %v", s, n.Value)
		}
		if n.Start < 0 || n.End > len(s) || n.Start > n.End || !utf8.ValidString(s[n.Start:n.End]) && utf8.ValidString(s) {
			t.Fatalf("ParseNumber(%q) span %d..%d outside the input", s, n.Start, n.End)
		}
	})
}
