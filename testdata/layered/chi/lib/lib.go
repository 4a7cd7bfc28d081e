// Package lib registers a route on a router no analysed package serves.
package lib

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Register adds the library's route to r.
func Register(r chi.Router) {
	r.Post("/things", create)
}

func create(w http.ResponseWriter, r *http.Request) { work() }

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
