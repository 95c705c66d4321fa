package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// EnvDSN names the variable holding the connection string of a PostgreSQL
// server for the tests (the role must be able to create schemas). Without
// it the tests start a throw-away cluster when the server binaries are
// installed, and skip otherwise.
const EnvDSN = "CARAVAN_TEST_POSTGRES"

// EnvRequire, when set, makes the tests fail instead of skipping when no
// server can be had (for CI, where they must run).
const EnvRequire = "CARAVAN_REQUIRE_POSTGRES"

// cluster is a server for the tests: a DSN and how to stop it.
type cluster struct {
	dsn  string
	stop func()
}

// startCluster returns the server named by CARAVAN_TEST_POSTGRES, or starts
// a throw-away one with initdb and pg_ctl in a temporary directory,
// listening only on a Unix socket there. As root (initdb refuses to run
// as root) it runs them as the postgres user through runuser. It returns
// a reason to skip when neither works.
func startCluster() (*cluster, string) {
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		return &cluster{dsn: dsn, stop: func() {}}, ""
	}
	bin, err := findBin()
	if err != nil {
		return nil, err.Error()
	}
	dir, err := os.MkdirTemp("", "caravan-pg-")
	if err != nil {
		return nil, err.Error()
	}
	var asUser []string
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, "running as root and there is no postgres user to run initdb as; set " + EnvDSN
		}
		runuser, err := exec.LookPath("runuser")
		if err != nil {
			os.RemoveAll(dir)
			return nil, "running as root and runuser is missing; set " + EnvDSN
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err.Error()
		}
		asUser = []string{runuser, "-u", "postgres", "--"}
	}
	run := func(name string, args ...string) error {
		argv := append(append(asUser, filepath.Join(bin, name)), args...)
		out, err := exec.Command(argv[0], argv[1:]...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v\n%s", name, err, out)
		}
		return nil
	}
	data := filepath.Join(dir, "data")
	if err := run("initdb", "-D", data, "-A", "trust", "-U", "caravan", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, "initdb failed: " + firstLine(err.Error())
	}
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off", dir)
	if err := run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start"); err != nil {
		os.RemoveAll(dir)
		return nil, "pg_ctl start failed: " + firstLine(err.Error())
	}
	stop := func() {
		run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
		os.RemoveAll(dir)
	}
	return &cluster{dsn: fmt.Sprintf("host=%s user=caravan dbname=postgres sslmode=disable", dir), stop: stop}, ""
}

// findBin returns the directory of initdb and pg_ctl: from PATH, else the
// newest /usr/lib/postgresql/*/bin (Debian's layout).
func findBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("no PostgreSQL server binaries (initdb) found and %s is not set", EnvDSN)
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// withSchema returns dsn with search_path set to schema.
func withSchema(dsn, schema string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		return dsn + sep + "search_path=" + schema
	}
	return dsn + " search_path=" + schema
}

// newSchema creates an empty schema for one test and returns its name and
// a function that drops it.
func newSchema(ctx context.Context, admin *sql.DB, n int) (string, func(), error) {
	name := fmt.Sprintf("kbtest_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, n)
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+name); err != nil {
		return "", nil, err
	}
	return name, func() { admin.ExecContext(context.Background(), "DROP SCHEMA "+name+" CASCADE") }, nil
}
