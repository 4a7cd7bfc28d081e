// Package directives uses a platform described by //idem: directives.
package directives

import (
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"

	"example.com/platform/idem"
	"idemfailopen/optkit"
)

var store = idem.NewRedisStore(nil, 72*time.Hour)

func handle(w http.ResponseWriter, r *http.Request) { work() }

//idem:financial grants store credit, which customers spend like money
func grantCredit(w http.ResponseWriter, r *http.Request) { work() }

//idem:harmless a duplicate page view only skews analytics
func trackView(w http.ResponseWriter, r *http.Request) { work() }

// lenient is a helper of the package that builds the option.
func lenient() idem.Option {
	return idem.FailOpen() // want `idem.FailOpen\(\) makes POST /v1/recommendations fail open without //idem:harmless`
}

func main() {
	r := chi.NewRouter()

	// Financial by path: always reported, even when marked harmless.
	r.With(idem.New(store, idem.FailOpen())).Post("/v1/refunds", handle) // want `idem.FailOpen\(\) makes financial route POST /v1/refunds fail open \(its path matches a financial pattern; .*\); remove it so the route fails closed, or exempt it with an ADR`
	//idem:harmless retried transfers are reconciled
	r.With(idem.New(store, idem.FailOpen())).Post("/v1/transfers", handle) // want `makes financial route POST /v1/transfers fail open`

	// Financial by directive on the handler or on the registration.
	r.With(idem.New(store, idem.FailOpen())).Post("/v1/credits", grantCredit) // want `makes financial route POST /v1/credits fail open \(its handler is marked //idem:financial;`
	//idem:financial ships the parcel
	r.With(idem.New(store, idem.FailOpen())).Post("/v1/parcels", handle) // want `makes financial route POST /v1/parcels fail open \(marked //idem:financial;`

	// Not financial: reported without //idem:harmless.
	r.With(idem.New(store, idem.FailOpen())).Post("/v1/carts", handle) // want `idem.FailOpen\(\) makes POST /v1/carts fail open without //idem:harmless \(while the dedup store is down every retry runs again\); remove it, or mark the route //idem:harmless REASON if a duplicate does no harm`
	r.With(idem.New(store, idem.FailOpen())).Post("/v1/views", trackView)
	//idem:harmless a duplicate "like" is idempotent on read
	r.With(idem.New(store, idem.FailOpen())).Post("/v1/likes", handle)
	r.With(idem.New(store, lenient())).Post("/v1/recommendations", handle)

	// Options built in a variable or a slice.
	opts := []idem.Option{idem.WithTTL(72 * time.Hour), idem.FailOpen()} // want `idem.FailOpen\(\) makes financial route POST /v1/payouts fail open`
	r.With(idem.New(store, opts...)).Post("/v1/payouts", handle)
	var extra []idem.Option
	extra = append(extra, idem.FailOpen()) // want `makes financial route POST /v1/invoices fail open`
	r.With(idem.New(store, extra...)).Post("/v1/invoices", handle)

	// Fail-open turned on by a flag still fails open when the flag is set.
	var lenientOpts []idem.Option
	if os.Getenv("IDEM_LENIENT") != "" {
		lenientOpts = append(lenientOpts, idem.FailOpen()) // want `idem.FailOpen\(\) makes financial route POST /v1/billing fail open`
	}
	r.With(idem.New(store, lenientOpts...)).Post("/v1/billing", handle)

	// Struct literals and fields.
	r.With(idem.FromConfig(store, idem.Config{FailOpen: true, TTL: 72 * time.Hour})).Post("/v1/wallets", handle) // want `FailOpen: true makes financial route POST /v1/wallets fail open`
	cfg := idem.Config{TTL: 72 * time.Hour}
	cfg.FailOpen = true // want `cfg.FailOpen = true makes financial route POST /v1/deposits fail open`
	r.With(idem.FromConfig(store, cfg)).Post("/v1/deposits", handle)

	// An option built by another package from a literal.
	r.With(idem.New(store, optkit.FromConfig(idem.Config{FailOpen: true}))).Post("/v1/ledgers", handle) // want `FailOpen: true makes financial route POST /v1/ledgers fail open`

	// Near misses: fail-open off or unknown, reads, naturally idempotent writes.
	r.With(idem.FromConfig(store, idem.Config{FailOpen: false})).Post("/v1/orders", handle)
	r.With(idem.FromConfig(store, idem.Config{FailOpen: os.Getenv("FAIL_OPEN") != ""})).Post("/v1/charges", handle)
	r.With(idem.New(store, idem.FailOpen())).Get("/v1/payments/{id}", handle)
	r.With(idem.New(store, idem.FailOpen())).Put("/v1/payments/{id}", handle)
	r.With(idem.New(store)).Post("/v1/checkout", handle)

	// Router-wide fail-open: reported once per route it covers, at the option.
	r.Route("/v2", func(r chi.Router) {
		r.Use(idem.New(store, idem.FailOpen())) // want `makes financial route POST /v2/refunds fail open` `makes POST /v2/carts fail open without //idem:harmless`
		r.Post("/refunds", handle)
		r.Post("/carts", handle)
		r.Post("/views", trackView)
		r.Get("/refunds/{id}", handle)
	})

	// //idem:harmless on router-wide middleware covers its routes, except
	// the financial ones.
	r.Route("/v4", func(r chi.Router) {
		//idem:harmless everything below is analytics
		r.Use(idem.New(store, idem.FailOpen())) // want `makes financial route POST /v4/refunds fail open`
		r.Post("/refunds", handle)
		r.Post("/clicks", handle)
	})

	// An ADR exemption silences a financial finding.
	//idem:exempt(failopen) ADR-0042 refunds are reconciled against the ledger every hour
	r.With(idem.New(store, idem.FailOpen())).Post("/v3/refunds", handle)

	http.ListenAndServe(":8080", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
