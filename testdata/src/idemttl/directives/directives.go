// Package directives uses a platform described by //idem: directives.
package directives

import (
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"

	"example.com/platform/idem"
)

var store = idem.NewRedisStore(nil, 72*time.Hour)

const (
	hours    = 12
	shortTTL = 10 * time.Minute
	week     = 7 * 24 * time.Hour
)

func handle(w http.ResponseWriter, r *http.Request) { work() }

func ttlFromEnv() time.Duration {
	d, _ := time.ParseDuration(os.Getenv("IDEM_TTL"))
	return d
}

// options builds the options in a helper of the package.
func options() []idem.Option {
	return []idem.Option{idem.WithTTL(time.Minute)} // want `ttl 1m0s < 24h0m0s required on POST /v1/sessions \(idem.WithTTL\(time.Minute\): a retry that arrives after the window runs again\); raise the window to at least 24h0m0s`
}

func main() {
	r := chi.NewRouter()

	r.With(idem.New(store, idem.WithTTL(time.Hour))).Post("/v1/refunds", handle)   // want `ttl 1h0m0s < 72h0m0s required on financial route POST /v1/refunds \(idem.WithTTL\(time.Hour\): `
	r.With(idem.New(store, idem.WithTTL(48*time.Hour))).Post("/v1/orders", handle) // want `ttl 48h0m0s < 72h0m0s required on financial route POST /v1/orders`
	r.With(idem.New(store, idem.WithTTL(48*time.Hour))).Post("/v1/carts", handle)
	r.With(idem.New(store, idem.WithTTL(time.Duration(hours)*time.Hour))).Post("/v1/wishlists", handle) // want `ttl 12h0m0s < 24h0m0s required on POST /v1/wishlists`
	r.With(idem.New(store, idem.WithTTL(idem.DefaultTTL))).Post("/v1/payments", handle)                 // want `ttl 24h0m0s < 72h0m0s required on financial route POST /v1/payments`
	r.With(idem.New(store, idem.WithTTL(idem.DefaultTTL))).Post("/v1/reviews", handle)
	r.With(idem.New(store, idem.WithTTL(shortTTL))).Patch("/v1/profiles/{id}", handle) // want `ttl 10m0s < 24h0m0s required on PATCH /v1/profiles/\{id\}`
	r.With(idem.New(store, idem.WithTTL(week))).Post("/v1/payouts", handle)
	r.With(idem.New(store, options()...)).Post("/v1/sessions", handle)

	// Struct literals and fields.
	r.With(idem.FromConfig(store, idem.Config{TTL: 12 * time.Hour})).Post("/v1/invoices", handle) // want `ttl 12h0m0s < 72h0m0s required on financial route POST /v1/invoices \(TTL: 12 \* time.Hour: `
	cfg := idem.Config{}
	cfg.TTL = time.Hour // want `ttl 1h0m0s < 24h0m0s required on POST /v1/comments \(cfg.TTL = time.Hour: `
	r.With(idem.FromConfig(store, cfg)).Post("/v1/comments", handle)

	// Financial by directive.
	//idem:financial grants credit
	r.With(idem.New(store, idem.WithTTL(24*time.Hour))).Post("/v1/credits", handle) // want `ttl 24h0m0s < 72h0m0s required on financial route POST /v1/credits`

	// Near misses: a window computed at run time, reads, naturally idempotent writes.
	r.With(idem.New(store, idem.WithTTL(ttlFromEnv()))).Post("/v1/transfers", handle)
	ttl := time.Hour
	r.With(idem.New(store, idem.WithTTL(ttl))).Post("/v1/deposits", handle)
	r.With(idem.New(store, idem.WithTTL(time.Hour))).Get("/v1/refunds/{id}", handle)
	r.With(idem.New(store, idem.WithTTL(time.Hour))).Put("/v1/refunds/{id}", handle)

	// Near misses: windows chosen on some paths only, or overridden.
	ttlOpt := idem.WithTTL(time.Hour)
	if os.Getenv("ENV") == "prod" {
		ttlOpt = idem.WithTTL(week)
	}
	r.With(idem.New(store, ttlOpt)).Post("/v1/chargebacks", handle)
	r.With(idem.New(store, idem.WithTTL(time.Hour), idem.WithTTL(week))).Post("/v1/disputes", handle)
	over := idem.Config{TTL: time.Hour}
	over.TTL = week
	r.With(idem.FromConfig(store, over)).Post("/v1/settlements", handle)

	// Router-wide: reported once per route it covers.
	r.Route("/v2", func(r chi.Router) {
		r.Use(idem.New(store, idem.WithTTL(30*time.Hour))) // want `ttl 30h0m0s < 72h0m0s required on financial route POST /v2/refunds`
		r.Post("/refunds", handle)
		r.Post("/carts", handle)
	})

	//idem:exempt(ttl) ADR-0042 a refund key is replaced by the ledger entry within the hour
	r.With(idem.New(store, idem.WithTTL(time.Hour))).Post("/v3/refunds", handle)

	http.ListenAndServe(":8080", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
