// Command shared builds the API on the shared store.
package main

import (
	"log"
	"net/http"

	"example.com/layered/stores/wiring"
	"example.com/platform/idem"
)

func main() {
	log.Fatal(http.ListenAndServe(":8081", wiring.Build(idem.NewRedisStore(nil, 0))))
}
