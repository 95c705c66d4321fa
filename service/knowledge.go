package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/extract"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/trade"
)

// Page selects a slice of a list: at most Limit records after Offset.
type Page struct {
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

// List is one page of a list with the total the filter matches.
type List[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

// parsePage reads limit and offset; limit defaults to def and is capped.
func (s *Service) parsePage(p Params, def int) (Page, error) {
	lim, err := p.integer("limit", def, 1, s.limits.MaxPageSize)
	if err != nil {
		return Page{}, err
	}
	off, err := p.integer("offset", 0, 0, 1<<30)
	if err != nil {
		return Page{}, err
	}
	return Page{Limit: lim, Offset: off}, nil
}

// listing reads the page that p asks for (limit, offset) with query and
// returns it with the total the query matches.
func listing[T any](ctx context.Context, s *Service, p Params, query func(st kb.Store, pg kb.Page) ([]T, int, error)) (*List[T], error) {
	pg, err := s.parsePage(p, s.limits.MaxPageSize)
	if err != nil {
		return nil, err
	}
	st, err := s.Store(ctx)
	if err != nil {
		return nil, err
	}
	items, total, err := query(st, kb.Page(pg))
	if err != nil {
		return nil, err
	}
	return &List[T]{Items: nonNil(items), Total: total, Limit: pg.Limit, Offset: pg.Offset}, nil
}

// countryParam reads an ISO 3166-1 alpha-2 code parameter.
func countryParam(p Params, name string, required bool) (string, error) {
	c := strings.ToUpper(p.str(name))
	switch {
	case c == "" && required:
		return "", caravan.InvalidParam(name, "want an ISO 3166-1 alpha-2 country code")
	case c == "":
		return "", nil
	case len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z':
		return "", caravan.InvalidParam(name, "%q is not an ISO 3166-1 alpha-2 code", p.str(name))
	}
	return c, nil
}

// TradeParams are the parameters of a trade analysis.
var TradeParams = []string{"a", "b", "by", "target"}

// TradeReport is a trade analysis and how it was made.
type TradeReport struct {
	*trade.Analysis
	Method string `json:"method"`
}

// Trade analyses the trade between countries a and b: the series by
// period, the target, the growth needed, the trend and the verdict.
func (s *Service) Trade(ctx context.Context, p Params) (*TradeReport, error) {
	a, err := countryParam(p, "a", true)
	if err != nil {
		return nil, err
	}
	b, err := countryParam(p, "b", true)
	if err != nil {
		return nil, err
	}
	if a == b {
		return nil, caravan.InvalidParam("b", "want two different countries, have %s twice", a)
	}
	by, err := p.integer("by", 0, 1900, 2200)
	if err != nil {
		return nil, err
	}
	st, err := s.Store(ctx)
	if err != nil {
		return nil, err
	}
	figs, err := kb.Figures(ctx, st, kb.FigureFilter{A: a, B: b})
	if err != nil {
		return nil, err
	}
	if len(figs) == 0 {
		return nil, caravan.ParamError(caravan.NotFound, "b", "no trade figures between %s and %s", a, b)
	}
	an, err := trade.Analyze(figs, a, b, trade.Options{By: by, Target: p.str("target")})
	if err != nil {
		if caravan.KindOf(err) != caravan.Internal {
			return nil, caravan.ParamError(caravan.KindOf(err), "target", "%v", err)
		}
		return nil, err
	}
	return &TradeReport{Analysis: an, Method: trade.Method}, nil
}

// AgreementParams are the parameters of the agreements list.
var AgreementParams = []string{"country", "status", "kind", "limit", "offset"}

// Agreements lists agreements by id.
func (s *Service) Agreements(ctx context.Context, p Params) (*List[kb.Agreement], error) {
	var f kb.AgreementFilter
	var err error
	if f.Country, err = countryParam(p, "country", false); err != nil {
		return nil, err
	}
	if v := p.str("status"); v != "" {
		if f.Status, err = kb.ParseAgreementStatus(v); err != nil {
			return nil, caravan.InvalidParam("status", "%v", err)
		}
	}
	if v := p.str("kind"); v != "" {
		if f.Kind, err = kb.ParseAgreementKind(v); err != nil {
			return nil, caravan.InvalidParam("kind", "%v", err)
		}
	}
	return listing(ctx, s, p, func(st kb.Store, pg kb.Page) ([]kb.Agreement, int, error) {
		f.Page = pg
		return st.Agreements(ctx, f)
	})
}

// ProjectParams are the parameters of the projects list.
var ProjectParams = []string{"country", "status", "limit", "offset"}

// Projects lists projects by id.
func (s *Service) Projects(ctx context.Context, p Params) (*List[kb.Project], error) {
	var f kb.ProjectFilter
	var err error
	if f.Country, err = countryParam(p, "country", false); err != nil {
		return nil, err
	}
	if v := p.str("status"); v != "" {
		if f.Status, err = network.ParseStatus(v); err != nil {
			return nil, caravan.InvalidParam("status", "%v", err)
		}
	}
	return listing(ctx, s, p, func(st kb.Store, pg kb.Page) ([]kb.Project, int, error) {
		f.Page = pg
		return st.Projects(ctx, f)
	})
}

// Source returns the source with id: from the knowledge base, which holds
// the dataset's sources and those added since.
func (s *Service) Source(ctx context.Context, id string) (*network.Source, error) {
	if src, ok := s.net.Source(id); ok {
		return src, nil
	}
	st, err := s.Store(ctx)
	if err != nil {
		return nil, err
	}
	all, err := st.Sources(ctx)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].ID == id {
			return &all[i], nil
		}
	}
	return nil, caravan.ParamError(caravan.NotFound, "id", "no source with id %q", id)
}

// FactParams are the parameters of the facts list.
var FactParams = []string{"status", "country", "kind", "document", "limit", "offset"}

// Facts lists facts by document, then place in it.
func (s *Service) Facts(ctx context.Context, p Params) (*List[kb.Fact], error) {
	var f kb.FactFilter
	var err error
	if v := p.str("status"); v != "" {
		if f.State, err = kb.ParseReviewState(v); err != nil {
			return nil, caravan.InvalidParam("status", "%v", err)
		}
	}
	if f.Country, err = countryParam(p, "country", false); err != nil {
		return nil, err
	}
	if v := p.str("kind"); v != "" {
		if f.Kind, err = kb.ParseFactKind(v); err != nil {
			return nil, caravan.InvalidParam("kind", "%v", err)
		}
	}
	f.Document = p.str("document")
	return listing(ctx, s, p, func(st kb.Store, pg kb.Page) ([]kb.Fact, int, error) {
		f.Page = pg
		return st.Facts(ctx, f)
	})
}

// Review records a decision on the fact with id at the service's clock.
func (s *Service) Review(ctx context.Context, id string, state kb.ReviewState, note string) (kb.Review, error) {
	if len(note) > 2000 {
		return kb.Review{}, caravan.InvalidParam("note", "longer than 2000 bytes")
	}
	st, err := s.Store(ctx)
	if err != nil {
		return kb.Review{}, err
	}
	r := kb.Review{State: state, Note: note, At: s.now().UTC().Truncate(time.Second)}
	if err := st.Review(ctx, id, r); err != nil {
		if caravan.KindOf(err) == caravan.NotFound {
			return kb.Review{}, caravan.ParamError(caravan.NotFound, "id", "%v", err)
		}
		return kb.Review{}, err
	}
	s.forgetGraphs() // an accepted (or rejected) disruption changes the network
	// An accepted project or agreement fact lands on its record, a
	// withdrawn one leaves it; reviewing again mends a failure here.
	if err := s.updateRecords(ctx, st, id, state); err != nil {
		return kb.Review{}, err
	}
	return r, nil
}

// Document returns the document with id (or content hash) and its facts.
func (s *Service) Document(ctx context.Context, id string) (*DocumentView, error) {
	st, err := s.Store(ctx)
	if err != nil {
		return nil, err
	}
	d, err := st.Document(ctx, id)
	if err != nil {
		if caravan.KindOf(err) == caravan.NotFound {
			return nil, caravan.ParamError(caravan.NotFound, "id", "no document %q", id)
		}
		return nil, err
	}
	facts, _, err := st.Facts(ctx, kb.FactFilter{Document: d.ID})
	if err != nil {
		return nil, err
	}
	return &DocumentView{Document: d, Facts: nonNil(facts)}, nil
}

// DocumentView is a document with its facts; each fact's start and end are
// byte offsets of its quote in the document's text.
type DocumentView struct {
	kb.Document
	Facts []kb.Fact `json:"facts"`
}

// Extractor returns the fact extractor, its gazetteer knowing the places of
// the service's network. It is built once.
func (s *Service) Extractor() (*extract.Extractor, error) {
	s.xOnce.Do(func() { s.x, s.xErr = NewExtractor(s.net) })
	return s.x, s.xErr
}

// NewExtractor returns an extractor whose gazetteer also knows the places
// of n, in every language they are named in.
func NewExtractor(n *network.Network) (*extract.Extractor, error) {
	g := extract.NewGazetteer()
	for _, p := range n.Places() {
		if err := g.AddPlace(p.ID, p.Country, p.Names.All()...); err != nil {
			return nil, fmt.Errorf("gazetteer: place %s: %w", p.ID, err)
		}
	}
	// The network's land border crossings tell the extractor which country
	// lies across each post («واگا» is Pakistan's side, facing India); a
	// ferry or a ship reaches another country from a port on no border
	// (Anzali faces no country across the Caspian).
	for _, l := range n.Links() {
		if l.Crossing == nil || l.Mode != network.Road && l.Mode != network.Rail {
			continue
		}
		a, okA := n.Place(l.From)
		b, okB := n.Place(l.To)
		if !okA || !okB || a.Country == b.Country {
			continue
		}
		if err := g.AddCrossing(l.From, l.To); err != nil {
			return nil, fmt.Errorf("gazetteer: crossing %s: %w", l.ID, err)
		}
	}
	return extract.NewExtractor(g), nil
}

// Ingested reports one ingested article.
type Ingested struct {
	Article  string    `json:"article"`
	Document string    `json:"document"`
	Created  bool      `json:"created"` // false: the same text was stored before
	Facts    []kb.Fact `json:"facts"`
}

// Ingest extracts the facts of each article and stores the article with its
// facts, pending review. An article already stored (same text) is left as
// it is, with its facts and their reviews; its stored facts are returned.
// progress, when not nil, is called after each article.
func (s *Service) Ingest(ctx context.Context, arts []extract.Article, progress func(done, total int)) ([]Ingested, error) {
	x, err := s.Extractor()
	if err != nil {
		return nil, err
	}
	st, err := s.Store(ctx)
	if err != nil {
		return nil, err
	}
	var out []Ingested
	for i, a := range arts {
		facts, err := x.Extract(ctx, a)
		if err != nil {
			return out, fmt.Errorf("%s: %w", a.ID, err)
		}
		doc := DocumentOf(a)
		kf := make([]kb.Fact, len(facts))
		for j := range facts {
			kf[j] = FactOf(&facts[j])
		}
		created, err := st.AddDocument(ctx, &doc, kf)
		if err != nil {
			return out, fmt.Errorf("%s: %w", a.ID, err)
		}
		if !created {
			if kf, _, err = st.Facts(ctx, kb.FactFilter{Document: doc.ID}); err != nil {
				return out, err
			}
		}
		out = append(out, Ingested{Article: a.ID, Document: doc.ID, Created: created, Facts: nonNil(kf)})
		if progress != nil {
			progress(i+1, len(arts))
		}
	}
	return out, nil
}

// DocumentOf makes the knowledge-base document of an article.
func DocumentOf(a extract.Article) kb.Document {
	d := kb.NewDocument(a.Text)
	d.Title = a.Header["title"]
	d.URL = a.Header["url"]
	d.Lang = a.Header["lang"]
	if d.Lang == "" {
		d.Lang = a.Header["language"]
	}
	if d.Lang == "" {
		d.Lang = guessLang(a.Text[a.Body:])
	}
	if !a.Date.IsZero() {
		d.Date = network.DateOf(a.Date)
	}
	return d
}

// guessLang says "fa" for text mostly in Arabic script, else "en".
func guessLang(s string) string {
	arabic, latin := 0, 0
	for _, r := range s {
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			arabic++
		case r < 0x80 && (r|0x20) >= 'a' && (r|0x20) <= 'z':
			latin++
		}
	}
	if arabic > latin {
		return "fa"
	}
	return "en"
}

// FactOf converts an extracted fact into a knowledge-base fact.
func FactOf(f *extract.Fact) kb.Fact {
	k := kb.Fact{
		Kind: kb.FactKind(f.Kind), Countries: f.Countries, Value: f.Value, ValueMax: f.ValueMax,
		GrowthPct: f.GrowthPct, Quote: f.Quote, Flow: f.Flow, Qualifier: f.Qualifier, Subject: f.Subject,
		Project: f.Project, Parties: f.Parties, Place: f.Place, PlaceID: f.PlaceID, AltCountries: f.AltCountries, Note: f.Note,
	}
	if f.Unit != nil {
		k.Unit = *f.Unit
	}
	if f.Period != nil {
		k.Period = *f.Period
	}
	if f.Status != nil {
		k.Status = *f.Status
	}
	if f.Start != nil && f.End != nil {
		k.Start, k.End = *f.Start, *f.End
	}
	if f.Date != "" {
		if d, err := network.ParseDate(f.Date); err == nil {
			k.Date = d
		} else if note := "date " + f.Date; !strings.Contains(k.Note, note) {
			k.Note = strings.TrimSpace(k.Note + " (" + note + ")")
		}
	}
	return k
}
