package assign_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/caravan-transport/caravan/assign"
)

func TestProfB(t *testing.T) {
	name := os.Getenv("NET")
	if name == "" {
		name = "ChicagoSketch"
	}
	wk, _ := strconv.Atoi(os.Getenv("WK"))
	gap := 1e-8
	if g := os.Getenv("GAP"); g != "" {
		gap, _ = strconv.ParseFloat(g, 64)
	}
	l := load(t, name)
	t0 := time.Now()
	r, err := assign.Solve(context.Background(), l.net, l.dem, assign.Options{Algorithm: assign.B, Gap: gap, MaxIterations: 60, Workers: wk,
		Progress: func(p assign.Progress) { t.Logf("  it %d gap %.3g %v", p.Iteration, p.Gap, time.Since(t0)) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("B: %d iters gap %.3g rel %.2g  %v", r.Iterations, r.Gap, relDiff(r.Objective, l.bestObj), time.Since(t0))
}
