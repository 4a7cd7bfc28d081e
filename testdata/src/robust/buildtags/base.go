// Package buildtags has files excluded by build constraints: an ignored
// file that does not even type-check, and a file behind a custom tag.
package buildtags

import (
	"net/http"

	"example.com/platform/idem"
)

func create(w http.ResponseWriter, r *http.Request) {}

// Serve serves the routes of this build.
func Serve() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/base", idem.Middleware(http.HandlerFunc(create)))
	register(mux)
	http.ListenAndServe(":8080", mux)
}
