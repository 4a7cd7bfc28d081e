// Package cgo uses cgo and serves routes from the same file, so positions
// go through cgo's //line directives.
package cgo

/*
static int answer(void) { return 42; }
*/
import "C"

import (
	"net/http"

	"example.com/platform/idem"
)

// Answer calls into C.
func Answer() int { return int(C.answer()) }

func create(w http.ResponseWriter, r *http.Request) { work() }

// Serve serves a protected route and the canary.
func Serve() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/cgo", idem.Middleware(http.HandlerFunc(create)))
	mux.HandleFunc("POST /v1/cgo-canary", create)
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
