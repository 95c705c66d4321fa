package extract

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// finish merges the facts of an article that report the same thing and
// orders them by position:
//   - trade values and tonnages with the same countries, status and value
//     (within 0.5 %) and the same period or one without a period (a
//     headline), and growth-only figures repeated beside the figure they
//     qualify (same countries and growth rate);
//   - agreements with the same countries and status whose specific sectors
//     are the same or one includes the other, from different sentences;
//   - meetings with the same countries and status whose participants agree
//     (or are unknown on one side), outside lists of visitors;
//   - projects: one fact per project and status (countries united), and
//     mentions without a status dropped when the project has one.
func (d *doc) finish(kept []candidate) []Fact {
	// A growth rate given a few sentences later of the figure of a place
	// («… از گمرک دوغارون … ۶۸۰ میلیون دلار … صادر شده» … «صادرات از مرز
	// دوغارون نسبت به مدت مشابه سال گذشته ۹ درصد افزایش یافته»): the
	// figure's growth.
	for k, c := range kept {
		if c.Kind != KindTradeValue && c.Kind != KindTonnage || c.Value != nil || c.GrowthPct == nil {
			continue
		}
		places := d.placeIDs(d.sents[c.sent])
		if len(places) == 0 {
			continue
		}
		first := -1 // the first fact of a fitting figure, in the earliest sentence that has one
		for j := k - 1; j >= 0 && kept[j].sent >= c.sent-5; j-- {
			o := kept[j]
			if o.sent >= c.sent || o.Kind != c.Kind || o.Value == nil || o.GrowthPct != nil || str(o.Status) != str(c.Status) ||
				!subset(c.Countries, o.Countries) || !slices.ContainsFunc(d.placeIDs(d.sents[o.sent]), func(id string) bool { return slices.Contains(places, id) }) {
				continue
			}
			first = j
		}
		if first >= 0 {
			kept[first].GrowthPct = c.GrowthPct
			kept[k].Kind = "" // dropped below
		}
	}
	kept = slices.DeleteFunc(kept, func(c candidate) bool { return c.Kind == "" })
	// Growth-only figures repeated beside a full figure.
	kept = slices.DeleteFunc(kept, func(c candidate) bool {
		if c.Kind != KindTradeValue && c.Kind != KindTonnage || c.Value != nil || c.GrowthPct == nil {
			return false
		}
		for _, o := range kept {
			// "wheat exports … up 12%" in a headline and the body's tonnes
			// "up 12 percent": a value's or a weight's growth alike.
			if (o.Kind == KindTradeValue || o.Kind == KindTonnage) && o.Value != nil && o.GrowthPct != nil && *o.GrowthPct == *c.GrowthPct && slices.Equal(o.Countries, c.Countries) {
				return true
			}
		}
		return false
	})
	// A round figure repeated exactly: "trade tops $1bn" / "exceeded $1
	// billion" and then "$1.04 billion in January–September".
	kept = slices.DeleteFunc(kept, func(c candidate) bool {
		if c.Kind != KindTradeValue && c.Kind != KindTonnage || c.Value == nil || !roundFigure(*c.Value) {
			return false
		}
		for _, o := range kept {
			if o.Kind != c.Kind || o.Value == nil || *o.Value == *c.Value || roundFigure(*o.Value) || str(o.Status) != str(c.Status) ||
				!slices.Equal(o.Countries, c.Countries) || c.Period != nil && str(o.Period) != str(c.Period) {
				continue
			}
			if r := *o.Value / *c.Value; r >= 0.95 && r <= 1.1 && (c.Qualifier != "" || c.Period == nil) {
				return true
			}
		}
		return false
	})
	// A headline's figure with a qualifier ("nears $450 million", «بیش از
	// …») repeated exactly in the body ("$446 million").
	kept = slices.DeleteFunc(kept, func(c candidate) bool {
		if !c.headline || c.Kind != KindTradeValue && c.Kind != KindTonnage || c.Value == nil || c.Qualifier == "" {
			return false
		}
		for _, o := range kept {
			if o.headline || o.Kind != c.Kind || o.Value == nil || str(o.Status) != str(c.Status) || !slices.Equal(o.Countries, c.Countries) {
				continue
			}
			if r := *o.Value / *c.Value; r >= 0.9 && r <= 1.1 {
				return true
			}
		}
		return false
	})
	// A headline's figure whose countries the body's same figure completes
	// («ترانزیت ۳ میلیون تنی کالا از بندر چابهار» over «۳ میلیون تن کالا
	// از بندر چابهار ترانزیت شد که ۶۵ درصد آن به مقصد افغانستان …») or
	// whose status it gives: the body's fact, which says more.
	kept = slices.DeleteFunc(kept, func(c candidate) bool {
		if !c.headline || c.Kind != KindTradeValue && c.Kind != KindTonnage || c.Value == nil {
			return false
		}
		return slices.ContainsFunc(kept, func(o candidate) bool {
			if o.headline || o.Kind != c.Kind || o.Value == nil || !subset(c.Countries, o.Countries) ||
				c.Period != nil && str(o.Period) != str(c.Period) || math.Abs(*o.Value-*c.Value) > 0.005*math.Max(*o.Value, *c.Value) {
				return false
			}
			if str(o.Status) == str(c.Status) {
				return len(o.Countries) > len(c.Countries)
			}
			// «واردات ۱.۲ میلیون تن گندم از قزاقستان» over «قرار است تا پایان
			// سال جاری ۱.۲ میلیون تن گندم از قزاقستان وارد شود»: a headline
			// drops the verb that makes the body's figure a target.
			return str(c.Status) == StatusActual && c.Period == nil && (str(o.Status) == StatusTarget || str(o.Status) == StatusCapacity)
		})
	})
	// A headline's figure with no period that rounds the body's figure
	// ("… به ۱.۴ میلیون تن رسید" over «یک میلیون و ۴۲۰ هزار تن», "2,300
	// tonnes" over "2,340 tonnes"), its countries among the body's or the
	// body's among its own (a headline names the leader of a ranking too:
	// «واردات ۸۶۲ هزار تن مواد نفتی در هفت ماه؛ ترکمنستان در صدر»): the
	// same figure, the body's.
	kept = slices.DeleteFunc(kept, func(c candidate) bool {
		if !c.headline || c.Kind != KindTradeValue && c.Kind != KindTonnage || c.Value == nil || c.Period != nil {
			return false
		}
		return slices.ContainsFunc(kept, func(o candidate) bool {
			return !o.headline && o.Kind == c.Kind && o.Value != nil && str(o.Status) == str(c.Status) &&
				(subset(c.Countries, o.Countries) || subset(o.Countries, c.Countries)) && roundsTo(*o.Value, *c.Value)
		})
	})
	// A growth rate of tonnage read again as trade ("exported 1.1 million
	// tonnes …, down 15 percent"): the tonnage has it.
	for k, c := range kept {
		if c.Kind != KindTradeValue || c.Value != nil || c.GrowthPct == nil {
			continue
		}
		for j, o := range kept {
			if o.Kind == KindTonnage && o.Value != nil && o.sent == c.sent && slices.Equal(o.Countries, c.Countries) &&
				(o.GrowthPct == nil || *o.GrowthPct == *c.GrowthPct) {
				kept[j].GrowthPct = c.GrowthPct
				kept[k].Kind = "" // dropped below
				break
			}
		}
	}
	kept = slices.DeleteFunc(kept, func(c candidate) bool { return c.Kind == "" })
	// "signed 12 documents", when the documents are listed after it, all
	// of them: a group of 17 of which four are named ("The documents
	// include …") stays a fact beside the four.
	kept = slices.DeleteFunc(kept, func(c candidate) bool {
		if c.Kind != KindAgreement || !c.counted {
			return false
		}
		n := 0
		for _, o := range kept {
			if o.Kind == KindAgreement && o.listed && o.sent >= c.sent && o.sent <= c.sent+1 && str(o.Status) == str(c.Status) {
				n++
			}
		}
		return n > 0 && (c.count == 0 || n >= c.count)
	})
	// A fact whose clause names no country takes the project's, and a
	// project's countries are those of all its facts in the article:
	// "Turkmenistan has paid $200 million for this section" makes
	// Turkmenistan a party to the section's length too.
	for k, c := range kept {
		switch {
		case c.partNamed:
			fin := d.partFinanciers[partKey{projectID(c.projKey), c.part}]
			kept[k].Countries, kept[k].inside = normalizeCountries(append([]string{c.part}, fin...)), true
		case c.part != "" && !d.financedBy(projectID(c.projKey), c.part):
			kept[k].Countries, kept[k].inside = []string{c.part}, true
		}
	}
	parties := map[string][]string{}
	for _, c := range kept {
		if c.Kind == KindProject && !c.inherit && !c.inside && (c.projKey != projectID(c.projKey) || c.Status != nil || d.namesProject(c.tok)) {
			id := projectID(c.projKey)
			parties[id] = normalizeCountries(append(parties[id], c.Countries...))
		}
	}
	for id, cs := range d.projParties {
		if _, ok := parties[id]; ok {
			parties[id] = normalizeCountries(append(parties[id], cs...))
		}
	}
	// A project a second country finances (a credit line, a loan, an
	// investment: «هند … یک خط اعتباری ۲۵۰ میلیون دلاری برای …»,
	// "Kazakhstan will invest $500 million in the line") is the
	// financier's and its own country's in every fact, a milestone told
	// before the financing too.
	for id := range d.projFinanced {
		if cs, ok := parties[id]; ok {
			d.projParties[id] = cs
		}
	}
	// Whom a project links or who finances it («… برق تاجیکستان و قرغیزستان
	// را از طریق افغانستان به پاکستان منتقل کند») are parties to every fact
	// of the project, its status too.
	for k, c := range kept {
		if cs, ok := d.projParties[projectID(c.projKey)]; ok && c.Kind == KindProject && !c.inside {
			kept[k].Countries = normalizeCountries(append(c.Countries, cs...))
		}
	}
	for k, c := range kept {
		if cs, ok := parties[c.projRef]; ok && c.projRef != "" {
			kept[k].Countries = normalizeCountries(append(c.Countries, cs...))
			continue
		}
		if cs, ok := parties[projectID(c.projKey)]; ok && c.Kind == KindProject && !c.inside {
			if c.inherit {
				kept[k].Countries = cs
			} else if c.Value != nil || c.projKey != projectID(c.projKey) {
				kept[k].Countries = normalizeCountries(append(c.Countries, cs...))
			}
		}
	}
	// Project mentions without a status, when the project has one or has
	// a measured attribute; a status repeated by an attribute with the
	// same status ("the 57-km section is 60 percent complete").
	kept = slices.DeleteFunc(kept, func(c candidate) bool {
		if c.Kind != KindProject || c.Value != nil {
			return false
		}
		for _, o := range kept {
			if o.Kind != KindProject || projectID(o.projKey) != projectID(c.projKey) {
				continue
			}
			if c.Status == nil && (o.projKey == c.projKey && o.Status != nil || o.projKey != projectID(o.projKey)) {
				return true
			}
			if c.Status != nil && (o.Value != nil || o.Period != nil && c.Period == nil) && str(o.Status) == str(c.Status) {
				return true
			}
			if c.Status != nil && c.projKey == projectID(c.projKey) && o.projKey != c.projKey && str(o.Status) == str(c.Status) && c.Period != nil && str(o.Period) == *c.Period {
				return true // the same dated status read twice ("Civil works began in October 2025")
			}
			if str(c.Status) == "planned" && c.Period == nil && o.sent == c.sent && o.launchBy {
				// «… تا پایان سال ۱۴۰۹ به بهره‌برداری برسد»: a launch expected
				// by a deadline is the completion expected (expectedLaunch),
				// not an undated plan beside it.
				return true
			}
		}
		return false
	})
	// A headline's unnamed project whose status the body gives to a
	// project too («پیشرفت ۶۰ درصدی توسعه پایانه ریلی سرخس» over «طرح
	// توسعه پایانه … ۶۰ درصد پیشرفت فیزیکی دارد»): the headline words the
	// body's fact, which names the project as the text does.
	kept = slices.DeleteFunc(kept, func(c candidate) bool {
		if c.Kind != KindProject || !c.headline || c.Status == nil || c.Value != nil || !strings.HasPrefix(c.projKey, "unnamed:") {
			return false
		}
		return slices.ContainsFunc(kept, func(o candidate) bool {
			return o.Kind == KindProject && !o.headline && str(o.Status) == *c.Status
		})
	})
	out := make([]Fact, 0, len(kept))
	for _, c := range kept {
		if c.Kind == KindProject && c.inherit && c.Status == nil && c.Value == nil && c.Period == nil {
			// A bare mention naming no country, of a project no other
			// fact gives parties to ("as more capacity comes online on
			// the Middle Corridor"): its countries would be only the
			// context's, which the text does not say are involved.
			if _, ok := parties[projectID(c.projKey)]; !ok {
				continue
			}
		}
		if len(c.Countries) == 0 {
			continue
		}
		out = append(out, c.Fact)
	}
	return out
}

// namesProject reports whether a project's name starts at token i (not
// «این بندر», "the line" referring back to one).
func (d *doc) namesProject(i int) bool {
	k := sort.Search(len(d.ents), func(k int) bool { return d.ents[k].Start >= i })
	return k < len(d.ents) && d.ents[k].Start == i && d.ents[k].Entry.Class.Has(ClassProject)
}

// projectID returns the project id of a project fact's key ("tapi|km|816"
// → "tapi").
func projectID(key string) string {
	if i := strings.IndexByte(key, '|'); i >= 0 {
		return key[:i]
	}
	return key
}

// roundsTo reports whether v rounded to the significant digits of r is r
// (1,420,000 to 1.4 million, 2,340 to 2,300), r not 0.
func roundsTo(v, r float64) bool {
	if r <= 0 || v <= 0 {
		return false
	}
	digits := 1 // r's significant digits, up to 4
	for ; digits < 4; digits++ {
		p := math.Pow(10, math.Floor(math.Log10(r))-float64(digits-1))
		if math.Abs(r/p-math.Round(r/p)) < 1e-6 {
			break
		}
	}
	p := math.Pow(10, math.Floor(math.Log10(r))-float64(digits-1))
	return math.Abs(math.Round(v/p)*p-r) < 1e-6*r
}

// roundFigure reports whether v has one significant digit (1e9, 3e6,
// 500000): the rounded form of an exact figure.
func roundFigure(v float64) bool {
	if v <= 0 {
		return false
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	return math.Abs(v/p-math.Round(v/p)) < 1e-9
}

// merger keeps the facts of an article, with the indices of each kind's,
// so that a new fact is compared only with the earlier facts of its kind.
type merger struct {
	kept      []candidate
	byKind    map[string][]int
	byProject map[string]int // project facts by key, part and status (see same)
	// byStatus holds, by project key and status, the project facts kept
	// (of any part): a fact of the whole and one of a part named by its
	// country are one, as before parts were told apart («کار پروژه کاسا هزار در افغانستان از سر
	// گرفته شد» over «کار ساخت بخش افغانستان … از سر گرفته شد»).
	byStatus map[string][]int
}

// merge adds the facts of one sentence, in the order of their tokens,
// merging each into an earlier fact it repeats.
func (m *merger) merge(cs []candidate) {
	if m.byKind == nil {
		m.byKind, m.byProject, m.byStatus = map[string][]int{}, map[string]int{}, map[string][]int{}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].tok < cs[j].tok })
	for _, c := range cs {
		c.Countries = normalizeCountries(c.Countries)
		if c.Kind == KindProject {
			// Projects are the same by key and status (see same): one
			// lookup, not a walk over every project fact kept.
			key := c.projKey + "\x00" + c.partID + "\x00" + str(c.Status)
			if k, ok := m.byProject[key]; ok {
				absorb(&m.kept[k], &c)
				continue
			}
			sk := c.projKey + "\x00" + str(c.Status)
			if k := slices.IndexFunc(m.byStatus[sk], func(k int) bool {
				o := &m.kept[k]
				return o.partID == "" && c.partNamed || c.partID == "" && o.partNamed
			}); k >= 0 {
				absorb(&m.kept[m.byStatus[sk][k]], &c)
				continue
			}
			m.byProject[key] = len(m.kept)
			m.byStatus[sk] = append(m.byStatus[sk], len(m.kept))
			m.kept = append(m.kept, c)
			continue
		}
		merged := false
		for _, k := range m.byKind[c.Kind] {
			if same(&m.kept[k], &c) {
				absorb(&m.kept[k], &c)
				merged = true
				break
			}
		}
		if !merged {
			m.byKind[c.Kind] = append(m.byKind[c.Kind], len(m.kept))
			m.kept = append(m.kept, c)
		}
	}
}

// dayWithin reports whether the day date (YYYY-MM-DD) lies in the period
// labelled label; false when either does not parse.
func dayWithin(date, label string) bool {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return false
	}
	a, b, err := ParseLabel(label)
	return err == nil && !t.Before(a) && !t.After(b)
}

// same reports whether b repeats a.
func same(a, b *candidate) bool {
	if a.Kind != b.Kind || str(a.Status) != str(b.Status) {
		return false
	}
	switch a.Kind {
	case KindTradeValue, KindTonnage:
		// A headline often drops the period the body gives.
		samePeriod := str(a.Period) == str(b.Period) || a.Period == nil || b.Period == nil
		if !slices.Equal(a.Countries, b.Countries) || !samePeriod || a.Value == nil || b.Value == nil {
			return false
		}
		return math.Abs(*a.Value-*b.Value) <= 0.005*math.Max(math.Abs(*a.Value), math.Abs(*b.Value))
	case KindAgreement:
		if a.sent == b.sent || !slices.Equal(a.Countries, b.Countries) {
			return false
		}
		if a.headline && !b.headline && !b.listed && !b.counted {
			// "Kazakh, Afghan ministers agree to raise trade …" and the
			// body's "… agreed to raise bilateral trade …".
			return true
		}
		return len(a.sectors) > 0 && len(b.sectors) > 0 && (subset(a.sectors, b.sectors) || subset(b.sectors, a.sectors))
	case KindMeeting:
		if !slices.Equal(a.Countries, b.Countries) || a.list != 0 && a.list == b.list || a.earlier != b.earlier {
			return false
		}
		if a.Period != nil && b.Period != nil && *a.Period != *b.Period {
			return false // two rounds of talks in two months
		}
		if a.Date != "" && b.Period != nil && !dayWithin(a.Date, *b.Period) || b.Date != "" && a.Period != nil && !dayWithin(b.Date, *a.Period) {
			return false // («سومین دور … روز سه‌شنبه ۲۴ قوس», «دور نخست … در ماه اسد»)
		}
		if a.Date != "" && b.Date != "" && a.Date != b.Date {
			return false
		}
		if a.headline != b.headline && (subset(a.participants, b.participants) || subset(b.participants, a.participants)) {
			// "Turkmen Foreign Minister meets Afghan delegation" over the
			// body's fuller account of the meeting.
			return true
		}
		return len(a.participants) == 0 || len(b.participants) == 0 || slices.Equal(a.participants, b.participants)
	case KindProject:
		return a.projKey == b.projKey
	case KindDisruption:
		// «بسته بودن تورخم» after «تورخم … بسته شد»: the same closure.
		if a.Date != "" && b.Date != "" && a.Date != b.Date {
			return false
		}
		if a.PlaceID != "" || b.PlaceID != "" {
			return a.PlaceID == b.PlaceID
		}
		return slices.Equal(a.Countries, b.Countries)
	}
	return false
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// absorb fills what a lacks from its repetition b.
func absorb(a, b *candidate) {
	if a.headline && !b.headline && a.Kind == KindAgreement {
		// The body's words, not the headline's.
		a.Quote, a.Start, a.End, a.headline = b.Quote, b.Start, b.End, false
	}
	if a.Period == nil && b.Period != nil && (a.Kind == KindTradeValue || a.Kind == KindTonnage) {
		// A headline and then the body: keep the body's exact figure.
		a.Period, a.Value, a.Qualifier = b.Period, b.Value, b.Qualifier
		a.Quote, a.Start, a.End = b.Quote, b.Start, b.End
	}
	if a.headline && !b.headline && a.Kind == KindProject {
		// "… line completed" in a headline, then the body's "was completed
		// in October": the body's words, date and countries.
		a.Quote, a.Start, a.End, a.headline = b.Quote, b.Start, b.End, false
		a.Countries = b.Countries
		if b.Period != nil {
			a.Period = b.Period
		}
	}
	if a.headline && !b.headline && a.Kind == KindMeeting {
		// The headline's meeting is now the body's: it takes the body's
		// participants and merges no other meeting of the body.
		a.headline, a.participants = false, b.participants
	}
	if a.Kind == KindTonnage && str(a.Unit) == "t" && str(b.Unit) != "" && str(b.Unit) != "t" {
		// «ظرفیت بندر چابهار به ۱۵ میلیون تن می‌رسد» over the body's
		// «… به ۱۵ میلیون تن در سال»: the headline dropped the rate.
		a.Unit = b.Unit
	}
	if a.GrowthPct == nil {
		a.GrowthPct = b.GrowthPct
	}
	if a.Qualifier == "" {
		a.Qualifier = b.Qualifier
	}
	if a.Place == "" {
		a.Place = b.Place
	}
	if a.Date == "" {
		a.Date, a.Note = b.Date, b.Note
	}
	if a.Flow == "" {
		a.Flow = b.Flow
	}
	if len(a.participants) == 0 {
		a.participants = b.participants
	}
	for _, p := range b.Parties {
		if !slices.Contains(a.Parties, p) {
			a.Parties = append(a.Parties, p)
		}
	}
	if a.Kind == KindProject {
		a.Countries = normalizeCountries(append(a.Countries, b.Countries...))
	}
}

// placeIDs returns the ids of the places sentence s names.
func (d *doc) placeIDs(s *sentence) []string {
	var out []string
	for _, m := range d.entsIn(s.a, s.b) {
		if m.Entry.Class.Has(ClassPlace) && m.Entry.ID != "" && !slices.Contains(out, m.Entry.ID) {
			out = append(out, m.Entry.ID)
		}
	}
	return out
}
