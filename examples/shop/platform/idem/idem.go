// Package idem is the platform idempotency library.
//
// Mutating HTTP endpoints are wrapped in Middleware (or a middleware built by
// New). A request that carries an Idempotency-Key header claims the key in the
// shared Store before it reaches the handler; a retry with the same key gets
// the first response replayed, or 409 Conflict while the first request is
// still in flight, and the key sent again with another request body gets
// 422 Unprocessable Entity. Requests without the header are passed through
// unchanged.
//
// Queue handlers are wrapped in Consumer, which claims each message before it
// is handled so that a redelivery is acknowledged without side effects.
package idem

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"
)

// KeyHeader is the request header that carries the idempotency key.
const KeyHeader = "Idempotency-Key"

// ReplayedHeader is set on a response that was replayed from the store.
const ReplayedHeader = "Idempotent-Replayed"

// DefaultTTL is the dedup window used when no WithTTL option is given. It is
// long enough for payment retries, which the standard measures in days.
const DefaultTTL = 72 * time.Hour

// maxKeyLen bounds the Idempotency-Key header.
const maxKeyLen = 255

// maxBodyLen bounds the body of a request that carries a key: the
// middleware reads it to bind the key to it.
const maxBodyLen = 1 << 20

// Response is a recorded response, replayed to retries of the same request.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
	// RequestDigest is the SHA-256 digest, in hex, of the body of the
	// request the response answers: a retry with another body is refused.
	// A response recorded without one, by a store that does not keep it,
	// is replayed whatever the body of the retry.
	RequestDigest string
}

// Store is the dedup store the middleware claims keys in. Production services
// use the shared SQLStore; MemoryStore exists for tests.
type Store interface {
	// Claim marks key as in flight for ttl. It reports false when the key
	// was claimed before and has not expired.
	Claim(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// Lookup returns the response recorded for key. ok is false while the
	// request that claimed the key has not completed.
	Lookup(ctx context.Context, key string) (res Response, ok bool, err error)
	// Complete records the response for a claimed key.
	Complete(ctx context.Context, key string, res Response) error
	// Release forgets a claim, so that a retry runs the handler again. The
	// middleware releases keys whose request failed with a server error.
	Release(ctx context.Context, key string) error
}

// ErrNoStore is returned when Middleware or Consumer is used before
// SetDefaultStore.
var ErrNoStore = errors.New("idem: no default store configured")

var (
	mu           sync.RWMutex
	defaultStore Store
	defaultMW    func(http.Handler) http.Handler
)

// SetDefaultStore sets the store used by Middleware and Consumer. Services
// call it once at startup with the shared store.
func SetDefaultStore(s Store) {
	mu.Lock()
	defer mu.Unlock()
	defaultStore, defaultMW = s, nil
	if s != nil {
		defaultMW = New(s)
	}
}

func current() (Store, func(http.Handler) http.Handler) {
	mu.RLock()
	defer mu.RUnlock()
	return defaultStore, defaultMW
}

// Middleware is the idempotency middleware with the platform defaults: the
// store given to SetDefaultStore, a DefaultTTL window, and failing closed
// (503) when the store cannot be reached or was never configured.
//
//idem:middleware
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, mw := current()
		if mw == nil {
			http.Error(w, ErrNoStore.Error(), http.StatusServiceUnavailable)
			return
		}
		mw(next).ServeHTTP(w, r)
	})
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
			if key == "" {
				next.ServeHTTP(w, r)
				return
			}
			if len(key) > maxKeyLen {
				http.Error(w, "Idempotency-Key is too long", http.StatusBadRequest)
				return
			}
			// A key is only meaningful for the endpoint it was sent to,
			// and for the body it was first sent with.
			key = r.Method + " " + r.URL.Path + " " + key
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyLen))
			if err != nil {
				var tooLarge *http.MaxBytesError
				if errors.As(err, &tooLarge) {
					http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				} else {
					http.Error(w, "cannot read the request body", http.StatusBadRequest)
				}
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			sum := sha256.Sum256(body)
			digest := hex.EncodeToString(sum[:])
			ctx := r.Context()

			fresh, err := store.Claim(ctx, key, cfg.TTL)
			if err != nil {
				if cfg.FailOpen {
					next.ServeHTTP(w, r)
					return
				}
				unavailable(w)
				return
			}
			if !fresh {
				replay(ctx, w, store, key, digest)
				return
			}

			rec := &recorder{ResponseWriter: w, status: http.StatusOK}
			next.ServeHTTP(rec, r)

			// Use a context that outlives a client that hung up: the
			// handler's effects happened, so its response must be kept.
			ctx = context.WithoutCancel(ctx)
			if rec.status >= 500 {
				_ = store.Release(ctx, key)
				return
			}
			_ = store.Complete(ctx, key, Response{
				Status:        rec.status,
				Header:        w.Header().Clone(),
				Body:          rec.body.Bytes(),
				RequestDigest: digest,
			})
		})
	}
}

func replay(ctx context.Context, w http.ResponseWriter, store Store, key, digest string) {
	res, ok, err := store.Lookup(ctx, key)
	switch {
	case err != nil:
		unavailable(w)
	case !ok:
		http.Error(w, "a request with this Idempotency-Key is still in progress", http.StatusConflict)
	case res.RequestDigest != "" && res.RequestDigest != digest:
		http.Error(w, "this Idempotency-Key was used with another request body", http.StatusUnprocessableEntity)
	default:
		for k, v := range res.Header {
			w.Header()[k] = v
		}
		w.Header().Set(ReplayedHeader, "true")
		w.WriteHeader(res.Status)
		_, _ = w.Write(res.Body)
	}
}

func unavailable(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	http.Error(w, "idempotency store unavailable", http.StatusServiceUnavailable)
}

// recorder captures the status and body written by the handler.
type recorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
	body        bytes.Buffer
}

func (r *recorder) WriteHeader(status int) {
	if !r.wroteHeader {
		r.status = status
		r.wroteHeader = true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wroteHeader = true
	r.body.Write(p)
	return r.ResponseWriter.Write(p)
}

// Option configures New.
type Option func(*Config)

// FailOpen lets requests through to the handler when the store cannot be
// reached. Only for routes where a duplicate is harmless.
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
// acknowledged without being handled twice. Messages are keyed by content.
//
//idem:consumer
func Consumer(h func(ctx context.Context, msg []byte) error) func(ctx context.Context, msg []byte) error {
	return func(ctx context.Context, msg []byte) error {
		store, _ := current()
		if store == nil {
			return ErrNoStore
		}
		sum := sha256.Sum256(msg)
		key := "msg " + hex.EncodeToString(sum[:])
		fresh, err := store.Claim(ctx, key, DefaultTTL)
		if err != nil {
			return err
		}
		if !fresh {
			return nil
		}
		if err := h(ctx, msg); err != nil {
			_ = store.Release(context.WithoutCancel(ctx), key)
			return err
		}
		return store.Complete(context.WithoutCancel(ctx), key, Response{})
	}
}
