// Package items registers Go 1.22 method patterns on a ServeMux its
// caller owns.
package items

import (
	"database/sql"
	"net/http"
	"path"
)

// base is the prefix of the item routes.
const base = "/items"

// Service serves items.
type Service struct{ DB *sql.DB }

// Routes adds the item routes to mux.
func (s *Service) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /items", s.create) // want `idemhandler: POST /items is served without idempotency middleware`
	mux.HandleFunc("GET /items/{id}", s.get)
	mux.HandleFunc("DELETE /items/{id}", s.remove)
	mux.Handle("PATCH /items/{id}", http.HandlerFunc(s.create)) // want `idemhandler: PATCH /items/\{id\} is served without idempotency middleware`
	mux.HandleFunc("POST "+path.Join(base, "bulk"), s.create)   // want `idemhandler: POST /items/bulk is served without idempotency middleware`
}

func (s *Service) create(w http.ResponseWriter, r *http.Request) {
	s.DB.ExecContext(r.Context(), `INSERT INTO items (name) VALUES ($1)`, r.FormValue("name"))
}

func (s *Service) get(w http.ResponseWriter, r *http.Request) {}

func (s *Service) remove(w http.ResponseWriter, r *http.Request) {
	s.DB.ExecContext(r.Context(), `DELETE FROM items WHERE id = $1`, r.PathValue("id"))
}
