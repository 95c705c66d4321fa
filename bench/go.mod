module github.com/caravan-transport/caravan/bench

go 1.26.8

require (
	github.com/LdDl/ch v1.7.5
	github.com/caravan-transport/caravan v0.0.0-00010101000000-000000000000
	gonum.org/v1/gonum v0.17.0
)

require (
	github.com/paulmach/orb v0.14.0 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	go.mongodb.org/mongo-driver/v2 v2.5.0 // indirect
)

replace github.com/caravan-transport/caravan => ../
