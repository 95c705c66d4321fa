module github.com/caravan-transport/caravan

go 1.26.8
