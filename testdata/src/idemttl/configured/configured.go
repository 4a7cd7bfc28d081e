// Package configured uses a platform described by configuration only, and
// a min-ttl larger than min-ttl-financial (the larger applies).
package configured

import (
	"net/http"
	"time"

	"example.com/platform/idemcfg"
)

func handle(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	var store idemcfg.Store
	mux := http.NewServeMux()
	mux.Handle("POST /v1/refunds", idemcfg.New(store, idemcfg.WithTTL(40*time.Hour))(http.HandlerFunc(handle)))            // want `ttl 40h0m0s < 48h0m0s required on financial route POST /v1/refunds`
	mux.Handle("POST /v1/carts", idemcfg.FromConfig(store, idemcfg.Config{TTL: 30 * time.Hour})(http.HandlerFunc(handle))) // want `ttl 30h0m0s < 48h0m0s required on POST /v1/carts`
	mux.Handle("POST /v1/likes", idemcfg.New(store, idemcfg.WithTTL(48*time.Hour))(http.HandlerFunc(handle)))
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
