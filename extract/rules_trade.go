package extract

import (
	"slices"
	"sort"
	"strings"
)

// tradeFacts reads trade values and tonnages from sentence s: amounts of
// money and tonnes near a trade or cargo word, and growth rates of trade
// reported without an amount («افزایش ۵۰ درصدی روابط تجاری»).
func (d *doc) tradeFacts(s *sentence) []candidate {
	var out []candidate
	for _, c := range d.clauses(s) {
		var ams []amount
		for _, am := range s.amounts {
			if am.a >= c.a && am.a < c.b {
				ams = append(ams, am)
			}
		}
		if len(ams) == 0 {
			continue
		}
		statuses := d.statuses(s, c, ams)
		growth := d.growthRates(s, c, ams)
		items, itemPartner := d.countryItems(s, c, ams)
		places := d.placeItems(c, ams)
		partners := d.postposedPartners(s, c, ams)
		hasMoneyOrTon := false
		n0 := len(out) // the clause's facts are out[n0:]
		own := d.countries(s, c.a, c.b, true)
		buyer := "" // the clause's one country when it buys (see below)
		if len(own) == 1 && (d.roleIn(c.a, c.b, roleBuyer) >= 0 ||
			d.roleIn(c.a, c.b, roleRank) >= 0 && d.rankedItem(s, c, true) && d.tradeCueIn(c) < 0) {
			// (Also the head of a ranking with its figure and no trade
			// word: «پاکستان با ۶۱۰ میلیون دالر در صدر است».)
			buyer = own[0]
		}
		link := d.roleIn(c.a, c.b, roleLink) // "which links …", «متصل می‌کند»
		// The project the clause names or refers back to (clauseProject),
		// looked up once for the clause's figures.
		projDone, projID, projTok := false, "", -1
		project := func() (string, int) {
			if !projDone {
				projID, projTok = d.clauseProject(s, c)
				projDone = true
			}
			return projID, projTok
		}
		for k, am := range ams {
			var kind string
			switch am.kind {
			case amtMoney:
				if !d.isTrade(s, c, am) {
					continue
				}
				kind = KindTradeValue
			case amtTon:
				if !d.isCargo(c, am) && !d.besideCargo(s, c) {
					continue
				}
				kind = KindTonnage
			default:
				continue
			}
			hasMoneyOrTon = true
			f := d.newCandidate(kind, s, am.a)
			f.Value = ptr(am.value)
			if am.max > 0 {
				f.ValueMax = ptr(am.max)
			}
			f.Qualifier = am.qual
			if kind == KindTradeValue {
				f.Unit = ptr(am.currency)
			} else {
				u := "t"
				switch am.per {
				case "yr":
					u = "t/yr"
				case "month":
					u = "t/month"
				}
				f.Unit = ptr(u)
			}
			st := statuses[k]
			toLevel := d.pointAt(am.a-1, roleTo) // a level reached: «به ۵ میلیون تن», "to 4 million tonnes"
			if kind == KindTonnage && d.isCapacity(s, am) {
				st = StatusCapacity
			}
			if kind == KindTonnage && len(out) > n0 && str(out[len(out)-1].Status) == StatusCapacity && toLevel {
				// «ظرفیت … از ۳ میلیون تن به ۵ میلیون تن … افزایش می‌یابد»:
				// the new level is a capacity too.
				st = StatusCapacity
			}
			f.Status = ptr(st)
			// "expanding the centre's capacity to 4 million tonnes a year by
			// 2027", "shall be expanded to handle 1 million tonnes … by the
			// end of 2026": a capacity still to reach takes its deadline.
			tgt := st == StatusTarget || st == StatusCapacity && (toLevel || d.hasCue(c.a, c.b, CueFuture|CueTarget)) && !d.fromLevel(ams, k)
			cc, listed := items[k]
			if listed {
				f.Countries = normalizeCountries([]string{cc, itemPartner})
				if itemPartner == "" {
					f.Countries = []string{cc}
					if d.roleIn(c.a, c.b, roleBuyer) >= 0 || d.pointIn(c.a, c.b, roleSupplier) >= 0 {
						// "Uzbekistan purchased 3.8 million tonnes, Afghanistan
						// 1.7 million tonnes, …": a list of buyers buys from
						// the article's trader, as one buyer does (below).
						if x := d.sellerOf(s, cc); x != "" {
							f.Countries = normalizeCountries([]string{cc, x})
						}
					}
					if s.idx > 0 && len(f.Countries) == 1 {
						x := d.sents[s.idx-1].lone[figureSlot(am.kind)]
						if x != "" && x != cc {
							// «… ۹۴ هزار تن بوره … وارد کشور شده» and then
							// «ازبکستان با ۳۱ هزار تن … ایران با ۲۴ هزار تن …»: the
							// suppliers of the one country's figure just read.
							f.Countries = normalizeCountries([]string{cc, x})
						}
					}
				}
			} else {
				f.Countries = d.amountCountries(s, c, ams, k, partners)
				if len(items) > 0 && !d.regionWhole(span{c.a, am.a}) {
					// «۹۸۰ ملیون دالر کالا به پاکستان صادر شده و صادرات به
					// ازبیکستان و تاجیکستان به ترتیب …»: the list's countries
					// are its own figures'.
					cs := slices.DeleteFunc(slices.Clone(f.Countries), func(x string) bool {
						for _, cc := range items {
							if cc == x {
								return true
							}
						}
						return false
					})
					if len(cs) == 1 && itemPartner != "" && cs[0] != itemPartner {
						cs = append(cs, itemPartner)
					}
					if len(cs) > 0 {
						f.Countries = normalizeCountries(cs)
					}
				}
			}
			place, isPlace := places[k]
			if isPlace && len(f.Countries) == 1 && f.Countries[0] != place.Code && d.borderOf(s, c, f.Countries[0]) {
				// «گمرک دوغارون در مرز افغانستان با ۸۲۰ میلیون دلار»: a post
				// the text puts on the border of a country is its own
				// country's and that one's (labelling decision 1).
				f.Countries = normalizeCountries([]string{place.Code, f.Countries[0]})
			} else if isPlace && len(f.Countries) <= 1 && (len(f.Countries) == 0 || f.Countries[0] == place.Code) {
				// A list of customs offices or border posts with their
				// figures breaks down the pair's trade just reported.
				if pair := d.breakdownPair(s, am.kind); slices.Contains(pair, place.Code) {
					f.Countries = pair
				}
			} else if !isPlace && !listed && len(own) == 0 && len(f.Countries) <= 1 && isPoint(d.tokText(am.a-1), roleFigureIntro) && d.tokText(am.a-1) != "(" {
				// «کشمش با ۱۸۵ هزار تن در صدر … و انار با ۹۵ هزار تن …»
				// after the pair's tonnes: items of goods "with" their
				// figures break down the figure just reported, of its pair
				// (not a figure in parentheses, the year before's).
				if pair := d.breakdownPair(s, am.kind); len(pair) == 2 && pair[1] != "" && (len(f.Countries) == 0 || slices.Contains(pair, f.Countries[0])) {
					f.Countries = slices.Clone(pair)
				}
			} else if !listed {
				// The same list with the place after its figure: "of which
				// 780,000 tonnes via Torkham", «۷۸۰ هزار تن از بندر تورخم».
				if pair := d.placeBreakdown(s, c, am.kind, f.Countries); pair != nil {
					f.Countries = pair
				}
			}
			if len(f.Countries) > 2 {
				// "shipped 612,000 tonnes of flour to Afghanistan …, most
				// of it by rail through Uzbekistan": a country passed
				// through is the route, not a side of the figure.
				if cs := d.withoutRoutes(s, slices.Clone(f.Countries)); len(cs) >= 2 {
					f.Countries = cs
				}
			}
			if !listed && k == 0 && len(out) > 0 && out[len(out)-1].Kind == kind && d.refersToFigure(c) &&
				len(own) == 0 && out[len(out)-1].Countries != nil {
				// «…، در حالی که این رقم در سال ۱۴۰۳ … بود»: the figure
				// the clause refers to is the sentence's figure before.
				f.Countries = slices.Clone(out[len(out)-1].Countries)
			}
			if !listed && len(own) == 0 && !hasKind(out[n0:], kind) && s.idx > 0 && d.refersToFigure(c) {
				// «این رقم در مدت مشابه سال گذشته ۳۵ هزار تن … بود» after a
				// sentence whose figures were read with a pair: the figure
				// referred to is that pair's.
				if p := d.sents[s.idx-1]; p.figures[figureSlot(am.kind)][0] != "" {
					f.Countries = p.figures[figureSlot(am.kind)][:]
				}
			}
			if !listed && (d.isBaseline(ams, k) || d.parenComparison(s, c, ams, k)) && len(out) > n0 && out[len(out)-1].Kind == kind {
				// "fell to 2.1 million tonnes in FY2024-25 from 3.4 million
				// tonnes a year earlier, …, as traders shifted to Iranian
				// ports", «… ۹۸۰ میلیون دلار رسید (در مدت مشابه سال قبل یک
				// میلیارد و ۱۴۰ میلیون دلار) و صادرات به ازبکستان …»: a
				// baseline, or a comparison in parentheses, is the same
				// series as the figure it is compared with.
				f.Countries = slices.Clone(out[len(out)-1].Countries)
			}
			if !listed && len(f.Countries) >= 2 && d.destinationList(s, c) {
				// "Shipments to Kazakhstan, Kyrgyzstan, Tajikistan,
				// Turkmenistan and Uzbekistan had stood at $361m": a group
				// of partners named as one, with the trader of the
				// figures before.
				x := d.priorTrader(s)
				if x == "" {
					x = d.tradeFocus()
				}
				if x != "" && !slices.Contains(f.Countries, x) {
					f.Countries = normalizeCountries(append(f.Countries, x))
				}
			}
			if !listed {
				if h := d.breakdownHead(s, am.kind); h != nil {
					// An item of a breakdown is the head figure's pair.
					if cs := d.withoutRoutes(h, d.countries(h, h.a, h.b, true)); len(cs) == 2 {
						f.Countries = cs
					}
					if hs := h.heads[figureSlot(am.kind)]; hs != nil && len(own) > 0 && subset(own, hs) {
						// "Of this volume, 1.93 million tonnes went to
						// Turkmenistan, …, and 780,000 tonnes to Afghanistan":
						// an item of a breakdown by country of a head of three
						// or more is the head's countries but the other items'.
						if x := d.itemCountry(s, c, ams, k); x != "" {
							f.Countries = slices.DeleteFunc(slices.Clone(hs), func(y string) bool { return y != x && slices.Contains(own, y) })
						}
					}
					if len(own) == 0 {
						// "Transit cargo … to Afghanistan and Turkmenistan
						// reached 2.71 million tonnes … Of this volume, 1.93
						// million tonnes went to Turkmenistan … Grain was the
						// largest cargo type with 1.12 million tonnes": a
						// breakdown that names no country is of the head of
						// three or more countries it goes on from (past a
						// breakdown of that head by country).
						for g := h; g != nil; g = d.breakdownHead(g, am.kind) {
							for g.idx > 0 && d.refersToFigure(span{g.a, g.b}) {
								// («این رقم در همین مدت سال گذشته ۶۱ هزار تن
								// بود»: a year-earlier figure between; the head
								// is the figure it refers to.)
								g = d.sents[g.idx-1]
							}
							if hs := g.heads[figureSlot(am.kind)]; hs != nil {
								f.Countries = slices.Clone(hs)
								break
							}
							if x := g.lone[figureSlot(am.kind)]; x != "" && g == h && h.idx == s.idx-1 && !slices.ContainsFunc(d.countries(g, g.a, g.b, true), func(y string) bool { return y != x }) {
								// "Kazakhstan exported 3.46 million tonnes …
								// Diesel fuel remained the main item with 1.38
								// million tonnes": a trader's total by product
								// (the head itself, just before, not one past a
								// breakdown, naming no other country).
								f.Countries = []string{x}
								break
							}
							if g.idx <= 0 || d.roleIn(g.a, g.b, roleBreakdown) < 0 {
								break
							}
						}
					}
				}
			}
			if buyer != "" {
				// "Afghanistan remained the largest buyer, taking 1.5
				// million tonnes", "while Tajikistan bought 850,000 tonnes":
				// the clause's one country buys from the article's trader.
				if x := d.sellerOf(s, buyer); x != "" {
					f.Countries = normalizeCountries([]string{buyer, x})
				}
			}
			if kind == KindTonnage && link >= 0 && link < am.a {
				// "Freight on the Kazakhstan–Turkmenistan–Iran railway,
				// which links Uzen in Kazakhstan with Gorgan in Iran via
				// Turkmenistan, reached 2.41 million tonnes": freight on a
				// line the clause names, measured outside what it says the
				// line links, is between all the countries it links, the
				// one it passes through too.
				if id, tok := project(); id != "" && d.namesProject(tok) && tok < link {
					if cs := d.withoutBorderSides(s, span{link, am.a}, d.countries(s, link, am.a, false)); len(cs) >= 2 {
						f.Countries = normalizeCountries(append(f.Countries, cs...))
					}
				}
			}
			if kind == KindTonnage && link >= 0 {
				// "The road carries about 1.2 million tonnes of freight a
				// year, much of it to the border with Afghanistan": the
				// border the freight goes to is no party of what a
				// project carries.
				if id, tok := project(); id != "" && !d.namesProject(tok) {
					f.Countries = normalizeCountries(d.withoutBorderSides(s, c, f.Countries))
				}
			}
			if st == StatusCapacity && !d.hasCountryIn(s, c.a, c.b) {
				// «ظرفیت حمل بار این خط … ۱۵ میلیون تن در سال» after «…
				// شبکه ریلی ایران را … به جمهوری آذربایجان و روسیه متصل
				// می‌کند»: the capacity of a line referred back to, in a
				// clause naming no country, is between the countries the
				// text says it links, not the context's.
				id, tok := project()
				if id == "" && physicalInfraIn(d, c) {
					// «ظرفیت سالانهٔ خط پس از تکمیل پنج میلیون تن بار خواهد
					// بود» after «… برای ساخت این خط سرمایه‌گذاری می‌کند»:
					// a bare line word is the line of the sentence before.
					id, _ = d.projectBefore(s)
					tok = -1 // (a line referred to, not named here)
				}
				if id != "" && !d.namesProject(tok) {
					if ps := d.projParties[id]; len(ps) >= 2 {
						f.Countries = slices.Clone(ps)
					}
				} else if id == "" && (d.word(c.a) == "it" || d.word(c.a) == "its") {
					// "The 523-km line will run from Kashgar in China … to
					// Andijan in Uzbekistan. It is designed to carry up to
					// 15 million tons": the capacity of the line the clause
					// opens on, with the line's countries (see finish).
					f.projRef, _ = d.lastProjectAt(c.b)
				}
			}
			if st == StatusCapacity && len(f.Countries) >= 2 {
				// "Under a roadmap signed by Kazakhstan, Iran, Turkmenistan
				// and Russia, the capacity of the route is to be raised …":
				// the signers of a plan are its parties, not the line's; a
				// line whose links the text gave keeps those.
				if ps := d.projParties[d.capacityProject(s, c)]; len(ps) >= 2 {
					f.Countries = slices.DeleteFunc(slices.Clone(f.Countries), func(x string) bool {
						return d.signerIn(s, c, x) && !slices.Contains(ps, x)
					})
				}
			}
			if len(f.Countries) < 2 && kind == KindTonnage {
				// "Its first three sections … carried 410,000 tonnes": a
				// figure of a line referred back to has the line's
				// countries (see finish); a line named in the clause may be
				// a share's («۳۵ درصد آن مربوط به کریدور شمال-جنوب»).
				if ps := d.referredPlace(s, c); len(ps) > 0 {
					// «بندر تورغندی در سرحد با ترکمنستان …» and then «… از راه
					// این بندر وارد کشور شده است»: the place the clause refers
					// back to, with the country the text linked it to, not
					// the line named before; beside the one country the
					// clause names ("Afghan transit cargo through the port",
					// "Transit cargo bound for Afghanistan" after "Bandar
					// Abbas port"), the port's country is the figure's too
					// (labelling decision 1: a figure at a port takes the
					// port's country).
					f.Countries = normalizeCountries(append(f.Countries, ps...))
				} else if id, tok := project(); id != "" && !d.namesProject(tok) {
					f.projRef = id
				}
			}
			if cs := d.breakdownItemCountries(s, c, ams, k); cs != nil && !listed {
				f.Countries = cs
			}
			if len(f.Countries) <= 1 && kind == KindTonnage {
				if cs := d.referredPosts(s, c); cs != nil {
					f.Countries = cs
				}
			}
			if len(f.Countries) == 1 {
				// «ظرفیت فعلی پایانه ریلی سرخس: ۵ میلیون تن در سال» after
				// «… از مرز سرخس با ترکمنستان», "Daily trade through
				// Torkham" after "the Torkham crossing between Pakistan and
				// Afghanistan": a post the text has linked to the country
				// across carries it into later figures.
				if x := d.postPartner(c, f.Countries); x != "" {
					f.Countries = normalizeCountries(append(f.Countries, x))
				}
			}
			if len(f.Countries) <= 1 {
				// "The Khunjerab Pass on the Pakistan-China border …" and
				// later "34,300 tonnes of cargo crossed the pass": a figure
				// of a crossing the clause refers back to is between the
				// two countries the text put the crossing between.
				if pair := d.crossingReferred(c); pair != nil && (len(f.Countries) == 0 || slices.Contains(pair, f.Countries[0])) {
					f.Countries = slices.Clone(pair)
				}
			}
			if !listed && len(own) == 0 && kind == KindTonnage {
				// "The Kulma-Karasu checkpoint on the Tajik-Chinese border …"
				// and later "210,000 tonnes of goods were carried through
				// Kulma": a crossing the clause names by the name the text
				// gave it, with no country, is between the pair the text put
				// it between, not the countries of the sentences around it
				// (labelling decision 1).
				if pair := d.crossingNamed(s, c); pair != nil {
					f.Countries = slices.Clone(pair)
				}
			}
			if f.projRef == "" && st == StatusCapacity && len(f.Countries) < 2 {
				// "The line's cost is … Proponents say it could carry up to
				// 15 million tonnes of freight a year and cut transit times
				// between Central Asia and Pakistani seaports": what a line
				// or a port can carry is the project's, with the countries
				// it links. (A capacity whose clause gives two countries
				// keeps them: genre2's h-en-06, a route between Uzbekistan
				// and Pakistan via Afghanistan.)
				f.projRef = d.capacityProject(s, c)
			}
			pc := periodCtx{s: s, c: c, ams: ams, k: k, facts: out[n0:], growth: len(growth) > 0, target: tgt, kind: kind, countries: f.Countries}
			from := st == StatusCapacity && d.fromLevel(ams, k)
			if from {
				pc.c = span{am.b, ams[k+1].a}
			}
			if l, rule := d.figurePeriod(pc); l != "" && (!from || rule == "clause") && (rule == "clause" || !d.nowLevel(c, ams, k)) && (st != StatusCapacity || tgt && d.deadlineIn(s, c)) {
				// (Today's capacity has only a period written between it
				// and the level to reach, not the plan's date.)
				f.Period, f.periodBy = ptr(l), rule
			}
			if kind == KindTonnage && st == StatusActual && d.contractedSupply(c, am) {
				// "signed a contract for the supply of 500,000 tons of wheat":
				// goods still to be delivered.
				f.Status = ptr(StatusTarget)
			}
			if len(f.Countries) == 2 {
				f.Flow = d.flow(s, c, am) // (a flow joins the figure's two countries)
			}
			d.setQuote(&f, c.a, c.b)
			out = append(out, f)
		}
		// Attach growth rates: «با رشد ۷۱ درصدی در وزن و ۲۹ درصدی در ارزش».
		facts := out[n0:]
		for _, g := range growth {
			target := -1
			if g.idx > 0 && s.latin {
				// "it expects to close the year at about 10.6 million
				// tonnes, 11 percent more than the 9.55 million tonnes …":
				// a rate set off by a comma just after a figure is that
				// figure's, a target's too.
				if prev := ams[g.idx-1]; (prev.kind == amtMoney || prev.kind == amtTon) && g.a-prev.b == 1 && d.tokText(prev.b) == "," && d.hasCue(g.b, min(c.b, g.b+2), CueUp|CueDown) {
					for k := range facts {
						if facts[k].tok == prev.a && facts[k].GrowthPct == nil {
							target = k
						}
					}
				}
			}
			for k := range facts {
				if target >= 0 {
					break
				}
				if facts[k].GrowthPct != nil || *facts[k].Status != StatusActual {
					continue
				}
				want := KindTradeValue
				if g.weight {
					want = KindTonnage
				}
				if facts[k].Kind == want {
					target = k
					break
				}
				if !g.weight && !g.value && target < 0 {
					target = k
				}
			}
			if target >= 0 {
				facts[target].GrowthPct = ptr(g.pct)
			}
		}
		for _, f := range out[n0:] {
			// (Only a pair is read: see breakdownPair.)
			if i := slices.Index([]string{KindTradeValue, KindTonnage}, f.Kind); i >= 0 && !s.figured[i] {
				s.figured[i] = true
				switch len(f.Countries) {
				case 2:
					s.figures[i] = [2]string(f.Countries)
				case 1:
					s.lone[i] = f.Countries[0]
				case 0:
				default:
					s.heads[i] = slices.Clone(f.Countries)
				}
			}
		}
		if hasMoneyOrTon || len(growth) == 0 {
			continue
		}
		// A growth rate without an amount.
		kind := ""
		if d.tradeCueIn(c) >= 0 && !d.nonTradeIn(c) {
			// «تعرفه واردات … از ۲۵ درصد به ۱۰ درصد»: a tariff, not trade.
			kind = KindTradeValue
		} else if d.hasCue(c.a, c.b, CueCargo) && !d.nonTradeIn(c) && d.volumeGrowth(c) {
			kind = KindTonnage
		}
		if kind == "" {
			continue
		}
		cs := d.tradeCountries(s, c)
		if len(cs) == 0 {
			continue
		}
		for k, g := range growth {
			gk := kind
			switch {
			case k > 0 && !g.weight && !g.value:
				continue
			case g.weight && (kind == KindTradeValue || d.hasCue(c.a, c.b, CueCargo|CueTrade)):
				// «… ۱۸ درصد در ارزش و ۲۵ درصد در وزن», "grew 18 percent in
				// value and 25 percent in volume": one fact per measure.
				gk = KindTonnage
			case g.value:
				gk = KindTradeValue
			case k > 0:
				continue
			}
			f := d.newCandidate(gk, s, g.a)
			f.GrowthPct = ptr(g.pct)
			f.Status = ptr(statuses[g.idx])
			f.Countries = cs
			if p, _ := d.nearestPeriod(s, c.a, c.b, g.a, g.b, true, statuses[g.idx] == StatusTarget); p != nil {
				f.Period = ptr(p.Label)
			}
			d.setQuote(&f, c.a, c.b)
			out = append(out, f)
		}
	}
	return out
}

// fromLevel reports whether the k-th amount is the level a change starts
// from, "from" just before it and "to" just before the next amount of its
// kind ("the capacity of the route is to be raised from 10 million tonnes
// a year to 15 million tonnes by 2027", «ظرفیت … از ۱۰ میلیون تن به ۱۵
// میلیون تن … افزایش می‌یابد»): today's capacity, not the one to reach.
func (d *doc) fromLevel(ams []amount, k int) bool {
	before := ams[k].a - 1
	if ams[k].qual != "" {
		before--
	}
	return d.pointAt(before, roleFrom) && k+1 < len(ams) && ams[k+1].kind == ams[k].kind && d.pointAt(ams[k+1].a-1, roleTo)
}

// breakdownItemCountries returns the countries of the k-th amount of
// clause c when the clause breaks down the figure of the sentence just
// before («از این میزان یک میلیون و ۴۰۰ هزار تن بار ورودی از کشورهای
// آسیای میانه … و ۶۵۰ هزار تن بار خروجی به سمت ترکمنستان و ازبکستان
// بوده است» after Sarakhs' tonnes «در مرز ترکمنستان»): the pair that
// figure was read with, and the countries the item itself names, up to
// the next figure of its kind; nil when the clause opens with no
// breakdown word or the figure before had no pair.
func (d *doc) breakdownItemCountries(s *sentence, c span, ams []amount, k int) []string {
	am := ams[k]
	if s.idx == 0 || d.roleIn(c.a, ams[0].a, roleBreakdown) < 0 && !d.destinationBreakdown(s) {
		return nil
	}
	p := d.sents[s.idx-1]
	pair := p.figures[figureSlot(am.kind)]
	out := pair[:]
	if pair[0] == "" {
		// "Transit cargo through the port amounted to 3.3 million tonnes.
		// Of this, 1.9 million tonnes were shipped to Azerbaijan's Alat
		// port, …", «از این میزان ۸۲۰ هزار تن به بندر آستاراخان روسیه …»:
		// a total read with one country (the port's) broken down by
		// destination is that country's with each item's destination.
		if p.lone[figureSlot(am.kind)] == "" {
			return nil
		}
		out = []string{p.lone[figureSlot(am.kind)]}
	}
	hi := c.b
	for _, o := range ams[k+1:] {
		if o.kind == am.kind {
			hi = o.a
			break
		}
	}
	item := d.countries(s, am.a, hi, false)
	before := false
	if len(item) == 0 && len(out) == 1 {
		// "Shipments to Baku's Alat port … totalled 1.6 million tonnes":
		// the destination before the figure, after the figure before.
		lo := c.a
		for _, o := range ams[:k] {
			if o.kind == am.kind {
				lo = o.b
			}
		}
		item, before = d.countries(s, lo, am.a, false), true
	}
	for _, x := range item {
		// (Not a route's: «از راه بندر چابهار ایران به هند»; a port the
		// shipments went to is their destination.)
		if !slices.Contains(out, x) && !d.viaOnly(s, x) && (before || !d.placeOwnerOnly(s, x)) {
			out = append(out, x)
		}
	}
	if len(out) < 2 {
		return nil // (a lone country and no destination of the item's own)
	}
	return normalizeCountries(out)
}

// destinationBreakdown reports whether s, right after a tonnage read
// with one country (a port's), gives two or more tonnages each with its
// destination, a country or place after "to" or «به» ("Shipments to
// Baku's Alat port … totalled 1.6 million tonnes, while 310,000 tonnes
// went to Turkmenbashi in Turkmenistan and 180,000 tonnes to Russia's
// Makhachkala", «… ۸۲۰ هزار تن به بندر آستاراخان روسیه و ۵۸۰ هزار تن به
// امیرآباد ایران …»): a breakdown of that tonnage by destination, with
// no breakdown word.
func (d *doc) destinationBreakdown(s *sentence) bool {
	if s.idx == 0 || d.sents[s.idx-1].lone[figureSlot(amtTon)] == "" || d.tradeCueIn(span{s.a, s.b}) >= 0 && !d.hasCue(s.a, s.b, CueCargo) {
		return false
	}
	n, lo := 0, s.a
	for k, am := range s.amounts {
		if am.kind != amtTon {
			continue
		}
		hi := s.b
		for _, o := range s.amounts[k+1:] {
			if o.kind == amtTon {
				hi = o.a
				break
			}
		}
		dest := false
		for _, m := range s.mentions {
			if m.tok >= lo && m.tok < hi && !m.topic && (d.word(m.tok-1) == "to" || d.word(m.tok-1) == "به" || d.word(m.tok-1) == "بندر" && d.word(m.tok-2) == "به") {
				dest = true
			}
		}
		if !dest {
			return false
		}
		n++
		lo = am.b
	}
	return n >= 2
}

// figureSlot is the index in sentence.figures and sentence.figured of
// amount kind k: 0 for money, 1 for tonnes.
func figureSlot(k int) int { return min(k, amtTon) - amtMoney }

// hasKind reports whether fs has a fact of kind k.
func hasKind(fs []candidate, k string) bool {
	for i := range fs {
		if fs[i].Kind == k {
			return true
		}
	}
	return false
}

// destinationList reports whether the countries clause c names are one
// list after "to", "from", «به» or «از», the first of them the object of
// that word and each after it joined by a comma or "and": a group of
// partners, not a pair.
func (d *doc) destinationList(s *sentence, c span) bool {
	n, end := 0, -1
	for _, m := range s.mentions {
		if m.tok < c.a || m.tok >= c.b || m.topic {
			continue
		}
		switch {
		case n == 0 && !d.objectAt(m.tok):
			return false
		case n > 0 && !(m.tok-end == 1 && isListGlue(d.tokText(end))):
			return false
		}
		n++
		end = max(m.end, m.tok+1)
	}
	return n >= 2
}

// shipmentsWorth reports whether clause c gives the worth of shipments to
// or from a country it names ("Shipments to Kazakhstan, Kyrgyzstan … had
// stood at $361m", «محموله‌های ارسالی به ازبکستان …»): goods sold, a trade
// value, though no trade word is written.
func (d *doc) shipmentsWorth(s *sentence, c span) bool {
	k := d.roleIn(c.a, c.b, roleShipmentNoun)
	if k < 0 || !d.hasCountryIn(s, k, c.b) {
		return false
	}
	return d.pointAt(k+1, roleTo) || d.word(k+1) == "from" || !s.latin && d.pointAt(k+2, roleTo) // («محموله‌های ارسالی به …»)
}

// nonTradeIn reports whether clause c has a word of investment, cost,
// tariff … outside an organisation's name ("Chamber of Commerce and
// Investment").
func (d *doc) nonTradeIn(c span) bool {
	orgs := d.cuesIn(c.a-3, c.b, CueTradeOrg)
	for _, m := range d.cuesIn(c.a, c.b, CueNonTrade) {
		inOrg := false
		for _, o := range orgs {
			if m.Start >= o.Start && m.Start < o.End {
				inOrg = true
			}
		}
		if !inOrg {
			return true
		}
	}
	return false
}

// volumeGrowth reports whether a growth rate in clause c is of a volume of
// goods («حجم ترانزیت», "cargo volume", "tonnage") rather than of a count
// of trains, containers or lorries.
func (d *doc) volumeGrowth(c span) bool {
	volume := d.hasCue(c.a, c.b, CueWeight)
	for k := c.a; k < c.b; k++ {
		switch {
		case d.pointAt(k, roleVolume):
			volume = true
		case d.pointAt(k, roleCountNoun):
			return false
		}
	}
	return volume
}

// tradeCueIn returns the token of the first trade word in clause c that is
// not part of a ministry's name, or -1.
func (d *doc) tradeCueIn(c span) int {
	orgs := d.cuesIn(c.a-3, c.b, CueTradeOrg)
	for _, m := range d.cuesIn(c.a, c.b, CueTrade) {
		inOrg := false
		for _, o := range orgs {
			if m.Start >= o.Start && m.Start < o.End {
				inOrg = true
			}
		}
		if !inOrg {
			return m.Start
		}
	}
	return -1
}

// deadlineIn reports whether clause c of s holds a period set as a
// deadline ("by 2027", «تا پایان سال ۱۴۰۵»): the date a capacity still to
// reach takes; a capacity takes no other period (the fiscal year or the
// months of the figures beside it are theirs).
func (d *doc) deadlineIn(s *sentence, c span) bool {
	for _, m := range s.periods {
		if m.Start >= c.a && m.End <= c.b && m.Resolved && d.deadline(m.Start) {
			return true
		}
	}
	return false
}

// isTrade reports whether a money amount is a trade value: a trade word in
// the clause that is nearer to it than any word of investment, cost, aid,
// revenue or contract value.
func (d *doc) isTrade(s *sentence, c span, am amount) bool {
	if d.lossOf(s, c, am) {
		return false
	}
	orgs := d.cuesIn(c.a-3, c.b, CueTradeOrg)
	inOrg := func(m Match) bool {
		for _, o := range orgs {
			if m.Start >= o.Start && m.Start < o.End {
				return true
			}
		}
		return false
	}
	best := 1 << 30
	nonTrade := d.cuesIn(c.a, c.b, CueNonTrade)
	infra := d.cuesIn(c.a, c.b, CueInfra)
	for _, m := range d.cuesIn(c.a, c.b, CueTrade) {
		inOrg := false
		for _, o := range orgs {
			if m.Start >= o.Start && m.Start < o.End {
				inOrg = true
			}
		}
		for _, o := range infra {
			if !s.latin && o.End == m.Start || s.latin && m.End == o.Start {
				// «پایانه صادراتی», "export terminal": the trade word
				// qualifies infrastructure, whose cost is not trade.
				inOrg = true
			}
		}
		for _, o := range nonTrade {
			if m.Start >= o.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
				inOrg = true // «تراز تجاری», "trade deficit"
			}
			if !s.latin && o.End == m.Start || s.latin && m.End == o.Start {
				// «قرارداد تجارتی», "trade contracts": the trade word
				// qualifies a contract, whose worth is not trade.
				inOrg = true
			}
		}
		if !inOrg {
			best = min(best, dist(m.Start, m.End, am.a, am.b))
		}
	}
	if best == 1<<30 {
		if d.hasCue(c.a, c.b, CueNonTrade) {
			return false
		}
		if d.figureOfTrade(s, c) || d.goalOfTrade(s, c) || d.rankOfTrade(s, c) || d.breakdownOf(s, amtMoney) || d.shipmentsWorth(s, c) {
			return true
		}
		if c.a != s.a || c.b != s.b {
			// «…، اما مقامات دو کشور بر افزایش آن به ۵ میلیارد دلار تأکید
			// دارند»: the trade word is in the sentence's other clause.
			return d.isTrade(s, span{s.a, s.b}, am)
		}
		// «ترکیب مقاصد صادراتی ایران … به شرح زیر است:» / «عراق: ۷.۲
		// میلیارد دلار»: an item of a list about trade.
		return s.intro != nil && d.tradeCueIn(span{s.intro.a, s.intro.b}) >= 0 && !d.hasCue(s.intro.a, s.intro.b, CueNonTrade)
	}
	for _, m := range d.cuesIn(c.a, c.b, CueNonTrade) {
		if m.Start >= am.a && m.End <= am.b || inOrg(m) {
			continue
		}
		if dist(m.Start, m.End, am.a, am.b) < best {
			return false
		}
	}
	return true
}

// persianInfinitive reports whether w is a Persian infinitive («رسیدن»,
// «افزایش یافتن»'s «یافتن»).
func persianInfinitive(w string) bool {
	return strings.HasSuffix(w, "یدن") || strings.HasSuffix(w, "فتن") || strings.HasSuffix(w, "ستن") || strings.HasSuffix(w, "دادن")
}

// copulaOnly reports whether the actual cues of tokens [a, b) are all
// copulas («است», «بود»): they state what the subject is, a goal as well
// as a level.
func (d *doc) copulaOnly(a, b int) bool {
	for _, m := range d.cuesIn(a, b, CueActual) {
		if !d.pointAt(m.Start, roleCopula) || m.End-m.Start > 1 {
			return false
		}
	}
	return true
}

// rankOfTrade reports whether clause c ranks partners ("Uzbekistan
// remained the largest market at $198m, followed by …", «… بزرگترین
// خریدار …», or a list of countries each with its figure) right after a
// sentence about trade: the ranking is of the trade that sentence reports
// (or the one before it: "Shipments to … had stood at $361m in FY25" may
// come between).
func (d *doc) rankOfTrade(s *sentence, c span) bool {
	tradeBefore := false
	for k := s.idx - 1; k >= max(0, s.idx-2); k-- {
		if p := d.sents[k]; d.tradeCueIn(span{p.a, p.b}) >= 0 {
			tradeBefore = true
			break
		}
	}
	if !tradeBefore {
		return false // (checked first: the lists below are built in maps)
	}
	if d.roleIn(c.a, c.b, roleRank) < 0 {
		// «پس از آن هند با ۴۲۰ میلیون دالر، ازبیکستان با ۱۵۰ میلیون دالر
		// و چین با ۹۵ میلیون دالر قرار دارند»: a list of countries with
		// their figures ranks them too, as does one of places («پس از آن
		// گمرک میلک … با ۷۴۲ میلیون دلار، گمرک ماهیرود … با ۳۹۸ میلیون
		// دلار …»).
		if items, _ := d.countryItems(s, c, s.amounts); len(items) < 2 && len(d.placeItems(c, s.amounts)) < 2 {
			return false
		}
	}
	return true
}

// refersToFigure reports whether clause c speaks of a figure given before:
// «این رقم», «این میزان», "the figure", "this figure".
func (d *doc) refersToFigure(c span) bool {
	for k := c.a; k < c.b; k++ {
		if (d.pointAt(k, roleFigure) || d.pointAt(k, roleSum)) && (d.pointAt(k-1, roleDeterminer) || d.referenceBefore(k)) {
			return true
		}
	}
	return false
}

// goalOfTrade reports whether clause c sets a goal ("We have set a target
// of $2 billion by 2027", «هدف …») right after sentences about trade: the
// goal is trade's. It holds when one of the two sentences before has a
// trade word.
func (d *doc) goalOfTrade(s *sentence, c span) bool {
	if d.pointIn(c.a, c.b, roleGoal) < 0 {
		return false
	}
	for k := s.idx - 1; k >= 0 && k >= s.idx-2; k-- {
		p := d.sents[k]
		if d.tradeCueIn(span{p.a, p.b}) >= 0 {
			return true
		}
	}
	return false
}

// figureOfTrade reports whether clause c speaks of "the figure", «این
// رقم» reported in the sentence before, which was about trade: "aim to
// lift the figure to $1 billion".
func (d *doc) figureOfTrade(s *sentence, c span) bool {
	if s.idx == 0 {
		return false
	}
	found := false
	for k := c.a; k < c.b; k++ {
		if d.pointAt(k, roleFigure) && (d.pointAt(k-1, roleDeterminer) || d.hasCue(k+1, k+2, CueReference) || d.referenceBefore(k)) {
			found = true
		}
		if s.latin && d.word(k) == "it" && d.hasCue(k+1, min(c.b, k+3), CueActual) {
			// "In the third quarter alone it came to $16.8 million" after
			// the pair's trade: "it" is the trade just reported.
			found = true
		}
	}
	if !found {
		return false
	}
	p := d.sents[s.idx-1]
	// (Or the figure a breakdown just before broke down: «… از این میان، ۹
	// هزار تن … از طریق دهلیز هوایی … انتقال یافته است. این رقم در مدت
	// مشابه سال گذشته … ۹۴ میلیون دالر بود».)
	return d.tradeCueIn(span{p.a, p.b}) >= 0 || d.breakdownHead(p, amtMoney) != nil
}

// dist is the number of tokens between spans [a1, b1) and [a2, b2).
func dist(a1, b1, a2, b2 int) int {
	switch {
	case b1 <= a2:
		return a2 - b1
	case b2 <= a1:
		return a1 - b2
	}
	return 0
}

// isCargo reports whether tonnes are goods carried or traded: a cargo or
// trade word in the clause, or a capacity.
func (d *doc) isCargo(c span, am amount) bool {
	if d.hasCue(c.a, c.b, CueCargo) || d.tradeCueIn(c) >= 0 {
		return true
	}
	if d.roleIn(max(c.a, am.a-4), am.a, roleCarryVerb) >= 0 {
		return true // "Railways carried 5.78 million tonnes", "Road hauliers moved 19.7 million tonnes"
	}
	if d.contractedSupply(c, am) {
		return true // «قراردادی را برای خرید ۱۲ هزار تن کشمش … امضا کرد»: goods to be delivered
	}
	if d.hasCue(max(c.a, am.a-8), am.a, CueCapacity) {
		return true // "Its capacity is planned to rise to 8.5 million tonnes"
	}
	// «ظرفیت اسکله شهید بهشتی پس از تکمیل فاز دوم به ۱۶ میلیون تن …»:
	// the capacity of a port, a terminal or a line ("The capacity of the
	// line is to rise from 4 million tons a year to 8 million tons").
	return d.hasCue(c.a, am.a, CueCapacity) && (d.hasCue(c.a, am.a, CueInfra) || d.roleIn(c.a, am.a, roleLine) >= 0)
}

// capacityProject returns the project whose capacity clause c gives: the
// one the clause names or refers back to, else the last one named earlier
// in the sentence ("The line's cost is … Proponents say it could carry
// …") or in the sentence before, in its paragraph; "" when there is none.
func (d *doc) capacityProject(s *sentence, c span) string {
	if id, _ := d.clauseProject(s, c); id != "" {
		return id
	}
	if id, at := d.lastProjectAt(c.a); id != "" && at >= s.a {
		return id
	}
	for _, m := range d.cuesIn(c.a, c.b, CueInfra) {
		if s.latin && d.indefiniteBefore(c.a, m.Start) {
			// "At Dushanbe airport, a new cargo terminal able to handle
			// 40,000 tonnes a year …": a work of its own, not the project
			// of the sentence before.
			return ""
		}
	}
	id, _ := d.projectBefore(s)
	return id
}

// isCapacity reports whether tonnes are a capacity: «ظرفیت» or "capacity"
// before the amount (with no other amount between) or right after it.
func (d *doc) isCapacity(s *sentence, am amount) bool {
	// «ظرفیت ترانزیت کالا از بندر چابهار به افغانستان و آسیای مرکزی
	// سالانه به ۵ میلیون تن»: the subject may be far before its figure.
	lo := max(s.a, am.a-16)
	for _, o := range s.amounts {
		if o.b <= am.a && o.b > lo {
			lo = o.b
		}
	}
	for _, m := range d.cuesIn(lo, am.a, CueClauseBreak) {
		// «… سالانه ۱۰ میلیون تن ظرفیت حمل بار دارد، اما در هشت ماه
		// نخست … تنها یک میلیون و ۴۰۰ هزار تن …»: the capacity is the
		// clause's before "but", not the figure's after it.
		lo = max(lo, m.End)
	}
	if d.capacityIn(lo, am.a) || d.hasCue(am.b, min(s.b, am.b+2), CueCapacity) {
		return true
	}
	return lo == s.a && d.capacityIn(s.a, am.a) && d.hasCue(s.a, am.a, CueInfra)
}

// capacityIn reports whether tokens [a, b) hold a capacity cue that is no
// part of a plan's ("plans to handle 12 million tonnes in 2027" is a
// target, "designed to handle" a capacity).
func (d *doc) capacityIn(a, b int) bool {
	plans := d.cuesIn(max(0, a-3), b, CueTarget)
	for _, m := range d.cuesIn(a, b, CueCapacity) {
		if !slices.ContainsFunc(plans, func(p Match) bool { return p.Start <= m.Start && p.End >= m.End && p.End-p.Start > m.End-m.Start }) {
			return true
		}
	}
	return false
}

// statuses decides actual or target for each amount of clause c. In
// Persian the verb follows the amount; in English it precedes it. An
// amount whose window has no cue takes the status of the amount it is
// coordinated with; "from X to Y" makes X the current level.
func (d *doc) statuses(s *sentence, c span, ams []amount) []string {
	n := len(ams)
	st := make([]string, n)
	explicit := make([]bool, n)
	window := func(a, b int, before bool) string {
		a, b = max(a, c.a), min(b, c.b)
		if a >= b {
			return ""
		}
		// The cue nearest to the amount decides.
		var tgt, act []Match
		tgt = d.cuesIn(a, b, CueTarget)
		act = d.cuesIn(a, b, CueActual)
		if len(tgt) > 0 {
			// «هدف ما رسیدن صادرات به ۵ میلیارد دلار … است»: a Persian
			// infinitive after a goal word names the goal, not a level
			// reached.
			act = slices.DeleteFunc(act, func(m Match) bool {
				return m.Start > tgt[0].Start && m.End-m.Start == 1 && persianInfinitive(d.word(m.Start))
			})
		}
		switch {
		case len(tgt) > 0 && len(act) == 0:
			return StatusTarget
		case len(act) > 0 && len(tgt) == 0:
			return StatusActual
		case len(tgt) > 0 && len(act) > 0:
			if allInfinitive(d, tgt) {
				// "grew by 40 percent in 2024 to reach $180 million": the
				// infinitive goes with the past verb.
				return StatusActual
			}
			if s.latin || before {
				// The cue nearest to the figure: the last one before it
				// («رسیدن به» is a goal, not «رسید»).
				if tgt[len(tgt)-1].Start >= act[len(act)-1].Start {
					return StatusTarget
				}
				return StatusActual
			}
			if tgt[0].Start < act[0].Start {
				return StatusTarget
			}
			return StatusActual
		}
		return ""
	}
	// Percentages do not bound a figure's window: "grew by 40 percent in
	// 2024 to reach $180 million".
	prevEnd := func(k int) int {
		for j := k - 1; j >= 0; j-- {
			if ams[j].kind != amtPercent || ams[k].kind == amtPercent {
				return ams[j].b
			}
		}
		return c.a
	}
	nextStart := func(k int) int {
		for j := k + 1; j < n; j++ {
			if ams[j].kind != amtPercent || ams[k].kind == amtPercent {
				return ams[j].a
			}
		}
		return c.b
	}
	if s.latin {
		for k := 0; k < n; k++ {
			lo := prevEnd(k)
			w := window(lo, ams[k].a, true)
			if w == "" {
				w = window(ams[k].b, ams[k].b+3, false)
			}
			if w != "" {
				st[k], explicit[k] = w, true
			} else if k > 0 {
				st[k] = st[k-1]
			} else {
				st[k] = StatusActual
			}
		}
	} else {
		for k := n - 1; k >= 0; k-- {
			hi := nextStart(k)
			w := window(ams[k].b, hi, false)
			if w == StatusActual && d.copulaOnly(ams[k].b, hi) && window(prevEnd(k), ams[k].a, true) == StatusTarget {
				// «هدف ما رسیدن صادرات به ۵ میلیارد دلار در سال ۱۴۰۵ است»:
				// the copula states the goal, not a level reached.
				w = StatusTarget
			}
			if w == "" && hi == c.b {
				lo := prevEnd(k)
				w = window(lo, ams[k].a, true)
				if w == "" && d.raisingTo(c, ams[k]) {
					w = StatusTarget
				}
			}
			if w != "" {
				st[k], explicit[k] = w, true
			} else if k < n-1 {
				st[k] = st[k+1]
			} else {
				st[k] = StatusActual
			}
		}
		if n > 0 && !slices.Contains(explicit, true) && window(c.a, ams[0].a, true) == StatusTarget {
			// «هدف صادراتی سازمان برای سال ۱۴۰۶ در بازار عراق ۱۳ میلیارد
			// دلار و در بازار افغانستان سه میلیارد و ۵۰۰ میلیون دلار تعیین
			// شده است»: a goal word opening the clause, and no verb that
			// tells a level reached, makes every figure a goal.
			for k := range st {
				if ams[k].kind != amtPercent {
					st[k] = StatusTarget
				}
			}
		}
	}
	// "up from X", «از X» with no "to" after: a baseline, where things stand.
	for k := range n {
		if d.isBaseline(ams, k) {
			st[k] = StatusActual
		}
	}
	// "from X to Y", «از X به Y»: X is where things stand.
	for k := 0; k+1 < n; k++ {
		if ams[k].kind != ams[k+1].kind || ams[k].kind == amtPercent {
			continue
		}
		before := d.word(ams[k].a - 1)
		if ams[k].qual != "" {
			before = d.word(ams[k].a - 2)
		}
		if before != "from" && before != "از" {
			continue
		}
		if between := ams[k+1].a - ams[k].b; between > 5 {
			continue
		}
		verb := st[k] // English: the verb before X
		if !s.latin {
			verb = st[k+1] // Persian: the verb after Y
		}
		st[k] = StatusActual
		if !explicit[k+1] || s.latin {
			st[k+1] = verb
		}
	}
	// «… حجم تجارت سالانه را که اکنون حدود ۴۲۰ میلیون دلار است، … به یک
	// میلیارد دلار برسانند», "to raise trade, now about $420 million, to
	// $1 billion": a level said to stand now is where things stand.
	for k := range n {
		if d.nowLevel(c, ams, k) {
			st[k] = StatusActual
		}
	}
	return st
}

// nowLevel reports whether the k-th amount of clause c is a level said to
// stand now: "now", «اکنون» a few words before it, with no other figure
// between. It states no period.
func (d *doc) nowLevel(c span, ams []amount, k int) bool {
	lo := max(c.a, ams[k].a-4)
	if k > 0 {
		lo = max(lo, ams[k-1].b)
	}
	return ams[k].kind != amtPercent && d.roleIn(lo, ams[k].a, roleNow) >= 0
}

// isBaseline reports whether the k-th amount is a baseline: after "from"
// or «از» and not the start of a "from X to Y" pair.
func (d *doc) isBaseline(ams []amount, k int) bool {
	at := ams[k].a - 1
	if ams[k].qual != "" {
		at--
	}
	if d.pointAt(at, roleDefinite) {
		at-- // "11 percent more than the 9.55 million tonnes handled in 2025"
	}
	before := d.word(at)
	if ams[k].kind == amtPercent {
		return false
	}
	prev := k - 1 // the figure before, past percentages
	for prev >= 0 && ams[prev].kind == amtPercent {
		prev--
	}
	if prev >= 0 && ams[prev].kind == ams[k].kind && isPoint(before, roleAgainst) {
		// "… by 2027, against 450,000 tonnes in 2024", "… at about 10.6
		// million tonnes, 11 percent more than the 9.55 million tonnes
		// handled in 2025".
		return true
	}
	if !isPoint(before, roleFrom) || d.pointAt(ams[k].b, roleExceed) {
		// «از ۳ میلیارد دلار فراتر رفت», «از مرز … گذشت»: a level passed,
		// not a baseline.
		return false
	}
	return !(k+1 < len(ams) && ams[k+1].kind == ams[k].kind && ams[k+1].a-ams[k].b <= 5)
}

// allInfinitive reports whether every target cue is an English infinitive
// ("to reach", "to boost") rather than a word of intent.
func allInfinitive(d *doc, ms []Match) bool {
	for _, m := range ms {
		if d.word(m.Start) != "to" {
			return false
		}
	}
	return true
}

// raisingTo reports whether an amount is the goal of a raise with no
// verb saying it happened: «بر افزایش آن به ۵ میلیارد دلار تأکید دارند».
func (d *doc) raisingTo(c span, am amount) bool {
	if w := d.word(am.a - 1); w != "به" && w != "to" {
		return false
	}
	return d.hasCue(max(c.a, am.a-7), am.a-1, CueUp) // «بر افزایش حجم تجارت دو کشور به …»
}

// growthRate is a percentage with a direction.
type growthRate struct {
	pct           float64
	a, b          int
	idx           int  // index in the clause's amounts
	weight, value bool // «در وزن» / «در ارزش»
}

// growthRates returns the percentages of clause c that are growth or
// decline: a direction word near them («۴۵ درصد افزایش», «رشد ۲۹
// درصدی», "up 45%", "a 10% drop"). A rate coordinated with a previous one
// («رشد ۷۱ درصدی در وزن و ۲۹ درصدی در ارزش») shares its direction.
func (d *doc) growthRates(s *sentence, c span, ams []amount) []growthRate {
	var out []growthRate
	prevDir := 0.0
	prevEnd := -1
	for k, am := range ams {
		if am.kind != amtPercent {
			continue
		}
		dir := 0.0
		nearest := 1 << 30
		for _, m := range d.cuesIn(max(c.a, am.a-4), min(c.b, am.b+3), CueUp|CueDown) {
			if m.Start >= am.a && m.End <= am.b {
				continue
			}
			if d.pointAt(m.Start, roleUpParticle) && d.pointAt(m.Start-1, roleMadeUp) {
				continue // "made up about 70% of the volume": a share
			}
			if m.End == am.a-1 && d.pointAt(m.End, roleThan) {
				continue // «به کمتر از ۲ درصد رسیده», "less than 2 percent": a bound, not a change
			}
			if dd := dist(m.Start, m.End, am.a, am.b); dd < nearest {
				nearest = dd
				if m.Entry.Class.Has(CueDown) {
					dir = -1
				} else {
					dir = 1
				}
			}
		}
		if dir == 0 && prevDir != 0 && am.a-prevEnd <= 5 {
			dir = prevDir
		}
		if dir == 0 {
			continue
		}
		g := growthRate{pct: dir * am.value, a: am.a, b: am.b, idx: k}
		after := min(c.b, am.b+3)
		g.weight = d.hasCue(am.b, after, CueWeight)
		g.value = d.hasCue(am.b, after, CueValue)
		out = append(out, g)
		prevDir, prevEnd = dir, am.b
	}
	return out
}

// amountCountries returns the countries of the k-th amount of clause c:
// those named since the previous amount («تجارت ایران و عراق ۱٫۶ میلیارد
// دلار و تجارت ایران و عمان …»), else those of the clause; partners are
// the clause's postposedPartners, read once for all its amounts.
func (d *doc) amountCountries(s *sentence, c span, ams []amount, k int, partners map[int]string) []string {
	// Neighbouring figures, not percentages, bound an amount's words.
	lo, hi, next := c.a, ams[k].b, -1
	for j := k - 1; j >= 0; j-- {
		if ams[j].kind != amtPercent {
			lo = ams[j].b
			break
		}
	}
	for j := k + 1; j < len(ams); j++ {
		if ams[j].kind != amtPercent {
			next = j
			break
		}
	}
	if x := partners[k]; x != "" {
		// "Kazakhstan shipped 1.8 million tonnes of wheat to Uzbekistan
		// …, along with 620,000 tonnes of flour", «… حدود ۱۶۰ میلیون دالر
		// برق از ازبکستان، ۴۵ میلیون دالر برق از ترکمنستان و …»: the
		// partner right after each figure and its goods is that figure's,
		// with the clause's subject.
		if sub := d.countries(s, c.a, ams[0].a, true); len(sub) == 1 && sub[0] != x {
			return normalizeCountries([]string{sub[0], x})
		}
	}
	cs := d.countries(s, lo, hi, true)
	own := cs
	if len(own) == 0 {
		own = d.countries(s, c.a, c.b, true) // "… with 420,000 tonnes worth $190 million": the clause's
	}
	if x := d.besidePrevious(s, c, own); x != nil {
		return x
	}
	if len(cs) == 0 && !d.partnerNamed(s, c) {
		// «… بیشترین سهم را در صادرات استان داشت و پس از آن … گمرک
		// لطف‌آباد با ۱۹۰ میلیون دلار»: a figure of a province's
		// customs or trade, with no partner named (a country named as
		// a post's border is the post's), is the province's country's.
		if x := d.provinceCustoms(span{s.a, s.b}); x != "" {
			return []string{x}
		}
	}
	region := d.regionBeside(span{lo, ams[k].a})
	if region == "" && len(cs) == 0 {
		region = d.regionBeside(span{c.a, ams[k].a}) // (before a count: "… trains made 1,126 trips …, carrying 2.38 million tonnes")
	}
	if region != "" {
		// "exports to Afghanistan and the five Central Asian states",
		// "Central Asia took $105.7 million of the rice": a region joined
		// to a partner, or the buyer a clause opens with, is the members
		// the article lists, with the trader and the partner.
		if ms := d.regionListed(region); ms != nil {
			out := slices.Clone(cs)
			for _, x := range d.countries(s, c.a, ams[k].a, true) {
				if !slices.Contains(ms, x) && !slices.Contains(out, x) {
					out = append(out, x) // ("China-Central Asia freight trains": the country joined to the region)
				}
			}
			if f := d.tradeFocus(); f != "" && !slices.Contains(ms, f) && !slices.Contains(out, f) && len(out) == len(cs) {
				out = append(out, f)
			}
			if len(out) > 0 {
				return normalizeCountries(append(out, ms...))
			}
		}
	}
	if len(cs) == 0 && (d.regionObject(s, c, ams[k].a) || len(own) == 0 && d.regionPartnerIn(c) != "") ||
		len(cs) == 1 && d.regionPartnerIn(span{lo, ams[k].a}) != "" {
		// (The region may follow the figure: "a target of $1bn for
		// exports to Central Asia".)
		// Trade with a region: with the members the article lists
		// ("Pakistan's exports to the five Central Asian republics" and
		// later "Shipments to Kazakhstan, Kyrgyzstan, …"), else the
		// trader's alone (policy: «… with the Central Asian Republics»
		// → [PK]).
		f := d.tradeFocus()
		if len(cs) == 1 {
			f = cs[0]
		}
		if f != "" {
			region := d.regionPartnerIn(span{c.a, ams[k].a})
			if region == "" {
				region = d.regionPartnerIn(c)
			}
			if ms := d.regionListed(region); ms != nil && !slices.Contains(ms, f) {
				return normalizeCountries(append([]string{f}, ms...))
			}
			if len(cs) == 0 {
				return []string{f}
			}
		}
	}
	if len(cs) == 0 && k == 0 && next >= 0 {
		// The countries may follow the figure, before the next one.
		cs = d.countries(s, hi, ams[next].a, true)
	}
	if len(cs) >= 2 {
		return normalizeCountries(cs)
	}
	if len(cs) == 1 && next < 0 {
		// «صادرات افغانستان … به ۴۵۰ ملیون دالر رسیده که بیشتر آن به
		// پاکستان صادر شده»: the country after the share is the share's.
		if sh := d.roleIn(ams[k].b, c.b, roleShare); sh >= 0 && len(d.countries(s, ams[k].b, sh, true)) == 0 {
			if d.objectOnly(s, span{c.a, ams[k].b}, cs[0]) && d.tradeCueIn(c) >= 0 {
				// "Trade with Afghanistan stood at $180 million, most of it
				// Tajik electricity exports": the subject goes unnamed.
				if x := d.otherSide(cs[0]); x != "" {
					return normalizeCountries(append(cs, x))
				}
			}
			return cs
		}
	}
	if len(cs) == 1 && d.shareAfter(s, c, ams, k) {
		// «صادرات افغانستان … رسیده که ۲۶ فیصد آن به پاکستان صادر شده»:
		// the country after a share is the share's.
		return cs
	}
	if len(cs) == 1 && d.objectOnly(s, span{c.a, ams[k].b}, cs[0]) && d.tradeCueIn(c) >= 0 {
		// «صادرات به هند … به ۵۸۰ ملیون دالر رسیده و هند پس از پاکستان
		// دومین مقصد صادراتی افغانستان بوده»: the other side is a country
		// the sentence names as subject or owner ("Uzbekistan's trade with
		// Pakistan …, while trade with Afghanistan …"), else the outlet's
		// or the article's.
		for _, m := range s.mentions {
			if m.code != cs[0] && !m.topic && !d.objectOnly(s, span{s.a, s.b}, m.code) && !d.objectAt(m.tok) && !d.viaAt(m.tok) {
				return normalizeCountries(append(cs, m.code))
			}
		}
		if x := d.otherSide(cs[0]); x != "" {
			return normalizeCountries(append(cs, x))
		}
	}
	if len(cs) == 1 && s.intro != nil {
		// "Uzbekistan accounted for $1.1 billion … of the total": the other
		// side is the one of the total.
		for _, x := range d.countries(s.intro, s.intro.a, s.intro.b, true) {
			if x != cs[0] {
				return normalizeCountries(append(cs, x))
			}
		}
	}
	if len(cs) == 1 && k == 0 && next >= 0 && d.detailAfter(s, ams[k].b, ams[next].a) {
		// "total grain exports … reached 7.4 million tonnes, with
		// Uzbekistan the second-largest buyer at 1.6 million tonnes": the
		// country after "with" is the later figure's.
		return cs
	}
	if len(cs) == 1 && k == 0 && next >= 0 && len(d.countries(s, ams[next].a, c.b, true)) > 0 && !d.worthBetween(ams[k].b, ams[next].a) {
		// "transported 31 million tonnes …, including 2.1 million tonnes
		// between China and Europe": the later countries are the later
		// figure's.
		return cs
	}
	if len(cs) == 1 && k > 0 {
		// "…, with Uzbek exports accounting for $1.05 billion": one side
		// named again; the other is the clause's first country.
		for _, x := range d.countries(s, c.a, c.b, true) {
			if x != cs[0] {
				return normalizeCountries(append(cs, x))
			}
		}
		// "Exports to the Central Asian republics … $285 million, with
		// Uzbekistan accounting for $148 million": the other side is the
		// article's trader.
		if f := d.tradeFocus(); f != "" && f != cs[0] && d.regionObject(s, c, ams[0].a) {
			return normalizeCountries(append(cs, f))
		}
	}
	if len(cs) == 0 && ams[k].kind == amtTon && len(own) == 0 {
		// (cs is still empty only when it was at first: own is the
		// clause's countries.)
		// «در شش ماه نخست امسال، ۲.۱ میلیون تن کالا در این بندر تخلیه و
		// بارگیری شد» after «بندر چابهار»: tonnes handled at a port the
		// clause refers back to are the port's, not the context's.
		if ps := d.referredPlace(s, c); len(ps) > 0 {
			return ps
		}
	}
	cs = d.tradeCountries(s, c)
	if len(cs) == 1 {
		// "Kazakhstan's trade with its four Central Asian neighbours",
		// "Uzbekistan's trade with the countries of Central Asia": a
		// country's trade with a region whose members the table lists.
		if ms := d.regionPartners(c); ms != nil && slices.Contains(ms, cs[0]) {
			return normalizeCountries(append(cs, ms...))
		}
	}
	return cs
}

// postposedPartners returns, for the money or tonne figures of clause c,
// the country each is sent to or comes from right after it ("1.8 million
// tonnes of wheat to Uzbekistan", «۴۵ میلیون دالر برق از ترکمنستان»):
// a country within five words after the figure, after "to", "from",
// «به» or «از», before the next figure. The clause has two figures or
// more, the first needs one, and figures after it without one have none.
func (d *doc) postposedPartners(s *sentence, c span, ams []amount) map[int]string {
	var out map[int]string
	first, n := true, 0
	for k, am := range ams {
		if am.kind != amtMoney && am.kind != amtTon || am.a < c.a || am.a >= c.b {
			continue
		}
		hi := min(c.b, am.b+5)
		for j := k + 1; j < len(ams); j++ {
			if ams[j].kind == amtMoney || ams[j].kind == amtTon {
				hi = min(hi, ams[j].a)
				break
			}
		}
		x := ""
		for _, m := range s.mentions {
			if m.tok >= am.b && m.tok < hi && !m.topic {
				// (Not "… $71.2 million and to Afghanistan for …": a joiner
				// between opens the next item.)
				if (d.pointAt(m.tok-1, roleTo) || d.pointAt(m.tok-1, roleFrom)) && !d.joinerIn(am.b, m.tok-1) {
					x = m.code
				}
				break
			}
		}
		if first && x == "" {
			return nil
		}
		first = false
		n++
		if x != "" {
			if out == nil {
				out = map[int]string{}
			}
			out[k] = x
		}
	}
	if n < 2 {
		return nil // (a lone figure's countries are read as before)
	}
	return out
}

// joinerIn reports whether a list joiner («و», "and", a comma) lies in
// tokens [a, b).
func (d *doc) joinerIn(a, b int) bool {
	for k := a; k < b; k++ {
		if isListGlue(d.tokText(k)) {
			return true
		}
	}
	return false
}

// regionMembers are the countries of a region, for a trade total with the
// region as a whole.
var regionMembers = map[string][]string{"Central Asia": {"KG", "KZ", "TJ", "TM", "UZ"}}

// regionPartners returns the members of a region clause c names as the
// object of trade ("with", «با», "to", …) and no single country of it
// after; nil when there is none.
func (d *doc) regionPartners(c span) []string {
	for _, m := range d.entsIn(c.a, c.b) {
		if !m.Entry.Class.Has(ClassRegion) || regionMembers[m.Entry.Name] == nil {
			continue
		}
		for k := m.Start - 1; k >= max(c.a, m.Start-4); k-- {
			if d.roleBefore(k+1, roleObjectOf) {
				return regionMembers[m.Entry.Name]
			}
		}
	}
	return nil
}

// regionObject reports whether clause c names a region as the object of
// trade before token i ("exports to the Central Asian republics", «صادرات
// به آسیای مرکزی») and no country before it.
func (d *doc) regionObject(s *sentence, c span, i int) bool {
	// A clause cut at "however" still has its subject before the cut.
	a := c.a
	for _, p := range d.clauses(s) {
		if p.b <= c.a && !slices.ContainsFunc(s.amounts, func(am amount) bool { return am.a >= p.a && am.a < p.b }) {
			a = min(a, p.a)
		}
	}
	if len(d.countries(s, a, i, true)) > 0 {
		return false
	}
	for _, m := range d.entsIn(a, i) {
		if !m.Entry.Class.Has(ClassRegion) {
			continue
		}
		for k := m.Start - 1; k >= max(a, m.Start-3); k-- {
			if d.roleBefore(k+1, roleObjectOf) {
				return true
			}
		}
	}
	return false
}

// regionBeside returns the region span c names as a partner beside a
// country ("to Afghanistan and the five Central Asian states": joined to
// it by "and" or a comma, with "the", a count or "countries" between) or
// as the buyer
// it opens with ("Central Asia took …", "while the Central Asian states
// bought …": only a clause break or "the" before it, a verb of taking
// after), "" for none.
func (d *doc) regionBeside(c span) string {
	for _, m := range d.entsIn(c.a, c.b) {
		if !m.Entry.Class.Has(ClassRegion) || regionMembers[m.Entry.Name] == nil {
			continue
		}
		k := m.Start - 1
		for k >= c.a && (d.pointAt(k, roleDefinite) || d.pointAt(k, roleCountryLabel) || numberWordValue(d.word(k)) > 0) {
			k--
		}
		if k < c.a || d.hasCue(k, k+1, CueClauseBreak) {
			for k >= c.a && d.hasCue(k, k+1, CueClauseBreak) {
				k--
			}
			if k < c.a && d.roleIn(m.End, c.b, roleTookVerb) >= 0 {
				return m.Entry.Name
			}
			continue
		}
		if d.countryJoinedBefore(k+1) >= 0 || isDash(d.tokText(k)) && d.countryEndsAt(k) {
			// ("China-Central Asia freight trains": a country and a region
			// joined by a dash.)
			return m.Entry.Name
		}
	}
	return ""
}

// countryEndsAt reports whether a country's name ends just before token i.
func (d *doc) countryEndsAt(i int) bool {
	return slices.ContainsFunc(d.entsIn(max(0, i-6), i), func(m Match) bool { return m.End == i && m.Entry.Class.Has(ClassCountry) })
}

// regionWhole reports whether span c names a region beside a partner or
// as its buyer (regionBeside) whose members the article lists: a figure
// of the whole region, which a list of its members after breaks down.
func (d *doc) regionWhole(c span) bool {
	r := d.regionBeside(c)
	return r != "" && d.regionListed(r) != nil
}

// regionPartnerIn returns the name of the last region tokens c name as
// the object of trade ("exports to the five Central Asian republics",
// «صادرات به آسیای مرکزی», or "imports from the region" after one was
// named), "" for none.
func (d *doc) regionPartnerIn(c span) string {
	name := ""
	for k := c.a + 1; k+1 < c.b; k++ {
		// "from the region", «از این منطقه»: the last region named before.
		if d.pointAt(k, roleRegionWord) && (d.word(k-1) == "the" && d.roleBefore(k-1, roleObjectOf) || d.word(k+1) == "این" && d.roleBefore(k, roleObjectOf)) {
			// (d.ents are in order of their start: from the last one before c.)
			for j := sort.Search(len(d.ents), func(i int) bool { return d.ents[i].Start >= c.a }) - 1; j >= 0; j-- {
				if m := d.ents[j]; m.Entry.Class.Has(ClassRegion) {
					name = m.Entry.Name
					break
				}
			}
		}
	}
	for _, m := range d.entsIn(c.a, c.b) {
		if !m.Entry.Class.Has(ClassRegion) {
			continue
		}
		for k := m.Start - 1; k >= max(c.a, m.Start-4); k-- {
			if d.roleBefore(k+1, roleObjectOf) {
				name = m.Entry.Name
				break
			}
		}
	}
	return name
}

// worthBetween reports whether the words between two figures make the
// second the value of the first: "1.2 million tons of goods worth $560
// million", «۷۲۹ هزار تن کالا به ارزش …».
func (d *doc) worthBetween(a, b int) bool {
	return d.pointIn(a, b, roleWorth) >= 0
}

// tradeCountries returns the countries of a trade fact in clause c: those
// the clause names (topics too: «تجارت با افغانستان»), else those of the
// sentence.
func (d *doc) tradeCountries(s *sentence, c span) []string {
	cs := d.countries(s, c.a, c.b, true)
	if len(cs) <= 1 {
		// «سخنگوی گمرک ایران اعلام کرد: … به عراق صادر شد»: the other
		// side is named in the sentence's other clause. A clause that
		// names none («این رقم … به ۱۰ میلیارد دلار برسد») is about the
		// countries of the other clause.
		want := len(cs) + 1
		if len(cs) == 0 && (d.refersToFigure(c) || d.roleIn(c.a, c.b, roleTheir) >= 0) {
			// ("Pakistan and Uzbekistan set a $1 billion target …; their
			// trade was worth about $380 million": both of the other
			// clause's.)
			want = 2
		}
		parallel := len(cs) == 1 && d.objectOnly(s, c, cs[0])
		named := len(cs) // cs[:named] are the clause's own
		var own map[string]bool
		if len(cs) == 1 && d.destinationOnly(s, c, cs[0]) {
			own = d.figureClauseDestinations(s, c)
		}
		for _, x := range d.countries(s, s.a, s.b, true) {
			if own[x] && !slices.Contains(cs[:named], x) {
				// "Grain bound for Iran came to 1.15 million tons, while
				// cargo for Russia's ports amounted to 860,000 tons": a
				// destination of another clause with a figure of its own
				// is that figure's, not a side of this one's.
				continue
			}
			if d.viaOnly(s, x) && !slices.Contains(cs[:named], x) {
				continue // "… most of them moving via Iran and Turkmenistan": a route
			}
			if parallel && d.objectOnly(s, span{s.a, s.b}, x) {
				// "Exports to Uzbekistan stood at $78 million, while imports
				// from Kazakhstan …": the other clause's object is its own.
				continue
			}
			if named == 0 && d.hasCue(c.a, c.b, CueExport|CueImport) && d.objectOnly(s, span{s.a, s.b}, x) {
				// "Sea-borne exports climbed 25 percent to 8.41 million
				// tonnes, while land exports to Afghanistan … fell": the
				// other clause's partner is no side of exports that name
				// none; they are the trader's (below).
				continue
			}
			if !slices.Contains(cs, x) {
				cs = append(cs, x)
				if len(cs) >= want {
					break
				}
			}
		}
	}
	tc := c // the clause of the trade word: «صادرات به قرقیزستان …: ۴۵ میلیون دلار»
	if d.tradeCueIn(c) < 0 {
		tc = span{s.a, s.b}
	}
	if len(cs) == 1 && d.reporter != "" && d.reporter != cs[0] && d.hasCue(tc.a, tc.b, CueExport|CueImport) {
		// «واردات از امارات … رسید» in an Iranian customs report, "exports
		// to Tajikistan" from an Afghan agency: the outlet's country trades.
		cs = append(cs, d.reporter)
	}
	if len(cs) == 1 && s.intro != nil {
		// A list item: the other side is in the line that introduces it.
		for _, x := range d.countries(s.intro, s.intro.a, s.intro.b, true) {
			if x != cs[0] {
				cs = append(cs, x)
				break
			}
		}
	}
	if len(cs) == 1 && d.tradeCueIn(c) < 0 && d.objectOnly(s, c, cs[0]) && d.shippedTo(c) {
		// "grain shipped to Iran" in a Kazakh outlet, "Shipments to Iran
		// … rose to 410,000 tonnes" in an article on Kazakh exports.
		if x := d.reporter; x != "" && x != cs[0] {
			cs = append(cs, x)
		} else if x := d.tradeFocus(); x != "" && x != cs[0] {
			cs = append(cs, x)
		}
	}
	if len(cs) == 1 && d.tradeCueIn(c) < 0 && d.destinationOnly(s, c, cs[0]) && !d.hasCue(c.a, c.b, CueImport) {
		// "Grain and flour bound for Iran came to 1.15 million tons" in a
		// report on Kazakh ports: goods sent by the article's trader (or
		// the outlet's country).
		if x := d.tradeFocus(); x != "" && x != cs[0] {
			cs = append(cs, x)
		} else if x := d.reporter; x != "" && x != cs[0] {
			cs = append(cs, x)
		}
	}
	if len(cs) == 1 && d.tradeCueIn(c) >= 0 && d.objectOnly(s, c, cs[0]) {
		// "Trade with Pakistan rose …", "Imports from Afghanistan …",
		// «حجم تجارت با ازبیکستان»: the subject goes unnamed.
		if x := d.otherSide(cs[0]); x != "" {
			cs = append(cs, x)
		}
	}
	if len(cs) == 1 && d.onlyPeople(s, c, cs[0]) {
		// "Zhumangarin said bilateral trade … stood at …": the speaker's
		// country is one side, the other is in context.
		for _, x := range d.contextCountries(s) {
			if len(cs) < 2 && x != cs[0] {
				cs = append(cs, x)
			}
		}
	}
	if len(cs) == 0 && d.pointIn(c.a, c.b, roleTotal) >= 0 && s.intro == nil {
		// «مجموع صادرات میوه در این مدت …» after a list of destinations:
		// the trader's total, not the last item's.
		if x := d.tradeFocus(); x != "" {
			cs = []string{x}
		} else if d.reporter != "" {
			cs = []string{d.reporter}
		}
	}
	if len(cs) == 0 {
		// «… کالا به ارزش دو میلیارد دلار از گمرکات استان صادر شد», "the
		// province's customs offices cleared $2 billion of exports": a
		// province's total, with no partner named, is its country's alone.
		if x := d.provinceCustoms(c); x != "" {
			return []string{x}
		}
	}
	if len(cs) == 0 && d.ourTrade(s, c) {
		// «در سال ۱۴۰۴ صادرات ما به ۲ میلیارد و ۸۰ میلیون دالر رسید»,
		// «صادرات کشور …», "our exports …": the total of the speaker's
		// country alone, the article's trader or the outlet's.
		if x := d.tradeFocus(); x != "" {
			cs = []string{x}
		} else if d.reporter != "" {
			cs = []string{d.reporter}
		}
	}
	if len(cs) == 0 && s.idx > 0 && d.hasCue(c.a, c.b, CueWeight) {
		// «ارزش صادرات کالا از گمرکات این استان … به ۲ میلیارد و ۲۶۰
		// میلیون دلار رسید.» and then «وزن کالاهای صادرشده در این مدت ۵
		// میلیون و ۸۰۰ هزار تن بوده است», "By weight, the exports came to
		// 5.8 million tonnes": the weight of the goods whose value was
		// just read with one country is that country's.
		if x := d.sents[s.idx-1].lone[figureSlot(amtMoney)]; x != "" {
			return []string{x}
		}
	}
	if len(cs) == 0 && d.exportsOnly(s, c) {
		// "Pakistan's cement exports rose … to 9.24 million tonnes. Sea-
		// borne exports climbed 25 percent …, while land exports to
		// Afghanistan fell …"; "Uzbekistan's trade with Afghanistan …
		// Exports accounted for $798.1 million of the total, while
		// imports from Afghanistan …": exports naming no partner, beside
		// a clause whose partner is its own, are of the figure before
		// (its pair or its one trader), else the article's trader's.
		p, k := d.sents[max(s.idx-1, 0)], figureSlot(amtMoney)
		if d.hasCue(c.a, c.b, CueWeight) || slices.ContainsFunc(s.amounts, func(am amount) bool { return am.a >= c.a && am.a < c.b && am.kind == amtTon }) {
			k = figureSlot(amtTon)
		}
		// (A headline has no figure before: "Cement exports up 11pc at
		// 9.24m tonnes in FY26; land shipments to Afghanistan halve".)
		switch x := d.tradeFocus(); {
		case s.idx > 0 && p.figures[k][0] != "":
			cs = slices.Clone(p.figures[k][:])
		case s.idx > 0 && p.lone[k] != "":
			cs = []string{p.lone[k]}
		case x != "":
			cs = []string{x}
		}
	}
	if len(cs) == 0 && d.oneSideTarget(c) {
		// «وزارت صنعت و تجارت هدف دارد صادرات پنبه را در سال ۱۴۰۶ به ۱۰۰
		// هزار تن برساند», «هدف ما انتقال ۷ میلیون تن بار …», "The
		// Ministry … plans to raise car exports to $1.5 billion": a
		// target for exports, imports or transit that names no partner
		// is one side's own (labelling decision 6), not the pair of the
		// sentences before: the outlet's country's, whose ministry or
		// trade body speaks, else the article's trader's.
		if d.reporter != "" {
			return []string{d.reporter}
		}
		if x := d.tradeFocus(); x != "" {
			return []string{x}
		}
	}
	if len(cs) == 0 {
		// «ظرفیت این خط آهن …», "bilateral trade stood at …": the
		// countries of the previous sentence, or the article's.
		cs = d.contextCountries(s)
	}
	return normalizeCountries(cs)
}

// exportsOnly reports whether clause c of s tells exports or imports and
// the sentence names countries only as the objects of its other clauses
// (see tradeCountries).
func (d *doc) exportsOnly(s *sentence, c span) bool {
	if !d.hasCue(c.a, c.b, CueExport|CueImport) {
		return false
	}
	named := false
	for _, m := range s.mentions {
		if m.topic || m.class != ClassCountry {
			continue
		}
		if m.tok >= c.a && m.tok < c.b || !d.objectAt(m.tok) {
			return false
		}
		named = true
	}
	return named
}

// partnerNamed reports whether clause c of s names a country by name
// other than as the far side of a border (a place's country is not
// named by name).
func (d *doc) partnerNamed(s *sentence, c span) bool {
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !m.topic && m.class != ClassPlace && !d.borderSideAt(m) {
			return true
		}
	}
	return false
}

// borderOf reports whether clause c of s names country code only as the
// far side of a border ("on the Afghan border", «در مرز افغانستان»).
func (d *doc) borderOf(s *sentence, c span, code string) bool {
	found := false
	for _, m := range s.mentions {
		if m.tok < c.a || m.tok >= c.b || m.code != code || m.topic {
			continue
		}
		if !d.borderSideAt(m) {
			return false
		}
		found = true
	}
	return found
}

// provinceCustoms returns the country of the province whose customs
// clause c measures («از گمرکات استان صادر شد», «گمرکات ولایت هرات»,
// "the province's customs"): the country of the place named after the
// phrase, else of the outlet; "" when the clause names no province's
// customs.
func (d *doc) provinceCustoms(c span) string {
	k := d.roleIn(c.a, c.b, roleProvCustoms)
	if k < 0 {
		return ""
	}
	m, _ := d.roleAt(k, roleProvCustoms)
	for _, e := range d.entsIn(m.End, min(c.b, m.End+1)) {
		if e.Entry.Class.Has(ClassPlace) && e.Entry.Code != "" {
			return e.Entry.Code
		}
	}
	return d.reporter
}

// destWords mark the country after them as where goods go: "bound for
// Iran", "cargo for Russia's ports", «به مقصد افغانستان».
var destWords = map[string]bool{"for": true, "to": true, "into": true, "مقصد": true, "به": true}

// destinationOnly reports whether clause c of s names country code by
// name only as where goods go (its places, "Russia's ports of Astrakhan",
// aside).
func (d *doc) destinationOnly(s *sentence, c span, code string) bool {
	seen := false
	for _, m := range s.mentions {
		if m.code != code || m.tok < c.a || m.tok >= c.b || m.class == ClassPlace {
			continue
		}
		if !destWords[d.word(m.tok-1)] {
			return false
		}
		seen = true
	}
	return seen
}

// figureClauseDestinations returns the countries the clauses of s other
// than c name only as where goods go, when they have a money or tonnage
// figure of their own.
func (d *doc) figureClauseDestinations(s *sentence, c span) map[string]bool {
	var out map[string]bool
	for _, o := range d.clauses(s) {
		if o == c || !slices.ContainsFunc(s.amounts, func(am amount) bool {
			return (am.kind == amtMoney || am.kind == amtTon) && am.a >= o.a && am.a < o.b
		}) {
			continue
		}
		for _, x := range d.countries(s, o.a, o.b, true) {
			if d.destinationOnly(s, o, x) {
				if out == nil {
					out = map[string]bool{}
				}
				out[x] = true
			}
		}
	}
	return out
}

// physicalInfraIn reports whether clause c has a word of physical
// infrastructure («خط», "line", "port").
func physicalInfraIn(d *doc, c span) bool {
	for k := c.a; k < c.b; k++ {
		if physicalInfra[d.word(k)] {
			return true
		}
	}
	return false
}

// ourTrade reports whether clause c has a trade word owned by the
// speaker's or the outlet's country: «صادرات ما», «واردات کشور», "our
// exports"; or, in Persian, goods in transit through that country, with
// the country word after a preposition (roleObjectOf) just before the
// cargo word: «۵۲۰ هزار تن کالا به صورت ریلی از کشور ترانزیت شد», the
// country's own total, not the pair of a ranking before it; or a cargo
// word the country owns: «ظرفیت ترانزیتی کشور».
func (d *doc) ourTrade(s *sentence, c span) bool {
	for _, m := range d.cuesIn(c.a, c.b, CueExport|CueImport|CueTrade) {
		if s.latin && d.pointAt(m.Start-1, roleOurOwner) || !s.latin && d.pointAt(m.End, roleOurOwner) {
			return true
		}
	}
	for _, m := range d.cuesIn(c.a, c.b, CueCargo) {
		if !s.latin && d.pointAt(m.Start-1, roleOurOwner) && d.pointAt(m.Start-2, roleObjectOf) {
			return true
		}
		if !s.latin && d.pointAt(m.End, roleOurOwner) {
			return true // «ظرفیت ترانزیتی کشور», «ترانزیت کشور»: the country's own transit
		}
	}
	return false
}

// detailAfter reports whether tokens [a, b) between two figures open a
// detail of the first with a country: ", with Uzbekistan …", ", including
// …", «، از جمله …».
func (d *doc) detailAfter(s *sentence, a, b int) bool {
	at := d.roleIn(a, min(b, a+3), roleDetail)
	return at >= 0 && len(d.countries(s, at, b, true)) > 0
}

// contractedSupply reports whether tonnes are the quantity of a supply
// contract: "a contract for the supply of 500,000 tons", «قرارداد تامین
// ۵۰۰ هزار تن».
func (d *doc) contractedSupply(c span, am amount) bool {
	supply := d.pointIn(max(c.a, am.a-4), am.a, roleSupply) >= 0
	if !supply {
		return false
	}
	for _, n := range d.cuesIn(c.a, am.a, CueAgreementNoun) {
		// (The verb may follow, as in Persian and Dari: «قراردادی را برای خرید
		// ۱۲ هزار تن … امضا کرد».)
		if d.hasCue(c.a, am.a, CueSign|CueAgree) || d.hasCue(am.b, c.b, CueSign) || d.pointAt(n.Start, roleContract) {
			return true
		}
	}
	return false
}

// shippedTo reports whether clause c sends goods somewhere: "shipped to",
// "delivered to", «ارسال شد», «صادر».
func (d *doc) shippedTo(c span) bool {
	return d.pointIn(c.a, c.b, roleShipped) >= 0
}

// otherSide returns the unnamed trading side facing country code: the
// outlet's country, or else the other country the article is most about.
func (d *doc) otherSide(code string) string {
	if d.reporter != "" && d.reporter != code {
		return d.reporter
	}
	for _, x := range d.main {
		if x != code {
			return x
		}
	}
	return ""
}

// shareAfter reports whether a share of the k-th figure follows it in
// clause c («۲۶ فیصد آن به پاکستان», "30 percent of which went to …") with
// the clause's other countries after the share.
func (d *doc) shareAfter(s *sentence, c span, ams []amount, k int) bool {
	for j := k + 1; j < len(ams); j++ {
		p := ams[j]
		if p.kind != amtPercent {
			if p.kind == ams[k].kind {
				return false
			}
			continue
		}
		if d.hasCue(max(c.a, p.a-3), min(c.b, p.b+3), CueUp|CueDown) {
			return false
		}
		return len(d.countries(s, ams[k].b, p.a, true)) == 0 && len(d.countries(s, p.b, c.b, true)) > 0
	}
	return false
}

// rankOwner reports whether a country name ending before token i is the
// owner of a ranking: "Kazakhstan's largest trading partner".
func (d *doc) rankOwner(i int) bool {
	if t := d.tokText(i); (t != "'" && t != "’") || d.word(i+1) != "s" {
		return false
	}
	if w := d.word(i + 2); w == "trading" || w == "trade" {
		i++ // "among Uzbekistan's trading partners"
	}
	_, ok := d.roleAt(i+2, roleRank)
	return ok
}

// parenComparison reports whether the k-th figure of clause c stands in
// parentheses with year-earlier words right after the figure before it
// («(در مدت مشابه سال قبل …)», "($365 million in the same months of last
// year)").
func (d *doc) parenComparison(s *sentence, c span, ams []amount, k int) bool {
	am := ams[k]
	open := d.openParen(c, am.a, 6)
	if k == 0 || open < 0 || ams[k-1].b > open || open-ams[k-1].b > 3 {
		return false
	}
	return d.yearEarlier(open+1, am.a) || d.yearEarlier(am.b, min(c.b, am.b+8)) || d.bareParenChange(s, c, ams, k, open)
}

// bareParenChange reports whether the k-th figure, opening the
// parentheses at open, stands alone in them just after a figure reached
// by a change ("Imports from Afghanistan dropped to $61m ($142m)", «… به
// ۶۱ میلیون دلار کاهش یافت (۱۴۲ میلیون دلار)»): the figure it changed
// from, a year earlier. Only the change's own words may stand between
// the two figures: after a noun ("followed by dry cargo (2.4 million
// tonnes)", «سپس غلات (۴۰۰ هزار تن)») a bare figure in parentheses is
// that item's value in the sentence's period (parenItem).
func (d *doc) bareParenChange(s *sentence, c span, ams []amount, k, open int) bool {
	am := ams[k]
	if open != am.a-1 || d.tokText(am.b) != ")" || d.parenItem(s, ams, k, open) {
		return false
	}
	return d.hasCue(c.a, c.b, CueUp|CueDown)
}

// parenItem reports whether the k-th figure of sentence s, alone in the
// parentheses opening at open, follows a noun of its own, not the figure
// before it or a period ("followed by dry cargo (2.4 million tonnes)",
// «کالای فله (۲ میلیون و ۴۰۰ هزار تن)»): a list item's value, not a
// comparison ("dropped to $61 million in October 2026 ($142 million)" is
// one).
func (d *doc) parenItem(s *sentence, ams []amount, k, open int) bool {
	i := open - 1
	if k == 0 || ams[k-1].b > open || i < ams[k-1].b || d.word(i) == "" || d.hasCue(ams[k-1].b, open, CueUp|CueDown) {
		return false
	}
	return !slices.ContainsFunc(s.periods, func(m periodMatch) bool { return m.Start <= i && i < m.End })
}

// withoutRoutes removes from cs, in place, the countries s names only as
// a route passed through (viaOnly).
func (d *doc) withoutRoutes(s *sentence, cs []string) []string {
	return slices.DeleteFunc(cs, func(x string) bool { return d.viaOnly(s, x) })
}

// viaOnly reports whether country code is named in s only as a route
// passed through ("via Iran", «از طریق ایران»).
func (d *doc) viaOnly(s *sentence, code string) bool {
	return namedOnlyAs(s, span{s.a, s.b}, code, d.viaAt)
}

// namedOnlyAs reports whether country code is named in tokens c of s, and
// as holds at the token of each of its mentions there.
func namedOnlyAs(s *sentence, c span, code string, as func(tok int) bool) bool {
	seen := false
	for _, m := range s.mentions {
		if m.code != code || m.tok < c.a || m.tok >= c.b {
			continue
		}
		if !as(m.tok) {
			return false
		}
		seen = true
	}
	return seen
}

// objectOnly reports whether country code is named in clause c only as the
// object of a preposition ("with", "to", "from", «با», «به», «از») and
// never as a subject or owner ("Kazakhstan's exports").
func (d *doc) objectOnly(s *sentence, c span, code string) bool {
	return namedOnlyAs(s, c, code, d.objectAt)
}

// countryItems finds a list of figures each right after its own country
// («ازبکستان با ۴۱۰ میلیون دلار، ترکمنستان با ۳۵۰ میلیون دلار و …»,
// "Uzbekistan ($410 million), Turkmenistan ($350 million) …"). It returns
// each figure's country and the partner they share: a country the clause
// names outside the items («کالاهای ایرانی»), else the single country of
// the sentence before, else the outlet's.
func (d *doc) countryItems(s *sentence, c span, ams []amount) (map[int]string, string) {
	items := map[int]string{}
	used := map[string]bool{}
	for k, am := range ams {
		if am.kind != amtMoney && am.kind != amtTon {
			continue
		}
		for _, m := range s.mentions {
			if m.topic || m.end > am.a || m.end < am.a-9 || m.tok < c.a || d.rankOwner(m.end) {
				// (Not the owner of the ranking: "Kazakhstan was
				// Uzbekistan's largest market with …".)
				continue
			}
			// «ازبکستان با …», "Tajikistan ($760 million)", "Kazakhstan
			// remained the leading partner with $3.5 billion".
			gap, rank, glue := true, false, false
			for j := m.end; j < am.a; j++ {
				switch {
				case isPoint(d.tokText(j), roleFigureIntro):
				case j > m.end && isPoint(d.tokText(j), roleItemTrade) && isPoint(d.tokText(m.end), roleFigureIntro):
					// «چین با خرید ۹ میلیارد دلار», "Uzbekistan with
					// purchases of $410 million": what the item bought.
				default:
					if _, ok := d.roleAt(j, roleRank); ok {
						rank = true
						continue
					}
					if d.rankOwner(j+1) || d.rankOwner(j) || d.rankOwner(j-1) {
						// "Kazakhstan was Uzbekistan's largest market
						// with …": the ranking's owner, its "'s" too.
						continue
					}
					if _, ok := d.roleAt(j, roleRankGlue); ok {
						glue = true
						continue
					}
					if _, ok := d.roleAt(j, roleBuyer); ok && j == m.end || d.pointAt(j, roleSupplier) && j == m.end {
						// "Uzbekistan purchased 3.8 million tonnes,
						// Afghanistan 1.7 million tonnes, …", "Russia
						// supplied 1.72 million tonnes …, Kazakhstan 1.41
						// million tonnes": the buyer's or supplier's verb
						// heads a list of them.
						continue
					}
					gap = false
				}
			}
			gap = gap && (am.a-m.end <= 3 && !glue || rank)
			if gap && !used[m.code] {
				items[k] = m.code
				used[m.code] = true
			}
		}
	}
	// "Kazakhstan … with 402,300 tonnes worth $231.6 million, followed by
	// Russia with 356,800 tonnes ($298.4 million)", "Kyrgyzstan bought
	// 118,200 tonnes for $64.3 million": an item's second figure, of the
	// other kind, right after its first with no country between, is the
	// same item's.
	for k := 1; k < len(ams); k++ {
		if _, ok := items[k]; ok {
			continue
		}
		x, ok := items[k-1]
		if !ok || ams[k].kind == ams[k-1].kind || ams[k].a-ams[k-1].b > 3 || d.hasCountryIn(s, ams[k-1].b, ams[k].a) {
			continue
		}
		items[k] = x
	}
	if len(items) < 2 {
		items = d.respectiveItems(s, c, ams)
		if items == nil {
			return nil, ""
		}
		used = map[string]bool{}
		for _, cc := range items {
			used[cc] = true
		}
	}
	// The owner of the ranking: "Uzbekistan remained Kazakhstan's largest
	// trading partner …, followed by …" lists Kazakhstan's partners.
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !used[m.code] && d.rankOwner(m.end) {
			return items, m.code
		}
	}
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !used[m.code] && !d.objectAt(m.tok) && !d.viaAt(m.tok) {
			return items, m.code
		}
	}
	if f := d.tradeFocus(); f != "" && !used[f] {
		return items, f
	}
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && !used[m.code] {
			return items, m.code
		}
	}
	if s.idx > 0 {
		p := d.sents[s.idx-1]
		if cs := d.countries(p, p.a, p.b, true); len(cs) == 1 && !used[cs[0]] && !d.rankedItem(p, span{p.a, p.b}, true) {
			// (Not the head of the ranking: «پاکستان با ۶۱۰ میلیون دالر
			// در صدر است. پس از آن هند با …».)
			return items, cs[0]
		}
		// "Pakistan's exports to Kazakhstan and Uzbekistan rose …" before
		// the ranking: the one trader of the sentence before.
		if x := d.priorTrader(s); x != "" && !used[x] {
			return items, x
		}
	}
	if d.reporter != "" && !used[d.reporter] {
		return items, d.reporter
	}
	return items, ""
}

// yearEarlier reports whether tokens [a, b) say "a year earlier", "last
// year", «سال قبل», «سال گذشته» right after a baseline figure.
func (d *doc) yearEarlier(a, b int) bool {
	return d.roleIn(a, b, roleYearEarlier) >= 0
}

// samePeriodIn reports whether clause c refers to the period just given:
// "over the same period", "during this period", «در همین مدت», «در این
// مدت», «در مدت یادشده» — not a comparison with last year's ("the same
// period last year", «مدت مشابه سال قبل»).
func (d *doc) samePeriodIn(c span) bool {
	for k := c.a; k+1 < c.b; k++ {
		ok := false
		switch {
		case d.pointAt(k, roleSameDet) && (d.pointAt(k+1, roleYear) || d.pointAt(k+1, roleFiscal)) && d.pointAt(k-1, roleDefinite):
			// "over the same year", "in the same fiscal year"
			ok = true
			if d.pointAt(k+1, roleFiscal) {
				k++
			}
		case d.pointAt(k, roleSameDet) && d.pointAt(k+1, rolePeriodNoun):
			ok = !d.pointAt(k-1, roleCorresponding) && !d.pointAt(k-2, roleCompareLead)
		case d.pointAt(k, roleSameFa) && d.pointAt(k+1, rolePeriodFa):
			ok = true
		case d.pointAt(k, rolePeriodFa) && d.pointAt(k+1, roleNamedFa):
			ok = true
		case d.pointAt(k, roleDefinite) && d.pointAt(k+1, rolePeriodNoun):
			// "in the period", "during the period"
			ok = d.pointAt(k-1, roleDuringPrep)
		}
		if ok && !d.pointAt(k+2, rolePeriodTail) {
			return true
		}
	}
	return false
}

// continuedPeriod returns the period of an actual trade figure in the
// sentence just before s, when s names no period of its own (resolved or
// not) and goes on about the same countries; with cargo (tonnes that are
// no rate), of a freight or transit figure too.
func (d *doc) continuedPeriod(s *sentence, cargo bool, cs []string) *Period {
	if s.idx == 0 || d.hasCue(s.a, s.b, CueTarget) {
		return nil
	}
	for _, m := range s.periods {
		if !d.comparison(m.Start, true) {
			return nil // a period of its own ("down 3% from a year earlier" is not)
		}
	}
	// Back through the trade sentences just before (a breakdown may run
	// over several), to the last period given.
	shared := false // a country of the figure named along the way
	for k := s.idx - 1; k >= 0 && k >= s.idx-4; k-- {
		p := d.sents[k]
		if d.tradeCueIn(span{p.a, p.b}) < 0 && (!cargo || !d.hasCue(p.a, p.b, CueCargo)) {
			// (Tonnes go on after a freight or transit figure too: "Rail
			// freight between Iran and Kazakhstan … rose to 1.4 million
			// tonnes in the first nine months of 2025. Of this, 900,000
			// tonnes were Kazakh grain …")
			return nil
		}
		if d.hasCue(p.a, p.b, CueTarget) {
			// "At their talks in Tashkent in April, the presidents … agreed
			// to raise bilateral trade to $2 billion by 2030": a target's
			// sentence dates an event and a deadline, no span the figures
			// after it go on in.
			continue
		}
		figure := amountBetween(p, p.a, p.b)
		for _, c := range d.countries(p, p.a, p.b, true) {
			if slices.Contains(cs, c) {
				shared = true
			}
		}
		if !figure {
			continue // "Afghanistan's share … was 2.1 percent."
		}
		for j := len(p.periods) - 1; j >= 0; j-- {
			m := p.periods[j]
			if d.roleIn(m.End, min(p.b, m.End+1), roleAlone) >= 0 && d.pointIn(s.a, s.b, roleSameFa) < 0 && d.pointIn(s.a, s.b, roleSameDet) < 0 {
				// "In October alone, trade amounted to $6.9 billion": a
				// month singled out, not a span the figures after go on in
				// (unless they say so: «… در آذرماه به تنهایی …» and then
				// «در همین ماه»).
				continue
			}
			if m.Resolved && !m.P.Day && !d.comparison(m.Start, false) && !d.parenFigurePeriod(p, m.Start, p.a) && !d.deadline(m.Start) && !d.baselinePeriod(p, m.Start) && !yearBeforeOf(p, j) && !d.spanOfBefore(p, j) && !d.lookBack(p, m) && !d.yearBeforeCurrent(p, m.P) {
				if !shared {
					return nil
				}
				return &p.periods[j].P
			}
		}
	}
	return nil
}

// yearBeforeCurrent reports whether period p, stated in sentence t, is the
// same span a year before the article's current period there: a figure to
// compare with («صادرات استان در ۹ ماه نخست سال ۱۴۰۴ …» after the lead's
// nine months of 1405), which a breakdown after it does not go on in.
func (d *doc) yearBeforeCurrent(t *sentence, p Period) bool {
	cur := d.articlePeriod(t)
	if cur == nil {
		return false
	}
	prev, ok := yearBefore(cur.Label)
	return ok && prev == p.Label
}

// placeItems returns the money and tonnage amounts of clause c that a
// place gives as its item («گمرک دوغارون … با یک میلیارد و ۳۱۲ میلیون
// دلار», "Hairatan with 245,000 tonnes"): a place named a few words
// before the figure's intro word: each figure's index in ams with its
// place.
func (d *doc) placeItems(c span, ams []amount) map[int]*Entry {
	var out map[int]*Entry
	for k, am := range ams {
		if am.kind != amtTon && am.kind != amtMoney || am.a < c.a || am.a >= c.b || !isPoint(d.tokText(am.a-1), roleFigureIntro) {
			continue
		}
		var place *Entry
		for _, m := range d.entsIn(max(c.a, am.a-8), am.a-1) {
			if m.Entry.Class.Has(ClassPlace) {
				place = m.Entry
			}
			if m.Entry.Class.Has(ClassCountry) && !d.borderSideAt(mention{tok: m.Start, end: m.End}) {
				place = nil // a country nearer: a country's item («… در مرز افغانستان با …» is the place's border)
			}
		}
		if place != nil {
			if out == nil {
				out = map[int]*Entry{}
			}
			out[k] = place
		}
	}
	return out
}

// breakdownPair returns the two countries of the figure of kind k (money
// or tonnes) a list of places breaks down: those of the nearest of the
// three sentences before s with a trade word (or, for tonnes, a word of
// freight) and a figure, when it names exactly two or its figure of kind
// k was read with two; nil otherwise.
func (d *doc) breakdownPair(s *sentence, k int) []string {
	for j := s.idx - 1; j >= 0 && j >= s.idx-3; j-- {
		p := d.sents[j]
		if d.tradeCueIn(span{p.a, p.b}) < 0 && !(k == amtTon && d.hasCue(p.a, p.b, CueCargo)) || !amountBetween(p, p.a, p.b) {
			continue
		}
		if cs := d.countries(p, p.a, p.b, false); len(cs) == 2 {
			return normalizeCountries(slices.Clone(cs))
		}
		// («… زغال‌سنگ به پاکستان صادر شده است» in an Afghan ministry's
		// statement: the pair its figure was read with.)
		if cs := p.figures[figureSlot(k)]; cs[0] != "" {
			return cs[:]
		}
		return nil
	}
	return nil
}

// placeBreakdown returns the pair of the figure a breakdown by crossing,
// customs office, market or port breaks down, for an item of kind k whose
// countries cs come from its place alone ("of which 780,000 tonnes went
// via Torkham", «از این مقدار، ۷۸۰ هزار تن از بندر تورخم … صادر شده»): a
// sentence with a breakdown word, a clause that names no country by name,
// and a head whose pair holds the place's country; nil otherwise.
func (d *doc) placeBreakdown(s *sentence, c span, k int, cs []string) []string {
	if len(cs) > 1 || d.roleIn(s.a, s.b, roleBreakdown) < 0 {
		return nil
	}
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && m.class != ClassPlace && !m.topic {
			return nil // a country of its own: a ranking of countries (countryItems)
		}
	}
	pair := d.breakdownPair(s, k)
	if len(pair) != 2 || len(cs) == 1 && !slices.Contains(pair, cs[0]) {
		return nil
	}
	return pair
}

// spanOfBefore reports whether the j-th period of p is the span the
// period just before it is written in ("July-October of the current
// fiscal year 2026-27", «حمل تا میزان سال ۱۴۰۵»): the narrower span is
// the figures' period, and the one that goes on.
func (d *doc) spanOfBefore(p *sentence, j int) bool {
	i := j - 1
	if i > 0 && !p.periods[i].Resolved && p.periods[i].End >= p.periods[j].Start-1 {
		i-- // ("the first three months of the 2026-2027 marketing year": a part no year resolves, of the span after it)
	}
	if i < 0 || !p.periods[i].Resolved || !within(p.periods[i].P, p.periods[j].P) {
		return false
	}
	// ("in September–November 2026, the first three months of the
	// 2026-2027 marketing year": an appositive may say more words.)
	gap := p.periods[j].Start - p.periods[i].End
	return gap <= 5 || gap <= 12 && d.tokText(p.periods[i].End) == ","
}

// yearBeforeOf reports whether the j-th period of p is the year before
// an earlier period of p: a comparison («… در سال ۱۴۰۴ … رسید، در حالی
// که این رقم در سال ۱۴۰۳ … بود»), not the period a breakdown goes on in.
func yearBeforeOf(p *sentence, j int) bool {
	for i := range j {
		if l, ok := yearBefore(p.periods[i].P.Label); ok && p.periods[i].Resolved && l == p.periods[j].P.Label {
			return true
		}
	}
	return false
}

// previousPeriod returns the last span (not a day) given in the three
// sentences before s, not counting the items of a list («- پاکستان: …»),
// which say their period in the line that introduces them.
func (d *doc) previousPeriod(s *sentence) *Period {
	back := 0 // sentences looked at, a list's items aside
	for k := s.idx - 1; k >= 0 && back < 3; k-- {
		p := d.sents[k]
		if p.intro == nil {
			back++
		}
		if !amountBetween(p, p.a, p.b) {
			// A sentence with no figure dates none: "the same period" is
			// not the month of a closure told between («… بسته ماندن ۲۵
			// روزه گذرگاه تورخم … در ماه عقرب») or a season («در ماه‌های
			// زمستان»).
			continue
		}
		for j := len(p.periods) - 1; j >= 0; j-- {
			m := p.periods[j]
			if m.Resolved && !m.P.Day && !d.comparison(m.Start, false) && !d.parenFigurePeriod(p, m.Start, p.a) && !d.deadline(m.Start) && !d.baselinePeriod(p, m.Start) && !d.spanOfBefore(p, j) && !d.lookBack(p, m) {
				return &p.periods[j].P
			}
			if !m.Resolved && m.First > 0 {
				// "over the ten months" after "January–October 2026": the
				// partial year in the year the article gave.
				if y := d.yearlessPeriod(p, span{m.Start, m.End}); y != nil {
					return y
				}
			}
		}
		if len(p.periods) == 0 && d.tradeCueIn(span{p.a, p.b}) >= 0 && amountBetween(p, p.a, p.b) {
			// A figure that stated no period went on in the article's
			// current one ("In value terms, flour exports brought in
			// $312.5 million." then "… in the same period"), and so
			// does the figure after it.
			return d.articlePeriod(p)
		}
	}
	return nil
}

// baselinePeriod reports whether the period at token i of sentence p is a
// baseline's: written just after a figure that is a baseline ("up from
// $118 million in 2023").
func (d *doc) baselinePeriod(p *sentence, i int) bool {
	for k, am := range p.amounts {
		if am.b <= i && i-am.b <= 2 && d.isBaseline(p.amounts, k) {
			return true
		}
	}
	return false
}

// flow returns "A->B" for exports of A to B or imports of B from A when the
// export or import word is the trade word nearest to the amount.
func (d *doc) flow(s *sentence, c span, am amount) string {
	ex := d.cuesIn(c.a, c.b, CueExport|CueImport)
	if len(ex) == 0 {
		return ""
	}
	m := ex[0]
	for _, x := range ex {
		if dist(x.Start, x.End, am.a, am.b) < dist(m.Start, m.End, am.a, am.b) {
			m = x
		}
	}
	var cs []string
	for _, mt := range s.mentions {
		if mt.tok >= c.a && mt.tok < c.b && mt.class != ClassPair && len(cs) < 2 {
			if len(cs) == 0 || cs[0] != mt.code {
				cs = append(cs, mt.code)
			}
		}
	}
	if len(cs) != 2 {
		return ""
	}
	if !m.Entry.Class.Has(CueExport) {
		for _, mt := range s.mentions {
			if mt.tok >= c.a && mt.tok < m.Start && d.pointAt(mt.tok-1, roleFrom) {
				// «… گندم از قزاقستان وارد کشور شده»: the country after «از»
				// before the import verb is the origin, whichever comes first.
				if mt.code == cs[0] {
					return cs[0] + "->" + cs[1]
				}
				return cs[1] + "->" + cs[0]
			}
		}
	}
	if m.Entry.Class.Has(CueExport) {
		return cs[0] + "->" + cs[1]
	}
	return cs[1] + "->" + cs[0]
}

// referredPlace returns the countries of the port, terminal or crossing
// that clause c, naming no country, refers back to («این بندر», "the
// port"): the last place named beside the same infrastructure word in the
// sentences before («بندر چابهار», "Karachi port"), with the country
// across that the article links it to (see postLink); nil when there is
// none.
func (d *doc) referredPlace(s *sentence, c span) []string {
	for k := c.a; k < c.b; k++ {
		w := d.word(k)
		if !physicalInfra[w] || lineWords[w] || !d.referenceBefore(k) && !d.pointAt(k-1, roleOwnDet) {
			continue
		}
		lo := d.sents[max(0, s.idx-4)].a
		ents := d.entsIn(lo, c.a)
		for j := len(ents) - 1; j >= 0; j-- {
			m := ents[j]
			if !m.Entry.Class.Has(ClassPlace) || m.Entry.Code == "" {
				continue
			}
			if d.word(m.Start-1) != w && d.word(m.End) != w && d.word(m.Start) != w && !(d.word(m.Start-1) == "of" && d.word(m.Start-2) == w) {
				continue // (a place named with its word: «بندر چابهار» in the dataset)
			}
			cs := []string{m.Entry.Code}
			if x := d.postLink(m.Entry.ID); x != "" {
				cs = append(cs, x)
			}
			return normalizeCountries(cs)
		}
		return nil
	}
	return nil
}

// besidePrevious returns the countries of a figure given beside the one
// of the sentence before through another place («گمرک میلک نیز در این مدت
// با صادرات ۴۲۰ هزار تن …» after «از گمرک دوغارون ۱.۷ میلیون تن کالا …
// به افغانستان صادر شده», «سهم بندر کراچی در این مدت به ۱۸۰ هزار تن …»
// after «… کالای ترانزیتی افغانستان از طریق بندر چابهار»): its place's
// country with the countries the sentence before names by name, not by a
// place; nil when cs, the figure's countries, come from more than one
// place, the clause has no word of a figure beside another («نیز»,
// "also", «سهم») or the sentence before gives no figure.
func (d *doc) besidePrevious(s *sentence, c span, cs []string) []string {
	if len(cs) != 1 || s.idx == 0 || d.pointIn(c.a, c.b, roleAlso) < 0 {
		return nil
	}
	for _, m := range s.mentions {
		if m.tok >= c.a && m.tok < c.b && m.code == cs[0] && m.class != ClassPlace {
			return nil // named by name: the figure's own country
		}
	}
	p := d.sents[s.idx-1]
	if !amountBetween(p, p.a, p.b) {
		return nil
	}
	out := slices.Clone(cs)
	for _, m := range p.mentions {
		// («گمرک دوغارون در مرز افغانستان با ۸۲۰ میلیون دلار …»: a country
		// named as the border of the other place is that place's.)
		if m.class != ClassPlace && !m.topic && !slices.Contains(out, m.code) && !d.borderSideAt(m) {
			out = append(out, m.code)
		}
	}
	if len(out) == 1 {
		return nil
	}
	return normalizeCountries(out)
}

// besideCargo reports whether clause c gives tonnes beside the goods of
// the sentence before («سهم بندر کراچی در این مدت به ۱۸۰ هزار تن کاهش یافته»
// after «… ۳۱۰ هزار تن کالای ترانزیتی … از طریق بندر چابهار»): a word of a
// figure beside another and a cargo word in the sentence before.
func (d *doc) besideCargo(s *sentence, c span) bool {
	if d.breakdownOf(s, amtTon) {
		return true
	}
	if s.idx > 0 && (d.roleIn(s.a, s.b, roleBreakdown) >= 0 || d.destinationBreakdown(s)) && d.sents[s.idx-1].lone[figureSlot(amtTon)] != "" && !d.hasCue(s.a, s.b, CueStatus|CueCapacity|CueNonTrade) {
		// "Transit cargo … amounted to 3.3 million tonnes. Of this, 1.9
		// million tonnes were shipped to Azerbaijan …": tonnes the
		// sentence breaks a one country's tonnage just read into, by
		// destination too (breakdownItemCountries).
		return true
	}
	if s.idx == 0 || d.pointIn(c.a, c.b, roleAlso) < 0 && !d.refersToFigure(c) && !d.rankedItem(s, c, false) && !d.sharePhrase(s) {
		// («این رقم در ماه عقرب سال گذشته ۳۱۰ هزار تن بود», "This figure
		// was 310,000 tonnes a year earlier": the figure of the freight
		// just reported.)
		return false
	}
	p := d.sents[s.idx-1]
	if d.hasCue(p.a, p.b, CueCargo) || d.refersToFigure(c) && d.breakdownHead(p, amtTon) != nil {
		return true // (or the figure a breakdown just before broke down)
	}
	if d.rankedItem(s, c, false) && slices.ContainsFunc(p.amounts, func(am amount) bool { return am.kind == amtTon && am.per == "" }) {
		// «… یک میلیون و ۱۲۰ هزار تن میوه … صادر شده است.» and then «…
		// بندر تورخم … با ۳۴۰ هزار تن و بندر سپین‌بولدک با ۱۹۵ هزار تن
		// بیشترین سهم را داشته‌اند»: a ranking of the tonnes just reported.
		return true
	}
	// An item after "this figure" of the freight a year earlier goes on
	// about the freight of the sentence before it.
	if s.idx >= 2 && d.refersToFigure(span{p.a, p.b}) && d.rankedItem(s, c, false) {
		q := d.sents[s.idx-2]
		return d.hasCue(q.a, q.b, CueCargo)
	}
	return false
}

// breakdownOf reports whether sentence s breaks down by product or route
// a figure of kind k (money or tonnes) just reported with its trade or
// freight word: "Flour and cereals led the list with 486,000 tons worth
// $198.4 million, followed by petroleum products ($221.7 million) …",
// «از این میان، ۹ هزار تن به ارزش ۳۱ میلیون دالر از طریق دهلیز هوایی
// و …», «انار با ۱۴ هزار تن بیشترین سهم را داشته». The sentence names
// no partner of its own (a ranking of countries is rankOfTrade's) and
// speaks of no project.
func (d *doc) breakdownOf(s *sentence, k int) bool { return d.breakdownHead(s, k) != nil }

// breakdownHead returns the sentence whose figure of kind k s breaks down
// (see breakdownOf), or nil.
func (d *doc) breakdownHead(s *sentence, k int) *sentence {
	if s.idx == 0 || d.roleIn(s.a, s.b, roleBreakdown) < 0 || d.tradeCueIn(span{s.a, s.b}) >= 0 || d.hasCue(s.a, s.b, CueStatus|CueCapacity|CueNonTrade) {
		return nil // (a sentence with a trade word of its own is its own figure's)
	}
	for j := s.idx - 1; j >= max(0, s.idx-3); j-- {
		p := d.sents[j]
		if d.isHeadline(p) || d.tradeCueIn(span{p.a, p.b}) < 0 && !(k == amtTon && d.hasCue(p.a, p.b, CueCargo)) {
			continue
		}
		for _, am := range p.amounts {
			if am.kind == k {
				// (The countries it names are the figure's, passed
				// through or a place's: «از راه بندر چابهار ایران به هند».)
				own := slices.DeleteFunc(d.countries(s, s.a, s.b, true), func(x string) bool { return d.viaOnly(s, x) || d.placeOwnerOnly(s, x) })
				if !subset(own, d.countries(p, p.a, p.b, true)) {
					return nil
				}
				return p
			}
		}
	}
	return nil
}

// itemCountry returns the one country named beside the k-th figure of
// clause c, between it and the next figure ("1.93 million tonnes went to
// Turkmenistan, …, and 780,000 tonnes to Afghanistan") or else between the
// figure before and it; "" when there is not exactly one. A comparison in
// parentheses is its figure's.
func (d *doc) itemCountry(s *sentence, c span, ams []amount, k int) string {
	lo, hi := c.a, c.b
	if k > 0 {
		lo = ams[k-1].b
	}
	if k+1 < len(ams) {
		hi = ams[k+1].a
	}
	if x := s.oneCountryIn(ams[k].b, hi); x != "" {
		return x
	}
	return s.oneCountryIn(lo, ams[k].a)
}

// oneCountryIn returns the one country named, not as a topic, on tokens
// [a, b) of s; "" when none or more than one is.
func (s *sentence) oneCountryIn(a, b int) string {
	x := ""
	for _, m := range s.mentions {
		if m.tok >= a && m.tok < b && !m.topic && m.class == ClassCountry {
			if x != "" && x != m.code {
				return ""
			}
			x = m.code
		}
	}
	return x
}

// placeOwnerOnly reports whether country code is named in s only by a
// place in it or just after a place, as the place's country («بندر چابهار
// ایران», "the port of Chabahar, Iran").
func (d *doc) placeOwnerOnly(s *sentence, code string) bool {
	return namedOnlyAs(s, span{s.a, s.b}, code, func(tok int) bool {
		at := tok
		if t := d.tokText(at - 1); t == "," || t == "،" {
			at--
		}
		for _, e := range d.entsIn(max(0, at-6), tok+1) {
			if e.Entry.Class.Has(ClassPlace) && (e.End == at || e.Start == tok) {
				return true // (or the place itself, «چابهار»)
			}
		}
		return false
	})
}

// rankedItem reports whether clause c gives a place or a country its
// figure of tonnes (or, with money, of money) as an item of a ranking («ایستگاه مرزی سرخس … با ۲
// میلیون و ۵۰ هزار تن همچنان پرترددترین گذرگاه ریلی …», "Hairatan,
// with 245,000 tonnes, …"): a place or country just before the
// figure's intro word.
func (d *doc) rankedItem(s *sentence, c span, money bool) bool {
	for _, am := range s.amounts {
		if am.kind != amtTon && !(money && am.kind == amtMoney) || am.a < c.a || am.a >= c.b || !isPoint(d.tokText(am.a-1), roleFigureIntro) {
			continue
		}
		for _, m := range d.entsIn(max(c.a, am.a-8), am.a-1) {
			if m.Entry.Class.Has(ClassPlace|ClassCountry) && m.End >= am.a-6 {
				return true
			}
		}
	}
	return false
}

// lossOf reports whether the sum am measures a loss or damage to trade,
// not trade («بسته بودن تورخم روزانه حدود ۱.۵ میلیون دالر به تجارت دو کشور
// زیان می‌زند», "losses of $2 million a day"): a loss word a few words after
// it in Persian or before it in English, with no other figure between.
func (d *doc) lossOf(s *sentence, c span, am amount) bool {
	lo, hi := am.b, min(c.b, am.b+7)
	if s.latin {
		lo, hi = max(c.a, am.a-4), am.a
	}
	k := d.roleIn(lo, hi, roleLoss)
	if k < 0 {
		return false
	}
	a, b := min(k, am.a), max(k, am.b)
	for _, o := range s.amounts {
		if o.a != am.a && o.a >= a && o.a < b && (o.kind == amtMoney || o.kind == amtTon) {
			return false
		}
	}
	return true
}

// signerIn reports whether clause c names country x only as a signer of a
// document: in the list after "signed by" («به امضای ایران و روسیه»).
func (d *doc) signerIn(s *sentence, c span, x string) bool {
	return namedOnlyAs(s, c, x, func(i int) bool { return d.signerAt(s, i) })
}

// signerAt reports whether the country mention at token i is in a list of
// signers: "signed by A, B and C", «به امضای الف و ب».
func (d *doc) signerAt(s *sentence, i int) bool {
	k := i - 1
	for k >= s.a {
		switch {
		case isListGlue(d.tokText(k)):
			k--
			continue
		case slices.ContainsFunc(s.mentions, func(m mention) bool { return m.tok <= k && k < max(m.end, m.tok+1) }):
			k--
			continue
		}
		break
	}
	w := d.word(k)
	if w == "by" {
		v := d.word(k - 1)
		return v == "signed" || v == "endorsed" || v == "adopted" || v == "agreed"
	}
	return w == "امضای"
}

// sellerOf returns the country that buyer, in sentence s, buys from: the
// trader of the figures before, else the article's trade focus, else the
// outlet's country; "" when that is the buyer itself or unknown.
func (d *doc) sellerOf(s *sentence, buyer string) string {
	x := d.priorTrader(s)
	if x == "" || x == buyer {
		x = d.tradeFocus()
	}
	if x == "" {
		x = d.reporter // the outlet's, as for a list's items
	}
	if x == buyer {
		return ""
	}
	return x
}

// oneSideTarget reports whether clause c sets a target (CueTarget) for
// goods that go one way or pass through (exports, imports, cargo,
// transit) with no word that makes it the two sides' («دو کشور»,
// "both sides": ClassPair), refers back to a figure or partner already
// named (CueReference) or makes it what a work can carry (CueCapacity).
// Trade as such ("bilateral trade", "our presidents have set the goal of
// $1 billion in trade") is between two and is left to the context.
func (d *doc) oneSideTarget(c span) bool {
	if !d.hasCue(c.a, c.b, CueTarget) || !d.hasCue(c.a, c.b, CueExport|CueImport|CueCargo) || d.hasCue(c.a, c.b, CueReference|CueCapacity) {
		return false
	}
	for _, m := range d.entsIn(c.a, c.b) {
		if m.Entry.Class.Has(ClassPair) {
			return false
		}
	}
	return true
}
