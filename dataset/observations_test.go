package dataset_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/network"
)

// TestObservationTIR: tir is read on road trips and refused on a trip
// without road.
func TestObservationTIR(t *testing.T) {
	const head = "id,what,from,to,modes,service,tir,trip_date,days,time_set,sources\n"
	load := func(row string) ([]dataset.Observation, error) {
		return dataset.LoadObservations(fstest.MapFS{"observations.csv": {Data: []byte(head + row + "\n")}})
	}
	obs, err := load("a,truck,pk-karachi,uz-tashkent,road,,true,2021-04-29,5,holdout,OBS-TIR-PILOT-2021")
	if err != nil || len(obs) != 1 || !obs[0].TIR {
		t.Fatalf("road trip under TIR: %v, %v", obs, err)
	}
	if _, err := load("b,train,uz-tashkent,af-hairatan,rail,block,true,2020-04-16,2,fit,OBS-UTY-HAIRATAN-2020"); err == nil || !strings.Contains(err.Error(), "tir") {
		t.Errorf("TIR on a rail trip: %v, want an error on tir", err)
	}
}

// viaPlaces is a places.csv for the via tests.
const viaPlaces = "id,name_en,country,kind,lon,lat\n" +
	"uz-tashkent,Tashkent,UZ,city,69.24,41.3\n" +
	"kg-osh,Osh,KG,city,72.8,40.53\n" +
	"uz-andijan,Andijan,UZ,city,72.34,40.78\n" +
	"kz-aktau,Aktau,KZ,sea_port,51.2,43.65\n" +
	"kz-kuryk,Kuryk,KZ,ferry_terminal,51.67,43.18\n" +
	"af-hairatan,Hairatan,AF,border_post,67.42,37.23\n"

// TestObservationVia: via is read as waypoints in order, each a place id
// or alternatives joined by '|', and refused, naming the line and via, for
// an id that is no place of places.csv, an end of the trip, one given
// twice or one in a country the trip avoids; without places.csv a row with
// via cannot be checked.
func TestObservationVia(t *testing.T) {
	const head = "id,what,from,to,modes,avoid,via,service,trip_date,days,time_set,sources\n"
	load := func(row string, withPlaces bool) ([]dataset.Observation, error) {
		fsys := fstest.MapFS{"observations.csv": {Data: []byte(head + row + "\n")}}
		if withPlaces {
			fsys["places.csv"] = &fstest.MapFile{Data: []byte(viaPlaces)}
		}
		return dataset.LoadObservations(fsys)
	}
	obs, err := load("a,train,kg-osh,af-hairatan,rail,TJ,uz-andijan; kz-aktau|kz-kuryk ,block,2022-09-19,2,fit,OBS-OSH-HAIRATAN-2022", true)
	if err != nil || len(obs) != 1 {
		t.Fatalf("via of two waypoints: %v, %v", obs, err)
	}
	if want := [][]string{{"uz-andijan"}, {"kz-aktau", "kz-kuryk"}}; !slices.EqualFunc(obs[0].Via, want, slices.Equal) {
		t.Errorf("via = %q, want %q", obs[0].Via, want)
	}
	// No via: places.csv is not needed.
	if obs, err := load("b,train,kg-osh,af-hairatan,rail,,,block,2022-09-19,2,fit,X", false); err != nil || obs[0].Via != nil {
		t.Errorf("no via: %v, %v", obs, err)
	}
	for _, c := range []struct{ row, want string }{
		{"c,train,kg-osh,af-hairatan,rail,,uz-galaba,block,2022-09-19,2,fit,X", `unknown place "uz-galaba"`},
		{"d,train,kg-osh,af-hairatan,rail,,af-hairatan,block,2022-09-19,2,fit,X", "af-hairatan is an end of the trip"},
		{"e,train,kg-osh,af-hairatan,rail,,uz-andijan;uz-andijan,block,2022-09-19,2,fit,X", "uz-andijan is given twice"},
		{"f,train,kg-osh,af-hairatan,rail,,kz-aktau|kz-aktau,block,2022-09-19,2,fit,X", "kz-aktau is given twice"},
		{"g,train,kg-osh,af-hairatan,rail,UZ,uz-andijan,block,2022-09-19,2,fit,X", "uz-andijan is in UZ, a country the trip avoids"},
		{"h,train,kg-osh,af-hairatan,rail,,uz-andijan|,block,2022-09-19,2,fit,X", "empty place id"},
	} {
		_, err := load(c.row, true)
		if err == nil || !strings.Contains(err.Error(), "observations.csv:2: via: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error at observations.csv:2 on via with %q", c.row, err, c.want)
		}
	}
	if _, err := load("i,train,kg-osh,af-hairatan,rail,,uz-andijan,block,2022-09-19,2,fit,X", false); err == nil || !strings.Contains(err.Error(), "places.csv") {
		t.Errorf("via without places.csv: %v, want an error naming places.csv", err)
	}
}

// TestObservationLegModes: leg_modes is read as one set of modes per leg
// between the stops (origin, via, destination), an empty set for a leg
// whose mode no one names, and refused, naming the line and leg_modes,
// when malformed, without via, of the wrong number or with a mode the
// trip did not use.
func TestObservationLegModes(t *testing.T) {
	const head = "id,what,from,to,modes,avoid,via,leg_modes,service,trip_date,days,time_set,sources\n"
	load := func(row string) ([]dataset.Observation, error) {
		return dataset.LoadObservations(fstest.MapFS{
			"observations.csv": {Data: []byte(head + row + "\n")},
			"places.csv":       {Data: []byte(viaPlaces)},
		})
	}
	rail, road := []network.Mode{network.Rail}, []network.Mode{network.Road}
	for _, c := range []struct {
		row  string
		want [][]network.Mode
	}{
		{"a,trip,uz-tashkent,af-hairatan,rail;road,,kg-osh;uz-andijan,road/rail/rail,block,2022-09-19,2,fit,X", [][]network.Mode{road, rail, rail}},
		{"b,trip,uz-tashkent,af-hairatan,rail;road,,kg-osh;uz-andijan,//rail,block,2022-09-19,2,fit,X", [][]network.Mode{nil, nil, rail}},
		{`c,trip,uz-tashkent,af-hairatan,rail;road,,kg-osh,"rail, road/Rail",block,2022-09-19,2,fit,X`, [][]network.Mode{{network.Rail, network.Road}, rail}},
		{"d,trip,uz-tashkent,af-hairatan,rail;road,,kg-osh,,block,2022-09-19,2,fit,X", nil},
	} {
		obs, err := load(c.row)
		if err != nil || len(obs) != 1 {
			t.Fatalf("%s: %v, %v", c.row, obs, err)
		}
		if got := obs[0].LegModes; fmt.Sprint(got) != fmt.Sprint(c.want) || len(got) != len(c.want) {
			t.Errorf("%s: leg modes %v, want %v", c.row, got, c.want)
		}
	}
	for _, c := range []struct{ row, want string }{
		{"e,trip,uz-tashkent,af-hairatan,rail;road,,,rail,block,2022-09-19,2,fit,X", "legs without via"},
		{"f,trip,uz-tashkent,af-hairatan,rail;road,,kg-osh,rail,block,2022-09-19,2,fit,X", "1 legs for 1 waypoints: want 2"},
		{"g,trip,uz-tashkent,af-hairatan,rail;road,,kg-osh,rail/road/rail,block,2022-09-19,2,fit,X", "3 legs for 1 waypoints: want 2"},
		{"h,trip,uz-tashkent,af-hairatan,rail;road,,kg-osh,rail/truck,block,2022-09-19,2,fit,X", `leg 2: mode "truck"`},
		{"i,trip,uz-tashkent,af-hairatan,rail,,kg-osh,rail/road,block,2022-09-19,2,fit,X", "leg 2: road is not one of the trip's modes"},
	} {
		_, err := load(c.row)
		if err == nil || !strings.Contains(err.Error(), "observations.csv:2: leg_modes: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error at observations.csv:2 on leg_modes with %q", c.row, err, c.want)
		}
	}
}

// FuzzLoadObservations feeds arbitrary observations.csv files, with the
// places of viaPlaces, to the reader: it never panics, and what it accepts
// has every waypoint a known place between the trip's ends and, with leg
// modes, one set per leg, each mode one of the trip's.
func FuzzLoadObservations(f *testing.F) {
	f.Add("id,what,from,to,modes,avoid,via,service,trip_date,days,time_set,sources\n" +
		"a,train,kg-osh,af-hairatan,rail,TJ,uz-andijan;kz-aktau|kz-kuryk,block,2022-09-19,2,fit,X\n")
	f.Add("id,what,from,to,modes,via,trip_date,usd,teu,price_set,sources\nb,truck,uz-tashkent,kg-osh,road,uz-andijan|,2020-01-01,100,1,fit,X\n")
	f.Add("id,what,from,to,modes,via,leg_modes,service,trip_date,days,time_set,sources\n" +
		"c,trip,uz-tashkent,af-hairatan,rail;road,kg-osh;uz-andijan,road//rail,block,2022-09-19,2,fit,X\n")
	f.Add("id,what,from,to,modes,via,leg_modes,service,trip_date,days,time_set,sources\n" +
		"d,trip,uz-tashkent,af-hairatan,rail,kg-osh,\"rail,road/\",block,2022-09-19,2,fit,X\n")
	known := map[string]bool{}
	for _, l := range strings.Split(viaPlaces, "\n")[1:] {
		if id, _, ok := strings.Cut(l, ","); ok {
			known[id] = true
		}
	}
	f.Fuzz(func(t *testing.T, data string) {
		obs, err := dataset.LoadObservations(fstest.MapFS{
			"observations.csv": {Data: []byte(data)},
			"places.csv":       {Data: []byte(viaPlaces)},
		})
		if err != nil {
			return
		}
		for _, o := range obs {
			if len(o.LegModes) > 0 && len(o.LegModes) != len(o.Via)+1 {
				t.Fatalf("%s: %d legs accepted for %d waypoints", o.ID, len(o.LegModes), len(o.Via))
			}
			for _, ms := range o.LegModes {
				for _, m := range ms {
					if !slices.Contains(o.Modes, m) {
						t.Fatalf("%s: leg mode %s accepted outside the trip's modes %v", o.ID, m, o.Modes)
					}
				}
			}
			for _, wp := range o.Via {
				if len(wp) == 0 {
					t.Fatalf("%s: empty waypoint in %q", o.ID, o.Via)
				}
				for _, id := range wp {
					if !known[id] || id == o.From || id == o.To {
						t.Fatalf("%s: waypoint %q accepted (from %s, to %s)", o.ID, id, o.From, o.To)
					}
				}
			}
		}
	})
}
