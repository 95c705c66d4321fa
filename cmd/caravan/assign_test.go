package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const braessNet = `<NUMBER OF ZONES> 2
<NUMBER OF NODES> 4
<FIRST THRU NODE> 1
<NUMBER OF LINKS> 5
<END OF METADATA>
~ init term capacity length fft b power speed toll type ;
	1	3	1	100	0.00000001	1000000000	1	0	0	1	;
	1	4	1	100	50	0.02	1	0	0	1	;
	3	2	1	100	50	0.02	1	0	0	1	;
	3	4	1	100	10	0.1	1	0	0	1	;
	4	2	1	100	0.00000001	1000000000	1	0	0	1;
`

const braessTrips = `<NUMBER OF ZONES> 2
<TOTAL OD FLOW> 6.0
<END OF METADATA>
Origin 	1
    1 :      0.0;     2 :     6.0;
`

// braessFlow is the equilibrium derived by hand, with link 1→4 off by 0.5.
const braessFlow = "From\tTo\tVolume\tCost\n1 3 4 40\n1 4 2.5 52.5\n3 2 2 52\n3 4 2 12\n4 2 4 40\n"

// braessDir writes the Braess instance to a temporary directory named Braess.
func braessDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Braess")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestAssignTNTP(t *testing.T) {
	dir := braessDir(t, map[string]string{"Braess_net.tntp": braessNet, "Braess_trips.tntp": braessTrips, "Braess_flow.tntp": braessFlow})
	csv := filepath.Join(t.TempDir(), "flows.csv")
	for _, algo := range []string{"fw", "cfw", "bfw", "b"} {
		out, errs, code := cli(t, "assign", "tntp", dir, "--algo", algo, "--gap", "1e-9", "--max-iter", "100000", "--flows", csv)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s%s", algo, code, out, errs)
		}
		for _, want := range []string{"Braess: 4 nodes, 5 links, 2 zones, demand 6", "algorithm        " + algo + ",", "converged",
			"objective        ", "largest link-flow difference 0.5 on 1→4 (2, best known 2.5)", "flows            " + csv} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: output lacks %q:\n%s", algo, want, out)
			}
		}
		if !strings.Contains(errs, "iteration 1: gap") {
			t.Errorf("%s: no progress on stderr: %q", algo, errs)
		}
	}
	raw, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(string(raw)), "\n"); len(lines) != 6 || lines[0] != "from,to,volume,cost" || !strings.HasPrefix(lines[2], "1,4,2") {
		t.Errorf("flows file:\n%s", raw)
	}
	out, errs, code := cli(t, "assign", "tntp", dir, "--json", "--quiet", "--gap", "1e-10")
	if code != exitOK || errs != "" {
		t.Fatalf("--json: exit %d, stderr %q", code, errs)
	}
	var rep tntpReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.Algorithm != "b" || !rep.Converged || rep.Gap > 1e-10 || rep.BestKnown == nil || rep.BestKnown.MaxFlowDiff < 0.49 || rep.GapDefinition != "(TSTT-SPTT)/TSTT" {
		t.Errorf("report %+v", rep)
	}
}

func TestAssignTNTPErrors(t *testing.T) {
	good := map[string]string{"Braess_net.tntp": braessNet, "Braess_trips.tntp": braessTrips}
	badNet := strings.Replace(braessNet, "	3	4	1	100	10", "	3	4	-1	100	10", 1)
	for _, tt := range []struct {
		name  string
		files map[string]string
		args  []string
		code  int
		want  string
	}{
		{"NoDir", nil, nil, exitUsage, "want one directory"},
		{"BadAlgo", good, []string{"--algo", "msa"}, exitUsage, `--algo: "msa"`},
		{"BadGap", good, []string{"--gap", "0"}, exitUsage, "--gap and --max-iter must be positive"},
		{"NegativeFactor", good, []string{"--toll-factor", "-1"}, exitUsage, "must not be negative"},
		{"NoTrips", map[string]string{"Braess_net.tntp": braessNet}, nil, exitError, "no file ending in _trips.tntp"},
		{"NegativeCapacity", map[string]string{"Braess_net.tntp": badNet, "Braess_trips.tntp": braessTrips}, nil, exitError, "Braess_net.tntp:10: field capacity: -1 is negative"},
		{"NaNTrips", map[string]string{"Braess_net.tntp": braessNet, "Braess_trips.tntp": strings.Replace(braessTrips, "6.0;", "NaN;", 1)}, nil, exitError, "Braess_trips.tntp:5: field flow"},
		{"FlowMismatch", map[string]string{"Braess_net.tntp": braessNet, "Braess_trips.tntp": braessTrips, "Braess_flow.tntp": "From To Volume Cost\n1 3 4 40\n"}, nil, exitError, "1 links, the network has 5"},
		{"Disconnected", map[string]string{"Braess_net.tntp": braessNet, "Braess_trips.tntp": strings.Replace(braessTrips, "Origin \t1\n    1 :      0.0;     2 :     6.0;", "Origin 2\n1 : 6.0;", 1)}, nil, exitError, "Braess_trips.tntp: demand from zone 2 to zone 1 (6) but no path"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"assign", "tntp"}
			if tt.files != nil {
				args = append(args, braessDir(t, tt.files))
			}
			out, errs, code := cli(t, append(args, tt.args...)...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Errorf("exit %d, want %d with %q\nstdout: %s\nstderr: %s", code, tt.code, tt.want, out, errs)
			}
		})
	}
}
