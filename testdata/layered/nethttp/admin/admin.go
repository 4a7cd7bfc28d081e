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

func reindex(w http.ResponseWriter, r *http.Request) { work() }

// Audit returns the audit routes, protected where they are registered.
func Audit() http.Handler {
	mux := http.NewServeMux()
	//idem:exempt ADR-0002 audit entries are keyed by the caller // want `idemexempt: exemption ADR-0002 suppresses nothing \(no idem finding on the lines it covers, where its routes are decided\)`
	mux.Handle("POST /audit", idem.Middleware(http.HandlerFunc(reindex)))
	return mux
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
