// Package caravan holds what every part of the project shares: the error kinds
// that the CLI turns into exit codes and the HTTP server into status codes.
//
// The domain lives in network (places, links, crossings), kb (agreements,
// documents, facts) and trade (figures and targets); the algorithms in graph,
// route and extract; the adapters in dataset, store and server; cmd/caravan
// wires them together.
package caravan

import (
	"errors"
	"fmt"
)

// Kind classifies an error by what the caller can do about it. The values are
// stable: adapters translate them (exit codes, HTTP statuses) in one place.
type Kind uint8

// The error kinds.
const (
	Internal    Kind = iota // a bug or an unexpected failure; details are logged, not shown
	Invalid                 // the input is malformed or breaks a rule; the message says where
	NotFound                // a named thing does not exist
	Conflict                // the request contradicts what is stored
	Unavailable             // a resource is temporarily unreachable (closed database, timeout)
)

var kindNames = [...]string{"internal", "invalid", "not found", "conflict", "unavailable"}

// String returns the kind in lower case ("not found").
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Error is an error with a kind and the operation that failed. Err holds the
// underlying cause; Message, when set, is the text shown to users.
type Error struct {
	Kind    Kind
	Op      string // package and operation, e.g. "dataset.Load"
	Message string // user-facing text; empty means use Err
	// Param names the request parameter at fault, in the API's spelling
	// ("risk_penalty"); the CLI shows it as a flag ("--risk-penalty").
	Param string
	Err   error
}

// Error formats the error as "param: message: cause", leaving out empty
// parts. The operation is shown only on internal errors, which are logged
// for developers: what a user sees names no Go package or type.
func (e *Error) Error() string {
	s := ""
	if e.Kind == Internal {
		s = e.Op
	}
	add := func(part string) {
		if part == "" {
			return
		}
		if s != "" {
			s += ": "
		}
		s += part
	}
	add(e.Param)
	add(e.Detail())
	if s == "" {
		s = e.Kind.String()
	}
	return s
}

// Detail returns the message and cause without the parameter name and the
// operation: what an adapter shows next to the parameter it names itself.
func (e *Error) Detail() string {
	switch {
	case e.Message != "" && e.Err != nil:
		return e.Message + ": " + e.Err.Error()
	case e.Message != "":
		return e.Message
	case e.Err != nil:
		return e.Err.Error()
	}
	return ""
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is the sentinel of e's kind, so that
// errors.Is(err, caravan.ErrInvalid) works on any *Error of kind Invalid.
func (e *Error) Is(target error) bool {
	s, ok := target.(sentinel)
	return ok && Kind(s) == e.Kind
}

type sentinel Kind

func (s sentinel) Error() string { return Kind(s).String() }

// Sentinels for errors.Is. Wrap them with fmt.Errorf("...: %w", ErrInvalid)
// or return an *Error of the kind; both are found by KindOf.
var (
	ErrInvalid     error = sentinel(Invalid)
	ErrNotFound    error = sentinel(NotFound)
	ErrConflict    error = sentinel(Conflict)
	ErrUnavailable error = sentinel(Unavailable)
)

// Errorf returns an *Error of kind k whose message is formatted from format
// and args. A %w verb in format wraps the cause as usual.
func Errorf(k Kind, op, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	return &Error{Kind: k, Op: op, Err: err}
}

// InvalidParam returns an error of kind Invalid about the request parameter
// param (API spelling, e.g. "max_shared"). The message is formatted from
// format and args and does not repeat the parameter's name.
func InvalidParam(param, format string, args ...any) error {
	return &Error{Kind: Invalid, Param: param, Err: fmt.Errorf(format, args...)}
}

// ParamError returns an error of kind k about the request parameter param.
func ParamError(k Kind, param, format string, args ...any) error {
	return &Error{Kind: k, Param: param, Err: fmt.Errorf(format, args...)}
}

// ParamOf returns the request parameter that err is about ("" when none).
func ParamOf(err error) string {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Param
	}
	return ""
}

// ParamDetail returns the parameter err is about and what is wrong with it
// without the parameter's name (Error.Detail), for an adapter that names
// the parameter its own way; err.Error() and "" when err names none.
func ParamDetail(err error) (param, detail string) {
	if e, ok := errors.AsType[*Error](err); ok && e.Param != "" {
		return e.Param, e.Detail()
	}
	return "", err.Error()
}

// KindOf returns the kind of err: the kind of the first *Error in its chain,
// or of the first sentinel it wraps, or Internal.
func KindOf(err error) Kind {
	if err == nil {
		return Internal
	}
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Kind
	}
	for _, k := range []Kind{Invalid, NotFound, Conflict, Unavailable} {
		if errors.Is(err, sentinel(k)) {
			return k
		}
	}
	return Internal
}
