package cch

import (
	"context"
	"sync"
)

// A Workspace keeps the scratch of one customization of a CCH (the basic
// and perfect weights, the triangles that gave them, the keep flags and the
// dense rows: about 60 bytes per supergraph arc, 0.9 GB on the 1M roadgrid
// with street classes) for the next customization through it, so that a
// process that applies one weight vector after another (scenarios,
// criteria) does not allocate and fault in that memory each time, which
// costs as much as the triangle passes on some machines (see
// BENCHMARKS.md). The Metrics it returns own their memory and stay valid
// after the next customization, unless handed back by Recycle. A Workspace
// holds its scratch until it is dropped; its methods may be called from
// several goroutines, one customization running at a time.
type Workspace struct {
	c     *CCH
	mu    sync.Mutex
	cu    *customizer
	keep  []uint8
	spare []*mblock // the blocks of a recycled Metric
}

// NewWorkspace returns an empty Workspace for c; the first customization
// through it allocates the scratch.
func (c *CCH) NewWorkspace() *Workspace { return &Workspace{c: c} }

// Customize is CCH.Customize with the workspace's scratch.
func (ws *Workspace) Customize(ctx context.Context, w []float64) (*Metric, error) {
	return ws.customize(ctx, "cch.Workspace.Customize", w, true)
}

// CustomizeBasic is CCH.CustomizeBasic with the workspace's scratch.
func (ws *Workspace) CustomizeBasic(ctx context.Context, w []float64) (*Metric, error) {
	return ws.customize(ctx, "cch.Workspace.CustomizeBasic", w, false)
}

func (ws *Workspace) customize(ctx context.Context, op string, w []float64, perfect bool) (*Metric, error) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	mt, _, _, err := ws.c.customizeState(ctx, op, w, perfect, false, ws)
	if err != nil {
		// A cancelled customization leaves its scratch half written: the
		// next one starts from fresh arrays.
		ws.cu, ws.keep = nil, nil
	}
	return mt, err
}

// Recycle hands back m, a Metric this workspace returned, so that the next
// customization through it builds its Metric in m's memory instead of
// allocating (and, on some machines, faulting in) as much again. m must not
// be used afterwards, by any goroutine: its queries would panic. A Metric
// the workspace did not return (nil, another workspace's, a CCH's or an
// Updater's, which may share its memory with other Metrics) is left alone,
// as is one already recycled. Only the last Metric handed back before a
// customization is reused.
func (ws *Workspace) Recycle(m *Metric) {
	if m == nil || m.ws != ws {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if m.blocks != nil {
		ws.spare, m.blocks = m.blocks, nil
	}
}
