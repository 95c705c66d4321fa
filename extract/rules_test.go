package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestRules covers rules beyond the corpus notes, with sentences written
// for the test.
func TestRules(t *testing.T) {
	for _, tt := range []struct {
		name string
		text string
		want []string
	}{
		{"a year between a target's noun and its figure is the target's",
			"He said Iran's rail transit target for 2026 is 10 million tonnes.",
			[]string{"tonnage IR 1e+07 t target 2026 -"}},
		{"a year between a target's noun and its figure is the target's, Persian",
			"وی هدف ترانزیت ریلی ایران در سال ۱۴۰۵ را ۱۰ میلیون تن اعلام کرد.",
			[]string{"tonnage IR 1e+07 t target SH1405 = 2026-03-21..2027-03-20 -"}},
		{"tonnes handled at a port the clause refers back to are the port's, not the context's",
			"ظرفیت بندر چابهار ۸ میلیون تن در سال است. هند ۱۵۰ میلیون دلار برای توسعه آن سرمایه گذاری کرده است. در شش ماه نخست سال ۲۰۲۵، ۲.۱ میلیون تن کالا در این بندر تخلیه و بارگیری شد.",
			[]string{"tonnage IR 8e+06 t/yr capacity - -", "tonnage IR 2.1e+06 t actual 2025-01..2025-06 -"}},
		{"a headline's tonnes without the rate are the body's tonnes a year",
			"ظرفیت بندر چابهار به ۱۵ میلیون تن می\u200cرسد\n\nظرفیت بندر چابهار به ۱۵ میلیون تن در سال افزایش می\u200cیابد.",
			[]string{"tonnage IR 1.5e+07 t/yr capacity - -"}},
		{"a headline's figure whose countries the body's same figure completes is the body's",
			"ترانزیت ۳ میلیون تنی کالا از بندر چابهار\n\nدر سال ۱۴۰۳، ۳ میلیون تن کالا از بندر چابهار ترانزیت شد که ۶۵ درصد آن به مقصد افغانستان بوده است.",
			[]string{"tonnage AF,IR 3e+06 t actual SH1403 = 2024-03-20..2025-03-20 -"}},
		{"shipments to a list of countries are the trade of the group with the trader before",
			"Pakistan's exports to Uzbekistan rose to $198 million in fiscal year 2025-26.\n\nShipments to Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan had stood at $361m in FY25.",
			[]string{"trade_value PK,UZ 1.98e+08 USD actual 2025-07..2026-06 -", "trade_value KG,KZ,PK,TJ,TM,UZ 3.61e+08 USD actual 2024-07..2025-06 -"}},
		{"shipments to a list of countries are the trade of the group with the trader before, Persian",
			"صادرات ایران به ازبکستان در سال ۱۴۰۴ به ۵۰۰ میلیون دلار رسید.\n\nمحموله\u200cهای ارسالی به قزاقستان، قرقیزستان و تاجیکستان ۲۰۰ میلیون دلار بود.",
			[]string{"trade_value IR,UZ 5e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value IR,KG,KZ,TJ 2e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a region, \", however,\" set off by commas, with a ranking that names every member",
			"Pakistan's exports to Afghanistan fell to $198 million in July-October 2026.\n\nExports to the five Central Asian republics, however, rose 27pc to $74.6m in the same months. Uzbekistan was the largest buyer at $38.2m, followed by Kazakhstan at $21.5m, Tajikistan at $8.9m and Kyrgyzstan at $4.1m, while Turkmenistan took the rest.",
			[]string{"trade_value AF,PK 1.98e+08 USD actual 2026-07..2026-10 -", "trade_value KG,KZ,PK,TJ,TM,UZ 7.46e+07 USD actual 2026-07..2026-10 -", "trade_value PK,UZ 3.82e+07 USD actual 2026-07..2026-10 -", "trade_value KZ,PK 2.15e+07 USD actual 2026-07..2026-10 -", "trade_value PK,TJ 8.9e+06 USD actual 2026-07..2026-10 -", "trade_value KG,PK 4.0999999999999995e+06 USD actual 2026-07..2026-10 -"}},
		{"the figure a breakdown broke down, referred to a year earlier, is the head's pair's",
			"در شش ماه نخست سال ۱۴۰۵، ۳۰ هزار تن کشمش به ارزش ۶۰ میلیون دالر از افغانستان به هند صادر شده است.\n\nاز این میان، ۸ هزار تن به ارزش ۲۰ میلیون دالر از طریق دهلیز هوایی و ۲۲ هزار تن به ارزش ۴۰ میلیون دالر از راه بندر چابهار ایران به هند انتقال یافته است. این رقم در مدت مشابه سال گذشته ۲۵ هزار تن به ارزش ۵۰ میلیون دالر بود.",
			[]string{"tonnage AF,IN 30000 t actual SH1405-01..SH1405-06 = 2026-03-21..2026-09-22 -", "trade_value AF,IN 6e+07 USD actual SH1405-01..SH1405-06 = 2026-03-21..2026-09-22 -", "tonnage AF,IN 8000 t actual SH1405-01..SH1405-06 = 2026-03-21..2026-09-22 -", "trade_value AF,IN 2e+07 USD actual SH1405-01..SH1405-06 = 2026-03-21..2026-09-22 -", "tonnage AF,IN 22000 t actual SH1405-01..SH1405-06 = 2026-03-21..2026-09-22 -", "trade_value AF,IN 4e+07 USD actual SH1405-01..SH1405-06 = 2026-03-21..2026-09-22 -", "tonnage AF,IN 25000 t actual SH1404-01..SH1404-06 = 2025-03-21..2025-09-22 -", "trade_value AF,IN 5e+07 USD actual SH1404-01..SH1404-06 = 2025-03-21..2025-09-22 -"}},
		{"the figure a breakdown broke down, referred to a year earlier, is the head's pair's, English",
			"Afghanistan exported 30,000 tons of raisins worth $60 million to India in the first half of 2026.\n\nOf these, 8,000 tons worth $20 million went by air and 22,000 tons worth $40 million via the port of Chabahar, Iran. This figure stood at 25,000 tons worth $50 million in the same period last year.",
			[]string{"tonnage AF,IN 30000 t actual 2026-01..2026-06 -", "trade_value AF,IN 6e+07 USD actual 2026-01..2026-06 -", "tonnage AF,IN 8000 t actual 2026-01..2026-06 -", "trade_value AF,IN 2e+07 USD actual 2026-01..2026-06 -", "tonnage AF,IN 22000 t actual 2026-01..2026-06 -", "trade_value AF,IN 4e+07 USD actual 2026-01..2026-06 -", "tonnage AF,IN 25000 t actual 2025-01..2025-06 -", "trade_value AF,IN 5e+07 USD actual 2025-01..2025-06 -"}},
		{"a capacity raised from one level to another by a date: the level it starts from has no date",
			"Under a plan adopted in 2024, the capacity of the Chabahar port is to be raised from 8 million tonnes a year to 16 million tonnes by 2027.",
			[]string{"tonnage IR 8e+06 t/yr capacity - -", "tonnage IR 1.6e+07 t/yr capacity 2027 -"}},
		{"a capacity raised from one level to another by a date: the level it starts from has no date, Persian",
			"ظرفیت بندر چابهار تا سال ۱۴۰۸ از ۸ میلیون تن در سال به ۱۶ میلیون تن افزایش می\u200cیابد.",
			[]string{"tonnage IR 8e+06 t/yr capacity - -", "tonnage IR 1.6e+07 t/yr capacity SH1408 = 2029-03-20..2030-03-20 -"}},
		{"freight at the two posts the text linked to one country across is between the two countries",
			"date 2026-11-29\nدر آبان\u200cماه ۱۴۰۵ از مرز ریلی سرخس با ترکمنستان ۴۱۲ هزار تن بار عبور کرد. در همین ماه ۱۸۶ هزار تن بار نیز از مرز ریلی اینچه\u200cبرون با ترکمنستان عبور کرد. مجموع بار جابه\u200cجا شده در دو مرز ریلی در آبان به ۵۹۸ هزار تن رسید.",
			[]string{"tonnage IR,TM 412000 t actual SH1405-08 = 2026-10-23..2026-11-21 -", "tonnage IR,TM 186000 t actual SH1405-08 = 2026-10-23..2026-11-21 -", "tonnage IR,TM 598000 t actual SH1405-08 = 2026-10-23..2026-11-21 -"}},
		{"freight at the two posts the text linked to one country across is between the two countries, English",
			"In November 2026, 412,000 tonnes of freight crossed the Sarakhs border with Turkmenistan. In the same month, 186,000 tonnes of freight crossed the Incheh Borun border with Turkmenistan. Freight through the two crossings totalled 598,000 tonnes.",
			[]string{"tonnage IR,TM 412000 t actual 2026-11 -", "tonnage IR,TM 186000 t actual 2026-11 -", "tonnage IR,TM 598000 t actual 2026-11 -"}},
		{"a level said to stand now, in a target's clause, is actual and undated",
			"حجم مبادلات ایران و تاجیکستان در هفت ماهه نخست سال ۱۴۰۵ به ۲۶۰ میلیون دلار رسید. طرفین توافق کردند حجم تجارت سالانه را که اکنون حدود ۴۲۰ میلیون دلار است، ظرف سه سال آینده به یک میلیارد دلار برسانند.",
			[]string{"trade_value IR,TJ 2.6e+08 USD actual SH1405-01..SH1405-07 = 2026-03-21..2026-10-22 -", "agreement IR,TJ - - agreed - -", "trade_value IR,TJ 4.2e+08 USD actual - -", "trade_value IR,TJ 1e+09 USD target - -"}},
		{"a level said to stand now, in a target's clause, is actual and undated, English",
			"Trade between Iran and Tajikistan reached $260 million in January–October 2026. The two sides agreed to raise annual trade, now about $420 million, to $1 billion within three years.",
			[]string{"trade_value IR,TJ 2.6e+08 USD actual 2026-01..2026-10 -", "agreement IR,TJ - - agreed - -", "trade_value IR,TJ 4.2e+08 USD actual - -", "trade_value IR,TJ 1e+09 USD target - -"}},
		{"counted agreements listed by their subjects are one agreement each, with a document joined before them",
			"اجلاس کمیسیون مشترک ایران و ازبکستان در تاشکند برگزار شد و در پایان آن، سند اجلاس به همراه سه یادداشت تفاهم در زمینه حمل و نقل ریلی، همکاری\u200cهای بانکی و گردشگری به امضای طرفین رسید.",
			[]string{"meeting IR,UZ - - held - -", "agreement IR,UZ - - signed - -", "agreement IR,UZ - - signed - -", "agreement IR,UZ - - signed - -", "agreement IR,UZ - - signed - -"}},
		{"counted agreements listed by their subjects are one agreement each, English",
			"Iran and Uzbekistan signed three memorandums on rail transport, banking and tourism in Tashkent on Tuesday.",
			[]string{"agreement IR,UZ - - signed - -", "agreement IR,UZ - - signed - -", "agreement IR,UZ - - signed - -"}},
		{"\"their trade\" after a clause naming two countries is theirs",
			"Pakistan and Uzbekistan set a $1 billion trade target; their trade was worth about $380 million in 2025.",
			[]string{"trade_value PK,UZ 1e+09 USD target - -", "trade_value PK,UZ 3.8e+08 USD actual 2025 -"}},
		{"«تجارت آنها» after a clause naming two countries is theirs, Persian",
			"ایران و ارمنستان روابط نزدیکی دارند؛ حجم تجارت آنها در سال ۱۴۰۴ حدود ۷۰۰ میلیون دلار بود.",
			[]string{"trade_value AM,IR 7e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a capacity in a clause opening on \"it\" is the line's just named, with the line's countries",
			"Talks between Kyrgyzstan and Uzbekistan were held on the China-Kyrgyzstan-Uzbekistan railway. The 523-km line will run from Kashgar in China through Kyrgyzstan to Andijan in Uzbekistan. It is designed to carry up to 15 million tons of cargo a year.",
			[]string{"meeting KG,UZ - - held - -", "project CN,KG,UZ 523 km - - -", "tonnage CN,KG,UZ 1.5e+07 t/yr capacity - -"}},
		{"a capacity of the line just named, referred to by «آن», has the line's countries, Persian",
			"مذاکرات قرقیزستان و ازبکستان درباره راه\u200cآهن چین-قرقیزستان-ازبکستان برگزار شد. این خط از کاشغر در چین از طریق قرقیزستان به اندیجان در ازبکستان می\u200cرسد. ظرفیت آن سالانه ۱۵ میلیون تن بار است.",
			[]string{"project KG,UZ - - - - -", "tonnage CN,KG,UZ 1.5e+07 t/yr capacity - -"}},
		{"\"it\" with a verb of a level reached, after the pair's trade, is that trade",
			"Trade between Kazakhstan and Pakistan totalled $41.3 million in January–October 2026. In the third quarter alone it came to $16.8 million.",
			[]string{"trade_value KZ,PK 4.13e+07 USD actual 2026-01..2026-10 -", "trade_value KZ,PK 1.68e+07 USD actual 2026-07..2026-09 -"}},
		{"«این رقم» after the pair's trade is that trade, Persian",
			"تجارت قزاقستان و پاکستان در ده ماه نخست ۲۰۲۶ به ۴۱.۳ میلیون دلار رسید. این رقم در سه ماهه سوم ۱۶.۸ میلیون دلار بود.",
			[]string{"trade_value KZ,PK 4.13e+07 USD actual 2026-01..2026-10 -", "trade_value KZ,PK 1.68e+07 USD actual 2026-07..2026-09 -"}},
		{"a part of «کشور» (the country) in an outlet's own words is the outlet's country",
			"به گزارش ایرنا، ۵۳۰ هزار تن کالا از مرز دوغارون به افغانستان حمل شد. ترانزیت ریلی از مرزهای شرقی کشور ۴ میلیون تن بود.",
			[]string{"tonnage AF,IR 530000 t actual - -", "tonnage IR 4e+06 t actual - -"}},
		{"a headline's figure that rounds the body's is the body's",
			"صادرات زغال\u200cسنگ به پاکستان در پنج ماه به ۱.۴ میلیون تن رسید\n\nوزارت معادن افغانستان می\u200cگوید که در پنج ماه نخست سال ۱۴۰۴، یک میلیون و ۴۲۰ هزار تن زغال\u200cسنگ به پاکستان صادر شده است.",
			[]string{"tonnage AF,PK 1.42e+06 t actual SH1404-01..SH1404-05 = 2025-03-21..2025-08-22 -"}},
		{"a headline's figure that rounds the body's is the body's, English",
			"Afghan air cargo to Uzbekistan tops 2,300 tonnes\n\nAfghanistan exported 2,340 tonnes of goods to Uzbekistan by air in January–October 2026.",
			[]string{"tonnage AF,UZ 2340 t actual 2026-01..2026-10 -"}},
		{"a headline's figure without the body's verb of a target is the body's target",
			"واردات ۱.۲ میلیون تن گندم از قزاقستان\n\nقرار است ۱.۲ میلیون تن گندم از قزاقستان وارد ایران شود.",
			[]string{"tonnage IR,KZ 1.2e+06 t target - -"}},
		{"a baseline is the same series as its figure, whatever a later clause names",
			"Afghan transit cargo through Pakistan fell to 2.1 million tonnes in 2025 from 3.4 million tonnes a year earlier, as traders shifted to Iranian ports.",
			[]string{"tonnage AF,PK 2.1e+06 t actual 2025 -", "tonnage AF,PK 3.4e+06 t actual 2024 -"}},
		{"a sum of a loss to trade is no trade value",
			"بسته بودن تورخم روزانه حدود ۱.۵ میلیون دالر به تجارت افغانستان و پاکستان زیان میزند. Traders at Chaman between Pakistan and Afghanistan report losses of $2 million a day.",
			[]string{"disruption AF,PK - - closed - -"}},
		{"a growth rate given a sentence later of a place's figure is that figure's",
			"در سال ۱۴۰۳ از گمرک دوغارون ۶۸۰ میلیون دلار کالا به افغانستان صادر شده است. گمرک میلک نیز در این مدت با صادرات ۱۹۰ میلیون دلار در رتبه دوم قرار دارد. صادرات از مرز دوغارون نسبت به مدت مشابه سال گذشته ۹ درصد افزایش یافته است.",
			[]string{"trade_value AF,IR 6.8e+08 USD actual SH1403 = 2024-03-20..2025-03-20 9", "trade_value AF,IR 1.9e+08 USD actual SH1403 = 2024-03-20..2025-03-20 -"}},
		{"an agreement a country and a bank sign is the country's alone, not the context's other country's",
			"The road leads to the border with Afghanistan. The loan agreement was signed in Dushanbe on 17 November by Tajikistan's Minister of Finance and the EBRD Managing Director.",
			[]string{"agreement TJ - - signed - -"}},
		{"an agreement a country and a bank sign is the country's alone, Persian",
			"این جاده به مرز افغانستان می\u200cرسد. قرارداد وام این طرح روز دوشنبه میان وزیر دارایی تاجیکستان و مدیر بانک توسعه آسیایی امضا شد.",
			[]string{"agreement TJ - - signed - -"}},
		{"a contract signed, and a future in the clause joined after it, is signed",
			"قرارداد ساخت راه\u200cآهن رشت-آستارا در اردیبهشت ۱۴۰۲ میان ایران و روسیه امضا شد و قرار است هزینه آن از محل وام روسیه تامین شود.",
			[]string{"project IR,RU - - - - -", "agreement IR,RU - - signed - -"}},
		{"a contract signed, and a future in the clause joined after it, is signed, English",
			"The contract for the Rasht–Astara railway was signed by Iran and Russia in May 2023 and will be financed by a Russian state loan.",
			[]string{"project IR,RU - - - - -", "agreement IR,RU - - signed - -"}},
		{"a target two parties set together is agreed; one side's is not",
			"Pakistan and Uzbekistan have set a target of $2 billion in bilateral trade. Uzbek deputy minister: We have set a target of $3 billion by 2030 for our trade with Afghanistan.",
			[]string{"agreement PK,UZ - - agreed - -", "trade_value PK,UZ 2e+09 USD target - -", "trade_value AF,UZ 3e+09 USD target 2030 -"}},
		{"a target a joint chamber of commerce sets is no agreement",
			"The joint chamber of commerce of Pakistan and Uzbekistan has set a target of $2 billion in bilateral trade.",
			[]string{"trade_value PK,UZ 2e+09 USD target - -"}},
		{"a target a joint chamber of commerce sets is no agreement, Persian",
			"اتاق مشترک بازرگانی ایران و ازبکستان رساندن تجارت دو کشور به یک میلیارد دلار را هدف\u200cگذاری کرده است.",
			[]string{"trade_value IR,UZ 1e+09 USD target - -"}},
		{"a country an agreement's terms deliver to is no party",
			"Iran and Turkmenistan signed a gas swap deal on Monday under which Turkmenistan will deliver gas to Iraq via Iran.",
			[]string{"agreement IR,TM - - signed - -"}},
		{"a country signed with is a party",
			"Iran and Turkmenistan signed a gas swap deal with Iraq on Monday.",
			[]string{"agreement IQ,IR,TM - - signed - -"}},
		{"\"met\" a minister of a named portfolio is a meeting (the \"of\" of a portfolio is no \"with\")",
			"Uzbek Energy Minister Jurabek Mirzamakhmudov met Afghan acting Minister of Energy and Water Abdul Latif Mansour in Tashkent on Monday.",
			[]string{"meeting AF,UZ - - held - -"}},
		{"people a report cites («به گفته مسئولان») are no visitors of the goods' destination",
			"به گفته مسئولان، سال گذشته ۹۰۰ هزار تن کالا از طریق بندر آقینه از ترکمنستان وارد افغانستان شده است.",
			[]string{"tonnage AF,TM 900000 t actual - -"}},
		{"a final round of talks still to come is a planned meeting",
			"دور نهایی مذاکرات موافقتنامه تجارت ترجیحی ایران با ازبکستان هفته آینده در تاشکند برگزار خواهد شد.",
			[]string{"meeting IR,UZ - - planned - -", "agreement IR,UZ - - negotiating - -"}},
		{"\"in the presence of Uzbek and Afghan ministers\" names both countries' ministers",
			"The new Termez–Kabul bus route was launched in the presence of Uzbek and Afghan transport ministers.",
			[]string{"project AF,UZ - - launched - -", "meeting AF,UZ - - held - -"}},
		{"\"a new round of negotiations\" still to come is a planned meeting",
			"Iran and Uzbekistan will hold a new round of negotiations in Tashkent next month.",
			[]string{"meeting IR,UZ - - planned - -"}},
		{"a joint body's session «برگزار می\u200cشود» is a planned meeting",
			"کمیسیون مشترک اقتصادی ایران و ازبکستان بهمن\u200cماه در تاشکند برگزار می\u200cشود.",
			[]string{"meeting IR,UZ - - planned - -"}},
		{"a joint body that convened is a held meeting",
			"The Kazakh-Uzbek joint commission convened in Tashkent on Monday.",
			[]string{"meeting KZ,UZ - - held - -"}},
		{"a meeting with an organisation's envoy",
			"امیرخان متقی با نماینده ویژه سازمان ملل در کابل دیدار کرد.",
			[]string{"meeting AF - - held - -"}},
		{"a summit of an organisation is not a bilateral meeting",
			"اجلاس سران اکو هفته آینده در باکو برگزار می\u200cشود.",
			nil},
		{"«عازم X شد» is a visit",
			"وزیر خارجه پاکستان عازم کابل شد.",
			[]string{"meeting AF,PK - - held - -"}},
		{"a phone call is not a meeting",
			"رئیس جمهور ایران در تماس تلفنی با رئیس جمهور ترکیه گفت\u200cوگو کرد.",
			nil},
		{"talks with the press are not a meeting",
			"سفیر ایران در کابل در گفت\u200cوگو با خبرنگاران گفت.",
			nil},
		{"a Dari quarter",
			"صادرات افغانستان به ازبیکستان در ربع اول سال ۱۴۰۴ به ۵۰ ملیون دالر رسید.",
			[]string{"trade_value AF,UZ 5e+07 USD actual SH1404-01..SH1404-03 = 2025-03-21..2025-06-21 -"}},
		{"a conditional status is no status",
			"If the Trans-Afghan railway is completed, Uzbekistan and Pakistan will save millions.",
			[]string{"project PK,UZ - - - - -"}},
		{"items of a list take the intro's trade word and country",
			"به گزارش ایرنا، مقاصد صادراتی ایران به شرح زیر است:\nعراق: ۷ میلیارد دلار\nترکیه: ۳ میلیارد دلار",
			[]string{"trade_value IQ,IR 7e+09 USD actual - -", "trade_value IR,TR 3e+09 USD actual - -"}},
		{"a dateline city with its agency is not a party",
			"ASTANA (Kazinform) – Uzbekistan and Afghanistan signed a memorandum on the transit of goods on Tuesday.",
			[]string{"agreement AF,UZ - - signed - -"}},
		{"a dateline city at the head of a later paragraph is not a party",
			"Uzbek exports rise\n\nTASHKENT – Uzbekistan's exports to Turkmenistan reached $420 million in 2024.\n\nKABUL – Uzbekistan's exports to Tajikistan reached $310 million in 2024.",
			[]string{"trade_value TM,UZ 4.2e+08 USD actual 2024 -", "trade_value TJ,UZ 3.1e+08 USD actual 2024 -"}},
		{"the owner of a ranking is the partner of its items, not the first country",
			"Uzbekistan remained Kazakhstan's largest trading partner in 2025 with turnover of $3.9 billion, followed by Kyrgyzstan at $1.5 billion and Tajikistan at $1.1 billion.",
			[]string{"trade_value KZ,UZ 3.9e+09 USD actual 2025 -", "trade_value KG,KZ 1.5e+09 USD actual 2025 -", "trade_value KZ,TJ 1.1e+09 USD actual 2025 -"}},
		{"a dateline city with a date is not a party",
			"KABUL, Oct 28 — Uzbekistan and Turkmenistan signed a memorandum on the transit of goods.",
			[]string{"agreement TM,UZ - - signed - -"}},
		{"«به گزارش … از کابل» names the reporter's city, not a party",
			"به گزارش خبرنگار ایرنا از کابل، صادرات ازبکستان به ترکمنستان در سال ۲۰۲۴ به ۴۲۰ میلیون دلار رسید.",
			[]string{"trade_value TM,UZ 4.2e+08 USD actual 2024 -"}},
		{"a label and its figure across a colon are one clause",
			"ترانزیت ریلی کالا از مرز سرخس با ترکمنستان: ۱.۲ میلیون تن",
			[]string{"tonnage IR,TM 1.2e+06 t actual - -"}},
		{"a bullet's capacity does not take its title's period",
			"اینفوگرافیک | ترانزیت ریلی از مرز سرخس در چهار ماه نخست ۱۴۰۴\n\n🔹 ظرفیت فعلی پایانه ریلی سرخس با ترکمنستان: ۵ میلیون تن در سال",
			[]string{"tonnage IR,TM 5e+06 t/yr capacity - -"}},
		{"a bullet after a paragraph of text goes on in the article's period",
			"Rail transit via Sarakhs in the first four months of 2025\n\nThe figures come from Iran's railways.\n\n• Transit between Iran and Turkmenistan: 1.2 million tonnes",
			[]string{"tonnage IR,TM 1.2e+06 t actual 2025-01..2025-04 -"}},
		{"a line's capacity raised from one level to another, far from the capacity word: both are capacities",
			"Rail freight between Uzbekistan and Afghanistan reached 3 million tons in 2024. The capacity of the line is to rise from 4 million tons a year to 8 million tons a year once the upgrade is complete.",
			[]string{"tonnage AF,UZ 3e+06 t actual 2024 -", "tonnage AF,UZ 4e+06 t/yr capacity - -", "tonnage AF,UZ 8e+06 t/yr capacity - -"}},
		{"\"a year earlier\" after tonnes is a time, not a rate",
			"Afghan transit cargo through Pakistan fell to 2.1 million tonnes in 2025 from 3.4 million tonnes a year earlier.",
			[]string{"tonnage AF,PK 2.1e+06 t actual 2025 -", "tonnage AF,PK 3.4e+06 t actual 2024 -"}},
		{"a dated item's present-tense signing is a signing",
			"date 2025-12-30\n2025 in review\n\n1. February – Uzbekistan, Afghanistan and Pakistan sign a framework agreement on transit.",
			[]string{"agreement AF,PK,UZ - - signed - -"}},
		{"a dated item's present-tense opening is a launch in the item's month; two unnamed launches stay two",
			"date 2025-12-30\n2025 in review\n\n2. May – The first freight train from China reaches Iran's Aprin dry port.\n\n5. December – Tajikistan and Kyrgyzstan open a rebuilt border crossing at Karamyk.",
			[]string{"project CN,IR - - launched 2025-05 -", "project KG,TJ - - launched 2025-12 -"}},
		{"a present-tense signing outside a dated item is no signing",
			"date 2025-12-30\nUzbekistan, Afghanistan and Pakistan sign a framework agreement on transit every year, officials say.",
			nil},
		{"an opening announced («از افتتاح … خبر داد») is a launch; a guest named in its clause is not added back from context; the guest's attendance is a meeting",
			"صادرات ایران به افغانستان از پایانه مرزی دوغارون افزایش یافت. استاندار خراسان رضوی همچنین از افتتاح فاز دوم پایانه مرزی دوغارون با حضور سرکنسول افغانستان در مشهد خبر داد.",
			[]string{"project IR - - launched - -", "meeting AF,IR - - held - -"}},
		{"an opening announced for the end of the year is planned",
			"وزیر راه از افتتاح راه آهن خواف-هرات میان ایران و افغانستان تا پایان سال خبر داد.",
			[]string{"project AF,IR - - planned - -"}},
		{"a province's customs total with no partner named is the province's country's alone",
			"به گزارش ایرنا، مدیرکل گمرکات گفت: در سال ۱۴۰۴ دو میلیارد دلار کالا از گمرکات استان صادر شد.",
			[]string{"trade_value IR 2e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a province's customs total with no partner named is the province's country's alone, English",
			"IRNA reported that the province's customs offices cleared exports worth $2 billion in 2025.",
			[]string{"trade_value IR 2e+09 USD actual 2025 -"}},
		{"a post on a country's border is its own country's and that one's; the province's next post, linked to none, is the province's country's",
			"به گزارش ایرنا، گمرک دوغارون در مرز افغانستان با ۸۲۰ میلیون دلار بیشترین سهم را در صادرات استان داشت و پس از آن گمرک لطف\u200cآباد با ۱۹۰ میلیون دلار قرار گرفت.",
			[]string{"trade_value AF,IR 8.2e+08 USD actual - -", "trade_value IR 1.9e+08 USD actual - -"}},
		{"a post on a country's border is its own country's and that one's; the province's next post, linked to none, is the province's country's, English",
			"IRNA reported that the Dogharoun customs on the Afghan border led the province's exports with $820 million in 2025, followed by the Lotfabad customs with $190 million.",
			[]string{"trade_value AF,IR 8.2e+08 USD actual 2025 -", "trade_value IR 1.9e+08 USD actual 2025 -"}},
		{"a post beside another that the text put on a country's border takes no such border: the province's country's alone",
			"به گزارش ایرنا، در سال ۱۴۰۴ دو میلیارد دلار کالا از گمرکات استان صادر شد.\n\nگمرک دوغارون در مرز افغانستان با ۸۲۰ میلیون دلار بیشترین سهم را در صادرات استان داشت. سهم گمرک فرودگاه مشهد نیز ۷۰ میلیون دلار بود.",
			[]string{"trade_value IR 2e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value AF,IR 8.2e+08 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value IR 7e+07 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a post beside another that the text put on a country's border takes no such border: the province's country's alone, English",
			"IRNA reported that the province's customs offices cleared exports worth $2 billion in 2025.\n\nThe Dogharoun customs on the Afghan border led the province's exports with $820 million. The Mashhad airport customs also exported goods worth $70 million.",
			[]string{"trade_value IR 2e+09 USD actual 2025 -", "trade_value AF,IR 8.2e+08 USD actual 2025 -", "trade_value IR 7e+07 USD actual 2025 -"}},
		{"a country's total trade is that country's alone: a headline ranking its partners introduces no share of the body's figure",
			"ایران، چین و ازبکستان بزرگترین شرکای تجارتی افغانستان در سال ۱۴۰۴\n\nکابل: ادارهٔ ملی احصائیه می\u200cگوید که حجم تجارت افغانستان در سال ۱۴۰۴ به هفت میلیارد و ۸۶۰ میلیون دالر رسیده است؛ از این رقم، صادرات یک میلیارد و ۲۴۰ میلیون دالر بوده است.",
			[]string{"trade_value AF 7.86e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -", "trade_value AF 1.24e+09 USD actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"a country's total trade is that country's alone: a headline ranking its partners introduces no share of the body's figure, English",
			"Iran, China and Uzbekistan are Afghanistan's largest trade partners in 2025\n\nKABUL: Afghanistan's total trade reached $7.86 billion in 2025, and exports accounted for $1.24 billion.",
			[]string{"trade_value AF 7.86e+09 USD actual 2025 -", "trade_value AF 1.24e+09 USD actual 2025 -"}},
		{"a figure of a crossing referred back to is between the two countries the text put the crossing between",
			"The Khunjerab Pass on the Pakistan-China border was reopened on Monday.\n\nImports from China were valued at $214 million.\n\nIn 2025, the first full year in which the pass remained open in winter, some 61,200 tonnes of goods were cleared at Sost.",
			[]string{"disruption CN,PK - - reopened - -", "trade_value CN,PK 2.14e+08 USD actual - -", "tonnage CN,PK 61200 t actual 2025 -"}},
		{"a figure of a crossing referred back to is between the two countries the text put the crossing between, Persian",
			"گذرگاه مرزی رازی در مرز ایران و ترکیه بازگشایی شد.\n\nواردات از ترکیه ۲۱۴ میلیون دلار بود.\n\nدر سال ۱۴۰۴، ۶۱ هزار تن کالا از این گذرگاه در گمرک بازرگان ترخیص شد.",
			[]string{"disruption IR,TR - - reopened - -", "trade_value IR,TR 2.14e+08 USD actual - -", "tonnage IR,TR 61000 t actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"goods bound for a country are the article's trader's shipments to it; a destination of the next clause's figure is that figure's",
			"ASTANA. KAZINFORM – Kazakhstan's ports of Aktau and Kuryk handled 17.6 million tons of cargo in 2025. Grain bound for Iran came to 1.15 million tons, while cargo for Russia's ports of Astrakhan and Makhachkala amounted to 860,000 tons.",
			[]string{"tonnage KZ 1.76e+07 t actual 2025 -", "tonnage IR,KZ 1.15e+06 t actual 2025 -", "tonnage KZ,RU 860000 t actual 2025 -"}},
		{"goods bound for a country («به مقصد») are the article's trader's shipments to it, Persian",
			"به گزارش ایرنا، در سال ۱۴۰۴ دو میلیون تن کالا در بندر چابهار تخلیه و بارگیری شد. از این میزان ۷۲۰ هزار تن کالای ترانزیتی به مقصد افغانستان بوده است.",
			[]string{"tonnage IR 2e+06 t actual SH1404 = 2025-03-21..2026-03-20 -", "tonnage AF,IR 720000 t actual SH1404 = 2025-03-21..2026-03-20 -"}},
		{"tonnes through a port referred back to are the port's, with the country the text put across it, not the line's named before",
			"Kazakhstan will invest $500 million in the Torghundi–Herat railway. The port of Torghundi on the border with Turkmenistan is a main gate for imports. In the first seven months of 2026, 680,000 tonnes of goods entered the country through this port.",
			[]string{"project AF,KZ,TM 5e+08 USD - - -", "tonnage AF,TM 680000 t actual 2026-01..2026-07 -"}},
		{"tonnes through a port referred back to («این بندر») are the port's, with the country the text put across it («در سرحد با»), not the line's named before, Dari",
			"قزاقستان ۵۰۰ میلیون دالر در خط آهن تورغندی–هرات سرمایه\u200cگذاری می\u200cکند. بندر تورغندی در سرحد با ترکمنستان یکی از مهم\u200cترین دروازه\u200cهای وارداتی کشور است. در هفت ماه نخست ۱۴۰۵، ۶۸۰ هزار تن کالا از راه این بندر وارد کشور شده است.",
			[]string{"project AF,KZ 5e+08 USD financing_pledged - -", "tonnage AF,TM 680000 t actual SH1405-01..SH1405-07 = 2026-03-21..2026-10-22 -"}},
		{"the capacity of \"the line\" after a sentence that refers to it is the line's, with all its parties",
			"The Torghundi–Herat railway will link Turkmenistan with Afghanistan. Afghanistan and Kazakhstan signed a memorandum in July, and Kazakhstan will invest $500 million in building this line. The line's annual capacity after completion will be 5 million tonnes.",
			[]string{"agreement AF,KZ - - signed - -", "project AF,KZ,TM 5e+08 USD - - -", "tonnage AF,KZ,TM 5e+06 t capacity - -"}},
		{"the capacity of a bare «خط» after a sentence that refers to the line is the line's, with all its parties, Dari",
			"خط آهن تورغندی–هرات شبکهٔ خط آهن ترکمنستان را به شهر هرات افغانستان وصل می\u200cکند. بر اساس تفاهم\u200cنامه\u200cای که میان افغانستان و قزاقستان امضا شد، قزاقستان ۵۰۰ میلیون دالر برای ساخت این خط سرمایه\u200cگذاری می\u200cکند. ظرفیت سالانهٔ خط پس از تکمیل پنج میلیون تن بار خواهد بود.",
			[]string{"agreement AF,KZ - - signed - -", "project AF,KZ,TM 5e+08 USD financing_pledged - -", "tonnage AF,KZ,TM 5e+06 t capacity - -"}},
		{"a post's share (\"accounted for\") of the freight just reported is freight too, with the pair the text put the post between",
			"Traffic through the Irkeshtam checkpoint on the Kyrgyz-Chinese border resumed on Monday.\n\nIn January–October 2026, 1.86 million tons of cargo crossed the two checkpoints. Irkeshtam accounted for 1.12 million tons.",
			[]string{"tonnage CN,KG 1.86e+06 t actual 2026-01..2026-10 -", "tonnage CN,KG 1.12e+06 t actual 2026-01..2026-10 -"}},
		{"a post's share («سهم») of the freight just reported is freight too, with the pair the text put the post between, Persian",
			"تردد از گذرگاه ایرکشتام در مرز قرقیزستان و چین روز دوشنبه از سر گرفته شد.\n\nدر ده ماه نخست ۲۰۲۶، یک میلیون و ۸۶۰ هزار تن کالا از دو گذرگاه عبور کرد. سهم ایرکشتام یک میلیون و ۱۲۰ هزار تن بود.",
			[]string{"tonnage CN,KG 1.86e+06 t actual 2026-01..2026-10 -", "tonnage CN,KG 1.12e+06 t actual 2026-01..2026-10 -"}},
		{"a country's trade with Central Asia as a whole is with the region's members",
			"Kazakhstan's trade with its four Central Asian neighbours stood at $6.9 billion in 2025.",
			[]string{"trade_value KG,KZ,TJ,TM,UZ 6.9e+09 USD actual 2025 -"}},
		{"a trade total with the region's countries, Persian",
			"تجارت ازبکستان با کشورهای آسیای مرکزی در سال ۲۰۲۵ به ۶.۲ میلیارد دلار رسید.",
			[]string{"trade_value KG,KZ,TJ,TM,UZ 6.2e+09 USD actual 2025 -"}},
		{"a buyer's tonnes are bought from the article's trader",
			"Kazakhstan exported 1.1 million tonnes of flour to Afghanistan in 2024. Wheat shipments from Kazakhstan to Uzbekistan rose to 2.9 million tonnes, while Tajikistan bought 850,000 tonnes.",
			[]string{"tonnage AF,KZ 1.1e+06 t actual 2024 -", "tonnage KZ,UZ 2.9e+06 t actual 2024 -", "tonnage KZ,TJ 850000 t actual 2024 -"}},
		{"a venue is not a party",
			"The foreign ministers of Afghanistan and China met in Doha.",
			[]string{"meeting AF,CN - - held - -"}},
		{"agreement nouns joined by «along with» are several agreements",
			"Kazakhstan and Afghanistan signed a roadmap on trade cooperation along with a memorandum on the transit of Afghan goods.",
			[]string{"agreement AF,KZ - - signed - -", "agreement AF,KZ - - signed - -"}},
		{"a second meeting of the same pair with other participants stays a second meeting",
			"Kazakhstan's Trade Minister met Afghanistan's Minister of Commerce in Astana on Tuesday. Afghanistan's Minister of Commerce also held talks with the chief executive of Kazakhstan Temir Zholy on rail freight.",
			[]string{"meeting AF,KZ - - held - -", "meeting AF,KZ - - held - -"}},
		{"a capacity raised from one level to another: both are capacities; a launch upon commissioning is a condition",
			"طرح توسعه پایانه ریلی سرخس در مرز ایران و ترکمنستان ۶۰ درصد پیشرفت فیزیکی دارد. با بهره برداری از این طرح، ظرفیت جابجایی بار در این پایانه از ۳ میلیون تن به ۵ میلیون تن در سال افزایش می یابد.",
			[]string{"project IR,TM - - under_construction - -", "tonnage IR,TM 3e+06 t capacity - -", "tonnage IR,TM 5e+06 t/yr capacity - -"}},
		{"a headline's approaching figure is the body's exact one; a baseline in FY2023-24 takes its own period",
			"Pakistan-Uzbekistan trade nears $450 million\n\nBilateral trade between Pakistan and Uzbekistan rose to $446 million in FY2024-25 from $371 million in FY2023-24.",
			[]string{"trade_value PK,UZ 4.46e+08 USD actual 2024-07..2025-06 -", "trade_value PK,UZ 3.71e+08 USD actual 2023-07..2024-06 -"}},
		{"a growth rate of tonnage is not also a trade fact",
			"Kazakhstan exported 1.1 million tonnes of flour to Afghanistan in 2024, down 15 percent from the previous year.",
			[]string{"tonnage AF,KZ 1.1e+06 t actual 2024 -15"}},
		{"a headline's growth of exports is the body's growth of tonnes",
			"Kazakh wheat exports to Afghanistan up 12%\n\nKazakhstan exported 1.9 million tonnes of wheat to Afghanistan in 2025, up 12 percent from a year earlier.",
			[]string{"tonnage AF,KZ 1.9e+06 t actual 2025 12"}},
		{"a total's detail: the country after \"with\" is the later figure's",
			"Kazakhstan's total grain exports in 2025 reached 7.4 million tonnes, with Uzbekistan the second-largest buyer at 1.6 million tonnes.",
			[]string{"tonnage KZ 7.4e+06 t actual 2025 -", "tonnage KZ,UZ 1.6e+06 t actual 2025 -"}},
		{"a headline's meeting is the body's fuller one, and only that one",
			"Turkmen Foreign Minister meets Afghan delegation\n\nMinister of Foreign Affairs of Turkmenistan Rashid Meredov met the delegation of Afghanistan headed by the Minister of Public Works in Ashgabat on 17 September. On 18 September Meredov also met the Minister of Commerce of Afghanistan.",
			[]string{"meeting AF,TM - - held - -", "meeting AF,TM - - held - -"}},
		{"a line within one country is a project where the sentence speaks of building or studying it, not of its traffic",
			"مطالعات امکان\u200cسنجی راه آهن مشهد–سرخس تکمیل شد. قطارهای باربری در راه آهن تربت حیدریه–سنگان حرکت کردند.",
			[]string{"project IR - - feasibility_study - -"}},
		{"a line named by two places of two countries is a project; a line within one country is not",
			"The sides discussed the Serhetabat–Herat railway. Trains on the Hairatan–Mazar-i-Sharif railway carried goods.",
			[]string{"project AF,TM - - - - -"}},
		{"an unnamed line defined by the countries it links, and its attributes",
			"They discussed a power transmission line from Turkmenistan through Afghanistan to Pakistan. The line is estimated to cost $1.2 billion.",
			[]string{"project AF,PK,TM 1.2e+09 USD - - -"}},
		{"an organisation's session is not a meeting with it; a meeting verb's organisation is",
			"رئیس\u200cجمهور قزاقستان پیشتر در نشست مجمع عمومی سازمان ملل بر اهمیت ثبات در افغانستان تأکید کرده بود. The Pakistani minister met a delegation of the Asian Development Bank.",
			[]string{"meeting PK - - held - -"}},
		{"a bulletin item's trade word before a colon: the outlet's country trades",
			"گزارش گمرک ایران\n\n🔹 صادرات ایران به تاجیکستان در پنج ماه نخست ۱۴۰۴: ۱۶۰ میلیون دلار\n🔹 صادرات به قرقیزستان در همین مدت: ۴۵ میلیون دلار",
			[]string{"trade_value IR,TJ 1.6e+08 USD actual SH1404-01..SH1404-05 = 2025-03-21..2025-08-22 -", "trade_value IR,KG 4.5e+07 USD actual SH1404-01..SH1404-05 = 2025-03-21..2025-08-22 -"}},
		{"a joint body meeting at a venue: the venue's country and the other in context",
			"Uzbekistan's trade with Afghanistan reached $1.1 billion in 2024. The Termez trade centre is key. The intergovernmental commission will meet in Kabul in December.",
			[]string{"trade_value AF,UZ 1.1e+09 USD actual 2024 -", "meeting AF,UZ - - planned - -"}},
		{"a breakdown of tonnes goes on with the period of the figure before",
			"Kazakhstan exported 1.1 million tonnes of flour to Afghanistan in 2024. Wheat shipments to Uzbekistan rose to 2.9 million tonnes, making it the largest buyer of Kazakh wheat.",
			[]string{"tonnage AF,KZ 1.1e+06 t actual 2024 -", "tonnage KZ,UZ 2.9e+06 t actual 2024 -"}},
		{"\"in the quarter\" is the quarter just named",
			"Afghan transit cargo fell 40 percent to 410,000 tonnes in July–September 2025, officials of Pakistan and Afghanistan said. Bilateral trade between Pakistan and Afghanistan dropped to $310 million in the quarter.",
			[]string{"tonnage AF,PK 410000 t actual 2025-07..2025-09 -40", "trade_value AF,PK 3.1e+08 USD actual 2025-07..2025-09 -"}},
		{"a plain-text table: a title with trade and its unit, a header of periods, a row per partner",
			"Uzbekistan: foreign trade turnover by partner (USD million)\n\nPartner   Jan–Jun 2025   Jan–Jun 2024\nKazakhstan   2,140.5   1,987.2\nAfghanistan   702.6   512.0",
			[]string{"trade_value KZ,UZ 2.1405e+09 USD actual 2025-01..2025-06 -", "trade_value KZ,UZ 1.9872e+09 USD actual 2024-01..2024-06 -",
				"trade_value AF,UZ 7.026e+08 USD actual 2025-01..2025-06 -", "trade_value AF,UZ 5.12e+08 USD actual 2024-01..2024-06 -"}},
		{"numbers in rows under a header of periods without a unit are no table",
			"Uzbekistan: trains by partner\n\nPartner   Jan–Jun 2025   Jan–Jun 2024\nKazakhstan   2,140   1,987",
			nil},
		{"«دو کشور» with one foreign country and nothing before: the outlet's country is the other",
			"به گزارش ایرنا، سخنگوی وزارت امور خارجه درباره روابط اقتصادی با افغانستان گفت: حجم تجارت دو کشور در سال ۲۰۲۴ به یک میلیارد و ۲۰۰ میلیون دلار رسیده است. وزیر خارجه پاکستان روز شنبه به تهران سفر کرد.",
			[]string{"trade_value AF,IR 1.2e+09 USD actual 2024 -", "meeting IR,PK - - held - -"}},
		{"a delegation without a country travelling abroad is the outlet's",
			"به گزارش ایرنا، هیئتی از وزارت امور خارجه هفته آینده برای گفت\u200cوگو درباره حقابه هیرمند به کابل سفر خواهد کرد.",
			[]string{"meeting AF,IR - - planned - -"}},
		{"a decree's \"shall ensure … reaches\" is a target; \"shall be expanded to handle\" a capacity with its deadline",
			"Resolution on trade with Afghanistan. The Ministry shall ensure that Uzbekistan's trade turnover with Afghanistan reaches $3 billion by 2027. The Termez trade centre on the border of Uzbekistan with Afghanistan shall be expanded to handle 1 million tonnes of cargo a year by the end of 2026.",
			[]string{"trade_value AF,UZ 3e+09 USD target 2027 -", "tonnage AF,UZ 1e+06 t/yr capacity 2026 -"}},
		{"«کمتر از ۲ درصد» is a bound, not a decline; «از ۳ میلیارد دلار فراتر رفته» is a level passed in «همین سال»",
			"صادرات ایران به ازبکستان در سال ۲۰۲۴ حدود ۴۸۰ میلیون دلار بود و سهم ایران از واردات ازبکستان به کمتر از ۲ درصد رسید. صادرات ترکیه به ازبکستان در همین سال از ۳ میلیارد دلار فراتر رفته است.",
			[]string{"trade_value IR,UZ 4.8e+08 USD actual 2024 -", "trade_value TR,UZ 3e+09 USD actual 2024 -"}},
		{"the worth of commercial contracts is not trade",
			"در این دیدار ۱۵ قرارداد تجارتی به ارزش ۲۵۰ میلیون دالر میان تاجران افغانستان و ازبیکستان امضا شد.",
			[]string{"agreement AF,UZ - - signed - -"}},
		{"closures of a list of crossings; an appeal to agree is no agreement",
			"The repeated closures of Torkham and Chaman this year have cost traders dearly. We urge Islamabad and Kabul to agree on a mechanism that keeps the crossings open.",
			[]string{"disruption AF,PK - - closed - -", "disruption AF,PK - - closed - -"}},
		{"a list's total after its items is the trader's, in the intro's period",
			"وزارت اقتصاد امارت اسلامی اعلام کرد که در ربع اول سال ۱۴۰۴ صادرات میوه کشور به این کشورها صورت گرفته است:\n\n- پاکستان: ۱۲۰ میلیون دالر\n- ازبیکستان: ۱۵ میلیون دالر\n\nبه گفته این وزارت، مجموع صادرات میوه در این مدت ۲۳۰ میلیون دالر بوده است.",
			[]string{"trade_value AF,PK 1.2e+08 USD actual SH1404-01..SH1404-03 = 2025-03-21..2025-06-21 -",
				"trade_value AF,UZ 1.5e+07 USD actual SH1404-01..SH1404-03 = 2025-03-21..2025-06-21 -",
				"trade_value AF 2.3e+08 USD actual SH1404-01..SH1404-03 = 2025-03-21..2025-06-21 -"}},
		{"a portal's headline meeting is the body's; two ministers of one country are two participants",
			"Chairman of the Cabinet of Ministers of the Kyrgyz Republic met with the Ambassador of Uzbekistan\n\nOn March 11, the Chairman of the Cabinet of Ministers of the Kyrgyz Republic received the Ambassador Extraordinary and Plenipotentiary of the Republic of Uzbekistan to the Kyrgyz Republic.",
			[]string{"meeting KG,UZ - - held - -"}},
		{"a growth of train counts is not tonnage",
			"The number of freight trains between China and Kazakhstan rose 10 percent.",
			nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractBrief(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("facts of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestConcurrentExtract runs one Extractor from several goroutines (run
// with -race): the extractor is read-only once built.
func TestConcurrentExtract(t *testing.T) {
	x := NewExtractor(nil)
	a, err := ParseArticle("c", benchText(20000))
	if err != nil {
		t.Fatal(err)
	}
	want, err := x.Extract(t.Context(), a)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := x.Extract(t.Context(), a)
			if err == nil && len(got) != len(want) {
				err = fmt.Errorf("%d facts, want %d", len(got), len(want))
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestFlow holds the direction of a figure between two countries to
// named sentences: an import's origin is the country after «از», "from",
// whichever comes first; a figure of more than two countries has none.
func TestFlow(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		{"«از X … وارد کشور» in an Afghan outlet: from X into Afghanistan",
			"کابل (طلوع نیوز): امسال یک میلیون و ۲۰۰ هزار تن گندم از قزاقستان وارد کشور شده است.", "KZ->AF"},
		{"\"imports from\": from the country after \"from\"",
			"Pakistan's imports from Kazakhstan reached 300,000 tonnes in 2024.", "KZ->PK"},
		{"three countries: no flow",
			"از ابتدای سال ۱۴۰۴، ۳۸۰ هزار تن گندم از قزاقستان و روسیه وارد ایران شده است.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := extractText(t, NewExtractor(nil), "t", tt.text)
			if len(fs) != 1 {
				t.Fatalf("facts %v; want one", fs)
			}
			if fs[0].Flow != tt.want {
				t.Errorf("flow of %s = %q, want %q", brief(fs[0]), fs[0].Flow, tt.want)
			}
		})
	}
}

// TestBreakdownItems: a sentence that breaks down by product or route the
// figure just reported gives one fact per item, with the head's countries
// (only the countries are checked here, not the period).
func TestBreakdownItems(t *testing.T) {
	x := NewExtractor(nil)
	for _, tt := range []struct {
		name, text string
		kind       string
		value      float64
		countries  string
	}{
		{"by product, English", "Kazakhstan exported goods worth $840 million to Uzbekistan in January-June 2026.\n\nMetals led the list with $310.2 million, followed by grain ($122.5 million) and chemicals ($64.1 million).", KindTradeValue, 122.5e6, "KZ,UZ"},
		{"by product with tonnes, English", "Kazakhstan exported goods worth $840 million to Uzbekistan in January-June 2026.\n\nGrain topped the list with 410,000 tons worth $122.5 million, followed by metals (95,000 tons, $310.2 million).", KindTonnage, 95e3, "KZ,UZ"},
		{"by route, Dari", "در شش ماه نخست سال ۱۴۰۵، ۳۰ هزار تن کشمش به ارزش ۶۰ میلیون دالر از افغانستان به هند صادر شده است.\n\nاز این میان، ۸ هزار تن به ارزش ۲۰ میلیون دالر از طریق دهلیز هوایی و ۲۲ هزار تن به ارزش ۴۰ میلیون دالر از راه بندر چابهار ایران انتقال یافته است.", KindTonnage, 22e3, "AF,IN"},
		{"by product after a route, Dari", "در شش ماه نخست سال ۱۴۰۵، ۳۰ هزار تن کشمش به ارزش ۶۰ میلیون دالر از افغانستان به هند صادر شده است.\n\nاز این میان، ۸ هزار تن از طریق دهلیز هوایی انتقال یافته است.\n\nکشمش سبز با ۱۸ هزار تن بیشترین سهم را داشته است.", KindTonnage, 18e3, "AF,IN"},
		{"by route, English", "Afghanistan exported 30,000 tons of raisins worth $60 million to India in the first half of 2026.\n\nOf these, 8,000 tons worth $20 million went by air and 22,000 tons worth $40 million via the port of Chabahar, Iran.", KindTradeValue, 40e6, "AF,IN"},
		{"by product, Persian", "ارزش صادرات ایران به ارمنستان در شش ماه نخست سال ۱۴۰۵ به ۲۴۰ میلیون دلار رسید.\n\nاز این میان، فرآورده\u200cهای نفتی با ۹۰ میلیون دلار و مصالح ساختمانی با ۴۵ میلیون دلار در صدر بودند.", KindTradeValue, 45e6, "AM,IR"},
		{"an item of a post's figure with the head's pair, Persian", "در هشت ماهه نخست سال ۱۴۰۵ ایستگاه مرزی سرخس در مرز ترکمنستان با ۲ میلیون تن بار پرترددترین گذرگاه ریلی بوده است. از این میزان یک میلیون و ۴۰۰ هزار تن بار ورودی به مقصد بنادر جنوبی و ۶۰۰ هزار تن بار خروجی به سمت ترکمنستان و ازبکستان بوده است.", KindTonnage, 1.4e6, "IR,TM"},
		{"an item of a post's figure with the head's pair and the countries it names, Persian", "در هشت ماهه نخست سال ۱۴۰۵ ایستگاه مرزی سرخس در مرز ترکمنستان با ۲ میلیون تن بار پرترددترین گذرگاه ریلی بوده است. از این میزان یک میلیون و ۴۰۰ هزار تن بار ورودی به مقصد بنادر جنوبی و ۶۰۰ هزار تن بار خروجی به سمت ترکمنستان و ازبکستان بوده است.", KindTonnage, 6e5, "IR,TM,UZ"},
		{"an item of a post's figure with the head's pair and the countries it names, English", "The Sarakhs border station with Turkmenistan handled 2 million tonnes of freight in 2025. Of this, 1.4 million tonnes were inbound cargo bound for southern ports and 600,000 tonnes outbound cargo to Turkmenistan and Uzbekistan.", KindTonnage, 6e5, "IR,TM,UZ"},
		{"by crossing named after its figure, English", "KABUL: The ministry of mines said 1.2 million tonnes of coal were exported to Pakistan in the first half of 2026.\n\nOf this, 700,000 tonnes went via Torkham and 500,000 tonnes via Spin Boldak.", KindTonnage, 500e3, "AF,PK"},
		{"by crossing named after its figure, Dari", "کابل: وزارت تجارت می\u200cگوید که در شش ماه نخست سال ۱۴۰۵، ۹۰۰ هزار تن زغال\u200cسنگ به پاکستان صادر شده است.\n\nاز این مقدار، ۶۰۰ هزار تن از بندر تورخم و ۳۰۰ هزار تن از سپین\u200cبولدک صادر شده است.", KindTonnage, 300e3, "AF,PK"},
		{"by market after a breakdown of the same figure, Persian", "ارزش مبادلات بازارچه\u200cهای مرزی ایران با پاکستان در شش ماه نخست ۱۴۰۵ به ۱۲۰ میلیون دلار رسید.\n\nاز این رقم ۸۰ میلیون دلار صادرات به پاکستان بوده است. بازارچه میرجاوه با ۵۰ میلیون دلار بیشترین سهم را داشت و ریمدان با ۲۰ میلیون دلار در رتبه بعدی قرار گرفت.", KindTradeValue, 20e6, "IR,PK"},
		{"by market after a breakdown of the same figure, English", "Iran's trade with Pakistan through border markets reached $120 million in the first half of 2026.\n\nOf this, exports to Pakistan made up $80 million. The Mirjaveh market led the list with $50 million, followed by Rimdan with $20 million.", KindTradeValue, 20e6, "IR,PK"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := extractText(t, x, "p", tt.text)
			for _, f := range fs {
				if f.Kind == tt.kind && f.Value != nil && *f.Value == tt.value {
					if got := strings.Join(f.Countries, ","); got != tt.countries {
						t.Errorf("countries %s, want %s", got, tt.countries)
					}
					return
				}
			}
			t.Errorf("no %s %g in %v", tt.kind, tt.value, fs)
		})
	}
}
