//go:build !robustcustom

package buildtags

import (
	"net/http"

	"example.com/platform/idem"
)

// register adds the routes of default builds.
func register(mux *http.ServeMux) {
	mux.Handle("PATCH /v1/default", idem.Middleware(http.HandlerFunc(create)))
}
