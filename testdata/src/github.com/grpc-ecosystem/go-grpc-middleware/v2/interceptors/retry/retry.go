// Package retry is a stub of github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry v2.3.4.
package retry

import "google.golang.org/grpc"

type options struct{}

type CallOption struct {
	grpc.EmptyCallOption
	applyFunc func(opt *options)
}

func WithMax(maxRetries uint) CallOption { return CallOption{} }

func UnaryClientInterceptor(optFuncs ...CallOption) grpc.UnaryClientInterceptor { return nil }
