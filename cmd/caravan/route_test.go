package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRouteVia: --via makes the route pass its places in order, in the
// table and in --json; a bad waypoint is a usage error (or not found)
// naming --via and the value.
func TestRouteVia(t *testing.T) {
	for _, tt := range []struct {
		name     string
		args     []string
		code     int
		inOutput string // in stdout+stderr
	}{
		{"table", []string{"route", "Lanzhou", "Dushanbe", "--via", "Kashgar,Osh", "--as-of", "2026-11-21"}, exitOK, "Sary-Tash → Osh"},
		{"Persian", []string{"route", "Lanzhou", "Dushanbe", "--via", "اوش"}, exitOK, "Osh → Sary-Tash"},
		{"mini detour", []string{"route", "Almaty", "Termez", "--data", mini, "--via", "Mazar", "--as-of", "2024-06-01"}, exitOK, "Hairatan → Mazar-i-Sharif"},
		{"unknown", []string{"route", "Almaty", "Mazar", "--data", mini, "--via", "Atlantis"}, exitError, `--via: no place matches "Atlantis"`},
		{"the origin", []string{"route", "Almaty", "Mazar", "--data", mini, "--via", "kz-almaty"}, exitUsage, `--via: "kz-almaty" is the origin`},
		{"twice", []string{"route", "Almaty", "Mazar", "--data", mini, "--via", "Tashkent,Termez,uz-tashkent"}, exitUsage, `--via: "uz-tashkent" names uz-tashkent, as "Tashkent" does`},
		{"avoided", []string{"route", "Almaty", "Mazar", "--data", mini, "--via", "Termez", "--avoid", "UZ"}, exitUsage, `--via: "Termez" is in UZ, a country to avoid`},
		{"blocks", []string{"route", "Almaty", "Termez", "--data", mini, "--via", "Mazar", "--as-of", "2024-06-01", "--avoid", "hairatan-mazar-rail,hairatan-mazar-road"},
			exitError, "the waypoints (af-mazar): af-mazar cannot be reached from kz-almaty as asked; without them there is a route"},
		{"help", []string{"route", "-h"}, exitOK, "places the route must pass through, in this order"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := cli(t, tt.args...)
			expectRun(t, out, errs, code, tt.code, tt.inOutput)
		})
	}
}

// TestRouteViaJSON: with --json the route's legs pass the waypoints in
// order, and the same waypoints in the other order give another route.
func TestRouteViaJSON(t *testing.T) {
	legs := func(via string) []string {
		t.Helper()
		out, errs, code := cli(t, "route", "Lanzhou", "Dushanbe", "--via", via, "--as-of", "2026-11-21", "--json")
		if code != exitOK {
			t.Fatalf("--via %s: exit %d: %s", via, code, errs)
		}
		var res struct {
			Kind   string `json:"kind"`
			Routes []struct {
				Legs []struct {
					To struct {
						ID string `json:"id"`
					} `json:"to"`
				} `json:"legs"`
			} `json:"routes"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil || res.Kind != "best" || len(res.Routes) != 1 {
			t.Fatalf("--via %s: not one route in JSON (%v): %.300s", via, err, out)
		}
		var ids []string
		for _, l := range res.Routes[0].Legs {
			ids = append(ids, l.To.ID)
		}
		return ids
	}
	order := func(ids []string, a, b string) bool {
		i, j := -1, -1
		for k, id := range ids {
			if id == a && i < 0 {
				i = k
			}
			if id == b && i >= 0 && j < 0 {
				j = k
			}
		}
		return i >= 0 && j > i
	}
	ko := legs("Kashgar,Osh")
	if !order(ko, "cn-kashgar", "kg-osh") {
		t.Errorf("--via Kashgar,Osh: legs reach %v", ko)
	}
	ok := legs("Osh,Kashgar")
	if !order(ok, "kg-osh", "cn-kashgar") {
		t.Errorf("--via Osh,Kashgar: legs reach %v", ok)
	}
	if strings.Join(ko, " ") == strings.Join(ok, " ") {
		t.Errorf("the order of the waypoints did not change the route")
	}
}

// TestRouteLegModes: --leg-modes keeps each leg between the stops to its
// modes in --json (by rail to Kashgar, trucks to Osh, rail to Hairatan);
// its mistakes are usage errors naming --leg-modes.
func TestRouteLegModes(t *testing.T) {
	args := []string{"route", "Lanzhou", "Hairatan", "--via", "Kashgar,Osh", "--avoid", "TJ", "--as-of", "2023-07-05"}
	out, errs, code := cli(t, append(args, "--leg-modes", "rail/road/rail", "--json")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Routes []struct {
			Legs []struct {
				Kind   string `json:"kind"`
				Mode   string `json:"mode"`
				ToMode string `json:"to_mode"`
				To     struct {
					ID string `json:"id"`
				} `json:"to"`
			} `json:"legs"`
		} `json:"routes"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Routes) != 1 {
		t.Fatalf("not one route in JSON (%v): %.300s", err, out)
	}
	want, stops := []string{"rail", "road", "rail"}, []string{"cn-kashgar", "kg-osh"}
	k, seen := 0, map[int]bool{}
	for i, l := range res.Routes[0].Legs {
		mode := l.Mode
		if l.Kind == "transfer" {
			mode = l.ToMode
		}
		if mode != want[k] {
			t.Errorf("step %d to %s by %s in leg %d, want %s", i+1, l.To.ID, mode, k+1, want[k])
		}
		if l.Kind != "transfer" {
			seen[k] = true
		}
		if k < len(stops) && l.Kind != "transfer" && l.To.ID == stops[k] {
			k++
		}
	}
	if k != len(stops) || len(seen) != 3 {
		t.Errorf("the route passes %d waypoints and moves on %d legs, want 2 and 3", k, len(seen))
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"table", append(args, "--leg-modes", "rail/road/rail"), exitOK, "Osh → Kara-Suu"},
		{"count", append(args, "--leg-modes", "rail/road"), exitUsage, "--leg-modes: 2 legs given; 2 waypoints make 3 legs"},
		{"unknown mode", append(args, "--leg-modes", "rail/truck/rail"), exitUsage, `--leg-modes: leg 2: mode "truck"`},
		{"without via", []string{"route", "Lanzhou", "Hairatan", "--leg-modes", "rail"}, exitUsage, "--leg-modes: the modes of legs need waypoints (via)"},
		{"outside --modes", append(args, "--leg-modes", "rail/road/rail", "--modes", "rail"), exitUsage, "--leg-modes: leg 2 (cn-kashgar → kg-osh) allows only road, which the modes of the route rule out"},
		{"blocked leg", []string{"route", "Lanzhou", "Hairatan", "--via", "Kashgar,Osh", "--avoid", "TJ,KZ", "--as-of", "2023-07-05", "--leg-modes", "rail/rail/rail"},
			exitError, "kg-osh cannot be reached from cn-kashgar by rail as asked"},
		{"help", []string{"route", "-h"}, exitOK, "-leg-modes string\n    \twith --via: the modes of each leg"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := cli(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			if !strings.Contains(out+errs, tt.want) {
				t.Errorf("output lacks %q:\n%s%s", tt.want, out, errs)
			}
		})
	}
}
