// Package textcheck holds the checks every reader of users' text files
// makes before parsing: that the bytes are UTF-8, and that no field (a JSON
// string) is longer than the reader allows. It reports where, as a byte
// offset and a 1-based line, so that readers can name file:line.
package textcheck

import (
	"bytes"
	"unicode/utf8"
)

// InvalidUTF8 returns the offset of the first byte of data that does not
// start a valid UTF-8 sequence, or -1 when data is valid UTF-8.
func InvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			return off
		}
		off += size
	}
	return -1
}

// Line returns the 1-based line of byte offset off in data (offsets outside
// data count as its start or end).
func Line(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return 1 + bytes.Count(data[:off], []byte{'\n'})
}

// LongJSONString finds the first string of JSON text data whose raw
// content (between its quotes, escapes as written) is longer than limit
// bytes. It returns the string's opening quote and its length, or -1 and 0.
// An unterminated string runs to the end of data. data need not be valid
// JSON: the scan only follows quotes and backslashes.
func LongJSONString(data []byte, limit int) (off, n int) {
	in, start := false, 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case !in && c == '"':
			in, start = true, i
		case in && c == '\\':
			i++
		case in && c == '"':
			in = false
			if i-start-1 > limit {
				return start, i - start - 1
			}
		}
	}
	if in && len(data)-start-1 > limit {
		return start, len(data) - start - 1
	}
	return -1, 0
}
