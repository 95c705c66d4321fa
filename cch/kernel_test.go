package cch

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKernels holds the assembly kernels against the portable ones, bit
// for bit, on rows of every length up to 40 (the vector loops' tails
// included) whose weights mix zeros, small integers (ties), fractions and
// +Inf (no −0, which customization never passes them: see kernel.go).
func TestKernels(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no AVX2")
	}
	rng := rand.New(rand.NewPCG(21, 2))
	weight := func() float64 {
		switch r := rng.IntN(10); {
		case r == 0:
			return math.Inf(1)
		case r < 3:
			return 0
		case r < 6:
			return float64(rng.IntN(8))
		default:
			return rng.Float64() * 8
		}
	}
	row := func(n int) []pair {
		p := make([]pair, n)
		for i := range p {
			p[i] = pair{weight(), weight()}
		}
		return p
	}
	bits := func(p []pair) []uint64 {
		var b []uint64
		for _, x := range p {
			b = append(b, math.Float64bits(x[0]), math.Float64bits(x[1]))
		}
		return b
	}
	for range 50 {
		for n := range 41 {
			ws, g, bs := row(n), row(n), row(n)
			t0 := row(n)
			tv0 := make([][2]int64, n)
			for j := range tv0 {
				tv0[j] = [2]int64{rng.Int64N(5) - 1, rng.Int64N(5) - 1}
			}
			a, b, x := weight(), weight(), rng.Int64N(100)
			t1, t2 := slices.Clone(t0), slices.Clone(t0)
			tv1, tv2 := slices.Clone(tv0), slices.Clone(tv0)
			minPlusRowGo(t1, tv1, ws, a, b, x)
			minPlusRowAVX2(t2, tv2, ws, a, b, x)
			if !slices.Equal(bits(t1), bits(t2)) || !slices.Equal(tv1, tv2) {
				t.Fatalf("minPlusRow, %d pairs: %v %v, want %v %v", n, t2, tv2, t1, tv1)
			}
			w1, w2 := slices.Clone(t0), slices.Clone(t0)
			c, d := weight(), weight()
			u1, x1 := upperRowGo(bs, w1, g, a, b, c, d)
			u2, x2 := upperRowAVX2(bs, w2, g, a, b, c, d)
			if !slices.Equal(bits(w1), bits(w2)) || math.Float64bits(u1) != math.Float64bits(u2) || math.Float64bits(x1) != math.Float64bits(x2) {
				t.Fatalf("upperRow, %d pairs: %v, %v, %v, want %v, %v, %v", n, w2, u2, x2, w1, u1, x1)
			}
		}
	}
}
