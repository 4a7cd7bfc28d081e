// Package overkillapp installs the platform interceptor where it does harm:
// on reads only, and twice.
package overkillapp

import (
	"context"
	"net"
	"net/http"

	"connectrpc.com/connect"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector"
	"google.golang.org/grpc"

	"example.com/platform/idem"
	paymentsv1 "example.com/realrpc/gen/payments/v1"
	"example.com/realrpc/gen/payments/v1/paymentsv1connect"
	"example.com/realrpc/platform/idemrpc"
)

var store idem.Store

type payments struct {
	paymentsv1.UnimplementedPaymentsServer
}

type ledger struct {
	paymentsv1connect.UnimplementedLedgerServiceHandler
}

func (l *ledger) daily(ctx context.Context, req *connect.Request[paymentsv1.ListChargesRequest]) (*connect.Response[paymentsv1.ListChargesResponse], error) {
	return connect.NewResponse(&paymentsv1.ListChargesResponse{}), nil
}

// Reads selects the read methods for the interceptor.
func Reads(lis net.Listener) error {
	reads := selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
		switch callMeta.FullMethod() {
		case paymentsv1.Payments_CreateCharge_FullMethodName, paymentsv1.Payments_GetCharge_FullMethodName:
			return true
		}
		return false
	})
	s := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store), reads)))
	paymentsv1.RegisterPaymentsServer(s, &payments{}) // want `idemoverkill: rpc /payments.v1.Payments/GetCharge is a read wrapped in idempotency middleware idemrpc.UnaryInterceptor`
	return s.Serve(lis)
}

// ServerWide covers reads too, which is fine.
func ServerWide(lis net.Listener) error {
	s := grpc.NewServer(grpc.UnaryInterceptor(idemrpc.UnaryInterceptor(store)))
	paymentsv1.RegisterPaymentsServer(s, &payments{})
	return s.Serve(lis)
}

// Twice wraps the mux in the HTTP middleware and installs the interceptor.
func Twice() error {
	l := &ledger{}
	mux := http.NewServeMux()
	mux.Handle(paymentsv1connect.NewLedgerServiceHandler(l, connect.WithInterceptors(idemrpc.Interceptor(store))))                                                                                                          // want `rpc /payments.v1.LedgerService/CreateCharge is deduplicated twice, by idem.Middleware and idemrpc.Interceptor` `GetCharge is deduplicated twice` `ListCharges is deduplicated twice` `RefundCharge is deduplicated twice` `QuoteCharge is deduplicated twice`
	mux.Handle("/reports.v1.Reports/Daily", connect.NewUnaryHandler("/reports.v1.Reports/Daily", l.daily, connect.WithIdempotency(connect.IdempotencyNoSideEffects), connect.WithInterceptors(idemrpc.Interceptor(store)))) // want `rpc /reports.v1.Reports/Daily is deduplicated twice`
	return http.ListenAndServe(":8080", idem.Middleware(mux))
}

// DailyOnly installs the interceptor on one read procedure.
func DailyOnly() error {
	l := &ledger{}
	mux := http.NewServeMux()
	mux.Handle(paymentsv1connect.NewLedgerServiceHandler(l, connect.WithInterceptors(idemrpc.Interceptor(store))))
	mux.Handle("/reports.v1.Reports/Daily", connect.NewUnaryHandler("/reports.v1.Reports/Daily", l.daily, connect.WithIdempotency(connect.IdempotencyNoSideEffects), connect.WithInterceptors(idemrpc.Interceptor(store)))) // want `idemoverkill: rpc /reports.v1.Reports/Daily is a read wrapped in idempotency middleware idemrpc.Interceptor`
	return http.ListenAndServe(":8080", mux)
}
