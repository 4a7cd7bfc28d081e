// Package payments builds its own router, protected by the platform
// middleware, and returns it.
package payments

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/platform/idem"
)

// Routes returns the payments router.
func Routes(store idem.Store) chi.Router {
	r := chi.NewRouter()
	r.Use(idem.New(store))
	r.Post("/charges", charge)
	return r
}

func charge(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusCreated) }
