// Package service answers caravan's questions once for every adapter: the
// command line (cmd/caravan) and the HTTP API (server) parse their input
// into Params, call a Service method and format what it returns, so the two
// cannot drift apart.
//
// A Service holds the long-lived state: the network (loaded once), the
// compiled graph of each scenario (kept in a bounded LRU cache, so a request
// never recompiles the network), the knowledge base (opened on first use and
// seeded with the built-in dataset) and the fact extractor.
//
// Every request parameter is checked here, once: numbers must be finite and
// in range, lists non-empty, names known. A caller's mistake is an error of
// kind caravan.Invalid (or NotFound for an unknown name) that names the
// parameter in the API's spelling (caravan.ParamOf: "risk_penalty"); the
// CLI shows it as the flag "--risk-penalty". Results are bounded by Limits.
//
// A Service is safe for concurrent use.
package service
