//go:build ignore

// This file is never built: it registers an unprotected route and does not
// type-check. A finding or an error from it means the build constraint was
// not honoured.
package buildtags

import "net/http"

func ignored() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/ignored", create)
	var n int = "not an int"
	http.ListenAndServe(":9090", mux, n)
}
