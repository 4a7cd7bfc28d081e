// Package buildtags has files excluded by build constraints: an ignored
// file that does not even type-check, and a file behind a custom tag.
package buildtags

import (
	"net/http"

	"example.com/platform/idem"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

// Serve serves the routes of this build.
func Serve() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/base", idem.Middleware(http.HandlerFunc(create)))
	register(mux)
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
