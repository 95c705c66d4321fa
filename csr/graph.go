package csr

import (
	"fmt"
)

// Graph is a directed graph with N nodes numbered 0..N-1 and M arcs numbered
// 0..M-1. The arcs leaving node v are Offsets[v] .. Offsets[v+1]-1, and arc a
// goes to node Heads[a]. A Graph is immutable once built and safe for
// concurrent readers.
type Graph struct {
	Offsets []int32 // len N+1, non-decreasing, Offsets[0] == 0, Offsets[N] == M
	Heads   []int32 // len M
	Tails   []int32 // len M; Tails[a] is the node arc a leaves
}

// NumNodes returns N.
func (g *Graph) NumNodes() int { return len(g.Offsets) - 1 }

// NumArcs returns M.
func (g *Graph) NumArcs() int { return len(g.Heads) }

// Build returns the graph with n nodes and the arcs tails[i] → heads[i], and
// perm, where perm[i] is the CSR number of input arc i. Arcs keep their input
// order among those leaving the same node. It returns an error if the slices
// differ in length or a node is outside 0..n-1. O(n + m).
func Build(n int, tails, heads []int32) (*Graph, []int32, error) {
	if len(tails) != len(heads) {
		return nil, nil, fmt.Errorf("csr.Build: %d tails but %d heads", len(tails), len(heads))
	}
	if n < 0 || n > 1<<31-2 || len(tails) > 1<<31-1 {
		return nil, nil, fmt.Errorf("csr.Build: %d nodes, %d arcs: too large", n, len(tails))
	}
	off := make([]int32, n+1)
	for i, t := range tails {
		h := heads[i]
		if t < 0 || int(t) >= n || h < 0 || int(h) >= n {
			return nil, nil, fmt.Errorf("csr.Build: arc %d (%d→%d) outside nodes 0..%d", i, t, h, n-1)
		}
		off[t+1]++
	}
	for v := 1; v <= n; v++ {
		off[v] += off[v-1]
	}
	next := make([]int32, n)
	copy(next, off[:n])
	g := &Graph{Offsets: off, Heads: make([]int32, len(heads)), Tails: make([]int32, len(tails))}
	perm := make([]int32, len(tails))
	for i, t := range tails {
		a := next[t]
		next[t]++
		g.Heads[a] = heads[i]
		g.Tails[a] = t
		perm[i] = a
	}
	return g, perm, nil
}

// Reverse returns the graph with every arc turned around and, for each arc of
// the result, the number of the arc of g it came from.
func (g *Graph) Reverse() (*Graph, []int32) {
	r, perm, _ := Build(g.NumNodes(), g.Heads, g.Tails) // cannot fail: g is valid
	orig := make([]int32, len(perm))
	for a, ra := range perm {
		orig[ra] = int32(a)
	}
	return r, orig
}

// Permute returns a copy of values laid out in CSR order: out[perm[i]] =
// values[i]. Use it with the perm returned by Build.
func Permute[T any](values []T, perm []int32) []T {
	out := make([]T, len(values))
	for i, a := range perm {
		out[a] = values[i]
	}
	return out
}
