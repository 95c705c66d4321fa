package tntp

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/caravan-transport/caravan"
)

// Files names the files of one instance inside a directory; a path is ""
// when the directory has no such file.
type Files struct {
	Net, Trips, Flow, Nodes string
}

// FindFiles looks in dir for the files of one instance by the suffixes the
// published instances use, ignoring case: "_net.tntp", "_trips.tntp",
// "_flow.tntp" and "_node.tntp". A network file is required (kind
// caravan.NotFound without one); two files with the same suffix are an
// error of kind caravan.Invalid.
func FindFiles(dir string) (Files, error) {
	const op = "tntp.FindFiles"
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Files{}, caravan.Errorf(caravan.NotFound, op, "%w", err)
		}
		return Files{}, caravan.Errorf(caravan.Unavailable, op, "%w", err)
	}
	var f Files
	roles := []struct {
		suffix string
		dst    *string
	}{{"_net.tntp", &f.Net}, {"_trips.tntp", &f.Trips}, {"_flow.tntp", &f.Flow}, {"_node.tntp", &f.Nodes}}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		lower := strings.ToLower(name)
		for _, r := range roles {
			if !strings.HasSuffix(lower, r.suffix) {
				continue
			}
			p := filepath.Join(dir, name)
			if *r.dst != "" {
				return Files{}, caravan.Errorf(caravan.Invalid, op, "%s: both %s and %s end in %s", dir, filepath.Base(*r.dst), name, r.suffix)
			}
			*r.dst = p
		}
	}
	if f.Net == "" {
		return Files{}, caravan.Errorf(caravan.NotFound, op, "%s: no file ending in _net.tntp", dir)
	}
	return f, nil
}
