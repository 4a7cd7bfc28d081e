module example.com/realmod

go 1.26

require (
	example.com/platform v0.0.0
	github.com/go-chi/chi/v5 v5.2.3
)

require (
	github.com/gorilla/mux v1.8.1
	github.com/julienschmidt/httprouter v1.3.0
	github.com/justinas/alice v1.2.0
)

replace example.com/platform => ../platform
