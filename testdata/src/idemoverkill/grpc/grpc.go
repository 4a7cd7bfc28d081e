package grpc

import (
	"context"
	"net"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector"
	"google.golang.org/grpc"

	paymentsv1 "example.com/gen/paymentspb"
	"example.com/platform/idem"
	"example.com/platform/idemrpc"
)

type server struct {
	paymentsv1.UnimplementedPaymentsServer
}

var store idem.Store

// Server-wide: the interceptor also covers the reads, which is not overkill.
func serverWide(lis net.Listener) {
	s := grpc.NewServer(grpc.UnaryInterceptor(idemrpc.UnaryInterceptor(store)), grpc.StreamInterceptor(idemrpc.StreamInterceptor(store)))
	paymentsv1.RegisterPaymentsServer(s, &server{})
	s.Serve(lis)
}

// A selector that names reads.
func selected(lis net.Listener) {
	s := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store),
		selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
			return callMeta.FullMethod() == paymentsv1.Payments_CreateCharge_FullMethodName ||
				callMeta.FullMethod() == paymentsv1.Payments_GetCharge_FullMethodName ||
				callMeta.FullMethod() == paymentsv1.Payments_RefundCharge_FullMethodName ||
				callMeta.FullMethod() == paymentsv1.Payments_Checkout_FullMethodName
		}))))
	paymentsv1.RegisterPaymentsServer(s, &server{}) // want `idemoverkill: rpc /payments.v1.Payments/GetCharge is a read wrapped in idempotency middleware idemrpc.UnaryInterceptor .*remove it from this route`
	s.Serve(lis)

	// Only the mutating methods: right.
	s2 := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store),
		selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
			_, ok := mutating[callMeta.FullMethod()]
			return ok
		}))))
	paymentsv1.RegisterPaymentsServer(s2, &server{})
	s2.Serve(lis)
}

var mutating = map[string]bool{
	paymentsv1.Payments_CreateCharge_FullMethodName: true,
	paymentsv1.Payments_RefundCharge_FullMethodName: true,
	paymentsv1.Payments_Checkout_FullMethodName:     true,
}

// Two layers.
func double(lis net.Listener) {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(idemrpc.UnaryInterceptor(store), idemrpc.UnaryInterceptor(store)))
	paymentsv1.RegisterPaymentsServer(s, &server{}) // want `rpc /payments.v1.Payments/CreateCharge is deduplicated twice` `rpc /payments.v1.Payments/GetCharge is deduplicated twice` `ListCharges is deduplicated twice` `RefundCharge is deduplicated twice` `Checkout is deduplicated twice`
	s.Serve(lis)
}
