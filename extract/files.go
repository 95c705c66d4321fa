package extract

import (
	"context"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/caravan-transport/caravan"
)

// ArticleID returns the article id of a file name: the base name without
// its extension ("seed-000.txt" → "seed-000").
func ArticleID(name string) string {
	b := path.Base(name)
	if k := strings.LastIndexByte(b, '.'); k > 0 {
		b = b[:k]
	}
	return b
}

// IsArticleFile reports whether a directory entry name is an article:
// not hidden, and not a .md, .json or .jsonl file.
func IsArticleFile(name string) bool {
	b := path.Base(name)
	if strings.HasPrefix(b, ".") {
		return false
	}
	switch strings.ToLower(path.Ext(b)) {
	case ".md", ".json", ".jsonl", ".go":
		return false
	}
	return true
}

// ReadArticles reads every article file of the directory fsys (not its
// subdirectories), sorted by id. Files that are not valid UTF-8 or whose
// header is malformed give an error of kind caravan.Invalid naming the
// file.
func ReadArticles(ctx context.Context, fsys fs.FS) ([]Article, error) {
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, caravan.Errorf(caravan.NotFound, "extract.ReadArticles", "%w", err)
	}
	var out []Article
	for _, e := range ents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if e.IsDir() || !IsArticleFile(e.Name()) {
			continue
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, caravan.Errorf(caravan.Invalid, "extract.ReadArticles", "%s: %w", e.Name(), err)
		}
		if !utf8.Valid(b) {
			return nil, caravan.Errorf(caravan.Invalid, "extract.ReadArticles", "%s: not UTF-8 text", e.Name())
		}
		a, err := ParseArticle(ArticleID(e.Name()), string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
