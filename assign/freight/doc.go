// Package freight assigns yearly freight flows (tonnes) to the corridor
// network at equilibrium, finds the elements loaded beyond capacity, and
// ranks links and crossings by what closing them costs.
//
// Build turns a compiled graph.Graph into an assign.Network: one zone per
// place with demand (joined to the place's states and arrival node by free
// connectors; zones are not passed through) and one link per graph arc
// usable under the Conditions (as-of date, closures, avoided links, opened
// projects). A link's cost per tonne is its charges (line haul, handling,
// border fees; graph weights in USD for a one-tonne shipment) plus the
// value of time × its hours, and the hours grow with volume:
//
//   - links and transfers: BPR, hours × (1 + 0.15·(v/c)^4);
//   - border crossings: hours × (1 + (v/c)^6), a steeper curve standing in
//     for the queue before the post (the dwell doubles at capacity and then
//     grows fast). A true queueing delay is unbounded at capacity, which an
//     equilibrium solver cannot take, so this is an approximation.
//
// Capacities are per direction, in tonnes a year: the dataset's sourced
// capacity_tpy where a link or crossing has one, otherwise an estimate
// marked Estimated in every result (the Est constants):
//
//   - road link 14.6 Mt: 2,000 trucks a day each way × 20 t
//     (truck_load_tonnes) × 365;
//   - rail link 13.1 Mt: a single-track line at 12 train pairs a day (the
//     Dostyk–Moyinty line before doubling, per the dataset's note citing
//     QAZINFORM-DM) × 3,000 t net per train × 365;
//   - road crossing 3.65 Mt: 500 trucks a day × 20 t × 365;
//   - rail crossing 10 Mt: half the dataset's sourced 20 Mt of
//     Alashankou–Dostyk, a double-gauge crossing with large yards;
//   - ferry 5 Mt, sea 50 Mt (not binding), transfer 5 Mt, air 0.1 Mt.
//
// These estimates are engineering round numbers, not sourced figures:
// read a volume/capacity ratio on an estimated element as "of the order
// of", and replace the constants with sourced capacities as the dataset
// gains them.
//
// Demand comes from an OD table (ReadDemandCSV) or from trade figures
// (FromTrade: value ÷ a value per tonne, split over the countries' hubs).
// Demand between places that no usable path joins is reported as unserved.
package freight
