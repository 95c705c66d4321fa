package cch

import (
	"fmt"
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
	for _, k := range kernelVariants()[1:] {
		t.Run(k.name, func(t *testing.T) {
			if !k.hardware {
				t.Skipf("no %s on this machine", k.name)
			}
			testKernels(t, k.minPlus, k.upper)
		})
	}
}

// testKernels holds one variant's kernels against the portable ones.
func testKernels(t *testing.T, minPlus func(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64), upper func(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64)) {
	rng := rand.New(rand.NewPCG(21, 2))
	weight := func() float64 { return kernelWeight(rng) }
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
			minPlus(t2, tv2, ws, a, b, x)
			if !slices.Equal(bits(t1), bits(t2)) || !slices.Equal(tv1, tv2) {
				t.Fatalf("minPlusRow, %d pairs: %v %v, want %v %v", n, t2, tv2, t1, tv1)
			}
			w1, w2 := slices.Clone(t0), slices.Clone(t0)
			c, d := weight(), weight()
			u1, x1 := upperRowGo(bs, w1, g, a, b, c, d)
			u2, x2 := upper(bs, w2, g, a, b, c, d)
			if !slices.Equal(bits(w1), bits(w2)) || math.Float64bits(u1) != math.Float64bits(u2) || math.Float64bits(x1) != math.Float64bits(x2) {
				t.Fatalf("upperRow, %d pairs: %v, %v, %v, want %v, %v, %v", n, w2, u2, x2, w1, u1, x1)
			}
		}
	}
}

// BenchmarkKernels times each kernel the machine has on rows of a narrow,
// a middling and the widest supernode's length (pairs), the rows in L1:
// the throughput of the inner loops alone, without the memory traffic of
// a customization.
func BenchmarkKernels(b *testing.B) {
	for _, n := range []int{13, 100, 900} {
		rng := rand.New(rand.NewPCG(3, uint64(n)))
		row := func() []pair {
			p := make([]pair, n)
			for i := range p {
				p[i] = pair{rng.Float64() * 8, rng.Float64() * 8}
			}
			return p
		}
		ws, g, bs, t0 := row(), row(), row(), row()
		tv := make([][2]int64, n)
		for _, k := range kernelVariants() {
			if !k.hardware {
				continue
			}
			b.Run(fmt.Sprintf("minPlusRow/%s/%d", k.name, n), func(b *testing.B) {
				t := slices.Clone(t0)
				for i := range b.N {
					k.minPlus(t, tv, ws, 0.5, 0.25, int64(i))
				}
				b.SetBytes(int64(16 * n))
			})
			b.Run(fmt.Sprintf("upperRow/%s/%d", k.name, n), func(b *testing.B) {
				w := slices.Clone(t0)
				for range b.N {
					k.upper(bs, w, g, 0.5, 0.25, 9, 9)
				}
				b.SetBytes(int64(16 * n))
			})
		}
	}
}

// kernelWeight returns a weight for the kernel tests: zeros, small integers
// (ties), fractions and +Inf (no −0, which customization never passes the
// kernels: see kernel.go).
func kernelWeight(rng *rand.Rand) float64 {
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

// kernelVariant is one implementation of the dense kernels, and whether
// this machine can run it.
type kernelVariant struct {
	name     string
	minPlus  func(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64)
	upper    func(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64)
	hardware bool
}

// kernelVariants lists the portable kernels first, then the assembly ones.
func kernelVariants() []kernelVariant {
	return []kernelVariant{
		{"Go", minPlusRowGo, upperRowGo, true},
		{"AVX2", minPlusRowAVX2, upperRowAVX2, hasAVX2},
		{"AVX-512", minPlusRowAVX512, upperRowAVX512, hasAVX512},
	}
}
