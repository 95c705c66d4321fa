package service

import (
	"context"
	"strings"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
)

// updateRecords brings the project and agreement records in line with a
// review of the fact with id: an accepted fact lands on its record
// (attach), a rejected or pending one is taken off the records it was on
// (detach). Facts of other kinds change nothing. A fact that cannot be
// attached (it names no project, its agreement has one party) is logged,
// not an error: the review stands. Both are idempotent, so a failed
// update is mended by reviewing the fact again.
func (s *Service) updateRecords(ctx context.Context, st kb.Store, id string, state kb.ReviewState) error {
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
		if facts[i].ID == id && (facts[i].Kind == kb.ProjectF || facts[i].Kind == kb.AgreementF) {
			f = &facts[i]
		}
	}
	switch {
	case f == nil:
		return nil
	case state == kb.Accepted:
		_, err = s.attach(ctx, st, f)
	default:
		err = s.detach(ctx, st, f)
	}
	return err
}

// detach takes fact f off the records it was attached to (kb.Detach).
func (s *Service) detach(ctx context.Context, st kb.Store, f *kb.Fact) error {
	doc, err := st.Document(ctx, f.Document)
	if err != nil {
		return err
	}
	projects, _, err := st.Projects(ctx, kb.ProjectFilter{})
	if err != nil {
		return err
	}
	agreements, _, err := st.Agreements(ctx, kb.AgreementFilter{})
	if err != nil {
		return err
	}
	b, kept := kb.Detach(f, &doc, projects, agreements)
	for _, id := range kept {
		s.logger.Warn("a withdrawn fact stays on the agreement it is the only step of", "fact", f.ID, "agreement", id)
	}
	if b.Len() == 0 {
		return nil
	}
	stats, err := st.Apply(ctx, b)
	if err != nil {
		return err
	}
	s.logger.Info("a withdrawn fact was taken off its records", "fact", f.ID, "changes", stats.String())
	return nil
}

// attach writes what accepted fact f says onto the project or agreement
// record it is about (kb.Attach): a dated step citing its document, which
// becomes a source. It reports whether anything was written.
func (s *Service) attach(ctx context.Context, st kb.Store, f *kb.Fact) (bool, error) {
	if f.Kind != kb.ProjectF && f.Kind != kb.AgreementF {
		return false, nil
	}
	doc, err := st.Document(ctx, f.Document)
	if err != nil {
		return false, err
	}
	var projects []kb.Project
	var agreements []kb.Agreement
	if f.Kind == kb.ProjectF {
		projects, _, err = st.Projects(ctx, kb.ProjectFilter{})
	} else {
		agreements, _, err = st.Agreements(ctx, kb.AgreementFilter{})
	}
	if err != nil {
		return false, err
	}
	b, err := kb.Attach(f, &doc, projects, agreements)
	if err == nil && b.Len() > 0 {
		err = kb.Check(ctx, st, b)
	}
	if err != nil {
		return false, s.unattached(f, err)
	}
	if b.Len() == 0 {
		return false, nil
	}
	stats, err := st.Apply(ctx, b)
	if err != nil {
		return false, err
	}
	s.logger.Info("an accepted fact was attached to its record", "fact", f.ID, "changes", stats.String())
	return true, nil
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

// reattach puts every accepted project and agreement fact back on its
// record, in the order of the facts (by document, then place), and returns
// how many records it wrote. Attaching is idempotent, so this only
// restores steps a record lost: applying a new built-in dataset replaces
// the dataset's project and agreement records with its own (EnsureDataset),
// dropping the steps that news added to them; calling reattach after it
// gives them back.
func (s *Service) reattach(ctx context.Context, st kb.Store) (int, error) {
	n := 0
	for _, kind := range []kb.FactKind{kb.ProjectF, kb.AgreementF} {
		facts, _, err := st.Facts(ctx, kb.FactFilter{Kind: kind, State: kb.Accepted})
		if err != nil {
			return n, err
		}
		for _, f := range facts {
			wrote, err := s.attach(ctx, st, &f)
			if err != nil {
				return n, err
			}
			if wrote {
				n++
			}
		}
	}
	return n, nil
}
