// Package tables registers a table of routes on a gorilla/mux router its
// caller owns, one Methods matcher per row.
package tables

import (
	"net/http"

	"github.com/gorilla/mux"
)

// Route is a row of the table.
type Route struct {
	Name    string
	Method  string
	Pattern string
	Handler http.HandlerFunc
}

var routes = []Route{
	{"CreateInvoice", http.MethodPost, "/invoices", create}, // want `idemhandler: POST /invoices is served without idempotency middleware`
	{"ListInvoices", http.MethodGet, "/invoices", list},
	{"PatchInvoice", "PATCH", "/invoices/{id}", create}, // want `idemhandler: PATCH /invoices/\{id\} is served without idempotency middleware`
}

// Register adds the routes to r.
func Register(r *mux.Router) {
	for _, route := range routes {
		r.Methods(route.Method).Path(route.Pattern).Name(route.Name).Handler(route.Handler)
	}
}

func create(w http.ResponseWriter, r *http.Request) { store.Save(r) }

func list(w http.ResponseWriter, r *http.Request) {}

// store stands for what the handlers do that the analysis does not see.
var store interface{ Save(r *http.Request) }
