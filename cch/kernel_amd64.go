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

func init() {
	if hasAVX2 {
		minPlusRow, upperRow = minPlusRowAVX2, upperRowAVX2
	}
}

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func xgetbv() (eax, edx uint32)

//go:noescape
func minPlusRowAVX2(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64)

//go:noescape
func upperRowAVX2(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64)
