package extract

import (
	"slices"
	"testing"
)

// TestProjectAttributes holds each rule of projectAttributes to a named
// sentence.
func TestProjectAttributes(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"an unnamed line between two places of two countries is a project with its length and completion year",
			"The project will upgrade 106 km of the rail line between Termez in Uzbekistan and Naibabad in Afghanistan. Works are expected to be completed by 2028.",
			[]string{"project AF,UZ 106 km - - -", "project AF,UZ - - completion_expected 2028 -"}},
		{"a line between two border stations of two countries is a project",
			"The two sides discussed the construction of a second railway line between Serhetyaka and Bolashak.",
			[]string{"project KZ,TM - - - - -"}},
		{"a crossing between two countries is no line between them",
			"The Torkham crossing between Afghanistan and Pakistan reopened on Tuesday.",
			[]string{"disruption AF,PK - - reopened - -"}},
		{"a sum to build an unnamed piece of infrastructure is its cost",
			"Russia and Uzbekistan agreed to build a wholesale logistics center near Tashkent at a cost of $250 million.",
			[]string{"agreement RU,UZ - - agreed - -", "project RU,UZ 2.5e+08 USD - - -"}},
		{"a headline's sum invested is not a second project",
			"India to invest $120 million in Chabahar port equipment\n\nIndia will invest $120 million in equipment for the Shahid Beheshti terminal at Iran's Chabahar port.",
			[]string{"project IN,IR 1.2e+08 USD - - -"}},
		{"a sum lent or approved in the sentence after the project's is the project's",
			"Kyrgyzstan and Kazakhstan agreed to build the Kambarata-1 hydropower plant. The project is estimated to cost $6.5 billion. The World Bank has approved $300 million for preparatory works.",
			[]string{"agreement KG,KZ - - agreed - -", "project KG,KZ 6.5e+09 USD - - -", "project KG,KZ 3e+08 USD financing_secured - -"}},
		{"a sum lent in a new paragraph is not the project's",
			"Kyrgyzstan and Kazakhstan agreed to build the Kambarata-1 hydropower plant.\n\nThe World Bank has approved $300 million for Kyrgyzstan's schools.",
			[]string{"agreement KG,KZ - - agreed - -", "project KG,KZ - - - - -"}},
		{"a length with its own status, Persian",
			"خط آهن ۶۲۸ کیلومتری چابهار-زاهدان ۸۵ درصد پیشرفت فیزیکی داشته و قطعه ایرانشهر-زاهدان به طول ۳۴۵ کیلومتر تکمیل شده است.",
			[]string{"project IR 628 km under_construction - -", "project IR 345 km completed - -"}},
		{"a hyphenated length in English takes the clause's progress",
			"Work on the fourth section of the Khaf–Herat railway between Iran and Afghanistan, a 57-kilometre stretch, is 60 percent complete.",
			[]string{"project AF,IR 57 km under_construction - -"}},
		{"a sum paid and a sum estimated in one clause",
			"The cost of the Khaf–Herat railway between Iran and Afghanistan is estimated at $180 million, of which Iran has paid $95 million so far.",
			[]string{"project AF,IR 1.8e+08 USD - - -", "project AF,IR 9.5e+07 USD paid - -"}},
		{"«این خط لوله» refers back; a volume per year",
			"پروژه تاپی میان ترکمنستان و افغانستان در حال ساخت است. ظرفیت این خط لوله سالانه ۳۳ میلیارد متر مکعب گاز است.",
			[]string{"project AF,TM - - under_construction - -", "project AF,TM 3.3e+10 m3/yr - - -"}},
		{"a section opened in a year takes the year; a credit allocated («اختصاص داده») is financing secured",
			"قطعه زاهدان-ایرانشهر راه آهن چابهار-زاهدان به طول ۳۴۵ کیلومتر در سال ۱۴۰۳ به بهره برداری رسید. هند ۱۵۰ میلیون دلار اعتبار برای این خط اختصاص داده است.",
			[]string{"project IN,IR 345 km launched SH1403 = 2024-03-20..2025-03-20 -", "project IN,IR 1.5e+08 USD financing_secured - -"}},
		{"a year after another attribute's verb is not the completion's",
			"Its first three sections of the Khaf–Herat railway between Iran and Afghanistan, 168 km in total, have been completed and carried 410,000 tonnes of cargo in 2024.",
			[]string{"project AF,IR 168 km completed - -", "tonnage AF,IR 410000 t actual 2024 -"}},
		{"\"The 523-kilometre line\" refers back; \"will finance\" makes a party; \"scheduled to be completed\" sets a completion year",
			"Construction of the CKU railway has begun in Kyrgyzstan. The 523-kilometre line is estimated to cost $4.7 billion. China will finance the line. The railway is scheduled to be completed in 2030.",
			[]string{"project CN,KG - - construction_started - -", "project CN,KG 523 km - - -", "project CN,KG 4.7e+09 USD - - -", "project CN,KG - - completion_expected 2030 -"}},
		{"an event's guest is no party of the project; «قرار است تا پایان سال ۲۰۲۷ تکمیل شود» is a completion year",
			"کار ساخت بخش افغانستان پروژه کاسا هزار امروز با حضور سفیر تاجیکستان در کابل و مقام\u200cهای وزارت انرژی و آب از سر گرفته شد. طول این خط در خاک افغانستان ۵۶۲ کیلومتر است و قرار است تا پایان سال ۲۰۲۷ تکمیل شود.",
			[]string{"project AF - - resumed - -", "project AF - - completion_expected 2027 -", "project AF 562 km - - -"}},
		{"grants approved are financing secured",
			"The World Bank has approved $316 million in grants for the Afghan section of the CASA-1000 line between Tajikistan and Pakistan.",
			[]string{"project AF,PK,TJ 3.16e+08 USD financing_secured - -"}},
		{"a construction start by the end of the year is planned",
			"عملیات اجرایی ساخت راه آهن رشت-آستارا میان ایران و روسیه تا پایان سال آغاز می\u200cشود.",
			[]string{"project IR,RU - - planned - -"}},
		{"a completion date is a timeline fact",
			"The CASA-1000 line between Tajikistan and Afghanistan is expected to be completed in 2026.",
			[]string{"project AF,TJ - - completion_expected 2026 -"}},
		{"a feasibility study's completion is the study's",
			"The feasibility study of the Trans-Afghan railway between Uzbekistan and Pakistan is expected to be completed by the end of 2026.",
			[]string{"project PK,UZ - - feasibility_study - -"}},
		{"a figure of a line referred back to has the line's countries",
			"The Khaf–Herat railway links Iran's rail network to western Afghanistan. Its first three sections, 168 km in total, have been completed and carried 410,000 tonnes of cargo.",
			[]string{"project AF,IR 168 km completed - -", "tonnage AF,IR 410000 t actual - -"}},
		{"an unnamed line with a status takes the attributes of the clauses that refer back to it",
			"کار ساخت خط ۵۰۰ کیلوولت انتقال برق از ترکمنستان به هرات که سال گذشته متوقف شده بود، دوباره آغاز شده است. طول این خط ۱۵۰ کیلومتر است و تا پایان سال ۲۰۲۶ تکمیل خواهد شد. هزینه این پروژه ۱۴۰ ملیون دالر برآورد شده است.",
			[]string{"project AF,TM - - resumed - -", "project AF,TM - - completion_expected 2026 -", "project AF,TM 150 km - - -", "project AF,TM 1.4e+08 USD - - -"}},
		{"a section's construction start with its year",
			"Uzbekistan, Afghanistan and Pakistan signed a framework agreement on the financing of the Trans-Afghan railway. Construction of the first section is scheduled to begin in 2026.",
			[]string{"agreement AF,PK,UZ - - signed - -", "project AF,PK,UZ - - planned 2026 -"}},
		{"a journey's distance is not a length of the line",
			"The first container train from Xi'an to Iran's Bandar Abbas via Kazakhstan and Turkmenistan arrived at the port on June 10, completing the 10,400 km journey in 15 days.",
			[]string{"project CN,IR,KZ,TM - - launched - -"}},
		{"a share built before the length; the countries a project transmits between",
			"کار پروژه کاسا-۱۰۰۰ در افغانستان با تاخیر روبرو شده است. تاکنون ۷۸ درصد کار ساخت ۵۶۲ کیلومتر خط انتقال برق این پروژه در خاک افغانستان تکمیل شده است. این پروژه قرار است برق تاجیکستان و قرغیزستان را از طریق افغانستان به پاکستان منتقل کند.",
			[]string{"project AF,KG,PK,TJ - - delayed - -", "project AF,KG,PK,TJ 562 km under_construction - -"}},
		{"a canal's phases («مرحله») and its whole length",
			"کار مرحله دوم کانال قوش تپه در افغانستان به طول ۹۲ کیلومتر تا کنون ۶۵ درصد پیشرفت کرده است. طول کل این کانال ۲۸۵ کیلومتر است و مرحله اول آن به طول ۱۰۸ کیلومتر تکمیل شد.",
			[]string{"project AF 92 km under_construction - -", "project AF 285 km - - -", "project AF 108 km completed - -"}},
		{"a sum still needed to finish a project is part of its cost, with no status",
			"کار پروژه کاسا-۱۰۰۰ در افغانستان با تاخیر روبرو شده است. تاکنون ۷۸ درصد کار ساخت ۵۶۲ کیلومتر خط انتقال برق این پروژه در خاک افغانستان تکمیل شده و برای تکمیل آن ۱۲۰ ملیون دالر دیگر نیاز است. این پروژه قرار است برق تاجیکستان و قرغیزستان را از طریق افغانستان به پاکستان منتقل کند.",
			[]string{"project AF,KG,PK,TJ - - delayed - -", "project AF,KG,PK,TJ 562 km under_construction - -", "project AF,KG,PK,TJ 1.2e+08 USD - - -"}},
		{"a study done and the works to start are two facts",
			"مطالعات امکان‌سنجی خط آهن ترانس افغان میان ازبیکستان و پاکستان تکمیل شده و کار عملی آن در سال ۲۰۲۷ آغاز خواهد شد.",
			[]string{"project PK,UZ - - feasibility_study - -", "project PK,UZ - - planned 2027 -"}},
		{"an interview's answer takes no country from an earlier answer",
			"سخنگوی وزارت تجارت در کابل به پرسش‌های خبرنگاران پاسخ گفت.\n\nپرسش: وضعیت بندر حیرتان چگونه است؟\nپاسخ: ماهانه ۱۲۰ هزار تن کالا از ازبیکستان از طریق این بندر وارد کشور می‌شود.\n\nپرسش: در مورد خط آهن ترانس افغان چه پیشرفتی صورت گرفته است؟\nپاسخ: مطالعات امکان‌سنجی این پروژه تکمیل شده است.",
			[]string{"tonnage AF,UZ 120000 t/month actual - -", "project AF - - feasibility_study - -"}},
		{"a bare mention of a route naming no country takes none from context",
			"Rail shipments from Kazakhstan to Afghanistan reached 1.2 million tonnes in 2025.\n\nWe expect rates to soften in December as more capacity comes online on the Middle Corridor.",
			[]string{"tonnage AF,KZ 1.2e+06 t actual 2025 -"}},
		{"trade dollars near a project are not its cost",
			"Trade between Iran and Afghanistan via the Khaf–Herat railway reached $1.2 billion in 2024.",
			[]string{"project AF,IR - - - - -", "trade_value AF,IR 1.2e+09 USD actual 2024 -"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractBrief(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("facts of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
