// Package admin returns a ServeMux of its own, whose routes are wrapped
// one by one.
package admin

import (
	"net/http"

	"example.com/platform/idem"
)

// Mux returns the admin routes.
func Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("POST /admin/reindex", idem.Middleware(http.HandlerFunc(reindex)))
	mux.HandleFunc("POST /admin/flush", reindex) // want `idemhandler: POST /admin/flush is served without idempotency middleware`
	return mux
}

func reindex(w http.ResponseWriter, r *http.Request) {}
