// Package platform is annotated with every platform directive.
package platform

import (
	"context"
	"net/http"
	"time"
)

// Middleware is the idempotency middleware.
//
//idem:middleware
func Middleware(next http.Handler) http.Handler { return next } // want Middleware:"platform\\(middleware\\)"

// Protect wraps Middleware: it derives the middleware role.
func Protect(h http.Handler) http.Handler { return Middleware(h) } // want Protect:"platform\\(middleware\\)"

// Log is middleware-shaped but applies nothing of the platform.
func Log(h http.Handler) http.Handler { return h }

// Consumer wraps a consumer handler.
//
//idem:consumer
func Consumer(h func(context.Context, []byte) error) func(context.Context, []byte) error { return h } // want Consumer:"platform\\(consumer\\)"

// Store claims keys.
type Store struct{}

// Claim claims a key.
//
//idem:dedup
func (s *Store) Claim(ctx context.Context, key string) (bool, error) { return true, nil } // want Claim:"platform\\(dedup\\)"

// MemoryStore is in-process.
//
//idem:localstore
type MemoryStore struct{} // want MemoryStore:"platform\\(localstore\\)"

// Option configures the middleware.
type Option func(*Config)

// FailOpen lets requests through when the store is down.
//
//idem:failopen
func FailOpen() Option { return nil } // want FailOpen:"platform\\(failopen\\)"

// WithTTL sets the dedup window.
//
//idem:ttl
func WithTTL(d time.Duration) Option { return nil } // want WithTTL:"platform\\(ttl\\)"

// Config is the middleware configuration.
type Config struct {
	FailOpen bool          //idem:failopen // want FailOpen:"platform\\(failopen\\)"
	TTL      time.Duration //idem:ttl // want TTL:"platform\\(ttl\\)"
}
