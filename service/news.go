package service

import (
	"container/list"
	"context"
	"errors"
	"io/fs"
	"os"

	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/graph"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/store/postgres"
)

// news returns the closures and reopenings that accepted disruption facts
// report: a border crossing, port or line closed (from the fact's date,
// open-ended) or reopened (ending an open closure there). Each cites the
// document that reported it. A knowledge base that does not exist yet is
// not created for this: it then has no news.
func (s *Service) news(ctx context.Context) ([]network.Closure, []graph.Reopening, error) {
	if !s.storeExists() {
		return nil, nil, nil
	}
	st, err := s.Store(ctx)
	if err != nil {
		return nil, nil, err
	}
	facts, _, err := st.Facts(ctx, kb.FactFilter{Kind: kb.Disruption, State: kb.Accepted})
	if err != nil {
		return nil, nil, err
	}
	var cs []network.Closure
	var rs []graph.Reopening
	published := map[string]network.Date{}
	for _, f := range facts {
		if _, ok := published[f.Document]; !ok {
			d, err := st.Document(ctx, f.Document)
			if err != nil {
				return nil, nil, err
			}
			published[f.Document] = d.Date
		}
		status := f.Status
		x := extract.Fact{Article: f.Document, Kind: string(f.Kind), PlaceID: f.PlaceID, Status: &status, Quote: f.Quote}
		if f.Date != 0 {
			x.Date = f.Date.String()
		}
		c, err := extract.Closure(x, published[f.Document].Time())
		if err != nil {
			s.logger.Warn("an accepted disruption cannot close the network", "fact", f.ID, "err", err)
			continue
		}
		if _, ok := s.net.Place(c.Target); !ok {
			s.logger.Warn("an accepted disruption names a place the network lacks", "fact", f.ID, "place", c.Target)
			continue
		}
		if c.Reopen {
			rs = append(rs, graph.Reopening{Target: c.Target, Date: network.DateOf(c.Until), Source: f.Document})
			continue
		}
		cs = append(cs, network.Closure{
			ID: f.ID, Target: c.Target, Period: network.Interval{From: network.DateOf(c.From)},
			Reason:  "news (" + c.Reason + "): «" + c.Quote + "»",
			Sources: network.Citations{All: []string{f.Document}},
		})
	}
	return cs, rs, nil
}

// storeExists reports whether the knowledge base is open or exists: a
// PostgreSQL URL, or a SQLite file already there.
func (s *Service) storeExists() bool {
	s.storeMu.Lock()
	open := s.store != nil
	s.storeMu.Unlock()
	if open {
		return true
	}
	loc, _, err := DBLocation(s.dbFlag, s.getenv)
	if err != nil {
		return false
	}
	if postgres.IsDSN(loc) || loc == ":memory:" {
		return true
	}
	_, err = os.Stat(loc)
	return !errors.Is(err, fs.ErrNotExist)
}

// forgetGraphs empties the cache of compiled graphs, so that the next
// request sees a change of the knowledge base (an accepted disruption).
func (s *Service) forgetGraphs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache = map[string]*list.Element{}
	s.lru.Init()
}
