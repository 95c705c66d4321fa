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
package graph
