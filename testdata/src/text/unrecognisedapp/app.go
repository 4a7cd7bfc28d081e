// Package unrecognisedapp has the path of a standard-library package:
// whatever it registers is not an unknown router.
package unrecognisedapp

import "net/http"

// Router is a router of its own.
type Router struct{}

func (*Router) Post(path string, h http.HandlerFunc) {}

func (*Router) Get(path string, h http.HandlerFunc) {}

func create(w http.ResponseWriter, r *http.Request) {}

func Routes(r *Router) {
	r.Post("/v1/orders", create)
	r.Get("/v1/orders", create)
}
