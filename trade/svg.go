package trade

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// SVG layout, in pixels.
const (
	svgW, svgH                       = 760, 420
	padL, padR, padT, padB           = 72, 24, 48, 56
	plotW, plotH                     = svgW - padL - padR, svgH - padT - padB
	colActual, colPartial, colTarget = "#1f5fa8", "#7a9cc6", "#c0392b"
	colTrend, colGrid, colText       = "#555555", "#e3e3e3", "#222222"
)

// WriteSVG draws the analysis as a standalone SVG chart: annual figures as
// dots on the middle of their period (mirror figures as separate dots) with
// a bar showing the span, partial periods scaled to a year as hollow
// squares, the trend as a dashed curve up to the deadline, the target as a
// horizontal line from its announcement, and axes in years and USD million.
func WriteSVG(w io.Writer, an *Analysis) error {
	p := newPlot(an)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", svgW, svgH, svgW, svgH)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", svgW, svgH)
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="16" fill="%s">%s–%s bilateral trade</text>`+"\n", padL, colText, an.A, an.B)
	p.axes(&b)
	p.series(&b, an)
	p.trend(&b, an)
	p.target(&b, an)
	p.legend(&b)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// plot maps years and USD to pixels.
type plot struct {
	x0, x1 float64 // fractional years
	y1     float64 // USD million at the top
	step   float64 // y tick step, USD million
}

func newPlot(an *Analysis) *plot {
	p := &plot{x0: math.Inf(1), x1: math.Inf(-1)}
	top := 0.0
	see := func(x float64) { p.x0, p.x1 = math.Min(p.x0, x), math.Max(p.x1, x) }
	for _, r := range an.Series {
		see(YearFrac(r.Start))
		see(YearFrac(r.End + 1))
		for i, f := range r.Figures {
			v := f.USD.Value
			if !r.Annual {
				v = r.AnnualizedUSD[i]
			}
			top = math.Max(top, v/1e6)
		}
	}
	if t := an.Target; t != nil {
		top = math.Max(top, t.USD.Value/1e6)
		if t.Announced != 0 {
			see(YearFrac(t.Announced))
		}
	}
	if an.Deadline != 0 {
		see(YearFrac(an.Deadline + 1))
	}
	// The trend's value at the deadline widens the scale by at most a
	// quarter: beyond that the curve is clipped and labelled instead.
	if an.ProjectedUSD != nil {
		top = math.Max(top, math.Min(*an.ProjectedUSD/1e6, top*1.25))
	}
	if math.IsInf(p.x0, 0) {
		p.x0, p.x1 = 2000, 2001
	}
	p.x0, p.x1 = math.Floor(p.x0), math.Ceil(p.x1)
	if p.x1-p.x0 < 1 {
		p.x1 = p.x0 + 1
	}
	top = math.Max(top, 1) * 1.08 // headroom for the target's label
	p.step = niceStep(top / 5)
	p.y1 = math.Ceil(top/p.step) * p.step
	return p
}

// niceStep rounds v up to 1, 2 or 5 times a power of ten.
func niceStep(v float64) float64 {
	e := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*e >= v {
			return m * e
		}
	}
	return 10 * e
}

func (p *plot) px(year float64) float64 { return padL + (year-p.x0)/(p.x1-p.x0)*plotW }
func (p *plot) py(usd float64) float64  { return padT + plotH - usd/1e6/p.y1*plotH }

func (p *plot) axes(b *strings.Builder) {
	for v := 0.0; v <= p.y1+p.step/2; v += p.step {
		y := p.py(v * 1e6)
		fmt.Fprintf(b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s"/>`+"\n", padL, y, padL+plotW, y, colGrid)
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end" fill="%s">%s</text>`+"\n", padL-6, y+4, colText, trimFloat(v, 1))
	}
	every := math.Max(1, math.Ceil((p.x1-p.x0)/12))
	for yr := p.x0; yr <= p.x1; yr += every {
		x := p.px(yr)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>`+"\n", x, padT+plotH, x, padT+plotH+5, colText)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle" fill="%s">%.0f</text>`+"\n", x, padT+plotH+20, colText, yr)
	}
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", padL, padT, padL, padT+plotH, colText)
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", padL, padT+plotH, padL+plotW, padT+plotH, colText)
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" fill="%s">year (ticks at 1 January)</text>`+"\n", padL+plotW/2, svgH-12, colText)
	fmt.Fprintf(b, `<text transform="translate(18 %d) rotate(-90)" text-anchor="middle" fill="%s">USD million (per year)</text>`+"\n", padT+plotH/2, colText)
}

func (p *plot) series(b *strings.Builder, an *Analysis) {
	for _, r := range an.Series {
		xs, xe := p.px(YearFrac(r.Start)), p.px(YearFrac(r.End+1))
		xm := p.px(r.Period.Mid())
		for i, f := range r.Figures {
			tip := html.EscapeString(fmt.Sprintf("%s: %s%s %s", r.Period.Name(), qualified(&f), millions(f.USD.Value), figureTag(&f)))
			if f.Doubt != "" {
				tip += html.EscapeString(" doubtful: " + f.Doubt)
			}
			if r.Annual {
				y := p.py(f.USD.Value)
				if f.Doubt != "" {
					fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="4" fill="none" stroke="%s" stroke-width="1.5"><title>%s</title></circle>`+"\n", xm, y, colPartial, tip)
					continue
				}
				fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2" opacity="0.4"/>`+"\n", xs, y, xe, y, colActual)
				fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="4" fill="%s"><title>%s</title></circle>`+"\n", xm, y, colActual, tip)
				continue
			}
			y := p.py(r.AnnualizedUSD[i])
			fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2" stroke-dasharray="3 2"/>`+"\n", xs, y, xe, y, colPartial)
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="8" height="8" fill="none" stroke="%s" stroke-width="1.5"><title>%s (%s per year)</title></rect>`+"\n", xm-4, y-4, colPartial, tip, millions(r.AnnualizedUSD[i]))
		}
	}
}

func (p *plot) trend(b *strings.Builder, an *Analysis) {
	tr := an.Trend
	if tr == nil {
		return
	}
	end := tr.ToYear
	if an.Deadline != 0 {
		end = math.Max(end, YearFrac(an.Deadline+1))
	}
	var pts []string
	const n = 24
	clipped := false
	for i := 0; i <= n; i++ {
		t := tr.FromYear + (end-tr.FromYear)*float64(i)/n
		v := tr.At(t)
		if v > p.y1*1e6 {
			// Stop where the curve leaves the plot.
			t = (math.Log(p.y1*1e6) - tr.intercept) / tr.slope
			v, clipped = p.y1*1e6, true
		}
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", p.px(t), p.py(v)))
		if clipped {
			break
		}
	}
	fmt.Fprintf(b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="6 4"><title>trend %+.1f %%/yr</title></polyline>`+"\n", strings.Join(pts, " "), colTrend, tr.GrowthPct)
	label := fmt.Sprintf("trend %+.1f %%/yr", tr.GrowthPct)
	if an.ProjectedUSD != nil {
		label += fmt.Sprintf(", %s at the deadline", millions(*an.ProjectedUSD))
	}
	last := pts[len(pts)-1]
	var lx, ly float64
	fmt.Sscanf(last, "%f,%f", &lx, &ly)
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="%s">%s</text>`+"\n", math.Min(lx, padL+plotW)-4, math.Min(math.Max(ly-8, padT+12), padT+plotH-22), colTrend, html.EscapeString(label))
}

func (p *plot) target(b *strings.Builder, an *Analysis) {
	t := an.Target
	if t == nil {
		return
	}
	x0 := float64(padL)
	if t.Announced != 0 {
		x0 = p.px(YearFrac(t.Announced))
	}
	x1 := float64(padL + plotW)
	if an.Deadline != 0 {
		x1 = p.px(YearFrac(an.Deadline + 1))
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-dasharray="2 3"/>`+"\n", x1, padT, x1, padT+plotH, colTarget)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="end" fill="%s">deadline %s</text>`+"\n", x1-4, padT+plotH-6, colTarget, an.Deadline)
	}
	y := p.py(t.USD.Value)
	fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n", x0, y, x1, y, colTarget)
	label := fmt.Sprintf("target %s/yr", millions(t.USD.Value))
	if t.Announced != 0 {
		label += " (" + t.Announced.String() + ")"
	}
	anchor, lx := "start", x0+4
	if x0 > padL+plotW/2 {
		anchor, lx = "end", x1-4
	}
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="%s" fill="%s">%s</text>`+"\n", lx, y-6, anchor, colTarget, html.EscapeString(label))
}

func (p *plot) legend(b *strings.Builder) {
	x, y := float64(padL+plotW-350), 24.0
	fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="4" fill="%s"/><text x="%.1f" y="%.1f" fill="%s">annual figure</text>`+"\n", x, y-4, colActual, x+8, y, colText)
	x += 100
	fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="8" height="8" fill="none" stroke="%s"/><text x="%.1f" y="%.1f" fill="%s">partial period, per year</text>`+"\n", x-4, y-8, colPartial, x+8, y, colText)
	x += 170
	fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-dasharray="6 4"/><text x="%.1f" y="%.1f" fill="%s">trend</text>`+"\n", x-4, y-4, x+18, y-4, colTrend, x+24, y, colText)
}
