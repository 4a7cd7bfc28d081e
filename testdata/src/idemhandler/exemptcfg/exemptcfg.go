// Package exemptcfg has routes exempted by the exempt setting of its
// .idemlint.yaml rather than by directives.
package exemptcfg

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func create(w http.ResponseWriter, r *http.Request) { store.Create(r.FormValue("name")) }

// store stands for what the handler does that the analysis cannot see.
var store interface{ Create(name string) }

func main() {
	r := chi.NewRouter()
	r.Post("/login", create)
	r.Post("/admin/logout", create)
	r.Post("/login/reset", create)    // want `POST /login/reset is served`
	r.Post("/v1/sessions", create)    // want `POST /v1/sessions is served`
	r.Post("/v1/debug/flush", create) // want `POST /v1/debug/flush is served`
	r.Post("/v1/orders", create)      // want `POST /v1/orders is served`
	http.ListenAndServe(":8080", r)
}
