// Package things registers routes on a router its caller owns; with
// unserved-routes: report they are judged here, on the chain visible
// here.
package things

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/platform/idem"
)

// Register adds the thing routes to r.
func Register(r chi.Router) {
	r.Post("/things", create) // want `idemhandler: POST /things is registered without idempotency middleware in the chain visible here \(its router is not served in this package, and unserved-routes is report; clients and proxies retry POST\)`
	r.With(idem.Middleware).Post("/things/batch", create)
	r.Get("/things", list)
}

func create(w http.ResponseWriter, r *http.Request) { work() }

func list(w http.ResponseWriter, r *http.Request) {}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
