package extract

import (
	"slices"
	"testing"
)

// TestDisruptionRules holds each row of CueDisruption and each condition
// of disruptionFacts to a named sentence.
func TestDisruptionRules(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"closed, Persian passive", "گذرگاه تورخم میان افغانستان و پاکستان بسته شد.",
			[]string{"disruption AF,PK - - closed - -"}},
		{"a crossing the gazetteer does not know, named by its far side, is the outlet's country's on this side, Persian",
			"date 2026-12-14\nسنندج- ایرنا- مرز رسمی باشماق مریوان با اقلیم کردستان عراق از روز شنبه به دلیل اعتراض کامیون\u200cداران بسته شد.",
			[]string{"disruption IQ,IR - - closed - -"}},
		{"a closure with its own day before a reopening is a closure too, Dari",
			"date 2026-12-05\nگذرگاه مرزی آقینه در مرز ترکمنستان روز جمعه به دلیل برف\u200cباری بسته بود و امروز دوباره به روی موترهای باربری باز شد.",
			[]string{"disruption AF,TM - - closed - -", "disruption AF,TM - - reopened - -"}},
		{"a closure with its own day before a reopening is a closure too, English",
			"date 2026-12-05\nKABUL: The Salang pass, which had been closed on Thursday after an avalanche, reopened to traffic on Saturday.",
			[]string{"disruption AF - - closed - -", "disruption AF - - reopened - -"}},
		{"a closure since a time before a reopening is the reopening's background",
			"گذرگاه سپین بولدک-چمن که از هفته گذشته میان افغانستان و پاکستان بسته بود، امروز بازگشایی شد.",
			[]string{"disruption AF,PK - - reopened - -"}},
		{"crossings no name gives, closed as the background of trade turning to another route, are no closure",
			"He added that the closure of the Pakistani border crossings had pushed Afghan traders to the port of Chabahar.",
			[]string{}},
		{"crossings no name gives, closed as the background of trade turning to another route, are no closure, Dari",
			"به گفتهٔ او، با بسته بودن راه\u200cهای پاکستان، تاجران افغان بیشتر از بندر ترکمن\u200cباشی استفاده می\u200cکنند.",
			[]string{}},
		{"crossings no name gives, closed as the cause of a fall in the pair's trade, are a closure",
			"مقام\u200cها می\u200cگویند تجارت افغانستان و پاکستان به دلیل بسته ماندن گذرگاه\u200cها ۴۰ درصد کاهش یافته است.",
			[]string{"disruption AF,PK - - closed - -", "trade_value AF,PK - - actual - -40"}},
		{"a highway inside one country is that country's alone, Dari", "کابل: شاهراه سالنگ پس از ریزش برفکوچ به روی رفت\u200cوآمد بسته شد. تاجران افغان با ازبکستان منتظر ماندند.",
			[]string{"disruption AF - - closed - -"}},
		{"a pass inside one country is that country's alone, English", "KABUL: The Salang pass reopened to traffic on Saturday. Afghan traders with Uzbekistan had waited for days.",
			[]string{"disruption AF - - reopened - -"}},
		{"a tunnel the clause names two countries of keeps them", "The Anzob tunnel between Tajikistan and Uzbekistan was closed for repairs.",
			[]string{"disruption TJ,UZ - - closed - -"}},
		{"a crossing that \"resumed operations\" is reopened",
			"The Islam Qala border crossing between Afghanistan and Iran resumed operations on Monday after a three-day halt.",
			[]string{"disruption AF,IR - - reopened - -"}},
		{"an English list of crossings before the crossing word: each is closed; trade through a post linked by \"between\" has both sides",
			"The Torkham and Chaman border crossings between Pakistan and Afghanistan remained closed on Tuesday. Daily trade through Torkham averages $4 million.",
			[]string{"disruption AF,PK - - closed - -", "disruption AF,PK - - closed - -", "trade_value AF,PK 4e+06 USD actual - -"}},
		{"closed, Persian active «مسدود کرد»", "پاکستان گذرگاه\u200cهای تورخم و سپین بولدک را برای ۲۰ روز مسدود کرد.",
			[]string{"disruption AF,PK - - closed - -", "disruption AF,PK - - closed - -"}},
		{"a place named only after a crossing word is one as a later item of the list", "صادرات به دلیل بسته شدن پی\u200cدرپی گذرگاه\u200cهای تورخم و چمن کاهش یافت.",
			[]string{"disruption AF,PK - - closed - -", "disruption AF,PK - - closed - -"}},
		{"closed, English", "The Dogharoun crossing on the Iran–Afghanistan border was closed for two days.",
			[]string{"disruption AF,IR - - closed - -"}},
		{"a closure noun", "The closure of the Torkham crossing between Afghanistan and Pakistan cost traders dearly.",
			[]string{"disruption AF,PK - - closed - -"}},
		{"a closure since a month of a written year takes that month, English",
			"The Torkham and Chaman crossings between Afghanistan and Pakistan have remained closed since October 2025.",
			[]string{"disruption AF,PK - - closed 2025-10 -", "disruption AF,PK - - closed 2025-10 -"}},
		{"a closure since a month of a written year takes that month, Dari",
			"گذرگاه تورخم میان افغانستان و پاکستان از میزان ۱۴۰۴ به روی تجارت بسته است.",
			[]string{"disruption AF,PK - - closed SH1404-07 = 2025-09-23..2025-10-22 -"}},
		{"the closure of a crossing in a month of a written year takes that month",
			"Before the closure of Torkham in October 2025, most trade between Afghanistan and Pakistan went through it.",
			[]string{"disruption AF,PK - - closed 2025-10 -"}},
		{"the closure of a crossing in a month of a written year takes that month, Dari",
			"واردات آرد از پاکستان پس از بسته شدن گذرگاه تورخم در ماه میزان ۱۴۰۴ کاهش یافت.",
			[]string{"disruption AF,PK - - closed SH1404-07 = 2025-09-23..2025-10-22 -"}},
		{"a closure since a solar month of the last year takes no period (the year is left open)",
			"date 2026-11-30\nگذرگاه تورخم میان افغانستان و پاکستان از میزان سال گذشته بسته است.",
			[]string{"disruption AF,PK - - closed - -"}},
		{"reopened, Persian", "گذرگاه تورخم میان افغانستان و پاکستان پس از ۲۵ روز بازگشایی شد.",
			[]string{"disruption AF,PK - - reopened - -"}},
		{"reopened after a closure is a reopening", "The Torkham crossing between Afghanistan and Pakistan reopened after a 25-day closure.",
			[]string{"disruption AF,PK - - reopened - -"}},
		{"clashes at a named crossing", "Border forces of Afghanistan and Pakistan clashed near the Torkham crossing.",
			[]string{"disruption AF,PK - - clashes - -"}},
		{"clashes along a border, no place", "در امتداد مرز میان افغانستان و تاجیکستان درگیری\u200cهای مسلحانه رخ داده است.",
			nil},
		{"a future reopening is not one yet", "گذرگاه تورخم میان افغانستان و پاکستان هفته آینده بازگشایی خواهد شد.",
			nil},
		{"urging a reopening is not one", "دو طرف بر بازگشایی هرچه زودتر گذرگاه تورخم میان افغانستان و پاکستان تأکید کردند.",
			nil},
		{"halted after clashes is a closure", "تردد کامیون\u200cها از گذرگاه مرزی میرجاوه میان ایران و پاکستان پس از درگیری مسلحانه متوقف شد.",
			[]string{"disruption IR,PK - - closed - -"}},
		{"halted construction is a stalled project, not a closure", "Construction of the transmission line from Turkmenistan to Herat has been halted.",
			[]string{"project AF,TM - - stalled - -"}},
		{"a border post alone: the country on its other side (borderFacing)", "گذرگاه تورخم همچنان بسته است.",
			[]string{"disruption AF,PK - - closed - -"}},
		{"exchanged fire near a crossing", "Security forces of Pakistan and Afghanistan exchanged fire near the Chaman crossing on Tuesday night.",
			[]string{"disruption AF,PK - - clashes - -"}},
		{"a time named by a closure is no new closure", "حجم مبادلات از طریق گذرگاه تورخم میان افغانستان و پاکستان پیش از بسته شدن سالانه حدود ۶۰ میلیون دلار بود.",
			[]string{"trade_value AF,PK 6e+07 USD actual - -"}},
		{"a closed-door meeting is no closure", "The foreign ministers of Iran and Pakistan held a closed-door meeting in Tehran.",
			[]string{"meeting IR,PK - - held - -"}},
		{"a dateline is not the closed place", "ISLAMABAD – Officials said the border between Afghanistan and Pakistan was closed.",
			[]string{"disruption AF,PK - - closed - -"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractBrief(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("facts of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
