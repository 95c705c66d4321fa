// Package cch answers point-to-point shortest-path queries on large
// csr.Graphs with a customizable contraction hierarchy (CCH), so that a new
// weight vector (a closure, a scenario, another criterion) is applied by a
// customization instead of a rebuild, and a change to a few arcs by a
// partial customization that recomputes only what they reach.
//
// Work is split in phases, as in Dibbelt, Strasser and Wagner,
// "Customizable Contraction Hierarchies" (2016):
//
//   - Build (metric-independent, once per graph): a nested-dissection order
//     of the nodes, then the chordal supergraph of the undirected graph
//     under that order (the arcs a contraction in that order would add,
//     whatever the weights). Each part is cut where the smallest separator
//     is found among straight cuts along a few directions (coordinates when
//     given, else breadth-first-search distance) and minimum vertex cuts
//     between the two ends (30 % each) of the x and y directions
//     (inertial flow, by maximum flow; of the cuts closest to either end,
//     the more balanced); inside a separator, nodes of higher degree
//     rank higher. Cost: seconds to minutes per million nodes,
//     mostly the flows. The CCH holds the order, its inverse and the
//     supergraph's upper ends: about 4 bytes per supergraph arc.
//   - Customize (once per weight vector): the lower-triangle pass (basic
//     customization) gives every arc of the supergraph the length of a real
//     path, enough for exact up-down queries; the upper-triangle pass
//     (perfect customization) then finds the arcs whose weight is not the
//     true distance between their ends, and those arcs are left out of the
//     query arrays. Cost: proportional to the triangles of the supergraph, no
//     witness searches; about 60 bytes per supergraph arc of scratch. The
//     lower neighbours of each rank are found as the pass goes (see
//     customizer), not stored. Runs of consecutive ranks whose arcs nest
//     (supernodes: the upper separators, which hold most of the triangles)
//     are processed as dense matrices of both directions' weights, with
//     contiguous min-plus loops (AVX2 on amd64) instead of index lookups;
//     the rest goes rank by rank. Subtrees of the elimination tree run on
//     separate goroutines, and the top of the tree shares each rank's
//     triangles between two. A Workspace keeps the scratch from one
//     customization to the next, and takes back Metrics that are no longer
//     used (Recycle) to build the next one in their memory: on a virtual
//     machine, faulting in fresh pages can cost as much as the passes.
//   - Update (partial customization, Updater): when a weight vector differs
//     from the last one in a few arcs (closures, a regional scenario), only
//     the supergraph arcs those arcs reach are recomputed, lowest rank first
//     for the basic weights and highest first for the perfect ones, each
//     weighing only the triangle candidates that changed; the Metric's
//     blocks of 1024 ranks that hold no changed arc are shared with the
//     previous Metric. The result is that of a full customization, bit for
//     bit (the Metric may keep a few more arcs). The Updater keeps the
//     customization's state: about 75 bytes per supergraph arc. Partial
//     steps that run twice as long as a full customization are stopped,
//     and the update ends with a full one into the same state.
//   - Query: an elimination-tree search. The forward search walks from the
//     source up its chain of elimination-tree ancestors and relaxes their
//     upward arcs; the backward search does the same from the target; the
//     distance is the best sum at a node both reach. A node whose distance
//     is already no better than the best path found is not expanded. No
//     priority queue; a warmed-up Query allocates nothing.
//
// Weights are float64, ≥ 0, one per arc in CSR order; +Inf blocks an arc.
// Distances match csr.Searcher's up to floating-point rounding (the two add
// the same arc weights in a different order): compare with a relative
// tolerance, or use integral weights, for which they are equal.
//
// A CCH and a Metric are immutable and safe for concurrent use; each
// goroutine queries through its own Query.
package cch
