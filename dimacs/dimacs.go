// Package dimacs reads shortest-path instances in the format of the 9th
// DIMACS Implementation Challenge (.gr graph files and .co coordinate files).
//
// A .gr file is line oriented:
//
//	c <text>            a comment, ignored
//	p sp <n> <m>        the problem line: n nodes (ids 1..n), m arcs; exactly once,
//	                    before any arc
//	a <u> <v> <w>       a directed arc u → v with integer weight w ≥ 0
//
// Blank lines are ignored. Exactly m arc lines must follow the problem line.
// A .co file has the same comment and problem lines (p aux sp co <n>) and
// one "v <id> <x> <y>" line per node with integer coordinates.
//
// Node ids in the file run from 1; the types here number nodes from 0, so
// file node k is node k-1.
package dimacs

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/csr"
)

// Graph is a DIMACS shortest-path graph: NumNodes nodes numbered 0..NumNodes-1
// and one directed arc Tails[i] → Heads[i] with weight Weights[i] per arc
// line, in file order. Parallel arcs and self-loops are kept as they appear.
type Graph struct {
	NumNodes int
	Tails    []int32
	Heads    []int32
	Weights  []int64
}

// MaxWeight is the largest arc weight Read accepts: 2^53, so that every
// weight and every path length up to 2^53 is exact in a float64.
const MaxWeight = 1 << 53

// ctxCheckEvery is how many lines a reader parses between checks of its context.
const ctxCheckEvery = 1 << 16

// ReadFile reads the .gr file at path; see Read.
func ReadFile(ctx context.Context, path string) (*Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError("dimacs.ReadFile", err)
	}
	defer f.Close()
	return Read(ctx, f, path)
}

// Read parses a .gr graph from r. name labels error messages
// ("name:line: ..."). Errors have kind caravan.Invalid and say which line and
// field is wrong; a cancelled ctx returns ctx.Err(). O(size of input).
func Read(ctx context.Context, r io.Reader, name string) (*Graph, error) {
	const op = "dimacs.Read"
	sc := newScanner(r)
	var g *Graph
	declared := 0
	for sc.Scan() {
		ln := sc.line
		if ln%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		f := bytes.Fields(sc.Bytes())
		if len(f) == 0 || string(f[0]) == "c" {
			continue
		}
		switch string(f[0]) {
		case "p":
			if g != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: second problem line", name, ln)
			}
			if len(f) != 4 || string(f[1]) != "sp" {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: problem line %q: want \"p sp <nodes> <arcs>\"", name, ln, sc.Text())
			}
			n, err := parseCount(f[2], math.MaxInt32-1)
			if err != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field nodes: %w", name, ln, err)
			}
			m, err := parseCount(f[3], math.MaxInt32)
			if err != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field arcs: %w", name, ln, err)
			}
			declared = m
			c := min(m, 1<<24) // do not trust a huge header with memory up front
			g = &Graph{NumNodes: n, Tails: make([]int32, 0, c), Heads: make([]int32, 0, c), Weights: make([]int64, 0, c)}
		case "a":
			if g == nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: arc before the problem line", name, ln)
			}
			if len(f) != 4 {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: arc line %q: want \"a <tail> <head> <weight>\"", name, ln, sc.Text())
			}
			if len(g.Tails) == declared {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: more arcs than the %d the problem line declares", name, ln, declared)
			}
			u, err := parseNode(f[1], g.NumNodes)
			if err != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field tail: %w", name, ln, err)
			}
			v, err := parseNode(f[2], g.NumNodes)
			if err != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field head: %w", name, ln, err)
			}
			w, err := strconv.ParseInt(string(f[3]), 10, 64)
			if err != nil || w < 0 || w > MaxWeight {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field weight: %q is not an integer in 0..2^53", name, ln, f[3])
			}
			g.Tails = append(g.Tails, u)
			g.Heads = append(g.Heads, v)
			g.Weights = append(g.Weights, w)
		default:
			return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: unknown line type %q (want c, p or a)", name, ln, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: %w", name, sc.line, err)
	}
	if g == nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%s: no problem line (p sp <nodes> <arcs>)", name)
	}
	if len(g.Tails) != declared {
		return nil, caravan.Errorf(caravan.Invalid, op, "%s: %d arcs, but the problem line declares %d", name, len(g.Tails), declared)
	}
	return g, nil
}

// CSR returns g as a csr.Graph and the arc weights as float64 in CSR order,
// and perm, where perm[i] is the CSR number of the i-th arc line.
func (g *Graph) CSR() (*csr.Graph, []float64, []int32, error) {
	cg, perm, err := csr.Build(g.NumNodes, g.Tails, g.Heads)
	if err != nil {
		return nil, nil, nil, caravan.Errorf(caravan.Invalid, "dimacs.CSR", "%w", err)
	}
	w := make([]float64, len(g.Weights))
	for i, x := range g.Weights {
		w[perm[i]] = float64(x)
	}
	return cg, w, perm, nil
}

// Coordinates holds the node positions of a .co file: node k-1 of the
// graph is at (X[k-1], Y[k-1]). DIMACS road files give longitude and latitude
// in millionths of a degree.
type Coordinates struct {
	X, Y []int64
}

// ReadCoordinates parses a .co file from r. Every node 1..n of the problem
// line "p aux sp co <n>" must appear exactly once. Memory is proportional to
// the input, whatever n the problem line declares.
func ReadCoordinates(ctx context.Context, r io.Reader, name string) (*Coordinates, error) {
	const op = "dimacs.ReadCoordinates"
	sc := newScanner(r)
	n := -1
	var ids []int32
	var xs, ys []int64
	var lines []int
	for sc.Scan() {
		ln := sc.line
		if ln%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		f := bytes.Fields(sc.Bytes())
		if len(f) == 0 || string(f[0]) == "c" {
			continue
		}
		switch string(f[0]) {
		case "p":
			if n >= 0 {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: second problem line", name, ln)
			}
			if len(f) != 5 || string(f[1]) != "aux" || string(f[2]) != "sp" || string(f[3]) != "co" {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: problem line %q: want \"p aux sp co <nodes>\"", name, ln, sc.Text())
			}
			var err error
			if n, err = parseCount(f[4], math.MaxInt32-1); err != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field nodes: %w", name, ln, err)
			}
		case "v":
			if n < 0 {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: node before the problem line", name, ln)
			}
			if len(f) != 4 {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: node line %q: want \"v <id> <x> <y>\"", name, ln, sc.Text())
			}
			v, err := parseNode(f[1], n)
			if err != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field id: %w", name, ln, err)
			}
			x, err := strconv.ParseInt(string(f[2]), 10, 64)
			if err != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field x: %q is not an integer", name, ln, f[2])
			}
			y, err := strconv.ParseInt(string(f[3]), 10, 64)
			if err != nil {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field y: %q is not an integer", name, ln, f[3])
			}
			if len(ids) == n {
				return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: more node lines than the %d the problem line declares", name, ln, n)
			}
			ids, xs, ys, lines = append(ids, v), append(xs, x), append(ys, y), append(lines, ln)
		default:
			return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: unknown line type %q (want c, p or v)", name, ln, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: %w", name, sc.line, err)
	}
	if n < 0 {
		return nil, caravan.Errorf(caravan.Invalid, op, "%s: no problem line (p aux sp co <nodes>)", name)
	}
	if len(ids) != n {
		return nil, caravan.Errorf(caravan.Invalid, op, "%s: %d node lines, but the problem line declares %d", name, len(ids), n)
	}
	// len(ids) == n, so these allocations are bounded by the input size.
	c := &Coordinates{X: make([]int64, n), Y: make([]int64, n)}
	set := make([]bool, n)
	for i, v := range ids {
		if set[v] {
			return nil, caravan.Errorf(caravan.Invalid, op, "%s:%d: field id: node %d listed twice", name, lines[i], v+1)
		}
		c.X[v], c.Y[v], set[v] = xs[i], ys[i], true
	}
	return c, nil
}

// openError classifies a failure to open an input file.
func openError(op string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return caravan.Errorf(caravan.NotFound, op, "%w", err)
	}
	return caravan.Errorf(caravan.Unavailable, op, "%w", err)
}

// parseCount parses a non-negative decimal integer no larger than limit.
func parseCount(b []byte, limit int) (int, error) {
	x, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil || x < 0 || x > int64(limit) {
		return 0, fmt.Errorf("%q is not an integer in 0..%d", b, limit)
	}
	return int(x), nil
}

// parseNode parses a 1-based node id in 1..n and returns it 0-based.
func parseNode(b []byte, n int) (int32, error) {
	x, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil || x < 1 || x > int64(n) {
		return 0, fmt.Errorf("node %q is not in 1..%d", b, n)
	}
	return int32(x - 1), nil
}

// scanner is a bufio.Scanner that counts lines and accepts long ones.
type scanner struct {
	*bufio.Scanner
	line int
}

func newScanner(r io.Reader) *scanner {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 64*1024), 1<<20)
	return &scanner{Scanner: s}
}

func (s *scanner) Scan() bool {
	s.line++ // after the last line, an error is reported on the line that could not be read
	return s.Scanner.Scan()
}
