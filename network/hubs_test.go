package network_test

import (
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/internal/testnet"
)

func TestHubs(t *testing.T) {
	n := testnet.Builtin(t)
	for _, tt := range []struct {
		country string
		want    string
	}{
		{"AF", "af-kabul af-mazar-i-sharif af-herat"},
		{"CN", "cn-urumqi cn-xian cn-kashgar"},
		{"TR", "tr-istanbul tr-ankara tr-mersin"},
		{"KZ", "kz-almaty kz-astana kz-aktau"},
	} {
		var got []string
		for _, p := range n.Hubs(tt.country, 3) {
			got = append(got, p.ID)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Hubs(%s, 3) = %v, want %s", tt.country, got, tt.want)
		}
	}
	if h := n.Hubs("XX", 3); h != nil {
		t.Errorf("Hubs(XX) = %v, want nil", h)
	}
}

func TestCrossingSides(t *testing.T) {
	n := testnet.Builtin(t)
	for _, tt := range []struct{ q, want string }{
		{"Torkham", "af-torkham pk-torkham"},
		{"Chaman", "af-spin-boldak pk-chaman"},
		{"Hairatan/Termez", "af-hairatan uz-termez"},
		{"Termez - Hairatan", "af-hairatan uz-termez"},
		{"Kabul", ""},
		// Crossings of three borders (Alat's ferries to Aktau, Kuryk and
		// Turkmenbashi, the Uzbek–Turkmen Alat–Farap): no one crossing.
		{"Alat", ""},
	} {
		var got []string
		for _, p := range n.CrossingSides(tt.q) {
			got = append(got, p.ID)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("CrossingSides(%q) = %v, want %q", tt.q, got, tt.want)
		}
	}
}
