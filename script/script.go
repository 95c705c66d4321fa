// Package script folds the variant characters of the Arabic script as
// Iranian Persian, Dari and Arabic sites write them — Arabic yeh and kaf,
// hamza carriers, heh forms, three digit systems, zero-width joiners and
// short-vowel marks — so that one word matches however it is spelt.
//
// Fold is the one table of the project: the extractor's normalizer
// (extract.Normalize) and the network's name keys (network.FoldName, via
// Key) both read it, so a place name found in an article and the same name
// in the dataset fold alike. The package imports only the standard library.
package script

import (
	"strings"
	"unicode"
)

// Fold returns the character r stands for in normalized Persian text, and
// drop = true when r is a mark to remove:
//
//   - Arabic yeh ي, alef maksura ى and yeh with hamza ئ → Persian yeh ی;
//     Arabic kaf ك and swash kaf ڪ → Persian kaf ک;
//   - heh with yeh ۀ, teh marbuta ة, ae ە, heh doachashmee ھ and heh goal ہ
//     → heh ه; alef with hamza أ إ and alef wasla ٱ → alef ا; waw with hamza
//     ؤ → waw و;
//   - Persian ۰–۹ and Arabic-Indic ٠–٩ digits → ASCII 0–9; the Arabic decimal
//     separator ٫ → '.', thousands separator ٬ → ',', percent sign ٪ → '%',
//     question mark ؟ → '?', semicolon ؛ → ';';
//   - dropped: zero-width non-joiner, joiner and space, word joiner, byte-order
//     mark, soft hyphen, direction marks and embeddings, tatweel, the lone
//     hamza ء, short vowels and other harakat (U+064B–065F), superscript alef
//     and the Quranic annotation marks (U+06D6–06ED).
//
// Any other character is returned as it is. Fold is a pure function of r
// and idempotent: Fold of a folded character is that character.
func Fold(r rune) (f rune, drop bool) {
	if r < 0x00ad {
		return r, false
	}
	switch {
	case r == '\u200c' || r == '\u200d' || r == '\u200b' || r == '\ufeff' || r == '\u2060' || r == '\u00ad' ||
		r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u0640' || r == '\u0621' || (r >= '\u064b' && r <= '\u065f') || r == '\u0670' ||
		(r >= '\u06d6' && r <= '\u06ed' && r != '\u06d5'):
		return 0, true
	case r == 'ي' || r == 'ى' || r == 'ئ':
		return 'ی', false
	case r == 'ك' || r == 'ڪ':
		return 'ک', false
	case r == 'ۀ' || r == 'ة' || r == 'ە' || r == 'ھ' || r == 'ہ':
		return 'ه', false
	case r == 'أ' || r == 'إ' || r == 'ٱ':
		return 'ا', false
	case r == 'ؤ':
		return 'و', false
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), false
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), false
	case r == '٫':
		return '.', false
	case r == '٬':
		return ',', false
	case r == '٪':
		return '%', false
	case r == '؟':
		return '?', false
	case r == '؛':
		return ';', false
	}
	return r, false
}

// latin folds the Latin letters with diacritics (and the Cyrillic letters
// of Kazakh, Kyrgyz and Tajik) that transliterated place names carry.
var latin = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ā': 'a', 'ə': 'a',
	'ç': 'c', 'č': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e',
	'ğ': 'g', 'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ı': 'i', 'ī': 'i',
	'ñ': 'n', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ō': 'o',
	'ş': 's', 'š': 's', 'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u',
	'ý': 'y', 'ž': 'z', 'ң': 'н', 'ү': 'у', 'ұ': 'у', 'қ': 'к', 'ғ': 'г', 'ө': 'о', 'һ': 'х', 'і': 'и',
	'ё': 'е',
}

// Key returns the lookup key of a name: lower-cased, folded by Fold, Latin
// diacritics removed ("Türkmenbaşy" → "turkmenbasy"), and spaces, dashes,
// apostrophes, dots, underscores and combining marks removed, so that
// «اسلام‌آباد», «اسلام آباد», "Islam-abad" and «اسلامآباد» share a key.
// Key is idempotent.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if f, ok := latin[r]; ok {
			b.WriteRune(f)
			continue
		}
		r, drop := Fold(r)
		switch {
		case drop:
		case r >= 0x0300 && r <= 0x036F: // combining marks
		case unicode.IsSpace(r):
		case r == '-', r == '–', r == '—', r == '\'', r == '’', r == '‘', r == '`', r == '.', r == '_':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
