package network

import (
	"fmt"
	"strings"

	"github.com/caravan-transport/caravan"
)

// Problem is one thing wrong with a dataset: where (file:line), which field
// and what.
type Problem struct {
	Pos   Pos    `json:"pos"`
	Field string `json:"field,omitempty"`
	Msg   string `json:"message"`
}

// String returns "file:line: field: message".
func (p Problem) String() string {
	var b strings.Builder
	if s := p.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems collects the problems found while loading or validating a
// dataset. The zero value is ready to use.
type Problems struct {
	List []Problem
}

// Addf records a problem at pos in field.
func (ps *Problems) Addf(pos Pos, field, format string, args ...any) {
	ps.List = append(ps.List, Problem{Pos: pos, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Err returns nil if no problem was recorded, else a *ValidationError
// holding them all.
func (ps *Problems) Err() error {
	if len(ps.List) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps.List}
}

// ValidationError reports every problem found in a dataset. It is of kind
// caravan.Invalid.
type ValidationError struct {
	Problems []Problem
}

// Error lists the problems, one per line (the first ten, then a count).
func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d problem(s) in dataset", len(e.Problems))
	for i, p := range e.Problems {
		if i == 10 {
			fmt.Fprintf(&b, "\n  ... and %d more", len(e.Problems)-10)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Is makes errors.Is(err, caravan.ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == caravan.ErrInvalid }
