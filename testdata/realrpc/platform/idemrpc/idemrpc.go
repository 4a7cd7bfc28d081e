// Package idemrpc is the platform idempotency library for RPC servers: a
// gRPC unary interceptor and a connect interceptor keyed by the
// idempotency-key metadata, claiming keys in the shared store of idem.
package idemrpc

import (
	"context"

	"connectrpc.com/connect"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"example.com/platform/idem"
)

// UnaryInterceptor rejects a unary call whose idempotency key was already
// claimed.
//
//idem:middleware
func UnaryInterceptor(store idem.Store) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		if keys := md.Get("idempotency-key"); len(keys) == 1 && store != nil {
			fresh, err := store.Claim(ctx, info.FullMethod+":"+keys[0])
			if err != nil {
				return nil, status.Error(codes.Unavailable, "idempotency store unavailable")
			}
			if !fresh {
				return nil, status.Error(codes.AlreadyExists, "duplicate request")
			}
		}
		return handler(ctx, req)
	}
}

// Interceptor is the connect form of UnaryInterceptor.
//
//idem:middleware
func Interceptor(store idem.Store) connect.Interceptor {
	return connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if key := req.Header().Get(idem.KeyHeader); key != "" && store != nil {
				fresh, err := store.Claim(ctx, req.Spec().Procedure+":"+key)
				if err != nil {
					return nil, connect.NewError(connect.CodeUnavailable, err)
				}
				if !fresh {
					return nil, connect.NewError(connect.CodeAlreadyExists, nil)
				}
			}
			return next(ctx, req)
		}
	})
}
