// Package graph compiles a network.Network into the compact graph the route
// planner searches.
//
// A node of the graph is a state (place, mode, gauge): a wagon of 1520 mm
// gauge at Dostyk is not the same state as a truck at Dostyk or a 1435 mm
// wagon at Alashankou. Links and border crossings are arcs between states of
// the same mode and gauge; transfers (gauge changes, transshipment, rail↔road,
// rail↔ferry, port handling) are arcs between two states of one place.
//
// Every arc carries its parameters per unit of cargo — hours, USD per tonne,
// USD per TEU, kg CO2 per tonne, km, border count — in parallel float64
// arrays in CSR order, so a query turns them into one weight per arc for its
// shipment and criterion without touching the structure. Every arc is kept,
// whatever its status: availability on a date (status, validity, closures,
// projects a scenario opens) is a per-query bitset, so a date or a scenario
// never forces a rebuild.
//
// Time on an arc is a distribution, not one number: its mean is running
// time plus border dwell plus wait (for a scheduled departure,
// BoardingWait; in a terminal queue, QueueWait; for a block train to fill),
// and its variance sums those elements' variances (mode spread of running
// time, a lognormal dwell through the published mean and p90, the residual
// headway). A route's mean and variance add along its arcs; LognormalQuantile
// reads p10/p50/p90 from them. Seasonal services (a Season on the link) are
// unavailable outside their window, like a closure.
//
// A graph's rail arcs are timed for one rail service (RailService): a
// scheduled block train, which moves more of the day and is processed at a
// border as one, or wagonload, which moves CAREC's average share of the day
// and waits the crossings' average dwell. Its road border crossings are
// cleared either as CAREC's average truck or, for trucks under TIR carnets
// (Graph.TIR), in tir_border_time_factor of that time. For gives the graph
// of another service or clearance, with the same states and arc numbering.
package graph
