package csr

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixHeapOrder drives the heap as Dijkstra does (every key pushed is
// at least the last popped) and checks that keys come out in order.
func TestRadixHeapOrder(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 0))
			base := 0.0
			if seed%3 == 0 {
				base = -rng.Float64() * 1e3
			}
			var h radixHeap
			h.reset(base)
			var want []float64
			last := base
			push := func() {
				k := last
				switch rng.IntN(4) {
				case 0: // a tie
				case 1:
					k += float64(rng.IntN(100))
				default:
					k += rng.Float64() * math.Pow(10, float64(rng.IntN(8)-3))
				}
				h.push(k, int32(len(want)))
				want = append(want, k)
			}
			for range 1 + rng.IntN(5) {
				push()
			}
			var got []float64
			for h.len() > 0 {
				it := h.pop()
				k := want[it.node]
				if it.k != h.bits(k) {
					t.Fatalf("entry of node %d carries %x, want %x", it.node, it.k, h.bits(k))
				}
				if k < last {
					t.Fatalf("popped %v after %v", k, last)
				}
				last = k
				got = append(got, k)
				for range rng.IntN(4) {
					if len(want) < 2000 {
						push()
					}
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("popped %d keys, pushed %d", len(got), len(want))
			}
		})
	}
}

// TestSearchFromNegativeStarts checks multi-source searches whose start costs
// are negative (the heap then buckets keys relative to the lowest start).
func TestSearchFromNegativeStarts(t *testing.T) {
	// A path 0 → 1 → 2 → 3 of weight 1 each, entered at 0 (cost -5) and 2 (cost -6.5).
	g, perm, err := Build(4, []int32{0, 1, 2}, []int32{1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	w := Permute([]float64{1, 1, 1}, perm)
	s := NewSearcher(g)
	got := s.SearchFrom(w, nil, []Start{{Node: 0, Cost: -5}, {Node: 2, Cost: -6.5}}, -1)
	if !math.IsInf(got, 1) {
		t.Errorf("SearchFrom(dst -1) = %v, want +Inf", got)
	}
	for v, want := range []float64{-5, -4, -6.5, -5.5} {
		if d := s.Dist(int32(v)); d != want {
			t.Errorf("Dist(%d) = %v, want %v", v, d, want)
		}
	}
}

// TestMinHeap pops random keys in order, with stale duplicates pushed in
// between, and allocates nothing once warm.
func TestMinHeap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 0))
	var h MinHeap
	for round := range 3 {
		h.Reset()
		var keys []float64
		for i := range 500 {
			k := math.Floor(rng.Float64() * 100)
			keys = append(keys, k)
			h.Push(k, int32(i))
		}
		slices.Sort(keys)
		for i, want := range keys {
			if h.Empty() || h.MinKey() != want {
				t.Fatalf("round %d, pop %d: min key %v, want %v", round, i, h.MinKey(), want)
			}
			if got := h.Pop(); got.Key != want {
				t.Fatalf("round %d, pop %d: key %v, want %v", round, i, got.Key, want)
			}
		}
		if !h.Empty() {
			t.Fatal("heap not empty after popping every entry")
		}
	}
	if n := testing.AllocsPerRun(50, func() {
		h.Reset()
		for i := range 500 {
			h.Push(float64(500-i), int32(i))
		}
		for !h.Empty() {
			h.Pop()
		}
	}); n != 0 {
		t.Errorf("%v allocations per run after warm-up, want 0", n)
	}
}
