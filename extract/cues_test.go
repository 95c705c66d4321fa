package extract

import "testing"

// TestRoles holds each row of roleRows to a named sentence: the role's
// word is found where the rule looks for it.
func TestRoles(t *testing.T) {
	x := NewExtractor(nil)
	for _, tt := range []struct {
		role, text, word string
	}{
		{roleDeadline, "حجم تجارت تا سال ۲۰۳۰ به ۵ میلیارد دلار می\u200cرسد", "تا"},
		{roleDeadline, "trade to reach $5 billion by 2030", "by"},
		{roleEndOf, "تا پایان سال ۱۴۰۵", "پایان"},
		{roleBuild, "construction of the railway began", "construction"},
		{roleWorks, "عملیات اجرایی این طرح آغاز شد", "عملیات"},
		{roleOngoing, "construction is under way", "under"},
		{roleStart, "construction is expected to start next year", "start"},
		{roleStarted, "عملیات ساخت این خط آغاز شد", "آغاز"},
		{roleCondition, "در صورت تکمیل این خط", "در"},
		{roleCondition, "if the railway is completed", "if"},
		{roleObjectOf, "صادرات به پاکستان", "به"},
		{roleRespective, "به ازبیکستان و تاجیکستان به ترتیب ۹۵ و ۶۲ میلیون دلار", "به"},
		{roleRespective, "to Uzbekistan and Tajikistan respectively", "respectively"},
		{roleCrossing, "گذرگاه\u200cهای تورخم و چمن", "گذرگاههای"},
		{roleCrossing, "the Torkham border crossing", "border"},
		{rolePart, "قطعه ایرانشهر-زاهدان", "قطعه"},
		{rolePart, "the fourth section of the line", "section"},
		{roleWeekday, "از روز سه\u200cشنبه", "سهشنبه"},
		{roleWeekday, "on Monday", "monday"},
		{roleJoin, "a roadmap along with a memorandum", "along"},
		{roleJourney, "completing the 10,400 km journey", "journey"},
		{roleTimeRef, "پیش از بسته شدن", "پیش"},
		{roleCondition, "با بهره برداری از این طرح", "با"},
		{roleRank, "Kazakhstan remained the leading partner with $3.5 billion", "leading"},
		{roleShare, "که بیشتر آن به پاکستان صادر شده", "بیشتر"},
		{roleLink, "the line links Iran to Afghanistan", "links"},
		{roleFinance, "Russia has lent a loan for the line", "loan"},
		{roleAttend, "با حضور وزیر راه افتتاح شد", "با"},
		{roleAttend, "reopened in the presence of officials", "in"},
		{roleEvent, "the opening ceremony of the terminal", "opening"},
		{roleSidelines, "در حاشیه این مراسم", "در"},
		{roleSidelines, "on the sidelines of the summit", "on"},
		{roleExpert, "said Ahmad Wali, an economist at Kabul University", "economist"},
		{roleExpert, "به گفته یک کارشناس اقتصادی", "کارشناس"},
		{roleNameStop, "Meanwhile the minister said", "meanwhile"},
		{roleNameEnd, "said Ahmad Wali", "said"},
		{roleLine, "the Serhetabat–Herat railway", "railway"},
		{roleDetail, "reached 7.4 million tonnes, with Uzbekistan at 1.6 million", "with"},
		{roleIssuer, "Ministry of Commerce, Government of Pakistan", "ministry"},
		{rolePortfolio, "Minister for Commerce Jam Kamal Khan", "commerce"},
	} {
		t.Run(tt.role+" "+tt.word, func(t *testing.T) {
			a, err := ParseArticle("r", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			d := x.newDoc(a)
			k := d.roleIn(0, len(d.toks), tt.role)
			if k < 0 {
				t.Fatalf("no %s word in %q", tt.role, tt.text)
			}
			if got := d.word(k); got != tt.word {
				t.Errorf("%s word in %q = %q, want %q", tt.role, tt.text, got, tt.word)
			}
		})
	}
}
