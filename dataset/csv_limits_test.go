package dataset

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caravan-transport/caravan/network"
)

// TestCSVLimits: invalid UTF-8, an oversized field and an oversized file
// are problems with the file and line, not values read.
func TestCSVLimits(t *testing.T) {
	cols := []column{{name: "id", required: true}, {name: "note"}}
	for _, tt := range []struct {
		name, data, want string
	}{
		{"invalid utf-8", "id,note\nbad,caf\xe9\n", "x.csv:2: note: invalid UTF-8"},
		{"invalid utf-8 in a quoted field", "id,note\n\"b\xffd\",fine\n", "x.csv:2: id: invalid UTF-8"},
		{"invalid utf-8 in the header", "id,n\xe9\nok,fine\n", "x.csv:1: column 2: invalid UTF-8"},
		{"oversized field", "id,note\n\nok," + strings.Repeat("a", MaxFieldBytes+1) + "\n", "x.csv:3: note: field of 1048577 bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ps network.Problems
			tab := parseTable("x.csv", []byte(tt.data), cols, &ps)
			if got := errText(ps.Err()); !strings.Contains(got, tt.want) {
				t.Errorf("parseTable problems = %q, want %q", got, tt.want)
			}
			if tab != nil && len(tab.rows) != 0 {
				t.Errorf("parseTable kept %d rows, want none", len(tab.rows))
			}
		})
	}
	// A bad row is its own problem: the rows around it are read.
	var rps network.Problems
	tab := parseTable("x.csv", []byte("id,note\na,fine\nb,caf\xe9\nc,fine\n"), cols, &rps)
	if got := errText(rps.Err()); tab == nil || len(tab.rows) != 2 || !strings.Contains(got, "x.csv:3: note: invalid UTF-8") {
		t.Errorf("a row with invalid UTF-8 among good ones: problems %q, table %v", got, tab)
	}
	var ps network.Problems
	fsys := fstest.MapFS{"big.csv": {Data: make([]byte, MaxFileBytes+1)}}
	if tab := readTable(fsys, "big.csv", cols, false, &ps); tab != nil || !strings.Contains(errText(ps.Err()), "big.csv: file of 67108865 bytes") {
		t.Errorf("readTable of a big file: table %v, problems %q", tab, errText(ps.Err()))
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
