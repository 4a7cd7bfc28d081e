// Package idem is the platform idempotency middleware for net/http: a
// request carrying an Idempotency-Key that was already claimed is
// rejected with 409 Conflict instead of reaching next.
package idem

import (
	"net/http"
	"sync"
)

// KeyHeader is the request header that carries the idempotency key.
const KeyHeader = "Idempotency-Key"

var (
	mu      sync.Mutex
	claimed = map[string]bool{}
)

// Claim claims key; it reports false when the key was claimed before.
func Claim(key string) bool {
	mu.Lock()
	defer mu.Unlock()
	if key == "" {
		return true
	}
	if claimed[key] {
		return false
	}
	claimed[key] = true
	return true
}

// Middleware is the idempotency middleware.
//
//idem:middleware
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !Claim(r.Header.Get(KeyHeader)) {
			http.Error(w, "duplicate request", http.StatusConflict)
			return
		}
		next.ServeHTTP(w, r)
	})
}
