// Package rpcserver builds the platform's gRPC servers, with the
// idempotency interceptor.
package rpcserver

import (
	"google.golang.org/grpc"

	"example.com/platform/idem"
	"example.com/realrpc/platform/idemrpc"
)

// New returns a server whose unary calls go through the platform's
// idempotency interceptor.
func New(store idem.Store) *grpc.Server {
	return grpc.NewServer(grpc.ChainUnaryInterceptor(idemrpc.UnaryInterceptor(store)))
}
