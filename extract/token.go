package extract

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

// The token kinds.
const (
	TokWord    TokenKind = iota + 1 // a run of letters (Persian or Latin)
	TokNumber                       // ASCII digits with inner '.', ',' or '/' separators ("1,250.5", "1/6", "1400/01/15")
	TokPunct                        // any other single character except spaces
	TokNewline                      // a run of line feeds (with the spaces between them)
)

// Token is a span of a normalized text. Start and End are byte offsets in
// Text.Norm.
type Token struct {
	Start, End int32
	Kind       TokenKind
	Glued      bool // no space separates the token from the previous one
	Lines      int8 // for TokNewline tokens, the number of line feeds (capped at 100)
}

// Tokenize splits the normalized text into tokens in one linear pass. It
// needs no zero-width non-joiners: «راهآهن» is one word and «راه آهن» two,
// and the lexicons match both (see Lexicon).
func Tokenize(norm string) []Token {
	toks := make([]Token, 0, len(norm)/5+1)
	glued := false
	for i := 0; i < len(norm); {
		c := norm[i]
		switch {
		case c == ' ':
			glued = false
			i++
			continue
		case c == '\n':
			j, lines := i, 0
			for j < len(norm) && (norm[j] == '\n' || norm[j] == ' ') {
				if norm[j] == '\n' && lines < 100 {
					lines++
				}
				j++
			}
			toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: TokNewline, Lines: int8(lines)})
			glued = false
			i = j
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(norm) {
				d := norm[j]
				if d >= '0' && d <= '9' {
					j++
					continue
				}
				if (d == '.' || d == ',' || d == '/') && j+1 < len(norm) && norm[j+1] >= '0' && norm[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: TokNumber, Glued: glued})
			glued = true
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(norm[i:])
		if isWordRune(r) {
			j := i + size
			for j < len(norm) {
				r2, s2 := utf8.DecodeRuneInString(norm[j:])
				if !isWordRune(r2) {
					break
				}
				j += s2
			}
			toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: TokWord, Glued: glued})
			glued = true
			i = j
			continue
		}
		toks = append(toks, Token{Start: int32(i), End: int32(i + size), Kind: TokPunct, Glued: glued})
		glued = true
		i += size
	}
	return toks
}

// isWordRune reports whether r belongs inside a word: letters and combining
// marks, but not digits.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if r >= 0x0621 && r <= 0x064a || r >= 0x0671 && r <= 0x06d3 || r == 0x06cc || r == 0x06a9 || r == 0x06af || r == 0x067e || r == 0x0686 || r == 0x0698 {
		return true // the Arabic and Persian letters
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}
