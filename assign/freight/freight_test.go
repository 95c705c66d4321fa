package freight_test

import (
	"context"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/assign/freight"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
)

func builtin(tb testing.TB) *graph.Graph {
	tb.Helper()
	n, err := dataset.Load(context.Background(), dataset.Builtin())
	if err != nil {
		tb.Fatal(err)
	}
	g, err := graph.Compile(n)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestReadDemandCSV(t *testing.T) {
	in := "# corridor demand\nfrom,to,tonnes_per_year,note\nuz-tashkent,pk-karachi,1e6,x\nuz-tashkent,pk-karachi,5e5,\nkz-almaty,af-kabul,0,\n"
	got, err := freight.ReadDemandCSV(strings.NewReader(in), "od.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].TonnesPerYear != 1.5e6 || got[0].Basis != "od.csv:3" {
		t.Errorf("ReadDemandCSV = %+v", got)
	}
	for _, tt := range []struct{ name, in, want string }{
		{"Empty", "", "od.csv:1: empty file"},
		{"NoColumn", "from,to,tonnes\n", `od.csv:1: no column "tonnes_per_year"`},
		{"NaN", "from,to,tonnes_per_year\na,b,1\na,c,NaN\n", `od.csv:3: field tonnes_per_year: "NaN" is not a finite number`},
		{"Negative", "from,to,tonnes_per_year\na,b,-4\n", `od.csv:2: field tonnes_per_year: "-4"`},
		{"Same", "from,to,tonnes_per_year\na,a,4\n", "od.csv:2: from and to are the same place"},
		{"EmptyID", "from,to,tonnes_per_year\n,a,4\n", "od.csv:2: field from: empty place id"},
		{"Short", "tonnes_per_year,from,to\n4,a\n", "od.csv:2: 2 fields, want at least 3"},
		{"Quote", "from,to,tonnes_per_year\n\"a,b,4\n", "od.csv:2:"},
		{"UTF8", "from,to,tonnes_per_year\na,b,1\nkz-alm\xe9ty,b,4\n", "od.csv:3: field 1: invalid UTF-8"},
		{"LongField", "from,to,tonnes_per_year\na,b," + strings.Repeat("9", freight.MaxDemandFieldBytes+1) + "\n", "od.csv:2: field 3: 65537 bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := freight.ReadDemandCSV(strings.NewReader(tt.in), "od.csv", nil)
			if err == nil || caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadDemandCSV = %v, want an invalid error containing %q", err, tt.want)
			}
		})
	}
}

// TestReadDemandCSVTooLarge: a file past MaxDemandBytes (here one endless
// quoted field) is refused, not read into memory without end.
func TestReadDemandCSVTooLarge(t *testing.T) {
	r := io.MultiReader(strings.NewReader("from,to,tonnes_per_year\n\""), endless('a'))
	_, err := freight.ReadDemandCSV(r, "od.csv", nil)
	if err == nil || caravan.KindOf(err) != caravan.Invalid || !strings.Contains(err.Error(), "od.csv: more than") {
		t.Fatalf("ReadDemandCSV of an endless file = %v, want an invalid error saying it is too large", err)
	}
}

// TestReadDemandCSVAtLimit: a file of exactly MaxDemandBytes is read.
func TestReadDemandCSVAtLimit(t *testing.T) {
	head := "from,to,tonnes_per_year\na,b,1\n#"
	body := head + strings.Repeat("x", freight.MaxDemandBytes-len(head)-1) + "\n"
	if _, err := freight.ReadDemandCSV(strings.NewReader(body), "od.csv", nil); err != nil {
		t.Fatalf("ReadDemandCSV of a file of exactly %d bytes: %v", len(body), err)
	}
}

// endless reads as an unending run of one byte.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

func TestReadDemandCSVUnknownPlace(t *testing.T) {
	g := builtin(t)
	_, err := freight.ReadDemandCSV(strings.NewReader("from,to,tonnes_per_year\nkz-almaty,xx-nowhere,5\n"), "od.csv", g.Net)
	if err == nil || !strings.Contains(err.Error(), `od.csv:2: field to: unknown place "xx-nowhere"`) {
		t.Fatalf("err = %v", err)
	}
}

// TestAssign loads freight between a few places of the built-in dataset and
// checks conservation at the origin, the capacity marks and the ranking of
// flows; a huge demand must create bottlenecks.
func TestAssign(t *testing.T) {
	g := builtin(t)
	asOf, _ := network.ParseDate("2026-06-01")
	demand := []freight.Demand{
		{From: "kz-almaty", To: "uz-tashkent", TonnesPerYear: 2e6},
		{From: "uz-tashkent", To: "af-mazar-i-sharif", TonnesPerYear: 3e6},
		{From: "cn-kashgar", To: "uz-tashkent", TonnesPerYear: 1e6},
	}
	for _, d := range demand {
		if _, ok := g.Net.Place(d.From); !ok {
			t.Skipf("dataset has no %s", d.From)
		}
		if _, ok := g.Net.Place(d.To); !ok {
			t.Skipf("dataset has no %s", d.To)
		}
	}
	opts := freight.Options{Conditions: graph.Conditions{AsOf: asOf}, USDPerTonneHour: 0.5, Gap: 1e-8}
	m, err := freight.Build(g, demand, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := m.Solve(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if r.Gap > 1e-8 || r.DemandTonnes+r.UnservedTonne != 6e6 || len(r.Flows) == 0 {
		t.Fatalf("gap %v, demand %v + unserved %v, %d flows", r.Gap, r.DemandTonnes, r.UnservedTonne, len(r.Flows))
	}
	out := 0.0
	for i, f := range r.Flows {
		if i > 0 && f.VC > r.Flows[i-1].VC {
			t.Errorf("flows not sorted by v/c at %d", i)
		}
		if f.Capacity <= 0 || math.Abs(f.VC-f.Tonnes/f.Capacity) > 1e-12 || f.Hours < f.FreeHours {
			t.Errorf("flow %+v", f)
		}
		if f.From == "kz-almaty" && f.Kind != "transfer" {
			out += f.Tonnes
		}
	}
	if r.UnservedTonne == 0 && math.Abs(out-2e6) > 1 {
		t.Errorf("%v t leave Almaty, want 2e6", out)
	}
	// Every tonne from Kazakhstan to Uzbekistan enters Uzbekistan.
	sh, _, err := r.Shares("KZ", "UZ", []string{"UZ", "kz-almaty--kz-nowhere"})
	if err == nil {
		t.Errorf("Shares with an unknown via: %+v", sh)
	}
	sh, total, err := r.Shares("kz", "uz", []string{"UZ"})
	if err != nil || total != 2e6 || len(sh) != 1 || math.Abs(sh[0].Share-1) > 1e-9 || math.Abs(sh[0].Tonnes-2e6) > 1e-3 {
		t.Errorf("Shares(KZ, UZ, via UZ) = %+v, %v, %v; want all 2e6 t", sh, total, err)
	}
	// Thirty times the demand must overload something.
	heavy := slices.Clone(demand)
	for i := range heavy {
		heavy[i].TonnesPerYear *= 30
	}
	m30, err := freight.Build(g, heavy, opts)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := m30.Solve(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(r2.Bottlenecks()) == 0 {
		t.Errorf("no bottleneck at 30× demand; top flow %+v", r2.Flows[0])
	}
	// Criticality on the base demand: each closure is solved warm from r
	// where it cuts no pair off; a cold solve on the network without the
	// element must agree.
	imp, err := m.Criticality(t.Context(), demand, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(imp) == 0 {
		t.Fatal("no impacts")
	}
	for i := 1; i < len(imp); i++ {
		a, b := imp[i-1], imp[i]
		if a.Unserved < b.Unserved || (a.Unserved == b.Unserved && a.ExtraCost < b.ExtraCost) {
			t.Errorf("impacts out of order at %d: %+v before %+v", i, a, b)
		}
	}
	checked := 0
	for _, c := range imp {
		if c.ExtraCost < -1e-6*r.TotalCost {
			t.Errorf("closing %s lowers the cost by %v", c.ID, -c.ExtraCost)
		}
		if c.Unserved > 0 || checked == 12 {
			continue
		}
		checked++
		o := opts
		o.Conditions.AvoidLinks = []string{c.ID}
		mc, err := freight.Build(g, demand, o)
		if err != nil {
			t.Fatal(err)
		}
		cold, err := mc.Solve(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if d := cold.TotalCost - r.TotalCost - c.ExtraCost; math.Abs(d) > 1e-6*r.TotalCost {
			t.Errorf("closing %s: extra cost %v, %v solved from scratch", c.ID, c.ExtraCost, cold.TotalCost-r.TotalCost)
		}
	}
	if checked == 0 {
		t.Error("no closure kept every pair served")
	}
}

func TestBuildErrors(t *testing.T) {
	g := builtin(t)
	if _, err := freight.Build(g, []freight.Demand{{From: "kz-almaty", To: "xx", TonnesPerYear: 1}}, freight.Options{USDPerTonneHour: 1}); caravan.KindOf(err) != caravan.NotFound {
		t.Errorf("unknown place: %v", err)
	}
	if _, err := freight.Build(g, nil, freight.Options{}); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("no value of time: %v", err)
	}
	if _, err := freight.Build(g, []freight.Demand{{From: "kz-almaty", To: "uz-tashkent", TonnesPerYear: math.NaN()}}, freight.Options{USDPerTonneHour: 1}); caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("NaN demand: %v", err)
	}
}

func FuzzReadDemandCSV(f *testing.F) {
	f.Add([]byte("from,to,tonnes_per_year\nuz-tashkent,pk-karachi,1e6\n"))
	f.Add([]byte("tonnes_per_year,to,from\n5,a,b\n\"x\",\"y\"\n"))
	f.Add([]byte("\ufefffrom,to,tonnes_per_year\r\na,b,1e308\r\nb,a,0x1p3\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		ds, err := freight.ReadDemandCSV(strings.NewReader(string(in)), "fuzz.csv", nil)
		if err != nil {
			if k := caravan.KindOf(err); k != caravan.Invalid {
				t.Fatalf("error kind %v: %v", k, err)
			}
			if !strings.Contains(err.Error(), "fuzz.csv:") {
				t.Fatalf("error without file:line: %v", err)
			}
			return
		}
		for _, d := range ds {
			if d.From == "" || d.To == "" || d.From == d.To || !(d.TonnesPerYear > 0) || math.IsInf(d.TonnesPerYear, 0) {
				t.Fatalf("bad demand %+v", d)
			}
		}
	})
}
