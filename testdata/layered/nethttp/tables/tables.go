// Package tables lists its routes in tables and registers them in loops
// on a ServeMux its caller owns, as many services do.
package tables

import (
	"net/http"

	"example.com/platform/idem"
)

type route struct {
	pattern string
	handler http.HandlerFunc
}

// Register adds the tables' routes to mux.
func Register(mux *http.ServeMux) {
	for _, r := range []route{
		{"POST /tables/orders", create}, // want `idemhandler: POST /tables/orders is served without idempotency middleware`
		{"GET /tables/orders", list},
		{"PUT /tables/orders/{id}", create},
		{pattern: "POST /tables/wrapped", handler: idem.Middleware(http.HandlerFunc(create)).ServeHTTP},
		//idem:exempt ADR-0001 imports are keyed by the file's digest
		{"POST /tables/imports", create},
	} {
		mux.HandleFunc(r.pattern, r.handler)
	}
	for pattern, h := range adminRoutes {
		mux.Handle(pattern, h)
	}
	for _, r := range v1() {
		mux.HandleFunc("POST /v1"+r.pattern, r.handler)
	}
	dynamic := []route{{"GET /tables/health", list}}
	dynamic = append(dynamic, route{"POST /tables/appended", create})
	for _, r := range dynamic {
		mux.HandleFunc(r.pattern, r.handler) // not unrolled (built by appends): its method is unknown
	}
}

// adminRoutes maps patterns to handlers.
var adminRoutes = map[string]http.Handler{
	"POST /tables/ops/flush":   http.HandlerFunc(create), // want `idemhandler: POST /tables/ops/flush is served without idempotency middleware`
	"DELETE /tables/ops/cache": http.HandlerFunc(create),
	"POST /tables/ops/reindex": idem.Middleware(http.HandlerFunc(create)),
}

func v1() []route {
	return []route{
		{"/payments", create}, // want `idemhandler: POST /v1/payments is served without idempotency middleware`
	}
}

func create(w http.ResponseWriter, r *http.Request) { store.Save(r) }

func list(w http.ResponseWriter, r *http.Request) {}

// store stands for what the handlers do that the analysis does not see.
var store interface{ Save(r *http.Request) }
