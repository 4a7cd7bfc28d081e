// Command contractmod serves routes some of which have contract tests
// (main_test.go) and some not.
package main

import (
	"net/http"

	"example.com/platform"
)

func handle(w http.ResponseWriter, r *http.Request) { store.Save(r) }

// store stands for what the handlers do that the analysis does not see.
var store interface{ Save(r *http.Request) }

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/orders", platform.Middleware(http.HandlerFunc(handle)))
	mux.Handle("POST /v1/orders/{orderID}/cancel", platform.Middleware(http.HandlerFunc(handle)))
	mux.Handle("POST /v1/imports", platform.Middleware(http.HandlerFunc(handle)))
	mux.Handle("PATCH /v1/carts/{cartID}", platform.Middleware(http.HandlerFunc(handle)))
	mux.HandleFunc("POST /v1/refunds", handle)
	//idem:exempt ADR-0001 the provider deduplicates its deliveries
	mux.HandleFunc("POST /v1/webhooks", handle)
	mux.HandleFunc("PUT /v1/customers/{customerID}", handle)
	mux.HandleFunc("GET /v1/orders", handle)
	return mux
}

func main() {
	http.ListenAndServe(":8080", newMux())
}
