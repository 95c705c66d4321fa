package kbtest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// OpenDSN opens the store at dsn (a file path or a connection string),
// in the test process or in the child that RunCrash kills.
type OpenDSN func(ctx context.Context, dsn string) (kb.Store, error)

const (
	crashEnv   = "CARAVAN_KBTEST_CRASH_DSN"
	smallBatch = 50     // figures in each of the batches before the big one
	committed  = 5      // small batches committed before the big one starts
	bigBatch   = 40_000 // figures in the bulk load that gets killed
)

// CrashChild runs the child side of RunCrash when the test binary was
// started by it, and returns otherwise. Call it first in TestMain. The
// child commits small batches one transaction each, printing
// "committed N" after each, then starts one big bulk load, printing
// "begin N", and waits to be killed.
func CrashChild(open OpenDSN) {
	dsn := os.Getenv(crashEnv)
	if dsn == "" {
		return
	}
	ctx := context.Background()
	s, err := open(ctx, dsn)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	if _, err := s.Apply(ctx, &kb.Bundle{Sources: []network.Source{{ID: "CRASH", Title: "crash test"}}}); err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	for n := 1; ; n++ {
		size := smallBatch
		if n > committed {
			size = bigBatch
			fmt.Printf("begin %d\n", n)
		}
		if _, err := s.Apply(ctx, batch(n, size)); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Printf("committed %d\n", n)
	}
}

// batch returns batch n: size figures whose ids start with "bN-".
func batch(n, size int) *kb.Bundle {
	b := &kb.Bundle{Figures: make([]trade.Figure, size)}
	for i := range b.Figures {
		b.Figures[i] = trade.Figure{
			ID: fmt.Sprintf("b%d-%06d", n, i), A: "AF", B: "KZ", Scope: trade.Bilateral, Kind: trade.Actual,
			Period: trade.Period{Start: network.MakeDate(2000+i%20, 1, 1), End: network.MakeDate(2000+i%20, 12, 31)},
			USD:    network.Exact(float64(n*1_000_000 + i)), Sources: network.Citations{All: []string{"CRASH"}},
		}
	}
	return b
}

// RunCrash starts this test binary as a child (its TestMain must call
// CrashChild) that bulk-loads the store at dsn, kills it with SIGKILL while
// it is inside the big load's transaction, then opens the store and
// checks that it passes Check and holds every batch the child reported
// committed, each batch whole or absent.
func RunCrash(t *testing.T, dsn string, open OpenDSN) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dsn)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	reported := 0
	timeout := time.After(2 * time.Minute)
wait:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("the child exited before the bulk load began")
			}
			if strings.HasPrefix(l, "error") {
				t.Fatalf("child: %s", l)
			}
			if n, ok := strings.CutPrefix(l, "committed "); ok {
				reported, _ = strconv.Atoi(n)
			}
			if strings.HasPrefix(l, "begin ") {
				break wait
			}
		case <-timeout:
			cmd.Process.Kill()
			t.Fatal("timed out waiting for the child to begin the bulk load")
		}
	}
	// Let the big transaction get going, then kill the child.
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for l := range lines {
		if n, ok := strings.CutPrefix(l, "committed "); ok {
			reported, _ = strconv.Atoi(n)
		}
	}
	state, _ := cmd.Process.Wait()
	if state != nil && state.Exited() {
		t.Fatalf("the child exited by itself (%v) instead of being killed", state)
	}
	t.Logf("child killed (%v) after reporting %d committed batches", state, reported)

	ctx := context.Background()
	s, err := open(ctx, dsn)
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatalf("Check after the kill: %v", err)
	}
	figs, err := s.Figures(ctx, kb.FigureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	perBatch := map[int]int{}
	for _, f := range figs {
		n, _ := strconv.Atoi(strings.TrimPrefix(strings.SplitN(f.ID, "-", 2)[0], "b"))
		perBatch[n]++
	}
	for n := 1; n <= max(reported, committed+1); n++ {
		want := smallBatch
		if n > committed {
			want = bigBatch
		}
		got := perBatch[n]
		switch {
		case n <= reported && got != want:
			t.Errorf("batch %d was reported committed but holds %d of %d figures", n, got, want)
		case got != 0 && got != want:
			t.Errorf("batch %d is half-written: %d of %d figures", n, got, want)
		}
	}
	if reported > committed {
		t.Errorf("the bulk load of %d figures committed within 300 ms, before the kill: the test did not interrupt it (make bigBatch larger)", bigBatch)
	} else if perBatch[committed+1] != 0 {
		t.Errorf("the interrupted bulk load left %d figures", perBatch[committed+1])
	}
}
