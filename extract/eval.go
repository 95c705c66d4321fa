package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/caravan-transport/caravan"
)

// ReadFacts reads facts in the gold schema, one JSON object per line
// (blank lines are skipped). It returns an error of kind caravan.Invalid
// naming the line of a malformed fact.
func ReadFacts(r io.Reader, name string) ([]Fact, error) {
	var out []Fact
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var f Fact
		if err := json.Unmarshal([]byte(b), &f); err != nil {
			return nil, caravan.Errorf(caravan.Invalid, "extract.ReadFacts", "%s:%d: %v", name, line, err)
		}
		if f.Article == "" || f.Kind == "" {
			return nil, caravan.Errorf(caravan.Invalid, "extract.ReadFacts", "%s:%d: field %q and %q are required", name, line, "article", "kind")
		}
		f.Countries = normalizeCountries(f.Countries)
		out = append(out, f)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// Score counts matches for one kind (or overall).
type Score struct {
	Kind      string  `json:"kind"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Matched   int     `json:"matched"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) compute() {
	if s.Predicted > 0 {
		s.Precision = float64(s.Matched) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Matched) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	if s.Gold == 0 && s.Predicted == 0 {
		s.Precision, s.Recall, s.F1 = 1, 1, 1
	}
}

// Miss is a gold fact no prediction matched, with the closest prediction
// of its article and kind and the fields that differ from it.
type Miss struct {
	Gold    Fact     `json:"gold"`
	Closest *Fact    `json:"closest,omitempty"`
	Differ  []string `json:"differ,omitempty"`
}

// Report is the result of Evaluate.
type Report struct {
	Kinds          []Score `json:"kinds"` // per kind, in a fixed order
	Overall        Score   `json:"overall"`
	Misses         []Miss  `json:"misses"`
	FalsePositives []Fact  `json:"false_positives"`

	// Lenient scores the same predictions when the countries of a
	// prediction need only share one country with the gold fact's (the
	// exact-set score is Overall).
	Lenient Score `json:"lenient"`
	// Fields reports, per kind and overall, how often the countries, the
	// period and the status are right among gold facts paired with a
	// prediction that has their value (see Accuracy).
	Fields []Accuracy `json:"fields"`
}

// Accuracy counts, for one kind (or overall), the gold facts paired with a
// prediction: first the predictions that match them (see Evaluate), then,
// among the rest, one of the same article, kind and value whose countries
// share at least one country (maximum matchings); and among those pairs
// the ones whose country set, period and status agree as Evaluate
// compares them. It tells a wrong period or status apart from a missed fact.
type Accuracy struct {
	Kind      string `json:"kind"`
	Pairs     int    `json:"pairs"`
	Countries int    `json:"countries"`
	Period    int    `json:"period"`
	Status    int    `json:"status"`
}

// add counts one pair whose compared fields differ in d.
func (a *Accuracy) add(d []string) {
	a.Pairs++
	if !slices.Contains(d, "countries") {
		a.Countries++
	}
	if !slices.Contains(d, "period") {
		a.Period++
	}
	if !slices.Contains(d, "status") {
		a.Status++
	}
}

// Rate returns n/Pairs, or 1 when there are no pairs.
func (a Accuracy) Rate(n int) float64 {
	if a.Pairs == 0 {
		return 1
	}
	return float64(n) / float64(a.Pairs)
}

// Kinds lists the fact kinds in report order.
var Kinds = []string{KindTradeValue, KindTonnage, KindAgreement, KindProject, KindMeeting, KindDisruption}

// Evaluate scores predicted facts against gold facts. A prediction matches
// a gold fact when all of these hold:
//
//   - same article and kind;
//   - the same set of countries, or the gold fact's alt_countries;
//   - both values null, or both set and within 0.5 % of the gold value
//     (for projects, in the same unit when both give one: 57 km is not
//     57 million USD);
//   - the same status (both null, or equal);
//   - the same period: both null, or both labels denote the same span of
//     days («SH1400 = 2021-03-21..2022-03-20» equals
//     "2021-03-21..2022-03-20"; "2025" equals "2025-01..2025-12").
//
// Units (but for projects), growth rates, quotes and the optional fields
// are not compared.
// Each fact matches at most one other (a maximum bipartite matching per
// article and kind), so repeated predictions count as false positives.
func Evaluate(gold, pred []Fact) Report {
	type key struct{ article, kind string }
	groupsG := map[key][]int{}
	groupsP := map[key][]int{}
	for i, f := range gold {
		groupsG[key{f.Article, f.Kind}] = append(groupsG[key{f.Article, f.Kind}], i)
	}
	for i, f := range pred {
		groupsP[key{f.Article, f.Kind}] = append(groupsP[key{f.Article, f.Kind}], i)
	}
	matchedG := make([]bool, len(gold))
	matchedP := make([]bool, len(pred))
	exact := map[key][]int{} // each group's matching (see bipartite), also read by looseScores
	for k, gs := range groupsG {
		ps := groupsP[k]
		matchG := bipartite(gs, ps, func(g, p int) bool { return Matches(gold[g], pred[p]) })
		exact[k] = matchG
		for gi, pi := range matchG {
			if pi >= 0 {
				matchedG[gs[gi]] = true
				matchedP[ps[pi]] = true
			}
		}
	}
	r := Report{Misses: []Miss{}, FalsePositives: []Fact{}}
	byKind := map[string]*Score{}
	for _, k := range Kinds {
		byKind[k] = &Score{Kind: k}
	}
	get := func(k string) *Score {
		if s, ok := byKind[k]; ok {
			return s
		}
		byKind[k] = &Score{Kind: k}
		return byKind[k]
	}
	for i, f := range gold {
		s := get(f.Kind)
		s.Gold++
		if matchedG[i] {
			s.Matched++
			continue
		}
		m := Miss{Gold: f}
		best := -1
		for _, p := range groupsP[key{f.Article, f.Kind}] {
			if d := differences(f, pred[p]); best < 0 || len(d) < len(m.Differ) {
				best, m.Differ = p, d
			}
		}
		if best >= 0 {
			m.Closest = &pred[best]
		}
		r.Misses = append(r.Misses, m)
	}
	for i, f := range pred {
		get(f.Kind).Predicted++
		if !matchedP[i] {
			r.FalsePositives = append(r.FalsePositives, f)
		}
	}
	kinds := slices.Clone(Kinds)
	for k := range byKind {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	sort.Strings(kinds[len(Kinds):])
	r.Overall.Kind = "overall"
	for _, k := range kinds {
		s := byKind[k]
		s.compute()
		r.Kinds = append(r.Kinds, *s)
		r.Overall.Gold += s.Gold
		r.Overall.Predicted += s.Predicted
		r.Overall.Matched += s.Matched
	}
	r.Overall.compute()
	r.Lenient, r.Fields = looseScores(gold, pred, groupsG, groupsP, exact, kinds)
	return r
}

// looseScores computes Report.Lenient and Report.Fields; exact holds each
// group's matching by Matches, which Evaluate made.
func looseScores[K comparable](gold, pred []Fact, groupsG, groupsP, exact map[K][]int, kinds []string) (Score, []Accuracy) {
	lenient := Score{Kind: "overall", Gold: len(gold), Predicted: len(pred)}
	acc := map[string]*Accuracy{}
	for _, k := range kinds {
		acc[k] = &Accuracy{Kind: k}
	}
	for k, gs := range groupsG {
		ps := groupsP[k]
		m := bipartite(gs, ps, func(g, p int) bool { return lenientMatch(gold[g], pred[p]) })
		for _, pi := range m {
			if pi >= 0 {
				lenient.Matched++
			}
		}
		// Exact matches pair first; the rest pair by value and
		// overlapping countries.
		var restG, restP []int
		taken := make([]bool, len(ps))
		for gi, pi := range exact[k] {
			if pi >= 0 {
				taken[pi] = true
				acc[gold[gs[gi]].Kind].add(nil)
			} else {
				restG = append(restG, gs[gi])
			}
		}
		for pi, p := range ps {
			if !taken[pi] {
				restP = append(restP, p)
			}
		}
		m = bipartite(restG, restP, func(g, p int) bool {
			return overlap(gold[g], pred[p]) && !slices.Contains(differences(gold[g], pred[p]), "value")
		})
		for gi, pi := range m {
			if pi < 0 {
				continue
			}
			acc[gold[restG[gi]].Kind].add(differences(gold[restG[gi]], pred[restP[pi]]))
		}
	}
	lenient.compute()
	all := Accuracy{Kind: "overall"}
	var out []Accuracy
	for _, k := range kinds {
		a := *acc[k]
		out = append(out, a)
		all.Pairs += a.Pairs
		all.Countries += a.Countries
		all.Period += a.Period
		all.Status += a.Status
	}
	return lenient, append(out, all)
}

// lenientMatch is Matches with countries that need only overlap.
func lenientMatch(g, p Fact) bool {
	if !overlap(g, p) {
		return false
	}
	for _, f := range differences(g, p) {
		if f != "countries" {
			return false
		}
	}
	return true
}

// overlap reports whether p names a country of g (or of its alternative).
func overlap(g, p Fact) bool {
	for _, c := range p.Countries {
		if slices.Contains(g.Countries, c) || slices.Contains(g.AltCountries, c) {
			return true
		}
	}
	return len(g.Countries) == 0 && len(p.Countries) == 0
}

// Matches reports whether prediction p matches gold fact g (see Evaluate).
func Matches(g, p Fact) bool {
	return g.Article == p.Article && g.Kind == p.Kind && len(differences(g, p)) == 0
}

// differences lists the compared fields in which p differs from g.
func differences(g, p Fact) []string {
	var d []string
	pc := normalizeCountries(p.Countries)
	if !slices.Equal(normalizeCountries(g.Countries), pc) && (len(g.AltCountries) == 0 || !slices.Equal(normalizeCountries(g.AltCountries), pc)) {
		d = append(d, "countries")
	}
	switch {
	case g.Value == nil && p.Value == nil:
	case g.Value == nil || p.Value == nil:
		d = append(d, "value")
	default:
		if math.Abs(*g.Value-*p.Value) > 0.005*math.Abs(*g.Value) ||
			g.Kind == KindProject && g.Unit != nil && p.Unit != nil && *g.Unit != *p.Unit {
			d = append(d, "value")
		}
	}
	if str(g.Status) != str(p.Status) {
		d = append(d, "status")
	}
	if !samePeriod(g.Period, p.Period) {
		d = append(d, "period")
	}
	return d
}

func samePeriod(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if *a == *b {
		return true
	}
	s1, e1, err1 := ParseLabel(*a)
	s2, e2, err2 := ParseLabel(*b)
	return err1 == nil && err2 == nil && s1.Equal(s2) && e1.Equal(e2)
}

// bipartite returns, for each left index, the matched right index or -1,
// maximizing the number of matches (augmenting paths).
func bipartite(left, right []int, ok func(l, r int) bool) []int {
	matchL := make([]int, len(left))
	matchR := make([]int, len(right))
	for i := range matchL {
		matchL[i] = -1
	}
	for i := range matchR {
		matchR[i] = -1
	}
	var try func(l int, seen []bool) bool
	try = func(l int, seen []bool) bool {
		for r := range right {
			if seen[r] || !ok(left[l], right[r]) {
				continue
			}
			seen[r] = true
			if matchR[r] < 0 || try(matchR[r], seen) {
				matchL[l], matchR[r] = r, l
				return true
			}
		}
		return false
	}
	for l := range left {
		try(l, make([]bool, len(right)))
	}
	return matchL
}
