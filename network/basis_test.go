package network

import "testing"

func TestBasisOf(t *testing.T) {
	for _, tt := range []struct {
		name     string
		field    string
		borrowed []string
		sources  []string
		derived  bool
		want     Basis
	}{
		{"own source", "dwell_hours", nil, []string{"CPMM22-PK"}, false, ObjectSpecific},
		{"listed as borrowed", "dwell_hours", []string{"dwell_hours", "fee_usd"}, []string{"CPMM22-UZ"}, false, Borrowed},
		{"nearest-figure estimate", "hours", nil, []string{"EST-XFER", "CPMM20-RAIL"}, false, Borrowed},
		{"share of a sourced total", "km", nil, []string{"TREND-DM", "EST-DERIVED"}, false, Derived},
		{"derived by the loader", "km", nil, []string{"EST-PARAM"}, true, Derived},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := basisOf(tt.field, tt.borrowed, Citations{All: tt.sources}, tt.derived); got != tt.want {
				t.Errorf("basisOf(%s) = %d, want %d", tt.field, got, tt.want)
			}
		})
	}
}
