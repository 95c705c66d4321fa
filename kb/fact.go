package kb

import (
	"fmt"
	"github.com/caravan-transport/caravan"
	"slices"
	"strings"
	"time"

	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// FactKind says what a fact is about; the names are those of the gold facts.
type FactKind string

// The fact kinds.
const (
	TradeValue FactKind = "trade_value"
	Tonnage    FactKind = "tonnage"
	AgreementF FactKind = "agreement"
	ProjectF   FactKind = "project"
	Meeting    FactKind = "meeting"
	// Disruption is a border crossing, port or line closed, reopened or hit
	// by clashes; accepted, it closes (or reopens) its place for the planner.
	Disruption FactKind = "disruption"
)

var factKinds = []FactKind{TradeValue, Tonnage, AgreementF, ProjectF, Meeting, Disruption}

// ParseFactKind reads a fact kind (trade_value, tonnage, agreement,
// project, meeting, ...). An unknown kind is an error of kind Invalid.
func ParseFactKind(s string) (FactKind, error) {
	if k := FactKind(s); slices.Contains(factKinds, k) {
		return k, nil
	}
	names := make([]string, len(factKinds))
	for i, k := range factKinds {
		names[i] = string(k)
	}
	return "", caravan.Errorf(caravan.Invalid, "", "fact kind %q: want %s", s, strings.Join(names, ", "))
}

// ReviewState is where a fact stands in review. New facts are Pending;
// only Accepted facts count as knowledge (an accepted trade_value fact
// joins the trade series).
type ReviewState string

// The review states.
const (
	Pending  ReviewState = "pending"
	Accepted ReviewState = "accepted"
	Rejected ReviewState = "rejected"
)

// ParseReviewState reads pending, accepted or rejected.
func ParseReviewState(s string) (ReviewState, error) {
	switch r := ReviewState(s); r {
	case Pending, Accepted, Rejected:
		return r, nil
	}
	return "", caravan.Errorf(caravan.Invalid, "", "review state %q: want pending, accepted or rejected", s)
}

// Review is a decision on a fact.
type Review struct {
	State ReviewState `json:"state"`
	Note  string      `json:"note,omitempty"`
	At    time.Time   `json:"at,omitzero"` // when it was decided (UTC); zero for pending
}

// Fact is a statement extracted from a document, in the schema of the gold
// facts (corpus/seeds/README.md), with where it was found and its review.
type Fact struct {
	// ID is the document id, "#" and the fact's 1-based place in the
	// document's list: "doc-3f2a9c0d1e2b4a5f#3".
	ID        string   `json:"id"`
	Document  string   `json:"document"`
	Kind      FactKind `json:"kind"`
	Countries []string `json:"countries"` // ISO codes, sorted
	Value     *float64 `json:"value"`     // USD, tonnes, km or MW as Unit says
	ValueMax  *float64 `json:"value_max,omitempty"`
	Unit      string   `json:"unit,omitempty"`   // USD, USD/yr, t, t/yr, t/month, km, MW, m3/yr
	Period    string   `json:"period,omitempty"` // as trade.ParsePeriod reads it
	Status    string   `json:"status,omitempty"` // actual/target/capacity, signed/agreed/negotiating, held/planned, a project word
	GrowthPct *float64 `json:"growth_pct"`
	Quote     string   `json:"quote"`
	// Start and End are byte offsets of Quote in the document's text.
	Start        int          `json:"start"`
	End          int          `json:"end"`
	Flow         string       `json:"flow,omitempty"`      // "UZ->AF"
	Qualifier    string       `json:"qualifier,omitempty"` // about, more_than, up_to, approaching
	Subject      string       `json:"subject,omitempty"`
	Project      string       `json:"project,omitempty"`
	Parties      []string     `json:"parties,omitempty"`
	Place        string       `json:"place,omitempty"`
	PlaceID      string       `json:"place_id,omitempty"` // disruptions: the dataset's id of the place closed or reopened
	Date         network.Date `json:"date,omitzero"`
	AltCountries []string     `json:"alt_countries,omitempty"`
	Note         string       `json:"note,omitempty"`
	Review       Review       `json:"review"`
	Pos          network.Pos  `json:"-"`
}

// FactID returns the id of the n-th (1-based) fact of document doc.
func FactID(doc string, n int) string { return fmt.Sprintf("%s#%d", doc, n) }

// Validate reports what is wrong with f to ps. text, when not empty, is the
// document's text: the quote must sit at [Start, End) in it.
func (f *Fact) Validate(text string, ps *network.Problems) {
	if f.ID == "" || f.Document == "" || !strings.HasPrefix(f.ID, f.Document+"#") {
		ps.Addf(f.Pos, "id", "fact %q: want DOCUMENT#N with the document %q", f.ID, f.Document)
	}
	if !slices.Contains(factKinds, f.Kind) {
		ps.Addf(f.Pos, "kind", "fact %s: kind %q: want trade_value, tonnage, agreement, project or meeting", f.ID, f.Kind)
	}
	for i, c := range f.Countries {
		if !isCode(c) {
			ps.Addf(f.Pos, "countries", "fact %s: %q is not a country code", f.ID, c)
		} else if i > 0 && f.Countries[i-1] >= c {
			ps.Addf(f.Pos, "countries", "fact %s: countries must be sorted and distinct", f.ID)
		}
	}
	if f.Period != "" {
		if _, err := trade.ParsePeriod(f.Period); err != nil {
			ps.Addf(f.Pos, "period", "fact %s: %v", f.ID, err)
		}
	}
	if f.Flow != "" {
		if _, _, err := trade.ParseFlow(f.Flow); err != nil {
			ps.Addf(f.Pos, "flow", "fact %s: %v", f.ID, err)
		}
	}
	if f.Start < 0 || f.End < f.Start {
		ps.Addf(f.Pos, "start", "fact %s: bad offsets %d..%d", f.ID, f.Start, f.End)
	} else if text != "" && (f.End > len(text) || text[f.Start:f.End] != f.Quote) {
		ps.Addf(f.Pos, "quote", "fact %s: the quote is not at bytes %d..%d of the document", f.ID, f.Start, f.End)
	}
	if _, err := ParseReviewState(string(f.Review.State)); err != nil {
		ps.Addf(f.Pos, "review", "fact %s: %v", f.ID, err)
	}
}

// Figure returns the trade figure an accepted trade_value or tonnage fact
// states, and false when it states none: it needs two countries, a value,
// a unit of USD or tonnes and the status actual or target. A fact with a
// subject is a transit figure when the subject mentions transit, else a
// sector figure; without one it is bilateral. doc is the fact's document
// (for the announcement date and the source).
func (f *Fact) Figure(doc *Document) (trade.Figure, bool) {
	if f.Review.State != Accepted || (f.Kind != TradeValue && f.Kind != Tonnage) || len(f.Countries) != 2 || f.Value == nil {
		return trade.Figure{}, false
	}
	kind, err := trade.ParseKind(f.Status)
	if err != nil {
		return trade.Figure{}, false
	}
	period, err := trade.ParsePeriod(f.Period)
	if err != nil {
		return trade.Figure{}, false
	}
	r := network.Exact(*f.Value)
	if f.ValueMax != nil && *f.ValueMax >= *f.Value {
		r.Max = *f.ValueMax
	}
	g := trade.Figure{
		ID: f.ID, A: f.Countries[0], B: f.Countries[1], Flow: f.Flow, Scope: trade.Bilateral, Kind: kind,
		Period: period, Subject: f.Subject, Qualifier: f.Qualifier, GrowthPct: f.GrowthPct,
		Document: f.Document, Start: f.Start, End: f.End, Note: f.Note,
	}
	switch f.Unit {
	case "USD", "USD/yr":
		g.USD = r
	case "t", "t/yr":
		g.Tonnes = r
	default:
		return trade.Figure{}, false
	}
	if f.Subject != "" {
		g.Scope = trade.Sector
		if strings.Contains(strings.ToLower(f.Subject), "transit") {
			g.Scope = trade.Transit
		}
	}
	if doc != nil {
		g.Announced = doc.Date
		if doc.Source != "" {
			g.Sources = network.Citations{All: []string{doc.Source}}
		}
	}
	return g, true
}
