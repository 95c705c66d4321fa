package extract

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/caravan-transport/caravan/script"
)

// Text is a normalized copy of a source text that remembers, for every byte
// of the normalized form, which bytes of the source produced it, so that a
// match found in Norm can be quoted from Src exactly.
//
// Normalization (one pass, linear in the length of the source):
//   - Arabic-script letters, digits and marks are folded by script.Fold, the
//     table network.FoldName reads too: Arabic yeh ي ى and kaf ك become
//     Persian ی and ک; ئ becomes ی; ۀ ة ە ھ ہ become ه; أ إ ٱ become ا; ؤ
//     becomes و; Persian ۰–۹ and Arabic-Indic ٠–٩ become ASCII 0–9 (and
//     full-width digits, by NFKC); ٫ becomes '.', ٬ ',', ٪ '%', ؟ '?' and
//     ؛ ';'; zero-width non-joiners and joiners, byte-order and direction
//     marks, soft hyphens, tatweel, the lone hamza ء, the combining hamza of
//     «هٔ» and short-vowel diacritics are removed, so «می‌شود» and the
//     stripped «میشود» normalize alike;
//   - dashes and minus signs become '-', curly quotes become ' and ";
//   - runs of spaces (including no-break and thin spaces and tabs) become one
//     space; CR LF and CR become LF;
//   - letters are lower-cased; Arabic presentation forms and full-width Latin
//     are folded with NFKC;
//   - invalid UTF-8 bytes become a space.
//
// Normalization is idempotent: normalizing Norm again gives Norm.
type Text struct {
	Src  string // the original text
	Norm string // the normalized text

	// The offset map: from bpN[k] on, Norm advances byte for byte with Src
	// from bpS[k], until the next breakpoint. A breakpoint is set wherever
	// normalization changes a character's length or drops characters.
	bpN, bpS []int32
}

// Normalize returns the normalized form of src with its offset map.
func Normalize(src string) *Text {
	n := &normalizer{src: src}
	n.out = make([]byte, 0, len(src))
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size <= 1 {
			r = ' '
			size = 1
		}
		if r == '\r' {
			r = '\n'
			if i+1 < len(src) && src[i+1] == '\n' {
				size = 2
			}
		}
		n.emit(r, i, 0)
		i += size
	}
	return &Text{Src: src, Norm: string(n.out), bpN: n.bpN, bpS: n.bpS}
}

// srcAt returns the source offset of normalized byte i (i < len(Norm)).
func (t *Text) srcAt(i int) int {
	k := sort.Search(len(t.bpN), func(k int) bool { return int(t.bpN[k]) > i }) - 1
	if k < 0 {
		return i
	}
	return int(t.bpS[k]) + i - int(t.bpN[k])
}

// Source maps the normalized byte span [i, j) to the span of Src it came
// from. Offsets are clamped to the text; an empty span maps to an empty span.
func (t *Text) Source(i, j int) (int, int) {
	if i < 0 {
		i = 0
	}
	if j > len(t.Norm) {
		j = len(t.Norm)
	}
	if i >= len(t.Norm) {
		return len(t.Src), len(t.Src)
	}
	s := t.srcAt(i)
	if j <= i {
		return s, s
	}
	// The span ends where the character after it begins, so characters
	// dropped by normalization at its end (a tanween, a ZWNJ) stay in it.
	e := len(t.Src)
	if j < len(t.Norm) {
		e = t.srcAt(j)
		if p := t.srcAt(j - 1); e <= p {
			// j falls inside the expansion of one source character («ﷻ»
			// gives «جل جلاله»): the span takes the whole character.
			for p > 0 && !utf8.RuneStart(t.Src[p]) {
				p--
			}
			_, size := utf8.DecodeRuneInString(t.Src[p:])
			e = p + size
		}
	}
	if e < s {
		e = s
	}
	return s, e
}

// Quote returns the source text behind the normalized span [i, j).
func (t *Text) Quote(i, j int) string {
	s, e := t.Source(i, j)
	return t.Src[s:e]
}

type normalizer struct {
	src      string
	out      []byte
	bpN, bpS []int32
	space    bool // the last byte written is a collapsible space
}

func (n *normalizer) write(r rune, s int) {
	n.space = false
	// Keep the offset map: a breakpoint where the source does not follow.
	expected := len(n.out)
	if k := len(n.bpN) - 1; k >= 0 {
		expected = int(n.bpS[k]) + len(n.out) - int(n.bpN[k])
	}
	if expected != s {
		n.bpN = append(n.bpN, int32(len(n.out)))
		n.bpS = append(n.bpS, int32(s))
	}
	if r < utf8.RuneSelf {
		n.out = append(n.out, byte(r))
		return
	}
	n.out = utf8.AppendRune(n.out, r)
}

// emit normalizes r, which came from the source at offset s, and appends the result. depth
// bounds the recursion through NFKC decompositions.
func (n *normalizer) emit(r rune, s, depth int) {
	// Fast path: Persian letters that stay as they are, ASCII letters and digits.
	if r >= 'ا' && r <= 'غ' && r != 'ة' || r >= 'ف' && r <= 'ه' && r != 'ك' || r == 'و' || r == 'ی' || r == 'ک' || r == 'گ' ||
		r == 'پ' || r == 'چ' || r == 'ژ' || r == 'آ' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
		n.write(r, s)
		return
	}
	switch {
	case r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u205f' || r == '\u3000' || r == '\u1680' ||
		(r >= '\u2000' && r <= '\u200a') || r == '\v' || r == '\f':
		if n.space {
			return // collapsed into the space before
		}
		n.write(' ', s)
		n.space = true
		return
	case r == '\u0653' && len(n.out) >= 2 && n.out[len(n.out)-2] == 0xd8 && n.out[len(n.out)-1] == 0xa7:
		// Alef followed by a combining maddah is «آ».
		n.out[len(n.out)-1] = 0xa2
		return
	}
	// Arabic-script letters, digits and marks: the project's one table.
	f, drop := script.Fold(r)
	if drop {
		return
	}
	switch {
	case r >= 'A' && r <= 'Z':
		r += 'a' - 'A'
	case r < utf8.RuneSelf:
		// ASCII stays.
	case f != r:
		r = f
	case (r >= '\u2010' && r <= '\u2015') || r == '\u2212' || r == '\ufe58' || r == '\ufe63':
		r = '-'
	case r == '\u2018' || r == '\u2019' || r == '\u201a' || r == '\u201b' || r == '\u2032':
		r = '\''
	case r == '\u201c' || r == '\u201d' || r == '\u201e' || r == '\u201f' || r == '\u2033':
		r = '"'
	case (r >= '\ufb50' && r <= '\ufdff') || (r >= '\ufe70' && r <= '\ufeff') || (r >= '\uff00' && r <= '\uffef'):
		if depth < 2 {
			d := norm.NFKC.String(string(r))
			if d != string(r) {
				for _, dr := range d {
					n.emit(dr, s, depth+1)
				}
				return
			}
		}
	case r >= 0x0600 && r < 0x0700:
		// Arabic script has no case.
	default:
		if unicode.IsUpper(r) {
			r = unicode.ToLower(r)
		}
	}
	n.write(r, s)
}
