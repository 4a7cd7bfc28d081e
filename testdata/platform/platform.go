// Package platform is the smallest form of the platform middleware, for
// fixtures that need only a declared middleware to wrap routes in (the
// contract tests of testdata/contractmod): it passes every request through.
package platform

import "net/http"

// Middleware deduplicates requests by idempotency key.
//
//idem:middleware
func Middleware(next http.Handler) http.Handler { return next }
