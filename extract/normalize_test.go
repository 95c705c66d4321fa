package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"Arabic yeh and kaf", "يك كشور", "یک کشور"},
		{"alef maksura and hamza yeh", "رئيس مستوفى", "رییس مستوفی"},
		{"Persian digits", "۱۴۰۰", "1400"},
		{"Arabic-Indic digits", "٣٣٨", "338"},
		{"mixed digits in one token", "CASA-۱۰۰۰", "casa-1000"},
		{"Arabic decimal and thousands separators", "۱٫۶ و ۱۲٬۵۰۰", "1.6 و 12,500"},
		{"Arabic percent sign", "۴۵٪", "45%"},
		{"ZWNJ removed", "می\u200cشود راه\u200cآهن", "میشود راهآهن"},
		{"ZWNJ absent stays glued", "میشود راهآهن", "میشود راهآهن"},
		{"heh with hamza", "نمایندۀ ویژۀ", "نماینده ویژه"},
		{"heh with combining hamza", "نمايندهٔ", "نماینده"},
		{"diacritics dropped", "تُن حدوداً", "تن حدودا"},
		{"tatweel dropped", "تـــجارت", "تجارت"},
		{"en dash and em dash", "افغان–ترانس — x", "افغان-ترانس - x"},
		{"spaces collapsed", "a \u00a0\t b", "a b"},
		{"CR LF", "a\r\nb\rc", "a\nb\nc"},
		{"lower case", "KABUL Türkiye", "kabul türkiye"},
		{"curly quotes", "Kazakhstan’s “deal”", "kazakhstan's \"deal\""},
		{"presentation forms", "ﻻ ﻛ", "لا ک"},
		{"alef with combining madda", "ا\u0653سیا", "آسیا"},
		{"Arabic question mark and semicolon", "چرا؟ بله؛", "چرا? بله;"},
		{"invalid UTF-8", "a\xffb", "a b"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in).Norm
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalizeOffsets checks that spans of the normalized text map back to
// the exact source text that produced them.
func TestNormalizeOffsets(t *testing.T) {
	src := " date 2025 در سال ۱۴۰۰ حدود ۷۲۹ هزار تُن «افغان–ترانس» راه\u200cآهن  يك"
	tx := Normalize(src)
	for _, tt := range []struct {
		norm, want string
	}{
		{"1400", "۱۴۰۰"},
		{"729", "۷۲۹"},
		{"تن", "تُن"},
		{"افغان-ترانس", "افغان–ترانس"},
		{"راهآهن", "راه\u200cآهن"},
		{"یک", "يك"},
		{"2025", "2025"},
	} {
		i := strings.Index(tx.Norm, tt.norm)
		if i < 0 {
			t.Fatalf("%q not in %q", tt.norm, tx.Norm)
		}
		if got := tx.Quote(i, i+len(tt.norm)); got != tt.want {
			t.Errorf("Quote(%q) = %q, want %q", tt.norm, got, tt.want)
		}
	}
	if s, e := tx.Source(len(tx.Norm), len(tx.Norm)+5); s != len(src) || e != len(src) {
		t.Errorf("Source past the end = %d,%d, want %d,%d", s, e, len(src), len(src))
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, s := range []string{"يك ميليارد دالر", "راه\u200cآهن  ۱٫۶", "ﻻ ﭖ", "A\u0653\u200cB"} {
		n1 := Normalize(s).Norm
		if n2 := Normalize(n1).Norm; n2 != n1 {
			t.Errorf("Normalize not idempotent on %q: %q then %q", s, n1, n2)
		}
	}
}

// FuzzNormalize checks that normalization never panics, is idempotent and
// valid UTF-8, and that every token maps back to a span inside the source.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		" date 2025-10-08 افغانستان و قزاقستان توافق کردهاند حجم مبادلات تجاری را به سه میلیارد دلار برسانند",
		"در سال ۱۴۰۰ نزدیک به ۷۲۹ هزار تن کالا به ارزش ۲۶۵ میلیون و ۲۰۰ هزار دلار",
		"CASA-۱۰۰۰ «افغان–ترانس» نمایندۀ راه\u200cآهن ١٢٬٥٠٠ ۱٫۶",
		"from $1 billion to $3 billion, Kazakhstan’s Deputy Prime Minister",
		"\xff\xfe\r\n\u200c\u0653ﻻ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := Normalize(s)
		if !utf8.ValidString(tx.Norm) {
			t.Fatalf("invalid UTF-8 in %q", tx.Norm)
		}
		if n2 := Normalize(tx.Norm).Norm; n2 != tx.Norm {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, tx.Norm, n2)
		}
		for _, tk := range Tokenize(tx.Norm) {
			if tk.Start < 0 || int(tk.End) > len(tx.Norm) || tk.Start >= tk.End {
				t.Fatalf("token %v outside %d bytes", tk, len(tx.Norm))
			}
			a, b := tx.Source(int(tk.Start), int(tk.End))
			if a < 0 || b > len(s) || a > b {
				t.Fatalf("token %q maps to %d..%d outside %d source bytes", tx.Norm[tk.Start:tk.End], a, b, len(s))
			}
			// The quoted source normalizes back to the token; when the token
			// takes part of one character's expansion («ﷻ» gives two words),
			// to text that contains it.
			tok := tx.Norm[tk.Start:tk.End]
			if q := s[a:b]; q != "" && tk.Kind != TokNewline && utf8.RuneCountInString(q) > 1 {
				if nq := Normalize(q).Norm; nq != tok && !strings.Contains(nq, tok) {
					t.Fatalf("token %q quotes %q, which normalizes to %q", tok, q, nq)
				}
			}
		}
	})
}

func TestTokenize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"راهآهن و راه آهن", []string{"راهآهن", "و", "راه", "آهن"}},
		{"1,250.5 و 1/6 و 1400/01/15", []string{"1,250.5", "و", "1/6", "و", "1400/01/15"}},
		{"casa-1000 $1.2bn", []string{"casa", "-", "1000", "$", "1.2", "bn"}},
		{"a.\n\nb", []string{"a", ".", "\n\n", "b"}},
		{"2025.", []string{"2025", "."}},
	} {
		tx := Normalize(tt.in)
		var got []string
		for _, tk := range Tokenize(tx.Norm) {
			got = append(got, tx.Norm[tk.Start:tk.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
