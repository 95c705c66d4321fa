package jalali_test

import (
	"fmt"

	"github.com/caravan-transport/caravan/jalali"
)

func ExampleYearSpan() {
	s, _ := jalali.YearSpan(1400)
	fmt.Println("SH1400 =", s)
	m, style, _ := jalali.Month("سنبله")
	ms, _ := jalali.MonthSpan(1404, m)
	fmt.Println(style, m, ms)
	// Output:
	// SH1400 = 2021-03-21..2022-03-20
	// afghan 6 2025-08-23..2025-09-22
}
