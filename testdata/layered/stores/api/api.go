// Package api protects its routes with the platform middleware, on the
// store its caller gives it.
package api

import (
	"net/http"

	"example.com/platform/idem"
)

// New returns the booking routes.
func New(store idem.Store) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /bookings", idem.New(store)(http.HandlerFunc(book)))
	return mux
}

func book(w http.ResponseWriter, r *http.Request) {}
