package graph

// RiskWindowDays is the trailing window over which risk is measured: five
// years before the as-of date.
const RiskWindowDays = 5 * 365

// Risk returns the disruption risk of arc a on date d: the share of the
// RiskWindowDays before d during which the arc was closed (its link, or a
// place at either end), in [0, 1]. Overlapping closures count once per day
// as far as they overlap in one target; closures of different targets add
// and the sum is capped at 1. Transfers and arrival arcs carry only the
// risk of their place. It is a measure of exposure from the dated closures
// in the dataset, not a forecast.
func (g *Graph) Risk(a int32, d int32) float64 {
	arc := &g.arcs[a]
	if arc.Kind == ArriveArc {
		return 0
	}
	var r float64
	if arc.Kind != TransferArc {
		r += g.closedShare(g.Net.Links()[arc.Ref].ID, d)
	}
	tp := g.States[g.CSR.Tails[a]].Place
	hp := g.States[g.CSR.Heads[a]].Place
	r += g.closedShare(g.Net.Places()[tp].ID, d)
	if hp != tp {
		r += g.closedShare(g.Net.Places()[hp].ID, d)
	}
	return min(r, 1)
}

// closedShare returns the share of the window before d that target was
// closed, merging overlapping closures.
func (g *Graph) closedShare(target string, d int32) float64 {
	idx := g.closuresByTarget[target]
	if len(idx) == 0 {
		return 0
	}
	lo, hi := d-RiskWindowDays, d
	// Closures per target are few: merge by repeated scans, no allocation.
	closed := int32(0)
	cursor := lo
	for cursor < hi {
		// Find the closure that covers cursor and reaches furthest, or the
		// next one to start.
		bestEnd, nextStart := int32(-1), hi
		for _, i := range idx {
			p := g.closures[i].Period
			from, until := int32(p.From), int32(p.Until)
			if until == 0 || until > hi {
				until = hi
			}
			if from <= cursor && until > cursor {
				bestEnd = max(bestEnd, until)
			} else if from > cursor && from < nextStart {
				nextStart = from
			}
		}
		if bestEnd > 0 {
			closed += bestEnd - cursor
			cursor = bestEnd
		} else {
			cursor = nextStart
		}
	}
	return float64(closed) / RiskWindowDays
}

// Risks writes the risk of every arc on date d into buf (grown as needed)
// and returns it.
func (g *Graph) Risks(d int32, buf []float64) []float64 {
	m := len(g.arcs)
	if cap(buf) < m {
		buf = make([]float64, m)
	}
	buf = buf[:m]
	for a := range buf {
		buf[a] = g.Risk(int32(a), d)
	}
	return buf
}

// RiskSources returns the source ids of the closures behind the risk of arc
// a on date d.
func (g *Graph) RiskSources(a int32, d int32) []string {
	arc := &g.arcs[a]
	var targets []string
	if arc.Kind == LinkArc || arc.Kind == CrossingArc {
		targets = append(targets, g.Net.Links()[arc.Ref].ID)
	}
	for _, v := range [2]int32{g.CSR.Tails[a], g.CSR.Heads[a]} {
		targets = append(targets, g.Net.Places()[g.States[v].Place].ID)
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range targets {
		for _, i := range g.closuresByTarget[t] {
			c := g.closures[i]
			if int32(c.Period.From) >= d || (c.Period.Until != 0 && int32(c.Period.Until) <= d-RiskWindowDays) {
				continue
			}
			for _, id := range c.Sources.All {
				if !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
			}
		}
	}
	return out
}
