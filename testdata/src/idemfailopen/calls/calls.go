// Package calls classifies routes as financial by the calls of their
// handlers.
package calls

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	stripe "github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/checkout/session"

	"example.com/platform/idem"
	"idemfailopen/billing"
	"idemfailopen/calls/payhandlers"
)

type api struct{}

// topUp calls the money-moving function through a helper.
func (a *api) topUp(w http.ResponseWriter, r *http.Request) {
	a.debit(r.FormValue("customer"))
}

func (a *api) debit(customer string) { _ = billing.Charge(customer, 100) }

// balance only reads money.
func (a *api) balance(w http.ResponseWriter, r *http.Request) {
	_ = billing.Balance(r.FormValue("customer"))
	work()
}

func main() {
	var store idem.Store
	a := &api{}
	r := chi.NewRouter()
	r.Use(idem.New(store, idem.FailOpen())) // want `makes financial route POST /v1/top-ups fail open \(its handler calls billing.Charge;` `makes POST /v1/balance-checks fail open without //idem:harmless` `makes financial route POST /v1/gifts fail open \(its handler calls billing.Charge;` `makes financial route POST /v1/settlements fail open \(its handler moves money;` `makes financial route POST /v1/sessions fail open \(its handler calls session.New;`
	r.Post("/v1/top-ups", a.topUp)
	r.Post("/v1/balance-checks", a.balance)
	r.Post("/v1/gifts", func(w http.ResponseWriter, r *http.Request) {
		_ = billing.Charge("c", 1)
	})
	r.Post("/v1/settlements", payhandlers.Settle)
	r.Post("/v1/sessions", func(w http.ResponseWriter, r *http.Request) {
		// A Stripe Checkout session takes the customer's payment.
		session.New(&stripe.CheckoutSessionParams{})
	})
	http.ListenAndServe(":8080", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
