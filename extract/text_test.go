package extract

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
)

func TestCheckText(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		ok         bool
	}{
		{"Persian", "حجم تجارت ایران و ترکمنستان\r\n\tبه یک میلیارد دلار رسید.\f", true},
		{"empty", "", true},
		{"invalid UTF-8", "trade \xff\xfe reached", false},
		{"NUL byte", "trade\x00reached", false},
		{"control characters", strings.Repeat("ab\x01", 100), false},
		{"one control character in a long text", "\x1b" + strings.Repeat("trade reached $1 billion. ", 100), true},
		{"too long", strings.Repeat("a", MaxArticleBytes+1), false},
	} {
		if err := CheckText(tt.text); (err == nil) != tt.ok {
			t.Errorf("%s: CheckText = %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}

// TestNotText feeds 50 MB of random bytes, and 1 MB of random valid UTF-8
// drawn from Persian and Latin letters, digits and punctuation, to the
// extractor: the bytes are refused with an invalid-input error before any
// work, the letters yield no fact.
func TestNotText(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 0))
	b := make([]byte, 50<<20)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	if _, err := ParseArticle("rand", string(b)); !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("ParseArticle(50 MB of random bytes) error = %v, want invalid", err)
	}
	x := NewExtractor(nil)
	if fs, err := x.Extract(context.Background(), Article{ID: "rand", Text: string(b[:1<<20])}); !errors.Is(err, caravan.ErrInvalid) || len(fs) > 0 {
		t.Errorf("Extract(random bytes) = %d facts, %v; want none, invalid", len(fs), err)
	}
	alphabet := []rune("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ ۰۱۲۳۴۵۶۷۸۹0123456789abcdefghijklmnopqrstuvwxyz $%.,،؛:\n")
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteRune(alphabet[r.IntN(len(alphabet))])
	}
	fs := extractText(t, x, "letters", sb.String())
	for _, f := range fs {
		t.Errorf("random letters gave a fact: %s «%s»", brief(f), f.Quote)
	}
}
