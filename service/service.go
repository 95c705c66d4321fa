package service

import (
	"container/list"
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/dataset"
	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
	"github.com/caravan-transport/caravan/scenario"
)

// Options configure a Service. Every field is optional.
type Options struct {
	// DataDir is a dataset directory to use instead of the built-in one.
	DataDir string
	// DB is where the knowledge base is: a SQLite file or a postgres://
	// URL; empty means the default location (see DBLocation).
	DB string
	// Getenv reads the environment (CARAVAN_DB, XDG_DATA_HOME, HOME);
	// nil means no environment.
	Getenv func(string) string
	// Logger receives what the service logs; nil discards it.
	Logger *slog.Logger
	// Now is the clock for default dates; nil means time.Now.
	Now func() time.Time
	// CacheSize is how many compiled graphs (the base and scenarios) are
	// kept (default 16).
	CacheSize int
	// ScenarioFiles lets a scenario parameter name a YAML file on this
	// machine. The CLI allows it; the server does not, so a request can
	// only name the shipped scenarios.
	ScenarioFiles bool
	// Limits bound each request (zero: DefaultLimits).
	Limits Limits
}

// Service answers caravan's questions on one network and knowledge base.
type Service struct {
	net    *network.Network
	base   *graph.Graph
	logger *slog.Logger
	now    func() time.Time
	getenv func(string) string
	limits Limits
	files  bool
	dbFlag string

	earliest network.Date // the earliest date the dataset has data for
	names    map[string][]int32

	mu    sync.Mutex
	cache map[string]*list.Element
	lru   *list.List // of *entry, most recent first
	size  int

	storeMu sync.Mutex
	store   *storeHandle

	xOnce sync.Once
	x     *extract.Extractor
	xErr  error

	jobs jobs
}

// entry is a compiled scenario graph with its planner.
type entry struct {
	key     string
	planner *route.Planner
	sc      *scenario.Scenario
	ready   chan struct{}
	err     error
}

// New loads the network (the built-in dataset or opt.DataDir) and compiles
// its base graph. The knowledge base is opened on first use.
func New(ctx context.Context, opt Options) (*Service, error) {
	n, err := LoadNetwork(ctx, opt.DataDir)
	if err != nil {
		return nil, err
	}
	return NewWith(n, opt)
}

// LoadNetwork loads and validates the dataset in dir, or the built-in one
// when dir is "".
func LoadNetwork(ctx context.Context, dir string) (*network.Network, error) {
	fsys, err := DatasetFS(dir)
	if err != nil {
		return nil, err
	}
	return dataset.Load(ctx, fsys)
}

// DatasetFS returns the files of the dataset in dir, or of the built-in
// one when dir is "".
func DatasetFS(dir string) (fs.FS, error) {
	if dir == "" {
		return dataset.Builtin(), nil
	}
	return dataset.Dir(dir)
}

// NewWith returns a Service over the network n.
func NewWith(n *network.Network, opt Options) (*Service, error) {
	g, err := graph.Compile(n)
	if err != nil {
		return nil, err
	}
	s := &Service{
		net: n, base: g, logger: opt.Logger, now: opt.Now, getenv: opt.Getenv,
		limits: opt.Limits.orDefault(), files: opt.ScenarioFiles, dbFlag: opt.DB,
		cache: map[string]*list.Element{}, lru: list.New(), size: opt.CacheSize,
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.getenv == nil {
		s.getenv = func(string) string { return "" }
	}
	if s.size <= 0 {
		s.size = 16
	}
	s.earliest = earliestDate(n)
	s.indexNames()
	return s, nil
}

// Network returns the network the service plans on.
func (s *Service) Network() *network.Network { return s.net }

// Today returns the current date of the service's clock.
func (s *Service) Today() network.Date { return network.DateOf(s.now()) }

// Close cancels the background jobs and releases the knowledge base, if it
// was opened.
func (s *Service) Close() error {
	s.stopJobs()
	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	if s.store == nil {
		return nil
	}
	err := s.store.s.Close()
	s.store = nil
	return err
}

// planner returns the planner of the scenario named by name ("" or "base"
// for none), compiling and caching it on first use. Concurrent requests
// for the same scenario wait for one compilation.
func (s *Service) planner(ctx context.Context, name string) (*route.Planner, *scenario.Scenario, error) {
	key := strings.TrimSpace(name)
	if key == "base" {
		key = ""
	}
	s.mu.Lock()
	if el, ok := s.cache[key]; ok {
		s.lru.MoveToFront(el)
		e := el.Value.(*entry)
		s.mu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
		if e.err != nil {
			return nil, nil, e.err
		}
		return e.planner, e.sc, nil
	}
	e := &entry{key: key, ready: make(chan struct{})}
	s.cache[key] = s.lru.PushFront(e)
	for s.lru.Len() > s.size {
		old := s.lru.Back()
		s.lru.Remove(old)
		delete(s.cache, old.Value.(*entry).key)
	}
	s.mu.Unlock()

	e.planner, e.sc, e.err = s.compile(ctx, key)
	if e.err != nil {
		s.mu.Lock()
		if el, ok := s.cache[key]; ok && el.Value == e {
			s.lru.Remove(el)
			delete(s.cache, key)
		}
		s.mu.Unlock()
	}
	close(e.ready)
	if e.err != nil {
		return nil, nil, e.err
	}
	return e.planner, e.sc, nil
}

// compile builds the planner of the scenario named by key ("" for none):
// the base graph, the scenario applied, and the closures and reopenings
// of accepted news on top.
func (s *Service) compile(ctx context.Context, key string) (*route.Planner, *scenario.Scenario, error) {
	g := s.base
	var sc *scenario.Scenario
	if key != "" {
		var err error
		if sc, err = s.loadScenario(key); err != nil {
			return nil, nil, err
		}
		if g, err = g.Apply(sc); err != nil { // Apply checks sc against the network
			_, err = invalidData(nil, err)
			return nil, nil, err
		}
	}
	cs, rs, err := s.news(ctx)
	if err != nil {
		return nil, nil, err
	}
	if len(cs)+len(rs) > 0 {
		if g, err = g.WithClosures(cs, rs); err != nil {
			return nil, nil, err
		}
	}
	return route.New(g), sc, nil
}

// loadScenario reads a shipped scenario by name or, when the service allows
// files, a YAML file (a name that exists as a file, or looks like one). It
// does not check the scenario against the network: graph.Apply does, and
// CheckScenario for the CLI's scenario check.
func (s *Service) loadScenario(name string) (*scenario.Scenario, error) {
	looksLikeFile := strings.ContainsAny(name, "/\\") || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
	if s.files {
		if _, err := os.Stat(name); err == nil || looksLikeFile {
			data, err := os.ReadFile(name)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return nil, caravan.ParamError(caravan.NotFound, "scenario", "no scenario file %s", name)
			case err != nil:
				return nil, caravan.ParamError(caravan.Invalid, "scenario", "%v", err)
			}
			return invalidData(scenario.Parse(name, data))
		}
	} else if looksLikeFile {
		return nil, caravan.ParamError(caravan.NotFound, "scenario", "no shipped scenario %q (have: %s)", name, strings.Join(scenario.Examples(), ", "))
	}
	sc, err := scenario.Example(name)
	if caravan.KindOf(err) == caravan.NotFound {
		return nil, caravan.ParamError(caravan.NotFound, "scenario", "%v", err)
	}
	return invalidData(sc, err)
}

// invalidData marks the error of a malformed scenario as invalid data, not
// a mistake in the command line: its errors name the file and line, not
// the parameter.
func invalidData(sc *scenario.Scenario, err error) (*scenario.Scenario, error) {
	if err != nil {
		return nil, caravan.Errorf(caravan.Invalid, "", "%w", err)
	}
	return sc, nil
}

// earliestDate returns the earliest date of the dataset's dated data: the
// sources' publication dates. Before it, the network shows what the
// sources describe, not what was there.
func earliestDate(n *network.Network) network.Date {
	var d network.Date
	for _, src := range n.Sources() {
		if src.Date != 0 && (d == 0 || src.Date < d) {
			d = src.Date
		}
	}
	return d
}

// asOfWarnings returns the warnings about an as-of date.
func (s *Service) asOfWarnings(d network.Date) []string {
	if s.earliest != 0 && d < s.earliest {
		return []string{"as_of " + d.String() + " is before the dataset's earliest source (" + s.earliest.String() +
			"): the network is the one its sources describe, with only the dated statuses and closures applied"}
	}
	return nil
}
