// Package orders is a service package: its handlers and the routes it
// registers on a router its caller owns.
package orders

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Handler serves orders.
type Handler struct{ db *sql.DB }

// NewHandler returns a Handler writing to db.
func NewHandler(db *sql.DB) *Handler { return &Handler{db: db} }

// Register adds the order routes to r.
func (h *Handler) Register(r chi.Router) {
	r.Post("/orders", h.create) // want `idemhandler: POST /v1/orders is served without idempotency middleware`
	r.Get("/orders/{id}", h.get)
	r.Patch("/orders/{id}", h.update) // not mutating: its handler only sets a column
	r.Put("/orders/{id}/note", h.update)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), `INSERT INTO orders (id) VALUES ($1)`, r.FormValue("id"))
	w.WriteHeader(http.StatusCreated)
}

func (h *Handler) update(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), `UPDATE orders SET note = $1 WHERE id = $2`, r.FormValue("note"), chi.URLParam(r, "id"))
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	h.db.QueryRowContext(r.Context(), `SELECT id FROM orders WHERE id = $1`, chi.URLParam(r, "id"))
}

// RegisterInternal adds the routes other services call to r.
func (h *Handler) RegisterInternal(r chi.Router) {
	r.Post("/orders/import", h.create) // want `idemhandler: POST /internal/orders/import is served without idempotency middleware`
	//idem:exempt ADR-0001 replays of an import are deduplicated by the importer
	r.Post("/orders/replay", h.create)
	r.Post("/orders/sync", h.create) // want `idemhandler: POST /internal/orders/sync is served without idempotency middleware`
}
