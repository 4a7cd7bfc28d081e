// Package typeerrdep imports a package that does not type-check.
package typeerrdep

import (
	"net/http"

	"example.com/platform/idem"
	"robust/typeerr"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

// Serve serves a protected route.
func Serve() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/dep", idem.Middleware(http.HandlerFunc(create)))
	_ = typeerr.Valid()
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
