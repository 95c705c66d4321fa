package server

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
)

// FuzzDecodeDocument feeds request bodies to the decoding of POST
// /documents: it never panics, and every refusal is a caller's mistake
// (Invalid, or the body limit), never an internal error.
func FuzzDecodeDocument(f *testing.F) {
	for _, s := range []string{`{"text":"Kabul","date":"2025-01-01"}`, `{"text":`, `{}`, `[]`, `{"text":5}`,
		`{"text":"a","x":1}`, `{"text":"a"} {}`, `{"text":"\u0000"}`, `{"lang":"de","text":"a"}`, "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/api/v1/documents", strings.NewReader(body))
		var req DocumentRequest
		err := decodeBody(r, &req)
		if err == nil {
			_, err = articleOf(&req)
		}
		if err != nil && caravan.KindOf(err) != caravan.Invalid {
			t.Fatalf("body %q: %v (kind %v), want invalid", body, err, caravan.KindOf(err))
		}
		if err != nil && caravan.ParamOf(err) == "" {
			t.Fatalf("body %q: %v names no parameter", body, err)
		}
	})
}
