// Package invoices wraps its handlers in chains from another package.
package invoices

import (
	"net/http"

	"example.com/layered/alice/chains"
)

// Mux returns the invoice routes.
func Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("POST /invoices", chains.Writes().ThenFunc(create))
	mux.Handle("POST /invoices/{id}/void", chains.Reads().ThenFunc(create)) // want `idemhandler: POST /invoices/\{id\}/void is served without idempotency middleware`
	mux.Handle("GET /invoices/{id}", chains.Reads().ThenFunc(show))
	return mux
}

func create(w http.ResponseWriter, r *http.Request) { work() }

func show(w http.ResponseWriter, r *http.Request) {}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
