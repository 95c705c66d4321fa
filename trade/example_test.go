package trade_test

import (
	"fmt"

	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

func ExampleAnalyze() {
	year := func(y int) trade.Period {
		return trade.Period{Start: network.MakeDate(y, 1, 1), End: network.MakeDate(y, 12, 31)}
	}
	src := network.Citations{All: []string{"EXAMPLE"}}
	figs := []trade.Figure{
		{ID: "2022", A: "AF", B: "UZ", Scope: trade.Bilateral, Kind: trade.Actual, Period: year(2022), USD: network.Exact(1.0e9), Sources: src},
		{ID: "2024", A: "AF", B: "UZ", Scope: trade.Bilateral, Kind: trade.Actual, Period: year(2024), USD: network.Exact(1.21e9), Sources: src},
		{ID: "goal", A: "AF", B: "UZ", Scope: trade.Bilateral, Kind: trade.Target, USD: network.Exact(2e9), Announced: network.MakeDate(2025, 3, 1), Sources: src},
	}
	an, err := trade.Analyze(figs, "UZ", "AF", trade.Options{By: 2030})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("trend %+.1f %%/yr, needed %+.1f %%/yr, verdict %s\n", an.Trend.GrowthPct, an.Needed[0].GrowthPct, an.Verdict)
	// Output: trend +10.0 %/yr, needed +8.7 %/yr, verdict on_track
}
