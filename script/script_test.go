package script

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   rune
		want rune
		drop bool
	}{
		{"Arabic yeh", 'ي', 'ی', false},
		{"alef maksura", 'ى', 'ی', false},
		{"yeh with hamza", 'ئ', 'ی', false},
		{"Arabic kaf", 'ك', 'ک', false},
		{"swash kaf", 'ڪ', 'ک', false},
		{"heh with yeh", 'ۀ', 'ه', false},
		{"teh marbuta", 'ة', 'ه', false},
		{"heh doachashmee", 'ھ', 'ه', false},
		{"alef with hamza above", 'أ', 'ا', false},
		{"alef wasla", 'ٱ', 'ا', false},
		{"waw with hamza", 'ؤ', 'و', false},
		{"Persian digit", '۷', '7', false},
		{"Arabic-Indic digit", '٣', '3', false},
		{"Arabic decimal separator", '٫', '.', false},
		{"Arabic thousands separator", '٬', ',', false},
		{"Arabic percent", '٪', '%', false},
		{"ZWNJ", '\u200c', 0, true},
		{"tatweel", 'ـ', 0, true},
		{"damma", '\u064f', 0, true},
		{"lone hamza", 'ء', 0, true},
		{"Persian yeh stays", 'ی', 'ی', false},
		{"alef madda stays", 'آ', 'آ', false},
		{"Latin stays", 'é', 'é', false},
		{"ASCII stays", 'K', 'K', false},
	} {
		got, drop := Fold(tt.in)
		if got != tt.want || drop != tt.drop {
			t.Errorf("%s: Fold(%q) = %q, %v; want %q, %v", tt.name, tt.in, got, drop, tt.want, tt.drop)
		}
	}
}

func TestKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"اسلام\u200cآباد", "اسلامآباد"},
		{"اسلام آباد", "اسلامآباد"},
		{"Islam-Abad", "islamabad"},
		{"Türkmenbaşy", "turkmenbasy"},
		{"بندر عباس", "بندرعباس"},
		{"كاشغر", "کاشغر"},
		{"نمایندۀ", "نماینده"},
		{"کاسا-۱۰۰۰", "کاسا1000"},
		{"Mazar-i-Sharif", "mazarisharif"},
	} {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzKey checks that Key and Fold are idempotent and that Key never
// returns invalid UTF-8 from valid input.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"اسلام\u200cآباد", "Türkmenbaşy", "كاشغر ۱۴۰۴", "نمایندۀ ویژۀ", "ﷲ", "a\u064f\u200cb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("Key not idempotent: Key(%q) = %q, Key of that = %q", s, k, Key(k))
		}
		if utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q is not UTF-8", s, k)
		}
		for _, r := range s {
			f1, d1 := Fold(r)
			if d1 {
				continue
			}
			if f2, d2 := Fold(f1); f2 != f1 || d2 {
				t.Fatalf("Fold not idempotent on %q: %q then %q", r, f1, f2)
			}
		}
	})
}
