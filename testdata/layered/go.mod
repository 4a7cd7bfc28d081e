module example.com/layered

go 1.26

require (
	example.com/platform v0.0.0
	github.com/go-chi/chi/v5 v5.2.3
)

replace example.com/platform => ../platform
