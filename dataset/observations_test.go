package dataset_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caravan-transport/caravan/dataset"
)

// TestObservationTIR: tir is read on road trips and refused on a trip
// without road.
func TestObservationTIR(t *testing.T) {
	const head = "id,what,from,to,modes,service,tir,trip_date,days,time_set,sources\n"
	load := func(row string) ([]dataset.Observation, error) {
		return dataset.LoadObservations(fstest.MapFS{"observations.csv": {Data: []byte(head + row + "\n")}})
	}
	obs, err := load("a,truck,pk-karachi,uz-tashkent,road,,true,2021-04-29,5,holdout,OBS-TIR-PILOT-2021")
	if err != nil || len(obs) != 1 || !obs[0].TIR {
		t.Fatalf("road trip under TIR: %v, %v", obs, err)
	}
	if _, err := load("b,train,uz-tashkent,af-hairatan,rail,block,true,2020-04-16,2,fit,OBS-UTY-HAIRATAN-2020"); err == nil || !strings.Contains(err.Error(), "tir") {
		t.Errorf("TIR on a rail trip: %v, want an error on tir", err)
	}
}
