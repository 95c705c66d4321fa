package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/store/postgres"
	"github.com/caravan-transport/caravan/store/sqlite"
)

// datasetKey is the meta key under which the store records the digest of
// the built-in dataset it holds.
const datasetKey = "builtin_dataset_sha256"

// dbFlag registers --db on fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "knowledge base: a SQLite file or a postgres:// URL\n(default $CARAVAN_DB, else $XDG_DATA_HOME/caravan/caravan.db, else ~/.local/share/caravan/caravan.db)")
}

// dbLocation resolves where the knowledge base is: the --db flag, else
// $CARAVAN_DB, else caravan/caravan.db in $XDG_DATA_HOME or
// ~/.local/share.
func (e *env) dbLocation(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if v := e.getenv("CARAVAN_DB"); v != "" {
		return v, nil
	}
	if v := e.getenv("XDG_DATA_HOME"); v != "" && filepath.IsAbs(v) {
		return filepath.Join(v, "caravan", "caravan.db"), nil
	}
	if h := e.getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "caravan", "caravan.db"), nil
	}
	return "", usagef("no data directory: set --db, CARAVAN_DB, XDG_DATA_HOME or HOME")
}

// openStore opens the knowledge base at loc, PostgreSQL for a postgres://
// URL and SQLite otherwise, without loading anything into it.
func openStore(ctx context.Context, loc string) (kb.Store, error) {
	if postgres.IsDSN(loc) {
		return postgres.Open(ctx, loc)
	}
	return sqlite.Open(ctx, loc)
}

// openKB opens the knowledge base named by the --db flag value and makes
// sure it holds the built-in dataset: on first use, and again whenever the
// dataset shipped in the binary changes, it is applied (loading the same
// dataset again changes nothing).
func (e *env) openKB(ctx context.Context, flagValue string) (kb.Store, error) {
	loc, err := e.dbLocation(flagValue)
	if err != nil {
		return nil, err
	}
	s, err := openStore(ctx, loc)
	if err != nil {
		return nil, err
	}
	if _, err := e.ensureDataset(ctx, s, false); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// builtinDigest returns the SHA-256 of every file of the built-in dataset,
// in name order.
func builtinDigest() (string, error) {
	fsys := dataset.Builtin()
	names, err := fs.Glob(fsys, "*.csv")
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ensureDataset applies the built-in dataset to s unless s records that it
// holds this very dataset (force applies it anyway). It returns what the
// apply did (zero Stats when it was skipped).
func (e *env) ensureDataset(ctx context.Context, s kb.Store, force bool) (kb.Stats, error) {
	digest, err := builtinDigest()
	if err != nil {
		return kb.Stats{}, caravan.Errorf(caravan.Internal, "", "built-in dataset: %w", err)
	}
	have, err := s.Meta(ctx, datasetKey)
	if err != nil {
		return kb.Stats{}, err
	}
	if have == digest && !force {
		return kb.Stats{}, nil
	}
	n, err := loadNetwork(ctx, "")
	if err != nil {
		return kb.Stats{}, err
	}
	b, err := dataset.LoadKnowledge(ctx, dataset.Builtin(), n)
	if err != nil {
		return kb.Stats{}, err
	}
	st, err := s.Apply(ctx, b)
	if err != nil {
		return kb.Stats{}, err
	}
	if st.Changed() > 0 {
		e.logger.Info("loaded the built-in dataset into the knowledge base", "changes", st.String())
	}
	return st, s.SetMeta(ctx, datasetKey, digest)
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
			return writeJSON(e.stdout, map[string]string{"db": redact(loc)})
		}
		_, err := fmt.Fprintln(e.stdout, redact(loc))
		return err
	case "status", "check", "load":
	default:
		return usagef("unknown db subcommand %q (want status, path, check or load)", sub)
	}
	s, err := openStore(ctx, loc)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := e.ensureDataset(ctx, s, sub == "load")
	if err != nil {
		return err
	}
	switch sub {
	case "check":
		if err := s.Check(ctx); err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, map[string]any{"db": redact(loc), "ok": true})
		}
		_, err := fmt.Fprintf(e.stdout, "ok: %s passes its integrity check\n", redact(loc))
		return err
	case "load":
		if *asJSON {
			return writeJSON(e.stdout, st)
		}
		_, err := fmt.Fprintf(e.stdout, "built-in dataset applied: %s\n", st)
		return err
	}
	b, err := readAll(ctx, s)
	if err != nil {
		return err
	}
	digest, err := s.Meta(ctx, datasetKey)
	if err != nil {
		return err
	}
	status := dbStatus{
		DB: redact(loc), Engine: "sqlite", Dataset: digest,
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

// redact hides the password of a connection URL.
func redact(loc string) string {
	if !postgres.IsDSN(loc) {
		return loc
	}
	scheme, rest, _ := strings.Cut(loc, "://")
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return loc
	}
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return scheme + "://" + user + ":***@" + host
	}
	return loc
}

// readAll returns every record of s.
func readAll(ctx context.Context, s kb.Store) (*kb.Bundle, error) {
	var b kb.Bundle
	var err error
	if b.Sources, err = s.Sources(ctx); err != nil {
		return nil, err
	}
	if b.Agreements, err = s.Agreements(ctx, kb.AgreementFilter{}); err != nil {
		return nil, err
	}
	if b.Projects, err = s.Projects(ctx, kb.ProjectFilter{}); err != nil {
		return nil, err
	}
	if b.Figures, err = s.Figures(ctx, kb.FigureFilter{}); err != nil {
		return nil, err
	}
	if b.Documents, err = s.Documents(ctx, kb.DocumentFilter{}); err != nil {
		return nil, err
	}
	if b.Facts, err = s.Facts(ctx, kb.FactFilter{}); err != nil {
		return nil, err
	}
	return &b, nil
}
