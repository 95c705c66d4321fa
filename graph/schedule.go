package graph

import "math"

// HoursPerWeek converts a frequency in departures per week to a headway.
const HoursPerWeek = 168.0

// BoardingWait returns the mean and the variance of the wait, in hours and
// hours², of cargo that arrives at random for a service with
// departuresPerWeek departures a week whose headways have coefficient of
// variation cv: the residual life of a renewal process,
//
//	E[W] = H/2 × (1 + cv²),  E[W²] = H² (1 + cv²)(1 + 2cv²) / 3,
//
// with H = 168 / departuresPerWeek and the headways taken as gamma
// distributed for the second moment. A weekly ferry on a strict timetable
// (cv = 0) waits 84 h on average; one that leaves "when full" (cv = 1)
// waits 168 h. Zero departures mean no scheduled service: no wait.
func BoardingWait(departuresPerWeek, cv float64) (mean, variance float64) {
	if departuresPerWeek <= 0 {
		return 0, 0
	}
	h := HoursPerWeek / departuresPerWeek
	c2 := cv * cv
	mean = h / 2 * (1 + c2)
	second := h * h * (1 + c2) * (1 + 2*c2) / 3
	return mean, math.Max(second-mean*mean, 0)
}

// QueueWait returns the mean wait before handling at a terminal whose
// handling takes hours and whose utilization (throughput over capacity) is
// rho: the M/M/1 waiting time, hours × ρ / (1 − ρ). ρ is capped at 0.95
// (a wait of 19 handling times) and a ρ ≤ 0 adds nothing.
func QueueWait(hours, rho float64) float64 {
	if rho <= 0 || hours <= 0 {
		return 0
	}
	rho = math.Min(rho, 0.95)
	return hours * rho / (1 - rho)
}

// z90 is the standard normal quantile of 0.9.
const z90 = 1.2815515655446004

// LognormalFromP90 returns the variance of the lognormal distribution with
// the given mean and 90th percentile (p90 > mean > 0). The log-scale σ
// solves σ²/2 − z90·σ + ln(p90/mean) = 0 (the smaller root); when p90/mean
// exceeds what a lognormal allows (e^{z90²/2} ≈ 2.27) σ is z90.
func LognormalFromP90(mean, p90 float64) float64 {
	if mean <= 0 || p90 <= mean {
		return 0
	}
	d := z90*z90 - 2*math.Log(p90/mean)
	sigma := z90
	if d > 0 {
		sigma = z90 - math.Sqrt(d)
	}
	return mean * mean * (math.Exp(sigma*sigma) - 1)
}

// LognormalQuantile returns the q-quantile of the lognormal distribution
// with the given mean and variance, the Fenton–Wilkinson stand-in for a sum
// of independent positive times: it matches the sum's first two moments
// exactly. With zero variance it returns the mean.
func LognormalQuantile(mean, variance, q float64) float64 {
	if mean <= 0 {
		return 0
	}
	if variance <= 0 {
		return mean
	}
	s2 := math.Log(1 + variance/(mean*mean))
	mu := math.Log(mean) - s2/2
	return math.Exp(mu + normalQuantile(q)*math.Sqrt(s2))
}

// normalQuantile returns the standard normal quantile of p (Acklam's
// rational approximation, relative error below 1.2e-9).
func normalQuantile(p float64) float64 {
	switch {
	case p <= 0:
		return math.Inf(-1)
	case p >= 1:
		return math.Inf(1)
	}
	a := [...]float64{-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00}
	b := [...]float64{-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01}
	c := [...]float64{-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00}
	d := [...]float64{7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00}
	const lo = 0.02425
	switch {
	case p < lo:
		q := math.Sqrt(-2 * math.Log(p))
		return (((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q + c[5]) / ((((d[0]*q+d[1])*q+d[2])*q+d[3])*q + 1)
	case p > 1-lo:
		q := math.Sqrt(-2 * math.Log(1-p))
		return -(((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q + c[5]) / ((((d[0]*q+d[1])*q+d[2])*q+d[3])*q + 1)
	}
	q := p - 0.5
	r := q * q
	return (((((a[0]*r+a[1])*r+a[2])*r+a[3])*r+a[4])*r + a[5]) * q / (((((b[0]*r+b[1])*r+b[2])*r+b[3])*r+b[4])*r + 1)
}
