package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
)

func fact(article, kind string, countries []string, value *float64, status, period string) Fact {
	f := Fact{Article: article, Kind: kind, Countries: countries, Value: value}
	if status != "" {
		f.Status = ptr(status)
	}
	if period != "" {
		f.Period = ptr(period)
	}
	return f
}

func TestMatches(t *testing.T) {
	g := fact("a", KindTradeValue, []string{"IR", "KZ"}, ptr(265.2e6), StatusActual, "SH1400 = 2021-03-21..2022-03-20")
	alt := fact("a", KindMeeting, []string{"IR", "TJ"}, nil, StatusHeld, "")
	alt.AltCountries = []string{"IR", "TM"}
	for _, tt := range []struct {
		name string
		g, p Fact
		want bool
	}{
		{"same", g, g, true},
		{"countries in another order", g, fact("a", KindTradeValue, []string{"KZ", "IR"}, ptr(265.2e6), StatusActual, "2021-03-21..2022-03-20"), true},
		{"value within 0.5 %", g, fact("a", KindTradeValue, []string{"IR", "KZ"}, ptr(266e6), StatusActual, "SH1400 = 2021-03-21..2022-03-20"), true},
		{"value off by 1 %", g, fact("a", KindTradeValue, []string{"IR", "KZ"}, ptr(268e6), StatusActual, "SH1400 = 2021-03-21..2022-03-20"), false},
		{"value missing", g, fact("a", KindTradeValue, []string{"IR", "KZ"}, nil, StatusActual, "SH1400 = 2021-03-21..2022-03-20"), false},
		{"other status", g, fact("a", KindTradeValue, []string{"IR", "KZ"}, ptr(265.2e6), StatusTarget, "SH1400 = 2021-03-21..2022-03-20"), false},
		{"Gregorian year is not the SH year", g, fact("a", KindTradeValue, []string{"IR", "KZ"}, ptr(265.2e6), StatusActual, "2021"), false},
		{"period missing", g, fact("a", KindTradeValue, []string{"IR", "KZ"}, ptr(265.2e6), StatusActual, ""), false},
		{"extra country", g, fact("a", KindTradeValue, []string{"IR", "KZ", "TR"}, ptr(265.2e6), StatusActual, "SH1400 = 2021-03-21..2022-03-20"), false},
		{"other kind", g, fact("a", KindTonnage, []string{"IR", "KZ"}, ptr(265.2e6), StatusActual, "SH1400 = 2021-03-21..2022-03-20"), false},
		{"other article", g, fact("b", KindTradeValue, []string{"IR", "KZ"}, ptr(265.2e6), StatusActual, "SH1400 = 2021-03-21..2022-03-20"), false},
		{"alt_countries", alt, fact("a", KindMeeting, []string{"TM", "IR"}, nil, StatusHeld, ""), true},
		{"text countries", alt, fact("a", KindMeeting, []string{"IR", "TJ"}, nil, StatusHeld, ""), true},
	} {
		if got := Matches(tt.g, tt.p); got != tt.want {
			t.Errorf("%s: Matches = %v, want %v (differences %v)", tt.name, got, tt.want, differences(tt.g, tt.p))
		}
	}
}

func TestEvaluate(t *testing.T) {
	m := func(cs ...string) Fact { return fact("a", KindMeeting, cs, nil, StatusHeld, "") }
	gold := []Fact{m("AF", "KZ"), m("AF", "KZ"), m("IR", "TJ"), fact("a", KindTradeValue, []string{"AF", "KZ"}, ptr(3e9), StatusTarget, "")}
	pred := []Fact{m("KZ", "AF"), m("KZ", "AF"), m("KZ", "AF"), m("IR", "TM"), fact("a", KindTradeValue, []string{"AF", "KZ"}, ptr(3e9), StatusTarget, "")}
	r := Evaluate(gold, pred)
	var meet Score
	for _, s := range r.Kinds {
		if s.Kind == KindMeeting {
			meet = s
		}
	}
	if meet.Gold != 3 || meet.Predicted != 4 || meet.Matched != 2 {
		t.Errorf("meeting score = %+v, want gold 3, predicted 4, matched 2", meet)
	}
	if r.Overall.Matched != 3 || r.Overall.Gold != 4 || r.Overall.Predicted != 5 {
		t.Errorf("overall = %+v", r.Overall)
	}
	if want := 2 * 0.6 * 0.75 / (0.6 + 0.75); abs(r.Overall.F1-want) > 1e-9 {
		t.Errorf("overall F1 = %v, want %v", r.Overall.F1, want)
	}
	if len(r.Misses) != 1 || !sameStrings(r.Misses[0].Gold.Countries, []string{"IR", "TJ"}) || !sameStrings(r.Misses[0].Differ, []string{"countries"}) {
		t.Errorf("misses = %+v", r.Misses)
	}
	if len(r.FalsePositives) != 2 {
		t.Errorf("false positives = %d, want 2 (a repeated meeting and the wrong one)", len(r.FalsePositives))
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func sameStrings(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") }

func TestReadFacts(t *testing.T) {
	in := `{"article": "a", "kind": "meeting", "countries": ["KZ", "AF"], "value": null, "unit": null, "period": null, "status": "held", "growth_pct": null, "quote": "q"}

{"article": "a", "kind": "trade_value", "countries": ["AF", "KZ"], "value": 3000000000, "unit": "USD", "period": null, "status": "target", "growth_pct": null, "quote": "q"}
`
	fs, err := ReadFacts(strings.NewReader(in), "gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Countries[0] != "AF" || *fs[1].Value != 3e9 {
		t.Errorf("ReadFacts = %+v", fs)
	}
	_, err = ReadFacts(strings.NewReader("{\"article\": \"a\", \"kind\": \"meeting\"}\n{bad"), "g.jsonl")
	if !errors.Is(err, caravan.ErrInvalid) || !strings.Contains(err.Error(), "g.jsonl:2") {
		t.Errorf("bad line: error = %v, want invalid at g.jsonl:2", err)
	}
	_, err = ReadFacts(strings.NewReader(`{"kind": "meeting"}`), "g.jsonl")
	if !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("missing article: error = %v", err)
	}
}

func TestEvaluateLenientAndFields(t *testing.T) {
	tv := func(cs []string, v float64, period string) Fact {
		return fact("a", KindTradeValue, cs, ptr(v), StatusActual, period)
	}
	gold := []Fact{tv([]string{"AF", "PK"}, 1e9, "2024"), tv([]string{"PK"}, 2e8, "2024"), tv([]string{"IR", "TM"}, 5e8, "2025")}
	pred := []Fact{
		tv([]string{"AF", "PK"}, 1e9, "2024"), // exact
		tv([]string{"PK", "UZ"}, 2e8, "2024"), // countries overlap only
		tv([]string{"IR", "TM"}, 5e8, "2024"), // wrong period
		tv([]string{"KZ"}, 7e8, ""),           // unrelated
	}
	r := Evaluate(gold, pred)
	if r.Overall.Matched != 1 || r.Lenient.Matched != 2 {
		t.Errorf("matched = %d exact, %d lenient; want 1, 2", r.Overall.Matched, r.Lenient.Matched)
	}
	var all Accuracy
	for _, a := range r.Fields {
		if a.Kind == "overall" {
			all = a
		}
	}
	if all.Pairs != 3 || all.Countries != 2 || all.Period != 2 || all.Status != 3 {
		t.Errorf("field accuracy = %+v, want 3 pairs: 2 with the countries, 2 with the period, 3 with the status", all)
	}
	p := fact("a", KindProject, []string{"AF", "IR"}, ptr(57.0), "", "")
	p.Unit = ptr("km")
	q := p
	q.Unit = ptr("USD")
	if Matches(p, q) {
		t.Errorf("project facts of 57 km and 57 USD match")
	}
}
