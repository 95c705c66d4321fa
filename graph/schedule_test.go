package graph

import (
	"math"
	"testing"
)

// TestBoardingWaitWeeklyFerry pins the wait formula H/2 × (1 + CV²) on a
// weekly ferry.
func TestBoardingWaitWeeklyFerry(t *testing.T) {
	for _, tt := range []struct {
		name         string
		perWeek, cv  float64
		mean, stddev float64
	}{
		{"weekly on timetable", 1, 0, 84, 168 / math.Sqrt(12)}, // uniform wait on [0, 168)
		{"weekly when full (cv 1)", 1, 1, 168, 168},            // exponential headways: exponential wait
		{"weekly cv 0.5", 1, 0.5, 105, math.Sqrt(168*168*1.25*1.5/3 - 105*105)},
		{"daily on timetable", 7, 0, 12, 24 / math.Sqrt(12)},
		{"no service", 0, 1, 0, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mean, v := BoardingWait(tt.perWeek, tt.cv)
			if math.Abs(mean-tt.mean) > 1e-9 || math.Abs(math.Sqrt(v)-tt.stddev) > 1e-9 {
				t.Errorf("BoardingWait(%g, %g) = %g ± %g h, want %g ± %g", tt.perWeek, tt.cv, mean, math.Sqrt(v), tt.mean, tt.stddev)
			}
		})
	}
}

func TestLognormal(t *testing.T) {
	// A lognormal fitted to a mean and a p90 gives that p90 back.
	for _, tt := range []struct{ mean, p90 float64 }{{24.2, 50}, {10, 12}, {4.3, 8}} {
		v := LognormalFromP90(tt.mean, tt.p90)
		if got := LognormalQuantile(tt.mean, v, 0.9); math.Abs(got-tt.p90) > 1e-6*tt.p90 {
			t.Errorf("p90 of lognormal(mean %g, p90 %g) = %g", tt.mean, tt.p90, got)
		}
	}
	if got := LognormalQuantile(10, 0, 0.9); got != 10 {
		t.Errorf("zero variance: p90 = %g, want the mean 10", got)
	}
	if got := normalQuantile(0.9); math.Abs(got-z90) > 1e-8 {
		t.Errorf("normalQuantile(0.9) = %.10f, want %.10f", got, z90)
	}
	if got := QueueWait(10, 0.5); got != 10 {
		t.Errorf("QueueWait(10 h, 0.5) = %g, want 10", got)
	}
}
