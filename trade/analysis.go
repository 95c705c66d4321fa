package trade

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/network"
)

// Verdict is the answer to "is the pair on track to meet its target?".
type Verdict string

// The verdicts.
const (
	OnTrack          Verdict = "on_track"          // the trend reaches the target by the deadline
	OffTrack         Verdict = "off_track"         // it does not
	NoDeadline       Verdict = "no_deadline"       // the target names no date, none was given (--by) and the trend rises
	NoTarget         Verdict = "no_target"         // no target is recorded for the pair
	InsufficientData Verdict = "insufficient_data" // fewer than two comparable (non-overlapping) annual periods
)

// Options tune Analyze.
type Options struct {
	// By, when not 0, is the year by whose end the target is to be met,
	// overriding the deadline the target itself gives.
	By int
	// Target, when not empty, is the id of the target to evaluate instead
	// of the latest announced one.
	Target string
}

// Row is one period of the series with every figure reported for it, side
// by side: mirror figures (the two sides' statistics) and different
// sources are not averaged.
type Row struct {
	Period Period       `json:"period"`
	Start  network.Date `json:"start"`
	End    network.Date `json:"end"`
	Days   int          `json:"days"`
	// Annual is true for twelve-month periods (calendar, Solar Hijri or
	// fiscal years); only they enter the trend.
	Annual  bool     `json:"annual"`
	Figures []Figure `json:"figures"`
	// AnnualizedUSD is each figure's USD scaled to a year (× 365.25 / days)
	// for partial periods: for reading only, it ignores seasonality and
	// never enters the trend.
	AnnualizedUSD []float64 `json:"annualized_usd,omitempty"`
}

// Trend is a log-linear least-squares fit of ln(USD) on the mid-year of
// each annual period: USD(t) = exp(Intercept + Slope·t). With two periods it
// is the compound annual growth rate between them.
type Trend struct {
	GrowthPct float64 `json:"growth_pct"` // (e^Slope − 1) × 100, per year
	Slope     float64 `json:"slope"`
	Intercept float64 `json:"intercept"`
	Points    int     `json:"points"`  // annual figures fitted
	Periods   int     `json:"periods"` // distinct annual periods among them
	FromYear  float64 `json:"from_year"`
	ToYear    float64 `json:"to_year"`

	slope, intercept float64 // unrounded; Slope and Intercept are rounded for output
}

// At returns the trend's USD value at fractional year t.
func (tr *Trend) At(t float64) float64 { return math.Exp(tr.intercept + tr.slope*t) }

// Need is the growth a figure of the latest annual period must sustain to
// reach the target by the deadline.
type Need struct {
	Figure    string  `json:"figure"`
	FromUSD   float64 `json:"from_usd"`
	Years     float64 `json:"years"`      // from the end of the latest period to the deadline
	GrowthPct float64 `json:"growth_pct"` // ((target / from)^(1/years) − 1) × 100
}

// Analysis is a pair's trade series and how it stands against its latest
// target.
type Analysis struct {
	A string `json:"a"`
	B string `json:"b"`
	// Series holds the bilateral totals by period, oldest first.
	Series []Row `json:"series"`
	// Flows holds one-direction figures (exports of one side).
	Flows []Figure `json:"flows"`
	// Other holds transit and sector figures, actual or target.
	Other []Figure `json:"other"`
	// Undated holds actual figures of unknown period.
	Undated []Figure `json:"undated"`
	// Targets holds every bilateral target, oldest announcement first;
	// Target is the one evaluated: the latest announced (the largest
	// value among those announced on that day).
	Targets []Figure `json:"targets"`
	Target  *Figure  `json:"target"`
	// Deadline is the last day by which Target is to be met: the end of
	// --by YEAR, else the end of the target's period, else unknown.
	Deadline     network.Date `json:"deadline,omitzero"`
	DeadlineFrom string       `json:"deadline_from,omitempty"` // "by" or "target"
	// Latest is the most recent annual period of the series with a figure
	// that is not in doubt.
	Latest *Row `json:"latest"`
	// Needed holds the growth needed from each figure of Latest.
	Needed []Need `json:"needed"`
	Trend  *Trend `json:"trend"`
	// ProjectedUSD is the trend's value at the deadline.
	ProjectedUSD *float64 `json:"projected_usd"`
	// ReachYear is the fractional year in which the trend reaches the
	// target, when it rises.
	ReachYear *float64 `json:"reach_year"`
	Verdict   Verdict  `json:"verdict"`
	Notes     []string `json:"notes"`
}

// Method explains how Analyze works, for the CLI's help and output.
const Method = "series: bilateral totals by period, every reported figure kept side by side. " +
	"trend: least squares of ln(USD) on each annual (12-month) period's mid-year, " +
	"over every figure of every annual period (two periods: the CAGR between them), except figures marked doubtful; " +
	"partial-year periods are shown annualized (× 365.25 / days) and excluded. " +
	"growth needed: (target / latest)^(1 / years) − 1, years between the end of the latest annual period and the deadline. " +
	"verdict: on track when the trend at the deadline reaches the target; without a deadline a trend that does not rise is off track; " +
	"insufficient data with fewer than two comparable (non-overlapping) annual periods."

// Analyze builds the series of the pair a–b from figures (which may hold
// other pairs; they are ignored) and evaluates the latest target.
func Analyze(figures []Figure, a, b string, opt Options) (*Analysis, error) {
	if !isCode(a) || !isCode(b) || a == b {
		return nil, caravan.Errorf(caravan.Invalid, "trade.Analyze", "want two different country codes, have %q and %q", a, b)
	}
	a, b = SortPair(a, b)
	an := &Analysis{A: a, B: b, Series: []Row{}, Flows: []Figure{}, Other: []Figure{}, Undated: []Figure{}, Targets: []Figure{}, Needed: []Need{}, Notes: []string{}}
	var fs []Figure
	for _, f := range figures {
		if f.A == a && f.B == b {
			fs = append(fs, f)
		}
	}
	SortFigures(fs)
	rows := map[Period]int{}
	for _, f := range fs {
		switch {
		case f.Scope != Bilateral:
			an.Other = append(an.Other, f)
		case f.Kind == Target && f.Flow == "" && f.USD.Known:
			an.Targets = append(an.Targets, f)
		case f.Kind == Target:
			an.Other = append(an.Other, f)
		case f.Flow != "":
			an.Flows = append(an.Flows, f)
		case f.Period.IsZero() || !f.USD.Known:
			an.Undated = append(an.Undated, f)
		default:
			key := Period{Start: f.Period.Start, End: f.Period.End}
			i, ok := rows[key]
			if !ok {
				i = len(an.Series)
				rows[key] = i
				an.Series = append(an.Series, Row{Period: f.Period, Start: f.Period.Start, End: f.Period.End, Days: f.Period.Days(), Annual: f.Period.Annual()})
			}
			r := &an.Series[i]
			if r.Period.Label == "" {
				r.Period.Label = f.Period.Label
			}
			r.Figures = append(r.Figures, f)
			if !r.Annual {
				r.AnnualizedUSD = append(r.AnnualizedUSD, round(f.USD.Value*365.25/float64(r.Days), 0))
			}
		}
	}
	sort.SliceStable(an.Series, func(i, j int) bool {
		x, y := an.Series[i], an.Series[j]
		if x.End != y.End {
			return x.End < y.End
		}
		return x.Start < y.Start
	})
	sort.SliceStable(an.Targets, func(i, j int) bool { return an.Targets[i].Announced < an.Targets[j].Announced })
	for i := range an.Targets {
		t := &an.Targets[i]
		switch {
		case opt.Target != "":
			if t.ID == opt.Target {
				an.Target = t
			}
		case an.Target == nil || t.Announced > an.Target.Announced ||
			(t.Announced == an.Target.Announced && t.USD.Value > an.Target.USD.Value):
			an.Target = t
		}
	}
	if opt.Target != "" && an.Target == nil {
		return nil, caravan.Errorf(caravan.NotFound, "trade.Analyze", "no target %q among the %d targets of %s-%s: %w", opt.Target, len(an.Targets), a, b, caravan.ErrNotFound)
	}
	an.fit()
	an.evaluate(opt)
	return an, nil
}

// fit computes the trend over the annual rows.
func (an *Analysis) fit() {
	var xs, ys []float64
	periods := 0
	for i := range an.Series {
		r := &an.Series[i]
		if !r.Annual {
			continue
		}
		used := false
		for _, f := range r.Figures {
			if f.USD.Value > 0 && f.Doubt == "" {
				xs = append(xs, r.Period.Mid())
				ys = append(ys, math.Log(f.USD.Value))
				used = true
			}
		}
		if used {
			periods++
			an.Latest = r
		}
	}
	if periods < 2 {
		return
	}
	// Two annual periods are comparable only if they do not overlap, that is
	// their middles are a year or more apart (SH1400 and calendar 2022 share
	// 80 days: a fit through them alone would extrapolate noise).
	lo, hi := slices.Min(xs), slices.Max(xs)
	if hi-lo < 0.999 {
		an.Notes = append(an.Notes, fmt.Sprintf("the annual periods overlap (middles %.2f and %.2f are less than a year apart): not comparable", lo, hi))
		return
	}
	n := float64(len(xs))
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	slope := sxy / sxx
	an.Trend = &Trend{
		GrowthPct: round((math.Exp(slope)-1)*100, 2),
		Slope:     round(slope, 6),
		Intercept: round(my-slope*mx, 6),
		slope:     slope,
		intercept: my - slope*mx,
		Points:    len(xs),
		Periods:   periods,
		FromYear:  round(xs[0], 3),
		ToYear:    round(xs[len(xs)-1], 3),
	}
}

// evaluate fills the deadline, growth needed, projection and verdict.
func (an *Analysis) evaluate(opt Options) {
	t := an.Target
	if t == nil {
		an.Verdict = NoTarget
		an.Notes = append(an.Notes, "no target recorded for "+an.A+"-"+an.B)
		return
	}
	switch {
	case opt.By != 0:
		an.Deadline, an.DeadlineFrom = network.MakeDate(opt.By, 12, 31), "by"
	case !t.Period.IsZero():
		an.Deadline, an.DeadlineFrom = t.Period.End, "target"
	}
	goal := t.USD.Value
	if an.Latest != nil && an.Deadline != 0 {
		years := YearFrac(an.Deadline+1) - YearFrac(an.Latest.End+1)
		if years <= 0 {
			an.Notes = append(an.Notes, fmt.Sprintf("the deadline %s is not after the latest annual period (%s)", an.Deadline, an.Latest.Period.Name()))
		} else {
			for _, f := range an.Latest.Figures {
				if f.USD.Value <= 0 || f.Doubt != "" {
					continue
				}
				g := (math.Pow(goal/f.USD.Value, 1/years) - 1) * 100
				an.Needed = append(an.Needed, Need{Figure: f.ID, FromUSD: f.USD.Value, Years: round(years, 3), GrowthPct: round(g, 2)})
			}
		}
	}
	if an.Trend == nil {
		an.Verdict = InsufficientData
		an.Notes = append(an.Notes, "fewer than two comparable annual periods of actual figures: no trend")
		return
	}
	never := false
	if an.Trend.slope > 0 {
		ry := round((math.Log(goal)-an.Trend.intercept)/an.Trend.slope, 2)
		an.ReachYear = &ry
	} else if an.Trend.At(an.Trend.ToYear) < goal {
		never = true
		an.Notes = append(an.Notes, "the trend is not rising: it never reaches the target")
	}
	if an.Deadline == 0 {
		if never {
			an.Verdict = OffTrack
			return
		}
		an.Verdict = NoDeadline
		an.Notes = append(an.Notes, "the target names no deadline; give --by YEAR to judge it")
		return
	}
	p := round(an.Trend.At(YearFrac(an.Deadline+1)), 0)
	an.ProjectedUSD = &p
	if p >= goal {
		an.Verdict = OnTrack
	} else {
		an.Verdict = OffTrack
	}
}

// round rounds v to n decimals, so outputs are stable across platforms.
func round(v float64, n int) float64 {
	s := math.Pow(10, float64(n))
	return math.Round(v*s) / s
}
