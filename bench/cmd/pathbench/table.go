package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Targets the issue sets: caravan's Dijkstra against gonum's, caravan's CH
// against LdDl/ch (peer median ÷ caravan median).
const (
	dijkstraTarget = 5.0
	chTarget       = 3.0
)

// writeTable prints the results as Markdown and a summary of the targets. It
// reports whether every tool agreed with caravan's Dijkstra on every pair.
func writeTable(w io.Writer, reports []graphReport, tol float64) bool {
	allOK := true
	fmt.Fprintln(w, "| graph | tool | load | preprocess | re-weight | one tree (median) | point-to-point median | mean | peer ÷ caravan | distances |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	type ratio struct {
		graph string
		x     float64
		note  string
	}
	var dRatios, cRatios []ratio
	for _, rep := range reports {
		in := rep.in
		ref := rep.results[0] // caravan Dijkstra
		base := map[string]result{}
		for _, r := range rep.results {
			if strings.HasPrefix(r.tool, "caravan") {
				base[r.kind] = r
			}
		}
		label := fmt.Sprintf("%s (%s nodes, %s arcs)", in.name, commas(in.n), commas(len(in.tails)))
		for i, r := range rep.results {
			g := ""
			if i == 0 {
				g = label
			}
			if r.failed != "" && len(r.times) == 0 {
				fmt.Fprintf(w, "| %s | %s | %s | %s | | | **%s** | | | |\n", g, r.tool, dur(r.load), dur(r.prep), r.failed)
				if r.kind == "ch" {
					cRatios = append(cRatios, ratio{in.name, math.NaN(), r.failed})
				} else {
					dRatios = append(dRatios, ratio{in.name, math.NaN(), r.failed})
				}
				continue
			}
			dists := "reference"
			if i > 0 {
				bad, worst := 0, 0.0
				for k, d := range r.dist {
					if !near(d, ref.dist[k], tol) {
						bad++
						if !math.IsInf(d, 1) && !math.IsInf(ref.dist[k], 1) {
							worst = max(worst, math.Abs(d-ref.dist[k])/math.Max(1, math.Abs(ref.dist[k])))
						} else {
							worst = math.Inf(1)
						}
					}
				}
				if bad == 0 {
					dists = fmt.Sprintf("%d/%d equal", len(r.dist), len(r.dist))
				} else {
					dists = fmt.Sprintf("**%d of %d differ** (worst relative %.2g)", bad, len(r.dist), worst)
					allOK = false
				}
			}
			if r.failed != "" {
				dists += "; **" + r.failed + "**"
				allOK = false
			}
			cmp := ""
			if !strings.HasPrefix(r.tool, "caravan") {
				if b, ok := base[r.kind]; ok && len(b.times) > 0 {
					x := float64(median(r.times)) / float64(median(b.times))
					cmp = fmt.Sprintf("%.1f×", x)
					if r.kind == "ch" {
						cRatios = append(cRatios, ratio{in.name, x, ""})
					} else {
						dRatios = append(dRatios, ratio{in.name, x, ""})
					}
				}
			}
			sssp := ""
			if len(r.sssp) > 0 {
				sssp = dur(median(r.sssp))
			}
			prep := dur(r.prep)
			if r.note != "" {
				prep += " (" + r.note + ")"
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				g, r.tool, dur(r.load), prep, dur(r.reweight), sssp, dur(median(r.times)), dur(mean(r.times)), cmp, dists)
		}
	}
	fmt.Fprintln(w)
	summary := func(what string, target float64, rs []ratio) {
		met := 0
		var parts []string
		for _, r := range rs {
			switch {
			case math.IsNaN(r.x):
				parts = append(parts, r.graph+": peer "+r.note)
			case r.x >= target:
				met++
				parts = append(parts, fmt.Sprintf("%s %.1f×", r.graph, r.x))
			default:
				parts = append(parts, fmt.Sprintf("%s %.1f× (below)", r.graph, r.x))
			}
		}
		fmt.Fprintf(w, "- %s (target ≥ %g×): met on %d of %d graphs: %s\n", what, target, met, len(rs), strings.Join(parts, "; "))
	}
	summary("caravan Dijkstra vs gonum, median point-to-point", dijkstraTarget, dRatios)
	summary("caravan CH vs LdDl/ch, median point-to-point", chTarget, cRatios)
	for _, rep := range reports {
		fmt.Fprintf(w, "- %s: %s; peers get %s arcs (%d self-loops dropped, %d parallel copies merged to the lightest)\n",
			rep.in.name, rep.in.desc, commas(rep.arcs), rep.in.selfs, rep.in.copies)
	}
	return allOK
}

// dur formats a duration with three significant digits, or "" for zero.
func dur(d time.Duration) string {
	switch {
	case d == 0:
		return ""
	case d < time.Microsecond:
		return fmt.Sprintf("%d ns", d.Nanoseconds())
	case d < time.Millisecond:
		return sig(float64(d)/1e3) + " µs"
	case d < time.Second:
		return sig(float64(d)/1e6) + " ms"
	default:
		return sig(float64(d)/1e9) + " s"
	}
}

// sig formats x (≥ 1) with three significant digits.
func sig(x float64) string {
	switch {
	case x >= 100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case x >= 10:
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// commas formats n with thousands separators.
func commas(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[0] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
