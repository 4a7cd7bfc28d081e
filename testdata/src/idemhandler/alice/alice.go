package alice

import (
	"net/http"

	"example.com/platform/idem"
	"github.com/gorilla/mux"
	"github.com/justinas/alice"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

func logging(next http.Handler) http.Handler { return next }
func timeout(next http.Handler) http.Handler { return next }

// common is a chain shared by the package.
var common = alice.New(logging, idem.Middleware)

var plain = alice.New(logging)

func main() {
	mux := http.NewServeMux()

	chain := alice.New(logging, idem.Middleware)
	mux.Handle("POST /v1/chain", chain.ThenFunc(create))
	mux.Handle("POST /v1/chain-then", chain.Then(http.HandlerFunc(create)))

	bare := alice.New(logging, timeout)
	mux.Handle("POST /v1/bare", bare.ThenFunc(create))                // want `idemhandler: POST /v1/bare is served without idempotency middleware \(clients and proxies retry POST\); wrap it in idem.Middleware or exempt it with an ADR`
	mux.Handle("PATCH /v1/bare", bare.Then(http.HandlerFunc(create))) // want `PATCH /v1/bare is served`
	mux.Handle("GET /v1/bare", bare.ThenFunc(create))

	// Append and Extend return new chains; the original is unchanged.
	protected := bare.Append(idem.Middleware)
	mux.Handle("POST /v1/appended", protected.ThenFunc(create))
	mux.Handle("POST /v1/original", bare.ThenFunc(create)) // want `POST /v1/original is served`
	mux.Handle("POST /v1/append-inline", alice.New().Append(alice.Constructor(idem.Middleware)).ThenFunc(create))
	mux.Handle("POST /v1/append-other", bare.Append(timeout).ThenFunc(create)) // want `POST /v1/append-other is served`
	mux.Handle("POST /v1/extended", bare.Extend(alice.New(idem.New(nil))).ThenFunc(create))
	mux.Handle("POST /v1/extended-other", bare.Extend(alice.New(timeout)).ThenFunc(create)) // want `POST /v1/extended-other is served`
	mux.Handle("POST /v1/empty", alice.New().ThenFunc(create))                              // want `POST /v1/empty is served`

	// Package-level chains.
	mux.Handle("POST /v1/common", common.ThenFunc(create))
	mux.Handle("POST /v1/plain", plain.ThenFunc(create)) // want `POST /v1/plain is served`

	// Constructors from a slice.
	mws := []alice.Constructor{logging, idem.Middleware}
	mux.Handle("POST /v1/slice", alice.New(mws...).ThenFunc(create))

	http.ListenAndServe(":8080", mux)
}

// The whole mux wrapped by a chain where it is served.
func wrappedAtServe() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/whole", create)
	http.ListenAndServe(":8081", alice.New(logging, idem.Middleware).Then(mux))
}

func wrappedAtServeWithout() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/whole-bare", create) // want `POST /v1/whole-bare is served`
	http.ListenAndServe(":8082", alice.New(logging).Then(mux))
}

// Then(nil) wraps the DefaultServeMux.
func defaultMux() {
	http.HandleFunc("POST /v1/default", create)
	http.ListenAndServe(":8083", alice.New(idem.Middleware).Then(nil))
}

// A chain the analysis cannot follow is not reported.
func unknownChain(c alice.Chain) {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/unknown", c.ThenFunc(create))
	http.ListenAndServe(":8084", mux)
}

// Chains on gorilla/mux routes.
func gorilla() {
	r := mux.NewRouter()
	r.Handle("/v1/g", common.ThenFunc(create)).Methods("POST")
	r.Handle("/v1/g-plain", plain.ThenFunc(create)).Methods("POST") // want `POST /v1/g-plain is served`
	http.ListenAndServe(":8085", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
