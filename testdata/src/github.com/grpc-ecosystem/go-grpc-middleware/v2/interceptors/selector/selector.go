// Package selector is a stub of
// github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector
// (v2.3.4) for analysis tests. Exported signatures match the real module.
package selector

import (
	"context"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors"
	"google.golang.org/grpc"
)

// Matcher allows matching.
type Matcher interface {
	Match(ctx context.Context, callMeta interceptors.CallMeta) bool
}

// MatchFunc return Matcher from closure.
func MatchFunc(f func(ctx context.Context, callMeta interceptors.CallMeta) bool) Matcher {
	return funcSelector{f: f}
}

type funcSelector struct {
	f func(ctx context.Context, callMeta interceptors.CallMeta) bool
}

func (s funcSelector) Match(ctx context.Context, callMeta interceptors.CallMeta) bool {
	return s.f(ctx, callMeta)
}

// UnaryServerInterceptor returns a new unary server interceptor that will decide whether to call
// the interceptor based on the return argument from the Matcher.
func UnaryServerInterceptor(i grpc.UnaryServerInterceptor, matcher Matcher) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
		return handler(ctx, req)
	}
}

// StreamServerInterceptor returns a new stream server interceptor that will decide whether to call
// the interceptor based on the return argument from the Matcher.
func StreamServerInterceptor(i grpc.StreamServerInterceptor, matcher Matcher) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		return handler(srv, ss)
	}
}
