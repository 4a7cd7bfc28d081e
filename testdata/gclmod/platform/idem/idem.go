// Package idem is the platform idempotency middleware.
package idem

import (
	"context"
	"net/http"
)

// KeyHeader is the request header that carries the idempotency key.
const KeyHeader = "Idempotency-Key"

// Store is the shared dedup store. Claim reports whether key was claimed by
// this call (true) or had been claimed before (false).
type Store interface {
	Claim(ctx context.Context, key string) (bool, error)
}

// DefaultStore is the store Middleware claims keys in; services set it at
// startup.
var DefaultStore Store

// Middleware rejects a request whose Idempotency-Key was already used, and
// fails closed when the store cannot be reached.
//
//idem:middleware
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if key := r.Header.Get(KeyHeader); key != "" && DefaultStore != nil {
			fresh, err := DefaultStore.Claim(r.Context(), key)
			if err != nil {
				http.Error(w, "idempotency store unavailable", http.StatusServiceUnavailable)
				return
			}
			if !fresh {
				http.Error(w, "duplicate request", http.StatusConflict)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
