//go:build !amd64 || purego

package cch

const hasAVX2, hasAVX512 = false, false

func minPlusRowAVX2(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64) {
	panic("cch: no AVX2")
}

func upperRowAVX2(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64) {
	panic("cch: no AVX2")
}

func minPlusRowAVX512(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64) {
	panic("cch: no AVX-512")
}

func upperRowAVX512(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64) {
	panic("cch: no AVX-512")
}
