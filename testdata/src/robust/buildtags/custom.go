//go:build robustcustom

package buildtags

import (
	"net/http"

	"example.com/platform/idem"
)

// register adds the routes of robustcustom builds.
func register(mux *http.ServeMux) {
	mux.Handle("POST /v1/custom", idem.Middleware(http.HandlerFunc(create)))
	mux.HandleFunc("GET /v1/custom", create)
}
