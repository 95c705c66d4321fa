package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/caravan-transport/caravan"
)

func TestParseArticle(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		date       string // "" for none
		body       string // the text from Body on
		header     map[string]string
	}{
		{"inline date with leading space", " date 2025-10-08 سرپرست وزارت گفت.", "2025-10-08", " سرپرست وزارت گفت.", nil},
		{"date on its own line", "date 2025-12-04\nمتن خبر", "2025-12-04", "متن خبر", nil},
		{"date with colon and header lines", "date: 2025-12-04\nsource: IRNA\ntitle عنوان خبر\n\nمتن", "2025-12-04", "\nمتن",
			map[string]string{"source": "IRNA", "title": "عنوان خبر"}},
		{"Solar Hijri date", "date ۱۴۰۴/۰۷/۱۶\nمتن", "2025-10-08", "متن", nil},
		{"no date, blank lines first", "\n\nخیز ایران به سمت …", "", "\n\nخیز ایران به سمت …", nil},
		{"English without header", "KABUL(BNA) Officials from the Ministry", "", "KABUL(BNA) Officials from the Ministry", nil},
		{"a first word that is not a header", "Date palms are exported", "", "Date palms are exported", nil},
		{"CRLF", "date 2025-01-16\r\nمتن", "2025-01-16", "متن", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("x", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !a.Date.IsZero() {
				got = a.Date.Format(time.DateOnly)
			}
			if got != tt.date {
				t.Errorf("date = %q, want %q", got, tt.date)
			}
			if b := tt.text[a.Body:]; b != tt.body {
				t.Errorf("body = %q, want %q", b, tt.body)
			}
			for k, v := range tt.header {
				if a.Header[k] != v {
					t.Errorf("header %q = %q, want %q", k, a.Header[k], v)
				}
			}
		})
	}
}

func TestParseArticleBadDate(t *testing.T) {
	_, err := ParseArticle("a-1", "date 2025-13-45 text")
	if !errors.Is(err, caravan.ErrInvalid) {
		t.Fatalf("error = %v, want invalid", err)
	}
	if want := `a-1:1: field "date"`; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}

func TestReadArticles(t *testing.T) {
	fsys := fstest.MapFS{
		"b-2.txt":    {Data: []byte("date 2025-01-01\nمتن")},
		"a-1":        {Data: []byte("text")},
		"gold.jsonl": {Data: []byte("{}")},
		"README.md":  {Data: []byte("#")},
		".hidden":    {Data: []byte("x")},
		"sub/c.txt":  {Data: []byte("x")},
	}
	arts, err := ReadArticles(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if len(ids) != 2 || ids[0] != "a-1" || ids[1] != "b-2" {
		t.Errorf("ids = %v, want [a-1 b-2]", ids)
	}
	_, err = ReadArticles(context.Background(), fstest.MapFS{"bad.txt": {Data: []byte{0xff, 0xfe}}})
	if !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("non-UTF-8 file: error = %v, want invalid", err)
	}
}
