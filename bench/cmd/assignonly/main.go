// Command assignonly is the smallest program that uses caravan's assignment
// package on a TNTP instance: it reads the network and the trips, runs
// Algorithm B to a relative gap, writes every link's flow and cost as CSV and
// prints the iterations and the gap reached as JSON. It links only the tntp
// and assign packages, so assignbench times it as what a program using the
// package pays, beside the caravan CLI (which links every package of the
// project).
//
// Usage:
//
//	assignonly DIR GAP FLOWS.csv [TOLL_FACTOR DISTANCE_FACTOR]
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"

	"github.com/caravan-transport/caravan/assign"
	"github.com/caravan-transport/caravan/tntp"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "assignonly:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) != 3 && len(args) != 5 {
		return fmt.Errorf("usage: assignonly DIR GAP FLOWS.csv [TOLL_FACTOR DISTANCE_FACTOR]")
	}
	var num [3]float64
	for i, a := range append([]string{args[1]}, args[3:]...) {
		x, err := strconv.ParseFloat(a, 64)
		if err != nil {
			return fmt.Errorf("argument %q is not a number", a)
		}
		num[i] = x
	}
	gap, toll, dist := num[0], num[1], num[2]
	files, err := tntp.FindFiles(args[0])
	if err != nil {
		return err
	}
	tn, err := tntp.ReadNetFile(ctx, files.Net)
	if err != nil {
		return err
	}
	net, _, err := assign.FromTNTP(tn, nil, toll, dist)
	if err != nil {
		return err
	}
	dem, err := assign.ReadTNTPTrips(ctx, files.Trips, net.Zones())
	if err != nil {
		return err
	}
	tn.Metadata = nil
	// The readers' garbage (the trips file's entries, in blocks) goes
	// before the bushes are built, so that they reuse its pages.
	runtime.GC()
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
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "{\n  \"iterations\": %d,\n  \"relative_gap\": %g\n}\n", r.Iterations, r.Gap)
	return nil
}
