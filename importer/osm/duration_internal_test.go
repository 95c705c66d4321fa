package osm

import (
	"math"
	"testing"
)

func TestParseDuration(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
	}{
		{"", 0}, {"90", 1.5}, {"01:30", 1.5}, {"1:30:36", 1.51}, {"x", 0}, {"1:2:3:4", 0}, {"-5", 0},
	} {
		if got := parseDuration(tt.in); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("parseDuration(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
