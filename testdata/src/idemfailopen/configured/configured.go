// Package configured uses a platform described by configuration only.
package configured

import (
	"net/http"

	"example.com/platform/idemcfg"
)

func handle(w http.ResponseWriter, r *http.Request) { work() }

//idem:harmless a duplicate page view only skews analytics
func trackView(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	var store idemcfg.Store
	mux := http.NewServeMux()
	mux.Handle("POST /v1/refunds", idemcfg.New(store, idemcfg.FailOpen())(http.HandlerFunc(handle)))                  // want `idemcfg.FailOpen\(\) makes financial route POST /v1/refunds fail open`
	mux.Handle("POST /v1/carts", idemcfg.FromConfig(store, idemcfg.Config{FailOpen: true})(http.HandlerFunc(handle))) // want `FailOpen: true makes POST /v1/carts fail open without //idem:harmless`
	mux.Handle("POST /v1/views", idemcfg.New(store, idemcfg.FailOpen())(http.HandlerFunc(trackView)))
	// financial.paths replaces the defaults: /v1/payments is not financial here.
	//idem:harmless duplicates are dropped by the ledger
	mux.Handle("POST /v1/payments", idemcfg.New(store, idemcfg.FailOpen())(http.HandlerFunc(handle)))
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
