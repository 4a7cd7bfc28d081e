// Package idempotence is the service's own dedup helper: Exec runs fn
// once per key within the window.
package idempotence

import (
	"context"
	"time"
)

// Store records keys.
type Store interface {
	SetNX(ctx context.Context, key string, ttl time.Duration) (bool, error)
}

// Idempotence runs functions once per key.
type Idempotence struct {
	store Store
	ttl   time.Duration
}

// Option configures an Idempotence.
type Option func(*Idempotence)

// WithTTL sets how long a key is remembered.
func WithTTL(d time.Duration) Option { return func(i *Idempotence) { i.ttl = d } }

// New returns an Idempotence over store.
func New(store Store, opts ...Option) *Idempotence {
	i := &Idempotence{store: store, ttl: 24 * time.Hour}
	for _, o := range opts {
		o(i)
	}
	return i
}

// Exec runs fn unless key was claimed within the window; options
// override the Idempotence's for this call.
func (i *Idempotence) Exec(ctx context.Context, key string, fn func(context.Context) error, opts ...Option) error {
	ttl := i.ttl
	for _, o := range opts {
		c := *i
		o(&c)
		ttl = c.ttl
	}
	ok, err := i.store.SetNX(ctx, key, ttl)
	if err != nil || !ok {
		return err
	}
	return fn(ctx)
}
