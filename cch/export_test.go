package cch

// GridGraph is gridGraph for the external tests (package cch_test), which
// generate the same roadgrids.
var GridGraph = gridGraph
