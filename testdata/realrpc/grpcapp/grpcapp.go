// Package grpcapp serves the Payments service of paymentsv1 on real
// gRPC-Go servers, with and without the platform interceptor.
package grpcapp

import (
	"context"
	"database/sql"
	"log/slog"
	"net"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"

	"example.com/platform/idem"
	paymentsv1 "example.com/realrpc/gen/payments/v1"
	"example.com/realrpc/platform/idemrpc"
)

var (
	db    *sql.DB
	store idem.Store
)

type payments struct {
	paymentsv1.UnimplementedPaymentsServer
}

func (p *payments) CreateCharge(ctx context.Context, req *paymentsv1.CreateChargeRequest) (*paymentsv1.Charge, error) {
	_, err := db.ExecContext(ctx, `INSERT INTO charges (amount) VALUES ($1)`, req.AmountCents)
	return &paymentsv1.Charge{AmountCents: req.AmountCents}, err
}

func (p *payments) RefundCharge(ctx context.Context, req *paymentsv1.RefundChargeRequest) (*paymentsv1.Charge, error) {
	_, err := db.ExecContext(ctx, `INSERT INTO refunds (charge_id) VALUES ($1)`, req.Id)
	return &paymentsv1.Charge{Id: req.Id}, err
}

// quotes only validates and prices a charge; the procedures it does not
// implement answer Unimplemented (gRPC's status package). The analysis
// sees both whole: neither mutates, whatever its name.
type quotes struct {
	paymentsv1.UnimplementedPaymentsServer
}

func (quotes) CreateCharge(ctx context.Context, req *paymentsv1.CreateChargeRequest) (*paymentsv1.Charge, error) {
	if req.AmountCents <= 0 {
		slog.WarnContext(ctx, "rejected charge", "amount", req.AmountCents)
		return nil, status.Errorf(codes.InvalidArgument, "amount %d is not positive", req.AmountCents)
	}
	return &paymentsv1.Charge{AmountCents: req.AmountCents + req.AmountCents/50}, nil
}

// Quotes serves the dry-run service with a logging interceptor only: no
// finding.
func Quotes(lis net.Listener) error {
	s := grpc.NewServer(grpc.UnaryInterceptor(logging))
	paymentsv1.RegisterPaymentsServer(s, quotes{})
	return s.Serve(lis)
}

func logging(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

// Bare serves the service with a logging interceptor only.
func Bare(lis net.Listener) error {
	s := grpc.NewServer(grpc.UnaryInterceptor(logging))
	paymentsv1.RegisterPaymentsServer(s, &payments{}) // want `idemhandler: rpc /payments.v1.Payments/CreateCharge is served without idempotency middleware \(clients and proxies retry rpc calls\); install idemrpc.UnaryInterceptor or exempt it with an ADR` `idemhandler: rpc /payments.v1.Payments/RefundCharge is served without idempotency middleware`
	reflection.Register(s)
	return s.Serve(lis)
}

// Protected chains the platform interceptor server-wide.
func Protected(lis net.Listener) error {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(logging, idemrpc.UnaryInterceptor(store)))
	paymentsv1.RegisterPaymentsServer(s, &payments{})
	return s.Serve(lis)
}

// Selected installs the platform interceptor for CreateCharge only.
func Selected(lis net.Listener) error {
	only := selector.MatchFunc(func(ctx context.Context, callMeta interceptors.CallMeta) bool {
		return callMeta.FullMethod() == paymentsv1.Payments_CreateCharge_FullMethodName
	})
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(logging, selector.UnaryServerInterceptor(idemrpc.UnaryInterceptor(store), only)))
	s.RegisterService(&paymentsv1.Payments_ServiceDesc, &payments{}) // want `idemhandler: rpc /payments.v1.Payments/RefundCharge is served without idempotency middleware`
	return s.Serve(lis)
}
