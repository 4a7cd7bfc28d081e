// Package charges implements the Payments gRPC service and registers it
// on a server its caller owns.
package charges

import (
	"context"
	"database/sql"

	"google.golang.org/grpc"

	paymentsv1 "example.com/realrpc/gen/payments/v1"
)

type server struct {
	paymentsv1.UnimplementedPaymentsServer
	db *sql.DB
}

func (s *server) CreateCharge(ctx context.Context, req *paymentsv1.CreateChargeRequest) (*paymentsv1.Charge, error) {
	_, err := s.db.ExecContext(ctx, `INSERT INTO charges (amount) VALUES ($1)`, req.AmountCents)
	return &paymentsv1.Charge{AmountCents: req.AmountCents}, err
}

// Register adds the service to s.
func Register(s grpc.ServiceRegistrar, db *sql.DB) {
	paymentsv1.RegisterPaymentsServer(s, &server{db: db}) // want `idemhandler: rpc /payments.v1.Payments/CreateCharge is served without idempotency middleware` `idemhandler: rpc /payments.v1.Payments/RefundCharge is served without idempotency middleware`
}
