//go:build race

package route_test

// raceEnabled is true when the race detector is on: sync.Pool then drops
// items at random, so allocation counts mean nothing.
const raceEnabled = true
