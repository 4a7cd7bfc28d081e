// Package middleware is a stub of github.com/ThreeDotsLabs/watermill/message/router/middleware v1.5.1.
package middleware

import (
	"context"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
)

type ExpiringKeyRepository interface {
	IsDuplicate(ctx context.Context, key string) (ok bool, err error)
}

type MessageHasher func(*message.Message) (string, error)

type Deduplicator struct {
	KeyFactory MessageHasher
	Repository ExpiringKeyRepository
	Timeout    time.Duration
}

func (d *Deduplicator) Middleware(h message.HandlerFunc) message.HandlerFunc { return h }

func NewMapExpiringKeyRepository(window time.Duration) (ExpiringKeyRepository, error) {
	return nil, nil
}

func NewMessageHasherSHA256(readLimit int64) MessageHasher { return nil }

func Recoverer(h message.HandlerFunc) message.HandlerFunc { return h }
