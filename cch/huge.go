package cch

import "unsafe"

// hugeMin is the size from which makeHuge asks for huge pages.
const hugeMin = 16 << 20

// makeHuge returns make([]T, n), asking the kernel to back it with huge
// pages when it is large (see adviseHuge); the scratch arrays of a
// customization are.
func makeHuge[T any](n int) []T {
	s := make([]T, n)
	var zero T
	if size := uintptr(n) * unsafe.Sizeof(zero); n > 0 && size >= hugeMin {
		adviseHuge(unsafe.Pointer(unsafe.SliceData(s)), size)
	}
	return s
}
