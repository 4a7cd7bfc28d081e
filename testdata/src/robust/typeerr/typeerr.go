// Package typeerr does not type-check: the checks must fail it cleanly.
package typeerr

import (
	"net/http"

	"example.com/platform/idem"
)

// Valid is the part of the package that type-checks.
func Valid() int { return 1 }

func serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/undefined", undefinedHandler)
	mux.Handle("POST /v1/arity")
	mux.Handle("POST /v1/type", idem.Middleware(42))
	mux.Handle(7, idem.Middleware(http.HandlerFunc(nil)))
	var n int = "not an int"
	http.ListenAndServe(":8080", mux, n)
}
