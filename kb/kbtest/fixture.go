// Package kbtest is the contract test suite of kb.Store: Run checks an
// implementation against it, and RunCrash checks that a bulk load killed
// with SIGKILL leaves a sound database. store/sqlite runs both always,
// store/postgres when a server is reachable.
package kbtest

import (
	"strings"
	"testing"
	"time"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

func mustDate(tb testing.TB, s string) network.Date {
	tb.Helper()
	d, err := network.ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func mustWhen(tb testing.TB, s string) kb.When {
	tb.Helper()
	w, err := kb.ParseWhen(s)
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

func mustPeriod(tb testing.TB, s string) trade.Period {
	tb.Helper()
	p, err := trade.ParsePeriod(s)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func cites(ids ...string) network.Citations { return network.Citations{All: ids} }

func f64(v float64) *float64 { return &v }

// docText is the text of the fixture document (Persian and English, so
// byte offsets differ from rune offsets).
const docText = "در سال ۲۰۲۵، حجم تجارت افغانستان و ازبیکستان به حدود ۱.۶ میلیارد دالر رسید.\n" +
	"Kazakhstan and Afghanistan committed to expanding annual trade from $1 billion to $3 billion."

// Fixture returns a bundle with records of every type, valid and
// self-contained, for the contract tests.
func Fixture(tb testing.TB) *kb.Bundle {
	tb.Helper()
	doc := kb.NewDocument(docText)
	doc.Title, doc.Lang, doc.Date, doc.URL, doc.Source = "Trade news", "prs", mustDate(tb, "2026-02-15"), "https://example.org/a", "SRC-B"
	quote := func(s string) (string, int, int) {
		i := strings.Index(docText, s)
		if i < 0 {
			tb.Fatalf("quote %q not in the fixture text", s)
		}
		return s, i, i + len(s)
	}
	q1, s1, e1 := quote("حجم تجارت افغانستان و ازبیکستان به حدود ۱.۶ میلیارد دالر رسید")
	q2, s2, e2 := quote("from $1 billion to $3 billion")
	return &kb.Bundle{
		Sources: []network.Source{
			{ID: "SRC-A", Title: "Source A", Publisher: "Agency A", URL: "https://example.org/a", Date: mustDate(tb, "2025-07-17")},
			{ID: "SRC-B", Title: "Source B", Note: "a note"},
		},
		Agreements: []kb.Agreement{
			{
				ID: "pk-kg-transit", Name: "Pakistan–Kyrgyzstan transit trade agreement", Kind: kb.Treaty, Parties: []string{"KG", "PK"},
				Subject: "transit trade", Signatories: "foreign ministers",
				History: []kb.AgreementChange{
					{Date: mustWhen(tb, "2025-07"), Status: kb.Negotiating, Event: "early finalisation pledged", Sources: cites("SRC-A")},
					{Date: mustWhen(tb, "2025-12-04"), Status: kb.Agreed, Event: "agreed to be finalized", Sources: cites("SRC-B")},
				},
				Sources: cites("SRC-A", "SRC-B"),
			},
			{
				ID: "uap-framework", Name: "UAP framework agreement", Kind: kb.Framework, Parties: []string{"AF", "PK", "UZ"},
				Subject: "joint feasibility study", Project: "trans-afghan",
				History: []kb.AgreementChange{{Date: mustWhen(tb, "2025-07-17"), Status: kb.Signed, Event: "signed in Kabul"}},
				Sources: network.Citations{All: []string{"SRC-A"}, ByField: map[string][]string{"subject": {"SRC-B"}}},
				Note:    "framework only",
			},
			{
				ID: "aptta", Name: "APTTA", Kind: kb.Treaty, Parties: []string{"AF", "PK"}, Subject: "transit",
				History: []kb.AgreementChange{
					{Date: mustWhen(tb, "2010"), Status: kb.Signed, Event: "signed"},
					{Date: mustWhen(tb, "2011-06-12"), Status: kb.InForce, Event: "in force"},
					{Date: mustWhen(tb, "2021-02"), Status: kb.Expired, Event: "expired"},
				},
				Sources: cites("SRC-A"),
			},
		},
		Projects: []kb.Project{
			{
				Project: network.Project{
					ID: "trans-afghan", Names: network.Names{En: "Trans-Afghan railway", Fa: "راه\u200cآهن ترانس افغان", Alt: []string{"UAP railway"}},
					Countries: []string{"UZ", "AF", "PK"}, Kind: "rail",
					LengthKm: network.Range{Value: 760, Min: 573, Max: 850, Known: true},
					CostUSD:  network.Exact(4.6e9),
					History: []network.StatusChange{
						{Date: mustDate(tb, "2023-07-18"), Status: network.Proposed, Event: "route protocol", Sources: cites("SRC-A")},
						{Date: mustDate(tb, "2025-07-17"), Status: network.Planned, Event: "framework agreement", Sources: cites("SRC-B")},
					},
					Sources: network.Citations{All: []string{"SRC-A"}, ByField: map[string][]string{"length_km": {"SRC-A", "SRC-B"}}},
				},
				Links: []string{"af-mazar--af-kabul-rail", "af-kabul--pk-peshawar-rail"},
			},
			{
				Project: network.Project{ID: "hairatan-mazar", Names: network.Names{En: "Hairatan–Mazar railway"}, Countries: []string{"AF"}, Kind: "rail",
					History: []network.StatusChange{{Date: mustDate(tb, "2011-08-01"), Status: network.Operational, Event: "opened"}},
					Sources: cites("SRC-B")},
			},
		},
		Figures: []trade.Figure{
			{ID: "af-kz-2022", A: "AF", B: "KZ", Scope: trade.Bilateral, Kind: trade.Actual, Period: mustPeriod(tb, "2022"),
				USD: network.Exact(987.9e6), Reporter: "KZ", ReporterName: "Kazakh statistics", Sources: cites("SRC-A")},
			{ID: "af-kz-2023-exports", A: "AF", B: "KZ", Flow: "KZ->AF", Scope: trade.Bilateral, Kind: trade.Actual, Period: mustPeriod(tb, "2023"),
				USD: network.Range{Value: 547e6, Min: 540e6, Max: 550e6, Known: true}, Qualifier: "about", GrowthPct: f64(-42.5), Sources: cites("SRC-B")},
			{ID: "af-kz-target", A: "AF", B: "KZ", Scope: trade.Bilateral, Kind: trade.Target, USD: network.Exact(3e9),
				Announced: mustDate(tb, "2025-10-08"), Sources: cites("SRC-A")},
			{ID: "ir-kz-sh1400", A: "IR", B: "KZ", Scope: trade.Bilateral, Kind: trade.Actual, Period: mustPeriod(tb, "SH1400 = 2021-03-21..2022-03-20"),
				USD: network.Exact(265.2e6), Tonnes: network.Exact(729e3), Reporter: "IR", Sources: cites("SRC-B"), Note: "Iran customs", Doubt: "test"},
			{ID: "ir-kz-transit", A: "IR", B: "KZ", Scope: trade.Transit, Subject: "rail transit via Iran", Kind: trade.Target,
				Tonnes: network.Exact(5e6), Announced: mustDate(tb, "2022-06-19"), Period: mustPeriod(tb, "2023"), Sources: cites("SRC-A")},
		},
		Documents: []kb.Document{doc},
		Facts: []kb.Fact{
			{ID: kb.FactID(doc.ID, 1), Document: doc.ID, Kind: kb.TradeValue, Countries: []string{"AF", "UZ"}, Value: f64(1.6e9), Unit: "USD",
				Period: "2025", Status: "actual", GrowthPct: f64(45), Quote: q1, Start: s1, End: e1, Qualifier: "about",
				Review: kb.Review{State: kb.Accepted, Note: "checked", At: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)}},
			{ID: kb.FactID(doc.ID, 2), Document: doc.ID, Kind: kb.TradeValue, Countries: []string{"AF", "KZ"}, Value: f64(3e9), Unit: "USD",
				Status: "target", Quote: q2, Start: s2, End: e2, Parties: []string{"Nooruddin Azizi"}, Review: kb.Review{State: kb.Pending}},
			{ID: kb.FactID(doc.ID, 3), Document: doc.ID, Kind: kb.AgreementF, Countries: []string{"AF", "KZ"}, Status: "agreed",
				Quote: q2, Start: s2, End: e2, Subject: "expand annual trade to $3bn", Date: mustDate(tb, "2026-02-15"), Review: kb.Review{State: kb.Rejected}},
		},
	}
}
