// Package configured uses a platform described by configuration only.
package configured

import (
	"net/http"

	"example.com/platform/idemcfg"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/a", idemcfg.Middleware(http.HandlerFunc(create)))
	mux.Handle("POST /v1/b", idemcfg.New(nil)(http.HandlerFunc(create)))
	mux.HandleFunc("POST /v1/c", create) // want `POST /v1/c is served without idempotency middleware .*; wrap it in the platform idempotency middleware`
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
