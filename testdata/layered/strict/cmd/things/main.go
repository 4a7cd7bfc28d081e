// Command things serves the thing routes: the route reported where it
// is registered is not reported again here.
package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/layered/strict/things"
)

func main() {
	r := chi.NewRouter()
	r.Route("/v1", things.Register)
	log.Fatal(http.ListenAndServe(":8080", r))
}
