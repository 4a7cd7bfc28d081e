// Package chiapp registers routes on the real go-chi/chi v5 router in every
// way chi offers and serves them. Each expected idemhandler finding is marked
// by an analysistest expectation on its registration line; NOTES.md explains
// every case.
package chiapp

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/platform/idem"
)

var db *sql.DB

// create writes a row: a handler with side effects.
func create(w http.ResponseWriter, r *http.Request) {
	if _, err := db.ExecContext(r.Context(), `INSERT INTO things (name) VALUES ($1)`, r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// read only reads.
func read(w http.ResponseWriter, r *http.Request) {
	var name string
	if err := db.QueryRowContext(r.Context(), `SELECT name FROM things WHERE id = $1`, chi.URLParam(r, "id")).Scan(&name); err != nil {
		http.NotFound(w, r)
		return
	}
	_, _ = w.Write([]byte(name))
}

// routes is a helper that registers the same routes on whatever router it is
// given; it is called once with a protected and once with a bare router.
func routes(r chi.Router) {
	r.Post("/items", create) // want `idemhandler: POST /v2/bare/items is served without idempotency middleware`
	r.Get("/items", read)
}

// NewRouter builds the router that Serve serves.
func NewRouter() *chi.Mux {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Logger)
	r.Use(middleware.Recoverer)

	// Plain registrations on the root router.
	r.Post("/v1/bare", create)       // want `idemhandler: POST /v1/bare is served without idempotency middleware`
	r.Patch("/v1/bare/{id}", create) // want `idemhandler: PATCH /v1/bare/\{id\} is served without idempotency middleware`
	r.Get("/v1/things/{id}", read)
	r.Head("/v1/things/{id}", read)
	r.Options("/v1/things", read)
	r.Put("/v1/things/{id}", create)
	r.Delete("/v1/things/{id}", create)

	// With: inline middlewares for one endpoint.
	r.With(idem.Middleware).Post("/v1/with", create)
	r.With(middleware.NoCache, idem.Middleware).Patch("/v1/with/{id}", create)
	r.With(middleware.NoCache).Post("/v1/with-other", create) // want `idemhandler: POST /v1/with-other is served without idempotency middleware`
	r.With(idem.Middleware).Route("/v1/with-route", func(r chi.Router) {
		r.Post("/x", create)
	})

	// Group: a fresh inline router; its Use does not leak out.
	r.Group(func(r chi.Router) {
		r.Use(idem.Middleware)
		r.Post("/v1/group", create)
		r.Patch("/v1/group/{id}", create)
	})
	r.Group(func(r chi.Router) {
		r.Use(middleware.NoCache)
		r.Post("/v1/group-other", create) // want `idemhandler: POST /v1/group-other is served without idempotency middleware`
	})
	r.Post("/v1/after-group", create) // want `idemhandler: POST /v1/after-group is served without idempotency middleware`

	// Route: a sub-router mounted at a prefix.
	r.Route("/v1", func(r chi.Router) {
		r.Post("/x", create) // want `idemhandler: POST /v1/x is served without idempotency middleware`
	})
	r.Route("/v1/carts", func(r chi.Router) {
		r.Post("/", create)              // want `idemhandler: POST /v1/carts/ is served without idempotency middleware`
		r.Post("/{id}/checkout", create) // want `idemhandler: POST /v1/carts/\{id\}/checkout is served without idempotency middleware`
		r.Get("/{id}", read)
	})
	r.Route("/v1/protected", func(r chi.Router) {
		r.Use(idem.Middleware)
		r.Post("/x", create)
		r.Route("/nested", func(r chi.Router) {
			r.Post("/y", create)
		})
	})

	// Mount: separately built sub-routers.
	sub := chi.NewRouter()
	sub.Post("/x", create) // want `idemhandler: POST /api/x is served without idempotency middleware`
	sub.Get("/x", read)
	r.Mount("/api", sub)

	protectedSub := chi.NewRouter()
	protectedSub.Use(idem.Middleware)
	protectedSub.Post("/x", create)
	r.Mount("/papi", protectedSub)

	wrappedSub := chi.NewRouter()
	wrappedSub.Post("/x", create)
	r.Mount("/wapi", idem.Middleware(wrappedSub))

	// chi.Chain: a middleware chain around one handler.
	r.Method(http.MethodPost, "/v1/chain", chi.Chain(idem.Middleware).Handler(http.HandlerFunc(create)))
	r.Handle("POST /v1/chain-func", chi.Chain(middleware.NoCache, idem.Middleware).HandlerFunc(create))
	r.Method("POST", "/v1/chain-other", chi.Chain(middleware.NoCache).HandlerFunc(create)) // want `idemhandler: POST /v1/chain-other is served without idempotency middleware`

	// Handle and HandleFunc with "METHOD /path" patterns.
	r.Handle("POST /v1/handle", http.HandlerFunc(create)) // want `idemhandler: POST /v1/handle is served without idempotency middleware`
	r.HandleFunc("POST /v1/handlefunc", create)           // want `idemhandler: POST /v1/handlefunc is served without idempotency middleware`
	r.HandleFunc("PATCH /v1/handlefunc", create)          // want `idemhandler: PATCH /v1/handlefunc is served without idempotency middleware`
	r.Handle("POST /v1/handle-wrapped", idem.Middleware(http.HandlerFunc(create)))
	r.HandleFunc("GET /v1/handlefunc", read)
	r.HandleFunc("PUT /v1/handlefunc", create)
	r.HandleFunc("/v1/any-read", read)

	// Method and MethodFunc.
	r.Method("POST", "/v1/method", http.HandlerFunc(create)) // want `idemhandler: POST /v1/method is served without idempotency middleware`
	r.MethodFunc("PATCH", "/v1/methodfunc", create)          // want `idemhandler: PATCH /v1/methodfunc is served without idempotency middleware`
	r.Method(http.MethodPost, "/v1/method-wrapped", idem.Middleware(http.HandlerFunc(create)))
	r.MethodFunc(http.MethodGet, "/v1/methodfunc", read)
	r.MethodFunc(http.MethodDelete, "/v1/methodfunc", create)

	// A helper called with a protected and with a bare router.
	r.Route("/v2/protected", func(r chi.Router) {
		r.Use(idem.Middleware)
		routes(r)
	})
	r.Route("/v2/bare", func(r chi.Router) {
		routes(r)
	})

	return r
}

// Serve serves the router.
func Serve() error {
	return http.ListenAndServe(":8080", NewRouter())
}
