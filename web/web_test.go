package web_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan/web"
)

func TestDistHasPage(t *testing.T) {
	f := web.FS()
	index, err := fs.ReadFile(f, "index.html")
	if err != nil {
		t.Fatalf("index.html: %v", err)
	}
	for _, ref := range []string{`src="main.js"`, `href="main.css"`} {
		if !strings.Contains(string(index), ref) {
			t.Errorf("index.html does not reference %s", ref)
		}
	}
	for _, name := range []string{"main.js", "main.css"} {
		b, err := fs.ReadFile(f, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(b) < 1000 {
			t.Errorf("%s is %d bytes; want a built bundle", name, len(b))
		}
	}
	// Every url(...) of the stylesheet names a file of dist.
	css, _ := fs.ReadFile(f, "main.css")
	for _, m := range regexp.MustCompile(`url\(([^)]+)\)`).FindAllStringSubmatch(string(css), -1) {
		u := strings.Trim(m[1], `"'`)
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "#") { // #default#VML: old IE behaviours
			continue
		}
		if _, err := fs.Stat(f, strings.TrimPrefix(u, "./")); err != nil {
			t.Errorf("main.css refers to %s, which dist lacks", u)
		}
	}
}

// notFetched lists the http(s) URLs a built file may name because the
// page never requests them: XML namespace names, and Leaflet's own
// attribution link, which the map does not show.
var notFetched = regexp.MustCompile(`^(http://www\.w3\.org/(2000/svg|1999/xlink|1999/xhtml|XML/1998/namespace)|https://leafletjs\.com)$`)

func TestNoExternalURLs(t *testing.T) {
	f := web.FS()
	url := regexp.MustCompile(`(?i)https?://[^\s"'` + "`" + `)<>\\]+`)
	n := 0
	err := fs.WalkDir(f, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		b, err := fs.ReadFile(f, path)
		if err != nil {
			return err
		}
		for _, u := range url.FindAllString(string(b), -1) {
			if !notFetched.MatchString(u) {
				t.Errorf("%s names %s, outside the page's origin", path, u)
			}
		}
		// Protocol-relative references (//host/...) in markup and styles.
		if strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".css") {
			if m := regexp.MustCompile(`(src|href|url)\s*[=(]\s*["']?//`).FindString(string(b)); m != "" {
				t.Errorf("%s has a protocol-relative reference %q", path, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Fatalf("dist has %d files; want index.html, main.js, main.css at least", n)
	}
}
