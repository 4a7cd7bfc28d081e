// Command memory builds the API on an in-process store: each replica
// dedups alone.
package main

import (
	"log"
	"net/http"

	"example.com/layered/stores/wiring"
	"example.com/platform/idem"
)

func main() {
	store := idem.NewMemoryStore() // want `idemstore: idem.NewMemoryStore\(\) is an in-process dedup store, handed to idem.New`
	log.Fatal(http.ListenAndServe(":8080", wiring.Build(store)))
}
