// Package accounts registers its routes on the gorilla/mux router it is
// given, the way many gorilla services do: Serve(router, ...).
package accounts

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

// Handler serves accounts.
type Handler struct{ db *sql.DB }

// Serve adds the account routes to router.
func Serve(router *mux.Router, db *sql.DB) {
	h := &Handler{db: db}
	router.HandleFunc("/accounts", h.open).Methods(http.MethodPost) // want `idemhandler: POST /api/accounts is served without idempotency middleware`
	router.HandleFunc("/accounts/{id}", h.show).Methods(http.MethodGet)
	sub := router.PathPrefix("/accounts/{id}").Subrouter()
	sub.HandleFunc("/deposits", h.open).Methods("POST") // want `idemhandler: POST /api/accounts/\{id\}/deposits is served without idempotency middleware`
}

func (h *Handler) open(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), `INSERT INTO accounts (id) VALUES ($1)`, r.FormValue("id"))
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {}
