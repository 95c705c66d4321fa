package cch

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks the kernel to back the 2 MiB-aligned pages inside the
// size bytes at p with transparent huge pages (madvise MADV_HUGEPAGE), so
// that a large array faults in 2 MiB at a time when it is first written:
// on this project's virtual machines a fresh 4 KiB page costs about 12 µs
// (BENCHMARKS.md). Only a hint: an error is ignored, and a kernel whose
// transparent huge pages are off ignores it.
func adviseHuge(p unsafe.Pointer, size uintptr) {
	const huge = 2 << 20
	off := (huge - uintptr(p)%huge) % huge
	if size < off+huge {
		return
	}
	n := (size - off) &^ (huge - 1)
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, off)), n), syscall.MADV_HUGEPAGE)
}
