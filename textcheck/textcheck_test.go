package textcheck_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/caravan-transport/caravan/textcheck"
)

func TestInvalidUTF8(t *testing.T) {
	for _, tt := range []struct {
		in        string
		off, line int
	}{
		{"", -1, 1},
		{"plain\nکابل\n", -1, 1},
		{"ok\ncaf\xe9\n", 6, 2},
		{"\xff", 0, 1},
		{"a\nb\nکا\xd8", 8, 3}, // a truncated two-byte sequence at the end
	} {
		off := textcheck.InvalidUTF8([]byte(tt.in))
		if off != tt.off {
			t.Errorf("InvalidUTF8(%q) = %d, want %d", tt.in, off, tt.off)
		}
		if off >= 0 {
			if l := textcheck.Line([]byte(tt.in), off); l != tt.line {
				t.Errorf("Line(%q, %d) = %d, want %d", tt.in, off, l, tt.line)
			}
		}
	}
	if l := textcheck.Line([]byte("a\nb"), 99); l != 2 {
		t.Errorf("Line past the end = %d, want 2", l)
	}
	if l := textcheck.Line([]byte("a\nb"), -3); l != 1 {
		t.Errorf("Line before the start = %d, want 1", l)
	}
}

func TestLongJSONString(t *testing.T) {
	long := strings.Repeat("x", 11)
	for _, tt := range []struct {
		name, in string
		off, n   int
	}{
		{"none", `{"a": "short", "b": ["ok"]}`, -1, 0},
		{"value", `{"a": "` + long + `"}`, 6, 11},
		{"key", `{"` + long + `": 1}`, 1, 11},
		{"escaped quote inside", `{"a": "\"` + long + `"}`, 6, 13},
		{"limit exactly", `["` + long[:10] + `"]`, -1, 0},
		{"unterminated", `["` + long, 1, 11},
	} {
		off, n := textcheck.LongJSONString([]byte(tt.in), 10)
		if off != tt.off || n != tt.n {
			t.Errorf("%s: LongJSONString = %d, %d; want %d, %d", tt.name, off, n, tt.off, tt.n)
		}
	}
}

func FuzzChecks(f *testing.F) {
	f.Add([]byte(`{"a": "b\"c"}`), 3)
	f.Add([]byte("caf\xe9\n\"x"), 0)
	f.Fuzz(func(t *testing.T, data []byte, limit int) {
		off := textcheck.InvalidUTF8(data)
		if (off < 0) != utf8.Valid(data) || off >= len(data) {
			t.Fatalf("InvalidUTF8 = %d for valid=%v, %d bytes", off, utf8.Valid(data), len(data))
		}
		if off >= 0 && !utf8.Valid(data[:off]) {
			t.Fatalf("invalid UTF-8 before offset %d", off)
		}
		s, n := textcheck.LongJSONString(data, limit)
		if s >= 0 && (data[s] != '"' || n <= limit || s+1+n > len(data)) {
			t.Fatalf("LongJSONString = %d, %d (limit %d, %d bytes)", s, n, limit, len(data))
		}
	})
}
