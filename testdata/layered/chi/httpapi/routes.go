package httpapi

import (
	"github.com/go-chi/chi/v5"

	"example.com/layered/chi/orders"
)

// Routes returns the order routes on a router of their own, for a
// gateway to mount.
func Routes(o *orders.Handler) chi.Router {
	r := chi.NewRouter()
	o.RegisterInternal(r)
	return r
}
