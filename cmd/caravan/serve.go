package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"runtime/debug"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/server"
	"github.com/caravan-transport/caravan/service"
)

// runServe serves the JSON API (and the web map) until interrupted.
func runServe(ctx context.Context, e *env, args []string) error {
	fs, _ := e.newFlags("serve", "",
		"Serve the JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json), /healthz and /metrics on the built-in\n"+
			"data. Writes need Authorization: Bearer $CARAVAN_TOKEN; without a token they are refused.")
	addr := fs.String("addr", "localhost:8080", "listen on this `host:port`")
	dataDir := fs.String("data", "", "use the dataset in this directory instead of the built-in one")
	db := dbFlag(fs)
	cors := fs.String("cors", "", "comma-separated origins allowed to call the API from a browser (default: none)")
	timeout := fs.Duration("timeout", 30*time.Second, "longest time to answer one request")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments %q", pos)
	}
	if *timeout <= 0 {
		return usagef("--timeout must be positive")
	}
	if e.getenv("GOGC") == "" {
		// The live heap is small (the network and its graphs, tens of MB)
		// and each answer allocates about 70 kB: collecting less often
		// buys about 15 % more answers a second for a few more MB.
		debug.SetGCPercent(400)
	}
	log := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	e.logger = log
	// The server's requests name shipped scenarios only, never files.
	svc, err := service.New(ctx, service.Options{DataDir: *dataDir, DB: *db, Getenv: e.getenv, Logger: log, Now: e.now})
	if err != nil {
		return err
	}
	defer svc.Close()
	// Open the knowledge base now, so that a broken one stops the start.
	if _, err := svc.Store(ctx); err != nil {
		return err
	}
	var origins []string
	if *cors != "" {
		origins = service.SplitList(*cors)
	}
	token := e.getenv("CARAVAN_TOKEN")
	srv := server.New(svc, server.Config{Token: token, Logger: log, Timeout: *timeout, CORSOrigins: origins, UI: webUI()})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return caravan.ParamError(caravan.Unavailable, "addr", "%v", err)
	}
	loc, _ := svc.DBLocation()
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "api", "http://"+ln.Addr().String()+"/api/v1/openapi.json",
		"writes", map[bool]string{true: "need the bearer token", false: "refused (no CARAVAN_TOKEN)"}[token != ""])
	fmt.Fprintf(e.stdout, "caravan: serving http://%s/ (knowledge base %s); Ctrl-C stops\n", ln.Addr(), loc)
	return srv.Serve(ctx, ln)
}
