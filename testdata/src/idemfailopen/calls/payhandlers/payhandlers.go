// Package payhandlers holds handlers of another package than the router.
package payhandlers

import (
	"net/http"

	"idemfailopen/billing"
)

// Settle settles a customer's balance.
func Settle(w http.ResponseWriter, r *http.Request) {
	_ = billing.Charge(r.FormValue("customer"), 100)
}
