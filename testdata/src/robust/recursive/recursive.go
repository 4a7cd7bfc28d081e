// Package recursive passes routers through recursive and mutually
// recursive helpers. Every mutating route is protected.
package recursive

import (
	"net/http"

	"example.com/platform/idem"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

func protected() http.Handler { return idem.Middleware(http.HandlerFunc(create)) }

// mount registers depth times on the same mux.
func mount(mux *http.ServeMux, depth int) {
	if depth == 0 {
		return
	}
	mux.Handle("POST /v1/mount", protected())
	mount(mux, depth-1)
}

// ping and pong recurse into each other.
func ping(mux *http.ServeMux, n int) {
	if n > 0 {
		pong(mux, n-1)
	}
	mux.HandleFunc("GET /v1/ping", create)
}

func pong(mux *http.ServeMux, n int) {
	if n > 0 {
		ping(mux, n-1)
	}
	mux.Handle("PATCH /v1/pong", idem.Middleware(http.HandlerFunc(create)))
}

// build returns a mux built by its own recursive calls.
func build(n int) *http.ServeMux {
	if n == 0 {
		return http.NewServeMux()
	}
	m := build(n - 1)
	m.HandleFunc("POST /v1/built", create)
	return m
}

// A node is a tree of routers.
type node struct {
	mux  *http.ServeMux
	kids []*node
}

func (n *node) register(prefix string) {
	n.mux.Handle("POST "+prefix+"/items", idem.Middleware(http.HandlerFunc(create)))
	for _, k := range n.kids {
		k.register(prefix + "/kid")
		n.mux.Handle(prefix+"/kid/", k.mux)
	}
}

// Serve serves them all.
func Serve() {
	mux := http.NewServeMux()
	mount(mux, 3)
	ping(mux, 4)
	go http.ListenAndServe(":8080", mux)

	go http.ListenAndServe(":8081", idem.Middleware(build(3)))

	root := &node{mux: http.NewServeMux(), kids: []*node{{mux: http.NewServeMux()}}}
	root.register("/v1")
	http.ListenAndServe(":8082", root.mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
