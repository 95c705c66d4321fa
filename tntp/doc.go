// Package tntp reads the text formats of the Transportation Networks for
// Research test problems (the "TNTP" files of Bar-Gera's traffic-assignment
// instances): networks (_net), demand (_trips), best-known link flows (_flow)
// and node coordinates (_node).
//
// # Common layout
//
// A file may open with a metadata block, one tag per line, ended by an
// end tag:
//
//	<NUMBER OF ZONES> 24
//	<NUMBER OF NODES> 24
//	<END OF METADATA>
//
// Separators between tag and value vary (spaces, tabs, trailing tabs); values
// are kept verbatim (trimmed) in Metadata, and the known tags are also parsed
// into fields. Lines whose first non-blank character is "~" are comments;
// blank lines are ignored. Fields are separated by any run of spaces and tabs.
//
// # Network file
//
// Metadata: <NUMBER OF ZONES>, <NUMBER OF NODES>, <FIRST THRU NODE> and
// <NUMBER OF LINKS> are required. Then one directed link per line, ten values
// and an optional ";" (which may be glued to the last value):
//
//	init_node term_node capacity length free_flow_time b power speed toll link_type ;
//
// Link cost (BPR, as stated upstream):
// travel_time = free_flow_time * (1 + b * (flow/capacity)^power), and
// generalized_cost = travel_time + toll_factor*toll + distance_factor*length,
// where the factors are per network and not in the file. Zones are nodes
// 1..zones; when <FIRST THRU NODE> is above 1, paths may start or end at a
// zone but not pass through one.
//
// # Trips file
//
// Metadata: <NUMBER OF ZONES> (required) and <TOTAL OD FLOW>. Then blocks
//
//	Origin <o>
//	<d> : <flow>; <d> : <flow>; ...
//
// with any number of entries per line.
//
// # Flow file
//
// An optional metadata block, an optional header line (e.g. "From To Volume
// Cost" or "Tail Head Volume Cost ;"), then one line per link: from, to,
// volume, cost and an optional ";". Cost is the generalized cost at that
// volume.
//
// # Node file
//
// An optional header line ("Node X Y ;"), then "id x y" and an optional ";"
// per node. Units depend on the network (longitude/latitude, state-plane
// feet, local planar units).
//
// Node and zone ids are kept as in the file (1-based); Network.Graph numbers
// nodes from 0. Errors have kind caravan.Invalid and give file:line and
// field.
package tntp
