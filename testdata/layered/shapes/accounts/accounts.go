// Package accounts builds its router the ways real services do: a
// constructor that fails with nil and an error, a subrouter chosen on
// one path or another, and a maintenance handler in place of the router
// on some paths.
package accounts

import (
	"errors"
	"net/http"
	"os"

	"github.com/gorilla/mux"
)

// New returns the account routes, or an error when they are disabled.
func New(basePath string) (*mux.Router, error) {
	if os.Getenv("ACCOUNTS_DISABLED") != "" {
		return nil, errors.New("accounts: disabled")
	}
	router := mux.NewRouter()
	var sub *mux.Router
	if basePath != "" {
		sub = router.PathPrefix(basePath).Subrouter()
	} else {
		sub = router.NewRoute().Subrouter()
	}
	sub.HandleFunc("/accounts", open).Methods(http.MethodPost) // want `idemhandler: POST /accounts is served without idempotency middleware`
	sub.HandleFunc("/accounts/{id}", show).Methods(http.MethodGet)
	return router, nil
}

// Handler returns the routes, or a maintenance page in their place.
func Handler(maintenance bool) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /transfers", open) // want `idemhandler: POST /transfers is served without idempotency middleware`
	var h http.Handler = mux
	if maintenance {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	}
	return h
}

func open(w http.ResponseWriter, r *http.Request) { Ledger.Open(r.FormValue("owner")) }

// Ledger records the accounts, in a store the analysis does not see.
var Ledger interface{ Open(owner string) }

func show(w http.ResponseWriter, r *http.Request) {}
