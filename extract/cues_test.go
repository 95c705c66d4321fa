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
		{roleTo, "exports rose to 4 million tonnes", "to"},
		{roleVolume, "the cargo volume grew 10 percent", "cargo"},
		{roleCountNoun, "the number of trains grew 10 percent", "trains"},
		{roleFigure, "they aim to lift the figure to $1 billion", "figure"},
		{roleSum, "این مبلغ به ۱۰ میلیون دلار می\u200cرسد", "مبلغ"},
		{roleDeterminer, "aim to lift this figure", "this"},
		{roleUpParticle, "goods made up 70 percent", "up"},
		{roleMadeUp, "goods made up 70 percent", "made"},
		{roleWorth, "1.2 million tons of goods worth $560 million", "worth"},
		{roleSupply, "a contract for the supply of 500,000 tons of wheat", "supply"},
		{roleContract, "a contract for the supply of wheat", "contract"},
		{roleShipped, "grain shipped to Iran", "shipped"},
		{roleFigureIntro, "ازبکستان با ۴۱۰ میلیون دلار", "با"},
		{roleSignNoun, "مراسم امضای تفاهمنامه", "امضای"},
		{roleAdopt, "a roadmap was adopted", "adopted"},
		{roleRatify, "the agreement was ratified", "ratified"},
		{roleWill, "به امضای دو طرف خواهد رسید", "خواهد"},
		{roleReached, "به امضای دو طرف رسید", "رسید"},
		{rolePassiveAux, "the agreement is due to be signed", "be"},
		{roleParticipants, "participants agreed to meet again", "participants"},
		{roleParticipants, "شرکت کنندگان توافق کردند", "شرکت"},
		{roleNegation, "the sides failed to sign", "failed"},
		{roleDenial, "the ministry denied reports", "denied"},
		{rolePostpone, "the signing was postponed", "postponed"},
		{roleAux, "Kazakhstan has pledged", "has"},
		{roleArticle, "signed a memorandum", "a"},
		{roleDefinite, "the documents were signed", "the"},
		{roleAgreementHead, "signed an agreement on transit", "agreement"},
		{roleListOpen, "among them were three memoranda", "among"},
		{roleListOf, "among them were three memoranda", "them"},
		{roleCountWord, "سه تفاهمنامه امضا شد", "سه"},
		{roleMany, "several agreements were signed", "several"},
		{roleMinistry, "the ministry of energy", "ministry"},
		{roleBy, "a visit by the Uzbek president", "by"},
		{roleArriveFa, "وزیر خارجه پاکستان وارد کابل شد", "وارد"},
		{roleVisitPrep, "the minister arrived in Kabul", "in"},
		{roleToFa, "سفر وزیر به کابل", "به"},
		{roleArrived, "the minister arrived in Kabul", "arrived"},
		{roleIn, "met in Doha", "in"},
		{roleVenue, "met at Doha", "at"},
		{rolePressOf, "در نشست خبری گفت", "خبری"},
		{roleRemote, "در تماس تلفنی گفتگو کردند", "تلفنی"},
		{rolePress, "in talks with reporters", "reporters"},
		{roleWith, "held talks with the Kazakh minister", "with"},
		{roleWithOnly, "با حضور وزیران", "با"},
		{roleOf, "with the participation of Iran", "of"},
		{roleCounterparts, "met his Kazakh and Kyrgyz counterparts", "counterparts"},
		{roleSeparately, "met the two ministers separately", "separately"},
		{roleNextBefore, "the next round of talks", "next"},
		{roleNextAfter, "دور بعدی مذاکرات", "بعدی"},
		{roleRound, "دور بعدی مذاکرات", "دور"},
		{roleToday, "امروز در کابل دیدار کردند", "امروز"},
		{roleYesterday, "met yesterday in Kabul", "yesterday"},
		{roleMeetVerb, "the minister received the ambassador", "received"},
		{roleYearEarlier, "up from $118 million a year earlier", "year"},
		{roleYearEarlier, "نسبت به سال گذشته", "سال"},
		{roleSameDet, "over the same year", "same"},
		{roleYear, "over the same year", "year"},
		{roleFiscal, "in the same fiscal year", "fiscal"},
		{rolePeriodNoun, "during the period", "period"},
		{roleCorresponding, "the corresponding period", "corresponding"},
		{roleCompareLead, "compared with the same period", "with"},
		{roleSameFa, "در همین مدت", "همین"},
		{rolePeriodFa, "در همین مدت", "مدت"},
		{roleNamedFa, "در مدت یادشده", "یادشده"},
		{roleDuringPrep, "during the period", "during"},
		{roleAgainst, "450,000 tonnes by 2027, against 300,000 tonnes in 2024", "against"},
		{roleAnswer, "A: We have set a target", "a"},
		{roleQuestion, "Q: What is the goal?", "q"},
		{roleFirstPerson, "A: We have set a target", "we"},
		{roleGoal, "We have set a target of $2 billion", "target"},
		{roleThousand, "tonnes (thousand)", "thousand"},
		{roleMillion, "trade turnover (USD million)", "million"},
		{roleBillion, "در سال (میلیارد دلار)", "میلیارد"},
		{rolePeriodTail, "same period last year", "last"},
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
