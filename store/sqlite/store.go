// Package sqlite is the embedded knowledge-base store: a kb.Store in one
// SQLite file, through the pure-Go modernc.org/sqlite driver (no C
// toolchain needed), with its schema migrations embedded.
//
// The database runs in WAL mode with foreign keys on. A committed write
// survives the process being killed at any point (WAL with
// synchronous=NORMAL loses no committed transaction on a process crash;
// only an operating-system crash or power loss may roll back the last
// ones); an interrupted write leaves nothing behind.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/pressly/goose/v3"
	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/store/internal/sqlkb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a kb.Store in a SQLite file.
type Store struct {
	*sqlkb.DB
	path string
}

var _ kb.Store = (*Store)(nil)

// Open opens (creating it and its directory if needed) the database at
// path and brings its schema up to date. A write waits at most two seconds
// for another writer's lock, then fails with kind Unavailable (the server
// answers 503, try again) rather than hang. ":memory:" opens a private
// in-memory database.
func Open(ctx context.Context, path string) (*Store, error) {
	const op = "sqlite.Open"
	if strings.ContainsAny(path, "?#") {
		return nil, caravan.Errorf(caravan.Invalid, op, "database path %q: '?' and '#' are not allowed", path)
	}
	memory := path == ":memory:"
	if !memory {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, caravan.Errorf(caravan.Unavailable, op, "%w", err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(2000)", "journal_mode(WAL)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // writers take the lock at BEGIN and wait for it (busy_timeout)
	db, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, caravan.Errorf(caravan.Internal, op, "%w", err)
	}
	if memory {
		db.SetMaxOpenConns(1) // every connection would open its own in-memory database
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, caravan.Errorf(caravan.Unavailable, op, "open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, caravan.Errorf(caravan.KindOf(err), op, "%s: %w", path, err)
	}
	return &Store{DB: sqlkb.New(db, dialect), path: path}, nil
}

// Path returns the database file.
func (s *Store) Path() string { return s.path }

// migrate applies the embedded migrations that the database lacks.
func migrate(ctx context.Context, db *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fsys)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

var dialect = sqlkb.Dialect{
	Name:  "sqlite",
	Check: check,
	Kind:  kind,
}

// check runs PRAGMA integrity_check and foreign_key_check.
func check(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return err
		}
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	fk, err := db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	for fk.Next() {
		var table, parent string
		var rowid, fkid sql.NullInt64
		if err := fk.Scan(&table, &rowid, &parent, &fkid); err != nil {
			fk.Close()
			return err
		}
		msgs = append(msgs, fmt.Sprintf("%s row %d: missing %s", table, rowid.Int64, parent))
	}
	fk.Close()
	if err := fk.Err(); err != nil {
		return err
	}
	if len(msgs) > 0 {
		return fmt.Errorf("integrity check: %s", strings.Join(msgs, "; "))
	}
	return nil
}

// kind classifies a SQLite error.
func kind(err error) caravan.Kind {
	var se *sqlite3.Error
	if !errors.As(err, &se) {
		return caravan.Internal
	}
	switch se.Code() & 0xff {
	case sqlite3lib.SQLITE_CONSTRAINT:
		return caravan.Invalid
	case sqlite3lib.SQLITE_BUSY, sqlite3lib.SQLITE_LOCKED, sqlite3lib.SQLITE_CANTOPEN, sqlite3lib.SQLITE_READONLY, sqlite3lib.SQLITE_FULL:
		return caravan.Unavailable
	}
	return caravan.Internal
}
