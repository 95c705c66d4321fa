package assign_test

import (
	"context"
	"fmt"

	"github.com/caravan-transport/caravan/assign"
)

// ExampleSolve assigns 6 trips on Braess's network: at equilibrium the
// three paths from zone 0 to zone 1 carry 2 trips each and cost 92 each.
func ExampleSolve() {
	links := []assign.Link{
		{From: 0, To: 2, FreeFlowTime: 1e-8, Capacity: 1, B: 1e9, Power: 1}, // cost 10x
		{From: 0, To: 3, FreeFlowTime: 50, Capacity: 1, B: 0.02, Power: 1},  // 50 + x
		{From: 2, To: 1, FreeFlowTime: 50, Capacity: 1, B: 0.02, Power: 1},  // 50 + x
		{From: 2, To: 3, FreeFlowTime: 10, Capacity: 1, B: 0.1, Power: 1},   // 10 + x
		{From: 3, To: 1, FreeFlowTime: 1e-8, Capacity: 1, B: 1e9, Power: 1}, // 10x
	}
	net, err := assign.NewNetwork(4, 2, 0, links)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := assign.NewDemand(2, []assign.OD{{From: 0, To: 1, Flow: 6}})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := assign.Solve(context.Background(), net, d, assign.Options{Algorithm: assign.B, Gap: 1e-12})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, l := range links {
		fmt.Printf("%d→%d flow %.3f cost %.3f\n", l.From, l.To, r.Flow[i], r.Cost[i])
	}
	fmt.Printf("TSTT %.3f, converged %v\n", r.TSTT, r.Converged)
	// Output:
	// 0→2 flow 4.000 cost 40.000
	// 0→3 flow 2.000 cost 52.000
	// 2→1 flow 2.000 cost 52.000
	// 2→3 flow 2.000 cost 12.000
	// 3→1 flow 4.000 cost 40.000
	// TSTT 552.000, converged true
}
