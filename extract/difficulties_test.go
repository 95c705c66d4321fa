package extract

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// brief formats the compared fields of a fact on one line:
// "kind COUNTRIES value unit status period growth".
func brief(f Fact) string {
	v, g := "-", "-"
	if f.Value != nil {
		v = strconv.FormatFloat(*f.Value, 'g', -1, 64)
	}
	if f.GrowthPct != nil {
		g = strconv.FormatFloat(*f.GrowthPct, 'g', -1, 64)
	}
	orDash := func(p *string) string {
		if p == nil {
			return "-"
		}
		return *p
	}
	return fmt.Sprintf("%s %s %s %s %s %s %s", f.Kind, strings.Join(f.Countries, ","), v, orDash(f.Unit), orDash(f.Status), orDash(f.Period), g)
}

func extractBrief(t *testing.T, text string) []string {
	t.Helper()
	fs := extractText(t, NewExtractor(nil), "t", text)
	var out []string
	for _, f := range fs {
		out = append(out, brief(f))
		if f.Start == nil || f.End == nil || *f.Start < 0 || *f.End > len(text) || text[*f.Start:*f.End] != f.Quote {
			t.Errorf("quote %q is not the text at its offsets", f.Quote)
		}
	}
	return out
}

// TestDifficulties has one case for each pattern in corpus/DIFFICULTIES.md,
// with sentences written for the test in the genre of the corpus. Each case
// lists every fact the article must give, in order.
func TestDifficulties(t *testing.T) {
	for _, tt := range []struct {
		name string
		text string
		want []string
	}{
		// §1 Text and file format.
		{"1 inline date is not a period",
			" date 2025-10-08 حجم تجارت ایران و ترکمنستان به ۲ میلیارد دلار رسید.",
			[]string{"trade_value IR,TM 2e+09 USD actual - -"}},
		{"1 no date, leading blank lines, no trailing newline",
			"\n\nتجارت ایران و ترکمنستان در سال ۱۴۰۲ به ۲ میلیارد دلار رسید",
			[]string{"trade_value IR,TM 2e+09 USD actual SH1402 = 2023-03-21..2024-03-19 -"}},
		{"1 sentence split across a blank line",
			"در جریان سفر وزیر راه قزاقستان، خط آهن جدید دو کشور به ترکمنستان آغاز به\n\nکار کرد.",
			[]string{"project KZ,TM - - launched - -"}},
		{"1 boilerplate tag lines and related articles",
			"ایران و عراق سه سند همکاری امضا کردند.\n\nبرچسب ها: تجارت ۵ میلیارد دلاری ، عراق\n\nاخبار مرتبط: صادرات ۲ میلیارد دلار به عراق",
			[]string{"agreement IQ,IR - - signed - -"}},
		{"1 a headline repeats the body's figure, rounded",
			"تجارت ۲۶۵ میلیون دلاری ایران و قزاقستان\n\nدر سال ۱۴۰۰ حجم تجارت ایران و قزاقستان به ۲۶۵ میلیون و ۲۰۰ هزار دلار رسید.",
			[]string{"trade_value IR,KZ 2.652e+08 USD actual SH1400 = 2021-03-21..2022-03-20 -"}},
		{"1 ZWNJ stripped, present or a space",
			"ایران و ارمنستان توافق کرده\u200cاند. ترکیه و گرجستان توافق کردهاند. چین و روسیه توافق کرده اند.",
			[]string{"agreement AM,IR - - agreed - -", "agreement GE,TR - - agreed - -", "agreement CN,RU - - agreed - -"}},
		{"1 Arabic letters, «ۀ», damma",
			"صادرات ايران به تاجيكستان ۵۰۰ هزار تُن بود و نمايندۀ ویژۀ دو كشور دیدار کردند.",
			[]string{"tonnage IR,TJ 500000 t actual - -", "meeting IR,TJ - - held - -"}},
		{"1 en dash inside names",
			"نمایشگاه مشترک قزاق–افغان مورد توافق قرار گرفت.",
			[]string{"agreement AF,KZ - - agreed - -"}},
		{"1 typos in the source",
			"وزرای خارجه پاکستان و قرقیرستان دیدار کردند.",
			[]string{"meeting KG,PK - - held - -"}},

		// §2 Country names and other entity traps.
		{"2 Dari and Iranian spellings",
			"تجارت اوزبیکستان و قرغیزستان در سال ۲۰۲۴ حدود ۲ ملیارد دالر بود.",
			[]string{"trade_value KG,UZ 2e+09 USD actual 2024 -"}},
		{"2 Afghanistan by its government's names",
			"حکومت سرپرست و تاجکستان در سال ۲۰۲۴ به ارزش ۸۰ ملیون دالر تجارت داشتند.",
			[]string{"trade_value AF,TJ 8e+07 USD actual 2024 -"}},
		{"2 «کشورمان» is the Iranian outlet's country",
			"به گزارش ایرنا، صادرات کشورمان به ترکیه در سال ۱۴۰۲ به ۶ میلیارد دلار رسید.",
			[]string{"trade_value IR,TR 6e+09 USD actual SH1402 = 2023-03-21..2024-03-19 -"}},
		{"2 «این کشور» refers to the country named before",
			"سفیر قزاقستان گفت: رئیس جمهور این کشور هفته آینده به تاشکند سفر می\u200cکند.",
			[]string{"meeting KZ,UZ - - planned - -"}},
		{"2 «دو کشور», «طرفین», both sides from context",
			"پاکستان و ازبکستان در نشستی دوجانبه دیدار کردند. طرفین توافق کردند حجم تجارت دو کشور را به ۲ میلیارد دلار برسانند.",
			[]string{"meeting PK,UZ - - held - -", "agreement PK,UZ - - agreed - -", "trade_value PK,UZ 2e+09 USD target - -"}},
		{"2 a person named like a country",
			"وزیر تجارت افغانستان با ایران شارخان، معاون وزیر صنعت قزاقستان دیدار کرد.",
			[]string{"meeting AF,KZ - - held - -"}},
		{"2 a project named with countries",
			"Officials from Pakistan and Turkmenistan discussed the Turkmenistan–Afghanistan–Pakistan–India (TAPI) gas pipeline.",
			[]string{"project PK,TM - - - - -"}},
		{"2 currency word inside a name, German for Almaty",
			"عبدالرضا فرجی راد گفت که مذاکرات آلمانی مهم بود.",
			nil},
		{"2 a region and then its countries",
			"نمایندگان کشورهای آسیای مرکزی، از جمله ازبکستان، قزاقستان و تاجیکستان، در نشستی در تاشکند شرکت کردند.",
			[]string{"meeting KZ,TJ,UZ - - held - -"}},
		{"2 source errors are labeled as written",
			"رئیس\u200cجمهور تاجیکستان بردی محمد اف به تهران سفر کرد.",
			[]string{"meeting IR,TJ - - held - -"}},

		// §3 Numbers and money.
		{"3 digit systems and separators",
			"تجارت ایران و عراق ۱٫۶ میلیارد دلار و تجارت ایران و عمان ١٢٬٥٠٠ میلیون دلار و تجارت ایران و قطر ۱/۵ میلیارد دلار بود.",
			[]string{"trade_value IQ,IR 1.6e+09 USD actual - -", "trade_value IR,OM 1.25e+10 USD actual - -", "trade_value IR,QA 1.5e+09 USD actual - -"}},
		{"3 number words in Persian and English",
			"Trade between Uzbekistan and Tajikistan reached two billion dollars. تجارت ترکمنستان و ازبکستان به سه میلیارد دلار رسید.",
			[]string{"trade_value TJ,UZ 2e+09 USD actual - -", "trade_value TM,UZ 3e+09 USD actual - -"}},
		{"3 compound amounts",
			"صادرات ایران به عراق دو میلیارد و ۵۰۰ میلیون دلار و ۲ میلیون و ۱۵۰ هزار تن بود.",
			[]string{"trade_value IQ,IR 2.5e+09 USD actual - -", "tonnage IQ,IR 2.15e+06 t actual - -"}},
		{"3 currency written once for two amounts",
			"ایران و ارمنستان قصد دارند تجارت را از دو میلیارد دلار به پنج میلیارد افزایش دهند.",
			[]string{"trade_value AM,IR 2e+09 USD actual - -", "trade_value AM,IR 5e+09 USD target - -"}},
		{"3 currency only at the end of a list",
			"صادرات ایران به عراق ۸ میلیارد، امارات ۶ میلیارد و ترکیه ۳ میلیارد دلار بود.",
			[]string{"trade_value IQ,IR 8e+09 USD actual - -", "trade_value AE,IR 6e+09 USD actual - -", "trade_value IR,TR 3e+09 USD actual - -"}},
		{"3 English currency forms",
			"Trade between Kazakhstan and Kyrgyzstan stood at US$ 2.1bn, and exports of Uzbekistan to Afghanistan reached 950 mn dollars.",
			[]string{"trade_value KG,KZ 2.1e+09 USD actual - -", "trade_value AF,UZ 9.5e+08 USD actual - -"}},
		{"3 qualifiers and ranges",
			"Trade between China and Tajikistan was between $2 billion and $3 billion; exports of Tajikistan to Afghanistan were 4 to 6 million dollars.",
			[]string{"trade_value CN,TJ 2e+09 USD actual - -", "trade_value AF,TJ 4e+06 USD actual - -"}},
		{"3 growth, decline and factors",
			"تجارت ایران و ارمنستان با کاهش ۱۰ درصدی به ۷۰۰ میلیون دلار رسید. Trade between Georgia and Azerbaijan rose threefold to $3 billion.",
			[]string{"trade_value AM,IR 7e+08 USD actual - -10", "trade_value AZ,GE 3e+09 USD actual - -"}},
		{"3 two growth rates for different measures",
			"در سال ۱۴۰۲، ۴۰۰ هزار تن کالا به ارزش ۳۰۰ میلیون دلار بین ایران و ارمنستان تبادل شد که با رشد ۲۰ درصدی در وزن و ۱۰ درصدی در ارزش همراه بود.",
			[]string{"tonnage AM,IR 400000 t actual SH1402 = 2023-03-21..2024-03-19 20", "trade_value AM,IR 3e+08 USD actual SH1402 = 2023-03-21..2024-03-19 10"}},
		{"3 a growth rate without a value",
			"وزیر گفت تجارت ایران و عراق در چند ماه اخیر ۳۰ درصد افزایش یافت.",
			[]string{"trade_value IQ,IR - - actual - 30"}},
		{"3 freight per year, per month, capacity",
			"ظرفیت بندر خشک قزاقستان و چین سالانه ۱۰ میلیون تن است و ماهانه ۲۰۰ هزار تن کالا بین دو کشور جابجا می\u200cشود.",
			[]string{"tonnage CN,KZ 1e+07 t/yr capacity - -", "tonnage CN,KZ 200000 t/month actual - -"}},
		{"3 non-trade money",
			"هزینه ساخت خط آهن افغانستان و ازبکستان ۵ میلیارد دلار است و بانک جهانی ۲ میلیارد دلار وام داد. The two countries signed contracts worth $1 billion.",
			// No trade value; the cost and the loan are the railway's
			// attributes (project facts, as in §6).
			[]string{"project AF,UZ 5e+09 USD - - -", "project AF,UZ 2e+09 USD - - -", "agreement AF,UZ - - signed - -"}},
		{"3 people counted in «تن» are not tonnes",
			"سه تن از افراد مسلح در مرز افغانستان و تاجیکستان کشته شدند.",
			nil},

		// §4 Dates, periods and calendars.
		{"4 Solar Hijri year",
			"تجارت ایران و قزاقستان در سال ۱۳۹۹ به ۲۰۰ میلیون دلار رسید.",
			[]string{"trade_value IR,KZ 2e+08 USD actual SH1399 = 2020-03-20..2021-03-20 -"}},
		{"4 Afghan and Iranian month names",
			"صادرات افغانستان به ایران در ماه حمل ۱۴۰۴ به ۱۰ ملیون دالر و در اردیبهشت ۱۴۰۴ به ۱۲ میلیون دلار رسید.",
			[]string{"trade_value AF,IR 1e+07 USD actual SH1404-01 = 2025-03-21..2025-04-20 -", "trade_value AF,IR 1.2e+07 USD actual SH1404-02 = 2025-04-21..2025-05-21 -"}},
		{"4 Afghan month words as ordinary words",
			"میزان تجارت افغانستان و ازبکستان به ۵۰۰ ملیون دالر رسید.",
			[]string{"trade_value AF,UZ 5e+08 USD actual - -"}},
		{"4 Dari and Iranian Gregorian months, «میلادی»",
			"تجارت افغانستان و قزاقستان از جنوری تا جون ۲۰۲۵ میلادی ۲۰۰ ملیون دالر بود.",
			[]string{"trade_value AF,KZ 2e+08 USD actual 2025-01..2025-06 -"}},
		{"4 partial periods",
			"در شش ماه نخست سال ۲۰۲۵، تجارت ازبکستان و قزاقستان به ۲ میلیارد دلار رسید. In 9M24 trade between China and Kazakhstan was $30 billion.",
			[]string{"trade_value KZ,UZ 2e+09 USD actual 2025-01..2025-06 -", "trade_value CN,KZ 3e+10 USD actual 2024-01..2024-09 -"}},
		{"4 relative years: unresolved in Persian, resolved in English",
			"date 2025-06-01\nتجارت ایران و عراق امسال به ۱۰ میلیارد دلار رسید. Trade between Iraq and Turkey reached $20 billion last year.",
			[]string{"trade_value IQ,IR 1e+10 USD actual - -", "trade_value IQ,TR 2e+10 USD actual 2024 -"}},
		{"4 fiscal years and March–March spans",
			"Pakistan's trade with Afghanistan was $1.5 billion in FY2023-24 and Iran's trade with Iraq was $10 billion in March 2023–March 2024.",
			[]string{"trade_value AF,PK 1.5e+09 USD actual 2023-07..2024-06 -", "trade_value IQ,IR 1e+10 USD actual SH1402 = 2023-03-21..2024-03-19 -"}},
		{"4 «امروز» needs the article's date",
			"date 2025-12-04\nوزیر خارجه ایران امروز در مسکو با لاوروف دیدار خواهد کرد.",
			[]string{"meeting IR,RU - - planned - -"}},

		// §5 Actual vs target, agreement status.
		{"5 actual and target verbs",
			"تجارت قزاقستان و ترکیه به ۶ میلیارد دلار رسید و قرار است تا سال ۲۰۳۰ به ۱۰ میلیارد دلار برسد.",
			[]string{"trade_value KZ,TR 6e+09 USD actual - -", "trade_value KZ,TR 1e+10 USD target 2030 -"}},
		{"5 from X to Y",
			"Turkmenistan and Uzbekistan plan to raise trade from $1 billion to $2 billion.",
			[]string{"trade_value TM,UZ 1e+09 USD actual - -", "trade_value TM,UZ 2e+09 USD target - -"}},
		{"5 signed, agreed, negotiating",
			"ایران و ارمنستان تفاهم\u200cنامه\u200cای امضا کردند. Georgia and Azerbaijan agreed to open a new border crossing. Kazakhstan and China are negotiating a new transit agreement.",
			[]string{"agreement AM,IR - - signed - -", "agreement AZ,GE - - agreed - -", "agreement CN,KZ - - negotiating - -"}},
		{"5 a list of MoUs gives one fact each",
			"«یادداشت تفاهم همکاری گمرکی ایران و ارمنستان»، «یادداشت تفاهم همکاری بهداشتی» و «برنامه همکاری فرهنگی» از اسناد منعقد شده بود.",
			[]string{"agreement AM,IR - - signed - -", "agreement AM,IR - - signed - -", "agreement AM,IR - - signed - -"}},

		// §6 Projects.
		{"6 a mention without a change, then a status",
			"پاکستان و ازبکستان بر اجرای پروژه ترانس افغان تأکید کردند. Construction of the Trans-Afghan railway began in 2025.",
			[]string{"project PK,UZ - - construction_started 2025 -"}}, // the start's year (labelling decision 2)
		{"6 project numbers are not trade values: a length and a cost are the project's attributes",
			"The 573-km Trans-Afghan railway between Uzbekistan and Pakistan will cost $4.8 billion and carry 15 million tonnes of cargo per year.",
			[]string{"project PK,UZ 573 km - - -", "project PK,UZ 4.8e+09 USD - - -", "tonnage PK,UZ 1.5e+07 t/yr target - -"}},

		// §7 Meetings.
		{"7 meeting verbs, held and planned",
			"وزیر خارجه ازبکستان با همتای افغان خود دیدار و گفت\u200cوگو کرد. رئیس جمهور قرقیزستان هفته آینده به اسلام آباد سفر خواهد کرد.",
			[]string{"meeting AF,UZ - - held - -", "meeting KG,PK - - planned - -"}},
		{"7 a place attached to a person is not the meeting's",
			"وزیر خارجه طالبان در دیدار با سفیر چین در کابل گفت.",
			[]string{"meeting AF,CN - - held - -"}},
		{"7 a list of visitors gives one meeting each",
			"شاهد سفر مقاماتی چون امیر قطر، رئیس\u200cجمهور عراق و نخست وزیر ارمنستان به تهران بودیم.",
			[]string{"meeting IR,QA - - held - -", "meeting IQ,IR - - held - -", "meeting AM,IR - - held - -"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := extractBrief(t, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("facts of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// extractText parses text as article id and returns x's facts, failing tb
// on an error.
func extractText(tb testing.TB, x *Extractor, id, text string) []Fact {
	tb.Helper()
	a, err := ParseArticle(id, text)
	if err != nil {
		tb.Fatal(err)
	}
	fs, err := x.Extract(context.Background(), a)
	if err != nil {
		tb.Fatal(err)
	}
	return fs
}
