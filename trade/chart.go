package trade

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// WriteChart draws the analysis as a horizontal bar chart for a terminal,
// width cells wide for the bars (at least 10): one bar per figure of each
// period (█ annual, ▒ a partial period scaled to a year), the target and the
// trend's value at the deadline, all in USD million on one linear scale.
func WriteChart(w io.Writer, an *Analysis, width int) error {
	width = max(width, 10)
	type bar struct {
		label, note string
		v           float64
		fill        string
	}
	var bars []bar
	for _, r := range an.Series {
		for i, f := range r.Figures {
			label := ""
			if i == 0 {
				label = r.Period.Name()
			}
			b := bar{label: label, v: f.USD.Value, fill: "█", note: fmt.Sprintf("%s%s %s", qualified(&f), millions(f.USD.Value), figureTag(&f))}
			if !r.Annual {
				b.v, b.fill = r.AnnualizedUSD[i], "▒"
				b.note = fmt.Sprintf("%s%s in %d days = %s/yr %s", qualified(&f), millions(f.USD.Value), r.Days, millions(r.AnnualizedUSD[i]), figureTag(&f))
			}
			if f.Doubt != "" {
				b.fill = "░"
				b.note += " doubtful: " + f.Doubt
			}
			bars = append(bars, b)
		}
	}
	if t := an.Target; t != nil {
		label := "target " + t.Announced.String()
		bars = append(bars, bar{label: strings.TrimSpace(label), v: t.USD.Value, fill: "─", note: qualified(t) + millions(t.USD.Value) + "/yr " + figureTag(t)})
	}
	if an.ProjectedUSD != nil {
		bars = append(bars, bar{label: "trend " + an.Deadline.String(), v: *an.ProjectedUSD, fill: "┄", note: fmt.Sprintf("%s (%+.1f %%/yr)", millions(*an.ProjectedUSD), an.Trend.GrowthPct)})
	}
	// The scale fits the figures and the target; a trend projection far
	// above them is drawn cut off (ending in ▸) rather than squashing them.
	top := 0.0
	labelW := 0
	for _, b := range bars {
		if b.fill != "┄" {
			top = max(top, b.v)
		}
		labelW = max(labelW, len([]rune(b.label)))
	}
	if top == 0 {
		for _, b := range bars {
			top = max(top, b.v)
		}
	}
	if _, err := fmt.Fprintf(w, "%s–%s bilateral trade, USD million (█ annual, ▒ partial period per year, ░ doubtful)\n", an.A, an.B); err != nil {
		return err
	}
	if len(bars) == 0 {
		_, err := fmt.Fprintln(w, "  no figures")
		return err
	}
	for _, b := range bars {
		cells := 0.0
		if top > 0 {
			cells = b.v / top * float64(width)
		}
		bar := drawBar(min(cells, float64(width)), b.fill, width)
		if cells > float64(width) {
			bar = strings.Repeat(b.fill, width-1) + "▸"
		}
		line := fmt.Sprintf("  %-*s │%s %s", labelW, b.label, bar, b.note)
		if _, err := fmt.Fprintln(w, strings.TrimRight(line, " ")); err != nil {
			return err
		}
	}
	return nil
}

// drawBar draws cells (fractional) of fill, padded to width. Solid bars
// use eighth blocks for the fraction.
func drawBar(cells float64, fill string, width int) string {
	whole := int(math.Floor(cells))
	var b strings.Builder
	b.WriteString(strings.Repeat(fill, whole))
	n := whole
	if fill == "█" {
		if frac := int(math.Round((cells - float64(whole)) * 8)); frac > 0 && frac < 8 {
			b.WriteString(string([]rune("▏▎▍▌▋▊▉")[frac-1]))
			n++
		}
	}
	if n == 0 && cells > 0 {
		b.WriteString("▏")
		n++
	}
	b.WriteString(strings.Repeat(" ", max(width-n, 0)))
	return b.String()
}

// millions formats USD as "987.9m" or "3000m".
func millions(usd float64) string {
	return fmt.Sprintf("%sm", trimFloat(usd/1e6, 1))
}

// trimFloat formats v with at most n decimals and no trailing zeros.
func trimFloat(v float64, n int) string {
	s := fmt.Sprintf("%.*f", n, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// figureTag names who reported a figure and where it is from: "[KZ: SMI24-AFKZ]".
func figureTag(f *Figure) string {
	src := strings.Join(f.Sources.IDs(), ",")
	if src == "" {
		src = f.Document
	}
	if f.Reporter != "" {
		return fmt.Sprintf("[%s: %s]", f.Reporter, src)
	}
	return fmt.Sprintf("[%s]", src)
}

// qualified returns the figure's qualifier as a prefix: "about ", "more than ".
func qualified(f *Figure) string {
	if f.Qualifier == "" {
		return ""
	}
	return strings.ReplaceAll(f.Qualifier, "_", " ") + " "
}
