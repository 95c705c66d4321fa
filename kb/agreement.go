package kb

import (
	"fmt"
	"github.com/caravan-transport/caravan"
	"slices"

	"github.com/caravan-transport/caravan/network"
)

// AgreementKind says what sort of instrument an agreement is.
type AgreementKind uint8

// The agreement kinds.
const (
	Treaty     AgreementKind = iota + 1 // a binding agreement between states (transit, trade, preferential trade)
	MoU                                 // a memorandum of understanding
	Framework                           // a framework agreement (e.g. on a joint feasibility study)
	Roadmap                             // a roadmap or action plan
	Protocol                            // a protocol amending or extending an agreement
	Convention                          // a multilateral convention (TIR)
	Commitment                          // a commitment stated after talks, with no signed text
)

var agreementKindNames = [...]string{"", "treaty", "mou", "framework", "roadmap", "protocol", "convention", "commitment"}

// String returns the kind's name.
func (k AgreementKind) String() string {
	if k > 0 && int(k) < len(agreementKindNames) {
		return agreementKindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// ParseAgreementKind reads a kind name.
func ParseAgreementKind(s string) (AgreementKind, error) {
	if i := slices.Index(agreementKindNames[1:], s); i >= 0 {
		return AgreementKind(i + 1), nil
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "kind %q: want treaty, mou, framework, roadmap, protocol, convention or commitment", s)
}

// MarshalText writes the name; the zero value (unset) is empty.
func (k AgreementKind) MarshalText() ([]byte, error) {
	if k == 0 {
		return nil, nil
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a name; empty text gives the zero value.
func (k *AgreementKind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = 0
		return nil
	}
	v, err := ParseAgreementKind(string(b))
	*k = v
	return err
}

// AgreementStatus is where an agreement stands.
type AgreementStatus uint8

// The statuses, in the usual order of an agreement's life.
const (
	Proposed    AgreementStatus = iota + 1 // announced or offered
	Negotiating                            // under negotiation
	Agreed                                 // agreed, or agreed to be finalized, not yet signed
	Signed                                 // signed, not (known to be) in force
	InForce                                // in force (ratified, operational)
	Suspended                              // in force on paper, not applied
	Expired                                // lapsed or terminated
)

var agreementStatusNames = [...]string{"", "proposed", "negotiating", "agreed", "signed", "in_force", "suspended", "expired"}

// String returns the status name.
func (s AgreementStatus) String() string {
	if s > 0 && int(s) < len(agreementStatusNames) {
		return agreementStatusNames[s]
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// ParseAgreementStatus reads a status name.
func ParseAgreementStatus(s string) (AgreementStatus, error) {
	if i := slices.Index(agreementStatusNames[1:], s); i >= 0 {
		return AgreementStatus(i + 1), nil
	}
	return 0, caravan.Errorf(caravan.Invalid, "", "status %q: want proposed, negotiating, agreed, signed, in_force, suspended or expired", s)
}

// MarshalText writes the name; the zero value (unset) is empty.
func (s AgreementStatus) MarshalText() ([]byte, error) {
	if s == 0 {
		return nil, nil
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a name; empty text gives the zero value.
func (s *AgreementStatus) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = 0
		return nil
	}
	v, err := ParseAgreementStatus(string(b))
	*s = v
	return err
}

// AgreementChange is one dated step of an agreement's history. A zero
// Date means the source gives no date (an undated article); such steps
// come before the dated ones.
type AgreementChange struct {
	Date    When              `json:"date"`
	Status  AgreementStatus   `json:"status"`
	Event   string            `json:"event"` // what happened: "signed in Kabul", "extended by six months (Protocol VI)"
	Sources network.Citations `json:"sources"`
	Pos     network.Pos       `json:"-"`
}

// Agreement is a transit or trade agreement, an MoU, a framework agreement
// or a commitment announced after talks: who the parties are, what it is
// about and its dated status history.
type Agreement struct {
	ID      string        `json:"id"`
	Name    string        `json:"name"`
	Kind    AgreementKind `json:"kind"`
	Parties []string      `json:"parties"` // ISO 3166-1 alpha-2 codes, sorted
	// Signatories names who agreed or signed for the parties (ministries,
	// railways, presidents), when the sources say.
	Signatories string            `json:"signatories,omitempty"`
	Subject     string            `json:"subject"`
	Project     string            `json:"project,omitempty"` // the project it concerns, by id
	History     []AgreementChange `json:"history"`           // in date order
	Sources     network.Citations `json:"sources"`
	Note        string            `json:"note,omitempty"`
	Pos         network.Pos       `json:"-"`
}

// Status returns the agreement's latest status (0 with no history).
func (a *Agreement) Status() AgreementStatus {
	if len(a.History) == 0 {
		return 0
	}
	return a.History[len(a.History)-1].Status
}

// Since returns the date of the latest status change.
func (a *Agreement) Since() When {
	if len(a.History) == 0 {
		return When{}
	}
	return a.History[len(a.History)-1].Date
}

// StatusOn returns the status on day d: that of the last change dated on or
// before d, or 0 when the history starts later.
func (a *Agreement) StatusOn(d network.Date) AgreementStatus {
	var s AgreementStatus
	for _, c := range a.History {
		if c.Date.Date > d {
			break
		}
		s = c.Status
	}
	return s
}

// HasParty reports whether country is a party.
func (a *Agreement) HasParty(country string) bool { return slices.Contains(a.Parties, country) }

// Validate reports what is wrong with a to ps.
func (a *Agreement) Validate(ps *network.Problems) {
	if a.ID == "" {
		ps.Addf(a.Pos, "id", "required value missing")
	}
	if a.Name == "" {
		ps.Addf(a.Pos, "name", "agreement %s: required value missing", a.ID)
	}
	if a.Kind == 0 || int(a.Kind) >= len(agreementKindNames) {
		ps.Addf(a.Pos, "kind", "agreement %s: missing or unknown kind", a.ID)
	}
	if len(a.Parties) < 2 && a.Kind != Convention {
		ps.Addf(a.Pos, "parties", "agreement %s: want at least two parties, have %d", a.ID, len(a.Parties))
	}
	for i, p := range a.Parties {
		if !isCode(p) {
			ps.Addf(a.Pos, "parties", "agreement %s: %q is not a country code", a.ID, p)
		}
		if i > 0 && a.Parties[i-1] >= p {
			ps.Addf(a.Pos, "parties", "agreement %s: parties must be sorted and distinct (%s, %s)", a.ID, a.Parties[i-1], p)
		}
	}
	if len(a.History) == 0 {
		ps.Addf(a.Pos, "history", "agreement %s: no status history", a.ID)
	}
	for i, c := range a.History {
		pos := c.Pos
		if pos.File == "" {
			pos = a.Pos
		}
		if c.Status == 0 || int(c.Status) >= len(agreementStatusNames) {
			ps.Addf(pos, "status", "agreement %s: history entry %d has no valid status", a.ID, i+1)
		}
		if i > 0 && c.Date.Date < a.History[i-1].Date.Date {
			ps.Addf(pos, "date", "agreement %s: history out of date order (%s after %s)", a.ID, c.Date, a.History[i-1].Date)
		}
	}
	if len(a.Sources.IDs()) == 0 {
		ps.Addf(a.Pos, "sources", "agreement %s: no source cited", a.ID)
	}
}

func isCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
