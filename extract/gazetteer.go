package extract

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/caravan-transport/caravan"
)

// Entity classes of the gazetteer (see Gazetteer.Lexicon).
const (
	ClassCountry     Class = 1 << iota // a country's name or government («افغانستان», «حکومت طالبان», "Iran")
	ClassAdjective                     // a country adjective («قزاق», "Afghan")
	ClassPlace                         // a city, port or border post; Code is its country
	ClassRegion                        // a region that is not a country («آسیای مرکزی», "South Asia")
	ClassProject                       // a named project; Code is its id
	ClassOrg                           // a multilateral organisation (UN, SCO, ECO)
	ClassPerson                        // a known person; Code is the country they lead or serve
	ClassTitle                         // a title («رئیس جمهور», "minister"); Code is set when the title implies a country
	ClassPair                          // «دو کشور», «طرفین», "both sides": the two parties in context
	ClassThisCountry                   // «این کشور», "the country": one country in context
	ClassOurCountry                    // «کشورمان», "our country": the reporter's country
	ClassBilateral                     // «دوجانبه», "bilateral"
	ClassGroup                         // «سه کشور», "the three countries": Num countries in context
)

// Place is a named place with its country.
type Place struct {
	ID      string // stable id, such as "kz-almaty"
	Country string // ISO 3166-1 alpha-2
	Name    string // English name
}

// Gazetteer knows the names of countries, places, regions, projects,
// organisations, people and titles in Persian, Dari and English.
//
// The built-in gazetteer (NewGazetteer) has the countries of the world that
// the regional news mentions, with Iranian and Dari spellings and
// adjectives, their capitals and the main cities and border posts of the
// region, the regions, the corridor and energy projects, multilateral
// organisations, heads of state and government, and titles. Places from the
// regional dataset are added with AddPlace. A Gazetteer must not be changed
// while an Extractor uses it.
type Gazetteer struct {
	lex       *Lexicon
	phrases   []phrase          // everything added to lex, for lexicons that combine it with others
	countries map[string]string // ISO2 → English name
	stan      []stanName        // country names ending in «ستان»/"stan", for typo matching
	places    map[string]Place
	projects  map[string]string // id → English name
	// twins maps a place's id to the places of other countries that
	// share one of its names, either side of a border («اشکاشم» in
	// Afghanistan and in Tajikistan); see Extractor.pickTwins.
	twins map[string][]Place
	// facing maps a border post's id to the country across: the built-in
	// borderFacing and the crossings AddCrossing adds.
	facing map[string]string
}

type phrase struct {
	text  string
	entry Entry
}

// add adds a phrase to the gazetteer's lexicon.
func (g *Gazetteer) add(text string, e Entry) {
	g.phrases = append(g.phrases, phrase{text, e})
	g.lex.Add(text, e)
}

type stanName struct {
	runes []rune
	code  string
}

// nameNot lists words that, after a country name, show it is not the
// country («آذربایجان شرقی» is an Iranian province; «مصر است» is "insists").
var nameNot = map[string][]string{
	"آذربایجان": {"شرقی", "غربی"},
	"مصر":       {"است", "هستند", "بود", "بودند", "اند", "هست", "شد", "شدند", "به"},
	"georgia":   {"state"},
}

// NewGazetteer returns the built-in gazetteer.
func NewGazetteer() *Gazetteer {
	g := &Gazetteer{
		lex:       NewLexicon(),
		countries: make(map[string]string),
		places:    make(map[string]Place),
		projects:  make(map[string]string),
		facing:    maps.Clone(borderFacing),
	}
	// Projects and persons first: on equal spans the first entry wins, and
	// longer names mask the country words inside them.
	for _, p := range projectRows {
		g.projects[p.id] = p.name
		for _, n := range p.names {
			g.add(n, Entry{Class: ClassProject, Code: p.id, Name: p.name})
		}
	}
	for _, p := range personRows {
		for _, n := range p.names {
			g.add(n, Entry{Class: ClassPerson, Code: p.code, Name: p.name})
		}
	}
	for _, o := range orgRows {
		for _, n := range o.names {
			g.add(n, Entry{Class: ClassOrg, Name: o.name})
		}
	}
	for _, r := range regionRows {
		for _, n := range r.names {
			g.add(n, Entry{Class: ClassRegion, Name: r.name})
		}
	}
	for _, t := range titleRows {
		for _, n := range t.names {
			g.add(n, Entry{Class: ClassTitle, Name: t.name, Code: t.code})
		}
	}
	for _, a := range anaphorRows {
		for _, n := range a.names {
			g.add(n, Entry{Class: a.class})
		}
	}
	// "trilateral", «سه‌جانبه»: of the three countries in context, as "the
	// three countries" is.
	for n, words := range map[int][]string{3: {"trilateral", "سه جانبه", "سهجانبه"}, 4: {"quadrilateral", "چهارجانبه", "چهار جانبه"}} {
		for _, w := range words {
			g.add(w, Entry{Class: ClassGroup, Num: float64(n)})
		}
	}
	for n, words := range map[int][]string{3: {"سه", "three"}, 4: {"چهار", "four"}, 5: {"پنج", "five"}} {
		for _, w := range words {
			for _, p := range []string{"%s کشور", "هر %s کشور", "%s طرف", "the %s countries", "all %s countries", "the %s nations", "all %s",
				"the %s leaders", "the %s presidents", "the %s ministers", "the %s sides", "the %s governments", "the %s parties", "the %s railways"} {
				g.add(fmt.Sprintf(p, w), Entry{Class: ClassGroup, Num: float64(n)})
			}
		}
	}
	for _, c := range countryRows {
		g.countries[c.code] = c.name
		for _, n := range c.names {
			base := strings.TrimSuffix(n, "*")
			g.add(n, Entry{Class: ClassCountry, Code: c.code, Name: c.name, Not: nameNot[base]})
			if r := []rune(Normalize(base).Norm); len(r) >= 7 && (strings.HasSuffix(base, "ستان") || strings.HasSuffix(base, "stan")) {
				g.stan = append(g.stan, stanName{r, c.code})
			}
		}
		for _, n := range c.adjectives {
			g.add(n, Entry{Class: ClassAdjective, Code: c.code, Name: c.name})
		}
		for _, p := range c.places {
			g.addPlace(Place{ID: p.id, Country: c.code, Name: p.name}, p.need, p.names...)
		}
	}
	return g
}

// AddPlace adds a place with its names (in any script; '*' after a word
// accepts nominal suffixes). It returns an error of kind caravan.Invalid when
// the id or the country code is malformed or no name is given.
func (g *Gazetteer) AddPlace(id, countryISO2 string, names ...string) error {
	if id == "" || len(countryISO2) != 2 || strings.ToUpper(countryISO2) != countryISO2 {
		return caravan.Errorf(caravan.Invalid, "extract.Gazetteer.AddPlace", "place %q: country %q must be an upper-case ISO 3166-1 alpha-2 code", id, countryISO2)
	}
	var ok []string
	for _, n := range names {
		if strings.TrimSpace(n) != "" {
			ok = append(ok, n)
		}
	}
	if len(ok) == 0 {
		return caravan.Errorf(caravan.Invalid, "extract.Gazetteer.AddPlace", "place %q: no name", id)
	}
	name := ok[0]
	for _, n := range ok {
		if isASCII(n) {
			name = n
			break
		}
	}
	if p, found := g.places[id]; found {
		name = p.Name
	}
	// A name the gazetteer already knows keeps its built-in entry and the
	// rules that come with it («دوشنبه» is Dushanbe only after «در», else
	// Monday); only new names are added.
	var fresh []string
	p := Place{ID: id, Country: countryISO2, Name: name}
	for _, n := range ok {
		if !g.knows(n) {
			fresh = append(fresh, n)
			continue
		}
		// A name shared with a place of another country (the two sides
		// of a border post, «آستارا» in Iran and in Azerbaijan) becomes
		// that place's twin; the article picks the side.
		for _, e := range g.wholePlaces(n) {
			if e.Code != countryISO2 && e.ID != id && !slices.ContainsFunc(g.twins[e.ID], func(t Place) bool { return t.ID == id }) {
				if g.twins == nil {
					g.twins = map[string][]Place{}
				}
				g.twins[e.ID] = append(g.twins[e.ID], p)
				if _, found := g.places[id]; !found {
					g.places[id] = p
				}
			}
		}
	}
	g.addPlace(p, nil, fresh...)
	return nil
}

// wholePlaces returns the place entries that span the whole of name.
func (g *Gazetteer) wholePlaces(name string) []*Entry {
	t := Normalize(name)
	toks := Tokenize(t.Norm)
	if len(toks) == 0 {
		return nil
	}
	var out []*Entry
	g.lex.walk(NewStems(t.Norm, toks), 0, func(end int, e *Entry) {
		if end == len(toks) && e.Class == ClassPlace && e.ID != "" && !slices.Contains(out, e) {
			out = append(out, e)
		}
	})
	return out
}

// knows reports whether some entry of the gazetteer spans the whole of
// name, whatever its context conditions.
func (g *Gazetteer) knows(name string) bool {
	t := Normalize(name)
	toks := Tokenize(t.Norm)
	if len(toks) == 0 {
		return false
	}
	st := NewStems(t.Norm, toks)
	whole := false
	g.lex.walk(st, 0, func(end int, e *Entry) {
		if end == len(toks) && e.Class&(ClassPlace|ClassCountry) != 0 {
			whole = true
		}
	})
	return whole
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (g *Gazetteer) addPlace(p Place, need []string, names ...string) {
	if _, found := g.places[p.ID]; !found {
		g.places[p.ID] = p
	}
	for _, n := range names {
		g.add(n, Entry{Class: ClassPlace, Code: p.Country, Name: p.Name, ID: p.ID, Need: need})
	}
}

// PlaceIDs returns the ids of the places the gazetteer knows, sorted.
func (g *Gazetteer) PlaceIDs() []string {
	ids := make([]string, 0, len(g.places))
	for id := range g.places {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Facing returns the country on the other side of the border post with
// the given id, or "" when the place is not a known border post.
func (g *Gazetteer) Facing(id string) string { return g.facing[id] }

// AddCrossing records that the places a and b, in two countries, face
// each other across a border (a crossing of the network): a closure at
// either is between their two countries. A place the built-in table
// already gives a side keeps it. It returns an error of kind Invalid when
// either place is unknown or both lie in one country.
func (g *Gazetteer) AddCrossing(a, b string) error {
	pa, oka := g.places[a]
	pb, okb := g.places[b]
	if !oka || !okb {
		return caravan.Errorf(caravan.Invalid, "extract.Gazetteer.AddCrossing", "crossing %s–%s: unknown place", a, b)
	}
	if pa.Country == pb.Country {
		return caravan.Errorf(caravan.Invalid, "extract.Gazetteer.AddCrossing", "crossing %s–%s: both in %s", a, b, pa.Country)
	}
	if g.facing[a] == "" {
		g.facing[a] = pb.Country
	}
	if g.facing[b] == "" {
		g.facing[b] = pa.Country
	}
	return nil
}

// Place returns the place with the given id.
func (g *Gazetteer) Place(id string) (Place, bool) {
	p, ok := g.places[id]
	return p, ok
}

// CountryName returns the English name of the country with ISO code code,
// or "" when it is unknown.
func (g *Gazetteer) CountryName(code string) string { return g.countries[code] }

// ProjectName returns the English name of the project with the given id.
func (g *Gazetteer) ProjectName(id string) string { return g.projects[id] }

// Lexicon returns the gazetteer's phrase lexicon. Use Find to tag a text:
// it also applies the rules that the lexicon alone cannot.
func (g *Gazetteer) Lexicon() *Lexicon { return g.lex }

// Find tags the entities of a tokenized normalized text: the longest
// gazetteer match at each position, plus country names misspelt by one
// letter («قرقیرستان»), minus country words that begin a person's name
// («ایران شارخان», a Kazakh deputy minister).
func (g *Gazetteer) Find(norm string, toks []Token) []Match {
	return g.find(NewStems(norm, toks))
}

func (g *Gazetteer) find(st *Stems) []Match {
	return g.post(st, g.lex.longest(st))
}

// longestOf picks, from every match of a combined lexicon (sorted by start
// and end), the longest entity match at each position, left to right,
// without overlaps: what Lexicon.Longest gives on the gazetteer alone.
func longestOf(all []Match) []Match {
	var out []Match
	next := 0
	for k := 0; k < len(all); {
		i := all[k].Start
		best := -1
		for ; k < len(all) && all[k].Start == i; k++ {
			if all[k].Entry.Class&entityClasses != 0 && i >= next && (best < 0 || all[k].End > all[best].End) {
				best = k
			}
		}
		if best >= 0 {
			out = append(out, all[best])
			next = all[best].End
		}
	}
	return out
}

// entityClasses are the gazetteer's classes (cue classes start at bit 16).
const entityClasses Class = 1<<16 - 1

// post drops country words that begin a person's name and adds misspelt
// country names to the longest matches ms.
func (g *Gazetteer) post(st *Stems, ms []Match) []Match {
	norm, toks := st.norm, st.toks
	out := ms[:0:0]
	next := 0 // index into ms
	for i := 0; i < len(toks); i++ {
		if next < len(ms) && ms[next].Start == i {
			m := ms[next]
			next++
			if m.Entry.Class == ClassCountry && m.End == m.Start+1 && g.startsName(st, m.End) {
				i = m.End - 1
				continue
			}
			out = append(out, m)
			i = m.End - 1
			continue
		}
		if toks[i].Kind != TokWord {
			continue
		}
		if code := g.fuzzyCountry(norm[toks[i].Start:toks[i].End]); code != "" {
			out = append(out, Match{Start: i, End: i + 1, Entry: &Entry{Class: ClassCountry, Code: code, Name: g.countries[code]}})
		}
	}
	return out
}

// surnameEndings are endings of Central Asian, Persian and Turkic family
// names («توکایف», «تایجاناف», «شارخان», "Tokayev").
var surnameEndings = []string{"اف", "وف", "یف", "اوا", "ووا", "یوا", "خان", "بیک", "بک", "زاده", "اوغلو", "ov", "ev", "ova", "eva", "khan", "bek", "zade", "yev", "yeva", "uly", "ulu"}

// startsName reports whether the word at token j looks like a family name
// that follows a given name spelt like a country («ایران شارخان»).
func (g *Gazetteer) startsName(st *Stems, j int) bool {
	norm, toks := st.norm, st.toks
	if j >= len(toks) || toks[j].Kind != TokWord || toks[j].Glued {
		return false
	}
	w := norm[toks[j].Start:toks[j].End]
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	found := false
	for _, e := range surnameEndings {
		if strings.HasSuffix(w, e) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	// A known word is not a name.
	known := false
	g.lex.walk(st, j, func(int, *Entry) { known = true })
	return !known
}

// fuzzyCountry returns the country whose «…ستان»/"…stan" name is one edit
// away from w, when exactly one is.
func (g *Gazetteer) fuzzyCountry(w string) string {
	if !strings.HasSuffix(w, "ستان") && !strings.HasSuffix(w, "stan") {
		return ""
	}
	r := []rune(w)
	if len(r) < 7 {
		return ""
	}
	code := ""
	for _, s := range g.stan {
		if editDistanceOne(r, s.runes) {
			if code != "" && code != s.code {
				return ""
			}
			code = s.code
		}
	}
	return code
}

// editDistanceOne reports whether a and b differ by exactly one
// substitution, insertion or deletion.
func editDistanceOne(a, b []rune) bool {
	if slices.Equal(a, b) {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return slices.Equal(a[i+1:], b[i+1:])
	}
	return slices.Equal(a[i:], b[i+1:])
}
