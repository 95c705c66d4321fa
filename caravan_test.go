package caravan_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/caravan-transport/caravan"
	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
	"github.com/caravan-transport/caravan/route"
	"github.com/caravan-transport/caravan/trade"
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
	if got, want := err.Error(), `ctx: place "kz-x"`; got != want {
		t.Errorf("Error() = %q, want %q (the op of a non-internal error is not for users)", got, want)
	}
}

func TestErrorText(t *testing.T) {
	for _, tt := range []struct {
		name      string
		err       error
		want      string
		wantParam string
	}{
		{"internal shows op", caravan.Errorf(caravan.Internal, "graph.Compile", "boom"), "graph.Compile: boom", ""},
		{"invalid hides op", caravan.Errorf(caravan.Invalid, "graph.Blocked", "unknown project %q", "x"), `unknown project "x"`, ""},
		{"param", caravan.InvalidParam("risk_penalty", "want a finite number, have NaN"), "risk_penalty: want a finite number, have NaN", "risk_penalty"},
		{"wrapped param", fmt.Errorf("route: %w", caravan.InvalidParam("teu", "negative")), "route: teu: negative", "teu"},
		{"no param", errors.New("plain"), "plain", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if got := caravan.ParamOf(tt.err); got != tt.wantParam {
				t.Errorf("ParamOf = %q, want %q", got, tt.wantParam)
			}
		})
	}
}

// TestParseErrorsAreInvalid holds every Parse function of the domain to
// its contract: a caller's mistake is of kind Invalid, never Internal.
func TestParseErrorsAreInvalid(t *testing.T) {
	ignore := func(_ any, err error) error { return err }
	for _, tt := range []struct {
		name string
		err  error
	}{
		{"network.ParseMode", ignore(network.ParseMode("boat"))},
		{"network.ParseGauge", ignore(network.ParseGauge("1000"))},
		{"network.ParseStatus", ignore(network.ParseStatus("open"))},
		{"network.ParsePlaceKind", ignore(network.ParsePlaceKind("town"))},
		{"network.ParseTransferKind", ignore(network.ParseTransferKind("swap"))},
		{"network.ParseDate", ignore(network.ParseDate("2025-13-01"))},
		{"kb.ParseAgreementKind", ignore(kb.ParseAgreementKind("pact"))},
		{"kb.ParseAgreementStatus", ignore(kb.ParseAgreementStatus("done"))},
		{"kb.ParseReviewState", ignore(kb.ParseReviewState("maybe"))},
		{"kb.ParseWhen", ignore(kb.ParseWhen("yesterday"))},
		{"trade.ParseKind", ignore(trade.ParseKind("guess"))},
		{"trade.ParseScope", ignore(trade.ParseScope("global"))},
		{"trade.ParsePeriod", ignore(trade.ParsePeriod("2025-13"))},
		{"route.ParseCriterion", ignore(route.ParseCriterion("fast"))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error for bad input")
			}
			if k := caravan.KindOf(tt.err); k != caravan.Invalid {
				t.Errorf("kind %v, want invalid (%v)", k, tt.err)
			}
		})
	}
	_, _, err := trade.ParseFlow("AF->AF")
	if caravan.KindOf(err) != caravan.Invalid {
		t.Errorf("trade.ParseFlow: kind %v, want invalid", caravan.KindOf(err))
	}
}

func TestParamDetail(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", caravan.InvalidParam("teu", "want a finite number"))
	if p, d := caravan.ParamDetail(err); p != "teu" || d != "want a finite number" {
		t.Errorf("ParamDetail = %q, %q", p, d)
	}
	plain := caravan.Errorf(caravan.NotFound, "op", "no such place")
	if p, d := caravan.ParamDetail(plain); p != "" || d != plain.Error() {
		t.Errorf("ParamDetail of an error without a parameter = %q, %q", p, d)
	}
}
