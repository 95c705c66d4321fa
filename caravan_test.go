package caravan_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/caravan-transport/caravan"
)

func TestKindOf(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want caravan.Kind
	}{
		{"nil", nil, caravan.Internal},
		{"plain", errors.New("boom"), caravan.Internal},
		{"sentinel", fmt.Errorf("place %q: %w", "x", caravan.ErrNotFound), caravan.NotFound},
		{"typed", caravan.Errorf(caravan.Invalid, "dataset.Load", "bad"), caravan.Invalid},
		{"wrapped typed", fmt.Errorf("outer: %w", &caravan.Error{Kind: caravan.Conflict, Err: errors.New("dup")}), caravan.Conflict},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := caravan.KindOf(tt.err); got != tt.want {
				t.Errorf("KindOf(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

func TestErrorIs(t *testing.T) {
	err := fmt.Errorf("ctx: %w", caravan.Errorf(caravan.NotFound, "op", "place %q", "kz-x"))
	if !errors.Is(err, caravan.ErrNotFound) {
		t.Errorf("errors.Is(%v, ErrNotFound) = false", err)
	}
	if errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("errors.Is(%v, ErrInvalid) = true", err)
	}
	if got, want := err.Error(), `ctx: op: place "kz-x"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
