// Package routegroupapp registers routes on the real go-pkgz/routegroup
// bundles in the ways routegroup offers and serves them. Each expected
// idemhandler finding is marked by an analysistest expectation on its
// registration line; NOTES.md explains the cases.
package routegroupapp

import (
	"database/sql"
	"net/http"

	"github.com/go-pkgz/routegroup"

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
func read(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(r.PathValue("id"))) }

// logger is middleware that is not the platform's.
func logger(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

// New builds the bundle Serve serves: its own Use covers every route of
// its mux.
func New() *routegroup.Bundle {
	b := routegroup.New(http.NewServeMux())
	b.Use(logger, idem.Middleware)
	b.HandleFunc("POST /v1/orders", create)
	b.Group().HandleFunc("POST /v1/group", create)
	b.Mount("/v1/api").HandleFunc("POST /x", create)
	return b
}

// NewBare builds a bundle whose routes are protected only where a bundle
// made from it says so.
func NewBare() *routegroup.Bundle {
	b := routegroup.New(http.NewServeMux())
	b.Use(logger)
	b.HandleFunc("GET /v2/items/{id}", read)
	b.HandleFunc("PUT /v2/items/{id}", create)
	b.HandleFunc("POST /v2/items", create)                     // want `idemhandler: POST /v2/items is served without idempotency middleware`
	b.HandleFunc("/v2/any", create)                            // want `idemhandler: ANY /v2/any is served without idempotency middleware`
	b.Handle("PATCH /v2/items/{id}", http.HandlerFunc(create)) // want `idemhandler: PATCH /v2/items/{id} is served without idempotency middleware`
	b.Handle("POST /v2/wrapped", idem.Middleware(http.HandlerFunc(create)))
	b.Handle("POST /v2/wrap", routegroup.Wrap(http.HandlerFunc(create), logger, idem.Middleware))
	b.With(idem.Middleware).HandleFunc("POST /v2/with", create)
	b.With(logger).HandleFunc("POST /v2/with-other", create) // want `idemhandler: POST /v2/with-other is served without idempotency middleware`

	api := b.Mount("/v2/api")
	early := api.Group()
	api.Use(idem.Middleware)
	api.HandleFunc("POST /after", create)
	early.HandleFunc("POST /early", create) // want `idemhandler: POST /v2/api/early is served without idempotency middleware`
	api.Group().HandleFunc("POST /sub", create)
	api.HandleRootFunc(http.MethodPost, create)

	b.Route(func(g *routegroup.Bundle) {
		g.Use(idem.Middleware)
		g.HandleFunc("POST /v2/route", create)
	})
	b.Route(func(g *routegroup.Bundle) {
		g.HandleFunc("POST /v2/route-bare", create) // want `idemhandler: POST /v2/route-bare is served without idempotency middleware`
	})
	return b
}

// mux is served without its bundle, whose own middleware then does not
// run.
var mux = http.NewServeMux()

// NewMux registers routes on mux through a bundle.
func NewMux() *http.ServeMux {
	b := routegroup.New(mux)
	b.Use(idem.Middleware)
	b.HandleFunc("POST /v3/orders", create) // want `idemhandler: POST /v3/orders is served without idempotency middleware`
	b.With(idem.Middleware).HandleFunc("POST /v3/with", create)
	return mux
}

// NewBase builds a bundle with a base path.
func NewBase() *routegroup.Bundle {
	b := routegroup.Mount(http.NewServeMux(), "/v4")
	b.HandleFunc("POST /bare", create) // want `idemhandler: POST /v4/bare is served without idempotency middleware`
	b.With(idem.Middleware).HandleFunc("POST /with", create)
	return b
}

// Serve serves the bundles.
func Serve() error {
	go func() { _ = http.ListenAndServe(":8081", NewBare()) }()
	go func() { _ = http.ListenAndServe(":8082", NewMux()) }()
	go func() { _ = http.ListenAndServe(":8083", NewBase()) }()
	return http.ListenAndServe(":8080", New())
}
