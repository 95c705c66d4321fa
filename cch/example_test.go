package cch_test

import (
	"context"
	"fmt"
	"math"

	"github.com/caravan-transport/caravan/cch"
	"github.com/caravan-transport/caravan/csr"
)

// A four-node road: build the hierarchy once, customize it for the
// weights, and again when a scenario closes a road.
func Example() {
	// 0 →(4) 1 →(1) 2 →(1) 3, and a slow direct road 0 →(9) 3.
	g, perm, err := csr.Build(4, []int32{0, 1, 2, 0}, []int32{1, 2, 3, 3})
	if err != nil {
		panic(err)
	}
	w := csr.Permute([]float64{4, 1, 1, 9}, perm)
	c, err := cch.Build(context.Background(), g, cch.Options{}) // no weights needed
	if err != nil {
		panic(err)
	}
	m, err := c.Customize(context.Background(), w)
	if err != nil {
		panic(err)
	}
	q := cch.NewQuery(m)
	fmt.Println("distance:", q.Distance(0, 3))
	for i, a := range q.Path(nil) {
		if i > 0 {
			fmt.Print(" ")
		}
		fmt.Printf("%d→%d", g.Tails[a], g.Heads[a])
	}
	fmt.Println()

	// A scenario closes 1 → 2: customize again, same order and supergraph.
	w2 := append([]float64(nil), w...)
	w2[perm[1]] = math.Inf(1) // +Inf blocks an arc
	m2, err := c.Customize(context.Background(), w2)
	if err != nil {
		panic(err)
	}
	fmt.Println("after closing 1→2:", cch.NewQuery(m2).Distance(0, 3))
	// Output:
	// distance: 6
	// 0→1 1→2 2→3
	// after closing 1→2: 9
}

// An Updater applies a closure and its reopening by partial customization:
// only the part of the hierarchy the closed road reaches is recomputed.
func ExampleUpdater() {
	// 0 →(4) 1 →(1) 2 →(1) 3, and a slow direct road 0 →(9) 3.
	g, perm, err := csr.Build(4, []int32{0, 1, 2, 0}, []int32{1, 2, 3, 3})
	if err != nil {
		panic(err)
	}
	w := csr.Permute([]float64{4, 1, 1, 9}, perm)
	c, err := cch.Build(context.Background(), g, cch.Options{})
	if err != nil {
		panic(err)
	}
	u, err := c.NewUpdater(context.Background(), w) // customizes for w
	if err != nil {
		panic(err)
	}
	closed := append([]float64(nil), w...)
	closed[perm[1]] = math.Inf(1) // close 1 → 2
	m, err := u.Update(context.Background(), closed)
	if err != nil {
		panic(err)
	}
	fmt.Println("closed:", cch.NewQuery(m).Distance(0, 3), "weights changed:", u.LastUpdate().ChangedWeights)
	m, err = u.Update(context.Background(), w) // reopen
	if err != nil {
		panic(err)
	}
	fmt.Println("reopened:", cch.NewQuery(m).Distance(0, 3))
	// Output:
	// closed: 9 weights changed: 1
	// reopened: 6
}
