package dataset_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/network"
)

// mini returns the small test dataset in testdata/mini as a MapFS that tests
// can alter.
func mini(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys, err := dataset.Dir("testdata/mini")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range []string{"sources.csv", "countries.csv", "parameters.csv", "places.csv", "rates.csv",
		"projects.csv", "project_history.csv", "links.csv", "crossings.csv", "transfers.csv", "closures.csv"} {
		b, err := readFile(fsys, f)
		if err != nil {
			t.Fatal(err)
		}
		m[f] = &fstest.MapFile{Data: b}
	}
	return m
}

func TestLoadMini(t *testing.T) {
	n, err := dataset.Load(context.Background(), mini(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got, want := dataset.Summary(n), "7 places, 12 links (4 border crossings), 2 transfers, 1 closures, 1 projects, 2 sources; 45 figures: 49 % object-specific, 2 % derived, 49 % borrowed"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	// A length the file leaves empty is derived and cited to the circuity parameter.
	l, ok := n.Link("almaty-saryagash-road")
	if !ok {
		t.Fatal("link almaty-saryagash-road missing")
	}
	from, _ := n.Place(l.From)
	to, _ := n.Place(l.To)
	gc := network.GreatCircleKm(from.Loc, to.Loc)
	if l.Km.Value < gc*1.29 || l.Km.Value > gc*1.31 {
		t.Errorf("derived km = %v, want great-circle %v × 1.3", l.Km.Value, gc)
	}
	if got := l.Sources.For("km"); len(got) != 1 || got[0] != "S2" {
		t.Errorf("derived km cites %v, want [S2]", got)
	}
	p, _ := n.Project("test-rail")
	if got := p.StatusOn(network.MakeDate(2025, 1, 1)); got != network.Planned {
		t.Errorf("StatusOn(2025) = %v, want planned", got)
	}
	if p.LengthKm.Min != 90 || p.LengthKm.Max != 120 || p.LengthKm.Value != 100 {
		t.Errorf("LengthKm = %+v", p.LengthKm)
	}
	if r := n.Rate("UZ", network.Road); r == nil || r.KmPerHour.Value != 46 {
		t.Errorf("Rate(UZ, road) = %+v, want 46 km/h", r)
	}
	if r := n.Rate("KZ", network.Road); r == nil || r.KmPerHour.Value != 45 {
		t.Errorf("Rate(KZ, road) = %+v, want the default 45 km/h", r)
	}
}

// TestLoadErrors alters one file of the mini dataset and checks that the
// error names the file, line and field.
func TestLoadErrors(t *testing.T) {
	for _, tt := range []struct {
		name, file, old, new string
		want                 string
	}{
		{"unknown place", "links.csv", "uz-tashkent,uz-termez,rail", "uz-tashkent,uz-nowhere,rail", `links.csv:6: to: unknown place "uz-nowhere"`},
		{"bad gauge", "links.csv", "uz-tashkent,uz-termez,rail,1520", "uz-tashkent,uz-termez,rail,1000", `links.csv:6: gauge: gauge "1000"`},
		{"rail without gauge", "links.csv", "uz-tashkent,uz-termez,rail,1520", "uz-tashkent,uz-termez,rail,", "links.csv:6: gauge: rail link without a gauge"},
		{"too short", "links.csv", "uz-tashkent,uz-termez,rail,1520,700", "uz-tashkent,uz-termez,rail,1520,70", "links.csv:6: km: 70 km is shorter than the great-circle distance"},
		{"bad number", "links.csv", "uz-tashkent,uz-termez,rail,1520,700", "uz-tashkent,uz-termez,rail,1520,7OO", `links.csv:6: km: "7OO" is not a number`},
		{"bad date", "closures.csv", "2025-01-01,2025-02-01", "2025-13-01,2025-02-01", `closures.csv:2: from: date "2025-13-01"`},
		{"dates reversed", "closures.csv", "2025-01-01,2025-02-01", "2025-03-01,2025-02-01", "closures.csv:2: until: until 2025-02-01 is not after from 2025-03-01"},
		{"uncited number", "links.csv", "tashkent-termez-rail,uz-tashkent,uz-termez,rail,1520,700,,,,,,operational,,,,,,S1", "tashkent-termez-rail,uz-tashkent,uz-termez,rail,1520,700,,,,,,operational,,,,,,", "links.csv:6: km: number 700 cites no source"},
		{"unknown source", "places.csv", "KZ,city,76.95,43.25,S1", "KZ,city,76.95,43.25,S9", `places.csv:2: sources: unknown source "S9"`},
		{"swapped coordinates", "places.csv", "76.95,43.25", "43.25,76.95", "places.csv:2: lon: (43.25, 76.95) is outside the region"},
		{"duplicate id", "places.csv", "uz-termez,Termez", "uz-tashkent,Termez", `places.csv:6: id: duplicate place id "uz-tashkent" (first at places.csv:5)`},
		{"crossing in links", "crossings.csv", "termez-hairatan-road,Friendship Bridge,uz-termez,af-hairatan", "termez-hairatan-road,Friendship Bridge,uz-termez,uz-tashkent", "crossings.csv:5: to: crossing joins two places in UZ"},
		{"unknown column", "links.csv", "corridors,sources", "corridor,sources", "links.csv:1: corridor: unknown column"},
		{"missing column", "places.csv", "id,name_en", "ident,name_en", "places.csv:1: id: required column missing"},
		{"short row", "transfers.csv", "hairatan-rail-road,af-hairatan,rail_road", "hairatan-rail-road,af-hairatan", "transfers.csv:2: 15 fields, want 16"},
		{"bad quote", "sources.csv", "Test source one", `Test "source" one`, "sources.csv:2: column 9: bare \" in non-quoted-field"},
		{"range order", "projects.csv", "100,90,120", "100,110,120", "projects.csv:2: length_km: want length_km_min ≤ length_km ≤ length_km_max"},
		{"unknown project", "project_history.csv", "test-rail,2030", "no-such,2030", `project_history.csv:3: project: unknown project "no-such"`},
		{"transfer without change", "transfers.csv", "rail,1520,road,,24", "rail,1520,rail,1520,24", "transfers.csv:2: to_mode: transfer does not change state"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := mini(t)
			data := string(fsys[tt.file].Data)
			if !strings.Contains(data, tt.old) {
				t.Fatalf("%s does not contain %q", tt.file, tt.old)
			}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(data, tt.old, tt.new, 1))}
			_, err := dataset.Load(context.Background(), fsys)
			if err == nil {
				t.Fatal("Load: no error")
			}
			if !errors.Is(err, caravan.ErrInvalid) {
				t.Errorf("errors.Is(err, ErrInvalid) = false for %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	fsys := mini(t)
	delete(fsys, "places.csv")
	_, err := dataset.Load(context.Background(), fsys)
	if err == nil || !strings.Contains(err.Error(), "places.csv: cannot read") {
		t.Errorf("Load without places.csv: %v", err)
	}
}

// FuzzLoad feeds arbitrary bytes as each file of the mini dataset: the
// loader must return a network or an error, never panic.
func FuzzLoad(f *testing.F) {
	base := mini(f)
	files := []string{"places.csv", "links.csv", "crossings.csv", "transfers.csv", "projects.csv", "closures.csv", "sources.csv"}
	for i, name := range files {
		f.Add(uint8(i), base[name].Data)
	}
	f.Add(uint8(1), []byte("id,from\n\"unterminated"))
	f.Add(uint8(0), []byte("\xef\xbb\xbfid,name_en\n,,,,\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys[files[int(which)%len(files)]] = &fstest.MapFile{Data: data}
		n, err := dataset.Load(context.Background(), fsys)
		if (n == nil) == (err == nil) {
			t.Fatalf("Load returned network %v and error %v", n != nil, err)
		}
	})
}
