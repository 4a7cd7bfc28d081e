// Package refunds builds a router with no idempotency middleware and
// returns it as an http.Handler.
package refunds

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Routes returns the refunds router.
func Routes() http.Handler {
	r := chi.NewRouter()
	r.Post("/", refund) // want `idemhandler: POST /refunds/ is served without idempotency middleware`
	r.Get("/{id}", show)
	return r
}

func refund(w http.ResponseWriter, r *http.Request) {
	work()
	w.WriteHeader(http.StatusCreated)
}

func show(w http.ResponseWriter, r *http.Request) {}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
