//go:build amd64 && !purego

package cch

// hasAVX2 reports whether the processor and the operating system support
// AVX2 (CPUID leaf 7 EBX bit 5, AVX and OSXSAVE in leaf 1 ECX, the YMM
// state enabled in XCR0).
var hasAVX2 = func() bool {
	_, _, c, _ := cpuid(1, 0)
	if c&(1<<27) == 0 || c&(1<<28) == 0 {
		return false
	}
	if a, _ := xgetbv(); a&6 != 6 {
		return false
	}
	_, b, _, _ := cpuid(7, 0)
	return b&(1<<5) != 0
}()

// hasAVX512 reports whether the processor and the operating system support
// AVX-512 Foundation (CPUID leaf 7 EBX bit 16; the opmask and ZMM states
// enabled in XCR0, bits 5–7, besides AVX's).
var hasAVX512 = func() bool {
	if !hasAVX2 {
		return false
	}
	if a, _ := xgetbv(); a&0xE6 != 0xE6 {
		return false
	}
	_, b, _, _ := cpuid(7, 0)
	return b&(1<<16) != 0
}()

func init() {
	switch {
	case hasAVX512:
		minPlusRow, upperRow = minPlusRowAVX512, upperRowAVX512
	case hasAVX2:
		minPlusRow, upperRow = minPlusRowAVX2, upperRowAVX2
	}
}

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func xgetbv() (eax, edx uint32)

//go:noescape
func minPlusRowAVX2(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64)

//go:noescape
func upperRowAVX2(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64)

//go:noescape
func minPlusRowAVX512(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64)

//go:noescape
func upperRowAVX512(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64)
