// Package retry is a stub of github.com/avast/retry-go/v5 v5.1.1.
package retry

import (
	"context"
	"time"
)

type retrierCore struct{}

type Option func(*retrierCore)

type Retrier struct{}

type RetrierWithData[T any] struct{}

type RetryableFunc func() error

type RetryableFuncWithData[T any] func() (T, error)

func New(opts ...Option) *Retrier { return &Retrier{} }

func NewWithData[T any](opts ...Option) *RetrierWithData[T] { return &RetrierWithData[T]{} }

func (r *Retrier) Do(retryableFunc RetryableFunc) error { return nil }

func (r *RetrierWithData[T]) Do(retryableFunc RetryableFuncWithData[T]) (T, error) {
	var t T
	return t, nil
}

func Attempts(attempts uint) Option { return nil }

func UntilSucceeded() Option { return nil }

func Delay(delay time.Duration) Option { return nil }

func Context(ctx context.Context) Option { return nil }
