// Package postgres is the knowledge-base store for teams: a kb.Store in a
// PostgreSQL database, through pgx's database/sql driver, with its schema
// migrations embedded. It passes the same contract tests (kb/kbtest) as
// store/sqlite.
//
// Migrations run under a PostgreSQL advisory lock, so several caravan
// processes may open the same database at once. The schema lives in the
// first schema of the connection's search_path (public by default).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/store/internal/sqlkb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a kb.Store in a PostgreSQL database.
type Store struct {
	*sqlkb.DB
}

var _ kb.Store = (*Store)(nil)

// IsDSN reports whether s names a PostgreSQL database: a postgres:// or
// postgresql:// URL.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at dsn (a postgres:// URL or a libpq
// keyword/value string) and brings its schema up to date. An unreachable
// server is an Unavailable error.
func Open(ctx context.Context, dsn string) (*Store, error) {
	const op = "postgres.Open"
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, caravan.Errorf(caravan.Invalid, op, "connection string: %w", err)
	}
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, caravan.Errorf(kind(err), op, "connect: %w", err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, caravan.Errorf(kind(err), op, "%w", err)
	}
	return &Store{DB: sqlkb.New(db, dialect)}, nil
}

// migrate applies the embedded migrations that the database lacks, holding
// an advisory lock meanwhile.
func migrate(ctx context.Context, db *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys, goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

var dialect = sqlkb.Dialect{
	Name:     "postgres",
	Numbered: true,
	Check:    check,
	Kind:     kind,
}

// check verifies that every foreign key and check constraint of the schema
// is validated (none was added NOT VALID and left unchecked).
func check(ctx context.Context, db *sql.DB) error {
	var n int
	err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE n.nspname = current_schema() AND NOT c.convalidated`).Scan(&n)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("integrity check: %d constraints not validated", n)
	}
	return nil
}

// kind classifies a PostgreSQL or connection error.
func kind(err error) caravan.Kind {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "23"), strings.HasPrefix(pe.Code, "22"): // integrity constraint, data exception
			return caravan.Invalid
		case pe.Code == "40001", pe.Code == "40P01": // serialization failure, deadlock
			return caravan.Conflict
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "53"), strings.HasPrefix(pe.Code, "57P"),
			pe.Code == "28P01", pe.Code == "28000", pe.Code == "3D000": // connection, resources, shutdown, auth, no database
			return caravan.Unavailable
		}
		return caravan.Internal
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, sql.ErrConnDone) {
		return caravan.Unavailable
	}
	return caravan.Internal
}
