package extract

import (
	"context"
	"slices"
	"testing"
)

// TestListsAndFocus holds list splitting and the article's trading
// country (tradeFocus) to named sentences.
func TestListsAndFocus(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"an item of a digest that names its country takes no other item's",
			"date 2026-01-30\nREGIONAL TRANSPORT DIGEST\n\n• Turkmenistan–Afghanistan: The 30-km Serhetabat–Turghundi rail section was reopened on Monday.\n• Kazakhstan: The Aktau port handled 6.2 million tonnes of cargo in 2025.\n• Pakistan: Construction of the 560-km Quetta–Taftan rail upgrade will begin in March. The project will cost $1.2 billion.",
			[]string{"project AF,TM 30 km - - -", "tonnage KZ 6.2e+06 t actual 2025 -", "project PK 560 km - - -", "project PK - - planned 2026-03 -", "project PK 1.2e+09 USD - - -"}},
		{"an item of a dashed list that names its own country and a trade word qualifying a terminal",
			"- صادرات ایران به تاجیکستان در سال ۱۴۰۳ به ۱۸۰ میلیون دلار رسید.\n- قرارداد ساخت پایانه صادراتی در بندر چابهار به ارزش ۶۰ میلیون دلار امضا شد.",
			[]string{"trade_value IR,TJ 1.8e+08 USD actual SH1403 = 2024-03-20..2025-03-20 -", "project IR 6e+07 USD - - -", "agreement IR - - signed - -"}},
		{"«X با N، Y با M و Z با K» buyers' list, Dari",
			"در شش ماه نخست سال ۱۴۰۴ پاکستان با ۵۸۰ میلیون دالر، هند با ۲۹۰ میلیون دالر و چین با ۷۰ میلیون دالر بزرگترین خریداران کالاهای افغانستان بوده\u200cاند.",
			[]string{"trade_value AF,PK 5.8e+08 USD actual SH1404-01..SH1404-06 = 2025-03-21..2025-09-22 -",
				"trade_value AF,IN 2.9e+08 USD actual SH1404-01..SH1404-06 = 2025-03-21..2025-09-22 -",
				"trade_value AF,CN 7e+07 USD actual SH1404-01..SH1404-06 = 2025-03-21..2025-09-22 -"}},
		{"\"Trade with X …, most of it …\": the unnamed subject is the article's trader",
			"China was Tajikistan's largest trading partner in 2024 with $1.9 billion. Trade with Afghanistan stood at $180 million, most of it Tajik electricity exports.",
			[]string{"trade_value CN,TJ 1.9e+09 USD actual 2024 -", "trade_value AF,TJ 1.8e+08 USD actual 2024 -"}},
		{"a ranking of buyers is the trader's; shipments to a country are from the trader",
			"Kazakh grain exports grew. Kazakhstan exported 8.1 million tonnes of grain in 2025. Uzbekistan remained the largest buyer with 3.2 million tonnes, followed by Afghanistan with 1.9 million tonnes. Shipments to Iran rose to 410,000 tonnes.",
			[]string{"tonnage KZ 8.1e+06 t actual 2025 -", "tonnage KZ,UZ 3.2e+06 t actual 2025 -", "tonnage AF,KZ 1.9e+06 t actual 2025 -", "tonnage IR,KZ 410000 t actual 2025 -"}},
		{"a figure beside the one before through another place («نیز», «سهم») keeps the countries the sentence before names by name",
			"در سال ۱۴۰۳ از گمرک دوغارون ۱.۷ میلیون تن کالا به افغانستان صادر شده است. گمرک میلک نیز در این مدت با صادرات ۴۲۰ هزار تن کالا در رتبه دوم قرار دارد. در سال ۱۴۰۳ حدود ۳۱۰ هزار تن کالای ترانزیتی افغانستان از طریق بندر چابهار انتقال یافته است. سهم بندر کراچی در این مدت به ۱۸۰ هزار تن کاهش یافته است.",
			[]string{"tonnage AF,IR 1.7e+06 t actual SH1403 = 2024-03-20..2025-03-20 -", "tonnage AF,IR 420000 t actual SH1403 = 2024-03-20..2025-03-20 -",
				"tonnage AF,IR 310000 t actual SH1403 = 2024-03-20..2025-03-20 -", "tonnage AF,PK 180000 t actual SH1403 = 2024-03-20..2025-03-20 -"}},
		{"a table drawn with bars and a rule line",
			"Kazakhstan's trade with its neighbours, January–September (USD million)\n\n| Partner | Jan–Sep 2025 | Jan–Sep 2024 |\n| --- | --- | --- |\n| Uzbekistan | 3,120.4 | 2,870.1 |\n| Tajikistan | 690.2 | 640.8 |",
			[]string{"trade_value KZ,UZ 3.1204e+09 USD actual 2025-01..2025-09 -", "trade_value KZ,UZ 2.8701e+09 USD actual 2024-01..2024-09 -",
				"trade_value KZ,TJ 6.902e+08 USD actual 2025-01..2025-09 -", "trade_value KZ,TJ 6.408e+08 USD actual 2024-01..2024-09 -"}},
		{"a respective list, Dari",
			"وزارت صنعت و تجارت افغانستان گفت صادرات افغانستان در سال ۱۴۰۳ به ۱.۸ میلیارد دالر رسید. در این سال ۹۸۰ ملیون دالر کالا به پاکستان صادر شده و صادرات به ازبیکستان و تاجیکستان به ترتیب ۹۵ ملیون و ۶۲ ملیون دالر بوده است.",
			[]string{"trade_value AF 1.8e+09 USD actual SH1403 = 2024-03-20..2025-03-20 -",
				"trade_value AF,PK 9.8e+08 USD actual SH1403 = 2024-03-20..2025-03-20 -",
				"trade_value AF,UZ 9.5e+07 USD actual SH1403 = 2024-03-20..2025-03-20 -",
				"trade_value AF,TJ 6.2e+07 USD actual SH1403 = 2024-03-20..2025-03-20 -"}},
		{"trade with a region is the trader's; a share names the other side",
			"Pakistan's exports to Afghanistan fell to $1.2 billion in 2024. Exports to the Central Asian republics, however, increased to $285 million in 2024, with Uzbekistan accounting for $148 million.",
			[]string{"trade_value AF,PK 1.2e+09 USD actual 2024 -", "trade_value PK 2.85e+08 USD actual 2024 -", "trade_value PK,UZ 1.48e+08 USD actual 2024 -"}},
		{"a ranking list: the head partner, then items in parentheses, with the article's trader",
			"Uzbekistan's trade with Central Asia grew in 2025. Kazakhstan remained the leading partner with $3.5 billion in 2025, followed by Kyrgyzstan ($1.2 billion) and Tajikistan ($760 million).",
			[]string{"trade_value KZ,UZ 3.5e+09 USD actual 2025 -", "trade_value KG,UZ 1.2e+09 USD actual 2025 -", "trade_value TJ,UZ 7.6e+08 USD actual 2025 -"}},
		{"a ranking «X با خرید N … و پس از آن Y با M»: each item with the trader the clause names",
			"در سال ۱۴۰۴ چین با خرید ۹ میلیارد دلار کالا نخستین مقصد صادراتی کالاهای ایرانی بود و پس از آن عراق با ۷ میلیارد دلار و ترکیه با ۳ میلیارد دلار در رتبه\u200cهای دوم و سوم قرار گرفتند.",
			[]string{"trade_value CN,IR 9e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value IQ,IR 7e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -",
				"trade_value IR,TR 3e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a ranking \"X remained the largest market at N, followed by Y (M)\" in the sentence after the trader's total",
			"Pakistan's exports to Kazakhstan and Uzbekistan rose to $412 million in fiscal year 2025-26. Uzbekistan remained the largest market at $198m, followed by Kazakhstan ($121m).",
			[]string{"trade_value KZ,PK,UZ 4.12e+08 USD actual 2025-07..2026-06 -", "trade_value PK,UZ 1.98e+08 USD actual 2025-07..2026-06 -", "trade_value KZ,PK 1.21e+08 USD actual 2025-07..2026-06 -"}},
		{"the trader named with a possessive, not a neighbour named after \"to\" nor a headline's adjective, owns a later ranking",
			"Exports to Central Asia rise as Afghan trade halves\n\nPakistan's exports to Uzbekistan rose to $198 million in 2025, while exports to neighbouring Afghanistan fell to $524 million. Kazakhstan remained the second market at $121 million, followed by Tajikistan ($46 million).",
			[]string{"trade_value PK,UZ 1.98e+08 USD actual 2025 -", "trade_value AF,PK 5.24e+08 USD actual 2025 -", "trade_value KZ,PK 1.21e+08 USD actual 2025 -", "trade_value PK,TJ 4.6e+07 USD actual 2025 -"}},
		{"\"the country's exports\" is the article's trader's total, not the country named last",
			"Pakistan's exports to Uzbekistan rose to $198 million in 2025. Pakistan's exports to Afghanistan fell to $524 million. Overall, the country's goods exports grew to $32.9bn in 2025.",
			[]string{"trade_value PK,UZ 1.98e+08 USD actual 2025 -", "trade_value AF,PK 5.24e+08 USD actual 2025 -", "trade_value PK 3.29e+10 USD actual 2025 -"}},
		{"a region as a partner is the members the article lists; figures of single members list none",
			"Pakistan's exports to the Central Asian republics rose to $412 million in 2025. Shipments went to Kazakhstan, Kyrgyzstan and Uzbekistan.",
			[]string{"trade_value KG,KZ,PK,UZ 4.12e+08 USD actual 2025 -"}},
		{"a place ranked with its tonnes after a freight sentence is freight, in the article's period",
			"Rail freight through Afghanistan's border posts reached 412,000 tonnes in October 2026.\n\nHairatan, on the border with Uzbekistan, remained the busiest post with 245,000 tonnes.",
			[]string{"tonnage AF 412000 t actual 2026-10 -", "tonnage AF,UZ 245000 t actual 2026-10 -"}},
		{"«صادرات ما» is the speaker's country's total; «این رقم» in the other clause is that figure a year before; a list of buyers after it goes on in the figure's year",
			"وزیر صنعت و تجارت افغانستان گفت: در سال ۱۴۰۴ صادرات ما به ۲ میلیارد و ۸۰ میلیون دالر رسید، در حالی که این رقم در سال ۱۴۰۳ یک میلیارد و ۸۶۰ میلیون دالر بود. پاکستان با ۶۱۰ میلیون دالر در صدر است. پس از آن هند با ۴۲۰ میلیون دالر و چین با ۹۵ میلیون دالر قرار دارند.",
			[]string{"trade_value AF 2.08e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value AF 1.86e+09 USD actual SH1403 = 2024-03-20..2025-03-20 -",
				"trade_value AF,PK 6.1e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value AF,IN 4.2e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -",
				"trade_value AF,CN 9.5e+07 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a list of customs offices with their figures breaks down the pair's trade just reported",
			"ارزش صادرات ایران به افغانستان در سال ۱۴۰۴ به ۳ میلیارد دلار رسید. گمرک دوغارون با یک میلیارد دلار همچنان بزرگ\u200cترین مبدأ است. پس از آن گمرک میلک با ۷۴۲ میلیون دلار و گمرک ماهیرود با ۳۹۸ میلیون دلار قرار دارند.",
			[]string{"trade_value AF,IR 3e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value AF,IR 1e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -",
				"trade_value AF,IR 7.42e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value AF,IR 3.98e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"countries passed through («via», «از طریق») and objects joined by \"and\" are no trader; the trader is the article's",
			"date 2026-10-21\nKARACHI: Pakistan's exports to Afghanistan fell to $61.4 million in the first quarter of FY2026-27.\n\nMeanwhile, exports to Central Asia continued to rise. Shipments to Uzbekistan increased by 23 percent to $27.5 million, while exports to Kazakhstan and Tajikistan stood at $21.1 million and $9.6 million, respectively, most of them moving under TIR carnets via Iran and Turkmenistan.",
			[]string{"trade_value AF,PK 6.14e+07 USD actual 2026-07..2026-09 -", "trade_value PK,UZ 2.75e+07 USD actual 2026-07..2026-09 23",
				"trade_value KZ,PK 2.11e+07 USD actual 2026-07..2026-09 -", "trade_value PK,TJ 9.6e+06 USD actual 2026-07..2026-09 -"}},
		{"a comparison in parentheses is the same series as the figure before it",
			"صادرات ایران به پاکستان در سال ۱۴۰۴ به ۹۸۰ میلیون دلار رسید (در مدت مشابه سال قبل یک میلیارد و ۱۴۰ میلیون دلار) و صادرات به ازبکستان به ۴۳۰ میلیون دلار رسید.",
			[]string{"trade_value IR,PK 9.8e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value IR,PK 1.14e+09 USD actual SH1403 = 2024-03-20..2025-03-20 -",
				"trade_value IR,UZ 4.3e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a headline's mark passed («از مرز ۲ میلیارد دالر گذشت») is the body's exact figure",
			"صادرات افغانستان در سال ۱۴۰۴ از مرز ۲ میلیارد دالر گذشت\n\nوزیر گفت: صادرات افغانستان در سال ۱۴۰۴ به ۲ میلیارد و ۸۰ میلیون دالر رسید.",
			[]string{"trade_value AF 2.08e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a country passed through is no side of a figure, English and Persian",
			"Kazakh mills shipped 612,000 tonnes of flour to Afghanistan in 2025, most of it by rail through Uzbekistan. در سال ۱۴۰۴ حدود ۵۰۰ هزار تن گندم از قزاقستان از طریق ترکمنستان به ایران صادر شد.",
			[]string{"tonnage AF,KZ 612000 t actual 2025 -", "tonnage IR,KZ 500000 t actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"«هدف ما رسیدن … به X در سال Y است» is a target in year Y, the infinitive no level reached",
			"رئیس اتاق بازرگانی گفت: هدف ما رسیدن صادرات ایران به افغانستان به ۵ میلیارد دلار در سال ۱۴۰۵ است.",
			[]string{"trade_value AF,IR 5e+09 USD target SH1405 = 2026-03-21..2027-03-20 -"}},
		{"a region after the figure is its partner too, with the members the article lists",
			"Pakistan's exports to Kazakhstan, Tajikistan and Uzbekistan rose to $412 million in 2025. The ministry has set a target of $1 billion for exports to Central Asia by 2028.",
			[]string{"trade_value KZ,PK,TJ,UZ 4.12e+08 USD actual 2025 -", "trade_value KZ,PK,TJ,UZ 1e+09 USD target 2028 -"}},
		{"\"from the region\" refers back to the region named before",
			"Pakistan's exports to Kazakhstan, Tajikistan and Uzbekistan rose to $412 million in 2025. Exports to Central Asia grew. Imports from the region rose to $236m from $203m a year earlier.",
			[]string{"trade_value KZ,PK,TJ,UZ 4.12e+08 USD actual 2025 -", "trade_value KZ,PK,TJ,UZ 2.36e+08 USD actual 2025 -", "trade_value KZ,PK,TJ,UZ 2.03e+08 USD actual 2024 -"}},
		{"«بیشتر آن به پاکستان»: the country after a share is the share's",
			"صادرات افغانستان در سال ۱۴۰۳ به ۴۵۰ ملیون دالر رسیده که بیشتر آن به پاکستان صادر شده است.",
			[]string{"trade_value AF 4.5e+08 USD actual SH1403 = 2024-03-20..2025-03-20 -"}},
		{"two figures joined by «was» are not a list",
			"Pakistan's trade with Afghanistan was $1.5 billion in FY2023-24 and Iran's trade with Iraq was $10 billion in 2023.",
			[]string{"trade_value AF,PK 1.5e+09 USD actual 2023-07..2024-06 -", "trade_value IQ,IR 1e+10 USD actual 2023 -"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractBrief(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("facts of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzRegister checks the article register on any text: the projects it
// registers (named by the text, to be built, referred back to) sit on an
// infrastructure word of the text, a border post's linked country is
// another country than the post's own, a line's ends and a referred port
// give country codes, and extracting twice gives the same facts.
func FuzzRegister(f *testing.F) {
	f.Add("date 2025-11-25\nPESHAWAR: The Azakhel dry port near Nowshera, which Pakistan built at a cost of $18 million, will start operations in December. The port will handle 1.2 million tonnes a year.")
	f.Add("Tajikistan and Afghanistan have agreed to build a transmission line from Sangtuda to Puli Khumri. The line will be 300 km long. The hub, which cost $85 million, opened.")
	f.Add("ترانزیت ریلی کالا از مرز سرخس با ترکمنستان به ۱.۲ میلیون تن رسید. ظرفیت پایانه ریلی سرخس ۵ میلیون تن در سال است. پروژه دوخطه کردن راه آهن مشهد – سرخس ۶۵ درصد پیشرفت دارد.")
	f.Add("ایران و افغانستان توافق کردند یک پایانه مرزی جدید در دوغارون احداث کنند. ظرفیت بندر چابهار ۸ میلیون تن است. ۲ میلیون تن کالا در این بندر تخلیه شد.")
	f.Add("date 2026-11-24\nKazakhstan's trade with Afghanistan reached $498.6 million in January–October 2026. Turnover with Iran fell to $301.7 million over the ten months. Grain shipments reached 640,000 tonnes over nine months.")
	f.Add("در هشت ماهه نخست سال ۱۴۰۵ تجارت ایران به ۷۴ میلیارد دلار رسید.\n\nچین با ۹ میلیارد دلار و عراق با ۷ میلیارد دلار در رتبه\u200cهای اول و دوم بودند. در شش ماه نخست صادرات ۳ میلیارد دلار بود.")
	x := NewExtractor(nil)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("f", s)
		if err != nil || CheckText(a.Text) != nil {
			return
		}
		d := x.newDoc(a)
		for _, se := range d.sents {
			// The article's current period is a span stated before the
			// sentence; a yearless partial year resolves to a span.
			if p := d.articlePeriod(se); p != nil && (p.Day || p.End.Before(p.Start) || p.Label == "") {
				t.Fatalf("current period %+v", p)
			}
			if p := d.yearlessPeriod(se, span{se.a, se.b}); p != nil && (p.End.Before(p.Start) || p.Label == "") {
				t.Fatalf("yearless period %+v", p)
			}
		}
		for _, se := range d.sents {
			d.textNamedInfra(se)
			for _, c := range d.clauses(se) {
				d.buildIntro(se, c)
				for _, cc := range d.referredPlace(se, c) {
					if len(cc) != 2 {
						t.Fatalf("referred place country %q", cc)
					}
				}
			}
		}
		for _, u := range d.unnamed {
			if u.id == "unnamed:sheet" {
				continue // a data sheet's project is its headline's
			}
			if u.tok < 0 || u.tok >= len(d.toks) || !d.hasCue(u.tok, u.tok+1, CueInfra) {
				t.Fatalf("unnamed project %+v not on an infrastructure word", u)
			}
			if x := d.lineEndsIn(u.tok); x != "" && len(x) != 2 {
				t.Fatalf("line ends in %q", x)
			}
		}
		for _, m := range d.ents {
			if m.Entry.Class.Has(ClassPlace) && m.Entry.ID != "" {
				if x := d.postLink(m.Entry.ID); x != "" && (x == m.Entry.Code || len(x) != 2) {
					t.Fatalf("post %s of %s linked to %q", m.Entry.ID, m.Entry.Code, x)
				}
			}
		}
		f1, err1 := x.Extract(context.Background(), a)
		f2, err2 := x.Extract(context.Background(), a)
		if (err1 == nil) != (err2 == nil) || len(f1) != len(f2) {
			t.Fatalf("two extractions differ: %d facts (%v), %d facts (%v)", len(f1), err1, len(f2), err2)
		}
		for k := range f1 {
			if brief(f1[k]) != brief(f2[k]) {
				t.Fatalf("two extractions differ: %s, %s", brief(f1[k]), brief(f2[k]))
			}
		}
	})
}

// TestPostLinkBorderPair holds postLink to a post the text puts on a
// border named by its two sides: the country across is the side that is
// not the post's.
func TestPostLinkBorderPair(t *testing.T) {
	x := NewExtractor(nil)
	for _, tt := range []struct{ name, text, id, want string }{
		{"English, the sides joined by a dash", "Traffic through the Torkham crossing on the Pakistan-Afghanistan border resumed.", "af-torkham", "PK"},
		{"Persian, the sides joined by «و»", "تردد از گذرگاه تورخم در مرز افغانستان و پاکستان از سر گرفته شد.", "af-torkham", "PK"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := x.newDoc(Article{ID: "t", Text: tt.text})
			if got := d.postLink(tt.id); got != tt.want {
				t.Errorf("postLink(%s) = %q, want %q", tt.id, got, tt.want)
			}
		})
	}
}
