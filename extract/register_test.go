package extract

import (
	"slices"
	"testing"
)

// TestListsAndFocus holds list splitting and the article's trading
// country (tradeFocus) to named sentences.
func TestListsAndFocus(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"a respective list, Dari",
			"وزارت صنعت و تجارت افغانستان گفت صادرات افغانستان در سال ۱۴۰۳ به ۱.۸ میلیارد دالر رسید. در این سال ۹۸۰ ملیون دالر کالا به پاکستان صادر شده و صادرات به ازبیکستان و تاجیکستان به ترتیب ۹۵ ملیون و ۶۲ ملیون دالر بوده است.",
			[]string{"trade_value AF 1.8e+09 USD actual SH1403 = 2024-03-20..2025-03-20 -",
				"trade_value AF,PK 9.8e+08 USD actual SH1403 = 2024-03-20..2025-03-20 -",
				"trade_value AF,UZ 9.5e+07 USD actual SH1403 = 2024-03-20..2025-03-20 -",
				"trade_value AF,TJ 6.2e+07 USD actual SH1403 = 2024-03-20..2025-03-20 -"}},
		{"trade with a region is the trader's; a share names the other side",
			"Pakistan's exports to Afghanistan fell to $1.2 billion in 2024. Exports to the Central Asian republics, however, increased to $285 million in 2024, with Uzbekistan accounting for $148 million.",
			[]string{"trade_value AF,PK 1.2e+09 USD actual 2024 -", "trade_value PK 2.85e+08 USD actual 2024 -", "trade_value PK,UZ 1.48e+08 USD actual 2024 -"}},
		{"a ranking list: the head partner, then items in parentheses, with the article's trader",
			"Uzbekistan's trade with Central Asia grew in 2025. Kazakhstan remained the leading partner with $3.5 billion in 2025, followed by Kyrgyzstan ($1.2 billion) and Tajikistan ($760 million).",
			[]string{"trade_value KZ,UZ 3.5e+09 USD actual 2025 -", "trade_value KG,UZ 1.2e+09 USD actual 2025 -", "trade_value TJ,UZ 7.6e+08 USD actual 2025 -"}},
		{"«بیشتر آن به پاکستان»: the country after a share is the share's",
			"صادرات افغانستان در سال ۱۴۰۳ به ۴۵۰ ملیون دالر رسیده که بیشتر آن به پاکستان صادر شده است.",
			[]string{"trade_value AF 4.5e+08 USD actual SH1403 = 2024-03-20..2025-03-20 -"}},
		{"two figures joined by «was» are not a list",
			"Pakistan's trade with Afghanistan was $1.5 billion in FY2023-24 and Iran's trade with Iraq was $10 billion in 2023.",
			[]string{"trade_value AF,PK 1.5e+09 USD actual 2023-07..2024-06 -", "trade_value IQ,IR 1e+10 USD actual 2023 -"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractBrief(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("facts of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
