// Package httpapi wires the services' routes into one router, held by a
// server that main starts.
package httpapi

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/layered/chi/orders"
	"example.com/layered/chi/payments"
	"example.com/layered/chi/refunds"
	"example.com/platform/idem"
)

// Server holds the API's router.
type Server struct {
	router chi.Router
}

// New builds the API.
func New(o *orders.Handler, store idem.Store) *Server {
	r := chi.NewRouter()
	r.Use(middleware.RequestID)
	r.Route("/v1", func(r chi.Router) {
		o.Register(r)
	})
	r.Mount("/payments", payments.Routes(store))
	r.Mount("/refunds", refunds.Routes())
	return &Server{router: r}
}

// Handler returns the API as an http.Handler.
func (s *Server) Handler() http.Handler { return s.router }

// Start serves the API on addr.
func (s *Server) Start(addr string) error { return http.ListenAndServe(addr, s.router) }
