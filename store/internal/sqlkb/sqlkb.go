// Package sqlkb implements kb.Store over database/sql for the SQL engines
// caravan supports. store/sqlite and store/postgres open the database, run
// their embedded migrations and hand it here with a Dialect that says how
// the engine differs (placeholders, integrity check, error kinds); the SQL
// itself is the common subset both engines speak.
package sqlkb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
)

// Dialect is what differs between engines.
type Dialect struct {
	// Name prefixes the operation of every error ("sqlite.Apply").
	Name string
	// Numbered is true when placeholders are $1, $2 … instead of ?.
	Numbered bool
	// Check runs the engine's own integrity check.
	Check func(ctx context.Context, db *sql.DB) error
	// Kind classifies an engine error (a constraint violation is Invalid,
	// a lost connection Unavailable); Internal when unsure.
	Kind func(err error) caravan.Kind
}

// DB is a kb.Store over a migrated database.
type DB struct {
	db *sql.DB
	d  Dialect
}

var _ kb.Store = (*DB)(nil)

// New returns the store over db, whose schema must be migrated.
func New(db *sql.DB, d Dialect) *DB { return &DB{db: db, d: d} }

// SQL returns the underlying database handle.
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the database.
func (s *DB) Close() error {
	if err := s.db.Close(); err != nil {
		return s.errf("Close", err)
	}
	return nil
}

// errf wraps err as a *caravan.Error of op. An error that has a kind
// keeps it; others are classified by the dialect (Internal when unsure).
func (s *DB) errf(op string, err error) error {
	if err == nil {
		return nil
	}
	k := caravan.KindOf(err)
	if k == caravan.Internal && s.d.Kind != nil {
		k = s.d.Kind(err)
	}
	if k == caravan.Internal && errors.Is(err, context.DeadlineExceeded) {
		k = caravan.Unavailable // the database did not answer in time: try again
	}
	e := &caravan.Error{Kind: k, Op: s.d.Name + "." + op, Err: err}
	if k == caravan.Unavailable {
		e.Message = "the knowledge base is busy or unreachable; try again"
	}
	return e
}

// rebind turns ? placeholders into $n for numbered dialects. Queries in
// this package never hold a literal '?'.
func (s *DB) rebind(q string) string {
	if !s.d.Numbered {
		return q
	}
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// txn is a transaction with prepared statements cached by query.
type txn struct {
	s     *DB
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (t *txn) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, t.s.rebind(q))
	if err != nil {
		return nil, fmt.Errorf("prepare %q: %w", firstLine(q), err)
	}
	t.stmts[q] = st
	return st, nil
}

func (t *txn) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	r, err := st.ExecContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", firstLine(q), err)
	}
	return r, nil
}

func (t *txn) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.s.rebind(q), args...)
}

func (t *txn) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	rows, err := t.tx.QueryContext(ctx, t.s.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", firstLine(q), err)
	}
	return rows, nil
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i > 0 {
		q = q[:i]
	}
	if len(q) > 60 {
		q = q[:60] + "…"
	}
	return q
}

// do runs fn in a transaction (read-only when write is false), commits it
// when fn succeeds and rolls it back otherwise.
func (s *DB) do(ctx context.Context, op string, write bool, fn func(t *txn) error) error {
	if err := ctx.Err(); err != nil {
		return s.errf(op, err)
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: !write})
	if err != nil {
		return s.errf(op, fmt.Errorf("begin: %w", err))
	}
	t := &txn{s: s, tx: tx, stmts: map[string]*sql.Stmt{}}
	err = fn(t)
	for _, st := range t.stmts {
		st.Close()
	}
	if err != nil {
		tx.Rollback()
		return s.errf(op, err)
	}
	if err := tx.Commit(); err != nil {
		return s.errf(op, fmt.Errorf("commit: %w", err))
	}
	return nil
}

// Meta returns the value stored under key, "" when there is none.
func (s *DB) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.do(ctx, "Meta", false, func(t *txn) error {
		err := t.queryRow(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return v, err
}

// SetMeta stores value under key.
func (s *DB) SetMeta(ctx context.Context, key, value string) error {
	return s.do(ctx, "SetMeta", true, func(t *txn) error {
		if _, err := t.exec(ctx, `DELETE FROM meta WHERE key = ?`, key); err != nil {
			return err
		}
		_, err := t.exec(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)`, key, value)
		return err
	})
}

// orphanChecks find rows whose parent is missing: each query counts them.
var orphanChecks = []struct{ what, q string }{
	{"agreement_parties without agreement", `SELECT COUNT(*) FROM agreement_parties c WHERE NOT EXISTS (SELECT 1 FROM agreements p WHERE p.id = c.agreement_id)`},
	{"agreement_history without agreement", `SELECT COUNT(*) FROM agreement_history c WHERE NOT EXISTS (SELECT 1 FROM agreements p WHERE p.id = c.agreement_id)`},
	{"project_countries without project", `SELECT COUNT(*) FROM project_countries c WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = c.project_id)`},
	{"project_history without project", `SELECT COUNT(*) FROM project_history c WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = c.project_id)`},
	{"project_links without project", `SELECT COUNT(*) FROM project_links c WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = c.project_id)`},
	{"facts without document", `SELECT COUNT(*) FROM facts c WHERE NOT EXISTS (SELECT 1 FROM documents p WHERE p.id = c.document_id)`},
	{"fact_countries without fact", `SELECT COUNT(*) FROM fact_countries c WHERE NOT EXISTS (SELECT 1 FROM facts p WHERE p.id = c.fact_id)`},
	{"agreements without history", `SELECT COUNT(*) FROM agreements p WHERE NOT EXISTS (SELECT 1 FROM agreement_history c WHERE c.agreement_id = p.id)`},
}

// Check runs the engine's integrity check, then looks for rows whose
// parent record is missing.
func (s *DB) Check(ctx context.Context) error {
	if s.d.Check != nil {
		if err := s.d.Check(ctx, s.db); err != nil {
			return s.errf("Check", err)
		}
	}
	return s.do(ctx, "Check", false, func(t *txn) error {
		var bad []string
		for _, c := range orphanChecks {
			var n int
			if err := t.queryRow(ctx, c.q).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				bad = append(bad, fmt.Sprintf("%d %s", n, c.what))
			}
		}
		if len(bad) > 0 {
			return caravan.Errorf(caravan.Internal, "", "integrity: %s", strings.Join(bad, ", "))
		}
		return nil
	})
}
