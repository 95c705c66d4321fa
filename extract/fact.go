package extract

import (
	"slices"
)

// Fact kinds.
const (
	KindTradeValue = "trade_value" // the value of trade between countries (USD)
	KindTonnage    = "tonnage"     // tonnes of goods traded or carried
	KindAgreement  = "agreement"   // an agreement, MoU or commitment between countries
	KindProject    = "project"     // a corridor, railway, energy or water project and its status
	KindMeeting    = "meeting"     // a meeting or visit between countries' officials
	KindDisruption = "disruption"  // a border crossing, port or line closed, reopened or hit by clashes
)

// Fact is one fact read from an article, in the schema of the gold file
// (corpus/seeds/gold.jsonl): the fields up to Quote are always present in
// JSON (null when unknown), the others only when set. Start and End are
// the byte offsets of Quote in the article's file.
type Fact struct {
	Article   string   `json:"article"`
	Kind      string   `json:"kind"`
	Countries []string `json:"countries"` // ISO 3166-1 alpha-2, sorted
	Value     *float64 `json:"value"`     // USD, tonnes, km or MW
	Unit      *string  `json:"unit"`      // USD, USD/yr, t, t/yr, t/month, km, MW, m3/yr
	Period    *string  `json:"period"`    // "2025", "2025-01..2025-08", "SH1400 = 2021-03-21..2022-03-20"
	Status    *string  `json:"status"`
	GrowthPct *float64 `json:"growth_pct"` // negative for a decline
	Quote     string   `json:"quote"`

	Flow         string   `json:"flow,omitempty"`      // "UZ->AF" for one-directional trade
	Qualifier    string   `json:"qualifier,omitempty"` // about, more_than, up_to, approaching
	ValueMax     *float64 `json:"value_max,omitempty"` // the upper end of a range
	Subject      string   `json:"subject,omitempty"`
	Project      string   `json:"project,omitempty"`
	Parties      []string `json:"parties,omitempty"`
	Place        string   `json:"place,omitempty"`
	PlaceID      string   `json:"place_id,omitempty"` // disruptions: the place's id in the gazetteer
	Date         string   `json:"date,omitempty"`     // YYYY-MM-DD
	AltCountries []string `json:"alt_countries,omitempty"`
	Note         string   `json:"note,omitempty"`

	Start *int `json:"start,omitempty"` // byte offset of Quote in the article
	End   *int `json:"end,omitempty"`   // byte offset just after Quote
}

// Statuses.
const (
	StatusActual      = "actual"
	StatusTarget      = "target"
	StatusCapacity    = "capacity"
	StatusSigned      = "signed"
	StatusAgreed      = "agreed"
	StatusNegotiating = "negotiating"
	StatusHeld        = "held"
	StatusPlanned     = "planned"
	StatusClosed      = "closed"   // disruption: closed to traffic
	StatusReopened    = "reopened" // disruption: open again
	StatusClashes     = "clashes"  // disruption: fighting at the place, no closure reported
)

func ptr[T any](v T) *T { return &v }

// str returns *p or "".
func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// normalizeCountries sorts and deduplicates codes and never returns nil.
func normalizeCountries(cs []string) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}
