// Package web holds caravan's web map, built from the npm project in this
// directory (sources in src/, bundled by esbuild with `node build.mjs`)
// into dist/, which is committed and embedded so that `caravan serve`
// needs no npm step. The page fetches nothing but its own files and
// /api/v1 of the server that serves it.
package web

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// FS returns the built web map: index.html, main.js, main.css and
// assets/, rooted at the directory that holds index.html.
func FS() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic("web: " + err.Error()) // dist is embedded at build time; Sub cannot fail on it
	}
	return sub
}
