package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/store/postgres"
	"github.com/caravan-transport/caravan/store/sqlite"
)

// DatasetKey is the meta key under which the store records the digest of
// the built-in dataset it holds.
const DatasetKey = "builtin_dataset_sha256"

type storeHandle struct {
	s   kb.Store
	loc string
}

// DBLocation resolves where the knowledge base is: flagValue when set,
// else $CARAVAN_DB, else caravan/caravan.db in $XDG_DATA_HOME or in
// ~/.local/share. An explicit SQLite path must name a file in a directory
// that exists (only the default data directory is created).
func DBLocation(flagValue string, getenv func(string) string) (loc string, isDefault bool, err error) {
	if flagValue != "" {
		return flagValue, false, nil
	}
	if v := getenv("CARAVAN_DB"); v != "" {
		return v, false, nil
	}
	if v := getenv("XDG_DATA_HOME"); v != "" && filepath.IsAbs(v) {
		return filepath.Join(v, "caravan", "caravan.db"), true, nil
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "caravan", "caravan.db"), true, nil
	}
	return "", false, caravan.InvalidParam("db", "no data directory: set --db, CARAVAN_DB, XDG_DATA_HOME or HOME")
}

// DBLocation returns where the service's knowledge base is.
func (s *Service) DBLocation() (string, error) {
	loc, _, err := DBLocation(s.dbFlag, s.getenv)
	return loc, err
}

// OpenStore opens the knowledge base at loc, PostgreSQL for a postgres://
// URL and SQLite otherwise, without loading anything into it. A SQLite file
// whose directory does not exist is refused unless mkdir is set.
func OpenStore(ctx context.Context, loc string, mkdir bool) (kb.Store, error) {
	if postgres.IsDSN(loc) {
		return postgres.Open(ctx, loc)
	}
	if loc != ":memory:" && !mkdir {
		dir := filepath.Dir(loc)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, caravan.ParamError(caravan.NotFound, "db", "directory %s does not exist (create it first, or leave --db out for the default location)", dir)
		}
	}
	return sqlite.Open(ctx, loc)
}

// Store returns the knowledge base, opening it on first use and making sure
// it holds the built-in dataset (see EnsureDataset). The service keeps it
// open until Close.
func (s *Service) Store(ctx context.Context) (kb.Store, error) {
	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	if s.store != nil {
		return s.store.s, nil
	}
	loc, isDefault, err := DBLocation(s.dbFlag, s.getenv)
	if err != nil {
		return nil, err
	}
	st, err := OpenStore(ctx, loc, isDefault)
	if err != nil {
		return nil, err
	}
	if _, err := s.EnsureDataset(ctx, st, false); err != nil {
		st.Close()
		return nil, err
	}
	s.store = &storeHandle{s: st, loc: loc}
	return st, nil
}

// BuiltinDigest returns the SHA-256 of every file of the built-in dataset,
// in name order.
func BuiltinDigest() (string, error) {
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

// EnsureDataset applies the built-in dataset's knowledge (agreements,
// projects, trade figures, sources) to st unless st records that it holds
// this very dataset (force applies it anyway). Loading the same dataset
// again changes nothing. It returns what the apply did (zero Stats when it
// was skipped).
func (s *Service) EnsureDataset(ctx context.Context, st kb.Store, force bool) (kb.Stats, error) {
	digest, err := BuiltinDigest()
	if err != nil {
		return kb.Stats{}, caravan.Errorf(caravan.Internal, "service.EnsureDataset", "built-in dataset: %w", err)
	}
	have, err := st.Meta(ctx, DatasetKey)
	if err != nil {
		return kb.Stats{}, err
	}
	if have == digest && !force {
		return kb.Stats{}, nil
	}
	n, err := dataset.Load(ctx, dataset.Builtin())
	if err != nil {
		return kb.Stats{}, err
	}
	b, err := dataset.LoadKnowledge(ctx, dataset.Builtin(), n)
	if err != nil {
		return kb.Stats{}, err
	}
	stats, err := st.Apply(ctx, b)
	if err != nil {
		return kb.Stats{}, err
	}
	if stats.Changed() > 0 {
		s.logger.Info("loaded the built-in dataset into the knowledge base", "changes", stats.String())
		// The dataset's records replaced the stored ones: put back the
		// steps and figures that accepted news facts had added to them.
		if n, err := s.reattach(ctx, st); err != nil {
			return stats, err
		} else if n > 0 {
			s.logger.Info("accepted facts attached again to the dataset's records", "facts", n)
		}
	}
	return stats, st.SetMeta(ctx, DatasetKey, digest)
}

// ReadAll returns every record of st.
func ReadAll(ctx context.Context, st kb.Store) (*kb.Bundle, error) {
	var b kb.Bundle
	var err error
	if b.Sources, err = st.Sources(ctx); err != nil {
		return nil, err
	}
	if b.Agreements, _, err = st.Agreements(ctx, kb.AgreementFilter{}); err != nil {
		return nil, err
	}
	if b.Projects, _, err = st.Projects(ctx, kb.ProjectFilter{}); err != nil {
		return nil, err
	}
	if b.Figures, err = st.Figures(ctx, kb.FigureFilter{}); err != nil {
		return nil, err
	}
	if b.Documents, _, err = st.Documents(ctx, kb.DocumentFilter{}); err != nil {
		return nil, err
	}
	if b.Facts, _, err = st.Facts(ctx, kb.FactFilter{}); err != nil {
		return nil, err
	}
	return &b, nil
}

// Redact hides the password of a connection URL.
func Redact(loc string) string {
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
