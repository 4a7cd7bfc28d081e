// Package unserved builds routers that it does not serve: their chains are
// unknown here, so nothing is reported.
package unserved

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

// NewRouter is served by another package, which may wrap it.
func NewRouter() http.Handler {
	r := chi.NewRouter()
	r.Post("/v1/charges", create)
	return r
}

// Register adds routes to a router of the caller's.
func Register(r chi.Router) {
	r.Post("/v1/refunds", create)
}

// Install hands the router to code we cannot see, which may add middleware.
func Install(install func(chi.Router)) {
	r := chi.NewRouter()
	install(r)
	r.Post("/v1/installed", create)
	http.ListenAndServe(":8080", r)
}

func byParameter(mw func(http.Handler) http.Handler) {
	r := chi.NewRouter()
	r.Use(mw)
	r.Post("/v1/param", create)
	http.ListenAndServe(":8080", r)
}

func init() {
	// Registered on the DefaultServeMux, which this package never serves.
	http.HandleFunc("POST /debug/reset", create)
	byParameter(nil)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
