package extract

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/jalali"
	"github.com/caravan-transport/caravan/kb"
)

// Article is one news article: its id (the file name without extension),
// its full text and what its header says.
//
// A file may start with a header: a first line "date YYYY-MM-DD" (after
// optional spaces; the article's text may follow on the same line), then
// lines "key value" or "key: value" for the keys title, source, url, lang,
// language, publisher, outlet, author, country, site or any lower-case
// ASCII key followed by a colon. Solar Hijri dates (years 1300–1499) are
// converted. Without a date line there is no header.
type Article struct {
	ID     string
	Text   string            // the whole file; quotes and offsets refer to it
	Date   time.Time         // the publication date; zero when the file gives none
	Header map[string]string // other header lines, keys lower-cased
	Body   int               // byte offset where the article's text begins
}

// ParseArticle reads the header of text. It returns an error of kind
// caravan.Invalid when text is not an article's text (see CheckText) or
// when a date line is present but its date is malformed.
func ParseArticle(id, text string) (Article, error) {
	if err := CheckText(text); err != nil {
		return Article{}, caravan.Errorf(caravan.Invalid, "extract.ParseArticle", "%s: %w", id, err)
	}
	a := Article{ID: id, Text: text, Header: map[string]string{}}
	pos := 0
	// Skip blank lines before a possible date line.
	for pos < len(text) {
		end := lineEnd(text, pos)
		if strings.TrimSpace(text[pos:end]) != "" {
			break
		}
		pos = nextLine(text, end)
	}
	end := lineEnd(text, pos)
	line := text[pos:end]
	trimmed := strings.TrimLeft(line, " \t\ufeff")
	key, rest := headerKey(trimmed)
	if key != "date" {
		return a, nil
	}
	rest = strings.TrimLeft(rest, " \t")
	ds := rest
	if k := strings.IndexAny(ds, " \t\r"); k >= 0 {
		ds = ds[:k]
	}
	if nd := Normalize(ds).Norm; nd == "" || nd[0] < '0' || nd[0] > '9' {
		return a, nil // "Date palms are …": not a header
	}
	d, err := parseHeaderDate(ds)
	if err != nil {
		return a, caravan.Errorf(caravan.Invalid, "extract.ParseArticle", "%s:1: field %q: %v", id, "date", err)
	}
	a.Date = d
	bodyStart := pos + (len(line) - len(trimmed)) + (len(trimmed) - len(rest)) + len(ds)
	// Inline text after the date?
	if strings.TrimSpace(text[bodyStart:end]) != "" {
		a.Body = bodyStart
		return a, nil
	}
	pos = nextLine(text, end)
	for pos < len(text) {
		end := lineEnd(text, pos)
		l := strings.TrimSpace(text[pos:end])
		k, v := headerKey(l)
		if k == "" || k == "date" {
			break
		}
		a.Header[k] = strings.TrimSpace(v)
		pos = nextLine(text, end)
	}
	a.Body = pos
	return a, nil
}

// MaxArticleBytes is the size of the largest article CheckText accepts:
// 4 MiB, some hundred times a long news article.
const MaxArticleBytes = 4 << 20

// control marks the bytes CheckText counts as control characters: C0
// controls but tab, newline, carriage return and form feed, and DEL.
var control = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n' && c != '\r' && c != '\f'
	}
	t[0x7f] = true
	return t
}()

// CheckText returns an error when text cannot be a news article: longer
// than MaxArticleBytes, not valid UTF-8, or holding a NUL byte or more
// than one control character (other than tab, newline, carriage return
// and form feed) per 1000 bytes. It reads text once and allocates nothing,
// so binary input is refused in bounded time and memory.
func CheckText(text string) error {
	if len(text) > MaxArticleBytes {
		return fmt.Errorf("%d bytes, more than the %d of an article", len(text), MaxArticleBytes)
	}
	if !utf8.ValidString(text) {
		return errors.New("not UTF-8 text")
	}
	ctl := 0
	for i := 0; i < len(text); i++ {
		if control[text[i]] {
			if text[i] == 0 {
				return errors.New("binary data (a NUL byte)")
			}
			ctl++
		}
	}
	if ctl > 0 && ctl*1000 > len(text) {
		return fmt.Errorf("binary data (%d control characters in %d bytes)", ctl, len(text))
	}
	return nil
}

// headerKey splits "key value" or "key: value" when key is a header key.
func headerKey(l string) (string, string) {
	i := 0
	for i < len(l) && (l[i] >= 'a' && l[i] <= 'z' || l[i] >= 'A' && l[i] <= 'Z' || l[i] == '_' || l[i] == '-') {
		i++
	}
	if i == 0 || i > 20 {
		return "", ""
	}
	k := strings.ToLower(l[:i])
	rest := l[i:]
	colon := strings.HasPrefix(rest, ":")
	if colon {
		rest = rest[1:]
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", ""
	}
	if slices.Contains(kb.ArticleHeaderKeys, k) || colon && k == l[:i] {
		return k, rest
	}
	return "", ""
}

func parseHeaderDate(s string) (time.Time, error) {
	s = Normalize(s).Norm
	s = strings.ReplaceAll(s, "/", "-")
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, err
	}
	if y := t.Year(); y >= 1300 && y <= 1499 {
		return jalali.Date{Year: y, Month: int(t.Month()), Day: t.Day()}.Time()
	}
	return t, nil
}

func lineEnd(s string, pos int) int {
	if k := strings.IndexByte(s[pos:], '\n'); k >= 0 {
		return pos + k
	}
	return len(s)
}

func nextLine(s string, end int) int {
	if end < len(s) {
		return end + 1
	}
	return end
}
