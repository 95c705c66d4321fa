// Package csr holds directed graphs as compact arrays (compressed sparse row:
// one offsets array and one heads array) and the single-source searches that
// run over them.
//
// A Graph has no weights of its own: a search takes one float64 per arc, so
// the same Graph serves every metric (hours, USD, kg CO2, generalised cost)
// and a scenario re-weights it by writing a new weight slice, without a
// rebuild. Arcs are numbered in CSR order; Build returns the permutation from
// input order to CSR order so callers can lay their per-arc data out to match.
//
// A Searcher owns the scratch arrays of one search (distances, predecessors, a
// radix heap) and reuses them across queries: after the first query on a
// graph, a point-to-point search allocates nothing. A Searcher is not safe for
// concurrent use; give each goroutine its own (or keep them in a sync.Pool).
package csr
