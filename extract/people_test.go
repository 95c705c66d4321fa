package extract

import (
	"slices"
	"testing"
)

// TestPeople holds the people register to named sentences: who is
// registered, with which role and country, and what a later clause naming
// only the person gives.
func TestPeople(t *testing.T) {
	x := NewExtractor(nil)
	for _, tt := range []struct {
		name, text string
		want       []string // "surname role CC party"
	}{
		{"a title with the country before it, the name after",
			"Kazakhstan's Trade Minister Arman Shakkaliyev and Afghanistan's acting Minister of Commerce Nooruddin Azizi met in Astana.",
			[]string{"shakkaliyev minister KZ true", "azizi minister AF true"}},
		{"an appositive title",
			"Nooruddin Azizi, Afghanistan's acting minister of commerce, arrived in Tashkent.",
			[]string{"azizi minister AF true"}},
		{"a Persian name before the title and its country",
			"به گزارش ایرنا، علیرضا بیکدلی سفیر ایران در کابل گفت تجارت افزایش یافت.",
			[]string{"بیکدلی ambassador IR true"}},
		{"an expert is registered without a country",
			"\"Trade could triple,\" said Ahmad Wali, an economist at Kabul University.",
			[]string{"wali expert  false"}},
		{"a minister of a country before the name",
			"Minister of Foreign Affairs of Turkmenistan Rashid Meredov met the delegation.",
			[]string{"meredov foreign minister TM true"}},
		{"a portfolio after the title; the outlet's own minister",
			"Ministry of Commerce, Government of Pakistan\n\nFederal Minister for Commerce Jam Kamal Khan received the Ambassador of Uzbekistan.",
			[]string{"khan minister PK true"}},
		{"a company named after a title and a country is no person",
			"He met the chief executive of Kazakhstan Temir Zholy.",
			nil},
		{"a single Persian word is no name",
			"همچنین سفیر ایران در کابل گفت.",
			nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("p", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			d := x.newDoc(a)
			var got []string
			for _, p := range d.people {
				got = append(got, p.name+" "+p.role+" "+p.code+" "+map[bool]string{true: "true", false: "false"}[p.party])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("people of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestPeopleFacts holds what the register and the implied meetings give.
func TestPeopleFacts(t *testing.T) {
	for _, tt := range []struct {
		name string
		text string
		want []string
	}{
		{"a person named with a ministry's role carries the country into a clause naming only them",
			"Afghanistan's acting Minister of Commerce Nooruddin Azizi arrived in Tashkent on Monday.\n\nOn the sidelines of the forum, Azizi met the head of the Islamic Development Bank.",
			[]string{"meeting AF,UZ - - held - -", "meeting AF - - held - -"}},
		{"a speaker's country is one side of bilateral trade",
			"Kazakhstan and Afghanistan held talks. Kazakh Deputy Prime Minister Serik Zhumangarin visited Kabul. Zhumangarin said bilateral trade stood at $545 million last year.",
			[]string{"meeting AF,KZ - - held - -", "trade_value AF,KZ 5.45e+08 USD actual - -"}},
		{"an expert's institution is not a party",
			"Trade between Iran and Afghanistan reached $1.2 billion in 2024, said Ahmad Wali, an economist at Kabul University.",
			[]string{"trade_value AF,IR 1.2e+09 USD actual 2024 -"}},
		{"co-attendance at an inauguration is a meeting",
			"قطعه چهارم راه آهن خواف-هرات امروز با حضور وزیر راه و شهرسازی ایران و سرپرست وزارت فواید عامه افغانستان در هرات افتتاح شد.",
			[]string{"project AF,IR - - launched - -", "meeting AF,IR - - held - -"}},
		{"officials of both countries at a reopening meet",
			"بازارچه مرزی پیشین در مرز ایران و پاکستان امروز با حضور مقامات دو کشور بازگشایی شد.",
			[]string{"meeting IR,PK - - held - -", "disruption IR,PK - - reopened - -"}},
		{"a visit made with another country's officials is a meeting",
			"Iran's deputy minister of roads said on Sunday during a visit to the site with Afghan railway officials that work was going well.",
			[]string{"meeting AF,IR - - held - -"}},
		{"officials of one country at a ceremony are no meeting",
			"The terminal was inaugurated in the presence of Iran's roads minister.",
			[]string{"project IR - - launched - -"}},
		{"an interview's answers speak for the interviewee's country; a goal after trade figures is trade's",
			"Uzbekistan's Deputy Minister of Investment, Industry and Trade Laziz Kudratov spoke about Afghanistan.\n\nQ: How has trade grown?\n\nA: In 2024 our trade turnover with Afghanistan reached $1.1 billion. Exports account for almost all of it: $1.05 billion.\n\nQ: What is the goal?\n\nA: We have set a target of $2 billion by 2027.",
			[]string{"trade_value AF,UZ 1.1e+09 USD actual 2024 -", "trade_value AF,UZ 1.05e+09 USD actual 2024 -", "trade_value AF,UZ 2e+09 USD target 2027 -"}},
		{"an advertisement is not text",
			"Trade between Iran and Afghanistan reached $1.2 billion in 2024.\n\nADVERTISEMENT\nKam Air flies daily. Exports to Uzbekistan reached $5 million.\n\nPakistan's exports to Afghanistan reached $900 million in 2024.",
			[]string{"trade_value AF,IR 1.2e+09 USD actual 2024 -", "trade_value AF,PK 9e+08 USD actual 2024 -"}},
		{"a scraped page's advertisement marker alone is all of the advertisement",
			"Trade between Iran and Afghanistan reached $1.2 billion in 2024.\n\nADVERTISEMENT\n\nPakistan's exports to Afghanistan reached $900 million in 2024.",
			[]string{"trade_value AF,IR 1.2e+09 USD actual 2024 -", "trade_value AF,PK 9e+08 USD actual 2024 -"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractBrief(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("facts of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzPeople checks the register on any text: each person's name is within
// the text and ends in the surname, and only a person with a country is a
// party.
func FuzzPeople(f *testing.F) {
	f.Add("Kazakhstan's Trade Minister Arman Shakkaliyev met Nooruddin Azizi, Afghanistan's acting minister of commerce. Azizi said so.")
	f.Add("به گزارش ایرنا، علیرضا بیکدلی سفیر ایران در کابل گفت. بیکدلی افزود")
	f.Add("said Ahmad Wali, an economist at Kabul University")
	x := NewExtractor(nil)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("f", s)
		if err != nil {
			return
		}
		d := x.newDoc(a)
		for _, p := range d.people {
			if p.a < 0 || p.b > len(d.toks) || p.a >= p.b || d.word(p.b-1) != p.name {
				t.Fatalf("person %+v: name not at its tokens", p)
			}
			if p.party && p.code == "" {
				t.Fatalf("person %+v: a party without a country", p)
			}
		}
	})
}
