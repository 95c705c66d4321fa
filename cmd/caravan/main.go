// Command caravan plans freight routes over the sourced network of the
// Central Asia – Afghanistan – Pakistan – Iran corridors, keeps a knowledge
// base of agreements, projects and trade figures, and extracts facts from
// Persian/Dari and English news.
//
// Usage:
//
//	caravan <command> [flags] [arguments]
//
// Run "caravan help" for the list of commands and "caravan <command> -h" for
// the flags of one. Every command accepts --json.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/service"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a subcommand may use of the process: streams, clock, logger and
// environment variables. Tests build one with buffers.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	logger *slog.Logger
	now    func() time.Time
	getenv func(string) string
	// positional maps request parameters to the names of the command's
	// positional arguments (from → FROM), for error messages.
	positional map[string]string
}

// command is one subcommand: its name, a one-line summary and the function
// that parses its flags and runs it.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists the subcommands. Each lives in its own file.
func commands() []command {
	return []command{
		{"help", "show the commands", nil},
		{"trade", "trade between two countries by period, against its target: growth needed, trend, on track?", runTrade},
		{"agreements", "agreements with their parties and dated status timelines", runAgreements},
		{"projects", "network projects with their ranges, links and status timelines", runProjects},
		{"export", "write the knowledge base as CSV files or JSON", runExport},
		{"import", "read CSV files or JSON into the knowledge base (all or nothing)", runImport},
		{"db", "where the knowledge base is and what it holds; check, reload the built-in dataset", runDB},
		{"extract", "read facts from Persian, Dari and English news (extract eval: score them)", runExtract},
		{"ingest", "store news articles and their extracted facts, pending review", runIngest},
		{"facts", "list extracted facts; facts accept|reject ID", runFacts},
		{"matrix", "best-route hours, cost or CO2 between sets of places or countries", runMatrix},
		{"places", "list places, or find them by name in English or Persian", runPlaces},
		{"scenario", "list, check and compare scenarios (scenario diff A B --from X --to Y)", runScenario},
		{"route", "plan a freight route between two places", runRoute},
		{"assign", "equilibrium flows on a congested network (assign tntp DIR: a TNTP test problem)", runAssign},
		{"criticality", "rank crossings and links by the cost of closing each (assign criticality)", runCriticality},
		{"serve", "serve the JSON API and the web map on http://localhost:8080/", runServe},
		{"validate", "check a dataset directory (default: the built-in dataset)", runValidate},
	}
}

// usageError marks a mistake in the command line (unknown flag, missing
// argument); it exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// Exit statuses.
const (
	exitOK       = 0
	exitError    = 1 // the command ran and failed (invalid data, no route, not found)
	exitUsage    = 2 // the command line was wrong
	exitInternal = 3 // a bug or an unexpected failure
)

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{
		stdin:  stdin,
		stdout: stdout,
		stderr: stderr,
		logger: newLogger(stderr),
		now:    time.Now,
		getenv: os.Getenv,
	}
	return e.exec(ctx, args)
}

// newLogger returns the logger of the CLI: text on stderr, warnings and up.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

func (e *env) exec(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		e.usage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			return e.report(c.name, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(e.stderr, "caravan: unknown command %q\n\n", args[0])
	e.usage(e.stderr)
	return exitUsage
}

func (e *env) usage(w io.Writer) {
	fmt.Fprintln(w, "usage: caravan <command> [flags] [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'caravan <command> -h' for the flags of a command.")
}

// report prints err, if any, and maps it to an exit status: the one place
// where error kinds become exit codes.
func (e *env) report(name string, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(e.stderr, "caravan %s: %s\n", name, ue.msg)
		return exitUsage
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(e.stderr, "caravan %s: interrupted\n", name)
		return exitError
	}
	kind := caravan.KindOf(err)
	if param, detail := caravan.ParamDetail(err); param != "" {
		// An error about one parameter names it as the user typed it: a
		// flag (--risk-penalty) or a positional argument (FROM).
		fmt.Fprintf(e.stderr, "caravan %s: %s: %s\n", name, e.argName(param), detail)
		if kind == caravan.Invalid {
			return exitUsage
		}
		return exitError
	}
	switch kind {
	case caravan.Internal:
		e.logger.Error("internal error", "command", name, "err", err)
		fmt.Fprintf(e.stderr, "caravan %s: internal error: %v\n", name, err)
		return exitInternal
	default:
		fmt.Fprintf(e.stderr, "caravan %s: %v\n", name, err)
		return exitError
	}
}

// argName returns how the command line spells the request parameter
// param: its positional name when the command has one (FROM), else the
// flag (--as-of for as_of).
func (e *env) argName(param string) string {
	if n, ok := e.positional[param]; ok {
		return n
	}
	return "--" + strings.ReplaceAll(param, "_", "-")
}

// service returns the service over the dataset in dataDir ("" for the
// built-in one) and the knowledge base named by db ("" for the default).
// The CLI lets scenarios name files.
func (e *env) service(ctx context.Context, dataDir, db string) (*service.Service, error) {
	return service.New(ctx, service.Options{
		DataDir: dataDir, DB: db, Getenv: e.getenv, Logger: e.logger, Now: e.now, ScenarioFiles: true,
	})
}

// params returns the request parameters of the flags of fs that were set,
// by their API names (--as-of → as_of), plus the positional ones given.
func params(fs *flag.FlagSet, positional map[string]string) service.Params {
	p := service.Params{}
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "json" && f.Name != "data" && f.Name != "db" {
			p[strings.ReplaceAll(f.Name, "-", "_")] = f.Value.String()
		}
	})
	for k, v := range positional {
		p[k] = v
	}
	return p
}

// newFlags returns a FlagSet for a subcommand that writes its usage to the
// command's stderr and returns errors instead of exiting. Every subcommand
// registers --json through it.
func (e *env) newFlags(name, argsUsage, summary string) (*flag.FlagSet, *bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: caravan %s [flags] %s\n\n%s\n\nflags:\n", name, argsUsage, summary)
		fs.PrintDefaults()
	}
	return fs, asJSON
}

// parseFlags parses args with fs, turning flag errors into usage errors.
// Flags may follow positional arguments ("route Almaty Tehran --by cost").
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// runCriticality is "caravan criticality": the same as "assign criticality".
func runCriticality(ctx context.Context, e *env, args []string) error {
	return runAssign(ctx, e, append([]string{"criticality"}, args...))
}
