package assign

import (
	"context"
	"math"
)

// maxWeight bounds the weight of the previous target in conjugate
// Frank–Wolfe, so the direction always keeps some of the new all-or-nothing
// flows.
const maxWeight = 1 - 1e-6

// linear runs Frank–Wolfe or one of its conjugate variants. Each iteration
// loads the demand all-or-nothing on shortest paths (y), builds a target
// point from y and the previous targets, and moves the flows towards it by
// an exact line search on the Beckmann objective.
//
// Targets are convex combinations of all-or-nothing flows, so every iterate
// is feasible. CFW picks the weight of the previous target so that the new
// direction is conjugate to the previous one with respect to the Hessian of
// the objective (diagonal: the cost derivatives); BFW combines the two
// previous targets so that the direction is conjugate to both, solving the
// 3×3 system exactly and falling back to CFW, then FW, when the weights are
// not all non-negative.
func (s *state) linear(ctx context.Context) error {
	net, m := s.net, s.net.Links()
	y := make([]float64, m)
	s1 := make([]float64, m) // previous target
	s2 := make([]float64, m) // the one before
	tg := make([]float64, m) // this iteration's target
	have := 0                // how many previous targets are usable
	if s.opts.Start != nil {
		for i, a := range net.perm {
			s.x[a] = s.opts.Start[i]
		}
		s.updateCosts()
	} else {
		s.updateCosts() // free-flow costs
		_, o, t, ok := s.paths.run(s.cost, s.x)
		if !ok {
			return unreachable(o, t, s.dem.between(o, t))
		}
		s.updateCosts()
	}
	for {
		if err := s.checkCosts("assign.Solve"); err != nil {
			return err
		}
		sptt, o, t, ok := s.paths.run(s.cost, y)
		if !ok {
			return unreachable(o, t, s.dem.between(o, t))
		}
		if stop, err := s.report(ctx, sptt); stop {
			return err
		}
		s.iter++
		used := 0
		switch {
		case s.opts.Algorithm == BFW && have >= 2 && s.biconjugate(y, s1, s2, tg):
			used = 2
		case s.opts.Algorithm != FW && have >= 1 && s.conjugate(y, s1, tg):
			used = 1
		default:
			copy(tg, y)
		}
		for a := range tg {
			y[a] = tg[a] - s.x[a] // y now holds the direction
		}
		step := s.lineSearch(y)
		for a, d := range y {
			if d != 0 {
				s.x[a] = max(0, s.x[a]+step*d)
			}
		}
		s.updateCosts()
		if step >= 1 {
			have = 0 // the flows are the target: no direction to be conjugate to
		} else {
			have = min(have, used) + 1
		}
		s2, s1, tg = s1, tg, s2
	}
}

// conjugate writes to tg the CFW target α·s1 + (1−α)·y and reports whether
// α > 0 (otherwise tg is not written and y is the target).
func (s *state) conjugate(y, s1, tg []float64) bool {
	num, den := 0.0, 0.0
	for a, h := range s.der {
		if h == 0 {
			continue
		}
		u := s1[a] - s.x[a]
		num += h * u * (y[a] - s.x[a])
		den += h * u * (y[a] - s1[a])
	}
	if den == 0 {
		return false
	}
	alpha := min(num/den, maxWeight)
	if !(alpha > 0) {
		return false
	}
	for a := range tg {
		tg[a] = alpha*s1[a] + (1-alpha)*y[a]
	}
	return true
}

// biconjugate writes to tg the BFW target β0·y + β1·s1 + β2·s2, with the
// weights summing to 1 and the direction tg − x conjugate to s1 − x and
// s2 − x, and reports whether all weights are non-negative (and β0 > 0).
func (s *state) biconjugate(y, s1, s2, tg []float64) bool {
	var ap, pp, qp, aq, qq float64
	for a, h := range s.der {
		if h == 0 {
			continue
		}
		x := s.x[a]
		A, P, Q := y[a]-x, s1[a]-x, s2[a]-x
		ap += h * A * P
		pp += h * P * P
		qp += h * Q * P
		aq += h * A * Q
		qq += h * Q * Q
	}
	// With β0 = 1 − β1 − β2:
	//   (pp−ap)β1 + (qp−ap)β2 = −ap
	//   (qp−aq)β1 + (qq−aq)β2 = −aq
	a11, a12, b1 := pp-ap, qp-ap, -ap
	a21, a22, b2 := qp-aq, qq-aq, -aq
	det := a11*a22 - a12*a21
	if det == 0 || math.Abs(det) <= 1e-12*(math.Abs(a11*a22)+math.Abs(a12*a21)) {
		return false
	}
	b1w := (b1*a22 - a12*b2) / det
	b2w := (a11*b2 - b1*a21) / det
	b0w := 1 - b1w - b2w
	if !(b0w > 1-maxWeight) || !(b1w >= 0) || !(b2w >= 0) {
		return false
	}
	for a := range tg {
		tg[a] = b0w*y[a] + b1w*s1[a] + b2w*s2[a]
	}
	return true
}

// lineSearch returns the step λ in [0, 1] that minimises the Beckmann
// objective along x + λ·d: the root of Σ cost_a(x_a + λ d_a)·d_a, found by
// Newton's method kept inside a shrinking bracket.
func (s *state) lineSearch(d []float64) float64 {
	g0 := 0.0
	for a, v := range d {
		g0 += s.cost[a] * v
	}
	if g0 >= 0 {
		return 0
	}
	g1, h1 := s.slope(d, 1)
	if g1 <= 0 {
		return 1
	}
	lo, hi := 0.0, 1.0
	lam := 1 - g1/h1 // Newton from λ = 1
	if !(lam > lo && lam < hi) {
		lam = g0 / (g0 - g1)
	}
	for range 60 {
		g, h := s.slope(d, lam)
		if g > 0 {
			hi = lam
		} else {
			lo = lam
		}
		if g == 0 || hi-lo <= 1e-15*hi || math.Abs(g) <= 1e-14*(-g0) {
			break
		}
		next := lam - g/h
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		lam = next
	}
	return lam
}

// slope returns the derivative of the objective along d at x + λd and its
// second derivative.
func (s *state) slope(d []float64, lam float64) (g, h float64) {
	net := s.net
	for a, v := range d {
		if v == 0 {
			continue
		}
		c, der := net.costDer(a, s.x[a]+lam*v)
		g += c * v
		h += der * v * v
	}
	return g, h
}
