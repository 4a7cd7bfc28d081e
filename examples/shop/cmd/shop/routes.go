package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/shop/platform/idem"
)

// newRouter builds the public API.
func newRouter(h *handlers, store idem.Store) chi.Router {
	r := chi.NewRouter()
	r.Use(middleware.RequestID)
	r.Use(middleware.Logger)
	r.Use(middleware.Recoverer)

	r.Get("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})

	// Charges: everything in this group is deduplicated by Idempotency-Key.
	r.Group(func(r chi.Router) {
		r.Use(idem.Middleware)
		r.Post("/v1/charges", h.createCharge)
	})
	r.Get("/v1/charges/{chargeID}", h.getCharge)

	r.Post("/v1/refunds", h.createRefund)

	r.With(idem.Middleware).Post("/v1/orders", h.createOrder)
	r.Get("/v1/orders/{orderID}", h.getOrder)

	r.Put("/v1/customers/{customerID}", h.putCustomer)

	r.Route("/v1/carts", func(r chi.Router) {
		r.Post("/", h.createCart)
		r.Get("/{cartID}", h.getCart)
		r.Put("/{cartID}/items/{sku}", h.putCartItem)
		r.Delete("/{cartID}", h.deleteCart)
	})

	//idem:exempt ADR-0007 webhook deliveries are deduplicated by the provider event id
	r.Post("/v1/webhooks/stripe", h.stripeWebhook)

	// Analytics events: a duplicate only skews a counter, so the route
	// keeps accepting events while the dedup store is down.
	//idem:harmless a duplicate event only skews analytics counters
	r.With(idem.New(store, idem.FailOpen())).Post("/v1/events", h.trackEvent)

	// Seller payouts move money.
	r.With(idem.New(store, idem.WithTTL(payoutKeyWindow))).Post("/v1/payouts", h.createPayout)

	return r
}
