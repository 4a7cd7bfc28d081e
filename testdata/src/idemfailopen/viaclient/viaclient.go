// Package viaclient calls a money-moving API through a client another
// package holds: it does not import the API's package itself.
package viaclient

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/platform/idem"
	"idemfailopen/viaclient/payclient"
)

func settle(w http.ResponseWriter, r *http.Request) {
	_, _ = payclient.Stripe.V1PaymentIntents.Create(r.Context(), nil)
}

// lookUp only reads money through the same client: not a financial
// route.
func lookUp(w http.ResponseWriter, r *http.Request) {
	_, _ = payclient.Stripe.V1PaymentIntents.Retrieve(r.Context(), r.FormValue("id"), nil)
	work()
}

func main() {
	var store idem.Store
	r := chi.NewRouter()
	r.Use(idem.New(store, idem.FailOpen())) // want `makes financial route POST /v1/baskets/\{id\}/close fail open \(its handler calls stripe.v1PaymentIntentService.Create;` `makes POST /v1/baskets/\{id\}/lookups fail open without //idem:harmless`
	r.Post("/v1/baskets/{id}/close", settle)
	r.Post("/v1/baskets/{id}/lookups", lookUp)
	http.ListenAndServe(":8080", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
