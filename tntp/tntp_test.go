package tntp_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
	"github.com/caravan-transport/caravan/tntp"
)

// braessNet is the shared Braess network with the quirks of other files
// mixed in: tabs and spaces, trailing tabs after metadata, a glued ";", a
// comment line and blank lines.
const braessNet = "<NUMBER OF ZONES> 2\t\t\n" +
	"<NUMBER OF NODES>\t\t4\n" +
	"<FIRST THRU NODE> 1\n" +
	"<NUMBER OF LINKS> 5\n" +
	"<ORIGINAL HEADER>~ \tInit node \tTerm node \t;\n" +
	"<END OF METADATA>\t\n\n\n" +
	"~\tinit_node\tterm_node\tcapacity\tlength\tfree_flow_time\tb\tpower\tspeed\ttoll\tlink_type\t;\n" +
	"\t1\t3\t1\t100\t0.00000001\t1000000000\t1\t0\t0\t1\t;\n" +
	" \t1     \t4 \t1\t100\t50\t0.02\t1\t0\t0\t1 ; \n" +
	"\t3\t2\t1\t100\t50\t0.02\t1\t0\t0\t1\t;\n" +
	"\t3\t4\t1\t100\t10\t0.1\t1\t0\t2.5\t1\t;\n" +
	"\t4\t2\t1\t100\t0.00000001\t1000000000\t1\t0\t0\t1;\n"

func TestReadNet(t *testing.T) {
	n, err := tntp.ReadNet(context.Background(), strings.NewReader(braessNet), "braess_net.tntp")
	if err != nil {
		t.Fatal(err)
	}
	if n.Zones != 2 || n.Nodes != 4 || n.FirstThruNode != 1 || len(n.Links) != 5 {
		t.Fatalf("ReadNet: zones %d nodes %d first thru %d links %d, want 2 4 1 5", n.Zones, n.Nodes, n.FirstThruNode, len(n.Links))
	}
	want := tntp.Link{From: 3, To: 4, Capacity: 1, Length: 100, FreeFlowTime: 10, B: 0.1, Power: 1, Speed: 0, Toll: 2.5, Type: 1, Line: 13}
	if got := n.Links[3]; got != want {
		t.Errorf("link 3 = %+v, want %+v", got, want)
	}
	if got := n.Links[4]; got.From != 4 || got.To != 2 || got.Type != 1 || got.B != 1e9 {
		t.Errorf("link 4 (glued ';') = %+v", got)
	}
	if v, ok := tntp.Lookup(n.Metadata, "ORIGINAL HEADER"); !ok || !strings.HasPrefix(v, "~ \tInit node") {
		t.Errorf("metadata ORIGINAL HEADER = %q, %v", v, ok)
	}
	g, perm, err := n.Graph()
	if err != nil {
		t.Fatal(err)
	}
	w := csr.Permute(n.FreeFlowTimes(), perm)
	// Free-flow shortest path 1→2 is 1→3→4→2: 1e-8 + 10 + 1e-8.
	eps, ten := 1e-8, 10.0
	if got, want := csr.NewSearcher(g).Search(w, nil, 0, 1), eps+ten+eps; got != want {
		t.Errorf("free-flow d(1,2) = %v, want %v", got, want)
	}
}

func TestReadNetErrors(t *testing.T) {
	head := "<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n"
	for _, tt := range []struct{ name, in, want string }{
		{"no metadata", "1 2 1 1 1 0 0 0 0 1 ;\n", "x:1: \"1 2 1 1 1 0 0 0 0 1 ;\" inside the metadata block"},
		{"no end", "<NUMBER OF ZONES> 1\n", "x: no <END OF METADATA> line"},
		{"unclosed tag", "<NUMBER OF ZONES 1\n", "x:1: metadata tag \"<NUMBER OF ZONES 1\" has no closing '>'"},
		{"missing links tag", "<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n<END OF METADATA>\n", "x: metadata: no <NUMBER OF LINKS>"},
		{"bad zones", strings.Replace(head, "ZONES> 1", "ZONES> one", 1), "metadata <NUMBER OF ZONES>: \"one\" is not an integer"},
		{"dup tag", "<NUMBER OF ZONES> 1\n<NUMBER OF ZONES> 1\n", "x:2: metadata tag <NUMBER OF ZONES> given twice"},
		{"zones > nodes", strings.Replace(head, "ZONES> 1", "ZONES> 3", 1), "3 zones but only 2 nodes"},
		{"short line", head + "1 2 1 1 1 0 0 0 0 ;\n", "x:6: 9 values, want 10"},
		{"node 0", head + "0 2 1 1 1 0 0 0 0 1 ;\n", "x:6: field init_node: \"0\" is not an integer in 1..2"},
		{"node 3", head + "1 3 1 1 1 0 0 0 0 1 ;\n", "x:6: field term_node: \"3\" is not an integer in 1..2"},
		{"bad capacity", head + "1 2 x 1 1 0 0 0 0 1 ;\n", "x:6: field capacity: \"x\" is not a finite number"},
		{"negative fft", head + "1 2 1 1 -1 0 0 0 0 1 ;\n", "x:6: field free_flow_time: -1 is negative"},
		{"nan b", head + "1 2 1 1 1 NaN 0 0 0 1 ;\n", "x:6: field b: \"NaN\" is not a finite number"},
		{"inf toll", head + "1 2 1 1 1 0 0 0 +Inf 1 ;\n", "x:6: field toll"},
		{"float type", head + "1 2 1 1 1 0 0 0 0 1.5 ;\n", "x:6: field link_type: \"1.5\" is not an integer"},
		{"zero capacity", head + "1 2 0 1 1 0.15 4 0 0 1 ;\n", "x:6: field capacity: 0 with b = 0.15"},
		{"too many", head + "1 2 1 1 1 0 0 0 0 1 ;\n2 1 1 1 1 0 0 0 0 1 ;\n", "x:7: more links than the 1"},
		{"too few", head, "x: 0 links, but <NUMBER OF LINKS> says 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tntp.ReadNet(context.Background(), strings.NewReader(tt.in), "x")
			checkErr(t, err, tt.want)
		})
	}
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want it to contain %q", err, want)
	}
	if !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("error kind %v, want invalid", caravan.KindOf(err))
	}
}

func TestReadTrips(t *testing.T) {
	in := "<NUMBER OF ZONES> 3\n<TOTAL OD FLOW>   6.5\n<END OF METADATA>\n\n~ a comment\n" +
		"Origin \t1 \n    1 :      0.0;     2 :     6.0;\n\n" +
		"Origin 3\n2 \t: \t0.5; \t\n" +
		"Origin 2\n"
	tr, err := tntp.ReadTrips(context.Background(), strings.NewReader(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	want := []tntp.OD{{1, 1, 0}, {1, 2, 6}, {3, 2, 0.5}}
	if !reflect.DeepEqual(tr.Demand, want) || tr.Zones != 3 || !tr.HasTotalFlow || tr.TotalFlow != 6.5 || tr.Sum() != 6.5 {
		t.Errorf("ReadTrips = %+v, want zones 3, total 6.5, demand %v", tr, want)
	}
	head := "<NUMBER OF ZONES> 2\n<END OF METADATA>\n"
	for _, tt := range []struct{ name, in, want string }{
		{"no zones", "<END OF METADATA>\n", "x: metadata: no <NUMBER OF ZONES>"},
		{"bad total", "<NUMBER OF ZONES> 2\n<TOTAL OD FLOW> lots\n<END OF METADATA>\n", "<TOTAL OD FLOW>: \"lots\" is not a number"},
		{"entry first", head + "1 : 2;\n", "x:3: \"1 : 2;\" before the first \"Origin\" line"},
		{"bad origin", head + "Origin 3\n", "x:3: field origin: \"3\" is not an integer in 1..2"},
		{"origin twice", head + "Origin 1\nOrigin 1\n", "x:4: origin 1: second block (the first is at line 3)"},
		{"no colon", head + "Origin 1\n2 5;\n", "x:4: entry \"2 5\""},
		{"bad dest", head + "Origin 1\n0 : 5;\n", "x:4: field destination"},
		{"negative", head + "Origin 1\n2 : -5;\n", "x:4: field flow: -5 is negative"},
		{"dest twice", head + "Origin 1\n2 : 5; 2 : 1;\n", "x:4: origin 1: destination 2 listed twice"},
		{"origin word", head + "Origin\n", "x:3: origin line \"Origin\""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tntp.ReadTrips(context.Background(), strings.NewReader(tt.in), "x")
			checkErr(t, err, tt.want)
		})
	}
}

// TestScanTrips checks that ScanTrips hands over the entries ReadTrips
// keeps, that begin sees the metadata first, that an error from begin or fn
// is returned with the file and line, and that a line costs no allocation.
func TestScanTrips(t *testing.T) {
	ctx := context.Background()
	in := "<NUMBER OF ZONES> 3\n<END OF METADATA>\nOrigin 1\n1 : 0; 2 : 6;\nOrigin 3\n2 : 0.5;\n"
	var got []tntp.OD
	zones := 0
	tr, err := tntp.ScanTrips(ctx, strings.NewReader(in), "x", func(t *tntp.Trips) error { zones = t.Zones; return nil },
		func(od tntp.OD) error {
			if zones != 3 {
				return errors.New("begin not called first")
			}
			got = append(got, od)
			return nil
		})
	if err != nil || tr.Demand != nil || tr.Zones != 3 {
		t.Fatalf("ScanTrips = %+v, %v", tr, err)
	}
	if want := []tntp.OD{{1, 1, 0}, {1, 2, 6}, {3, 2, 0.5}}; !reflect.DeepEqual(got, want) {
		t.Errorf("entries %v, want %v", got, want)
	}
	_, err = tntp.ScanTrips(ctx, strings.NewReader(in), "x", func(*tntp.Trips) error { return errors.New("too many zones") }, func(tntp.OD) error { return nil })
	checkErr(t, err, "x: too many zones")
	_, err = tntp.ScanTrips(ctx, strings.NewReader(in), "x", nil, func(od tntp.OD) error {
		if od.Origin == 3 {
			return errors.New("refused")
		}
		return nil
	})
	checkErr(t, err, "x:6: refused")

	// Allocations do not grow with the number of lines.
	allocs := func(lines int) float64 {
		var b strings.Builder
		b.WriteString("<NUMBER OF ZONES> 400\n<END OF METADATA>\n")
		for o := 1; o <= lines; o++ {
			fmt.Fprintf(&b, "Origin %d\n", o)
			for d := 1; d <= 20; d += 4 {
				fmt.Fprintf(&b, "%5d : %10.3f; %5d : %8.1f; %5d : 0.0;\n", d, float64(o*d)/7, d+1, 1.5, d+2)
			}
		}
		text := b.String()
		return testing.AllocsPerRun(5, func() {
			if _, err := tntp.ScanTrips(ctx, strings.NewReader(text), "x", nil, func(tntp.OD) error { return nil }); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(10), allocs(400)
	if large > small+40 { // the two maps of seen ids grow with the zones, not the lines
		t.Errorf("ScanTrips: %v allocations for 10 origins, %v for 400", small, large)
	}
}

func TestReadFlow(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		header   []string
		meta     int
	}{
		{"plain", "From \tTo \tVolume \tCost \n1 \t2 \t4494.65 \t6.0008 \n3 4 0 1\n", []string{"From", "To", "Volume", "Cost"}, 0},
		{"chicago regional", "<NUMBER OF ZONES> -1\n<ORIGINAL HEADER>Tail \tHead \t;\n<END OF METADATA>\n\n\nTail \tHead \tVolume \tCost \t;\n\t1 \t2 \t4494.65 \t6.0008 \t;\n\t3 4 0 1;\n", []string{"Tail", "Head", "Volume", "Cost"}, 2},
		{"no header", "1 2 4494.65 6.0008\n3 4 0 1\n", nil, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fl, err := tntp.ReadFlow(context.Background(), strings.NewReader(tt.in), "x")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(fl.Header, tt.header) || len(fl.Metadata) != tt.meta {
				t.Errorf("header %q and %d metadata lines, want %q and %d", fl.Header, len(fl.Metadata), tt.header, tt.meta)
			}
			if len(fl.Links) != 2 || fl.Links[0].From != 1 || fl.Links[0].To != 2 || fl.Links[0].Volume != 4494.65 || fl.Links[0].Cost != 6.0008 || fl.Links[1].To != 4 {
				t.Errorf("links = %+v", fl.Links)
			}
		})
	}
	for _, tt := range []struct{ name, in, want string }{
		{"three values", "From To Volume Cost\n1 2 3\n", "x:2: 3 values, want 4"},
		{"bad id", "From To Volume Cost\n1 -2 3 4\n", "x:2: field to: \"-2\" is not a positive integer"},
		{"bad volume", "1 2 v 4\n", "x:1: field volume"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tntp.ReadFlow(context.Background(), strings.NewReader(tt.in), "x")
			checkErr(t, err, tt.want)
		})
	}
}

func TestReadNodes(t *testing.T) {
	in := "Node \tX \tY \t;\n1     \t23.55 \t \t18.9 \t \t; \n2\t-96.7\t43.6\t;\n"
	got, err := tntp.ReadNodes(context.Background(), strings.NewReader(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	if want := []tntp.Node{{1, 23.55, 18.9}, {2, -96.7, 43.6}}; !reflect.DeepEqual(got, want) {
		t.Errorf("ReadNodes = %v, want %v", got, want)
	}
	_, err = tntp.ReadNodes(context.Background(), strings.NewReader("node X Y\n1 0 0\n1 2 2\n"), "x")
	checkErr(t, err, "x:3: field node: 1 listed twice (first at line 2)")
}

func TestReadFileMissing(t *testing.T) {
	_, err := tntp.ReadNetFile(context.Background(), t.TempDir()+"/none_net.tntp")
	if !errors.Is(err, caravan.ErrNotFound) {
		t.Errorf("ReadNetFile(missing) error = %v, want kind not found", err)
	}
}

func TestReadCancelled(t *testing.T) {
	var b strings.Builder
	b.WriteString("<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 20000\n<END OF METADATA>\n")
	for range 20000 {
		b.WriteString("1 2 1 1 1 0 0 0 0 1 ;\n")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := tntp.ReadNet(ctx, strings.NewReader(b.String()), "x"); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadNet with cancelled context: error = %v, want context.Canceled", err)
	}
}
