// Package app registers routes on a router idemlint does not model.
package app

import "net/http"

// Router is a router of its own.
type Router struct{}

func (*Router) Post(path string, h http.HandlerFunc) {}

func (*Router) Get(path string, h http.HandlerFunc) {}

func create(w http.ResponseWriter, r *http.Request) {}

func Routes(r *Router) {
	r.Post("/v1/orders", create) // want `unrecognised POST /v1/orders on \*app.Router`
	r.Get("/v1/orders", create)  // want `unrecognised GET /v1/orders on \*app.Router`
}
