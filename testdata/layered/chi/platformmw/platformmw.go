// Package platformmw is the platform's standard middleware stack, which
// services install whole.
package platformmw

import (
	"log"
	"net/http"

	"example.com/platform/idem"
)

// Defaults returns the platform's middleware, idempotency included.
func Defaults() []func(http.Handler) http.Handler {
	return []func(http.Handler) http.Handler{logRequests, idem.Middleware}
}

// Stack is the platform's middleware, idempotency included, as a
// variable.
var Stack = []func(http.Handler) http.Handler{logRequests, idem.Middleware}

// Observability returns the platform's middleware without idempotency.
func Observability() []func(http.Handler) http.Handler {
	return []func(http.Handler) http.Handler{logRequests}
}

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.Method, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}
