// Package ledger builds the LedgerService's connect handler; commands
// mount it.
package ledger

import (
	"net/http"

	paymentsv1connect "example.com/realrpc/gen/payments/v1/paymentsv1connect"
)

type ledger struct {
	paymentsv1connect.UnimplementedLedgerServiceHandler
}

// Handler returns the path and handler of the service.
func Handler() (string, http.Handler) {
	return paymentsv1connect.NewLedgerServiceHandler(&ledger{}) // want `idemhandler: rpc /payments.v1.LedgerService/CreateCharge is served without idempotency middleware` `idemhandler: rpc /payments.v1.LedgerService/RefundCharge is served without idempotency middleware`
}
