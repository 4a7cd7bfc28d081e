package grpc

import (
	"context"
	"net"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector"
	"google.golang.org/grpc"
	"google.golang.org/grpc/reflection"

	"example.com/gen/legacypb"
	paymentsv1 "example.com/gen/paymentspb"
	"example.com/platform/idem"
	"example.com/platform/idemrpc"
)

type server struct {
	paymentsv1.UnimplementedPaymentsServer
}

func (*server) CreateCharge(context.Context, *paymentsv1.ChargeRequest) (*paymentsv1.Charge, error) {
	work()
	return &paymentsv1.Charge{}, nil
}

func (*server) RefundCharge(context.Context, *paymentsv1.ChargeRequest) (*paymentsv1.Charge, error) {
	work()
	return &paymentsv1.Charge{}, nil
}

func (*server) Checkout(context.Context, *paymentsv1.ChargeRequest) (*paymentsv1.Charge, error) {
	work()
	return &paymentsv1.Charge{}, nil
}

var store idem.Store

func logging(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

// Bare: every mutating unary method is reported once, at the registration.
func bare(lis net.Listener) {
	s := grpc.NewServer(grpc.UnaryInterceptor(logging), grpc.MaxRecvMsgSize(1<<20))
	paymentsv1.RegisterPaymentsServer(s, &server{}) // want `idemhandler: rpc /payments.v1.Payments/CreateCharge is served without idempotency middleware \(clients and proxies retry rpc calls\); install idemrpc.UnaryInterceptor or exempt it with an ADR` `rpc /payments.v1.Payments/RefundCharge is served` `rpc /payments.v1.Payments/Checkout is served`
	reflection.Register(s)                          // cannot add interceptors: NewServer fixed them
	s.Serve(lis)
}

// Protected by the unary interceptor, alone or in a chain.
func protected(lis net.Listener) {
	s := grpc.NewServer(grpc.UnaryInterceptor(idemrpc.UnaryInterceptor(store)))
	paymentsv1.RegisterPaymentsServer(s, &server{})
	s.Serve(lis)

	s2 := grpc.NewServer(grpc.ChainUnaryInterceptor(logging, idemrpc.UnaryInterceptor(store)))
	paymentsv1.RegisterPaymentsServer(s2, &server{})
	s2.Serve(lis)

	opts := []grpc.ServerOption{grpc.MaxRecvMsgSize(1), grpc.ChainUnaryInterceptor(idemrpc.UnaryInterceptor(store))}
	s3 := grpc.NewServer(opts...)
	s3.RegisterService(&paymentsv1.Payments_ServiceDesc, &server{})
	s3.Serve(lis)

	var more []grpc.ServerOption
	more = append(more, grpc.MaxRecvMsgSize(1))
	more = append(more, grpc.ChainUnaryInterceptor(logging), grpc.ChainUnaryInterceptor(idemrpc.UnaryInterceptor(store)))
	s4 := grpc.NewServer(more...)
	paymentsv1.RegisterPaymentsServer(s4, &server{})
	s4.Serve(lis)
}

// Options appended: the list is followed.
func appended(lis net.Listener, tls bool) {
	var opts []grpc.ServerOption
	opts = append(opts, grpc.UnaryInterceptor(logging))
	s := grpc.NewServer(opts...)
	paymentsv1.RegisterPaymentsServer(s, &server{}) // want `CreateCharge is served` `RefundCharge is served` `Checkout is served`
	s.Serve(lis)

	// Appended on some paths only: unknown.
	opts2 := []grpc.ServerOption{grpc.UnaryInterceptor(logging)}
	if tls {
		opts2 = append(opts2, grpc.MaxRecvMsgSize(1))
	}
	s2 := grpc.NewServer(opts2...)
	paymentsv1.RegisterPaymentsServer(s2, &server{})
	s2.Serve(lis)
}

// A stream interceptor does not run for unary calls.
func streamOnly(lis net.Listener) {
	s := grpc.NewServer(grpc.StreamInterceptor(idemrpc.StreamInterceptor(store)))
	s.RegisterService(&paymentsv1.Payments_ServiceDesc, &server{}) // want `rpc /payments.v1.Payments/CreateCharge is served` `rpc /payments.v1.Payments/RefundCharge is served` `rpc /payments.v1.Payments/Checkout is served`
	s.Serve(lis)
}

var mutating = map[string]bool{
	paymentsv1.Payments_CreateCharge_FullMethodName: true,
	paymentsv1.Payments_RefundCharge_FullMethodName: true,
	paymentsv1.Payments_GetCharge_FullMethodName:    false,
}

// Selectors with a constant set of methods.
func selectors(lis net.Listener) {
	// Covers CreateCharge and Checkout only.
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store),
		selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
			return callMeta.FullMethod() == paymentsv1.Payments_CreateCharge_FullMethodName || callMeta.FullMethod() == "/payments.v1.Payments/Checkout"
		}))))
	paymentsv1.RegisterPaymentsServer(s, &server{}) // want `rpc /payments.v1.Payments/RefundCharge is served`
	s.Serve(lis)

	// Every method but GetCharge: covers all mutating ones.
	s2 := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store),
		selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
			return callMeta.FullMethod() != paymentsv1.Payments_GetCharge_FullMethodName
		}))))
	paymentsv1.RegisterPaymentsServer(s2, &server{})
	s2.Serve(lis)

	// A map literal: Checkout is not in it.
	m := selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
		return mutating[callMeta.FullMethod()]
	})
	s3 := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store), m)))
	paymentsv1.RegisterPaymentsServer(s3, &server{}) // want `rpc /payments.v1.Payments/Checkout is served`
	s3.Serve(lis)

	// A switch.
	s4 := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store),
		selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
			switch callMeta.FullMethod() {
			case paymentsv1.Payments_GetCharge_FullMethodName, paymentsv1.Payments_ListCharges_FullMethodName:
				return false
			}
			return true
		}))))
	paymentsv1.RegisterPaymentsServer(s4, &server{})
	s4.Serve(lis)

	// A matcher the analysis cannot decide: silence.
	s5 := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store),
		selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
			return len(callMeta.Method) > 3
		}))))
	paymentsv1.RegisterPaymentsServer(s5, &server{})
	s5.Serve(lis)

	// A selector around other interceptors changes nothing.
	s6 := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(logging,
		selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool { return true }))))
	paymentsv1.RegisterPaymentsServer(s6, &server{}) // want `CreateCharge is served` `RefundCharge is served` `Checkout is served`
	s6.Serve(lis)
}

// Options the analysis cannot see: silence.
func unknownOptions(lis net.Listener, opts ...grpc.ServerOption) {
	s := grpc.NewServer(opts...)
	paymentsv1.RegisterPaymentsServer(s, &server{})
	s.Serve(lis)
}

// A server the analysis did not create: silence.
func register(s grpc.ServiceRegistrar) {
	paymentsv1.RegisterPaymentsServer(s, &server{})
}

// A local wrapper of the platform interceptor counts.
func idempotent() grpc.UnaryServerInterceptor {
	return idemrpc.UnaryInterceptor(store)
}

// An interceptor of the package that calls the platform one counts.
func dedup(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return idemrpc.UnaryInterceptor(store)(ctx, req, info, handler)
}

func wrapped(lis net.Listener) {
	s := grpc.NewServer(grpc.UnaryInterceptor(idempotent()))
	paymentsv1.RegisterPaymentsServer(s, &server{})
	s.Serve(lis)

	s2 := grpc.NewServer(grpc.ChainUnaryInterceptor(logging, dedup))
	paymentsv1.RegisterPaymentsServer(s2, &server{})
	s2.Serve(lis)

	// A chaining function of the package: the interceptors it gets may be
	// the platform's, so the chain is unknown.
	s3 := grpc.NewServer(grpc.UnaryInterceptor(chain(logging, idemrpc.UnaryInterceptor(store))))
	paymentsv1.RegisterPaymentsServer(s3, &server{})
	s3.Serve(lis)

	s4 := grpc.NewServer(grpc.UnaryInterceptor(viaVar))
	paymentsv1.RegisterPaymentsServer(s4, &server{})
	s4.Serve(lis)
}

func chain(is ...grpc.UnaryServerInterceptor) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		return is[0](ctx, req, info, handler)
	}
}

var platformInterceptor = idemrpc.UnaryInterceptor(store)

func viaVar(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return platformInterceptor(ctx, req, info, handler)
}

type claiming struct {
	paymentsv1.UnimplementedPaymentsServer
	store *idem.RedisStore
}

// CreateCharge claims the key itself.
func (c *claiming) CreateCharge(ctx context.Context, req *paymentsv1.ChargeRequest) (*paymentsv1.Charge, error) {
	if _, err := c.store.Claim(ctx, req.Id); err != nil {
		return nil, err
	}
	return &paymentsv1.Charge{}, nil
}

// RefundCharge is declared read-only.
//
//idem:readonly
func (c *claiming) RefundCharge(ctx context.Context, req *paymentsv1.ChargeRequest) (*paymentsv1.Charge, error) {
	return &paymentsv1.Charge{}, nil
}

func (c *claiming) Checkout(context.Context, *paymentsv1.ChargeRequest) (*paymentsv1.Charge, error) {
	work()
	return &paymentsv1.Charge{}, nil
}

func handlerClaims(lis net.Listener) {
	s := grpc.NewServer()
	paymentsv1.RegisterPaymentsServer(s, &claiming{}) // want `rpc /payments.v1.Payments/Checkout is served`
	s.Serve(lis)
}

func exempt(lis net.Listener) {
	s := grpc.NewServer()
	//idem:exempt ADR-0007 the ledger dedups by charge id
	paymentsv1.RegisterPaymentsServer(s, &server{})
	s.Serve(lis)
}

type ledger struct{}

func (ledger) CreateTransfer(context.Context, *legacypb.TransferRequest) (*legacypb.Transfer, error) {
	work()
	return nil, nil
}

func (ledger) GetTransfer(context.Context, *legacypb.TransferRequest) (*legacypb.Transfer, error) {
	return nil, nil
}

// Legacy generated code: no full method names, so the service name stands
// in; a selector cannot be matched against it.
func legacy(lis net.Listener) {
	s := grpc.NewServer()
	legacypb.RegisterLedgerServer(s, ledger{}) // want `idemhandler: rpc Ledger/CreateTransfer is served without idempotency middleware`
	s.Serve(lis)

	s2 := grpc.NewServer(grpc.UnaryInterceptor(selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store),
		selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
			return callMeta.FullMethod() == "/ledger.Ledger/CreateTransfer"
		}))))
	legacypb.RegisterLedgerServer(s2, ledger{})
	s2.Serve(lis)
}

// work stands for what the procedures do that the analysis cannot see:
// their names decide whether they mutate.
var work func()
