package unrecognised

import (
	"net/http"
	"net/url"

	"example.com/otherrouter"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

// Registrations on a router the model does not know are never reported:
// the inventory lists them as unrecognised.
func routes() {
	r := otherrouter.New()
	r.Post("/v1/payments", create)
	r.PATCH("/v1/payments/{id}", create)
	r.Handle("POST /v1/charges", http.HandlerFunc(create))
	r.HandleFunc("/v1/refunds", create)
	r.Add("POST", "/v1/orders", create)
	r.Get("/v1/orders", create)
	r.Group("/v1", func(r *otherrouter.Router) {
		r.Post("/carts", create)
	})

	// The same package serves them with net/http, which is reported.
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/direct", create) // want `POST /v1/direct is served without idempotency middleware`
	mux.Handle("/", r)
	http.ListenAndServe(":8080", mux)
}

// Not registrations: no constant path, or not a method call.
func notRoutes(path string, v url.Values) {
	r := otherrouter.New()
	r.Post(path, create)
	r.Handle("charges", http.HandlerFunc(create))
	r.Add("POST", path, create)
	v.Add("/v1/x", "y")
	c := &otherrouter.Client{}
	c.Post("/v1/payments", nil)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
