package extract

import (
	"context"
	"testing"
)

// TestPeriodRules holds each rule of periodRules to a named case: the
// figure's period and the rule that gave it.
func TestPeriodRules(t *testing.T) {
	x := NewExtractor(nil)
	for _, tt := range []struct {
		rule, text string
		value      float64
		want       string
	}{
		{"same span of a compared year", "Pakistan's exports to Afghanistan fell to $61.4 million in the first quarter (July-September) of the current fiscal year 2026-27, compared with $216.3 million in the same period of FY26.", 216.3e6, "2025-07..2025-09"},
		{"same span of a compared year", "صادرات ایران به ترکمنستان در شش ماه نخست سال ۱۴۰۴ به ۵۰۰ میلیون دلار در مقایسه با ۴۲۰ میلیون دلار در مدت مشابه سال ۱۴۰۳ رسید.", 420e6, "SH1403-01..SH1403-06 = 2024-03-20..2024-09-21"},
		{"the figure a year earlier", "در هشت ماهه نخست سال ۱۴۰۵ در مجموع ۴ میلیون تن کالای ترانزیتی از طریق مرزهای ریلی شرقی کشور جابه\u200cجا شد. این رقم در مدت مشابه سال گذشته ۳ میلیون و ۷۳۰ هزار تن بود.", 3.73e6, "SH1404-01..SH1404-08 = 2025-03-21..2025-11-21"},
		{"the figure a year earlier", "Rail freight between Kazakhstan and Uzbekistan reached 4.1 million tonnes in January–October 2026. This figure stood at 3.2 million tonnes in the same period last year.", 3.2e6, "2025-01..2025-10"},
		{"the figure a year earlier", "date 2026-12-05\nPakistan's exports to Afghanistan fell to $281 million in July–October 2026. Exports to Afghanistan had stood at $453 million in the same period of last year.", 453e6, "2025-07..2025-10"},
		{"the figure a year earlier", "date 2026-12-05\nPakistan's exports to Afghanistan fell to $281 million in July–October 2026. Exports to Afghanistan had stood at $453 million in the same period of the last fiscal year.", 453e6, "2025-07..2025-10"},
		{"the figure a year earlier", "از آغاز سال ۱۴۰۵ تا پایان میزان، ۲۳۴۰ تن کالا از دهلیز هوایی کابل–تاشکند به ازبکستان صادر شده است. در مدت مشابه سال گذشته یک هزار و ۶۲۰ تن کالا از این دهلیز صادر شده بود.", 1620, "SH1404-01..SH1404-07 = 2025-03-21..2025-10-22"},
		{"the figure a year earlier", "Afghanistan exported 2,340 tonnes of goods to Uzbekistan by air in January–October 2026. In the same months last year, air exports of goods to Uzbekistan totalled 1,620 tonnes.", 1620, "2025-01..2025-10"},
		{"same span of a compared year", "در هشت ماهه نخست سال ۱۴۰۵ حدود ۴۶۵ هزار تن کالای ترانزیتی از چابهار به مقصد افغانستان حمل شد که در مقایسه با ۳۱۰ هزار تن در مدت مشابه سال قبل ۵۰ درصد افزایش نشان می\u200cدهد.", 3.1e5, "SH1404-01..SH1404-08 = 2025-03-21..2025-11-21"},
		{"clause", "صادرات ایران به عراق در سال ۱۴۰۲ به ۸ میلیارد دلار رسید.", 8e9, "SH1402 = 2023-03-21..2024-03-19"},
		{"continued breakdown", "Uzbekistan's foreign trade turnover reached $61.8 billion in January–October 2026. In October alone, trade amounted to $6.9 billion. China kept its place as the country's largest trading partner with $12.9 billion. Russia was second at $10.6 billion and Kazakhstan third at $4.3 billion.", 10.6e9, "2026-01..2026-10"},
		{"compared period before its figure", "در هشت ماه نخست سال ۱۴۰۵ (حمل تا عقرب) میوه تازه به ارزش ۵۴۰ میلیون دالر از کشور صادر شده است. این رقم نسبت به مدت مشابه سال ۱۴۰۴ که ۴۶۰ میلیون دالر بود، ۱۷ درصد افزایش نشان می\u200cدهد.", 460e6, "SH1404-01..SH1404-08 = 2025-03-21..2025-11-21"},
		{"compared period before its figure", "تجارت ایران با آسیای مرکزی در هشت ماه نخست ۱۴۰۵ به یک میلیارد و ۹۴۰ میلیون دلار رسید که در مقایسه با هشت ماه نخست ۱۴۰۴ که یک میلیارد و ۷۴۸ میلیون دلار بود، ۱۱ درصد بیشتر است.", 1.748e9, "SH1404-01..SH1404-08 = 2025-03-21..2025-11-21"},

		{"sentence", "In 2024, Kazakhstan's exports to Uzbekistan grew; trade between them reached $4.1 billion.", 4.1e9, "2024"},
		{"list intro", "حجم تجارت افغانستان با کشورهای همسایه در سال ۱۴۰۳ به شرح زیر است:\nپاکستان: ۱.۲ میلیارد دالر\nایران: ۹۰۰ ملیون دالر", 1.2e9, "SH1403 = 2024-03-20..2025-03-20"},
		{"year before a baseline", "Pakistan's exports to Afghanistan fell to $1.03 billion in FY2024-25 from $1.36 billion a year earlier.", 1.36e9, "2023-07..2024-06"},
		{"article's current period", "Pakistan's exports to Uzbekistan rose to $198 million in fiscal year 2025-26.\n\nExports to Afghanistan plunged 57pc to $524m from $1.22 billion in FY25.", 524e6, "2025-07..2026-06"},
		{"clause", "Pakistan's exports to Uzbekistan rose to $198 million in fiscal year 2025-26.\n\nExports to Afghanistan plunged 57pc to $524m from $1.22 billion in FY25.", 1.22e9, "2024-07..2025-06"},
		{"year before a baseline", "Pakistan's imports from Afghanistan fell to $298m in fiscal year 2025-26 from $612m.", 612e6, "2024-07..2025-06"},
		{"comparison in parentheses", "Trade between Kazakhstan and Turkmenistan reached $412 million in January–October 2025 ($365 million in the same months of last year).", 365e6, "2024-01..2024-10"},
		{"comparison in parentheses", "صادرات ایران به پاکستان در سال ۱۴۰۴ به ۹۸۰ میلیون دلار رسید (در مدت مشابه سال قبل یک میلیارد و ۱۴۰ میلیون دلار).", 1.14e9, "SH1403 = 2024-03-20..2025-03-20"},
		{"comparison in parentheses", "Kazakhstan's trade turnover with Afghanistan reached $498.6 million in January–October 2026, up 18.4 percent from a year earlier ($421.1 million).", 421.1e6, "2025-01..2025-10"},
		{"comparison in parentheses", "In January–October 2026, 1.36 million tonnes of cargo passed through the Oybek crossing between Uzbekistan and Tajikistan, 8.7 percent more than in the same period of 2025 (1.25 million tonnes).", 1.25e6, "2025-01..2025-10"},

		{"comparison in parentheses", "ارزش صادرات ایران به افغانستان در سال ۱۴۰۴ به ۳ میلیارد و ۴۱۲ میلیون دلار رسید که در مقایسه با سال ۱۴۰۳ (۳ میلیارد و ۱۵۶ میلیون دلار) افزایش نشان می\u200cدهد.", 3.156e9, "SH1403 = 2024-03-20..2025-03-20"},
		{"same period", "در سال ۱۴۰۳ صادرات افغانستان به ۱.۸ میلیارد دالر رسید. در همین مدت واردات از ایران ۲.۴ میلیارد دالر بود.", 2.4e9, "SH1403 = 2024-03-20..2025-03-20"},
		{"same period", "Turkmenistan exported electricity worth $135 million to Afghanistan in 2024, up from $118 million in 2023. Turkmen gas exports to China brought in $8.9 billion over the same year.", 8.9e9, "2024"},
		{"bulleted list under a title", "اینفوگرافیک | ترانزیت ریلی از مرز سرخس در چهار ماه نخست ۱۴۰۴\n\n🔹 ترانزیت ریلی کالا از مرز سرخس با ترکمنستان: ۱.۲ میلیون تن\n🔹 ظرفیت فعلی پایانه ریلی سرخس: ۵ میلیون تن در سال", 1.2e6, "SH1404-01..SH1404-04 = 2025-03-21..2025-07-22"},
		// A ranking after a line that gives last year's figure to compare
		// with goes on in the lead's period, not in that year.
		{"article's current period", "در ۹ ماه نخست امسال (فروردین تا آذر ۱۴۰۵) سه میلیون و ۴۲۰ هزار تن کالا از گمرکات سیستان و بلوچستان صادر شد.\n\nصادرات استان در ۹ ماه نخست سال ۱۴۰۴ سه میلیون و ۵۴ هزار تن بود.\n\nگمرک میلک با یک میلیون و ۲۶۰ هزار تن بیشترین سهم را در صادرات استان داشت و پس از آن گمرک میرجاوه با ۸۹۰ هزار تن قرار دارد.", 8.9e5, "SH1405-01..SH1405-09 = 2026-03-21..2026-12-21"},
		{"year to date", "The port of Kuryk in Kazakhstan handled 612,400 tonnes of cargo in November 2026. Since the start of the year the port has handled 5.7 million tonnes of cargo.", 5.7e6, "2026-01..2026-11"},
		{"year to date", "در آذرماه ۱۴۰۵ حدود ۸۰ هزار تن کالا از مرز سرخس به ترکمنستان صادر شد. از ابتدای سال جاری تاکنون ۶۱۰ هزار تن کالا از این مرز صادر شده است.", 6.1e5, "SH1405-01..SH1405-09 = 2026-03-21..2026-12-21"},
		{"continued breakdown", "Trade between Kazakhstan and Iran reached $300 million in January-September 2025. Kazakh exports to Iran totaled $201.4 million.", 201.4e6, "2025-01..2025-09"},
		{"continued breakdown", "Rail freight between Iran and Kazakhstan rose 30 percent to 1.4 million tonnes in the first nine months of 2025. Of this, 900,000 tonnes were Kazakh grain shipped to Iran.", 9e5, "2025-01..2025-09"},
		// The article's current period: stated in the lead, it reaches
		// later figures that state none, in three languages, until a
		// sentence states another.
		{"article's current period", "در هشت ماهه نخست سال ۱۴۰۵ تجارت ایران با سایر کشورها به ۷۴ میلیارد دلار رسید.\n\nمیانگین ارزش هر تن کالا ۳۹۶ دلار بود.\n\nچین با خرید ۹ میلیارد دلار کالا نخستین مقصد صادراتی کالاهای ایرانی بود.", 9e9, "SH1405-01..SH1405-08 = 2026-03-21..2026-11-21"},
		{"article's current period", "Kazakhstan's trade with Afghanistan reached $498.6 million in January–October 2026.\n\nTrade with Iran moved the other way. Analysts expect more flour to go south.\n\nTurnover with Iran fell 6.2 percent to $301.7 million.", 301.7e6, "2026-01..2026-10"},
		{"article's current period", "صادرات افغانستان به پاکستان در سال ۱۴۰۴ به ۶۱۰ میلیون دالر رسید.\n\nهند دومین خریدار کالاهای افغانستان است.\n\nاین ارقام را وزارت صنعت منتشر کرد.\n\nصادرات به هند ۴۲۰ میلیون دالر بود.", 420e6, "SH1404 = 2025-03-21..2026-03-20"},
		{"article's current period", "Trade between Kazakhstan and Iran reached $300 million in 2025.\n\nTurnover with Pakistan was $41 million in 2024.\n\nThe bureau published the figures on Monday.\n\nExports to Pakistan made up $30 million.", 30e6, "2024"},
		{"article's current period", "Trade between Kazakhstan and Iran reached $300 million in January–September 2025.\n\nGrain shipments to Iran reached 640,000 tonnes over nine months.", 64e4, "2025-01..2025-09"},
		{"article's current period", "Pakistan's exports to Kazakhstan rose to $121 million in fiscal year 2025-26.\n\nShipments to Kazakhstan had stood at $98 million in FY25.\n\nTraders expect more.\n\nImports from Kazakhstan rose to $40 million.", 40e6, "2025-07..2026-06"},
		// A period in parentheses with a figure of its own is that
		// figure's, a comparison: neither the figure before it nor the
		// article's next figures take it.
		{"article's current period", "Turkmenistan's trade with Uzbekistan in January–June 2026 grew 9 percent.\n\nTrade with Kazakhstan reached $88.1 million, up 12 percent ($78.6 million in January–June 2025).", 88.1e6, "2026-01..2026-06"},
		{"article's current period", "Turkmenistan's trade with Uzbekistan in January–June 2026 grew 9 percent.\n\nTrade with Kazakhstan reached $88.1 million, up 12 percent ($78.6 million in January–June 2025). Turkmen exports to Kazakhstan came to $50.2 million.", 50.2e6, "2026-01..2026-06"},
		{"article's current period", "تجارت ایران با ارمنستان در سال ۱۴۰۴ رشد کرد.\n\nتجارت با ترکمنستان به ۸۰۰ میلیون دلار رسید (۷۰۰ میلیون دلار در سال ۱۴۰۳).\n\nصادرات به ترکمنستان ۵۰۰ میلیون دلار بود.", 500e6, "SH1404 = 2025-03-21..2026-03-20"},
		// A figure followed by its own month takes that month, not the
		// month after the figure before it; a month inside the article's
		// span leaves the span current; "the same period" after a figure
		// that stated none is the article's current period.
		{"clause", "date 2026-06-10\nWheat exports from Kazakhstan to Uzbekistan reached 410,000 tonnes in January–May 2026.\n\nShipments peaked in May at 95,000 tonnes, after 88,000 tonnes in April and 81,500 tonnes in March.", 81.5e3, "2026-03"},
		{"article's current period", "date 2026-06-10\nWheat exports from Kazakhstan to Uzbekistan reached 410,000 tonnes in January–May 2026.\n\nShipments peaked in May at 95,000 tonnes, after 88,000 tonnes in April.\n\nIn value terms, wheat exports to Uzbekistan brought in $98.2 million.", 98.2e6, "2026-01..2026-05"},
		{"same period", "date 2026-06-10\nWheat exports from Kazakhstan to Uzbekistan reached 410,000 tonnes in January–May 2026.\n\nShipments peaked in May at 95,000 tonnes, after 88,000 tonnes in April.\n\nIn value terms, wheat exports to Uzbekistan brought in $98.2 million. Barley exports to Uzbekistan reached 61,000 tonnes in the same period.", 61e3, "2026-01..2026-05"},
		{"same period", "صادرات ایران به ارمنستان در سال ۱۴۰۴ به ۴۰۰ میلیون دلار رسید.\n\nارزش صادرات فرآورده\u200cهای نفتی به ارمنستان ۱۲۰ میلیون دلار بود. در همین مدت واردات از ارمنستان ۹۰ میلیون دلار بود.", 90e6, "SH1404 = 2025-03-21..2026-03-20"},
		// "The same period last year (figure)": the figure in
		// parentheses is the same span a year before, not the whole of
		// last year.
		{"comparison in parentheses", "date 2026-11-25\nصادرات ایران به ارمنستان در پنج ماه نخست سال ۱۴۰۵ به ۱۸۰ میلیون دلار رسید که نسبت به مدت مشابه سال گذشته (۱۵۰ میلیون دلار) ۲۰ درصد رشد نشان می\u200cدهد.", 150e6, "SH1404-01..SH1404-05 = 2025-03-21..2025-08-22"},
		{"comparison in parentheses", "date 2026-12-06\nتجارت افغانستان و ازبکستان در پنج ماه نخست سال ۱۴۰۵ به ۴۰۰ میلیون دالر رسید که نسبت به مدت مشابه سال گذشته (۳۵۰ میلیون دالر) بیشتر است.", 350e6, "SH1404-01..SH1404-05 = 2025-03-21..2025-08-22"},
		{"comparison in parentheses", "date 2026-11-25\nTrade between Turkmenistan and Armenia reached $90 million in January–May 2026, up from the same period last year ($70 million).", 70e6, "2025-01..2025-05"},
		// A split year written alone is the fiscal year the article
		// counts in.
		{"clause", "Pakistan's exports to Uzbekistan rose to $198 million in fiscal year 2025-26.\n\nThe ministry set a target of $500 million for exports to Uzbekistan by 2027-28.", 500e6, "2027-07..2028-06"},
		// The date of a project's event before the figure is the
		// event's, not the figure's.
		{"article's current period", "Rail freight between Kazakhstan and Turkmenistan reached 2.1 million tonnes in January–September 2026.\n\nThe Serhetyaka terminal, opened in May 2023 on the border with Kazakhstan, handled 640,000 tonnes of cargo, up 12 percent.", 64e4, "2026-01..2026-09"},
		{"clause", "The Serhetyaka terminal, opened in May 2023 on the border with Kazakhstan, handled 640,000 tonnes of cargo in 2025.", 64e4, "2025"},
		// A narrower span written in its fiscal year is the article's
		// period; a whole span that ended before it looks back; a
		// partial fiscal year written without its year is in the current
		// period's fiscal year; a bare figure in parentheses after a
		// change is the figure a year earlier.
		{"continued breakdown", "Pakistan's exports to Uzbekistan rose to $90 million in July-October of the current fiscal year 2026-27.\n\nImports from Uzbekistan rose to $40 million.", 40e6, "2026-07..2026-10"},
		{"continued breakdown", "صادرات ایران به ارمنستان در فروردین تا مهر سال ۱۴۰۵ به ۲۰۰ میلیون دلار رسید.\n\nواردات از ارمنستان ۸۰ میلیون دلار بود.", 80e6, "SH1405-01..SH1405-07 = 2026-03-21..2026-10-22"},
		{"clause", "Pakistan's exports to Uzbekistan rose to $90 million in July-October of the current fiscal year 2026-27.\n\nFor the whole of FY2025-26, exports to Uzbekistan had stood at $215m.", 215e6, "2025-07..2026-06"},
		{"continued breakdown", "Pakistan's exports to Uzbekistan rose to $90 million in July-October of the current fiscal year 2026-27.\n\nFor the whole of FY2025-26, exports to Uzbekistan had stood at $215m.\n\nImports from Uzbekistan rose to $40 million.", 40e6, "2026-07..2026-10"},
		{"clause", "صادرات ایران به ارمنستان در شش ماه نخست سال ۱۴۰۵ به ۲۰۰ میلیون دلار رسید.\n\nدر کل سال ۱۴۰۴ صادرات به ارمنستان ۳۵۰ میلیون دلار بود.", 350e6, "SH1404 = 2025-03-21..2026-03-20"},
		{"continued breakdown", "صادرات ایران به ارمنستان در شش ماه نخست سال ۱۴۰۵ به ۲۰۰ میلیون دلار رسید.\n\nدر کل سال ۱۴۰۴ صادرات به ارمنستان ۳۵۰ میلیون دلار بود.\n\nواردات از ارمنستان ۸۰ میلیون دلار بود.", 80e6, "SH1405-01..SH1405-06 = 2026-03-21..2026-09-22"},
		{"comparison in parentheses", "Freight through the Bolashak station with Turkmenistan amounted to 1.92 million tonnes in January-November 2026 (1.74 million tonnes in the whole of 2025).", 1.74e6, "2025"},
		{"clause", "Freight through the Bolashak station with Turkmenistan amounted to 1.92 million tonnes in January-November 2026 (1.74 million tonnes in the whole of 2025).", 1.92e6, "2026-01..2026-11"},
		{"article's current period", "Pakistan's exports to Uzbekistan rose to $90 million in July-October of the current fiscal year 2026-27.\n\nExports to Kazakhstan rose 27pc to $74.6m in the first four months of the fiscal year.", 74.6e6, "2026-07..2026-10"},
		{"comparison in parentheses", "Pakistan's exports to Afghanistan fell to $198 million in July-October of the current fiscal year 2026-27.\n\nImports from Afghanistan dropped to $61m ($142m).", 142e6, "2025-07..2025-10"},
		{"comparison in parentheses", "صادرات ایران به ارمنستان در شش ماه نخست سال ۱۴۰۵ به ۲۰۰ میلیون دلار رسید.\n\nواردات از ارمنستان به ۶۰ میلیون دلار (۸۵ میلیون دلار) کاهش یافت.", 85e6, "SH1404-01..SH1404-06 = 2025-03-21..2025-09-22"},
		// A Solar month that is no other word, after «در», is the last
		// such month up to the article's date.
		{"clause", "date 2026-11-29\nصادرات ایران به ترکمنستان در آبان به ۴۰۰ هزار تن رسید.", 4e5, "SH1405-08 = 2026-10-23..2026-11-21"},
		// "That year" is the whole year written last before it.
		{"clause", "Kazakhstan and Afghanistan, which agreed in 2023 to raise their trade to $3 billion, managed about $550 million that year.", 550e6, "2023"},
		{"clause", "صادرات ایران به ارمنستان در سال ۱۴۰۲ افزایش یافت؛ حجم تجارت دو کشور در همان سال ۷۰۰ میلیون دلار بود.", 700e6, "SH1402 = 2023-03-21..2024-03-19"},
		// "By the end of the year" beside Gregorian months is this year.
		{"clause", "date 2026-11-20\nKazakhstan exported 1.42 million tons of wheat flour in January–October 2026. The ministry expects total flour exports to reach 1.7 million tons by the end of the year.", 1.7e6, "2026"},
		{"", "A total of 1,050 freight trains passed through Khorgos in the first ten months of this year.\n\nTrade between China and Kazakhstan totaled $35.2 billion in the first nine months.", 35.2e9, ""},
		{"", "Trade between Kazakhstan and Iran reached $300 million in 2025.\n\nThe two sides set a target of $1 billion.", 1e9, ""},
		{"", "Rail freight between Iran and Afghanistan reached 1.4 million tonnes in 2024. Some 150,000 tonnes of fuel a month on average go from Iran to Afghanistan.", 1.5e5, ""},
		{"", "حجم ترانزیت کالا از مسیر ایران و قزاقستان در سال ۲۰۲۴ به ۱.۱ میلیون تن رسید. در این مدت ترانزیت ۱.۱ میلیون تن بود و هدف\u200cگذاری شده است این رقم به ۳ میلیون تن برسد.", 3e6, ""},
	} {
		name := tt.rule
		if name == "" {
			name = "no rule"
		}
		t.Run(name, func(t *testing.T) {
			a, err := ParseArticle("p", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			d := x.newDoc(a)
			var got *candidate
			for _, s := range d.sents {
				for _, c := range d.tradeFacts(s) {
					if c.Value != nil && *c.Value > tt.value*0.999 && *c.Value < tt.value*1.001 {
						got = &c
					}
				}
			}
			if got == nil {
				fs, _ := x.Extract(context.Background(), a)
				t.Fatalf("no figure %g in %q (facts %v)", tt.value, tt.text, fs)
			}
			if str(got.Period) != tt.want || got.periodBy != tt.rule {
				t.Errorf("period = %q by rule %q, want %q by %q", str(got.Period), got.periodBy, tt.want, tt.rule)
			}
		})
	}
}
