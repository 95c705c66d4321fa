package extract_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/caravan-transport/caravan/extract"
)

func ExampleExtractor_Extract() {
	text := "date 2025-11-20\n" +
		"به گزارش ایرنا، در سال ۱۴۰۰ نزدیک به ۷۲۹ هزار تن کالا به ارزش ۲۶۵ میلیون و ۲۰۰ هزار دلار بین ایران و قزاقستان تبادل شد."
	a, err := extract.ParseArticle("example", text)
	if err != nil {
		fmt.Println(err)
		return
	}
	facts, err := extract.NewExtractor(nil).Extract(context.Background(), a)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range facts {
		fmt.Println(f.Kind, strings.Join(f.Countries, ","), *f.Value, *f.Unit, *f.Status, *f.Period)
	}
	// Output:
	// tonnage IR,KZ 729000 t actual SH1400 = 2021-03-21..2022-03-20
	// trade_value IR,KZ 2.652e+08 USD actual SH1400 = 2021-03-21..2022-03-20
}

func ExampleParseNumber() {
	for _, s := range []string{"۲۶۵ میلیون و ۲۰۰ هزار", "سه میلیارد", "۱٫۶ میلیارد", "two and a half billion"} {
		n, _ := extract.ParseNumber(s)
		fmt.Println(n.Value)
	}
	// Output:
	// 2.652e+08
	// 3e+09
	// 1.6e+09
	// 2.5e+09
}
