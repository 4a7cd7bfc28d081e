// Package idem is the platform idempotency library: HTTP middleware keyed by
// the Idempotency-Key header, a consumer wrapper for queue handlers, and the
// shared dedup store both of them claim keys in.
package idem

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sync"
	"time"
)

// KeyHeader is the request header that carries the idempotency key.
const KeyHeader = "Idempotency-Key"

// DefaultTTL is the dedup window used when no WithTTL option is given.
const DefaultTTL = 24 * time.Hour

// Middleware is the idempotency middleware with the platform defaults: a
// request carrying an Idempotency-Key that was already claimed is rejected
// with 409 Conflict instead of reaching next.
//
//idem:middleware
func Middleware(next http.Handler) http.Handler {
	return New(defaultStore)(next)
}

// New returns the idempotency middleware configured with opts.
//
//idem:middleware
func New(store Store, opts ...Option) func(http.Handler) http.Handler {
	cfg := Config{TTL: DefaultTTL}
	for _, o := range opts {
		o(&cfg)
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			key := r.Header.Get(KeyHeader)
			if key == "" || store == nil {
				next.ServeHTTP(w, r)
				return
			}
			fresh, err := store.Claim(r.Context(), key)
			switch {
			case err != nil && !cfg.FailOpen:
				http.Error(w, "idempotency store unavailable", http.StatusServiceUnavailable)
				return
			case err == nil && !fresh:
				http.Error(w, "duplicate request", http.StatusConflict)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// defaultStore is the store of Middleware, Consumer and Claim: an
// in-process one until the service sets its own.
var defaultStore Store = NewMemoryStore()

// SetDefaultStore sets the store used by Middleware, Consumer and Claim.
func SetDefaultStore(s Store) { defaultStore = s }

// Claim claims key in the default store, for middleware of other routers
// built on the same claims; it reports false when key was claimed before.
// An empty key, or a store that cannot be reached, lets the request
// through.
func Claim(key string) bool {
	if key == "" || defaultStore == nil {
		return true
	}
	fresh, err := defaultStore.Claim(context.Background(), key)
	return err != nil || fresh
}

// Store is a dedup store. Claim reports whether key was claimed by this call
// (true) or had already been claimed (false).
type Store interface {
	Claim(ctx context.Context, key string) (bool, error)
}

// Setter is the subset of a Redis client that RedisStore needs.
type Setter interface {
	SetNX(ctx context.Context, key string, value any, ttl time.Duration) (bool, error)
}

// RedisStore is the shared dedup store backed by Redis.
type RedisStore struct {
	Client Setter
	TTL    time.Duration
}

// NewRedisStore returns a RedisStore using client.
func NewRedisStore(client Setter, ttl time.Duration) *RedisStore {
	return &RedisStore{Client: client, TTL: ttl}
}

// Claim claims key with SET NX.
//
//idem:dedup
func (s *RedisStore) Claim(ctx context.Context, key string) (bool, error) {
	return s.Client.SetNX(ctx, "idem:"+key, 1, s.TTL)
}

// MemoryStore is an in-process store for tests and local development; its
// zero value is ready to use.
//
//idem:localstore
type MemoryStore struct {
	mu   sync.Mutex
	seen map[string]time.Time
}

// NewMemoryStore returns an empty in-process store.
//
//idem:localstore
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{seen: make(map[string]time.Time)}
}

// Claim claims key in process memory.
func (s *MemoryStore) Claim(ctx context.Context, key string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.seen[key]; ok {
		return false, nil
	}
	if s.seen == nil {
		s.seen = make(map[string]time.Time)
	}
	s.seen[key] = time.Now()
	return true, nil
}

// Option configures New.
type Option func(*Config)

// FailOpen lets requests through when the store cannot be reached.
//
//idem:failopen
func FailOpen() Option {
	return func(c *Config) { c.FailOpen = true }
}

// WithTTL sets how long a claimed key is remembered.
//
//idem:ttl
func WithTTL(d time.Duration) Option {
	return func(c *Config) { c.TTL = d }
}

// Config is the middleware configuration, for services that load it from a
// file instead of passing options.
type Config struct {
	FailOpen bool          //idem:failopen
	TTL      time.Duration //idem:ttl
}

// Consumer wraps a queue handler so that a redelivered message is
// acknowledged without being handled twice.
//
//idem:consumer
func Consumer(h func(ctx context.Context, msg []byte) error) func(ctx context.Context, msg []byte) error {
	return func(ctx context.Context, msg []byte) error {
		if defaultStore != nil {
			sum := sha256.Sum256(msg)
			fresh, err := defaultStore.Claim(ctx, "msg:"+hex.EncodeToString(sum[:]))
			if err != nil {
				return err
			}
			if !fresh {
				return nil
			}
		}
		return h(ctx, msg)
	}
}
