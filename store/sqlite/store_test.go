package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/kb/kbtest"
	"github.com/caravan-transport/caravan/store/sqlite"
)

func TestMain(m *testing.M) {
	kbtest.CrashChild(openDSN)
	os.Exit(m.Run())
}

func openDSN(ctx context.Context, dsn string) (kb.Store, error) { return sqlite.Open(ctx, dsn) }

func TestStore(t *testing.T) {
	kbtest.Run(t, func(tb testing.TB) kb.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "kb.db"))
		if err != nil {
			tb.Fatal(err)
		}
		return s
	})
}

func TestStoreInMemory(t *testing.T) {
	kbtest.Run(t, func(tb testing.TB) kb.Store {
		s, err := sqlite.Open(context.Background(), ":memory:")
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
	kbtest.RunCrash(t, filepath.Join(t.TempDir(), "crash.db"), openDSN)
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "dir", "kb.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ctx, kbtest.Fixture(t)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen (migrations must be a no-op): %v", err)
	}
	defer s.Close()
	as, _, err := s.Agreements(ctx, kb.AgreementFilter{})
	if err != nil || len(as) != 3 {
		t.Errorf("after reopening: %d agreements, %v; want 3", len(as), err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("not a database, just some text that is long enough to be read as a header"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{file, filepath.Join(file, "below-a-file.db"), "what?.db"} {
		if s, err := sqlite.Open(ctx, path); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want an error", path)
		}
	}
}
