// Package idem is the platform dedup store, as in testdata/src/example.com/platform/idem.
package idem

import "context"

// Store is a shared dedup store.
type Store struct{}

// Claim claims key; it reports false when key was already claimed.
//
//idem:dedup
func (s *Store) Claim(ctx context.Context, key string) (bool, error) { return true, nil }
