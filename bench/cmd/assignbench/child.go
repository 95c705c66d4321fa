package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/caravan-transport/caravan/assign"
	"github.com/caravan-transport/caravan/tntp"
)

// childMain is the assign-only process: "-child DIR GAP FLOWS" reads a TNTP
// instance, runs Algorithm B to the gap, writes the link flows as CSV and
// prints the iterations and gap as JSON. It links only tntp and assign, so
// its time and memory are the algorithm's, without the caravan CLI's other
// packages (whose binary alone keeps about 14 MB resident).
func childMain(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) != 3 {
		return fmt.Errorf("-child wants DIR GAP FLOWS")
	}
	gap, err := strconv.ParseFloat(args[1], 64)
	if err != nil {
		return err
	}
	files, err := tntp.FindFiles(args[0])
	if err != nil {
		return err
	}
	nw := find(filepath.Base(args[0]))
	tf, df := 0.0, 0.0
	if nw != nil {
		tf, df = nw.toll, nw.dist
	}
	tn, err := tntp.ReadNetFile(ctx, files.Net)
	if err != nil {
		return err
	}
	tr, err := tntp.ReadTripsFile(ctx, files.Trips)
	if err != nil {
		return err
	}
	net, dem, err := assign.FromTNTP(tn, tr, tf, df)
	if err != nil {
		return err
	}
	tn.Metadata, tr = nil, nil
	r, err := assign.Solve(ctx, net, dem, assign.Options{Algorithm: assign.B, Gap: gap})
	if err != nil {
		return err
	}
	f, err := os.Create(args[2])
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "from,to,volume,cost")
	for i, l := range tn.Links {
		fmt.Fprintf(w, "%d,%d,%g,%g\n", l.From, l.To, r.Flow[i], r.Cost[i])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "{\n  \"iterations\": %d,\n  \"relative_gap\": %g\n}\n", r.Iterations, r.Gap)
	return nil
}
