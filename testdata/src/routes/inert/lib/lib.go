// Package lib has functions whose signatures carry handlers.
package lib

import "net/http"

// Handler returns a handler.
func Handler() http.Handler { return nil }

// Take takes a handler.
func Take(h http.Handler) {}

// Name takes and returns neither.
func Name(r *http.Request) string { return r.URL.Path }
