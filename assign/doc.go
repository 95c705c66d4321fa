// Package assign computes user-equilibrium flows on congested networks
// (static traffic assignment): every unit of demand takes a path of least
// cost, and the costs depend on the flows.
//
// The inputs are values: a Network (directed links with BPR volume-delay
// functions, laid out as CSR arrays) and a Demand (an origin–destination
// matrix over the network's zones). Nothing here reads files or databases:
// FromTNTP converts the tntp package's values, and callers build freight
// networks from the corridor graph the same way.
//
// # Costs and measures
//
// A link's cost at flow x is FreeFlowTime·(1 + B·(x/Capacity)^Power) + Fixed.
// The equilibrium minimises the Beckmann objective, the sum over links of
// the integral of the cost from 0 to the flow (Result.Objective). Progress is
// measured by
//
//   - TSTT = Σ flow·cost, the total cost of the current flows;
//   - SPTT, the cost of loading all demand on shortest paths under the
//     current costs;
//   - the relative gap (TSTT − SPTT)/TSTT (Result.Gap), the definition used
//     by the TNTP data's README. The C program tap-b reports TSTT/SPTT − 1,
//     which is Gap/(1 − Gap): the same to within a factor 1 + Gap;
//   - the average excess cost (TSTT − SPTT)/total demand (Result.AEC).
//
// Z(x) − Z* ≤ TSTT − SPTT, so the gap also bounds the objective's error.
//
// # Algorithms
//
// FW, CFW and BFW are link-based: each iteration loads the demand
// all-or-nothing on shortest-path trees (one per origin, computed in
// parallel), forms a target from it (CFW and BFW mix in one or two earlier
// targets so that successive directions are conjugate, after Mitradjieva and
// Lindberg 2013), and moves towards the target by an exact line search.
// They need O(links) memory and reach gaps of 1e-4 in tens of iterations,
// but slow down sharply below that.
//
// B is Dial's Algorithm B (2006), origin-based: each origin keeps a bush, an
// acyclic subnetwork carrying all its demand, and flow moves within bushes
// from longest used to shortest paths by Newton steps. It reaches gaps of
// 1e-10 and beyond in a few dozen iterations. Memory is about 6 bytes per
// node and origin for the bushes (see bush.go) plus O(nodes + links) per
// worker. Bush updates and the shortest paths that measure the gap run on
// all workers; flow shifts run on one, so that every shift sees the costs
// the previous one left. With Options.KeepBushes a Result keeps the bushes,
// and Result.Through gives the share of an OD pair's flow that uses chosen
// links (a corridor, a crossing), under the usual proportionality
// assumption.
//
// # Determinism and concurrency
//
// Results do not depend on scheduling: origins are dealt to workers in a
// fixed pattern and sums are taken in a fixed order, so two runs with the
// same Options give the same flows bit for bit (Algorithm B's also do not
// depend on the number of workers; the link-based algorithms' may differ in
// the last bits). A Network and a Demand are
// immutable and may be shared by concurrent Solve calls. The package has no
// global state; the clock for elapsed times is Options.Now.
//
// # Errors
//
// Bad input (a negative capacity, NaN demand, demand between zones with no
// path) is reported with kind caravan.Invalid, naming the link, entry or
// zone pair. A cancelled context stops Solve at the end of the iteration
// (or of the bush pass) in progress and returns the context's error.
package assign
