// Command connectbare mounts the ledger service on a mux of its own.
package main

import (
	"log"
	"net/http"

	"example.com/layeredrpc/ledger"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle(ledger.Handler())
	log.Fatal(http.ListenAndServe(":8080", mux))
}
