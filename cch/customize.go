package cch

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
)

// customizer runs the triangle passes of one customization. wt holds the
// basic weights (2k up, 2k+1 down), pw the perfect ones, mid the middle
// ranks of the basic weights.
type customizer struct {
	c   *CCH
	wt  []pair
	pw  []pair
	mid [][2]int32
}

// pair holds the two directions of a supergraph arc {lo, hi}: lo → hi, then
// hi → lo.
type pair [2]float64

// parallel runs pass over all ranks. The elimination tree splits into a
// top part (the nodes whose subtrees hold more than a share of the nodes:
// the upper separators) and the subtrees hanging below it, which touch
// disjoint arcs; the subtrees run on separate goroutines (at most GOMAXPROCS
// at once), the top part alone, after them for a bottom-up pass and before
// them for a top-down one. pass processes the ranks it is given (in
// increasing order) with its own scratch.
func (cu *customizer) parallel(ctx context.Context, pass func(ctx context.Context, ranks []int32, pos []int32) error, topDown bool) error {
	c := cu.c
	n := int32(len(c.order))
	procs := runtime.GOMAXPROCS(0)
	pos := make([]int32, n)
	if procs < 2 || n < 4096 {
		all := make([]int32, n)
		for r := range all {
			all[r] = int32(r)
		}
		return pass(ctx, all, pos)
	}
	groups, top := c.subtrees(max(n/int32(4*procs), 1024))
	if topDown {
		if err := pass(ctx, top, pos); err != nil {
			return err
		}
	}
	work := make(chan []int32, len(groups))
	for _, r := range groups {
		work <- r
	}
	close(work)
	var wg sync.WaitGroup
	errs := make([]error, min(procs, len(groups)))
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pos := pos
			if i > 0 {
				pos = make([]int32, n)
			}
			for r := range work {
				if err := pass(ctx, r, pos); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if !topDown {
		return pass(ctx, top, pos)
	}
	return nil
}

// subtrees splits the elimination forest: top lists, in increasing rank,
// the nodes whose subtrees hold more than limit nodes (a set closed under
// parents); groups are the subtrees hanging below them, each as its ranks
// in increasing order, largest first.
func (c *CCH) subtrees(limit int32) (groups [][]int32, top []int32) {
	n := int32(len(c.order))
	size := make([]int32, n)
	for r := range n {
		size[r]++
		if p := c.parent[r]; p >= 0 {
			size[p] += size[r]
		}
	}
	id := make([]int32, n) // group of each rank, -1 for top
	var sizes []int32
	for r := n - 1; r >= 0; r-- {
		p := c.parent[r]
		switch {
		case size[r] > limit:
			id[r] = -1
		case p < 0 || id[p] < 0:
			id[r] = int32(len(sizes))
			sizes = append(sizes, size[r])
		default:
			id[r] = id[p]
		}
	}
	all := make([]int32, n)
	at := make([]int32, len(sizes)+1)
	for g, sz := range sizes {
		at[g+1] = at[g] + sz
	}
	next := slices.Clone(at[:len(sizes)])
	for r := range n {
		if g := id[r]; g >= 0 {
			all[next[g]] = r
			next[g]++
		}
	}
	for g := range sizes {
		groups = append(groups, all[at[g]:at[g+1]])
	}
	top = all[at[len(sizes)]:at[len(sizes)]]
	for r := range n {
		if id[r] < 0 {
			top = append(top, r)
		}
	}
	slices.SortFunc(groups, func(a, b []int32) int { return len(b) - len(a) })
	return groups, top
}

// basic runs the lower-triangle pass on ranks, bottom up.
func (cu *customizer) basic(ctx context.Context, ranks []int32, pos []int32) error {
	c := cu.c
	first, head, dfirst, dtail, darc := c.first, c.head, c.dfirst, c.dtail, c.darc
	wt, mid := cu.wt, cu.mid
	inf := math.Inf(1)
	for i, u := range ranks {
		if i&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for k := first[u]; k < first[u+1]; k++ {
			pos[head[k]] = k
		}
		for i := dfirst[u]; i < dfirst[u+1]; i++ {
			x, kx := dtail[i], darc[i]
			xu, ux := wt[kx][0], wt[kx][1] // x→u, u→x
			if ux == inf && xu == inf {
				continue
			}
			hs := head[kx+1 : first[x+1]]
			ws := wt[kx+1 : first[x+1]]
			ws = ws[:len(hs)]
			for jj, v := range hs {
				k := pos[v]
				xv, vx := ws[jj][0], ws[jj][1]
				t := &wt[k]
				if s := ux + xv; s < t[0] {
					t[0] = s
					mid[k][0] = x
				}
				if s := vx + xu; s < t[1] {
					t[1] = s
					mid[k][1] = x
				}
			}
		}
	}
	return nil
}

// perfect runs the upper- and intermediate-triangle pass on ranks, top
// down.
func (cu *customizer) perfect(ctx context.Context, ranks []int32, pos []int32) error {
	c := cu.c
	first, head, dfirst, dtail, darc := c.first, c.head, c.dfirst, c.dtail, c.darc
	pw := cu.pw
	for ix := len(ranks) - 1; ix >= 0; ix-- {
		x := ranks[ix]
		if ix&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for k := first[x]; k < first[x+1]; k++ {
			pos[head[k]] = k
		}
		// Triangles {u, x, v}, u < x < v, through the arcs {u, x} entering x.
		for i := dfirst[x]; i < dfirst[x+1]; i++ {
			u, kx := dtail[i], darc[i]
			ux, xu := pw[kx][0], pw[kx][1] // u→x, x→u
			hs := head[kx+1 : first[u+1]]
			ws := pw[kx+1 : first[u+1]]
			ws = ws[:len(hs)]
			for jj, v := range hs {
				xv, vx := pw[pos[v]][0], pw[pos[v]][1] // arc {x, v}
				uv, vu := ws[jj][0], ws[jj][1]
				if s := uv + vx; s < ux { // u→v→x
					ux = s
				}
				if s := xv + vu; s < xu { // x→v→u
					xu = s
				}
				if s := ux + xv; s < uv { // u→x→v
					ws[jj][0] = s
				}
				if s := vx + xu; s < vu { // v→x→u
					ws[jj][1] = s
				}
			}
			pw[kx][0], pw[kx][1] = ux, xu
		}
	}
	return nil
}
