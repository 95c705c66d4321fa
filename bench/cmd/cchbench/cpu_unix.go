//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime returns the user and system CPU time of the process so far, 0 if
// unknown: on a busy machine it shows the work apart from the waiting.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
