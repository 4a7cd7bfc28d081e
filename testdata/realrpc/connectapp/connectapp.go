// Package connectapp serves the LedgerService of paymentsv1connect on
// net/http muxes, with and without the platform interceptor.
package connectapp

import (
	"context"
	"database/sql"
	"errors"
	"net/http"

	"connectrpc.com/connect"

	"example.com/platform/idem"
	paymentsv1 "example.com/realrpc/gen/payments/v1"
	"example.com/realrpc/gen/payments/v1/paymentsv1connect"
	"example.com/realrpc/platform/idemrpc"
)

var store idem.Store

var db *sql.DB

type ledger struct {
	paymentsv1connect.UnimplementedLedgerServiceHandler
}

func (l *ledger) CreateCharge(ctx context.Context, req *connect.Request[paymentsv1.CreateChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	_, err := db.ExecContext(ctx, `INSERT INTO charges (amount) VALUES ($1)`, req.Msg.AmountCents)
	return connect.NewResponse(&paymentsv1.Charge{AmountCents: req.Msg.AmountCents}), err
}

func (l *ledger) RefundCharge(ctx context.Context, req *connect.Request[paymentsv1.RefundChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	_, err := db.ExecContext(ctx, `INSERT INTO refunds (charge_id) VALUES ($1)`, req.Msg.Id)
	return connect.NewResponse(&paymentsv1.Charge{Id: req.Msg.Id}), err
}

func (l *ledger) voidCharge(ctx context.Context, req *connect.Request[paymentsv1.RefundChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	_, err := db.ExecContext(ctx, `INSERT INTO voids (charge_id) VALUES ($1)`, req.Msg.Id)
	return connect.NewResponse(&paymentsv1.Charge{Id: req.Msg.Id}), err
}

// approveCharge only checks the charge: the analysis sees it whole, and
// its procedure does not mutate.
func (l *ledger) approveCharge(ctx context.Context, req *connect.Request[paymentsv1.RefundChargeRequest]) (*connect.Response[paymentsv1.Charge], error) {
	if req.Msg.Id == "" {
		return nil, connect.NewError(connect.CodeInvalidArgument, errors.New("no charge id"))
	}
	var amount int64
	if err := db.QueryRowContext(ctx, `SELECT amount FROM charges WHERE id = $1`, req.Msg.Id).Scan(&amount); err != nil {
		return nil, connect.NewError(connect.CodeNotFound, err)
	}
	return connect.NewResponse(&paymentsv1.Charge{Id: req.Msg.Id, AmountCents: amount}), nil
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
	mux.Handle("/payments.v1.LedgerService/ApproveCharge", connect.NewUnaryHandler("/payments.v1.LedgerService/ApproveCharge", l.approveCharge))
	return http.ListenAndServe(":8080", mux)
}
