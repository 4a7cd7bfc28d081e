// Package failsafe is a stub of github.com/failsafe-go/failsafe-go v0.9.8.
package failsafe

import "context"

type Policy[R any] interface {
	ToExecutor(typeToken R) any
}

type Execution[R any] interface {
	Attempts() int
}

type Executor[R any] interface {
	Compose(innerPolicy Policy[R]) Executor[R]
	WithContext(ctx context.Context) Executor[R]
	Run(fn func() error) error
	RunWithExecution(fn func(exec Execution[R]) error) error
	Get(fn func() (R, error)) (R, error)
	GetWithExecution(fn func(exec Execution[R]) (R, error)) (R, error)
}

func With[R any](policies ...Policy[R]) Executor[R] { return nil }
