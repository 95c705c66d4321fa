package tntp

import (
	"bytes"
	"context"
	"io"
	"strconv"
)

// Trips is a TNTP trips (demand) file: its metadata and its origin-destination
// entries in file order, including zero flows and intrazonal (o == d)
// entries as the file lists them.
type Trips struct {
	Zones        int     // zones are 1..Zones
	TotalFlow    float64 // the <TOTAL OD FLOW> value; valid if HasTotalFlow
	HasTotalFlow bool
	Demand       []OD
	Metadata     []Meta // every metadata line, in file order
}

// OD is one entry of a trips file: Flow trips from zone Origin to zone Dest.
type OD struct {
	Origin, Dest int32 // 1..Zones
	Flow         float64
}

// Sum returns the total of all flows, intrazonal ones included.
func (t *Trips) Sum() float64 {
	s := 0.0
	for _, od := range t.Demand {
		s += od.Flow
	}
	return s
}

// ReadTripsFile reads the trips file at path; see ReadTrips.
func ReadTripsFile(ctx context.Context, path string) (*Trips, error) {
	return readFile(ctx, "tntp.ReadTripsFile", path, ReadTrips)
}

// ReadTrips parses a trips file from r; name labels error messages. It checks
// that zone ids are in 1..<NUMBER OF ZONES>, that flows are finite and not
// negative, that no origin block appears twice and no destination twice in
// one block. It does not require <TOTAL OD FLOW> to equal the sum of the
// flows (files round it). Errors have kind caravan.Invalid; a cancelled ctx
// returns ctx.Err().
func ReadTrips(ctx context.Context, r io.Reader, name string) (*Trips, error) {
	var ods []OD
	t, err := ScanTrips(ctx, r, name, nil, func(od OD) error {
		ods = append(ods, od)
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.Demand = ods
	return t, nil
}

// ScanTripsFile scans the trips file at path; see ScanTrips.
func ScanTripsFile(ctx context.Context, path string, begin func(*Trips) error, fn func(OD) error) (*Trips, error) {
	return readFile(ctx, "tntp.ScanTripsFile", path, func(ctx context.Context, r io.Reader, name string) (*Trips, error) {
		return ScanTrips(ctx, r, name, begin, fn)
	})
}

// ScanTrips reads a trips file as ReadTrips does, with the same checks, but
// hands each entry to fn in file order instead of keeping it: the Trips it
// returns has the metadata and no Demand. Readers that build their own
// matrix use it so that the file's entries are never held twice; a line
// costs no allocation. begin, if not nil, is called once with the metadata
// (Zones, TotalFlow) before the first entry. An error from begin or fn stops
// the scan and is returned with the file and line.
func ScanTrips(ctx context.Context, r io.Reader, name string, begin func(*Trips) error, fn func(OD) error) (*Trips, error) {
	lr := newLineReader(ctx, r, "tntp.ReadTrips", name)
	meta, err := lr.metadata(true)
	if err != nil {
		return nil, err
	}
	t := &Trips{Metadata: meta}
	if t.Zones, err = lr.metaInt(meta, TagZones); err != nil {
		return nil, err
	}
	if v, ok := Lookup(meta, TagTotalODFlow); ok {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, lr.fileErrorf("metadata <%s>: %q is not a number", TagTotalODFlow, clip(v))
		}
		t.TotalFlow, t.HasTotalFlow = x, true
	}
	if begin != nil {
		if err := begin(t); err != nil {
			return nil, lr.fileErrorf("%w", err)
		}
	}
	origin := int32(0)
	// originLine[o] is the line of origin o's block; destSeen[d] == origin
	// when d has been listed in the current block.
	originLine := make(map[int32]int)
	destSeen := make(map[int32]int32)
	var f [][]byte
	for {
		line, ok, err := lr.nextBytes()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if rest, ok := bytes.CutPrefix(line, []byte("Origin")); ok {
			f = fieldsBytes(f[:0], rest)
			if len(f) != 1 {
				return nil, lr.errorf("origin line %q: want \"Origin <zone>\"", clip(string(line)))
			}
			if origin, err = lr.idBytes("origin", f[0], t.Zones); err != nil {
				return nil, err
			}
			if prev, dup := originLine[origin]; dup {
				return nil, lr.errorf("origin %d: second block (the first is at line %d)", origin, prev)
			}
			originLine[origin] = lr.line
			continue
		}
		if origin == 0 {
			return nil, lr.errorf("%q before the first \"Origin\" line", clip(string(line)))
		}
		for len(line) > 0 {
			var entry []byte
			entry, line, _ = bytes.Cut(line, []byte(";"))
			entry = bytes.TrimSpace(entry)
			if len(entry) == 0 {
				continue
			}
			ds, fs, ok := bytes.Cut(entry, []byte(":"))
			if !ok {
				return nil, lr.errorf("entry %q: want \"<destination> : <flow>\"", clip(string(entry)))
			}
			d, err := lr.idBytes("destination", bytes.TrimSpace(ds), t.Zones)
			if err != nil {
				return nil, err
			}
			flow, err := lr.nonNegativeBytes("flow", bytes.TrimSpace(fs))
			if err != nil {
				return nil, err
			}
			if destSeen[d] == origin {
				return nil, lr.errorf("origin %d: destination %d listed twice", origin, d)
			}
			destSeen[d] = origin
			if err := fn(OD{Origin: origin, Dest: d, Flow: flow}); err != nil {
				return nil, lr.errorf("%w", err)
			}
		}
	}
	return t, nil
}
