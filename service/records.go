package service

import (
	"context"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
)

// attachFact writes what the accepted fact with id says onto the project or
// agreement record it is about (kb.Attach): a dated step citing its
// document, which becomes a source. Facts of other kinds, and facts
// attached before, change nothing. A fact that cannot be attached (it
// names no project, its agreement has one party) is logged, not an error:
// the review stands.
func (s *Service) attachFact(ctx context.Context, st kb.Store, id string) error {
	docID, _, ok := strings.Cut(id, "#")
	if !ok {
		return nil
	}
	facts, _, err := st.Facts(ctx, kb.FactFilter{Document: docID})
	if err != nil {
		return err
	}
	var f *kb.Fact
	for i := range facts {
		if facts[i].ID == id {
			f = &facts[i]
		}
	}
	if f == nil || (f.Kind != kb.ProjectF && f.Kind != kb.AgreementF) {
		return nil
	}
	doc, err := st.Document(ctx, f.Document)
	if err != nil {
		return err
	}
	var b *kb.Bundle
	switch f.Kind {
	case kb.ProjectF:
		projects, _, err := st.Projects(ctx, kb.ProjectFilter{})
		if err != nil {
			return err
		}
		b, err = kb.Attach(f, &doc, projects, nil)
		if err != nil {
			return s.unattached(f, err)
		}
	case kb.AgreementF:
		agreements, _, err := st.Agreements(ctx, kb.AgreementFilter{})
		if err != nil {
			return err
		}
		b, err = kb.Attach(f, &doc, nil, agreements)
		if err != nil {
			return s.unattached(f, err)
		}
	}
	if b.Len() == 0 {
		return nil
	}
	if err := kb.Check(ctx, st, b); err != nil {
		return s.unattached(f, err)
	}
	stats, err := st.Apply(ctx, b)
	if err != nil {
		return err
	}
	s.logger.Info("an accepted fact was attached to its record", "fact", id, "changes", stats.String())
	return nil
}

// unattached logs why fact f stays off the records when err is of kind
// Invalid, and returns any other error.
func (s *Service) unattached(f *kb.Fact, err error) error {
	if caravan.KindOf(err) != caravan.Invalid {
		return err
	}
	s.logger.Warn("an accepted fact cannot be put on a record", "fact", f.ID, "err", err)
	return nil
}
