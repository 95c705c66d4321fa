package extract

import (
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

// englishStems returns the stems an English inflected word may come from:
// "agreed" → "agree", "planned" → "plan", "accelerating" → "accelerate",
// "increases" → "increase".
func englishStems(w string) []string {
	var out []string
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if len(w) <= len(suf)+2 || !strings.HasSuffix(w, suf) {
			continue
		}
		stem := w[:len(w)-len(suf)]
		out = append(out, stem)
		if suf == "ing" || suf == "ed" {
			out = append(out, stem+"e")
			if n := len(stem); n >= 2 && stem[n-1] == stem[n-2] {
				out = append(out, stem[:n-1])
			}
		}
	}
	return out
}

// skippable are punctuation tokens a phrase may span: «افغان–ترانس» matches
// the phrase "افغان ترانس", and "CASA-1000" the phrase "casa 1000".
func skippable(s string) bool {
	return s == "-" || s == "«" || s == "»" || s == "\""
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
	if n := len(words); n > 1 && n <= 4 {
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

// step follows the edge for token word from n, trying the word as written
// and with affixes removed. It calls f for every node reached.
func (n *lexNode) step(word string, f func(*lexNode)) {
	if n.next == nil {
		return
	}
	if ed := n.next[word]; ed != nil {
		f(ed.node)
	}
	for _, suf := range nominalSuffixes {
		if len(word) > len(suf)+1 && strings.HasSuffix(word, suf) {
			if ed := n.next[word[:len(word)-len(suf)]]; ed != nil && ed.allow&affixNominal != 0 {
				f(ed.node)
			}
		}
	}
	if word[0] < utf8.RuneSelf {
		for _, stem := range englishStems(word) {
			if ed := n.next[stem]; ed != nil && ed.allow&(affixNominal|affixVerb) != 0 {
				f(ed.node)
			}
		}
	}
	// Verb forms: optional prefix, optional ending.
	for p := -1; p < len(verbPrefixes); p++ {
		w := word
		if p >= 0 {
			if len(word) <= len(verbPrefixes[p])+1 || !strings.HasPrefix(word, verbPrefixes[p]) {
				continue
			}
			w = word[len(verbPrefixes[p]):]
			if ed := n.next[w]; ed != nil && ed.allow&affixVerb != 0 {
				f(ed.node)
			}
		}
		for _, suf := range verbSuffixes {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				if ed := n.next[w[:len(w)-len(suf)]]; ed != nil && ed.allow&affixVerb != 0 {
					f(ed.node)
				}
			}
		}
	}
}

// walk calls f(end, entry) for every phrase that matches tokens starting at
// i; end is the index after the phrase's last token.
func (l *Lexicon) walk(norm string, toks []Token, i int, f func(end int, e *Entry)) {
	type state struct {
		n *lexNode
		j int // next token index
	}
	var buf [8]state
	cur := append(buf[:0], state{&l.root, i})
	for depth := 0; depth < l.maxLen && len(cur) > 0; depth++ {
		var nxt []state
		for _, st := range cur {
			j := st.j
			if depth > 0 {
				// Punctuation inside names and a line break inside a
				// sentence («آغاز به» / «کار کرد») do not break a phrase.
				for j < len(toks) && (toks[j].Kind == TokPunct && skippable(norm[toks[j].Start:toks[j].End]) || toks[j].Kind == TokNewline) {
					j++
				}
			}
			if j >= len(toks) || toks[j].Kind == TokNewline {
				continue
			}
			w := norm[toks[j].Start:toks[j].End]
			visit := func(m *lexNode) {
				for _, e := range m.entries {
					f(j+1, e)
				}
				if m.next != nil {
					nxt = append(nxt, state{m, j + 1})
				}
			}
			if toks[j].Kind == TokPunct {
				if st.n.next != nil {
					if ed := st.n.next[w]; ed != nil {
						visit(ed.node)
					}
				}
				continue
			}
			st.n.step(w, visit)
		}
		cur = nxt
	}
}

// contextOK checks an entry's Need and Not conditions for a match [i, end).
func contextOK(norm string, toks []Token, i, end int, e *Entry) bool {
	if len(e.Need) > 0 {
		if i == 0 || toks[i-1].Kind != TokWord {
			return false
		}
		prev := norm[toks[i-1].Start:toks[i-1].End]
		found := false
		for _, w := range e.Need {
			if prev == w {
				found = true
				break
			}
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
	var out []Match
	for i := 0; i < len(toks); {
		best := Match{Start: i, End: -1}
		l.walk(norm, toks, i, func(end int, e *Entry) {
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
	var out []Match
	for i := range toks {
		first := len(out)
		l.walk(norm, toks, i, func(end int, e *Entry) {
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
