package main

import (
	"io/fs"

	"github.com/caravan-transport/caravan/web"
)

// webUI returns the built web map to serve at /, or nil when there is none.
func webUI() fs.FS { return web.FS() }
