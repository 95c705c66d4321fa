package route

import (
	"fmt"
	"strings"

	"github.com/caravan-transport/caravan/graph"
)

// LegDiff is one row of a side-by-side comparison of two itineraries: a
// leg both use, or one that only one of them uses.
type LegDiff struct {
	Status string `json:"status"` // "same", "changed", "only_a", "only_b"
	A      *Leg   `json:"a,omitempty"`
	B      *Leg   `json:"b,omitempty"`
	// Why explains the row: what a scenario changed on the leg, or that a
	// leg is new or no longer used.
	Why []string `json:"why,omitempty"`
}

// Diff compares two itineraries for the same trip, typically under two
// scenarios.
type Diff struct {
	A, B  *Itinerary `json:"-"`
	NameA string     `json:"a"`
	NameB string     `json:"b"`
	Legs  []LegDiff  `json:"legs"`
	// Delta is B's totals minus A's.
	Delta Totals `json:"delta"`
	// Summary says in one sentence which is faster and cheaper and why.
	Summary string `json:"summary"`
}

// legKey identifies a leg for alignment: the same link in the same
// direction, or the same transfer.
func legKey(l *Leg) string { return l.Kind + ":" + l.ID + ":" + l.From.ID + ">" + l.To.ID }

// Compare aligns the legs of a and b (longest common subsequence of legs)
// and explains each difference. nameA and nameB label the two sides.
func Compare(nameA string, a *Itinerary, nameB string, b *Itinerary) *Diff {
	d := &Diff{A: a, B: b, NameA: nameA, NameB: nameB}
	n, m := len(a.Legs), len(b.Legs)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if legKey(&a.Legs[i]) == legKey(&b.Legs[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && legKey(&a.Legs[i]) == legKey(&b.Legs[j]):
			la, lb := &a.Legs[i], &b.Legs[j]
			row := LegDiff{Status: "same", A: la, B: lb}
			if la.Hours != lb.Hours || la.Dwell != lb.Dwell || la.USD != lb.USD {
				row.Status = "changed"
				row.Why = append(row.Why, fmt.Sprintf("%s: %.1f h → %.1f h, %.0f → %.0f USD",
					legName(la), la.Hours+la.Dwell, lb.Hours+lb.Dwell, la.USD, lb.USD))
			}
			row.Why = append(row.Why, scenarioNotes(nameA, la, nameB, lb)...)
			d.Legs = append(d.Legs, row)
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			lb := &b.Legs[j]
			row := LegDiff{Status: "only_b", B: lb, Why: []string{fmt.Sprintf("only %s uses %s", nameB, legName(lb))}}
			row.Why = append(row.Why, scenarioNotes(nameA, nil, nameB, lb)...)
			d.Legs = append(d.Legs, row)
			j++
		default:
			la := &a.Legs[i]
			row := LegDiff{Status: "only_a", A: la, Why: []string{fmt.Sprintf("only %s uses %s", nameA, legName(la))}}
			row.Why = append(row.Why, scenarioNotes(nameA, la, nameB, nil)...)
			d.Legs = append(d.Legs, row)
			i++
		}
	}
	ta, tb := a.Total, b.Total
	d.Delta = Totals{
		Km: round(tb.Km-ta.Km, 1), Hours: round(tb.Hours-ta.Hours, 1), HoursP90: round(tb.HoursP90-ta.HoursP90, 1),
		Days: round(tb.Days-ta.Days, 2), USD: round(tb.USD-ta.USD, 0), KgCO2: round(tb.KgCO2-ta.KgCO2, 0),
		Borders: tb.Borders - ta.Borders, Transfers: tb.Transfers - ta.Transfers, Risk: round(tb.Risk-ta.Risk, 4),
		GC: round(tb.GC-ta.GC, 0),
	}
	d.Summary = summary(d)
	return d
}

func legName(l *Leg) string {
	switch l.Kind {
	case "transfer":
		return fmt.Sprintf("%s at %s (%s)", l.Transfer, l.From.Name, l.ID)
	case "crossing":
		return fmt.Sprintf("the %s crossing %s → %s by %s (%s)", l.Crossing, l.From.Name, l.To.Name, l.Mode, l.ID)
	default:
		mode := l.Mode
		if l.Gauge != 0 {
			mode = fmt.Sprintf("%s %d mm", l.Mode, l.Gauge)
		}
		return fmt.Sprintf("%s → %s by %s (%s)", l.From.Name, l.To.Name, mode, l.ID)
	}
}

// scenarioNotes returns what each side's scenario changed on its leg.
func scenarioNotes(nameA string, la *Leg, nameB string, lb *Leg) []string {
	var out []string
	if la != nil {
		for _, s := range la.Scenario {
			out = append(out, nameA+": "+s)
		}
	}
	if lb != nil {
		for _, s := range lb.Scenario {
			out = append(out, nameB+": "+s)
		}
	}
	return out
}

func summary(d *Diff) string {
	dt := d.Delta
	var parts []string
	switch {
	case dt.Hours < 0:
		parts = append(parts, fmt.Sprintf("%s is %.1f h (%.1f days) faster", d.NameB, -dt.Hours, -dt.Hours/24))
	case dt.Hours > 0:
		parts = append(parts, fmt.Sprintf("%s is %.1f h (%.1f days) slower", d.NameB, dt.Hours, dt.Hours/24))
	default:
		parts = append(parts, "the same time")
	}
	switch {
	case dt.USD < 0:
		parts = append(parts, fmt.Sprintf("%.0f USD cheaper", -dt.USD))
	case dt.USD > 0:
		parts = append(parts, fmt.Sprintf("%.0f USD dearer", dt.USD))
	}
	changed := 0
	for _, l := range d.Legs {
		if l.Status != "same" {
			changed++
		}
	}
	s := strings.Join(parts, " and ")
	if changed == 0 {
		return s + "; the route is the same"
	}
	return fmt.Sprintf("%s than %s; %d of %d rows differ", s, d.NameA, changed, len(d.Legs))
}

// ExplainDropped adds to each leg that only A uses the reason whyB gives
// for B not using it (a closure, a status; "" when B could use it but found
// a better route), and likewise whyA for legs only B uses.
func (d *Diff) ExplainDropped(whyA, whyB func(*Leg) string) {
	for i := range d.Legs {
		row := &d.Legs[i]
		switch row.Status {
		case "only_a":
			if w := whyB(row.A); w != "" {
				row.Why = append(row.Why, d.NameB+": "+w)
			} else {
				row.Why = append(row.Why, d.NameB+": open, but not on its best route")
			}
		case "only_b":
			if w := whyA(row.B); w != "" {
				row.Why = append(row.Why, d.NameA+": "+w)
			}
		}
	}
}

// WhyNot explains why leg l is unavailable to r on p's graph (closures,
// status, validity), or returns "" when it is available.
func (p *Planner) WhyNot(l *Leg, r *Request) string {
	g := p.g
	cond := r.conditions()
	for a := range int32(g.NumArcs()) {
		arc := g.Arc(a)
		var id string
		switch arc.Kind {
		case graph.LinkArc, graph.CrossingArc:
			id = g.Link(a).ID
		case graph.TransferArc:
			id = g.Transfer(a).ID
		default:
			continue
		}
		from := g.Net.Places()[g.States[g.CSR.Tails[a]].Place].ID
		to := g.Net.Places()[g.States[g.CSR.Heads[a]].Place].ID
		if id == l.ID && from == l.From.ID && to == l.To.ID {
			return g.Why(a, &cond)
		}
	}
	return ""
}
