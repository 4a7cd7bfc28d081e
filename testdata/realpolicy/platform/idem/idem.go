// Package idem is a platform idempotency library described by directives.
package idem

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// Store is a dedup store.
type Store interface {
	Claim(ctx context.Context, key string, ttl time.Duration) (bool, error)
}

// Config is the middleware configuration.
type Config struct {
	FailOpen bool          //idem:failopen
	TTL      time.Duration //idem:ttl
}

// Option configures New.
type Option func(*Config)

// FailOpen lets requests through when the store cannot be reached.
//
//idem:failopen
func FailOpen() Option { return func(c *Config) { c.FailOpen = true } }

// WithTTL sets the dedup window.
//
//idem:ttl
func WithTTL(d time.Duration) Option { return func(c *Config) { c.TTL = d } }

// New returns the idempotency middleware.
//
//idem:middleware
func New(store Store, opts ...Option) func(http.Handler) http.Handler {
	cfg := Config{TTL: 72 * time.Hour}
	for _, o := range opts {
		o(&cfg)
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fresh, err := store.Claim(r.Context(), r.Header.Get("Idempotency-Key"), cfg.TTL)
			if err != nil && !cfg.FailOpen {
				http.Error(w, "store unavailable", http.StatusServiceUnavailable)
				return
			}
			if err == nil && !fresh {
				http.Error(w, "duplicate", http.StatusConflict)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// MemoryStore is an in-process store.
//
//idem:localstore
type MemoryStore struct {
	mu   sync.Mutex
	seen map[string]bool
}

// Claim claims key in memory.
func (s *MemoryStore) Claim(_ context.Context, key string, _ time.Duration) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen == nil {
		s.seen = make(map[string]bool)
	}
	fresh := !s.seen[key]
	s.seen[key] = true
	return fresh, nil
}
