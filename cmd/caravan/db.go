package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/service"
	"github.com/caravan-transport/caravan/store/postgres"
)

// dbFlag registers --db on fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "knowledge base: a SQLite file or a postgres:// URL\n(default $CARAVAN_DB, else $XDG_DATA_HOME/caravan/caravan.db, else ~/.local/share/caravan/caravan.db)")
}

// dbLocation resolves where the knowledge base is (see service.DBLocation).
func (e *env) dbLocation(flagValue string) (string, error) {
	loc, _, err := service.DBLocation(flagValue, e.getenv)
	return loc, err
}

// openKB opens the knowledge base named by the --db flag value through the
// service, which makes sure it holds the built-in dataset. Closing the
// store releases it.
func (e *env) openKB(ctx context.Context, flagValue string) (kb.Store, error) {
	svc, err := e.service(ctx, "", flagValue)
	if err != nil {
		return nil, err
	}
	return svc.Store(ctx)
}

// runDB reports on the knowledge base and maintains it.
func runDB(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("db", "[status|path|check|load]",
		"Show where the knowledge base is and what it holds (status, the default), print its location (path),\n"+
			"verify its integrity (check) or apply the built-in dataset again (load; changes nothing when it is loaded).")
	db := dbFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	sub := "status"
	if len(pos) > 1 {
		return usagef("want at most one of status, path, check, load")
	}
	if len(pos) == 1 {
		sub = pos[0]
	}
	loc, err := e.dbLocation(*db)
	if err != nil {
		return err
	}
	switch sub {
	case "path":
		if *asJSON {
			return writeJSON(e.stdout, map[string]string{"db": service.Redact(loc)})
		}
		_, err := fmt.Fprintln(e.stdout, service.Redact(loc))
		return err
	case "status", "check", "load":
	default:
		return usagef("unknown db subcommand %q (want status, path, check or load)", sub)
	}
	_, isDefault, _ := service.DBLocation(*db, e.getenv)
	s, err := service.OpenStore(ctx, loc, isDefault)
	if err != nil {
		return err
	}
	defer s.Close()
	svc, err := e.service(ctx, "", *db)
	if err != nil {
		return err
	}
	st, err := svc.EnsureDataset(ctx, s, sub == "load")
	if err != nil {
		return err
	}
	switch sub {
	case "check":
		if err := s.Check(ctx); err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, map[string]any{"db": service.Redact(loc), "ok": true})
		}
		_, err := fmt.Fprintf(e.stdout, "ok: %s passes its integrity check\n", service.Redact(loc))
		return err
	case "load":
		if *asJSON {
			return writeJSON(e.stdout, st)
		}
		_, err := fmt.Fprintf(e.stdout, "built-in dataset applied: %s\n", st)
		return err
	}
	b, err := service.ReadAll(ctx, s)
	if err != nil {
		return err
	}
	digest, err := s.Meta(ctx, service.DatasetKey)
	if err != nil {
		return err
	}
	status := dbStatus{
		DB: service.Redact(loc), Engine: "sqlite", Dataset: digest,
		Counts: map[string]int{
			"sources": len(b.Sources), "agreements": len(b.Agreements), "projects": len(b.Projects),
			"figures": len(b.Figures), "documents": len(b.Documents), "facts": len(b.Facts),
		},
	}
	if postgres.IsDSN(loc) {
		status.Engine = "postgres"
	}
	for _, f := range b.Facts {
		if f.Review.State == kb.Pending {
			status.PendingFacts++
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, status)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "database\t%s (%s)\n", status.DB, status.Engine)
	fmt.Fprintf(tw, "built-in dataset\tsha256 %s\n", shortHash(status.Dataset))
	for _, k := range []string{"sources", "agreements", "projects", "figures", "documents", "facts"} {
		fmt.Fprintf(tw, "%s\t%d\n", k, status.Counts[k])
	}
	fmt.Fprintf(tw, "facts pending review\t%d\n", status.PendingFacts)
	return tw.Flush()
}

// dbStatus is what `caravan db status` reports.
type dbStatus struct {
	DB           string         `json:"db"`
	Engine       string         `json:"engine"`
	Dataset      string         `json:"builtin_dataset_sha256"`
	Counts       map[string]int `json:"counts"`
	PendingFacts int            `json:"pending_facts"`
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
