// Command connectidem serves the ledger service wrapped, whole, in the
// platform's HTTP middleware.
package main

import (
	"log"
	"net/http"

	"example.com/layeredrpc/ledger"
	"example.com/platform/idem"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle(ledger.Handler())
	log.Fatal(http.ListenAndServe(":8081", idem.Middleware(mux)))
}
