package osm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Limits of the PBF format (https://wiki.openstreetmap.org/wiki/PBF_Format):
// a BlobHeader is under 64 KiB, a Blob and its uncompressed data under
// 32 MiB.
const (
	maxHeaderSize = 64 * 1024
	maxBlobSize   = 32 * 1024 * 1024
)

// checkFraming walks the file blocks of a PBF stream and checks what the
// decoder trusts without checking: block and blob sizes within the format's
// limits, known block types, and a declared uncompressed size for every
// compressed blob that is within the limit too. osmpbf allocates buffers of
// the declared sizes in its own goroutines, so a corrupt size there would
// exhaust memory or crash the process instead of returning an error. It
// returns the number of bytes walked.
func checkFraming(r io.Reader) (int64, error) {
	var (
		off     int64
		sizeBuf [4]byte
		buf     []byte
	)
	for block := 0; ; block++ {
		if _, err := io.ReadFull(r, sizeBuf[:]); err != nil {
			if err == io.EOF && block > 0 {
				return off, nil
			}
			if err == io.EOF {
				return 0, errors.New("empty file: no OSMHeader block")
			}
			return off, fmt.Errorf("block %d at byte %d: truncated size: %w", block, off, err)
		}
		hs := binary.BigEndian.Uint32(sizeBuf[:])
		if hs == 0 || hs >= maxHeaderSize {
			return off, fmt.Errorf("block %d at byte %d: header size %d outside 1..%d", block, off, hs, maxHeaderSize-1)
		}
		buf = grow(buf, int(hs))
		if _, err := io.ReadFull(r, buf); err != nil {
			return off, fmt.Errorf("block %d at byte %d: truncated header: %w", block, off, err)
		}
		var typ string
		dataSize := int64(-1)
		err := fields(buf, func(num int, wire int, v uint64, b []byte) error {
			switch {
			case num == 1 && wire == 2:
				typ = string(b)
			case num == 3 && wire == 0:
				dataSize = int64(v)
			}
			return nil
		})
		if err != nil {
			return off, fmt.Errorf("block %d at byte %d: header: %w", block, off, err)
		}
		if typ != "OSMHeader" && typ != "OSMData" {
			return off, fmt.Errorf("block %d at byte %d: type %.20q, want OSMHeader or OSMData", block, off, typ)
		}
		if (typ == "OSMHeader") != (block == 0) {
			return off, fmt.Errorf("block %d at byte %d: %s block in the wrong place", block, off, typ)
		}
		if dataSize < 0 || dataSize >= maxBlobSize {
			return off, fmt.Errorf("block %d at byte %d: blob size %d outside 0..%d", block, off, dataSize, maxBlobSize-1)
		}
		buf = grow(buf, int(dataSize))
		if _, err := io.ReadFull(r, buf); err != nil {
			return off, fmt.Errorf("block %d at byte %d: truncated blob of %d bytes: %w", block, off, dataSize, err)
		}
		rawSize, compressed, raw := int64(-1), false, false
		err = fields(buf, func(num int, wire int, v uint64, b []byte) error {
			switch {
			case num == 1 && wire == 2:
				raw = true
			case num == 2 && wire == 0:
				rawSize = int64(int32(v))
			case num >= 3 && num <= 7 && wire == 2:
				compressed = true
			}
			return nil
		})
		if err != nil {
			return off, fmt.Errorf("block %d at byte %d: blob: %w", block, off, err)
		}
		if !raw && !compressed {
			return off, fmt.Errorf("block %d at byte %d: blob holds no data", block, off)
		}
		if compressed && (rawSize < 0 || rawSize >= maxBlobSize) {
			return off, fmt.Errorf("block %d at byte %d: uncompressed size %d outside 0..%d", block, off, rawSize, maxBlobSize-1)
		}
		off += 4 + int64(hs) + dataSize
	}
}

func grow(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}

var errProto = errors.New("malformed protobuf")

// fields calls f for each field of the protobuf message b: its number, wire
// type, and value (varints) or bytes (length-delimited). Fixed-size fields
// are skipped; groups are an error.
func fields(b []byte, f func(num, wire int, v uint64, b []byte) error) error {
	for len(b) > 0 {
		key, n := binary.Uvarint(b)
		if n <= 0 {
			return errProto
		}
		b = b[n:]
		num, wire := int(key>>3), int(key&7)
		if num == 0 {
			return errProto
		}
		switch wire {
		case 0:
			v, n := binary.Uvarint(b)
			if n <= 0 {
				return errProto
			}
			b = b[n:]
			if err := f(num, wire, v, nil); err != nil {
				return err
			}
		case 1:
			if len(b) < 8 {
				return errProto
			}
			b = b[8:]
		case 2:
			l, n := binary.Uvarint(b)
			if n <= 0 || l > uint64(len(b)-n) {
				return errProto
			}
			if err := f(num, wire, 0, b[n:n+int(l)]); err != nil {
				return err
			}
			b = b[n+int(l):]
		case 5:
			if len(b) < 4 {
				return errProto
			}
			b = b[4:]
		default:
			return errProto
		}
	}
	return nil
}
