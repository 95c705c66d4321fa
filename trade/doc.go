// Package trade holds trade figures between two countries (actual values
// and announced targets, in USD and tonnes, with the period they cover and
// who reported them) and the analysis that answers "are the numbers on
// track?": the series by period with mirror figures side by side, the growth
// a target needs, the trend and a verdict, drawn for a terminal or as SVG.
//
// # Method
//
// Periods of different lengths are not mixed into one annual series. Only
// twelve-month periods (calendar years, Solar Hijri years such as SH1400 =
// 2021-03-21..2022-03-20, fiscal years) are annual; each sits on the time
// axis at its middle, so a Solar Hijri year is not mistaken for the calendar
// year it mostly overlaps. Partial periods (January–August, a quarter) are
// shown scaled to a year (× 365.25 / days, which ignores seasonality) and
// never enter the trend.
//
// The trend is the least-squares line through ln(USD) against the mid-year
// of every annual figure: USD(t) = exp(a + b·t), growing by e^b − 1 a year.
// When the two sides report different numbers for a period (mirror
// statistics) or two sources disagree, every figure is a point of its own:
// none is averaged away or dropped. With exactly two periods the fit is the
// compound annual growth rate between them. Fewer than two comparable
// annual periods (periods that do not overlap: their middles a year or more
// apart) give "insufficient_data". A figure marked doubtful (Figure.Doubt: a year
// inferred by the compiler, numbers a source contradicts) is shown but
// never fitted.
//
// The target evaluated is the latest announced one (or the one named by
// Options.Target). Its deadline is the end
// of the year given with Options.By, else the end of the target's own
// period; the growth needed from each figure of the latest annual period is
// (target / latest)^(1 / years) − 1, years counted between the period's end
// and the deadline. The verdict is "on_track" when the trend at the deadline
// reaches the target, else "off_track". Without a deadline a trend that
// does not rise and stays below the target is "off_track" (it never gets
// there); a rising one is "no_deadline", and ReachYear tells when it would
// get there.
package trade
