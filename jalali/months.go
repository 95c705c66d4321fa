package jalali

import (
	"strings"

	"github.com/caravan-transport/caravan"
)

// Style says which set of month names a text uses.
type Style uint8

// The month-name styles.
const (
	Iranian Style = iota + 1 // Farvardin, Ordibehesht, … (Iran)
	Afghan                   // Hamal, Sawr, … (Afghanistan, the zodiac names)
)

// String returns "iranian" or "afghan".
func (s Style) String() string {
	switch s {
	case Iranian:
		return "iranian"
	case Afghan:
		return "afghan"
	}
	return "unknown"
}

var iranianNames = [12]string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"}

var afghanNames = [12]string{"حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"}

// monthVariants lists other spellings (Persian and Latin transliterations)
// that name the same months. Keys are folded with fold.
var monthVariants = map[string]struct {
	month int
	style Style
}{
	"اردی بهشت": {2, Iranian}, "امرداد": {5, Iranian}, "جوزاء": {3, Afghan},
	"farvardin": {1, Iranian}, "ordibehesht": {2, Iranian}, "khordad": {3, Iranian},
	"tir": {4, Iranian}, "mordad": {5, Iranian}, "amordad": {5, Iranian},
	"shahrivar": {6, Iranian}, "mehr": {7, Iranian}, "aban": {8, Iranian},
	"azar": {9, Iranian}, "dey": {10, Iranian}, "dei": {10, Iranian},
	"bahman": {11, Iranian}, "esfand": {12, Iranian}, "espand": {12, Iranian},
	"hamal": {1, Afghan}, "hamel": {1, Afghan}, "sawr": {2, Afghan}, "saur": {2, Afghan},
	"sowr": {2, Afghan}, "jawza": {3, Afghan}, "jauza": {3, Afghan}, "jawzaa": {3, Afghan},
	"saratan": {4, Afghan}, "asad": {5, Afghan}, "sunbula": {6, Afghan}, "sonbola": {6, Afghan},
	"sunbulah": {6, Afghan}, "mizan": {7, Afghan}, "aqrab": {8, Afghan}, "akrab": {8, Afghan},
	"qaws": {9, Afghan}, "qaus": {9, Afghan}, "jadi": {10, Afghan}, "jaddi": {10, Afghan},
	"dalw": {11, Afghan}, "dalv": {11, Afghan}, "hut": {12, Afghan}, "hoot": {12, Afghan},
}

// MonthName returns the name of month m (1–12) in style s, or "" when m or
// s is out of range.
func MonthName(m int, s Style) string {
	if m < 1 || m > 12 {
		return ""
	}
	switch s {
	case Iranian:
		return iranianNames[m-1]
	case Afghan:
		return afghanNames[m-1]
	}
	return ""
}

// Month returns the month number (1–12) and the style of name, which may be
// an Iranian or an Afghan month name in Persian script (Arabic ي/ك, zero-width
// non-joiners and spaces are tolerated) or a common Latin transliteration
// ("Farvardin", "Hamal", "Sawr"). ok is false for anything else.
//
// Afghan month names are also ordinary words (سرطان "cancer", میزان "level",
// حمل "transport"); callers decide from context whether a word is a month.
func Month(name string) (month int, s Style, ok bool) {
	f := fold(name)
	for i, n := range iranianNames {
		if f == n {
			return i + 1, Iranian, true
		}
	}
	for i, n := range afghanNames {
		if f == n {
			return i + 1, Afghan, true
		}
	}
	if v, found := monthVariants[f]; found {
		return v.month, v.style, true
	}
	return 0, 0, false
}

// fold maps Arabic yeh/kaf to the Persian letters, drops zero-width
// non-joiners and diacritics, lower-cases ASCII and trims spaces.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == 'ي' || r == 'ى':
			r = 'ی'
		case r == 'ك':
			r = 'ک'
		case r == '\u200c' || r == '\u200d' || (r >= '\u064b' && r <= '\u065f') || r == '\u0640':
			continue
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FiscalYear returns the Gregorian days of the Solar Hijri fiscal year y of
// the government of country (ISO 3166-1 alpha-2).
//
// Iran's fiscal year is the Solar Hijri year (1 Farvardin to the end of
// Esfand). Afghanistan's was moved back to the Solar Hijri year (1 Hamal to
// the end of Hut) from SH1401; from SH1391 to SH1400 it ran from 1 Jadi to
// the end of Qaws, which this function does not model: those years and any
// other country give an error of kind caravan.Invalid. (Gregorian fiscal
// years such as Pakistan's July–June are not Solar Hijri and live with the
// callers that parse them.)
func FiscalYear(country string, y int) (Span, error) {
	switch strings.ToUpper(country) {
	case "IR":
		return YearSpan(y)
	case "AF":
		if y >= 1401 || y < 1391 {
			return YearSpan(y)
		}
		return Span{}, caravan.Errorf(caravan.Invalid, "jalali.FiscalYear", "Afghan fiscal year %d ran Jadi to Qaws and is not modelled", y)
	}
	return Span{}, caravan.Errorf(caravan.Invalid, "jalali.FiscalYear", "no Solar Hijri fiscal year for country %q", country)
}
