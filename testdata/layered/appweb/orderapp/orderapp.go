// Package orderapp registers the order routes on the service's server.
package orderapp

import (
	"database/sql"
	"net/http"

	"example.com/platform/idem"

	"example.com/layered/appweb/apiserver"
)

type api struct{ db *sql.DB }

// Routes adds the order routes to s.
func Routes(s *apiserver.Server, db *sql.DB) {
	a := &api{db: db}
	s.Post("/orders", a.create) // want `idemhandler: POST /orders is served without idempotency middleware`
	s.Post("/orders/bulk", idem.Middleware(http.HandlerFunc(a.create)).ServeHTTP)
	s.Put("/orders/{id}", a.create)
	s.Handle(http.MethodPatch, "/orders/{id}", a.create) // want `idemhandler: PATCH /orders/\{id\} is served without idempotency middleware`
	s.Handle(http.MethodGet, "/orders/{id}", a.create)
}

func (a *api) create(w http.ResponseWriter, r *http.Request) {
	a.db.ExecContext(r.Context(), `INSERT INTO orders (item) VALUES ($1)`, r.FormValue("item"))
}
