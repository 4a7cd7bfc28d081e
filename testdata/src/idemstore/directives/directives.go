// Package directives uses a platform described by //idem: directives.
package directives

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"example.com/platform/idem"
)

func handle(w http.ResponseWriter, r *http.Request) { work() }

// newStore is a helper of the package.
func newStore() idem.Store {
	return idem.NewMemoryStore() // want `idem.NewMemoryStore\(\) is an in-process dedup store guarding POST /v1/wishlists`
}

// protect builds the middleware around the store it is given.
func protect(s idem.Store) func(http.Handler) http.Handler {
	return idem.New(s, idem.WithTTL(72*time.Hour))
}

func main() {
	r := chi.NewRouter()
	r.With(idem.New(idem.NewMemoryStore())).Post("/v1/carts", handle) // want `idem.NewMemoryStore\(\) is an in-process dedup store guarding POST /v1/carts \(each replica remembers only its own keys and forgets them on restart, so a retry reaching another instance runs again\); use the shared store`

	mem := idem.NewMemoryStore() // want `idem.NewMemoryStore\(\) is an in-process dedup store guarding POST /v1/orders`
	r.With(idem.New(mem)).Post("/v1/orders", handle)
	r.With(idem.New(newStore())).Post("/v1/wishlists", handle)
	r.With(protect(idem.NewMemoryStore())).Post("/v1/reviews", handle) // want `idem.NewMemoryStore\(\) is an in-process dedup store guarding POST /v1/reviews`

	// Near misses: the shared store, reads, naturally idempotent writes.
	shared := idem.NewRedisStore(nil, 72*time.Hour)
	r.With(idem.New(shared)).Post("/v1/payments", handle)
	r.With(idem.New(idem.NewMemoryStore())).Get("/v1/carts/{id}", handle)
	r.With(idem.New(idem.NewMemoryStore())).Delete("/v1/carts/{id}", handle)

	//idem:exempt(store) ADR-0042 the service runs as a single replica by design
	r.With(idem.New(idem.NewMemoryStore())).Post("/v1/drafts", handle)

	http.ListenAndServe(":8080", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
