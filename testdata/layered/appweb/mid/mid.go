// Package mid holds the application's middleware.
package mid

import (
	"log"
	"net/http"

	"example.com/layered/appweb/web"
)

// Logger logs each request.
func Logger() web.MidFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log.Println(r.Method, r.URL.Path)
			next.ServeHTTP(w, r)
		})
	}
}

// Errors writes the errors handlers leave.
func Errors() web.MidFunc {
	return func(next http.Handler) http.Handler { return next }
}

// Panics recovers from panics.
func Panics() web.MidFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() { recover() }()
			next.ServeHTTP(w, r)
		})
	}
}
