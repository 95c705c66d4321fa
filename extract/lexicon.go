package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Class is a set of lexical classes an entry belongs to.
type Class uint64

// Has reports whether c contains any class of o.
func (c Class) Has(o Class) bool { return c&o != 0 }

// Entry is what a lexicon phrase means.
type Entry struct {
	Class Class
	Code  string  // ISO 3166-1 alpha-2 for countries and places, an id for projects, a status word for statuses
	Name  string  // canonical English name
	ID    string  // a place's id (as in the regional dataset)
	Num   float64 // numeric payload (a month number, a scale)

	// Need, when set, lists the words one of which must come just before the
	// phrase («دوشنبه» is Dushanbe only after «در», «به», …).
	Need []string
	// Not lists words that must not follow the phrase («آذربایجان شرقی» is
	// an Iranian province, not Azerbaijan).
	Not []string
}

// Match is a phrase found in a token sequence: tokens [Start, End).
type Match struct {
	Start, End int
	Entry      *Entry
}

// Affix modes of a phrase word, written after the word in a phrase:
// "word*" accepts nominal suffixes (plural, ezafe, possessive) and, for
// English words, inflections (-s, -ed, -ing); "word~" accepts verb
// prefixes and personal endings.
const (
	affixExact   = 1
	affixNominal = 2
	affixVerb    = 4
)

var nominalSuffixes = []string{"ی", "ای", "ها", "های", "هایی", "ان", "یان", "ش", "شان", "مان", "تان", "یی"}

var verbPrefixes = []string{"می", "نمی", "ن", "ب"}

var verbSuffixes = []string{"م", "ی", "د", "یم", "ید", "ند", "ه", "هاند", "هایم", "هاید", "هام", "های", "هاست", "ن", "ست"}

// nominalByLast and verbByLast index the suffixes by their last letter.
var nominalByLast, verbByLast = byLast(nominalSuffixes), byLast(verbSuffixes)

func byLast(sufs []string) map[rune][]string {
	m := map[rune][]string{}
	for _, s := range sufs {
		r, _ := utf8.DecodeLastRuneInString(s)
		m[r] = append(m[r], s)
	}
	return m
}

// englishStems returns the lengths of the prefixes of an English word
// that may be its stem: "agreed" → "agree", "planned" → "plan",
// "increases" → "increase". Stems that lose a final "e" ("accelerating" →
// "accelerat") are found because Add also files "word*" phrases ending in
// "e" without it.
func englishStems(w string) []int {
	var out []int
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if len(w) <= len(suf)+2 || !strings.HasSuffix(w, suf) {
			continue
		}
		n := len(w) - len(suf)
		out = append(out, n)
		if (suf == "ing" || suf == "ed") && w[n-1] == w[n-2] {
			out = append(out, n-1)
		}
	}
	return out
}

// skippable are punctuation tokens a phrase may span: «افغان–ترانس» matches
// the phrase "افغان ترانس", and "CASA-1000" the phrase "casa 1000".
func skippable(s string) bool {
	return s == "-" || s == "«" || s == "»" || s == "\""
}

// acronymAt reports whether tokens j..j+2 are an acronym in parentheses
// inside a name ("(UAP)", "(TITR)"): two to six Latin letters, which a
// phrase passes over.
func acronymAt(norm string, toks []Token, j int) bool {
	if j+2 >= len(toks) || toks[j+1].Kind != TokWord || norm[toks[j].Start:toks[j].End] != "(" || norm[toks[j+2].Start:toks[j+2].End] != ")" {
		return false
	}
	w := norm[toks[j+1].Start:toks[j+1].End]
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

type lexEdge struct {
	node  *lexNode
	allow uint8
}

type lexNode struct {
	next    map[string]*lexEdge
	entries []*Entry
}

// Lexicon matches phrases against token sequences. Phrases are normalized
// like the text, and every phrase of several words also matches with the
// words glued together («راه آهن» matches «راهآهن») or joined by a dash.
// A Lexicon is built once and then only read; it is safe for concurrent use
// after construction.
type Lexicon struct {
	root   lexNode
	maxLen int
}

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon { return &Lexicon{} }

// Add adds phrase with meaning e. Words of phrase may carry the affix marks
// '*' (nominal suffixes) and '~' (verb affixes).
func (l *Lexicon) Add(phrase string, e Entry) {
	ent := &e
	var words []string
	var modes []uint8
	for _, part := range strings.Fields(phrase) {
		mode := uint8(affixExact)
		switch {
		case strings.HasSuffix(part, "*"):
			mode |= affixNominal
			part = strings.TrimSuffix(part, "*")
		case strings.HasSuffix(part, "~"):
			mode |= affixVerb
			part = strings.TrimSuffix(part, "~")
		}
		t := Normalize(part)
		toks := Tokenize(t.Norm)
		var ws []string
		for _, tk := range toks {
			w := t.Norm[tk.Start:tk.End]
			if tk.Kind == TokPunct && skippable(w) {
				continue
			}
			ws = append(ws, w)
		}
		for i, w := range ws {
			words = append(words, w)
			if i == len(ws)-1 {
				modes = append(modes, mode)
			} else {
				modes = append(modes, affixExact)
			}
		}
	}
	if len(words) == 0 {
		return
	}
	l.insert(words, modes, ent)
	if last := words[len(words)-1]; modes[len(modes)-1]&affixNominal != 0 && len(last) > 3 && last[len(last)-1] == 'e' && last[0] < utf8.RuneSelf {
		// "accelerate*" also matches "accelerating" and "accelerated".
		short := slices.Clone(words)
		short[len(short)-1] = last[:len(last)-1]
		m := slices.Clone(modes)
		m[len(m)-1] = affixNominal
		l.insert(short, m, ent)
	}
	if n := len(words); n > 1 && n <= 6 {
		// Glued variants: every subset of the junctions joined.
		for mask := 1; mask < 1<<(n-1); mask++ {
			var gw []string
			var gm []uint8
			cur, curMode := words[0], modes[0]
			ok := true
			for i := 1; i < n; i++ {
				if mask&(1<<(i-1)) != 0 {
					if !isWordRun(cur) || !isWordRun(words[i]) {
						ok = false
						break
					}
					cur += words[i]
					curMode = modes[i]
					continue
				}
				gw = append(gw, cur)
				gm = append(gm, curMode)
				cur, curMode = words[i], modes[i]
			}
			if !ok {
				continue
			}
			gw = append(gw, cur)
			gm = append(gm, curMode)
			l.insert(gw, gm, ent)
		}
	}
}

func isWordRun(s string) bool {
	for _, r := range s {
		if !isWordRune(r) {
			return false
		}
	}
	return s != ""
}

func (l *Lexicon) insert(words []string, modes []uint8, e *Entry) {
	n := &l.root
	for i, w := range words {
		if n.next == nil {
			n.next = make(map[string]*lexEdge)
		}
		ed := n.next[w]
		if ed == nil {
			ed = &lexEdge{node: &lexNode{}}
			n.next[w] = ed
		}
		ed.allow |= modes[i]
		n = ed.node
	}
	for _, x := range n.entries {
		if x == e {
			return
		}
	}
	n.entries = append(n.entries, e)
	if len(words) > l.maxLen {
		l.maxLen = len(words)
	}
}

// stem is a key under which a token may be found in a lexicon: the token's
// word from byte pre to byte end, and what was removed to get it.
type stem struct {
	pre, end uint16
	mode     uint8 // affixExact, or affixNominal|affixVerb for what was removed
}

// Stems holds the lookup keys of every token of a text, computed once and
// shared by the lexicons that tag it.
type Stems struct {
	norm string
	toks []Token
	off  []int32 // stems of token i are keys[off[i]:off[i+1]]
	keys []stem
}

// NewStems computes the lookup keys of toks.
func NewStems(norm string, toks []Token) *Stems {
	st := &Stems{norm: norm, toks: toks, off: make([]int32, len(toks)+1), keys: make([]stem, 0, len(toks)*3)}
	for i, tk := range toks {
		st.off[i] = int32(len(st.keys))
		w := norm[tk.Start:tk.End]
		if len(w) > 0xffff {
			w = w[:0xffff]
		}
		st.keys = append(st.keys, stem{0, uint16(len(w)), affixExact})
		if tk.Kind == TokWord {
			st.keys = appendStems(st.keys, w)
		}
	}
	st.off[len(toks)] = int32(len(st.keys))
	return st
}

// key returns the text of stem k of token i.
func (st *Stems) key(i int, k stem) string {
	t := st.toks[i]
	w := st.norm[t.Start:t.End]
	return w[k.pre:k.end]
}

// addStem appends stem w[pre:end] unless it is already there, merging modes.
func addStem(out []stem, first int, pre, end int, mode uint8) []stem {
	for k := first; k < len(out); k++ {
		if int(out[k].pre) == pre && int(out[k].end) == end {
			out[k].mode |= mode
			return out
		}
	}
	return append(out, stem{uint16(pre), uint16(end), mode})
}

// appendStems appends the affix-stripped keys of word.
func appendStems(out []stem, word string) []stem {
	first := len(out) - 1
	if word[0] < utf8.RuneSelf {
		for _, n := range englishStems(word) {
			out = addStem(out, first, 0, n, affixNominal|affixVerb)
		}
		return out
	}
	last, _ := utf8.DecodeLastRuneInString(word)
	for _, suf := range nominalByLast[last] {
		if len(word) > len(suf)+1 && strings.HasSuffix(word, suf) {
			out = addStem(out, first, 0, len(word)-len(suf), affixNominal)
		}
	}
	verbs := verbByLast[last]
	// Verb forms: optional prefix, optional ending.
	if len(word) < 4 {
		return out
	}
	for p := -1; p < len(verbPrefixes); p++ {
		pre := 0
		if p >= 0 {
			if len(word) <= len(verbPrefixes[p])+1 || !strings.HasPrefix(word, verbPrefixes[p]) {
				continue
			}
			pre = len(verbPrefixes[p])
			out = addStem(out, first, pre, len(word), affixVerb)
		}
		w := word[pre:]
		for _, suf := range verbs {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				out = addStem(out, first, pre, len(word)-len(suf), affixVerb)
			}
		}
	}
	return out
}

// walk calls f(end, entry) for every phrase that matches tokens starting at
// i; end is the index after the phrase's last token.
func (l *Lexicon) walk(st *Stems, i int, f func(end int, e *Entry)) {
	norm, toks := st.norm, st.toks
	type state struct {
		n *lexNode
		j int // next token index
	}
	var buf, buf2 [8]state
	cur, nxt := append(buf[:0], state{&l.root, i}), buf2[:0]
	for depth := 0; depth < l.maxLen && len(cur) > 0; depth++ {
		nxt = nxt[:0]
		for _, s := range cur {
			j := s.j
			if depth > 0 {
				// Punctuation inside names and a line break inside a
				// sentence («آغاز به» / «کار کرد») do not break a phrase.
				for j < len(toks) && (toks[j].Kind == TokPunct && skippable(norm[toks[j].Start:toks[j].End]) || toks[j].Kind == TokNewline) {
					j++
				}
				if acronymAt(norm, toks, j) {
					j += 3 // "Uzbekistan–Afghanistan–Pakistan (UAP) railway"
				}
			}
			if j >= len(toks) || toks[j].Kind == TokNewline || s.n.next == nil {
				continue
			}
			keys := st.keys[st.off[j]:st.off[j+1]]
			if toks[j].Kind == TokPunct {
				keys = keys[:1] // punctuation matches only as written
			}
			for _, k := range keys {
				ed := s.n.next[st.key(j, k)]
				if ed == nil || ed.allow&k.mode == 0 {
					continue
				}
				for _, e := range ed.node.entries {
					f(j+1, e)
				}
				if ed.node.next != nil {
					nxt = append(nxt, state{ed.node, j + 1})
				}
			}
		}
		cur, nxt = nxt, cur
	}
}

// needBefore reports whether token k is a word of need.
func needBefore(norm string, toks []Token, k int, need []string) bool {
	if k < 0 || toks[k].Kind != TokWord {
		return false
	}
	prev := norm[toks[k].Start:toks[k].End]
	for _, w := range need {
		if prev == w {
			return true
		}
	}
	return false
}

// isListGlue reports whether t joins the items of a list.
func isListGlue(t string) bool { return t == "و" || t == "and" || t == "،" || t == "," }

// contextOK checks an entry's Need and Not conditions for a match [i, end).
func contextOK(norm string, toks []Token, i, end int, e *Entry) bool {
	if len(e.Need) > 0 && !needBefore(norm, toks, i-1, e.Need) {
		// An item of a list whose first item has the word: «گذرگاههای
		// تورخم و چمن», «مرز … و چمن».
		if i < 2 || !isListGlue(norm[toks[i-1].Start:toks[i-1].End]) {
			return false
		}
		found := false
		for k := i - 2; k >= max(0, i-5) && !found; k-- {
			found = needBefore(norm, toks, k, e.Need)
		}
		if !found {
			return false
		}
	}
	if len(e.Not) > 0 && end < len(toks) && toks[end].Kind == TokWord {
		next := norm[toks[end].Start:toks[end].End]
		for _, w := range e.Not {
			if next == w {
				return false
			}
		}
	}
	return true
}

// Longest returns the longest phrase match at each position, scanning left
// to right and skipping the tokens of each match, so matches do not overlap.
// When two entries match the same tokens, the one added first wins.
func (l *Lexicon) Longest(norm string, toks []Token) []Match {
	return l.longest(NewStems(norm, toks))
}

func (l *Lexicon) longest(st *Stems) []Match {
	norm, toks := st.norm, st.toks
	var out []Match
	for i := 0; i < len(toks); {
		best := Match{Start: i, End: -1}
		l.walk(st, i, func(end int, e *Entry) {
			if end > best.End && contextOK(norm, toks, i, end, e) {
				best.End, best.Entry = end, e
			}
		})
		if best.Entry != nil {
			out = append(out, best)
			i = best.End
			continue
		}
		i++
	}
	return out
}

// All returns every phrase match at every position, ordered by start and
// then by end.
func (l *Lexicon) All(norm string, toks []Token) []Match {
	return l.all(NewStems(norm, toks))
}

func (l *Lexicon) all(st *Stems) []Match {
	norm, toks := st.norm, st.toks
	out := make([]Match, 0, len(toks)/2)
	for i := range toks {
		first := len(out)
		l.walk(st, i, func(end int, e *Entry) {
			if !contextOK(norm, toks, i, end, e) {
				return
			}
			for _, m := range out[first:] {
				if m.End == end && m.Entry == e {
					return
				}
			}
			out = append(out, Match{Start: i, End: end, Entry: e})
		})
		// Keep the matches of one start ordered by end.
		for a := first + 1; a < len(out); a++ {
			for b := a; b > first && out[b].End < out[b-1].End; b-- {
				out[b], out[b-1] = out[b-1], out[b]
			}
		}
	}
	return out
}

// idOr returns e.ID, or "" for a nil entry.
func (e *Entry) idOr() string {
	if e == nil {
		return ""
	}
	return e.ID
}
