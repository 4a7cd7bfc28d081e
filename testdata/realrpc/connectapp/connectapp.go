// Package connectapp serves the LedgerService of paymentsv1connect on
// net/http muxes, with and without the platform interceptor.
package connectapp

import (
	"context"
	"net/http"

	"connectrpc.com/connect"

	paymentsv1 "example.com/realrpc/gen/payments/v1"
	"example.com/realrpc/gen/payments/v1/paymentsv1connect"
	"example.com/realrpc/platform/idem"
	"example.com/realrpc/platform/idemrpc"
)

var store idem.Store

type ledger struct {
	paymentsv1connect.UnimplementedLedgerServiceHandler
}

func (l *ledger) voidCharge(ctx context.Context, req *connect.Request[paymentsv1.RefundChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	return connect.NewResponse(&paymentsv1.Charge{Id: req.Msg.Id}), nil
}

// Bare mounts the service with no idempotency layer. GetCharge and
// ListCharges read by name; QuoteCharge is declared NO_SIDE_EFFECTS by the
// generated code.
func Bare() error {
	mux := http.NewServeMux()
	mux.Handle(paymentsv1connect.NewLedgerServiceHandler(&ledger{})) // want `idemhandler: rpc /payments.v1.LedgerService/CreateCharge is served without idempotency middleware \(clients and proxies retry rpc calls\); install idemrpc.Interceptor or exempt it with an ADR` `idemhandler: rpc /payments.v1.LedgerService/RefundCharge is served without idempotency middleware`
	return http.ListenAndServe(":8080", mux)
}

// Intercepted installs the platform interceptor in the handler options.
func Intercepted() error {
	mux := http.NewServeMux()
	mux.Handle(paymentsv1connect.NewLedgerServiceHandler(&ledger{}, connect.WithInterceptors(idemrpc.Interceptor(store))))
	return http.ListenAndServe(":8080", mux)
}

// Wrapped wraps the service handler in the platform HTTP middleware.
func Wrapped() error {
	mux := http.NewServeMux()
	path, handler := paymentsv1connect.NewLedgerServiceHandler(&ledger{})
	mux.Handle(path, idem.Middleware(handler))
	return http.ListenAndServe(":8080", mux)
}

// Procedures registers single procedures with their own options.
func Procedures() error {
	l := &ledger{}
	mux := http.NewServeMux()
	mux.Handle("/payments.v1.LedgerService/VoidCharge", connect.NewUnaryHandler("/payments.v1.LedgerService/VoidCharge", l.voidCharge)) // want `idemhandler: rpc /payments.v1.LedgerService/VoidCharge is served without idempotency middleware`
	mux.Handle("/payments.v1.LedgerService/ReverseCharge", connect.NewUnaryHandler("/payments.v1.LedgerService/ReverseCharge", l.voidCharge, connect.WithIdempotency(connect.IdempotencyIdempotent)))
	return http.ListenAndServe(":8080", mux)
}
