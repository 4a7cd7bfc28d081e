// Package promapp registers routes on the real prometheus/common/route
// router in the ways it offers and serves them. Each expected idemhandler
// finding is marked by an analysistest expectation on its registration
// line; NOTES.md explains the cases.
package promapp

import (
	"database/sql"
	"net/http"

	"github.com/prometheus/common/route"

	"example.com/platform/idem"
)

// DB is the database the handlers write to.
var DB *sql.DB

// create writes a row.
func create(w http.ResponseWriter, r *http.Request) {
	if _, err := DB.ExecContext(r.Context(), `INSERT INTO things (name) VALUES ($1)`, r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// read only reads.
func read(w http.ResponseWriter, r *http.Request) {
	_, _ = w.Write([]byte(route.Param(r.Context(), "id")))
}

// protect is an instrumentation function that applies the platform
// middleware.
func protect(_ string, h http.HandlerFunc) http.HandlerFunc {
	return idem.Middleware(h).ServeHTTP
}

// count is an instrumentation function that is not the platform's.
func count(_ string, h http.HandlerFunc) http.HandlerFunc { return h }

// New builds the router Serve serves.
func New() *route.Router {
	r := route.New()
	r.Get("/v1/items/:id", read)
	r.Put("/v1/items/:id", create)
	r.Del("/v1/items/:id", create)
	r.Post("/v1/items", create) // want `idemhandler: POST /v1/items is served without idempotency middleware`
	r.Post("/v1/wrapped", idem.Middleware(http.HandlerFunc(create)).ServeHTTP)
	api := r.WithPrefix("/api")
	api.Post("/orders", create) // want `idemhandler: POST /api/orders is served without idempotency middleware`
	api.WithInstrumentation(protect).Post("/protected", create)
	api.WithInstrumentation(count).Post("/counted", create) // want `idemhandler: POST /api/counted is served without idempotency middleware`
	r.WithInstrumentation(func(name string, h http.HandlerFunc) http.HandlerFunc {
		return idem.Middleware(h).ServeHTTP
	}).WithPrefix("/lit").Post("/x", create)
	return r
}

// Serve serves the router.
func Serve() error { return http.ListenAndServe(":9090", New()) }
