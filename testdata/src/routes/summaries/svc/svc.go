// want package:"routing"

// Package svc registers, builds, wraps and holds routers for the
// packages that import it: each function's summary says what a caller
// can see of it.
package svc

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/platform/idem"
)

// Register adds two routes to the caller's router.
func Register(r chi.Router) { // want Register:`summary\(param0: POST /orders, GET /orders\)`
	r.Post("/orders", create)
	r.Get("/orders", create)
}

// Protected adds the platform middleware to the caller's router.
func Protected(r chi.Router) { // want Protected:`summary\(param0: use idem.Middleware\*\)`
	r.Use(idem.Middleware)
}

// New builds a router of its own and returns it.
func New() http.Handler { // want New:`summary\(returns new chi#0; new chi#0: use idem.Middleware\*, POST /charges\)`
	r := chi.NewRouter()
	r.Use(idem.Middleware)
	r.Post("/charges", create)
	return r
}

// Wrap wraps the caller's handler in middleware that is not the
// platform's: the caller describes it at the call.
func Wrap(h http.Handler) http.Handler { // want Wrap:`summary\(returns param0 \[\]\)`
	return http.TimeoutHandler(h, 0, "")
}

// Stack returns a list of middleware, the platform's among them.
func Stack() []func(http.Handler) http.Handler { // want Stack:`summary\(returns middleware \[idem.Middleware\* logged\]\)`
	return []func(http.Handler) http.Handler{idem.Middleware, logged}
}

// Server holds a router and serves it.
type Server struct {
	Router chi.Router // want Router:`summary\(returns new chi#0; new chi#0: PATCH /items\)`
}

// NewServer builds the server's router.
func NewServer() *Server {
	s := &Server{Router: chi.NewRouter()}
	s.Router.Patch("/items", create)
	return s
}

// Start serves the router the server holds.
func (s *Server) Start() error { // want Start:`summary\(serves Server\.UF0\)`
	return http.ListenAndServe(":8080", s.Router)
}

// Reads registers nothing: it has no summary.
func Reads(w http.ResponseWriter, r *http.Request) {}

func create(w http.ResponseWriter, r *http.Request) {}

func logged(next http.Handler) http.Handler { return next }
