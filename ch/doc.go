// Package ch speeds up point-to-point shortest-path queries on large
// csr.Graphs with contraction hierarchies.
//
// Build contracts the nodes one at a time, least important first. Removing
// a node v, it adds a shortcut u → x for each pair of neighbours whose
// shortest path runs through v, unless a bounded local search (the witness
// search) finds another path u ⇝ x that is no longer. Importance is
// estimated from the shortcuts a contraction would add per arc it removes
// (also counted in original arcs) and from the depth of the hierarchy so
// far; an estimate is refreshed when its node reaches the top of the queue
// and its arcs have changed since (lazy updates).
//
// A Query then searches from s and from t towards higher-ranked nodes only,
// which touches a few hundred nodes on road networks instead of a large part
// of the graph, and prunes nodes that a higher node reaches more cheaply
// (stall-on-demand). Path unpacks shortcuts into the original arcs.
//
// Scenarios that change weights do not need a new ordering:
// Hierarchy.Customize re-contracts in the existing order with fresh witness
// searches, which costs a fraction of Build and gives exact distances for
// any new weights (see BENCHMARKS.md for timings).
//
// Weights are float64, ≥ 0, one per arc in CSR order; +Inf blocks an arc.
// Distances match csr.Searcher's up to floating-point rounding: the two add
// the same arc weights in a different order, so compare them with a
// relative tolerance (1e-9 is ample), or use integral weights, for which
// they are equal.
package ch
