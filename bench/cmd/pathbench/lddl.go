package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"strconv"
	"time"

	lddl "github.com/LdDl/ch"
)

// lddlReport is what the child process prints: times in nanoseconds and
// distances with -1 for unreachable (JSON has no infinity).
type lddlReport struct {
	LoadNS  int64     `json:"load_ns"`
	PrepNS  int64     `json:"prep_ns"`
	TimesNS []int64   `json:"times_ns"`
	Dist    []float64 `json:"dist"`
}

// runLdDl measures github.com/LdDl/ch in a child process (this program with
// -child lddl), so that preprocessing that does not finish within timeout can
// be stopped and cannot disturb the other measurements.
func runLdDl(ctx context.Context, cfg config, graph string, timeout time.Duration, stderr io.Writer) result {
	res := result{tool: "LdDl/ch v1.7.5", kind: "ch"}
	exe, err := os.Executable()
	if err != nil {
		res.failed = err.Error()
		return res
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	args := []string{"-child", "lddl", "-graphs", graph, "-shared", cfg.shared,
		"-grid", strconv.Itoa(cfg.grid), "-seed", strconv.FormatUint(cfg.seed, 10),
		"-pairs", strconv.Itoa(cfg.pairs), "-large-pairs", strconv.Itoa(cfg.largePairs),
		"-rounds", strconv.Itoa(cfg.rounds)}
	cmd := exec.CommandContext(cctx, exe, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		if errors.Is(cctx.Err(), context.DeadlineExceeded) {
			res.failed = fmt.Sprintf("did not finish within %v (stopped)", timeout)
		} else {
			res.failed = fmt.Sprintf("child process failed after %v: %v", time.Since(start).Round(time.Second), err)
		}
		return res
	}
	var rep lddlReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		res.failed = "bad report from child: " + err.Error()
		return res
	}
	res.load, res.prep = time.Duration(rep.LoadNS), time.Duration(rep.PrepNS)
	for i, t := range rep.TimesNS {
		res.times = append(res.times, time.Duration(t))
		d := rep.Dist[i]
		if d < 0 {
			d = math.Inf(1)
		}
		res.dist = append(res.dist, d)
	}
	return res
}

// childLdDl is the child side: load the graph exactly as the parent does,
// build LdDl/ch's graph, preprocess, query the same pairs and print the report.
func childLdDl(ctx context.Context, cfg config, stdout io.Writer) error {
	in, err := loadInstance(ctx, cfg.graphs[0], cfg.shared, cfg.grid, cfg.seed)
	if err != nil {
		return err
	}
	arcs := peerArcs(in)
	ps, rounds := cfg.pairsFor(in)
	var rep lddlReport
	start := time.Now()
	g := lddl.Graph{}
	for v := range in.n {
		if err := g.CreateVertex(int64(v)); err != nil {
			return err
		}
	}
	for _, a := range arcs {
		if err := g.AddEdge(int64(a.u), int64(a.v), a.w); err != nil {
			return err
		}
	}
	rep.LoadNS = time.Since(start).Nanoseconds()
	start = time.Now()
	g.PrepareContractionHierarchies()
	rep.PrepNS = time.Since(start).Nanoseconds()
	times, dist := measure(ps, rounds, func(s, t int32) float64 {
		d, _ := g.ShortestPath(int64(s), int64(t))
		return d
	})
	for i := range times {
		rep.TimesNS = append(rep.TimesNS, times[i].Nanoseconds())
		rep.Dist = append(rep.Dist, dist[i]) // -1 when unreachable, as LdDl/ch reports it
	}
	return json.NewEncoder(stdout).Encode(rep)
}
