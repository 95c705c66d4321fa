package main

import "io/fs"

// webUI returns the built web map to serve at /, or nil when there is none.
func webUI() fs.FS { return nil }
