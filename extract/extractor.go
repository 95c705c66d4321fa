package extract

import (
	"context"

	"github.com/caravan-transport/caravan"
)

// Extractor reads facts from articles. It is safe for concurrent use; its
// gazetteer must not change while it runs.
type Extractor struct {
	gaz     *Gazetteer
	lex     *Lexicon // the gazetteer's phrases and the cues in one trie, walked once per token
	outlets *Lexicon
}

// NewExtractor returns an extractor that uses gazetteer g, or the built-in
// gazetteer when g is nil. Places must be added to g before: the extractor
// copies its phrases.
func NewExtractor(g *Gazetteer) *Extractor {
	if g == nil {
		g = NewGazetteer()
	}
	lex := newCueLexicon()
	for _, p := range g.phrases {
		lex.Add(p.text, p.entry)
	}
	return &Extractor{gaz: g, lex: lex, outlets: newOutletLexicon()}
}

// Gazetteer returns the extractor's gazetteer.
func (x *Extractor) Gazetteer() *Gazetteer { return x.gaz }

// Extract returns the facts of article a: trade values, tonnages,
// agreements, projects, meetings and disruptions, each with its countries, status,
// period and the quote (with its byte offsets in a.Text) it was read from.
// Facts are in the order of their quotes. Extraction is linear in the size
// of the article; ctx is checked between sentences. A text CheckText
// refuses gives an error of kind caravan.Invalid and no facts.
func (x *Extractor) Extract(ctx context.Context, a Article) ([]Fact, error) {
	if err := CheckText(a.Text); err != nil {
		return nil, caravan.Errorf(caravan.Invalid, "extract.Extract", "%s: %w", a.ID, err)
	}
	d := x.newDoc(a)
	var m merger
	var cs []candidate
	for _, s := range d.sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cs = append(cs[:0], d.tradeFacts(s)...)
		cs = append(cs, d.agreementFacts(s)...)
		cs = append(cs, d.meetingFacts(s)...)
		cs = append(cs, x.projectFacts(d, s)...)
		cs = append(cs, x.projectAttributes(d, s)...)
		cs = append(cs, d.disruptionFacts(s)...)
		cs = append(cs, d.tableFacts(s)...)
		m.merge(cs)
	}
	return d.finish(m.kept), nil
}
