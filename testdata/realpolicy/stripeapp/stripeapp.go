// Package stripeapp serves routes whose handlers call the real stripe-go
// v82: they are financial whatever their path.
package stripeapp

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/checkout/session"
	"github.com/stripe/stripe-go/v82/refund"

	"example.com/platform/idem"
)

type api struct {
	sc *stripe.Client
	db *sql.DB
}

// giveBack refunds through the package-level API.
func (a *api) giveBack(w http.ResponseWriter, r *http.Request) {
	_, _ = refund.New(&stripe.RefundParams{Charge: stripe.String(r.FormValue("charge"))})
}

// collect confirms a payment intent through the client's V1 service.
func (a *api) collect(w http.ResponseWriter, r *http.Request) {
	_, _ = a.sc.V1PaymentIntents.Confirm(r.Context(), r.FormValue("intent"), nil)
}

// lookup only reads money, and logs the lookup.
func (a *api) lookup(w http.ResponseWriter, r *http.Request) {
	_, _ = refund.Get(r.FormValue("refund"), nil)
	a.db.ExecContext(r.Context(), `INSERT INTO lookups (refund) VALUES ($1)`, r.FormValue("refund"))
}

// checkout opens a Checkout session, which takes the customer's payment.
func (a *api) checkout(w http.ResponseWriter, r *http.Request) {
	_, _ = session.New(&stripe.CheckoutSessionParams{SuccessURL: stripe.String("https://example.com/done")})
}

func Serve(store idem.Store) {
	a := &api{sc: stripe.NewClient("sk_test")}
	r := chi.NewRouter()
	r.Use(idem.New(store, idem.FailOpen(), idem.WithTTL(48*time.Hour))) // want `idemfailopen: idem.FailOpen\(\) makes financial route POST /v1/give-backs fail open \(its handler calls refund.New;` `idemfailopen: idem.FailOpen\(\) makes financial route POST /v1/collections fail open \(its handler calls stripe.v1PaymentIntentService.Confirm;` `idemfailopen: idem.FailOpen\(\) makes POST /v1/lookups fail open without //idem:harmless` `idemttl: ttl 48h0m0s < 72h0m0s required on financial route POST /v1/give-backs` `idemttl: ttl 48h0m0s < 72h0m0s required on financial route POST /v1/collections` `idemfailopen: idem.FailOpen\(\) makes financial route POST /v1/baskets fail open \(its handler calls session.New;` `idemttl: ttl 48h0m0s < 72h0m0s required on financial route POST /v1/baskets`
	r.Post("/v1/give-backs", a.giveBack)
	r.Post("/v1/collections", a.collect)
	r.Post("/v1/lookups", a.lookup)
	r.Post("/v1/baskets", a.checkout)
	notes := chi.NewRouter()
	notes.With(idem.New(&idem.MemoryStore{})).Post("/v1/notes", a.lookup) // want `idemstore: &idem.MemoryStore\{\} is an in-process dedup store guarding POST /v1/notes`
	go http.ListenAndServe(":8081", notes)
	http.ListenAndServe(":8080", r)
}
