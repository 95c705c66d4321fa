package cch

// The inner loops of the dense customization (see customizer). Each has a
// portable version here; on amd64 with AVX2 the same loops run in
// assembly (kernel_amd64.s), two pairs to a vector instruction (four with
// AVX-512, where the processor has it), with the
// same results bit for bit: every candidate is the same sum of the same two
// operands, and a minimum keeps the old value unless the candidate is
// strictly smaller, as the comparisons here do. upperRow's running minima
// are kept per vector lane and combined at the end, which gives the same
// result in any order as long as no weight is −0 (a −0 and a +0 are
// equal, and the first one met would stay): CCH.input reads −0 as +0, and
// sums of weights ≥ +0 are never −0.

// minPlusRow lowers the dense row t through the lower neighbour x, given
// u → x (ux), x → u (xu) and x's arcs ws to the row's nodes: u→x→v and
// v→x→u, noting x in tv where it is strictly better.
var minPlusRow = minPlusRowGo

// upperRow applies to the arcs ws after an arc {u, x} (with their basic
// weights bs) the upper and intermediate triangles through x, given the
// perfect weights g of x's arcs to the same nodes and the basic weights
// u → x (bux) and x → u (bxu); it returns the perfect weights u → x (ux)
// and x → u (xu) lowered through them (see customizer.upper).
var upperRow = upperRowGo

func minPlusRowGo(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64) {
	ws, tv = ws[:len(t)], tv[:len(t)]
	for j := range t {
		if s := ux + ws[j][0]; s < t[j][0] {
			t[j][0], tv[j][0] = s, x
		}
		if s := ws[j][1] + xu; s < t[j][1] {
			t[j][1], tv[j][1] = s, x
		}
	}
}

func upperRowGo(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64) {
	ws, g = ws[:len(bs)], g[:len(bs)]
	for j := range bs {
		xv, vx := g[j][0], g[j][1]
		if s := bs[j][0] + vx; s < ux { // u→v→x
			ux = s
		}
		if s := xv + bs[j][1]; s < xu { // x→v→u
			xu = s
		}
		w := &ws[j]                  // arc {u, v}
		if s := bux + xv; s < w[0] { // u→x→v
			w[0] = s
		}
		if s := vx + bxu; s < w[1] { // v→x→u
			w[1] = s
		}
	}
	return ux, xu
}

// setRow sets the dense row t to the candidates through the lower
// neighbour x (tv to x): minPlusRow on a row of +Inf, without reading it.
func setRow(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64) {
	ws, tv = ws[:len(t)], tv[:len(t)]
	for j := range t {
		t[j] = pair{ux + ws[j][0], ws[j][1] + xu}
		tv[j] = [2]int64{x, x}
	}
}
