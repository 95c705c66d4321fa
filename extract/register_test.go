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
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractBrief(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("facts of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
