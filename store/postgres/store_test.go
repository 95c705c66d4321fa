package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/kb/kbtest"
	"github.com/caravan-transport/caravan/store/postgres"
)

// server is the PostgreSQL server of this test run (nil when skipping) and
// skip why there is none.
var (
	server  *cluster
	skip    string
	schemas atomic.Int64
)

func TestMain(m *testing.M) {
	kbtest.CrashChild(openDSN)
	server, skip = startCluster()
	code := m.Run()
	if server != nil {
		server.stop()
	}
	os.Exit(code)
}

func openDSN(ctx context.Context, dsn string) (kb.Store, error) { return postgres.Open(ctx, dsn) }

// freshDSN returns the DSN of a new empty schema, dropped when tb ends.
func freshDSN(tb testing.TB) string {
	tb.Helper()
	if server == nil {
		if os.Getenv(EnvRequire) != "" {
			tb.Fatalf("PostgreSQL: %s (and %s is set)", skip, EnvRequire)
		}
		tb.Skip("PostgreSQL: " + skip)
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", server.dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { admin.Close() })
	name, drop, err := newSchema(ctx, admin, int(schemas.Add(1)))
	if err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(drop)
	return withSchema(server.dsn, name)
}

func TestStore(t *testing.T) {
	kbtest.Run(t, func(tb testing.TB) kb.Store {
		s, err := postgres.Open(context.Background(), freshDSN(tb))
		if err != nil {
			tb.Fatal(err)
		}
		return s
	})
}

func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the crash test bulk-loads 40 000 records")
	}
	kbtest.RunCrash(t, freshDSN(t), openDSN)
}

func TestOpenTwiceMigratesOnce(t *testing.T) {
	dsn := freshDSN(t)
	ctx := context.Background()
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			s, err := postgres.Open(ctx, dsn)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
}

func TestUnreachable(t *testing.T) {
	dir := t.TempDir()
	_, err := postgres.Open(context.Background(), fmt.Sprintf("host=%s user=nobody dbname=none sslmode=disable connect_timeout=2", dir))
	if k := caravan.KindOf(err); err == nil || k != caravan.Unavailable {
		t.Errorf("Open(no server) = %v (kind %v), want an unavailable error", err, k)
	}
	if !postgres.IsDSN("postgres://u@localhost/db") || postgres.IsDSN("/var/lib/caravan.db") {
		t.Error("IsDSN misclassifies")
	}
}
