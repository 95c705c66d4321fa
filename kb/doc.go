// Package kb is the knowledge base of caravan: what was agreed, when and by
// whom (agreements with their dated status history), the projects of the
// network with theirs, trade figures and targets (package trade), the
// documents the news comes from and the facts extracted from them, each
// pending, accepted or rejected.
//
// A Bundle carries records of every type between files and a Store; the
// Store interface is implemented by store/sqlite (the default, embedded)
// and store/postgres (for teams), and kb/kbtest checks both against one
// contract. Every number keeps its provenance: dataset source ids, or a
// document and byte offsets.
package kb
