package connect

import (
	"context"
	"net/http"

	"connectrpc.com/connect"

	paymentsv1 "example.com/gen/paymentspb"
	"example.com/gen/paymentspb/paymentspbconnect"
	"example.com/platform/idem"
	"example.com/platform/idemrpc"
)

type service struct {
	paymentspbconnect.UnimplementedPaymentsServiceHandler
}

var store idem.Store

func (s *service) get(ctx context.Context, req *connect.Request[paymentsv1.ChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	return connect.NewResponse(&paymentsv1.Charge{}), nil
}

func handlers() {
	s := &service{}
	mux := http.NewServeMux()
	// A service with writes: the interceptor belongs there.
	mux.Handle(paymentspbconnect.NewPaymentsServiceHandler(s, connect.WithInterceptors(idemrpc.Interceptor(store))))
	// Handlers for one read procedure.
	mux.Handle("/payments.v1.Reports/GetDaily", connect.NewUnaryHandler("/payments.v1.Reports/GetDaily", s.get, connect.WithInterceptors(idemrpc.Interceptor(store))))                                                          // want `idemoverkill: rpc /payments.v1.Reports/GetDaily is a read wrapped in idempotency middleware idemrpc.Interceptor`
	mux.Handle("/payments.v1.Reports/Summary", connect.NewUnaryHandler("/payments.v1.Reports/Summary", s.get, connect.WithIdempotency(connect.IdempotencyNoSideEffects), connect.WithInterceptors(idemrpc.Interceptor(store)))) // want `rpc /payments.v1.Reports/Summary is a read`
	mux.Handle("/payments.v1.Reports/Rebuild", connect.NewUnaryHandler("/payments.v1.Reports/Rebuild", s.get, connect.WithInterceptors(idemrpc.Interceptor(store))))
	http.ListenAndServe(":8080", mux)
}

// The interceptor inside and the middleware around the whole mux.
func double() {
	mux := http.NewServeMux()
	mux.Handle(paymentspbconnect.NewPaymentsServiceHandler(&service{}, connect.WithInterceptors(idemrpc.Interceptor(store)))) // want `rpc /payments.v1.PaymentsService/CreateCharge is deduplicated twice, by idem.Middleware and idemrpc.Interceptor` `GetCharge is deduplicated twice` `ListCharges is deduplicated twice` `RefundCharge is deduplicated twice` `WatchCharges is deduplicated twice` `Quote is deduplicated twice`
	http.ListenAndServe(":8080", idem.Middleware(mux))
}
