package extract

type namedRow struct {
	id, name string
	names    []string
}

type codedRow struct {
	code, name string
	names      []string
}

// projectRows are the corridor, rail, energy and water projects of the
// region. Country words inside a project's name («افغان–ترانس», "TAPI")
// are part of the name and do not make that country a party.
var projectRows = []namedRow{
	{"trans-afghan-railway", "Trans-Afghan railway", []string{
		"ترانس افغان*", "افغان ترانس", "ترانس افغانستان", "خط آهن ترانس افغان", "راه آهن ترانس افغان", "راه آهن افغان ترانس",
		"trans-afghan*", "trans afghan railway", "trans-afghan railway", "trans-afghan railroad", "afghan trans railway", "uap railway",
		"uzbekistan-afghanistan-pakistan railway", "uzbekistan afghanistan pakistan railway",
		"راه آهن ازبکستان افغانستان پاکستان", "خط آهن ازبکستان افغانستان پاکستان", "راه آهن اوزبیکستان افغانستان پاکستان",
		"termez mazar-i-sharif kabul peshawar", "termez mazar-e-sharif kabul peshawar", "ترمز مزار شریف کابل پیشاور", "ترمذ مزار شریف کابل پیشاور",
		"مزار شریف کابل پیشاور", "mazar-i-sharif kabul peshawar"}},
	{"casa-1000", "CASA-1000", []string{"casa 1000", "casa1000", "کاسا 1000", "کاسا هزار", "کاسا یک هزار", "پروژه کاسا", "casa project"}},
	{"tapi", "TAPI gas pipeline", []string{"تاپی", "tapi", "خط لوله تاپی",
		"ترکمنستان افغانستان پاکستان هند", "ترکمنستان افغانستان پاکستان هندوستان",
		"turkmenistan afghanistan pakistan india", "turkmenistan-afghanistan-pakistan-india"}},
	{"tap-500", "TAP-500 power line", []string{"tap 500", "tap power line", "tap power transmission line", "tap transmission line", "تاپ 500",
		"خط انتقال برق تاپ", "ترکمنستان افغانستان پاکستان برق", "turkmenistan afghanistan pakistan power"}},
	{"tutap", "TUTAP power line", []string{"توتاپ", "tutap"}},
	{"cku-railway", "China–Kyrgyzstan–Uzbekistan railway", []string{
		"china kyrgyzstan uzbekistan railway", "china-kyrgyzstan-uzbekistan", "cku railway", "cku",
		"راه آهن چین قرقیزستان ازبکستان", "چین قرقیزستان ازبکستان", "چین قرغیزستان ازبکستان", "چین قرقیزستان ازبیکستان", "چین قرغیزستان اوزبیکستان"}},
	{"khaf-herat-railway", "Khaf–Herat railway", []string{"خواف هرات", "khaf herat", "herat khaf", "هرات خواف"}},
	{"herat-mazar-railway", "Herat–Mazar-i-Sharif railway", []string{"هرات مزار شریف", "مزار شریف هرات", "herat mazar-i-sharif", "mazar-i-sharif herat", "herat mazar", "mazar herat"}},
	{"torghundi-herat-railway", "Torghundi–Herat railway", []string{"تورغندی هرات", "torghundi herat"}},
	{"aqina-andkhoy-railway", "Aqina–Andkhoy railway", []string{"آقینه اندخوی", "aqina andkhoy"}},
	{"instc", "International North–South Transport Corridor", []string{
		"کریدور شمال جنوب", "کریدور بین المللی شمال جنوب", "کریدور بین المللی حمل و نقل شمال جنوب", "دهلیز شمال جنوب",
		"north south corridor", "north-south corridor", "north-south transport corridor", "international north-south transport corridor", "instc"}},
	{"lapis-lazuli-corridor", "Lapis Lazuli corridor", []string{"کریدور لاجورد", "دهلیز لاجورد", "لاجورد", "lapis lazuli*"}},
	{"middle-corridor", "Middle Corridor (Trans-Caspian International Transport Route)", []string{
		"کریدور میانی", "middle corridor", "trans-caspian international transport route", "titr"}},
	{"cpec", "China–Pakistan Economic Corridor", []string{"cpec", "china-pakistan economic corridor", "china pakistan economic corridor", "کریدور اقتصادی چین پاکستان",
		"دهلیز اقتصادی چین پاکستان", "سی پیک"}},
	{"kambarata-1", "Kambarata-1 hydropower plant", []string{"kambarata-1", "kambarata 1", "kambarata", "کمبرآته", "کامباراتا", "کمباراته"}},
	{"chabahar-zahedan-railway", "Chabahar–Zahedan railway", []string{"چابهار زاهدان", "chabahar zahedan"}},
	{"qosh-tepa-canal", "Qosh Tepa canal", []string{"قوش تپه", "qosh tepa", "qosh-tepa"}},
	{"rogun-dam", "Rogun dam", []string{"راغون", "روغون", "rogun"}},
	{"iran-pakistan-pipeline", "Iran–Pakistan gas pipeline", []string{"خط لوله صلح", "peace pipeline", "iran-pakistan gas pipeline", "iran pakistan gas pipeline", "خط لوله گاز ایران پاکستان"}},
	{"five-nations-railway", "Five Nations Railway Corridor", []string{"five nations railway", "راه آهن پنج کشور"}},
	{"rasht-astara-railway", "Rasht–Astara railway", []string{"رشت آستارا", "rasht astara", "rasht-astara"}},
	{"kti-railway", "Kazakhstan–Turkmenistan–Iran railway", []string{"kazakhstan-turkmenistan-iran railway", "kazakhstan-turkmenistan-iran rail corridor", "kti railway", "north-south railway",
		"راه آهن قزاقستان ترکمنستان ایران", "خط آهن قزاقستان ترکمنستان ایران", "کریدور ریلی قزاقستان ترکمنستان ایران",
		"راه آهن ایران ترکمنستان قزاقستان", "خط آهن ایران ترکمنستان قزاقستان", "کریدور ریلی ایران ترکمنستان قزاقستان"}},
}

// personRows are heads of state and government and foreign ministers the
// news names without a country. A person's country counts only when the
// text gives none beside the name.
var personRows = []codedRow{
	{"KZ", "Kassym-Jomart Tokayev", []string{"توکایف", "قاسم جومارت توکایف", "قاسم ژومارت توکایف", "tokayev", "kassym-jomart tokayev"}},
	{"UZ", "Shavkat Mirziyoyev", []string{"میرضیایف", "میرضیاییف", "میرزیایف", "شوکت میرضیایف", "mirziyoyev", "shavkat mirziyoyev"}},
	{"KG", "Sadyr Japarov", []string{"جباروف", "ژاپاروف", "صدر جباروف", "japarov", "zhaparov", "sadyr japarov"}},
	{"TJ", "Emomali Rahmon", []string{"امامعلی رحمان", "امامعلی رحمان اف", "امامعلی رحمانوف", "emomali rahmon", "rahmon"}},
	{"TM", "Serdar Berdimuhamedov", []string{"سردار بردی محمداف", "بردی محمداف", "بردی محمد اف", "berdimuhamedov", "berdymukhamedov"}},
	{"AF", "Hibatullah Akhundzada", []string{"آخندزاده", "آخوندزاده", "هبت الله آخوندزاده", "akhundzada"}},
	{"AF", "Amir Khan Muttaqi", []string{"امیرخان متقی", "امیر خان متقی", "متقی", "muttaqi", "amir khan muttaqi"}},
	{"AF", "Abdul Ghani Baradar", []string{"ملا برادر", "عبدالغنی برادر", "baradar"}},
	{"PK", "Shehbaz Sharif", []string{"شهباز شریف", "shehbaz sharif", "shahbaz sharif", "sharif"}},
	{"PK", "Asif Ali Zardari", []string{"آصف زرداری", "آصف علی زرداری", "زرداری", "zardari"}},
	{"PK", "Ishaq Dar", []string{"اسحاق دار", "ishaq dar"}},
	{"IR", "Masoud Pezeshkian", []string{"پزشکیان", "مسعود پزشکیان", "pezeshkian"}},
	{"IR", "Ebrahim Raisi", []string{"ابراهیم رئیسی", "آیت الله رئیسی", "حجت الاسلام رئیسی", "raisi"}},
	{"IR", "Abbas Araghchi", []string{"عراقچی", "عباس عراقچی", "araghchi"}},
	{"IR", "Ali Khamenei", []string{"خامنه ای", "آیت الله خامنه ای", "khamenei"}},
	{"RU", "Vladimir Putin", []string{"پوتین", "ولادیمیر پوتین", "putin"}},
	{"RU", "Sergey Lavrov", []string{"لاوروف", "lavrov"}},
	{"CN", "Xi Jinping", []string{"شی جین پینگ", "شی جینپینگ", "xi jinping"}},
	{"TR", "Recep Tayyip Erdoğan", []string{"اردوغان", "erdogan", "erdoğan"}},
	{"AZ", "Ilham Aliyev", []string{"الهام علی اف", "ilham aliyev"}},
	{"BY", "Alexander Lukashenko", []string{"لوکاشنکو", "lukashenko"}},
	{"IN", "Narendra Modi", []string{"نارندرا مودی", "مودی", "modi"}},
}

var orgRows = []namedRow{
	{"un", "United Nations", []string{"سازمان ملل*", "سازمان ملل متحد", "مجمع عمومی", "شورای امنیت", "united nations", "un", "general assembly", "security council"}},
	{"sco", "Shanghai Cooperation Organisation", []string{"سازمان همکاری شانگهای", "شانگهای", "sco", "shanghai cooperation organisation", "shanghai cooperation organization"}},
	{"oic", "Organisation of Islamic Cooperation", []string{"سازمان همکاری اسلامی", "سازمان همکاری های اسلامی", "oic", "organisation of islamic cooperation", "organization of islamic cooperation"}},
	{"eco", "Economic Cooperation Organization", []string{"اکو", "سازمان همکاری اقتصادی", "سازمان همکاری اقتصادی اکو", "eco", "economic cooperation organization"}},
	{"eaeu", "Eurasian Economic Union", []string{"اتحادیه اقتصادی اوراسیا", "اتحادیه اوراسیایی", "eaeu", "eurasian economic union"}},
	{"eu", "European Union", []string{"اتحادیه اروپا", "eu", "european union"}},
	{"brics", "BRICS", []string{"بریکس", "brics"}},
	{"cis", "Commonwealth of Independent States", []string{"کشورهای مستقل مشترک المنافع", "مشترک المنافع", "cis", "commonwealth of independent states"}},
	{"wto", "World Trade Organization", []string{"سازمان تجارت جهانی", "wto", "world trade organization"}},
	{"world-bank", "World Bank", []string{"بانک جهانی", "world bank"}},
	{"adb", "Asian Development Bank", []string{"بانک توسعه آسیایی", "asian development bank", "adb"}},
	{"isdb", "Islamic Development Bank", []string{"بانک توسعه اسلامی", "islamic development bank", "isdb"}},
	{"imf", "International Monetary Fund", []string{"صندوق بین المللی پول", "imf", "international monetary fund"}},
	{"carec", "CAREC", []string{"کارک", "carec"}},
	{"aiib", "Asian Infrastructure Investment Bank", []string{"بانک سرمایه گذاری زیرساخت آسیا", "aiib"}},
	{"ebrd", "European Bank for Reconstruction and Development", []string{"بانک اروپایی بازسازی و توسعه", "ebrd", "european bank for reconstruction and development"}},
	{"nato", "NATO", []string{"ناتو", "nato"}},
}

var regionRows = []namedRow{
	{"central-asia", "Central Asia", []string{"آسیای مرکزی", "آسیای میانه", "central asia*", "central asian"}},
	{"south-asia", "South Asia", []string{"آسیای جنوبی", "جنوب آسیا", "south asia*"}},
	{"west-asia", "West Asia", []string{"آسیای غربی", "غرب آسیا", "west asia*"}},
	{"east-asia", "East Asia", []string{"آسیای شرقی", "شرق آسیا", "east asia*"}},
	{"middle-east", "Middle East", []string{"خاورمیانه", "خاور میانه", "middle east*"}},
	{"caucasus", "Caucasus", []string{"قفقاز*", "قفقاز جنوبی", "caucasus", "south caucasus"}},
	{"eurasia", "Eurasia", []string{"اوراسیا", "eurasia*"}},
	{"europe", "Europe", []string{"اروپا*", "اروپای شرقی", "europe*", "european"}},
	{"asia", "Asia", []string{"آسیا*", "asia*", "asian"}},
	{"persian-gulf", "Persian Gulf", []string{"خلیج فارس", "persian gulf", "gulf"}},
	{"caspian", "Caspian Sea", []string{"دریای خزر", "خزر", "caspian*", "caspian sea"}},
	{"africa", "Africa", []string{"آفریقا*", "africa*"}},
	{"west", "the West", []string{"غرب", "غربی*", "غربیها"}},
}

// titleRows are titles of office. A title's country follows it in Persian
// («سفیر تاجیکستان») and precedes it in English ("Kazakhstan's Deputy Prime
// Minister"); Code is set when the title itself names a country.
var titleRows = []codedRow{
	{"", "president", []string{"رئیس جمهور", "رئیس جمهوری", "رییس جمهور", "president*"}},
	{"", "prime minister", []string{"نخست وزیر", "صدراعظم", "صدر اعظم", "prime minister*", "pm", "premier"}},
	{"", "deputy prime minister", []string{"معاون نخست وزیر", "معاون اول نخست وزیر", "معاون رئیس الوزرا", "معاون صدراعظم", "معاون سیاسی رئیس الوزرا", "معاون اقتصادی رئیس الوزرا",
		"deputy prime minister*", "first deputy prime minister", "vice premier"}},
	{"", "foreign minister", []string{"وزیر خارجه", "وزیر امور خارجه", "وزرای خارجه", "وزرای امور خارجه", "foreign minister*", "minister of foreign affairs"}},
	{"", "minister", []string{"وزیر*", "وزرای*", "سرپرست وزارت", "minister*"}},
	{"", "deputy minister", []string{"معاون وزیر", "معاون وزارت", "معاونان وزارت", "معاونین وزارت", "deputy minister*", "vice minister*"}},
	{"", "ambassador", []string{"سفیر*", "سفرای*", "ambassador*"}},
	{"", "special representative", []string{"نماینده ویژه", "نمایندگان ویژه", "نماینده خاص", "special representative*", "special envoy*", "envoy*"}},
	{"", "representative", []string{"نماینده*", "نمایندگان*", "representative*"}},
	{"", "emir", []string{"امیر", "emir"}},
	{"", "king", []string{"پادشاه", "king"}},
	{"", "leader", []string{"رهبر*", "leader*"}},
	{"IR", "Supreme Leader of Iran", []string{"مقام معظم رهبری", "رهبر معظم انقلاب", "رهبر انقلاب", "رهبر انقلاب اسلامی", "رهبر معظم", "supreme leader"}},
	{"", "delegation", []string{"هیئت*", "هیات*", "delegation*"}},
	{"", "officials", []string{"مقامات*", "مقام*", "مسئولان", "مسئولین", "مقامهای", "officials", "authorities"}},
	{"", "head", []string{"رئیس*", "رییس*", "سرپرست*", "head", "chairman", "chief"}},
	{"", "spokesperson", []string{"سخنگوی*", "سخنگو", "spokesman", "spokesperson", "spokeswoman"}},
	{"", "governor", []string{"والی", "استاندار", "governor*"}},
	{"", "consul", []string{"سرکنسول", "کنسول", "سرکنسول*", "consul", "consul general", "consul-general", "consuls"}},
	{"", "chief executive", []string{"مدیرعامل", "مدیر عامل", "مدیران عامل", "ceo"}},
}

type anaphorRow struct {
	class Class
	names []string
}

var anaphorRows = []anaphorRow{
	{ClassPair, []string{"دو کشور", "هر دو کشور", "دو طرف", "هر دو طرف", "طرفین", "جانبین", "دو جانب", "کشورهای طرفین",
		"دو همسایه", "دو کشور همسایه", "the two countries", "both countries", "two countries", "the two sides", "both sides", "the two nations",
		"both nations", "the sides", "two nations", "the two neighbours", "the two neighbors", "both neighbours", "both neighbors", "the parties",
		"the two leaders", "both leaders", "the leaders", "the two presidents", "both presidents", "the presidents", "رهبران دو کشور", "سران دو کشور",
		"روسای جمهور دو کشور", "the two governments", "both governments", "the governments", "دولت های دو کشور", "دولتهای دو کشور",
		"the two ministers", "both ministers", "وزرای دو کشور", "bilateral"}},
	{ClassThisCountry, []string{"این کشور", "آن کشور", "کشورش", "this country", "the country", "his country", "the republic's", "this republic", "این جمهوری"}},
	{ClassOurCountry, []string{"کشورمان", "کشور ما", "کشور عزیزمان", "our country",
		// «صادرات کشور»: the outlet's own country's trade.
		"صادرات کشور", "واردات کشور", "صادرات غیرنفتی کشور", "واردات غیرنفتی کشور", "تجارت خارجی کشور", "تجارت کشور",
		// «… از قزاقستان و روسیه … وارد کشور شده»: the outlet's country imports.
		"وارد کشور", "به کشور وارد", "از کشور صادر",
		// «خطوط ریلی شرق کشور», «مرزهای شرقی کشور»: a part of the outlet's
		// own country.
		"شرق کشور", "غرب کشور", "شمال کشور", "جنوب کشور", "شمال شرق کشور", "شمال غرب کشور", "جنوب شرق کشور", "جنوب غرب کشور",
		"مرزهای شرقی کشور", "مرزهای غربی کشور", "مرزهای شمالی کشور", "مرزهای جنوبی کشور", "بنادر کشور", "داخل کشور"}},
	{ClassBilateral, []string{"دوجانبه", "دو جانبه", "bilateral"}},
}

// borderFacing gives, for the border posts of the gazetteer, the country
// on the other side: a closure at «تورخم» alone is between Afghanistan and
// Pakistan. Place ids are the dataset's (see TestPlacesInDataset).
var borderFacing = map[string]string{
	"af-torkham": "PK", "af-spin-boldak": "PK", "pk-chaman": "AF", "pk-taftan": "IR", "ir-mirjaveh": "PK", "ir-rimdan": "PK",
	"af-islam-qala": "IR", "ir-dogharoun": "AF", "ir-milak": "AF", "af-torghundi": "TM", "af-aqina": "TM", "af-hairatan": "UZ",
	"uz-termez": "AF", "tm-serhetabat": "AF", "ir-sarakhs": "TM", "ir-incheh-borun": "TM", "tm-serhetyaka": "KZ", "kz-bolashak": "TM",
}
