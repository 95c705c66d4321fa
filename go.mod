module github.com/caravan-transport/caravan

go 1.26.8

require (
	github.com/jalaali/go-jalaali v0.1.0 // indirect
	github.com/paulmach/orb v0.14.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
