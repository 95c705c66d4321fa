package extract

import (
	"math"
	"strconv"
	"strings"

	"github.com/caravan-transport/caravan"
)

// numberWords are the cardinal number words below a thousand, in Persian,
// Dari and English, normalized.
var numberWords = map[string]float64{
	"صفر": 0, "یک": 1, "یه": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8, "نه": 9,
	"ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "پونزده": 15, "شانزده": 16,
	"هفده": 17, "هیفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50,
	"شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "یکصد": 100, "دویست": 200, "سیصد": 300,
	"چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// hundredWords multiply a preceding unit («یک صد», "two hundred").
var hundredWords = map[string]bool{"صد": true, "hundred": true}

// scaleWords are the words that multiply the part before them.
var scaleWords = map[string]float64{
	"هزار": 1e3, "میلیون": 1e6, "ملیون": 1e6, "میلیارد": 1e9, "ملیارد": 1e9, "بلیون": 1e9, "بیلیون": 1e9,
	"تریلیون": 1e12, "ترلیون": 1e12,
	"thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
	"trillion": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// shortScales are abbreviations accepted only glued to digits ("300m",
// "$1.2b", "5k").
var shortScales = map[string]float64{"m": 1e6, "b": 1e9, "k": 1e3, "tn": 1e12}

var halfWords = map[string]bool{"نیم": true, "half": true}

var andWords = map[string]bool{"و": true, "and": true}

// numExpr is a number written with digits, words or both, possibly with
// scales and connectors: «۲۶۵ میلیون و ۲۰۰ هزار», "two billion", "1.6".
type numExpr struct {
	Value      float64
	Start, End int     // token indices [Start, End)
	Scale      float64 // the largest scale used (1 when none)
	HasDigits  bool
	HasWords   bool
}

// tokText returns the text of token i.
func tokText(norm string, toks []Token, i int) string {
	return norm[toks[i].Start:toks[i].End]
}

// isNumberStart reports whether a number expression may start at token i.
func isNumberStart(norm string, toks []Token, i int) bool {
	t := toks[i]
	if t.Kind == TokNumber {
		return true
	}
	if t.Kind != TokWord {
		return false
	}
	w := tokText(norm, toks, i)
	if _, ok := numberWords[w]; ok {
		return true
	}
	if w == "هزار" || w == "صد" || halfWords[w] {
		return true
	}
	if (w == "a" || w == "an") && i+1 < len(toks) {
		_, ok := scaleWords[tokText(norm, toks, i+1)]
		return ok || hundredWords[tokText(norm, toks, i+1)] || tokText(norm, toks, i+1) == "half"
	}
	return false
}

// parseNumExpr parses the longest number expression starting at token i.
// The grammar, informally:
//
//	expr  = part { ("و" | "and") part }     parts with scales in decreasing order
//	part  = value [scale {scale}]           «۲ هزار میلیارد» multiplies scales
//	value = digits | words | words ("و"|"and"|"-") words | value ("و" | "and a") half
//
// A part without a scale counts units: «۲ میلیون و ۵۰۰» is 2,000,500.
// Digits use '.' as the decimal point (',' when it cannot be grouping) and
// ',' or '.' to group thousands; «۱/۶» is 1.6 when a scale, a percent sign
// or a unit follows.
func parseNumExpr(norm string, toks []Token, i int) (numExpr, bool) {
	e := numExpr{Start: i, End: i, Scale: 1}
	if i >= len(toks) || !isNumberStart(norm, toks, i) {
		return e, false
	}
	type state struct {
		total, group        float64
		groupSet            bool
		lastScale, lastPart float64
		prev                int // 0 none, 1 digits, 2 words, 3 scale
		end                 int
		scale               float64
		hasDigits, hasWords bool
	}
	st := state{lastScale: math.Inf(1), end: i, scale: 1}
	var saved state
	afterAnd := false
	j := i
loop:
	for j < len(toks) {
		tk := toks[j]
		w := tokText(norm, toks, j)
		switch {
		case tk.Kind == TokNumber:
			if st.prev == 1 || st.prev == 2 || (st.prev == 3 && !afterAnd) {
				break loop
			}
			v, ok := parseDigits(w, decimalContext(norm, toks, j+1))
			if !ok {
				break loop
			}
			st.group, st.groupSet, st.prev, st.hasDigits = v, true, 1, true
			j++
			st.end = j
			afterAnd = false
		case tk.Kind == TokWord && hundredWords[w]:
			if st.groupSet && st.group < 10 && st.group > 0 {
				st.group *= 100
			} else if !st.groupSet || st.prev == 2 && afterAnd {
				st.group += 100
				st.groupSet = true
			} else {
				break loop
			}
			st.prev, st.hasWords = 2, true
			j++
			st.end = j
			afterAnd = false
		case tk.Kind == TokWord && numberWordValue(w) >= 0:
			v := numberWordValue(w)
			if st.prev == 1 || (st.prev == 2 && !afterAnd && !(st.group >= 20 && st.group < 100 && int(st.group)%10 == 0 && v < 10)) || (st.prev == 3 && !afterAnd) {
				break loop
			}
			st.group += v
			st.groupSet, st.prev, st.hasWords = true, 2, true
			j++
			st.end = j
			afterAnd = false
		case tk.Kind == TokWord && (w == "a" || w == "an") && j+1 < len(toks) && toks[j+1].Kind == TokWord:
			next := tokText(norm, toks, j+1)
			if _, ok := scaleWords[next]; ok && (!st.groupSet && st.prev == 0 || st.group == 0.5 && st.prev == 2) {
				// "a million"; "half a million".
				if !st.groupSet {
					st.group, st.groupSet = 1, true
				}
				j++
				continue
			}
			if next == "half" && (afterAnd || st.prev == 3 || st.prev == 0) {
				st.group += 0.5
				st.groupSet = true
				j += 2
				st.end = j
				st.prev = 2
				afterAnd = false
				continue
			}
			break loop
		case tk.Kind == TokWord && halfWords[w]:
			if !(afterAnd || st.prev == 0) {
				break loop
			}
			st.group += 0.5
			st.groupSet, st.prev, st.hasWords = true, 2, true
			j++
			st.end = j
			afterAnd = false
		case tk.Kind == TokWord && scaleOf(norm, toks, j) > 0:
			s := scaleOf(norm, toks, j)
			if !st.groupSet {
				if st.prev == 3 && !afterAnd && s > 1 {
					// «دو هزار میلیارد»: the scales multiply.
					st.total += st.lastPart*s - st.lastPart
					st.lastPart *= s
					st.lastScale *= s
					if st.lastScale > st.scale {
						st.scale = st.lastScale
					}
					j++
					st.end = j
					continue
				}
				if st.prev == 0 && (w == "هزار" || w == "thousand") {
					st.group, st.groupSet = 1, true
				} else {
					if afterAnd {
						st = saved
					}
					break loop
				}
			}
			if s >= st.lastScale {
				if afterAnd || st.prev != 3 {
					st = saved
				}
				break loop
			}
			part := st.group * s
			st.total += part
			st.lastPart, st.lastScale = part, s
			st.group, st.groupSet = 0, false
			if s > st.scale {
				st.scale = s
			}
			st.prev, st.hasWords = 3, st.hasWords || tk.Kind == TokWord && !isShortScale(w)
			j++
			st.end = j
			afterAnd = false
		case tk.Kind == TokPunct && w == "-" && st.prev == 1 && j+1 < len(toks) && toks[j+1].Kind == TokWord && scaleWords[tokText(norm, toks, j+1)] > 0:
			// "a $1.2-billion investment", "a $500-million loan": a scale
			// joined to its figure by a hyphen, as an adjective is.
			j++
		case tk.Kind == TokWord && andWords[w] || tk.Kind == TokPunct && w == "-" && st.prev == 2:
			if afterAnd || j+1 >= len(toks) || !(st.prev == 3 || st.prev == 2) {
				break loop
			}
			if !isNumberStart(norm, toks, j+1) {
				break loop
			}
			if st.prev == 3 && toks[j+1].Kind == TokNumber {
				// «۲۶۵ میلیون و ۲۰۰ هزار»: the next part must be smaller.
				if v, ok := parseDigits(tokText(norm, toks, j+1), true); !ok || v*scaleAfter(norm, toks, j+2) >= st.lastScale {
					break loop
				}
			}
			saved = st
			afterAnd = true
			j++
		default:
			break loop
		}
	}
	if st.end == i || (!st.groupSet && st.prev != 3) && st.total == 0 && st.group == 0 && st.prev == 0 {
		return e, false
	}
	e.Value = tidy(st.total + st.group)
	e.End = st.end
	e.Scale = st.scale
	e.HasDigits, e.HasWords = st.hasDigits, st.hasWords
	if e.End <= e.Start || math.IsInf(e.Value, 0) || math.IsNaN(e.Value) {
		return e, false
	}
	return e, true
}

// tidy rounds v to 12 significant digits, dropping the binary noise of a
// decimal times a scale (4.1 × 10⁹ is 4099999999.9999995 in float64): a
// figure in the news has fewer.
func tidy(v float64) float64 {
	t, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return t
}

func numberWordValue(w string) float64 {
	if v, ok := numberWords[w]; ok {
		return v
	}
	return -1
}

func isShortScale(w string) bool { _, ok := shortScales[w]; return ok }

// scaleOf returns the scale of the word at token j, or 0. Short scales
// ("m", "bn" glued) count only when glued to a preceding number.
func scaleOf(norm string, toks []Token, j int) float64 {
	w := tokText(norm, toks, j)
	if s, ok := scaleWords[w]; ok {
		return s
	}
	if s, ok := shortScales[w]; ok && toks[j].Glued && j > 0 && toks[j-1].Kind == TokNumber {
		return s
	}
	return 0
}

// scaleAfter returns the scale word at token j, or 1.
func scaleAfter(norm string, toks []Token, j int) float64 {
	if j < len(toks) && toks[j].Kind == TokWord {
		if s := scaleOf(norm, toks, j); s > 0 {
			return s
		}
	}
	return 1
}

// decimalContext reports whether the token at j makes a slash decimal
// («۱/۶ میلیارد», «۱۲/۵ درصد») likely: a scale, percent or unit word.
func decimalContext(norm string, toks []Token, j int) bool {
	if j >= len(toks) {
		return false
	}
	w := tokText(norm, toks, j)
	if toks[j].Kind == TokWord && scaleOf(norm, toks, j) > 0 {
		return true
	}
	switch w {
	case "%", "درصد", "درصدی", "percent", "تن", "دلار", "دالر":
		return true
	}
	return false
}

// parseDigits parses a digit token ("1,250.5", "1.6", "1/6", "12,500").
// slashDecimal allows '/' as the decimal point (Iranian style).
func parseDigits(s string, slashDecimal bool) (float64, bool) {
	if strings.Contains(s, "/") {
		if !slashDecimal || strings.ContainsAny(s, ".,") {
			return 0, false
		}
		parts := strings.Split(s, "/")
		if len(parts) != 2 || len(parts[1]) > 3 || len(parts[0]) > 15 {
			return 0, false
		}
		s = parts[0] + "." + parts[1]
		return parseFloat(s)
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndexByte(s, '.') > strings.LastIndexByte(s, ',') {
			if dots > 1 || !grouped(s[:strings.IndexByte(s, '.')], ',') {
				return 0, false
			}
			s = strings.ReplaceAll(s, ",", "")
		} else {
			if commas > 1 || !grouped(s[:strings.IndexByte(s, ',')], '.') {
				return 0, false
			}
			s = strings.ReplaceAll(s, ".", "")
			s = strings.Replace(s, ",", ".", 1)
		}
	case commas > 0:
		switch {
		case grouped(s, ','):
			s = strings.ReplaceAll(s, ",", "")
		case commas == 1 && len(s)-strings.IndexByte(s, ',')-1 <= 2:
			s = strings.Replace(s, ",", ".", 1)
		default:
			return 0, false
		}
	case dots > 1:
		if !grouped(s, '.') {
			return 0, false
		}
		s = strings.ReplaceAll(s, ".", "")
	}
	return parseFloat(s)
}

// grouped reports whether s is digits grouped by sep in threes ("12,500").
func grouped(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 {
		return !strings.ContainsRune(s, rune(sep))
	}
	if len(parts[0]) < 1 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

func parseFloat(s string) (float64, bool) {
	if len(s) > 30 {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// Number is a number found in a text, with the span of the source it was
// read from.
type Number struct {
	Value      float64
	Start, End int // byte offsets in the source text
}

// ParseNumber parses s, which must hold one number expression and nothing
// else: digits in any of the three scripts with separators («۱٬۲۵۰٫۵»,
// "1,250.5", «۱/۶» before a scale), number words in Persian, Dari and
// English («سه», "twenty-five"), scales («میلیون», "bn") and compound
// amounts («۲۶۵ میلیون و ۲۰۰ هزار»). It returns an error of kind
// caravan.Invalid otherwise.
func ParseNumber(s string) (Number, error) {
	t := Normalize(s)
	toks := Tokenize(t.Norm)
	if len(toks) == 0 {
		return Number{}, caravan.Errorf(caravan.Invalid, "extract.ParseNumber", "no number in %q", s)
	}
	e, ok := parseNumExpr(t.Norm, toks, 0)
	if !ok || e.End != len(toks) {
		return Number{}, caravan.Errorf(caravan.Invalid, "extract.ParseNumber", "%q is not a number", s)
	}
	start, end := t.Source(int(toks[e.Start].Start), int(toks[e.End-1].End))
	return Number{Value: e.Value, Start: start, End: end}, nil
}
