package extract

// Cue classes: words and phrases that signal a kind of fact, a status or a
// part of an amount. They live in their own lexicon (see newCueLexicon) and
// may overlap.
const (
	CueTrade         Class = 1 << (16 + iota) // trade, exports, «مبادلات»
	CueTradeOrg                               // a ministry or chamber whose name contains a trade word
	CueNonTrade                               // investment, cost, loan, revenue, contract value
	CueCargo                                  // goods, cargo, transit, freight
	CueWeight                                 // «در وزن», "by weight": a growth rate of tonnage
	CueValue                                  // «در ارزش», "in value": a growth rate of value
	CueUSD                                    // US dollars
	CueCurrency                               // another currency; Code is its ISO 4217 code
	CueTon                                    // tonnes
	CuePercent                                // per cent
	CueQualAbout                              // about, «حدود», «نزدیک به»
	CueQualMore                               // more than, «بیش از»
	CueQualUpTo                               // up to
	CueQualApproach                           // approaching
	CueTarget                                 // aim, plan, will, «افزایش دهند», «قرار است»
	CueActual                                 // reached, «رسید», «تبادل شد»
	CueCapacity                               // capacity, «ظرفیت»
	CuePerYear                                // annually, «سالانه»
	CuePerMonth                               // monthly, «ماهانه»
	CueUp                                     // increase, growth
	CueDown                                   // decline, drop
	CueAgree                                  // agreed, «توافق کردند»
	CueSign                                   // signed, «به امضا رسید»
	CueNegotiate                              // negotiations, to be signed
	CueCommit                                 // pledged, committed, will provide
	CueAgreementNoun                          // agreement, MoU, «تفاهمنامه»
	CueJointBody                              // joint commission, working group
	CueEstablish                              // establishment, «تشکیل»
	CueMeet                                   // met, «دیدار», talks with
	CueMeetWeak                               // meeting, summit, «نشست»: a meeting only with participants
	CueVisit                                  // visit, «سفر»
	CueFuture                                 // will, «خواهد», «قرار است»
	CueParticipation                          // «با حضور», trilateral, attended
	CueTopic                                  // affairs, «امور», «مساله», on
	CueInfra                                  // railway, corridor, pipeline, project
	CueStatus                                 // a project status; Code is the status
	CueAccelerate                             // accelerate, «تسریع»
	CueCompare                                // compared with, «نسبت به»
	CueClauseBreak                            // but, «اما»
	CueExport                                 // exports
	CueImport                                 // imports
	CueHuman                                  // people: «افراد», "people" (for «سه تن از افراد»)
	CueReference                              // this, «این»: the next noun refers back
	CueDisruption                             // closed, reopened, clashes; Code is the disruption status
	CueMeasure                                // a unit of a project's measure; Code is the unit (km, MW, m3)
	CueRole                                   // a word with a role in a rule; Code names the role (see roleRows)
)

type cueRow struct {
	class Class
	code  string
	words []string
}

// roleRow is a CueRole row: the words of one role. A point row holds
// single words without affixes that rules look up at one token ("to",
// «و»): they are kept out of the lexicon walk, whose matches they would
// flood, and found by a map.
type roleRow struct {
	role  string
	words []string
	num   float64 // a numeric payload (a weekday)
	point bool
}

var cueRows = []cueRow{
	{CueTrade, "", []string{"تجارت*", "تجاری*", "مبادلات*", "مبادله*", "تبادل*", "تبادلات*", "بازرگانی*", "معاملات تجارتی",
		"معاملات تجاری", "معاملات*", "گردش تجاری", "گردش تجارت", "گردش مالی تجارت", "حجم تجارت", "حجم مبادلات", "روابط تجاری",
		"مراودات تجاری", "مبادلات بازرگانی", "داد و ستد", "تجارت خارجی", "صادرات*", "واردات*", "صادراتی", "وارداتی",
		"صادر شد~", "صادر کرد~", "صادر می شود", "صادر میشود", "وارد کرد~", "وارد کشور شد~", "کالا به ارزش", "کالاهای به ارزش",
		"trade*", "trading", "turnover", "commerce", "export*", "import*", "exported", "imported", "trade volume", "bilateral trade",
		"مقاصد", "مقصد صادراتی", "مقصد اصلی", "شریک تجاری*", "شرکای تجاری", "trading partner*", "export destination*", "export market*",
		"leading partner", "largest partner", "biggest partner", "main partner", "top partner", "شریک تجارتی*", "بزرگترین شریک",
		"importer", "importers", "bought", "buys", "purchased", "buyer", "buyers", "خریدار*", "خریداران"}},
	{CueTradeOrg, "", []string{"وزارت صنعت و تجارت", "وزارت صنعت معدن و تجارت", "وزارت صنعت، معدن و تجارت", "وزارت تجارت*", "وزارت بازرگانی",
		"وزیر تجارت", "وزیر صنعت و تجارت", "وزیر صنعت معدن و تجارت", "وزیر بازرگانی", "اتاق بازرگانی*", "اتاق تجارت*", "اتاق مشترک بازرگانی",
		"اتاق تجارت و صنایع", "سازمان توسعه تجارت", "وزارت تجارت و همگرایی", "وزیر تجارت و همگرایی", "رایزن بازرگانی",
		"ministry of commerce", "ministry of trade", "ministry of industry and commerce", "ministry of commerce and industry",
		"minister of commerce", "minister of trade", "minister of industry and commerce", "minister of trade and integration",
		"ministry of trade and integration", "trade minister", "commerce minister", "chamber of commerce", "chambers of commerce",
		"chamber of commerce and investment", "chamber of commerce and industry", "chamber of commerce and industries",
		"اتاق تجارت و سرمایه گذاری", "اتاق بازرگانی و صنایع", "اتاق تجارت و سرمایه گذاری افغانستان",
		"world trade organization", "trade ports", "trade port", "trade relations", "trade ties", "trade agreement", "trade route*"}},
	{CueNonTrade, "", []string{"سرمایه گذاری*", "سرمایه*", "هزینه*", "اعتبار*", "وام*", "کمک*", "بودجه*", "قرارداد*",
		"درآمد*", "عوارض*", "تعرفه*", "قیمت*", "ارزش افزوده", "سود*", "بدهی*", "تامین مالی", "بلاعوض", "خسارت*",
		"invest*", "investment*", "cost*", "credit*", "loan*", "aid", "grant*", "assistance", "budget*", "contract*", "deal*",
		"زیان*", "ضرر*", "losses", "loss", "زمان حمل", "زمان ترانزیت", "مدت زمان", "مسافت", "delivery time", "transit time",
		"travel time", "duration", "distance",
		"تراز تجاری", "کسر تراز تجاری", "کسری تجاری", "مازاد تجاری", "trade deficit*", "trade balance", "trade surplus*", "trade gap",
		"revenue*", "income", "fee*", "toll*", "tariff*", "price*", "profit*", "debt*", "financing", "fund*", "lend*", "lending", "worth of agreements",
		"agreements worth", "deals worth", "contracts worth", "damage*", "capital"}},
	{CueCargo, "", []string{"کالا*", "بار", "محموله*", "ترانزیت*", "ترانزیتی", "حمل و نقل", "حمل*", "ترابری", "ترانسپورت", "کانتینر*",
		"گندم", "آرد", "سوخت", "نفت*", "گاز", "برنج", "زغال سنگ", "محصولات*", "مواد*", "تناژ", "جابجایی", "جابهجایی", "تخلیه", "بارگیری",
		"صادرات*", "واردات*", "cargo*", "freight*", "goods", "transit*", "shipment*", "commodity", "commodities", "wheat", "flour", "fuel*", "oil",
		"coal", "grain*", "tonnage", "handled", "handling", "transported", "transportation", "exports", "imports", "products"}},
	{CueWeight, "", []string{"در وزن", "وزن*", "وزنی", "by weight", "in weight", "in tonnage", "in volume", "by volume", "in terms of volume", "in physical terms"}},
	{CueValue, "", []string{"در ارزش", "ارزشی", "in value", "by value", "in terms of value", "in value terms"}},
	{CueUSD, "USD", []string{"دلار*", "دالر*", "دلار آمریکا", "دالر امریکایی", "دلار آمریکایی", "usd", "$", "us$", "us $", "$us", "dollar*", "us dollar*", "u.s. dollar*"}},
	{CueCurrency, "EUR", []string{"یورو", "euro*", "eur", "€"}},
	{CueCurrency, "CNY", []string{"یوان", "yuan", "cny", "rmb", "renminbi"}},
	{CueCurrency, "RUB", []string{"روبل", "ruble*", "rouble*", "rub"}},
	{CueCurrency, "KZT", []string{"تنگه", "tenge", "kzt"}},
	{CueCurrency, "IRR", []string{"ریال*", "rial*", "irr"}},
	{CueCurrency, "IRT", []string{"تومان*", "toman*"}},
	{CueCurrency, "AFN", []string{"افغانی", "afghani*", "afn"}},
	{CueCurrency, "PKR", []string{"روپیه*", "rupee*", "pkr", "rs"}},
	{CueCurrency, "TRY", []string{"لیر", "lira", "try"}},
	{CueCurrency, "AED", []string{"درهم", "dirham*", "aed"}},
	{CueCurrency, "UZS", []string{"som", "sum", "uzs", "soum"}},
	{CueCurrency, "TJS", []string{"somoni", "tjs"}},
	{CueCurrency, "TMT", []string{"manat", "tmt"}},
	{CueCurrency, "KGS", []string{"kgs"}},
	{CueTon, "", []string{"تن", "تنی", "ton", "tons", "tonne", "tonnes", "metric tons", "metric tonnes", "mt"}},
	{CuePercent, "", []string{"درصد*", "فیصد*", "%", "percent", "per cent", "pct", "percentage"}},
	{CueQualAbout, "about", []string{"حدود", "حدودا", "در حدود", "تقریبا", "نزدیک به", "قریب به", "about", "around", "approximately",
		"roughly", "nearly", "almost", "some", "close to", "an estimated", "estimated", "approx"}},
	{CueQualMore, "more_than", []string{"بیش از", "بیشتر از", "افزون بر", "بالغ بر", "بالای", "over", "more than", "above", "exceeding",
		"in excess of", "upwards of", "exceeded", "exceed", "surpass", "surpassed", "topped", "tops", "at least"}},
	{CueQualUpTo, "up_to", []string{"up to", "as much as", "حداکثر", "at most"}},
	{CueQualApproach, "approaching", []string{"approached", "approaching", "نزدیک شد*", "nears", "neared"}},
	{CueTarget, "", []string{"هدف*", "هدفگذاری*", "هدف گذاری*", "قرار است", "قرار شد", "برنامه ریزی*", "در نظر دارند", "در نظر دارد",
		"خواهد", "خواهند", "خواهیم", "خواهم", "افزایش دهند", "افزایش دهیم", "افزایش دهد", "افزایش یابد", "افزایش پیدا کند",
		"افزایش داده شود", "برسانند", "برساند", "برسانیم", "برسد", "برسند", "میرسد", "میرسند", "می رسد", "می رسند", "رساندن", "ارتقا دهند", "ارتقا یابد", "ارتقا دهیم",
		"چشم انداز", "پیش بینی*", "انتظار می رود", "امیدوار*", "می تواند", "می توانند", "بتواند", "بتوانند", "تلاش می کنند",
		"تلاش میکنند", "دو برابر شود", "سه برابر شود", "افزایش خواهد یافت", "رسیدن به", "باید",
		"aim*", "target*", "goal*", "plan*", "seek*", "intend*", "expected to", "is expected", "are expected", "will", "would",
		"could reach", "can reach", "to boost", "to increase", "to raise", "to expand", "to reach", "to double", "to triple",
		"to bring", "committed to", "commit to", "pledged to", "agreed to", "expanding", "boosting", "raising", "increasing",
		"potential", "forecast*", "projected", "envisage*", "ambition*", "strive", "hope*", "should", "take it to", "bring it to",
		"shall", "shall ensure", "must reach", "quota", "quotas", "expects to", "expect to", "expecting to", "plans to handle", "plan to handle", "planned to handle", "foresee*",
		"expects to close the year", "expect to close the year", "expected to close the year",
		// A figure for the years to come, a rise called necessary («بر
		// ضرورت افزایش حجم تجارت به ۳ میلیارد دلار در سال‌های آینده
		// تأکید کردند»).
		"در سال های آینده", "در سالهای آینده", "طی سال های آینده", "طی سالهای آینده", "in the coming years", "in the years ahead",
		"ضرورت افزایش", "لزوم افزایش"}},
	{CueActual, "", []string{"رسید~", "رسیده است", "بود", "بوده است", "بوده", "بالغ شد~", "ثبت شد~", "ثبت کرد~", "تبادل شد~",
		"تبادل گردید", "صادر شد~", "وارد شد~", "صادر کرد~", "وارد کرد~", "افزایش یافت~", "افزایش داشت~", "کاهش یافت~", "رشد داشت~",
		"reached", "totaled", "totalled", "amounted", "stood", "was", "were", "recorded", "registered", "hit", "grew", "rose",
		"increased", "fell", "declined", "dropped", "surged", "jumped", "exceeded", "has been", "have been", "amounts", "totals", "came to", "managed",
		"handled in", "carried in", "transported in", "shipped in"}},
	{CueCapacity, "", []string{"ظرفیت*", "capacity", "capacities", "designed to handle", "designed to carry", "designed to transport", "can handle", "able to handle", "throughput",
		"capable of carrying", "capable of handling", "could handle", "carry up to", "carries up to", "handling up to",
		"can carry", "could carry", "able to carry", "can transport", "could transport", "قابلیت حمل", "توان حمل", "توان ترانزیت",
		"handles up to", "handle up to", "can handle up to", "expanded to handle", "upgraded to handle", "to handle"}},
	{CuePerYear, "", []string{"سالانه", "در سال", "هر سال", "به صورت سالانه", "در هر سال", "سالیانه", "یک ساله", "annual*", "annually",
		"per year", "a year", "per annum", "each year", "yearly", "/ year", "/ yr", "every year"}},
	{CuePerMonth, "", []string{"ماهانه", "در ماه", "هر ماه", "در هر ماه", "monthly", "per month", "a month", "each month"}},
	{CueUp, "", []string{"افزایش*", "رشد*", "بیشتر", "جهش*", "ارتقا*", "increase*", "growth", "grew", "grow*", "rose", "rise*", "risen", "up",
		"jump*", "surge*", "climb*", "higher", "gain*", "expanded", "boost*", "more"}},
	{CueDown, "", []string{"کاهش*", "افت*", "کمتر", "تنزل*", "سقوط*", "decrease*", "decline*", "drop*", "fell", "fall*", "down",
		"lower", "shrank", "shrink*", "plunge*", "slump*", "reduced", "reduction", "less"}},
	{CueAgree, "", []string{"توافق کرد~", "توافق کن~", "توافق نمود~", "به توافق رسید~", "به توافق رسیده اند", "مورد توافق قرار گرفت~",
		"مورد توافق قرار گرفته", "توافق شد", "توافق صورت گرفت", "توافق حاصل شد", "موافقت کرد~", "موافقت نمود~", "قرار شد",
		"اتفاق نظر داشت~", "به اتفاق نظر رسید~", "agreed", "agree", "agrees", "reached an agreement", "reached agreement",
		"came to an agreement", "reached a deal", "struck a deal", "consensus was reached"}},
	{CueSign, "", []string{"امضا شد~", "امضا کرد~", "امضا نمود~", "امضا گردید", "به امضا رسید~", "به امضا رساند~", "به امضای", "امضا شده", "منعقد شد~",
		"منعقد کرد~", "منعقد گردید", "منعقد شده", "انعقاد", "امضای", "signed", "inked", "concluded", "were signed", "was signed", "signing"}},
	{CueNegotiate, "", []string{"مذاکره*", "مذاکرات*", "پیش نویس", "قرار است امضا شود", "امضا خواهد شد", "امضا خواهند کرد",
		"در دست بررسی", "negotiate*", "negotiation*", "draft", "set to sign", "to be signed", "will sign", "would sign", "are to sign", "talks on",
		"discuss*", "در حال مذاکره", "امضا شود", "امضا شوند", "امضا کنند", "به امضا برسد", "به امضا برسانند",
		"expected to sign", "plan to sign", "plans to sign", "due to sign", "scheduled to sign", "to sign",
		"initialled", "initialed", "initialling", "پاراف", "پاراف شد", "پاراف کرد~",
		"to be finalized", "to be finalised", "will be finalized", "will be finalised", "نهایی شود", "نهایی خواهد شد", "نهایی شدن"}},
	{CueCommit, "", []string{"متعهد شد~", "تعهد کرد~", "متعهد", "تعهد داد~", "کمک خواهد کرد", "فراهم خواهد کرد", "اختصاص خواهد داد",
		"آموزش خواهد داد", "ارائه خواهد کرد", "pledged", "pledges", "committed", "commits", "will provide", "will train", "will assist",
		"will help", "will supply", "will build", "will finance", "will allocate", "will grant", "will support", "will open",
		"will establish", "promised", "undertook", "vowed"}},
	{CueAgreementNoun, "", []string{"توافق*", "توافقنامه*", "توافق نامه*", "موافقتنامه*", "موافقت نامه*", "تفاهمنامه*", "تفاهم نامه*",
		"تفاهم*", "یادداشت تفاهم*", "یادداشتهای تفاهم", "قرارداد*", "سند همکاری", "اسناد همکاری", "پروتکل*", "برنامه همکاری",
		"برنامه مبادلات", "نقشه راه", "agreement*", "memorandum*", "memoranda", "mou*", "contract*", "protocol*", "deal*",
		"accord*", "treaty", "treaties", "roadmap*", "road map", "document*", "سند*", "اسناد",
		// A signed programme, as «برنامه همکاری» ("a programme of economic
		// cooperation for 2027–2030").
		"programme of cooperation", "programme of economic cooperation", "program of cooperation", "program of economic cooperation",
		"cooperation programme", "cooperation program"}},
	{CueJointBody, "", []string{"کمیسیون مشترک", "کمیته مشترک", "کمیسیون مشترک اقتصادی", "کارگروه مشترک", "گروه کاری مشترک",
		"کمیسیون اقتصادی مشترک", "کمیسیون بین الدولی", "joint commission", "joint committee", "joint working group",
		"intergovernmental commission", "joint intergovernmental", "working committee", "working group", "joint council",
		"joint coordination committee", "coordination committee", "کمیته هماهنگی*", "کمیته مشترک هماهنگی"}},
	{CueEstablish, "", []string{"تشکیل", "ایجاد", "تاسیس", "راه اندازی", "establishment", "establish*", "set up", "create*", "creation", "form", "formation", "launch*"}},
	{CueMeet, "", []string{"دیدار*", "ملاقات*", "گفتگو کرد~", "گفتگو نمود~", "گفت و گو کرد~", "گفتوگو کرد~", "رایزنی*", "مذاکره کرد~",
		"گفتگو کن~", "گفت و گو کن~", "گفتوگو کن~", "مذاکره کن~", "دیدار کن~",
		"گفتگو با", "گفت و گو با", "گفتوگو با", "مذاکره با", "met", "meets", "meet", "held talks", "hold talks", "talks with", "meeting with",
		"meetings with", "met with", "hosted", "host*", "received a delegation", "received", "receives", "به حضور پذیرفت~", "paid a visit", "co-chaired", "co-chair", "co-chairs",
		"co-chairing"}},
	{CueMeetWeak, "", []string{"نشست*", "جلسه*", "اجلاس*", "گردهمایی*", "meeting*", "summit*", "session*", "talks", "conference", "forum", "همایش"}},
	{CueVisit, "", []string{"سفر*", "عزیمت*", "رفت~", "visit*", "trip", "arrived in", "arrives in", "travelled to", "traveled to",
		"travel to", "travels to", "will travel", "to travel", "fly to", "flew to", "می آید", "می آیند", "خواهد آمد", "خواهند آمد"}},
	{CueFuture, "", []string{"خواهد*", "خواهند", "خواهیم", "خواهم", "قرار است", "قرار بود", "هفته آینده", "ماه آینده", "فردا",
		"will", "is to", "are to", "scheduled", "is expected", "are expected", "plans to", "plan to", "upcoming", "next week",
		"next month", "tomorrow", "set to", "is due", "are due", "would", "برگزار می شود", "برگزار میشود", "برگزار می گردد", "برگزار میگردد"}},
	{CueParticipation, "", []string{"با حضور", "با شرکت", "شرکت کرد~", "شرکت داشت~", "حضور داشت~", "حضور یافت~", "سه جانبه*", "دوجانبه*",
		"دو جانبه*", "چندجانبه*", "چهارجانبه*", "سران", "وزرای خارجه", "attended", "participate*", "participation", "with the participation",
		"trilateral", "bilateral", "quadrilateral", "multilateral", "joint", "leaders of", "foreign ministers of", "heads of state", "between"}},
	{CueTopic, "", []string{"امور", "مساله*", "مسئله*", "موضوع*", "وضعیت", "اوضاع", "بحران", "در مورد", "درباره", "در باره", "پیرامون",
		"affairs", "on", "about", "regarding", "situation in", "crisis in", "issue of", "question of", "for"}},
	// A country that imposes sanctions or waives them is named in a
	// clause about them, not as a party: «لغو معافیت تحریمی آمریکا برای
	// چابهار», «تحریم‌های آمریکا», "sanctions imposed by the US" (and,
	// after the country, "the US waiver", see sanctionsAfter).
	{CueTopic, "", []string{"تحریم", "تحریمی", "تحریمهای", "تحریم های", "معافیت", "sanctions by", "sanctions imposed by", "waiver by", "waiver granted by"}},
	{CueInfra, "", []string{"راه آهن*", "خط آهن*", "خط ریلی", "خطوط ریلی", "کریدور*", "دهلیز*", "بزرگراه*", "جاده*", "شاهراه*", "سرک*",
		"خط لوله*", "خط انتقال*", "نیروگاه*", "بندر*", "بندر خشک", "پل*", "تونل*", "سد*", "پروژه*", "طرح*", "مسیر ریلی", "مسیر ترانزیتی",
		"ترمینال*", "پایانه*", "اسکله*", "berth*", "pier*", "بازارچه*", "بازارچه مرزی", "گذرگاه*", "گذرگاه مرزی", "border market*", "border crossing*", "crossing point*",
		"کانال*", "railway*", "railroad*", "rail line*", "rail link*", "corridor*", "highway*", "road*", "pipeline*", "power line*",
		"transmission line*", "power plant*", "hydropower plant*", "hydropower station*", "hydroelectric", "port*", "dry port*", "bridge*", "tunnel*", "dam*", "project*", "canal*", "terminal*", "route*",
		"logistics center*", "logistics centre*", "logistics hub*", "هاب لجستیک*", "مرکز لجستیک*", "هاب لوژستیک*", "مرکز لوژستیک*",
		"rail section*", "railway section*", "road section*", "highway section*", "rail segment*", "railway segment*",
		"track", "tracks", "checkpoint complex*", "border complex*", "بند آبگردان", "بند برق", "بند", "پایپ لاین*", "پایپلاین*"}},
	// Power projects: a line named with its ordinal («خط سوم انتقال برق»),
	// a cable under a sea, wind and solar farms.
	{CueInfra, "", []string{"خط دوم انتقال*", "خط سوم انتقال*", "خط چهارم انتقال*", "خط جدید انتقال*", "کابل زیردریایی*", "کابل دریایی*",
		"مزرعه بادی", "مزرعه خورشیدی", "subsea cable*", "submarine cable*", "undersea cable*", "power cable*", "interconnector*",
		"wind farm*", "wind park*", "wind power plant*", "solar plant*", "solar power plant*", "solar park*", "power station*"}},
	{CueStatus, "launched", []string{"آغاز به کار کرد~", "آغاز به کار نمود~", "به کار افتاد~", "افتتاح شد~", "افتتاح گردید", "افتتاح کرد~",
		"راه اندازی شد~", "به بهره برداری رسید~", "بهره برداری شد~", "رسما آغاز شد", "launched", "inaugurated", "opened", "commissioned",
		"began operations", "began operating", "started operations", "start operations", "begin operations", "start operating", "begin operating", "put into operation", "came into operation", "became operational",
		"went into operation", "operational since", "launch of", "opening of", "inauguration of",
		"first container train", "first freight train", "first cargo train", "first train", "maiden", "اولین قطار", "نخستین قطار",
		"first shipment", "first consignment", "نخستین محموله", "اولین محموله", "بهره برداری از", "آغاز بهره برداری",
		"به بهره برداری سپرده شد~", "به بهره برداری سپرده", "opened to traffic", "open to traffic", "opens to traffic",
		"اولین قطار باری", "نخستین قطار باری", "اولین قطار کانتینری", "نخستین قطار کانتینری",
		"به بهره برداری برسد", "افتتاح شود", "راه اندازی شود"}},
	{CueStatus, "completed", []string{"تکمیل شد~", "تکمیل گردید", "به پایان رسید~", "completed", "finished", "was completed",
		"به پایه اکمال رسید~", "به اکمال رسید~", "اکمال شد~", "اکمال گردید", "was built", "were built", "has been built", "have been built"}},
	{CueStatus, "under_construction", []string{"در حال ساخت", "در دست ساخت", "در حال احداث", "در دست احداث", "پیشرفت فیزیکی", "درصد پیشرفت",
		"در دست بازسازی", "در حال بازسازی", "under reconstruction", "being rebuilt", "being upgraded",
		"در دست اجرا", "در حال اجرا", "در دست اجراست", "در حال اجراست", "under implementation", "being implemented",
		"در حال تطبیق", "تحت تطبیق",
		"under construction", "being built", "being constructed", "is building", "are building", "is constructing", "are constructing", "physical progress", "percent complete", "per cent complete", "% complete",
		"has been laid", "have been laid", "been laid so far", "has been erected", "have been erected", "لوله گذاری", "لولهگذاری"}},
	{CueStatus, "construction_started", []string{"آغاز ساخت", "آغاز عملیات ساخت", "کلنگ*", "کلنگ زنی", "سنگ بنا", "عملیات اجرایی آغاز شد",
		"groundbreaking", "broke ground", "construction began", "construction started", "began construction", "started construction",
		"laid the foundation", "foundation stone", "سنگ تهداب", "سنگ تهداب*",
		// "under construction since 2024": the start, with its year.
		"under construction since", "being built since"}},
	{CueStatus, "planned", []string{"افتتاح خواهد شد", "راه اندازی خواهد شد", "به بهره برداری خواهد رسید",
		"به بهره برداری می رسد", "به بهره برداری میرسد", "افتتاح می شود", "افتتاح میشود", "راه اندازی می شود", "راه اندازی میشود", "will be launched", "will be inaugurated", "will be opened",
		"scheduled to open", "due to open", "set to open", "expected to open", "will open", "is to open", "are to open", "planned to open", "قرار است ساخته شود", "قرار است احداث شود", "احداث خواهد شد", "ساخته خواهد شد", "planned", "will be built", "plans to build", "is planned",
		"yet to be started", "yet to start", "yet to begin", "هنوز آغاز نشده", "هنوز شروع نشده",
		// A start still to come, of works or of a service ("Power exports
		// … are expected to begin in May 2027", "will start in March 2027").
		"expected to begin", "expected to start", "will begin", "will start", "scheduled to begin", "scheduled to start",
		"due to begin", "due to start", "set to begin", "set to start", "is to begin", "is to start", "are to begin", "are to start"}},
	{CueStatus, "paid", []string{"پرداخت کرد~", "پرداخت شد~", "پرداخت شده", "پرداخت گردید", "هزینه شد~", "هزینه شده", "هزینه کرد~",
		"paid", "has paid", "have paid", "disbursed", "spent", "has spent", "have spent"}},
	{CueStatus, "financing_pledged", []string{"pledged", "has pledged", "have pledged", "will be financed by", "will be funded by", "is to be financed by",
		"will contribute", "would contribute", "is to contribute", "will provide", "would provide", "تعهد کرد~", "تعهد کرده است", "تعهد کرده اند",
		"سرمایه گذاری می کند", "سرمایه گذاری میکند", "سرمایهگذاری میکند", "سرمایه گذاری کند", "سرمایهگذاری کند",
		"سرمایه گذاری خواهد کرد", "سرمایهگذاری خواهد کرد", "در نظر گرفته است", "در نظر گرفته شده است",
		// A budget's allocation is money set aside, not yet paid or lent
		// (a lender's is secured: see attributeStatuses). (The Persian
		// verbs stay secured: as pledged they lose the sums of fresh43's
		// ar-prs-10, a cause not found yet.)
		"allocated", "has allocated", "is allocated", "allocation", "earmarked", "has earmarked", "set aside"}},
	{CueStatus, "financing_secured", []string{"approved", "has approved", "have approved", "secured", "is financed by", "are financed by",
		"تخصیص داد~", "تخصیص یافت~", "اختصاص داد~", "اختصاص داده است", "اختصاص یافت~",
		"was financed by", "were financed by", "is being financed by", "is funded by", "are funded by", "was funded by", "تصویب کرد~", "تصویب شد~",
		"تامین کرد~", "تامین کرده است", "تامین کرده اند", "has financed", "have financed", "commitment amount",
		"provides", "is providing", "are providing", "has provided", "have provided", "was provided", "were provided",
		"received", "has received", "have received", "granted", "has granted", "co-financed by", "co-financed with",
		"دریافت کرد~", "دریافت شد~", "دریافت کرده است", "اعطا کرد~", "اعطا شد~", "اعطا نمود~"}},
	{CueStatus, "completion_expected", []string{"completion is expected", "expected to be completed", "to be completed by", "will be completed",
		"due to be completed", "scheduled for completion", "scheduled to be completed", "is to be completed", "are to be completed",
		"set to be completed", "planned to be completed", "تکمیل خواهد شد", "به پایان خواهد رسید", "به اتمام خواهد رسید",
		"تکمیل شود", "تکمیل گردد", "به پایان برسد", "به اتمام برسد",
		"be finished by", "be finished in", "to be finished", "due to be finished", "expected to be finished", "should be completed",
		"would be completed", "completion expected", "completion targeted", "targeted for completion", "slated for completion", "due for completion",
		"be ready by", "be completed by", "to be completed in", "be completed in", "scheduled to finish", "expected to finish", "due to finish", "set to finish", "slated to finish",
		"تکمیل می شود", "تکمیل میشود", "به پایان می رسد", "به اتمام می رسد"}},
	{CueStatus, "resumed", []string{"دوباره آغاز شد~", "دوباره آغاز شده", "از سر گرفته شد~", "ازسرگرفته شد~", "resumed", "restarted",
		"was resumed", "has resumed"}},
	{CueStatus, "proposed", []string{"پیشنهاد شد~", "پیشنهادی", "proposed"}},
	{CueStatus, "feasibility_study", []string{"امکان سنجی*", "مطالعات امکان سنجی", "feasibility", "feasibility study"}},
	{CueStatus, "stalled", []string{"متوقف شد~", "متوقف مانده", "متوقف", "بلاتکلیف", "stalled", "suspended", "halted", "frozen", "on hold", "stopped"}},
	{CueStatus, "delayed", []string{"تاخیر*", "به تعویق افتاد~", "به تعویق", "delayed", "postponed", "behind schedule",
		"آغاز نشده", "شروع نشده", "آغاز نشده است", "yet to start", "yet to begin", "not yet started", "has not started", "have not started"}},
	{CueAccelerate, "", []string{"تسریع*", "سرعت بخشی*", "سرعت بخشیدن", "سرعت بخشند", "شتاب بخشیدن", "با سرعت", "accelerate*", "acceleration", "expedite*", "speed up", "fast-track*", "fast track*"}},
	{CueCompare, "", []string{"مقایسه با", "در مقایسه با", "نسبت به", "مدت مشابه", "compared", "than", "versus", "vs", "against",
		"year-on-year", "from", "same period", "corresponding period", "same months", "same month", "same quarter"}},
	{CueClauseBreak, "", []string{"اما", "ولی", "لیکن", "در حالی که", "درحالیکه", "در حالیکه", "but", "however", "whereas", "while", "although"}},
	{CueExport, "", []string{"صادرات*", "صادر", "export*"}},
	{CueImport, "", []string{"واردات*", "وارد", "import*"}},
	{CueHuman, "", []string{"افراد", "فرد", "نفر", "مسافر*", "شهروند*", "عضو*", "اعضای", "کشته", "زخمی", "مجروح", "مقامات", "مقامهای", "مسئولان",
		"سربازان", "نیروهای", "کارکنان", "کارمندان", "رانندگان", "مهاجران", "پناهجویان", "اتباع", "زندانیان", "شبه نظامیان", "دانشجویان",
		"people", "persons", "killed", "injured", "officials"}},
	{CueReference, "", []string{"این", "آن", "همین", "همان", "this", "that", "the same", "these", "those"}},
	{CueDisruption, StatusClosed, []string{"بسته شد~", "بسته شده", "بسته است", "بسته بود", "بسته ماند~", "بسته بودن", "بسته شدن",
		"مسدود شد~", "مسدود کرد~", "مسدود است", "متوقف شد~", "متوقف شده", "halted", "suspended", "مسدود شده", "مسدود بود", "بسته", "انسداد", "closed", "shut", "shut down", "sealed", "closure", "remains closed",
		"remain closed", "blocked", "closures"}},
	{CueDisruption, StatusReopened, []string{"بازگشایی شد~", "بازگشایی گردید", "باز شد~", "دوباره باز شد~", "reopened", "reopens",
		"re-opened", "was reopened", "resumed operations", "resumed operation", "resumed traffic", "resumed trade", "back in operation",
		"فعالیت خود را از سر گرفت~", "دوباره فعال شد~", "از سر گرفته شد~", "از سرگرفته شد~", "traffic resumed", "did not reopen until"}},
	{CueDisruption, StatusClashes, []string{"درگیری*", "تیراندازی*", "زد و خورد", "clash*", "fighting", "exchange of fire", "firing",
		"exchanged fire", "traded fire", "exchange fire"}},
	{CueMeasure, "km", []string{"کیلومتر*", "کیلو متر", "کیلومتری", "km", "kilometre*", "kilometer*", "kilometre-long", "km-long"}},
	{CueMeasure, "MW", []string{"مگاوات*", "میگاوات*", "mw", "megawatt*"}},
	{CueMeasure, "m3", []string{"متر مکعب", "مترمکعب", "cubic metre*", "cubic meter*", "bcm", "m3"}},
	// A length in metres («پل به طول ۲۸۰ متر», "a 650-metre bridge") is
	// read in km; an area is no measure of a project.
	{CueMeasure, "m", []string{"متر", "متری", "metre", "metres", "meter", "meters", "metre-long", "meter-long"}},
	{CueMeasure, "m2", []string{"متر مربع", "مترمربع", "square metre*", "square meter*", "sq m"}},
}

// Roles: the words a rule looks for at a given place, one CueRole row each
// (see roleRows and TestRoles). A new word is a new entry in its row.
const (
	roleDeadline      = "deadline"       // before a period a target is set for: «تا سال ۲۰۳۰», "by 2030"
	roleEndOf         = "end-of"         // «تا پایان سال ۱۴۰۵»: the end of a period, after «تا»
	roleTheir         = "their"          // the trade of the two just named: "their trade", «تجارت آنها»
	roleNow           = "now"            // a level that stands now: «اکنون», "currently"
	roleSecondTrack   = "second-track"   // a track added along a line: "a second track", «خط دوم»
	roleShipmentNoun  = "shipment-noun"  // goods sent, as a noun: "shipments", "deliveries", «محموله‌های»
	roleDiversion     = "diversion"      // trade turning to another route: "traders shifted", «تاجران … روی آورده‌اند»
	roleLender        = "lender"         // a lender among an agreement's signers: "the EBRD Managing Director", «بانک»
	roleWholeSpan     = "whole-span"     // before a period meant whole, not as a deadline: "for the whole of FY2025-26", «در کل سال ۱۴۰۴»
	roleBuild         = "build"          // construction of a project: «ساخت», «احداث», "construction"
	roleWorks         = "works"          // «عملیات اجرایی»: the works, started or going on
	roleOngoing       = "ongoing"        // work going on: "under way", «ادامه دارد»
	roleStart         = "start"          // work starting: "start", «آغاز»
	roleStarted       = "started"        // work started: "began", «آغاز شد»
	roleCondition     = "condition"      // a hypothesis: "if", «اگر», «در صورت»
	roleObjectOf      = "object-of"      // a preposition whose country is the object of trade: "to", «به»
	roleNeighbourAdj  = "neighbour-adj"  // a word between such a preposition and its country: "to neighbouring Afghanistan"
	roleVia           = "via"            // a route's preposition: its country is passed through, no trader: "via Iran", «از طریق ایران»
	roleRespective    = "respectively"   // a respective list: «به ترتیب», "respectively"
	roleCrossing      = "crossing"       // a border crossing, port, border, road or line that can close
	roleInlandRoute   = "inland-route"   // a road, pass or tunnel that lies in one country: "highway", «شاهراه», «کوتل»
	rolePart          = "part"           // a part of a project: «قطعه», "section"
	roleWeekday       = "weekday"        // a day name; Num is its time.Weekday
	roleLink          = "link"           // a project linking countries: "links", «وصل کند»
	roleLocation      = "location"       // before where a work lies: "in", «در» (see locatedIn)
	roleCompass       = "compass"        // a direction between such a word and its country: "in western Turkmenistan", «در شمال افغانستان»
	roleRank          = "rank"           // a ranking between a partner and its figure: "remained the leading partner with"
	roleRankGlue      = "rank-glue"      // the other words such a ranking may have ("remained the", «تجارتی»)
	roleNowSign       = "now-sign"       // a signing told in the present, as a dated item tells a past event: "sign", "signs"
	roleNowOpen       = "now-open"       // an opening told in the present: "open", "opens", "inaugurate"
	roleBuildVerb     = "build-verb"     // a verb of building something not yet named: "agreed to build", "construct"
	roleRebuild       = "rebuild"        // rebuilding an existing line: «بازسازی», "reconstruction"
	roleBuildNoun     = "build-noun"     // building something new as a noun, its object after: "on building a", «ساخت یک»
	roleBuyer         = "buyer"          // a country buying what the article's trader sells: "the largest buyer", "bought"
	roleTookVerb      = "took-verb"      // a verb whose subject takes a share of the goods: "took", "bought"
	roleCarryVerb     = "carry-verb"     // a line or road carrying goods: "carries", «حمل می‌کند»
	rolePortWord      = "port-word"      // a seaport's noun: "port", «بندر», «بنادر»
	rolePlanNoun      = "plan-noun"      // a plan or programme referred back to: "The programme foresees …", «این برنامه»
	roleLoanNoun      = "loan-noun"      // a loan or credit as a noun: "loan", «وام», «اعتبار», «قرضه»
	roleAllocate      = "allocate"       // money set aside: "allocated", «اختصاص داد»; a budget's is pledged, a lender's secured
	roleOwnSide       = "own-side"       // a part of a cross-border work on the subject's own side: "on its side", "on its section"
	roleBeAfterTo     = "be-after-to"    // "be" after "to", the passive of an event's own verb: "is to be held"
	roleCompanyWord   = "company-word"   // the last word of a company's name: "Group", "Corporation", "Ltd"
	roleRoundOrdinal  = "round-ordinal"  // the number after «دور»: «دور نخست», «دور چهارم و پایانی»
	roleStartSoon     = "start-soon"     // a start told in the present, which in Persian is the future: «آغاز می‌شود»
	roleSupplier      = "supplier"       // a country supplying what the article's trader buys: "Russia supplied 1.72 million tonnes"
	roleOpening       = "opening"        // the noun of an opening after «از», announced: «از افتتاح … خبر داد»
	roleAnnounced     = "announced"      // a verb of announcing what «از» names: «خبر داد»
	roleTimeRef       = "time-ref"       // a time named by an event: «پیش از بسته شدن», "during the closure"
	roleJourney       = "journey"        // a distance travelled, not a project's length: "the 10,400 km journey"
	roleJoin          = "join"           // joins the items of a list: «و», "and", "along with"
	roleBreakdown     = "breakdown"      // a breakdown of the figure just reported by product or route: "led the list", "followed by", «از این میان»
	roleShare         = "share"          // a share of a figure whose country follows: «بیشتر آن به پاکستان», "most of which went to"
	roleFinance       = "finance"        // a project financed: "loan", «وام», «سرمایه گذاری»
	roleAttend        = "attend"         // attendance at an event: «با حضور», "in the presence of"
	roleEvent         = "event"          // an event people attend: "ceremony", «مراسم»
	roleSidelines     = "sidelines"      // «در حاشیه», "on the sidelines of"
	roleExpert        = "expert"         // a commentator, not a party: "an economist at", «کارشناس اقتصادی»
	roleNameStop      = "name-stop"      // a word that is no part of a person's name: "On", «همچنین»
	roleNameEnd       = "name-end"       // a word next to a person's name: "said", «گفت», «آقای»
	roleTo            = "to"             // «به», "to": a level reached, a destination
	roleVolume        = "volume"         // a volume of goods: «حجم», "tonnage", "cargo"
	roleCountNoun     = "count-noun"     // things counted, not weighed: trains, containers, lorries
	roleFigure        = "figure"         // a figure referred to: "the figure", «این رقم»
	roleSum           = "sum"            // «این مبلغ»: a sum referred to
	roleDeterminer    = "determiner"     // "the", "this", "that", «این» before a noun referring back
	roleUpParticle    = "up-particle"    // "up" of "made up"
	roleMadeUp        = "made-up"        // "made" of "made up about 70%": a share, not a growth
	roleWorth         = "worth"          // the value of goods: "worth", «ارزش»
	roleSupply        = "supply"         // a supply of goods under a contract: "supply", «تامین»
	roleContract      = "contract"       // the contract noun itself: "contract", «قرارداد»
	roleShipped       = "shipped"        // goods sent somewhere: "shipped", «ارسال»
	roleFigureIntro   = "figure-intro"   // between a ranked country and its figure: «با», "with", "(", ":"
	roleItemTrade     = "item-trade"     // what a ranked item's figure measures, after its intro: «با خرید», "with imports of"
	roleSignNoun      = "sign-noun"      // «امضای», "signing": a signing that needs an agreement noun in its clause
	roleAdopt         = "adopt"          // "adopted", «تصویب»: an agreement agreed
	roleRatify        = "ratify"         // "ratified": only a signed agreement is ratified
	roleWill          = "will"           // «خواهد»: a future after «به امضای»
	roleReached       = "reached"        // «رسید»: «به امضا رسید», done
	rolePassiveAux    = "passive-aux"    // "be", «شود» before a signing verb: "to be signed"
	roleParticipants  = "participants"   // the participants of a meeting as a subject: "participants", «شرکت کنندگان»
	roleNegation      = "negation"       // "not", "failed" before a verb
	roleDenial        = "denial"         // "denied", «تکذیب»
	rolePostpone      = "postpone"       // "postponed", «تعویق», «لغو»: put off, not done
	roleConvene       = "convene"        // «برگزار», "convened": a body's session held or to be held
	roleAux           = "aux"            // "has", "also", «نیز» between a subject and its verb
	roleArticle       = "article"        // "a", "an", "the"
	roleDefinite      = "definite"       // "the": a noun referring to one already named
	roleAgreementHead = "agreement-head" // a word that opens an agreement's name: «برنامه», «سند», "agreement"
	roleListOpen      = "list-open"      // a sentence opening a list of documents: "Among", «از», "These"
	roleListOf        = "list-of"        // "them", "include", «جمله», «شامل» after it
	roleCountWord     = "count-word"     // a small number written as a word: «سه», "twelve", "several"
	roleMany          = "many"           // an unspecified plural: «متعددی», "several", "various"
	roleMinistry      = "ministry"       // «وزارت», "ministry", "minister": a name of sectors follows
	roleBy            = "by"             // "visit by X": the visitor follows
	roleArriveFa      = "arrive-fa"      // «وارد», «عازم» of «وارد تهران شد», «عازم تهران شد»
	roleVisitPrep     = "visit-prep"     // a visit cue's last word before its destination: "in", "to", «وارد»
	roleToFa          = "to-fa"          // «به» before a destination
	roleArrived       = "arrived"        // "arrived in": "in" then names the destination
	roleIn            = "in"             // «در», "in" before a place
	roleVenue         = "venue"          // «در», "in", "at" before a meeting's city
	rolePressOf       = "press-of"       // «نشست خبری», "press conference": no meeting
	roleRemote        = "remote"         // a call, not a meeting: «تلفنی», "videoconference"
	rolePress         = "press"          // journalists, not a party: «خبرنگاران», "reporters"
	roleWith          = "with"           // «با», "with", «بین», "between", "of", "by" before a meeting's other party
	roleWithOnly      = "with-only"      // «با», "with"
	roleOf            = "of"             // "of" of "with the participation of"
	roleCounterparts  = "counterparts"   // «همتایان», "counterparts", "presidents": a meeting with several
	roleSeparately    = "separately"     // «جداگانه», "separately": one meeting with each
	roleNextBefore    = "next-before"    // "next" before a session word
	roleNextAfter     = "next-after"     // «بعدی», «آینده» after a session word
	roleRound         = "round"          // «دور» of «دور بعدی مذاکرات»
	roleToday         = "today"          // «امروز», "today"
	roleYesterday     = "yesterday"      // «دیروز», "yesterday"
	roleMeetVerb      = "meet-verb"      // an English verb that is a meeting only with people after it: "met", "hosted", "received"
	roleYearEarlier   = "year-earlier"   // "a year earlier", "last year", «سال قبل» after a baseline figure
	roleSameDet       = "same-det"       // "same", "this" of "the same period"
	roleYear          = "year"           // "year" of "the same year"
	roleFiscal        = "fiscal"         // "fiscal", "financial" of "the same fiscal year"
	rolePeriodNoun    = "period-noun"    // "period" of "the same period"
	roleCorresponding = "corresponding"  // "the corresponding period": a comparison
	roleCompareLead   = "compare-lead"   // "than", "with", "from" before "the same period": a comparison
	roleSameFa        = "same-fa"        // «همین», «این» of «در همین مدت»
	rolePeriodFa      = "period-fa"      // «مدت», «دوره», «بازه», «سال» of «در همین مدت»
	roleFurther       = "further"        // "second", «دوم» after an indefinite article: a further part of the work before ("a second phase")
	roleStretchEnd    = "stretch-end"    // "first", «نخست» beside a length: a stretch told from one end ("The first 183 kilometres")
	rolePostHead      = "post-head"      // "terminal", «پایانه»: a work that lies at a border and faces the country across when the text says so
	roleAlone         = "alone"          // "alone", «به‌تنهایی» after a period: one month singled out of the span reported, not a span to go on in
	roleRankedAfter   = "ranked-after"   // "only", "behind", "than", "after" just before a country compared with ("second only to Russia")
	roleMeetRefDet    = "meet-ref-det"   // «این», «همین», "the", "this" before a meeting word that refers back to a meeting
	roleThey          = "they"           // "they" opening a clause: the countries or people of the sentence before
	roleEarlierMeet   = "earlier-meet"   // "last", "previously", "earlier", "first" before a meeting verb: an earlier meeting recalled
	roleIncluding     = "including"      // "including", «از جمله», «شامل» before the items of a list of documents
	roleBypass        = "bypass"         // "bypassing", "instead of", «به جای» before a named work: compared with, not spoken of
	roleTimeNoun      = "time-noun"      // «ماه», «سال», "month", "year" after «این», "this": a time referred to, not goods or countries
	roleNamedFa       = "named-fa"       // «یادشده», «مذکور» of «مدت یادشده»
	roleDuringPrep    = "during-prep"    // "in", "during", "over" of "during the period"
	rolePeriodTail    = "period-tail"    // "last", "of", «سال» after "the same period": last year's, a comparison
	roleAgainst       = "against"        // "against", "versus": a baseline figure follows
	roleOwnDet        = "own-det"        // "the", "its" just before a noun that refers back: "the line", "its section"
	rolePronOwner     = "pron-owner"     // a pronoun owning a noun: "its cost", «هزینه آن»
	roleRegionWord    = "region-word"    // "region" referring back to a region named: "from the region"
	roleCopula        = "copula"         // «است», «بود»: states what a subject is
	rolePassed        = "passed"         // a mark passed, after «از» and the figure: «از ۲ میلیارد دالر گذشت»
	roleCofinance     = "cofinance"      // a share of a project's financing by another lender: "cofinancing", «تمویل مشترک»
	roleOurOwner      = "our-owner"      // the speaker's or the outlet's country owning a trade word: «صادرات ما», «صادرات کشور», "our exports"
	roleAnswer        = "answer"         // an interview's answer marker: "A" of "A:", «ج», «پاسخ»
	roleQuestion      = "question"       // an interview's question marker: "Q" of "Q:", «س», «پرسش»
	roleFirstPerson   = "first-person"   // "we", "our", «ما» in an answer: the interviewee's country
	roleGoal          = "goal"           // "target", "goal", «هدف»: a figure set as a goal
	roleThousand      = "thousand"       // a table's unit: "thousand", «هزار»
	roleMillion       = "million"        // a table's unit: "million", «میلیون»
	roleBillion       = "billion"        // a table's unit: "billion", «میلیارد»
	roleThan          = "than"           // «از», "than" of «کمتر از», "less than": a bound on a figure
	roleFrom          = "from"           // "from", «از» before a baseline figure
	roleExceed        = "exceed"         // «فراتر», «گذشت» after «از X»: a level passed
	roleAppeal        = "appeal"         // "urge", "call on", «خواستار»: what others should agree
	roleTotal         = "total"          // «مجموع», «کل», "total": a sum over the items given before
	roleLine          = "line"           // a line between places: "railway", «راه آهن», "pipeline", "power line"
	roleDetail        = "detail"         // a detail of a figure just given: ", with Uzbekistan at …", "including", «از جمله»
	roleIssuer        = "issuer"         // a government body that issues a release: "Government of", "Ministry of … of", "Embassy of"
	rolePortfolio     = "portfolio"      // a word of a minister's portfolio: "Minister for Commerce", "of Public Works"
	roleNeeded        = "needed"         // a sum still needed to finish a project: «نیاز است», "is still needed"
	rolePlanFor       = "plan-for"       // a plan or programme for building: "a programme for the construction of", «برنامه ساخت»
	rolePrep          = "prep"           // a stage before building whose progress is not the line's: «تملک اراضی», "land acquisition"
	roleProgress      = "progress"       // progress beside a share: «پیشرفت ۸۰ درصدی», "progress of 80 percent"
	roleSource        = "source"         // whom a report cites, not an actor: «به گفته», "according to"
	roleBorder        = "border"         // a border or a crossing on it, not a port or a road: «مرز», "crossing"
	roleProjectWord   = "project-word"   // the word "project" itself: a data sheet's headline names its project by it, «پروژه», «طرح»
	roleCountryLabel  = "country-label"  // the label of a data sheet's field of countries: "Country:", «کشور:»
	roleAlso          = "also"           // a figure beside the one before: «نیز», "also", «سهم», "share"
	roleComparedWith  = "compared-with"  // "compared with", «در مقایسه با»: what follows is a comparison, not a party
	roleShorten       = "shorten"        // a route cut short: "cut … by 900 km", «۹۰۰ کیلومتر کوتاه می‌کند»: a distance saved, no length
	roleWholeRef      = "whole-ref"      // "whole" before a project word referring back to the project: «هزینه کل طرح», "the whole project"
	roleEstimated     = "estimated"      // a sum estimated: "was estimated at", «برآورد»: a project's cost where the clause names the project
	roleProvCustoms   = "prov-customs"   // the customs or the trade of a province or region: «گمرکات استان», «صادرات استان», "the province's customs"
	roleIndefinite    = "indefinite"     // an indefinite article: "a", "an", «یک»: something new, not referred back to
	roleLoss          = "loss"           // a loss or damage a sum measures, not trade: «زیان», "losses"
	roleItObject      = "it-object"      // a pronoun object referring back: "complete it", «آن را»
	roleGenericTitle  = "generic-title"  // officials named by no office: "officials", «مقامات»
	roleOrgSuffix     = "org-suffix"     // a word that makes a name an organisation's: "Authority", "Corporation"
	roleNewRound      = "new-round"      // a round of talks besides the next: "the final round", "a new round"
	roleSetTarget     = "set-target"     // setting a goal: "have set a target of", «هدف‌گذاری کرده‌اند»
	roleChamber       = "chamber"        // a chamber of commerce, one body though named for two countries: «اتاق مشترک»
	roleSince         = "since"          // the start of a state that lasts: "closed since October 2025", «از میزان ۱۴۰۴ بسته است»
	roleComplement    = "complement"     // what an event agrees on or plans follows: "agreed to …", "agreed that …"
	roleTerritory     = "territory"      // the territory a part of a project lies in: «در خاک ایران», "Iranian territory"
	roleSide          = "side"           // a country's side of a cross-border work: "on the Kazakh side", «در سمت افغانستان»
	roleNameAdj       = "name-adj"       // before "the republic's": a state's name ("the Islamic Republic's")
	roleLength        = "length"         // a length said as such: «به طول», «طول دارد», "long", "length of"
	roleClosureNoun   = "closure-noun"   // a closure told as a noun, whose date may follow: "the closure of …", «بسته شدن»
	roleRelative      = "relative"       // opens a relative clause set off by commas: ", which …,", «، که …،»
	roleMovedTo       = "moved-to"       // before the date a delay moves a milestone to: "postponed to", «به … موکول شد»
	rolePurpose       = "purpose"        // before what a thing is for: "$300 million for …", «برای …»
	roleYearToDate    = "year-to-date"   // a span from the year's start to now: "since the start of the year", «از ابتدای سال جاری تاکنون»
	rolePlaceHead     = "place-head"     // the words that may stand before a place's name: "the port of", «بندر»
	roleTargetNoun    = "target-noun"    // a target's noun or verb, whose period may stand before the figure: «هدف», "target"
	roleSubjectOpener = "subject-opener" // opens the subjects of counted agreements: "three memorandums on …", «سه یادداشت تفاهم در زمینه‌های …»
	roleContractor    = "contractor"     // a builder after its nationality, no party to the project: "a Turkish contractor"
	roleContractorFa  = "contractor-fa"  // a builder before its nationality: «پیمانکار ایرانی»
	roleCompany       = "company"        // a company after its nationality: "a Turkish company"
	roleCompanyFa     = "company-fa"     // a company before its nationality: «شرکت ترکیه‌ای», «کمپنی ترکی»
	roleContracting   = "contracting"    // a company hired to build: "subcontracted to", "a contract with", «قرارداد … با», «توسط»
)

// roleRows are the words of each role.
var roleRows = []roleRow{
	{role: roleDeadline, words: []string{"تا", "by", "until", "till", "for", "برای", "of", "through"}, point: true},
	{role: roleEndOf, words: []string{"پایان", "آخر", "انتهای", "اواخر", "ختم"}, point: true},
	{role: roleTheir, words: []string{"their", "آنها", "آن ها", "دو طرف"}},
	{role: roleNow, words: []string{"اکنون", "هم اکنون", "هماکنون", "در حال حاضر", "now", "currently", "at present"}},
	{role: roleSecondTrack, words: []string{"second track", "second line", "double track", "double-track", "doubling", "خط دوم", "دوخطه", "دو خطه", "دوخطه سازی", "دو خطه سازی"}},
	{role: roleShipmentNoun, words: []string{"shipments", "deliveries", "محمولههای", "محموله های"}},
	{role: roleDiversion, words: []string{"traders", "shifted", "shifting", "pushed", "turned to", "diverted", "rerouted", "alternative",
		"تاجران", "تجار", "روی آورد*", "روی آورده اند", "تبدیل شده", "به سمت", "استفاده"}},
	{role: roleLender, words: []string{"bank", "fund", "بانک", "صندوق"}, point: true},
	{role: roleWholeSpan, words: []string{"the whole of", "whole of", "all of", "the entire", "the full", "throughout", "در کل", "در تمام", "در طول"}},
	{role: roleBuild, words: []string{"construction", "building", "ساخت", "احداث", "ساختمان"}},
	{role: roleWorks, words: []string{"اجرایی", "عملیات اجرایی", "کار عملی", "کارهای عملی", "practical work", "civil works", "construction works",
		"تطبیق", "کار تطبیق", "earthworks", "earthwork", "عملیات خاکی", "کارهای خاکی", "خاکریزی",
		"works", "work"}},
	{role: roleOngoing, words: []string{"underway", "under way", "ongoing", "continues", "continuing", "in progress", "ادامه", "در حال انجام",
		"در جریان"}},
	{role: roleStart, words: []string{"start", "starts", "begin", "begins", "commence", "آغاز", "شروع"}},
	{role: roleStarted, words: []string{"started", "began", "begun", "commenced", "آغاز شد", "آغاز شده", "آغاز گردید", "شروع شد",
		"شروع شده", "شروع گردید"}},
	{role: roleCondition, words: []string{"if", "unless", "once", "اگر", "چنانچه", "درصورت"}, point: true},
	{role: roleCondition, words: []string{"در صورت", "با بهره برداری از", "با تکمیل", "پس از تکمیل", "upon completion", "when completed",
		"once completed"}},
	{role: roleTimeRef, words: []string{"پیش از", "قبل از", "در مدت", "در طول", "در زمان", "از زمان"}},
	{role: roleTimeRef, words: []string{"before", "during", "since"}, point: true},
	{role: roleSince, words: []string{"since", "از"}, point: true},
	{role: roleJourney, words: []string{"journey", "trip", "travelled", "traveled", "covering", "distance", "مسافت", "سفر"}},
	{role: roleObjectOf, words: []string{"with", "to", "from", "با", "به", "از"}, point: true},
	{role: roleNeighbourAdj, words: []string{"neighbouring", "neighboring", "landlocked", "fellow", "همسایه"}, point: true},
	{role: roleVia, words: []string{"via", "through", "transiting", "از طریق", "از مسیر", "از راه"}},
	{role: roleRespective, words: []string{"به ترتیب", "respectively"}},
	{role: roleCrossing, words: []string{"گذرگاه*", "مرز*", "مرزی", "بندر*", "بنادر", "بازارچه*", "راه", "راههای", "راه های", "جاده*", "خط", "راه آهن", "خط آهن",
		"پل", "تونل", "شاهراه*", "بزرگراه*", "کوتل", "crossing*", "border*", "port*", "road*", "highway*", "line", "railway*", "bridge*", "tunnel*",
		"pass", "gate*"}},
	{role: roleInlandRoute, words: []string{"شاهراه*", "بزرگراه*", "کوتل", "تونل", "highway*", "motorway*", "pass", "tunnel*"}},
	{role: rolePart, words: []string{"قطعه*", "قطعات", "بخش*", "فاز*", "مرحله*", "section*", "stretch", "phase*", "segment*", "stage", "stages", "leg"}},
	{role: roleLocation, words: []string{"in", "در"}, point: true},
	{role: roleCompass, words: []string{"western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
		"شمال", "جنوب", "غرب", "شرق", "مرکز"}, point: true},
	{role: roleLink, words: []string{"link*", "connect*", "carry", "carries", "transmit*", "وصل", "متصل", "پیوند", "منتقل"}},
	{role: roleFinance, words: []string{"loan*", "invest*", "grant*", "financ*", "finance", "fund*", "lend*", "credit", "credits", "credit line*",
		"line of credit", "وام", "سرمایه گذاری", "پرداخت",
		"تامین مالی", "تمویل*", "اعتبار*"}},
	{role: roleRank, words: []string{"leading", "largest", "biggest", "main", "top", "second-largest", "third-largest", "partner", "partners",
		"buyer", "buyers", "importer", "customer", "destination", "market", "supplier", "accounted for", "accounts for", "made up", "makes up", "led", "shipper", "shippers", "خریدار", "مقصد",
		"بزرگترین", "بزرگ ترین", "شریک", "شرکای", "دومین", "سومین", "صدر",
		"second at", "third at", "fourth at", "fifth at", "second with", "third with", "fourth with", "fifth with"}},
	{role: roleProgress, words: []string{"پیشرفت", "progress"}},
	{role: roleNewRound, words: []string{"final", "new", "another", "fresh", "second", "third"}, point: true},
	{role: roleSetTarget, words: []string{"set a target", "set the target", "set a goal", "set the goal", "set an ambitious target",
		"set a trade target", "set themselves a target", "set themselves the goal", "هدف گذاری کرد~", "هدف گذاری کرده اند",
		"هدف تعیین کرد~"}},
	{role: roleChamber, words: []string{"chamber", "chambers", "اتاق بازرگانی", "اتاق مشترک", "اتاق های بازرگانی"}},
	{role: roleOrgSuffix, words: []string{"authority", "authorities", "corporation", "company", "companies", "ministry", "department", "trust",
		"board", "agency", "administration", "bank", "operator", "inc", "ltd", "llc", "jsc", "group"}, point: true},
	{role: roleGenericTitle, words: []string{"officials", "authorities", "representatives", "مقامات", "مقامها", "مقام ها", "مسئولان", "مسئولین"}},
	{role: roleItObject, words: []string{"it", "آن را"}},
	{role: roleLoss, words: []string{"زیان*", "ضرر*", "خسارت*", "loss", "losses", "damage", "damages"}},
	{role: roleIndefinite, words: []string{"a", "an", "یک"}, point: true},
	{role: roleAlso, words: []string{"نیز", "همچنین", "also", "likewise", "سهم", "share"}, point: true},
	{role: roleComparedWith, words: []string{"compared with", "compared to", "in comparison with", "در مقایسه با", "در قیاس با"}},
	{role: roleShorten, words: []string{"cut", "cuts", "shorten", "shortens", "reduce", "reduces", "کوتاه", "کاهش"}, point: true},
	{role: roleWholeRef, words: []string{"کل", "مجموعی", "whole", "entire", "total"}, point: true},
	{role: roleEstimated, words: []string{"estimated at", "originally estimated at", "put at", "برآورد شده", "برآورد شد", "برآورد میشود"}},
	{role: roleProvCustoms, words: []string{"گمرکات استان", "گمرک استان", "گمرکات ولایت", "گمرک ولایت", "گمرکات ولایات", "صادرات استان", "واردات استان",
		"صادرات ولایت", "واردات ولایت", "province's customs", "region's customs", "customs offices of the province", "customs offices of the region",
		"customs of the province", "customs of the region", "province's exports", "province's imports", "region's exports", "region's imports"}},
	{role: roleBorder, words: []string{"مرز*", "مرزی", "سرحد", "سرحدی", "گذرگاه*", "border*", "crossing*", "checkpoint*", "border crossing*"}},
	{role: roleProjectWord, words: []string{"project", "پروژه", "طرح"}, point: true},
	{role: roleCountryLabel, words: []string{"country", "countries", "کشور", "کشورها"}, point: true},
	{role: roleSource, words: []string{"به گفته", "به نقل از", "according to", "quoting", "citing"}},
	{role: rolePrep, words: []string{"تملک اراضی", "تملک", "land acquisition", "acquisition of land", "resettlement"}},
	{role: rolePlanFor, words: []string{"programme for", "program for", "plan for", "plans for", "برنامه", "نقشه راه"}},
	{role: roleNeeded, words: []string{"نیاز است", "نیاز دارد", "ضرورت است", "لازم است", "is needed", "are needed", "still needed", "is required",
		"are required", "still required"}},
	{role: roleBuildVerb, words: []string{"build", "construct", "بسازند", "بسازد", "احداث کنند", "احداث کند"}},
	{role: roleRebuild, words: []string{"بازسازی", "reconstruction", "rehabilitation", "rebuild", "rebuilding"}},
	{role: roleBuildNoun, words: []string{"on building a", "on building an", "for building a", "for building an", "on the construction of a",
		"for the construction of a", "ساخت یک", "احداث یک"}},
	{role: roleBuyer, words: []string{"buyer", "buyers", "bought", "buys", "purchased", "importer", "importers", "market", "destination", "خریدار*", "خریداران"}},
	{role: roleLoanNoun, words: []string{"loan", "credit", "وام", "اعتبار", "قرضه"}},
	{role: roleAllocate, words: []string{"allocated", "allocation", "earmarked", "set aside", "تخصیص", "اختصاص"}},
	{role: roleOwnSide, words: []string{"on its side", "on its section", "on its part", "on its territory", "on its stretch", "در خاک خود", "در بخش خود"}},
	{role: roleBeAfterTo, words: []string{"be"}, point: true},
	{role: roleCompanyWord, words: []string{"group", "corporation", "corp", "company", "co", "ltd", "limited", "holding", "holdings", "llc", "plc"}, point: true},
	{role: roleRoundOrdinal, words: []string{"نخست", "اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "پایانی", "نهایی",
		"نخستین", "دومین", "سومین", "چهارمین", "پنجمین", "ششمین"}},
	{role: roleStartSoon, words: []string{"آغاز می شود", "آغاز میشود", "آغاز می گردد", "شروع می شود", "شروع میشود"}},
	{role: roleSupplier, words: []string{"supplied", "supplies", "provided", "delivered"}, point: true},
	{role: rolePlanNoun, words: []string{"programme", "program", "plan", "برنامه"}},
	{role: rolePortWord, words: []string{"port", "ports", "seaport", "بندر", "بنادر"}, point: true},
	{role: roleCarryVerb, words: []string{"carry", "carries", "carried", "handles", "handled", "moved", "transported", "hauled"}},
	{role: roleTookVerb, words: []string{"took", "bought", "purchased", "imported", "absorbed", "received"}},
	{role: roleOpening, words: []string{"افتتاح", "بهره برداری", "راه اندازی", "گشایش"}},
	{role: roleAnnounced, words: []string{"خبر داد~", "خبر دادند", "اعلام کرد~"}},
	{role: roleNowSign, words: []string{"sign", "signs"}, point: true},
	{role: roleNowOpen, words: []string{"open", "opens", "inaugurate", "inaugurates", "launch", "launches"}, point: true},
	{role: roleRankGlue, words: []string{"remained", "remains", "was", "is", "became", "came", "ranked", "placed", "the", "its", "trading", "trade", "second", "third", "fourth", "fifth",
		"تجارتی", "تجاری", "اول", "نخست", "عمده", "in", "region", "among", "them", "در", "منطقه", "emerged", "as", "for", "up", "three", "four", "five", "overseas", "foreign", "export", "single", "of", "outbound", "inbound", "cargo", "goods", "exports", "imports", "shipments"}, point: true},
	{role: roleBreakdown, words: []string{"led the list", "topped the list", "headed the list", "followed by", "of which", "of this", "of these", "of the total",
		"from this", "از این میان", "از این میزان", "از این رقم", "از این مقدار", "از آن میان", "بیشترین سهم", "پس از آن", "در صدر فهرست"}},
	{role: roleShare, words: []string{"بیشتر آن", "بیشتر این", "بخش عمده آن", "عمده آن", "بخش بزرگ آن", "most of which", "most of it",
		"the bulk of which", "the bulk of it", "much of which"}},
	{role: roleJoin, words: []string{"و", "and"}, point: true},
	{role: roleAttend, words: []string{"با حضور", "با شرکت", "در حضور", "in the presence of", "attended by", "with the participation of",
		"attended", "were present", "was present", "in attendance", "حضور داشتند", "حضور یافتند", "شرکت کردند", "شرکت داشتند"}},
	{role: roleEvent, words: []string{"ceremony", "ceremonies", "inauguration", "opening", "forum", "exhibition", "expo", "fair",
		"مراسم", "آیین", "افتتاحیه", "همایش", "نمایشگاه", "اجلاس", "summit", "conference"}},
	{role: roleSidelines, words: []string{"در حاشیه", "on the sidelines of", "on the sidelines", "on the margins of", "in the margins of"}},
	{role: roleExpert, words: []string{"analyst*", "expert", "economist*", "commentator*", "researcher*", "professor", "political scientist",
		"کارشناس", "کارشناس اقتصادی", "کارشناس مسائل*", "تحلیلگر*", "تحلیل گر*", "اقتصاددان*", "پژوهشگر*", "استاد دانشگاه"}},
	{role: roleNameStop, words: []string{"the", "this", "that", "these", "he", "she", "it", "they", "on", "in", "at", "during", "after",
		"before", "when", "while", "meanwhile", "earlier", "later", "also", "acting", "deputy", "first", "said", "says", "but", "however",
		"mr", "mrs", "ms", "dr", "sir", "minister", "ministry", "state", "government", "republic", "islamic", "federal", "national",
		"وی", "او", "ایشان", "همچنین", "نیز", "هم", "گفت", "افزود", "گفته", "اظهار", "تصریح", "کرد", "شد", "است", "بود", "روز", "امروز",
		"دیروز", "اکنون", "همین", "یک", "خود", "ما", "آقای", "خانم", "دکتر", "مهندس", "جناب", "سرپرست", "معاون", "رئیس", "رییس",
		"اسلامی", "جمهوری", "دولت", "حکومت", "امارت", "وزارت", "سخنگوی", "مسئول", "مدیر", "ریاست"}, point: true},
	{role: roleTo, words: []string{"به", "to"}, point: true},
	{role: roleVolume, words: []string{"حجم", "تناژ", "volume", "volumes", "tonnage", "throughput", "cargo", "freight", "بار", "محموله"}, point: true},
	{role: roleCountNoun, words: []string{"قطار", "قطارهای", "کانتینر", "کانتینرهای", "کامیون", "کامیونهای", "واگن", "پرواز", "trains", "train",
		"containers", "trucks", "lorries", "wagons", "flights", "teu", "vehicles"}, point: true},
	{role: roleFigure, words: []string{"figure", "رقم", "میزان"}, point: true},
	{role: roleSum, words: []string{"مبلغ"}, point: true},
	{role: roleDeterminer, words: []string{"the", "this", "that"}, point: true},
	{role: roleComplement, words: []string{"to", "that"}, point: true},
	{role: roleTerritory, words: []string{"در خاک", "territory", "in the territory of", "on the territory of"}},
	{role: roleSide, words: []string{"side", "سمت", "طرف", "جانب"}, point: true},
	{role: roleClosureNoun, words: []string{"closure", "closing", "بسته شدن", "انسداد", "تعطیلی"}},
	{role: roleRelative, words: []string{"which", "that", "whose", "که"}, point: true},
	{role: roleMovedTo, words: []string{"to", "until", "till", "به", "تا"}, point: true},
	{role: rolePurpose, words: []string{"for", "برای"}, point: true},
	{role: roleYearToDate, words: []string{"since the start of the year", "since the beginning of the year", "so far this year", "year to date",
		"year-to-date", "از ابتدای سال جاری تاکنون", "از ابتدای سال تاکنون", "از ابتدای امسال تاکنون", "از آغاز سال جاری تاکنون"}},
	{role: rolePlaceHead, words: []string{"port", "of", "بندر", "بنادر"}, point: true},
	{role: roleTargetNoun, words: []string{"هدف", "هدفگذاری", "target", "goal", "quota"}, point: true},
	{role: roleSubjectOpener, words: []string{"on", "covering", "زمینه", "زمینه های", "زمینههای", "حوزه", "حوزه های", "حوزههای", "خصوص", "درباره"}},
	{role: roleContractor, words: []string{"contractor", "contractors", "subcontractor", "subcontractors", "consortium", "builder", "builders"}, point: true},
	{role: roleContractorFa, words: []string{"پیمانکار", "پیمانکاری", "پیمانکاران", "کنسرسیوم"}, point: true},
	{role: roleCompany, words: []string{"company", "companies", "firm", "firms"}, point: true},
	{role: roleCompanyFa, words: []string{"شرکت", "شرکتی", "شرکتهای", "کمپنی", "کمپنیهای"}, point: true},
	{role: roleContracting, words: []string{"contract", "contracts", "contracted", "subcontracted", "awarded", "tender", "joint venture", "built by",
		"constructed by", "carried out by", "implemented by", "قرارداد", "پیمان", "مناقصه", "توسط"}},
	{role: roleLength, words: []string{"طول", "long", "length"}, point: true},
	{role: roleNameAdj, words: []string{"islamic", "kyrgyz", "tajik", "uzbek", "kazakh", "turkmen"}, point: true},
	{role: roleUpParticle, words: []string{"up"}, point: true},
	{role: roleMadeUp, words: []string{"made", "make", "makes"}, point: true},
	{role: roleWorth, words: []string{"worth", "valued", "ارزش", "value"}, point: true},
	{role: roleSupply, words: []string{"supply", "delivery", "deliver", "supplying", "purchase", "buy", "carriage", "transport", "transportation",
		"shipping", "تامین", "عرضه", "تحویل", "خرید", "حمل", "انتقال"}, point: true},
	{role: roleContract, words: []string{"contract", "قرارداد"}, point: true},
	{role: roleShipped, words: []string{"shipped", "delivered", "sent", "supplied", "dispatched", "shipments", "deliveries", "supplies",
		"ارسال", "حمل", "صادر"}, point: true},
	{role: roleFigureIntro, words: []string{"با", "with", "(", ":", "at", "by"}, point: true},
	{role: roleItemTrade, words: []string{"خرید", "صادرات", "واردات", "فروش", "purchases", "imports", "exports", "sales", "shipments", "of", "worth"}, point: true},
	{role: roleSignNoun, words: []string{"امضای", "concluded", "signing"}, point: true},
	{role: roleAdopt, words: []string{"adopted", "approved", "تصویب", "تایید"}, point: true},
	{role: roleRatify, words: []string{"ratified", "ratifies", "ratify"}, point: true},
	{role: roleWill, words: []string{"خواهد", "خواهند"}, point: true},
	{role: roleReached, words: []string{"رسید", "رسیده", "رسیدند", "میرسد", "رسد"}, point: true},
	{role: rolePassiveAux, words: []string{"be", "شود"}, point: true},
	{role: roleParticipants, words: []string{"participants", "attendees", "delegates", "شرکتکنندگان", "حاضران", "نمایندگان"}, point: true},
	{role: roleParticipants, words: []string{"شرکت کنندگان"}},
	{role: roleNegation, words: []string{"not", "never", "didn't", "failed", "refused", "yet", "without", "nobody", "none", "neither", "stop"}, point: true},
	{role: roleDenial, words: []string{"denied", "denies", "deny", "dismissed", "refuted", "تکذیب", "رد"}, point: true},
	{role: roleConvene, words: []string{"برگزار", "convened", "convenes", "convene"}, point: true},
	{role: rolePostpone, words: []string{"postponed", "delayed", "deferred", "cancelled", "canceled", "rescheduled", "تعویق", "موکول", "لغو"}, point: true},
	{role: roleAux, words: []string{"has", "have", "also", "further", "همچنین", "نیز", "هم", "would", "had"}, point: true},
	{role: roleArticle, words: []string{"a", "an", "the"}, point: true},
	{role: roleDefinite, words: []string{"the"}, point: true},
	{role: roleAgreementHead, words: []string{"برنامه", "سند", "agreement", "memorandum"}, point: true},
	{role: roleListOpen, words: []string{"among", "these", "they", "those", "including", "از", "این", "آن", "the"}, point: true},
	{role: roleListOf, words: []string{"them", "include", "included", "includes", "were", "جمله", "شامل"}, point: true},
	{role: roleCountWord, words: []string{"دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "دوازده", "two", "three", "four", "five",
		"six", "seven", "eight", "nine", "ten", "twelve", "several", "multiple"}, point: true},
	{role: roleMany, words: []string{"متعددی", "متعدد", "مختلف", "مختلفی", "چندین", "several", "various", "multiple", "numerous", "many"}, point: true},
	{role: roleMinistry, words: []string{"وزارت", "ministry", "minister", "وزیر"}, point: true},
	{role: roleBy, words: []string{"by"}, point: true},
	{role: roleArriveFa, words: []string{"وارد", "عازم"}, point: true},
	{role: roleVisitPrep, words: []string{"in", "to", "وارد", "عازم"}, point: true},
	{role: roleToFa, words: []string{"به"}, point: true},
	{role: roleArrived, words: []string{"arrived", "arrives"}, point: true},
	{role: roleIn, words: []string{"در", "in"}, point: true},
	{role: roleVenue, words: []string{"در", "in", "at"}, point: true},
	{role: rolePressOf, words: []string{"خبری", "رسانه", "رسانهای", "press"}, point: true},
	{role: roleRemote, words: []string{"تلفنی", "telephone", "phone", "videoconference", "ویدیویی", "ویدئو", "virtual", "online"}, point: true},
	{role: rolePress, words: []string{"خبرنگاران", "خبرنگار", "رسانه", "رسانهها", "اصحاب", "journalists", "reporters", "press", "media"}, point: true},
	{role: roleWith, words: []string{"با", "with", "بین", "میان", "between", "of", "by"}, point: true},
	{role: roleWithOnly, words: []string{"با", "with"}, point: true},
	{role: roleOf, words: []string{"of"}, point: true},
	{role: roleCounterparts, words: []string{"همتایان", "همتاهای", "روسای", "رؤسای", "رهبران", "وزرای", "counterparts", "presidents", "leaders",
		"heads", "ministers"}, point: true},
	{role: roleSeparately, words: []string{"separately", "جداگانه", "separate"}, point: true},
	{role: roleNextBefore, words: []string{"next"}, point: true},
	{role: roleNextAfter, words: []string{"بعدی", "آینده", "نهایی", "جدید", "دیگر"}, point: true},
	{role: roleRound, words: []string{"دور"}, point: true},
	{role: roleToday, words: []string{"امروز", "today"}, point: true},
	{role: roleYesterday, words: []string{"دیروز", "yesterday"}, point: true},
	{role: roleMeetVerb, words: []string{"meet", "meets", "met", "host", "hosts", "hosted", "hosting", "receive", "receives", "received",
		"receiving"}, point: true},
	{role: roleYearEarlier, words: []string{"year earlier", "year ago", "year before", "last year", "previous year", "prior year", "year-earlier",
		"last fiscal year", "previous fiscal year", "prior fiscal year",
		"year-ago", "سال قبل", "سال گذشته", "سال پیش", "سال ماقبل", "پارسال"}},
	{role: roleSameDet, words: []string{"same", "this"}, point: true},
	{role: roleYear, words: []string{"year"}, point: true},
	{role: roleFiscal, words: []string{"fiscal", "financial"}, point: true},
	{role: rolePeriodNoun, words: []string{"period", "quarter", "half"}, point: true},
	{role: roleCorresponding, words: []string{"corresponding"}, point: true},
	{role: roleCompareLead, words: []string{"than", "with", "from"}, point: true},
	{role: roleSameFa, words: []string{"همین", "این"}, point: true},
	{role: rolePeriodFa, words: []string{"مدت", "دوره", "بازه", "سال"}, point: true},
	{role: roleFurther, words: []string{"second", "third", "fourth", "further", "دوم", "سوم"}, point: true},
	{role: roleStretchEnd, words: []string{"first", "last", "remaining", "نخست", "اول", "پایانی", "باقیمانده"}, point: true},
	{role: rolePostHead, words: []string{"terminal", "checkpoint", "station", "crossing", "port", "hub", "post", "پایانه", "ایستگاه", "گذرگاه", "بندر", "گمرک",
		"بازارچه", "ترمینال"}, point: true},
	{role: roleAlone, words: []string{"alone", "بهتنهایی", "به تنهایی"}},
	{role: roleRankedAfter, words: []string{"only", "behind", "than", "after"}, point: true},
	{role: roleMeetRefDet, words: []string{"این", "همین", "the", "this"}, point: true},
	{role: roleThey, words: []string{"they"}, point: true},
	{role: roleEarlierMeet, words: []string{"last", "previously", "earlier", "first"}, point: true},
	{role: roleIncluding, words: []string{"including", "شامل", "از جمله"}},
	{role: roleBypass, words: []string{"bypassing", "bypasses", "bypass", "avoiding", "instead of", "rather than", "parallel to", "alternative to", "به جای", "بجای", "موازی با"}},
	{role: roleTimeNoun, words: []string{"ماه", "سال", "مدت", "هفته", "روز", "دوره", "month", "year", "week", "period", "quarter", "day"}, point: true},
	{role: roleNamedFa, words: []string{"یادشده", "مذکور", "یاد"}, point: true},
	{role: roleDuringPrep, words: []string{"in", "during", "over", "for", "within"}, point: true},
	{role: rolePeriodTail, words: []string{"last", "of", "in", "a", "سال", "previous", "the"}, point: true},
	{role: roleAgainst, words: []string{"against", "versus", "vs", "than"}, point: true},
	{role: roleOwnDet, words: []string{"the", "its"}, point: true},
	{role: rolePronOwner, words: []string{"its", "آن"}, point: true},
	{role: roleRegionWord, words: []string{"region", "منطقه"}, point: true},
	{role: roleCopula, words: []string{"است", "بود", "هست"}, point: true},
	{role: rolePassed, words: []string{"گذشت", "عبور کرد~", "فراتر رفت~"}},
	{role: roleCofinance, words: []string{"cofinancing", "co-financing", "cofinance", "تمویل مشترک", "تامین مالی مشترک"}},
	{role: roleOurOwner, words: []string{"ما", "کشور", "کشورمان", "our"}, point: true},
	{role: roleAnswer, words: []string{"a", "ج", "پاسخ", "جواب"}, point: true},
	{role: roleQuestion, words: []string{"q", "س", "پرسش", "سوال", "سؤال"}, point: true},
	{role: roleFirstPerson, words: []string{"we", "our", "us", "ours", "ما", "مان"}, point: true},
	{role: roleGoal, words: []string{"target", "targets", "goal", "goals", "aim", "هدف"}, point: true},
	{role: roleThousand, words: []string{"thousand", "thousands", "'000", "هزار"}, point: true},
	{role: roleMillion, words: []string{"million", "millions", "mln", "mn", "میلیون", "ملیون"}, point: true},
	{role: roleBillion, words: []string{"billion", "billions", "bln", "bn", "میلیارد", "ملیارد"}, point: true},
	{role: roleThan, words: []string{"than", "از"}, point: true},
	{role: roleFrom, words: []string{"from", "از"}, point: true},
	{role: roleExceed, words: []string{"فراتر", "گذشت", "عبور", "بالاتر"}, point: true},
	{role: roleAppeal, words: []string{"urge", "urges", "urged", "call on", "calls on", "called on", "appeal to", "appealed to",
		"خواستار", "درخواست کرد~", "فراخوان"}},
	{role: roleTotal, words: []string{"مجموع", "مجموعی", "کل", "total", "overall"}, point: true},
	{role: roleLine, words: []string{"railway", "railroad", "rail", "highway", "road", "pipeline", "corridor", "canal", "line",
		"راه", "راهآهن", "خط", "خطآهن", "بزرگراه", "جاده", "شاهراه", "کریدور", "دهلیز", "کانال", "سرک"}, point: true},
	{role: roleDetail, words: []string{"with", "including", "of which", "among them", "از جمله", "که از این میزان", "که سهم"}},
	{role: roleIssuer, words: []string{"government", "ministry", "embassy", "consulate", "affairs", "mission", "presidency", "office"}, point: true},
	{role: rolePortfolio, words: []string{"commerce", "trade", "foreign", "affairs", "public", "works", "finance", "economy", "economic",
		"energy", "water", "transport", "transportation", "communications", "roads", "railways", "industry", "industries", "mines",
		"agriculture", "investment", "interior", "defence", "defense", "planning", "development", "power", "petroleum", "oil",
		"gas", "maritime", "integration", "external", "state", "federal", "national", "food", "security", "information"}, point: true},
	{role: roleNameEnd, words: []string{"said", "says", "told", "mr", "mrs", "ms", "dr", "by", "گفت", "افزود", "گفته", "اظهار", "تصریح",
		"کرد", "در", "با", "که", "روز", "امروز", "نیز", "همچنین", "هم", "آقای", "خانم", "دکتر", "مهندس", "جناب"}, point: true},
	{role: roleJoin, words: []string{"along with", "as well as", "together with", "به همراه", "همراه با", "و همچنین"}},
	{role: roleWeekday, words: []string{"شنبه", "saturday"}, num: 6},
	{role: roleWeekday, words: []string{"یکشنبه", "یک شنبه", "sunday"}},
	{role: roleWeekday, words: []string{"دوشنبه", "دو شنبه", "monday"}, num: 1},
	{role: roleWeekday, words: []string{"سهشنبه", "سه شنبه", "tuesday"}, num: 2},
	{role: roleWeekday, words: []string{"چهارشنبه", "چهار شنبه", "wednesday"}, num: 3},
	{role: roleWeekday, words: []string{"پنجشنبه", "پنج شنبه", "thursday"}, num: 4},
	{role: roleWeekday, words: []string{"جمعه", "friday"}, num: 5},
}

// newCueLexicon builds the lexicon of cues and roles.
func newCueLexicon() *Lexicon {
	l := NewLexicon()
	for _, r := range cueRows {
		for _, w := range r.words {
			l.Add(w, Entry{Class: r.class, Code: r.code})
		}
	}
	for _, r := range roleRows {
		if r.point {
			continue
		}
		for _, w := range r.words {
			l.Add(w, Entry{Class: CueRole, Code: r.role, Num: r.num})
		}
	}
	return l
}

// pointRoles maps each normalized word of the point rows of roleRows to
// its roles; pointEntry holds the entry of each role with point rows
// (nil for the others), shared by the matches roleAt makes for them.
var pointRoles, pointEntry = func() (map[string][]string, map[string]*Entry) {
	m, entry := map[string][]string{}, map[string]*Entry{}
	for _, r := range roleRows {
		if !r.point {
			continue
		}
		if entry[r.role] == nil {
			entry[r.role] = &Entry{Class: CueRole, Code: r.role}
		}
		for _, w := range r.words {
			n := Normalize(w).Norm
			m[n] = append(m[n], r.role)
		}
	}
	return m, entry
}()

// pointWordID numbers the words of the point rows from 1, and
// pointWordRoles[id] lists the roles of word id: a doc tags each token
// with its word's id once (doc.points), so that pointAt needs no hashing.
var pointWordID, pointWordRoles = func() (map[string]uint16, [][]string) {
	ids := map[string]uint16{}
	roles := [][]string{nil}
	for w, rs := range pointRoles {
		ids[w] = uint16(len(roles))
		roles = append(roles, rs)
	}
	return ids, roles
}()

// tagPoints sets d.points: each word token's id in pointWordID (0 when the
// word is in no point row).
func (d *doc) tagPoints() {
	d.points = make([]uint16, len(d.toks))
	for i, t := range d.toks {
		if t.Kind == TokWord {
			d.points[i] = pointWordID[d.norm[t.Start:t.End]]
		}
	}
}

// pointAt reports whether token i's word has role r in a point row.
func (d *doc) pointAt(i int, r string) bool {
	if i < 0 || i >= len(d.points) || d.points[i] == 0 {
		return false
	}
	for _, x := range pointWordRoles[d.points[i]] {
		if x == r {
			return true
		}
	}
	return false
}

// isPoint reports whether word w (normalized) has role r in a point row.
func isPoint(w, r string) bool {
	for _, x := range pointRoles[w] {
		if x == r {
			return true
		}
	}
	return false
}

// roleIndex returns the index in d.roles of the first role match that
// starts at or after token i.
func (d *doc) roleIndex(i int) int {
	switch {
	case i <= 0:
		return 0
	case i >= len(d.roleFirst):
		return len(d.roles)
	}
	return int(d.roleFirst[i])
}

// roleAt returns the longest word or phrase of role r that starts at token
// i.
func (d *doc) roleAt(i int, r string) (Match, bool) {
	best := Match{End: -1}
	if d.pointAt(i, r) {
		best = Match{Start: i, End: i + 1, Entry: pointEntry[r]}
	}
	for k := d.roleIndex(i); k < len(d.roles) && d.roles[k].Start == i; k++ {
		if m := d.roles[k]; m.Entry.Code == r && m.End > best.End {
			best = m
		}
	}
	return best, best.End >= 0
}

// roleBefore reports whether a word or phrase of role r ends just before
// token i.
func (d *doc) roleBefore(i int, r string) bool {
	if d.pointAt(i-1, r) {
		return true
	}
	for k := d.roleIndex(i - 4); k < len(d.roles) && d.roles[k].Start < i; k++ {
		if m := d.roles[k]; m.End == i && m.Entry.Code == r {
			return true
		}
	}
	return false
}

// pointIn returns the first token within [a, b) whose word has role r in
// a point row, or -1.
func (d *doc) pointIn(a, b int, r string) int {
	for k := a; k < b; k++ {
		if d.pointAt(k, r) {
			return k
		}
	}
	return -1
}

// roleIn returns the first word of role r that starts within [a, b), or
// -1.
func (d *doc) roleIn(a, b int, r string) int {
	at := -1
	for k := d.roleIndex(a); k < len(d.roles) && d.roles[k].Start < b; k++ {
		if d.roles[k].Entry.Code == r {
			at = d.roles[k].Start
			break
		}
	}
	if pointEntry[r] != nil {
		end := b
		if at >= 0 {
			end = at
		}
		if k := d.pointIn(a, end, r); k >= 0 {
			return k
		}
	}
	return at
}
