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

func (*service) CreateCharge(context.Context, *connect.Request[paymentsv1.ChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	work()
	return connect.NewResponse(&paymentsv1.Charge{}), nil
}

func (*service) RefundCharge(context.Context, *connect.Request[paymentsv1.ChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	work()
	return connect.NewResponse(&paymentsv1.Charge{}), nil
}

var store idem.Store

func logging() connect.Interceptor {
	return connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc { return next })
}

// Bare: each mutating unary procedure is reported at the constructor.
func bare() {
	mux := http.NewServeMux()
	mux.Handle(paymentspbconnect.NewPaymentsServiceHandler(&service{}, connect.WithInterceptors(logging()), connect.WithReadMaxBytes(1<<20))) // want `idemhandler: rpc /payments.v1.PaymentsService/CreateCharge is served without idempotency middleware \(clients and proxies retry rpc calls\); install idemrpc.Interceptor or exempt it with an ADR` `rpc /payments.v1.PaymentsService/RefundCharge is served`
	http.ListenAndServe(":8080", mux)
}

// The platform interceptor in the handler options.
func interceptor() {
	mux := http.NewServeMux()
	mux.Handle(paymentspbconnect.NewPaymentsServiceHandler(&service{}, connect.WithInterceptors(logging(), idemrpc.Interceptor(store))))
	http.ListenAndServe(":8080", mux)

	opts := []connect.HandlerOption{connect.WithInterceptors(idemrpc.Interceptor(store))}
	mux2 := http.NewServeMux()
	mux2.Handle(paymentspbconnect.NewPaymentsServiceHandler(&service{}, connect.WithHandlerOptions(opts...)))
	http.ListenAndServe(":8081", mux2)
}

// HTTP middleware around the handler or the whole mux.
func httpMiddleware() {
	mux := http.NewServeMux()
	path, h := paymentspbconnect.NewPaymentsServiceHandler(&service{})
	mux.Handle(path, idem.Middleware(h))
	http.ListenAndServe(":8080", mux)

	mux2 := http.NewServeMux()
	mux2.Handle(paymentspbconnect.NewPaymentsServiceHandler(&service{}))
	http.ListenAndServe(":8081", idem.Middleware(mux2))

	mux3 := http.NewServeMux()
	path3, h3 := paymentspbconnect.NewPaymentsServiceHandler(&service{}) // want `rpc /payments.v1.PaymentsService/CreateCharge is served` `rpc /payments.v1.PaymentsService/RefundCharge is served`
	mux3.Handle(path3, h3)
	http.ListenAndServe(":8082", mux3)
}

// A mux that is not served here: silence.
func unserved(mux *http.ServeMux) {
	mux.Handle(paymentspbconnect.NewPaymentsServiceHandler(&service{}))
}

// Options the analysis cannot see: silence.
func unknownOptions(opts ...connect.HandlerOption) {
	mux := http.NewServeMux()
	mux.Handle(paymentspbconnect.NewPaymentsServiceHandler(&service{}, opts...))
	http.ListenAndServe(":8080", mux)
}

func (s *service) createCharge(ctx context.Context, req *connect.Request[paymentsv1.ChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	work()
	return connect.NewResponse(&paymentsv1.Charge{}), nil
}

// Handlers for one procedure: WithIdempotency declares it idempotent.
func procedures() {
	s := &service{}
	mux := http.NewServeMux()
	mux.Handle(paymentspbconnect.PaymentsServiceCreateChargeProcedure, connect.NewUnaryHandler(paymentspbconnect.PaymentsServiceCreateChargeProcedure, s.createCharge)) // want `rpc /payments.v1.PaymentsService/CreateCharge is served`
	mux.Handle("/payments.v1.PaymentsService/RefundCharge", connect.NewUnaryHandler("/payments.v1.PaymentsService/RefundCharge", s.createCharge, connect.WithIdempotency(connect.IdempotencyIdempotent)))
	mux.Handle("/payments.v1.PaymentsService/CaptureCharge", connect.NewUnaryHandler("/payments.v1.PaymentsService/CaptureCharge", s.createCharge, connect.WithIdempotency(connect.IdempotencyNoSideEffects)))
	mux.Handle("/payments.v1.PaymentsService/VoidCharge", connect.NewUnaryHandler("/payments.v1.PaymentsService/VoidCharge", s.createCharge, connect.WithIdempotency(connect.IdempotencyUnknown))) // want `rpc /payments.v1.PaymentsService/VoidCharge is served`
	mux.Handle("/payments.v1.PaymentsService/GetCharge", connect.NewUnaryHandler("/payments.v1.PaymentsService/GetCharge", s.createCharge))
	mux.Handle("/payments.v1.PaymentsService/Capture", idem.Middleware(connect.NewUnaryHandler("/payments.v1.PaymentsService/Capture", s.createCharge)))
	http.ListenAndServe(":8080", mux)
}

// work stands for what the procedures do that the analysis cannot see:
// their names decide whether they mutate.
var work func()
