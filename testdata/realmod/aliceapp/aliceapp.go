// Package aliceapp wraps handlers in real justinas/alice v1.2.0 chains and
// serves them from a net/http ServeMux. Each expected idemhandler finding
// is marked by an analysistest expectation on its registration line;
// NOTES.md explains every case.
package aliceapp

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/justinas/alice"

	"example.com/platform/idem"
)

var db *sql.DB

// create writes a row: a handler with side effects.
func create(w http.ResponseWriter, r *http.Request) {
	if _, err := db.ExecContext(r.Context(), `INSERT INTO things (name) VALUES ($1)`, r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func noCache(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

func timeout(next http.Handler) http.Handler {
	return http.TimeoutHandler(next, time.Minute, "timeout")
}

// standard is the package's shared chain, with the idempotency middleware.
var standard = alice.New(noCache, idem.Middleware)

// NewMux builds the mux that Serve serves.
func NewMux() *http.ServeMux {
	mux := http.NewServeMux()

	base := alice.New(noCache, timeout)
	mux.Handle("POST /v1/bare", base.ThenFunc(create))                     // want `idemhandler: POST /v1/bare is served without idempotency middleware`
	mux.Handle("PATCH /v1/bare/{id}", base.Then(http.HandlerFunc(create))) // want `idemhandler: PATCH /v1/bare/\{id\} is served without idempotency middleware`
	mux.Handle("GET /v1/bare", base.ThenFunc(create))
	mux.Handle("PUT /v1/bare/{id}", base.ThenFunc(create))

	protected := alice.New(noCache, idem.Middleware)
	mux.Handle("POST /v1/protected", protected.ThenFunc(create))
	mux.Handle("PATCH /v1/protected/{id}", protected.Then(http.HandlerFunc(create)))

	// Append and Extend return new chains; the original is unchanged.
	appended := base.Append(idem.Middleware)
	mux.Handle("POST /v1/appended", appended.ThenFunc(create))
	mux.Handle("POST /v1/original", base.ThenFunc(create))                     // want `idemhandler: POST /v1/original is served without idempotency middleware`
	mux.Handle("POST /v1/append-other", base.Append(noCache).ThenFunc(create)) // want `idemhandler: POST /v1/append-other is served without idempotency middleware`
	mux.Handle("POST /v1/extended", base.Extend(alice.New(idem.Middleware)).ThenFunc(create))

	// The package-level chain.
	mux.Handle("POST /v1/standard", standard.ThenFunc(create))
	return mux
}

// NewWrappedMux builds the mux that Serve wraps whole in a chain.
func NewWrappedMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/orders", create)
	return mux
}

// Serve serves both muxes.
func Serve() error {
	go http.ListenAndServe(":8081", alice.New(noCache, idem.Middleware).Then(NewWrappedMux()))
	return http.ListenAndServe(":8080", NewMux())
}
