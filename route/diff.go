package route

import (
	"fmt"
	"strings"
)

// LegDiff is one row of a side-by-side comparison of two itineraries: a
// leg both use, or one that only one of them uses.
type LegDiff struct {
	Status string `json:"status"` // "same", "changed", "only_a", "only_b"
	A      *Leg   `json:"a,omitempty"`
	B      *Leg   `json:"b,omitempty"`
	// Why explains the row: what a scenario changed on the leg, or why the
	// other side cannot use it.
	Why []string `json:"why,omitempty"`
}

// Segment summarises consecutive legs of one itinerary.
type Segment struct {
	From  PlaceRef `json:"from"`
	To    PlaceRef `json:"to"`
	Legs  int      `json:"legs"`
	Km    float64  `json:"km"`
	Hours float64  `json:"hours"`
	USD   float64  `json:"usd"`
	Via   []string `json:"via,omitempty"` // crossings and transfers on the segment
}

// Change is a stretch where the two itineraries part: what A does there,
// what B does instead, and why.
type Change struct {
	A   *Segment `json:"a,omitempty"`
	B   *Segment `json:"b,omitempty"`
	Why []string `json:"why"`
}

// Diff compares two itineraries for the same trip, typically under two
// scenarios.
type Diff struct {
	A, B    *Itinerary `json:"-"`
	NameA   string     `json:"a"`
	NameB   string     `json:"b"`
	Legs    []LegDiff  `json:"legs"`
	Changes []Change   `json:"changes"`
	// Delta is B's totals minus A's.
	Delta Totals `json:"delta"`
	// Summary says in one sentence which is faster and cheaper.
	Summary string `json:"summary"`
}

// legKey identifies a leg for alignment: the same link in the same
// direction, or the same transfer.
func legKey(l *Leg) string { return l.Kind + ":" + l.ID + ":" + l.From.ID + ">" + l.To.ID }

// Compare aligns the legs of a and b (longest common subsequence of legs),
// marks each as the same, changed or used by one side only, and groups the
// differences into changes. whyA and whyB, when not nil, say why a leg is
// unavailable on side A or B (see Planner.WhyNot); they explain the legs
// one side uses and the other does not.
func Compare(nameA string, a *Itinerary, nameB string, b *Itinerary, whyA, whyB func(*Leg) string) *Diff {
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
	for i, j := 0, 0; i < n || j < m; {
		switch {
		case i < n && j < m && legKey(&a.Legs[i]) == legKey(&b.Legs[j]):
			la, lb := &a.Legs[i], &b.Legs[j]
			row := LegDiff{Status: "same", A: la, B: lb}
			if la.Hours != lb.Hours || la.Dwell != lb.Dwell || la.USD != lb.USD {
				row.Status = "changed"
				row.Why = append(row.Why, fmt.Sprintf("%s: %.1f h → %.1f h, %.0f → %.0f USD",
					legName(la), la.Hours+la.Dwell, lb.Hours+lb.Dwell, la.USD, lb.USD))
			}
			row.Why = append(row.Why, notes(nameA, la)...)
			row.Why = append(row.Why, notes(nameB, lb)...)
			d.Legs = append(d.Legs, row)
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			lb := &b.Legs[j]
			row := LegDiff{Status: "only_b", B: lb, Why: notes(nameB, lb)}
			if whyA != nil {
				if w := whyA(lb); w != "" {
					row.Why = append(row.Why, nameA+": "+w)
				}
			}
			d.Legs = append(d.Legs, row)
			j++
		default:
			la := &a.Legs[i]
			row := LegDiff{Status: "only_a", A: la, Why: notes(nameA, la)}
			if whyB != nil {
				if w := whyB(la); w != "" {
					row.Why = append(row.Why, nameB+": "+w)
				}
			}
			d.Legs = append(d.Legs, row)
			i++
		}
	}
	d.group()
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

// group turns runs of rows that are not the same into Changes.
func (d *Diff) group() {
	for i := 0; i < len(d.Legs); {
		if d.Legs[i].Status == "same" {
			i++
			continue
		}
		var c Change
		seen := map[string]bool{}
		for ; i < len(d.Legs) && d.Legs[i].Status != "same"; i++ {
			row := &d.Legs[i]
			if row.A != nil {
				c.A = extend(c.A, row.A)
			}
			if row.B != nil {
				c.B = extend(c.B, row.B)
			}
			for _, w := range row.Why {
				if !seen[w] {
					seen[w] = true
					c.Why = append(c.Why, w)
				}
			}
		}
		if len(c.Why) == 0 {
			c.Why = append(c.Why, "both ways are open on both sides; each side takes the better one for its figures")
		}
		d.Changes = append(d.Changes, c)
	}
}

// extend adds leg l to segment s (creating it).
func extend(s *Segment, l *Leg) *Segment {
	if s == nil {
		s = &Segment{From: l.From}
	}
	s.To = l.To
	s.Legs++
	s.Km = round(s.Km+l.Km, 1)
	s.Hours = round(s.Hours+l.Hours+l.Dwell, 1)
	s.USD = round(s.USD+l.USD, 0)
	switch l.Kind {
	case "crossing":
		s.Via = append(s.Via, "border "+l.Crossing)
	case "transfer":
		s.Via = append(s.Via, l.Transfer+" at "+l.From.Name)
	}
	return s
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

// notes returns what a side's scenario changed on its leg, as
// "name: leg: change".
func notes(name string, l *Leg) []string {
	var out []string
	for _, s := range l.Scenario {
		out = append(out, fmt.Sprintf("%s: %s %s", name, legName(l), s))
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
		parts = append(parts, d.NameB+" takes the same time")
	}
	switch {
	case dt.USD < 0:
		parts = append(parts, fmt.Sprintf("%.0f USD cheaper", -dt.USD))
	case dt.USD > 0:
		parts = append(parts, fmt.Sprintf("%.0f USD dearer", dt.USD))
	}
	s := strings.Join(parts, " and ") + " than " + d.NameA
	if len(d.Changes) == 0 {
		return s + "; the route is the same"
	}
	return fmt.Sprintf("%s; the routes differ in %d place(s)", s, len(d.Changes))
}

// WhyNot explains why leg l is unavailable to r on p's graph (closures,
// status, validity), or, when it is available but the applied scenario
// changed it, what changed; it returns "" otherwise. It also returns ""
// when the planner for r's rail service or TIR cannot be built: Plan fails
// for r then too (with the error), and the base graph, which is not the one
// r was planned on, must not explain r's legs.
func (p *Planner) WhyNot(l *Leg, r *Request) string {
	q, err := p.service(r)
	if err != nil {
		return ""
	}
	p = q
	g := p.g
	a := g.ArcOf(l.ID, l.From.ID, l.To.ID)
	if a < 0 {
		return ""
	}
	cond := r.conditions()
	if why := g.Why(a, &cond); why != "" {
		return why
	}
	if n := g.Notes(a); len(n) > 0 {
		return legName(l) + " " + strings.Join(n, "; ")
	}
	return ""
}
