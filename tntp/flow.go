package tntp

import (
	"bytes"
	"context"
	"io"
	"strconv"
)

// Flow is a TNTP flow file: link volumes and generalized costs, usually the
// best-known equilibrium of a network.
type Flow struct {
	Metadata []Meta     // the metadata block, if the file has one (ChicagoRegional's holds -1 values)
	Header   []string   // the column names of the header line, if any ("From", "To", "Volume", "Cost")
	Links    []LinkFlow // in file order
}

// LinkFlow is one line of a flow file.
type LinkFlow struct {
	From, To int32   // node ids as in the network file
	Volume   float64 // vehicles (or the network's flow unit)
	Cost     float64 // generalized cost at Volume
	Line     int
}

// ReadFlowFile reads the flow file at path; see ReadFlow.
func ReadFlowFile(ctx context.Context, path string) (*Flow, error) {
	return readFile(ctx, "tntp.ReadFlowFile", path, ReadFlow)
}

// ReadFlow parses a flow file from r; name labels error messages. The
// metadata block and the header line are optional: a first line whose first
// value is not a number is taken as the header. Every other line needs from,
// to, volume and cost (and an optional ";"); ids must be positive and
// numbers finite. It cannot check ids against a network: match the links
// with Network.Links yourself. Errors have kind caravan.Invalid.
func ReadFlow(ctx context.Context, r io.Reader, name string) (*Flow, error) {
	lr := newLineReader(ctx, r, "tntp.ReadFlow", name)
	meta, err := lr.metadata(false)
	if err != nil {
		return nil, err
	}
	fl := &Flow{Metadata: meta}
	first := true
	var f [][]byte
	for {
		t, ok, err := lr.nextBytes()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		f = fieldsBytes(f[:0], t)
		if first {
			first = false
			if len(f) > 0 && !isNumber(f[0]) {
				for _, h := range f {
					fl.Header = append(fl.Header, string(h))
				}
				continue
			}
		}
		if err := lr.wantFields(f, 4, "from to volume cost"); err != nil {
			return nil, err
		}
		l := LinkFlow{Line: lr.line}
		if l.From, err = lr.idBytes("from", f[0], -1); err != nil {
			return nil, err
		}
		if l.To, err = lr.idBytes("to", f[1], -1); err != nil {
			return nil, err
		}
		if l.Volume, err = lr.floatBytes("volume", f[2]); err != nil {
			return nil, err
		}
		if l.Cost, err = lr.floatBytes("cost", f[3]); err != nil {
			return nil, err
		}
		fl.Links = append(fl.Links, l)
	}
	return fl, nil
}

// Node is one line of a node file: a node id and its coordinates in the
// network's units.
type Node struct {
	ID   int32
	X, Y float64
}

// ReadNodesFile reads the node file at path; see ReadNodes.
func ReadNodesFile(ctx context.Context, path string) ([]Node, error) {
	return readFile(ctx, "tntp.ReadNodesFile", path, ReadNodes)
}

// ReadNodes parses a node file from r; name labels error messages. An
// optional metadata block and header line ("Node X Y ;") come first; then
// "id x y" with an optional ";" per line. Ids must be positive and unique.
// Errors have kind caravan.Invalid.
func ReadNodes(ctx context.Context, r io.Reader, name string) ([]Node, error) {
	lr := newLineReader(ctx, r, "tntp.ReadNodes", name)
	if _, err := lr.metadata(false); err != nil {
		return nil, err
	}
	var out []Node
	seen := map[int32]int{}
	first := true
	var f [][]byte
	for {
		t, ok, err := lr.nextBytes()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		f = fieldsBytes(f[:0], t)
		if first {
			first = false
			if len(f) > 0 && !isNumber(f[0]) {
				continue // header
			}
		}
		if err := lr.wantFields(f, 3, "node x y"); err != nil {
			return nil, err
		}
		var nd Node
		if nd.ID, err = lr.idBytes("node", f[0], -1); err != nil {
			return nil, err
		}
		if prev, dup := seen[nd.ID]; dup {
			return nil, lr.errorf("field node: %d listed twice (first at line %d)", nd.ID, prev)
		}
		seen[nd.ID] = lr.line
		if nd.X, err = lr.floatBytes("x", f[1]); err != nil {
			return nil, err
		}
		if nd.Y, err = lr.floatBytes("y", f[2]); err != nil {
			return nil, err
		}
		out = append(out, nd)
	}
	return out, nil
}

// isNumber reports whether b parses as a number.
func isNumber(b []byte) bool {
	_, err := strconv.ParseFloat(string(bytes.TrimSuffix(b, []byte(";"))), 64)
	return err == nil
}
