// Command notes serves the note routes wrapped, whole, in the platform
// middleware: none is reported.
package main

import (
	"log"
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/layered/httprouter/notes"
	"example.com/platform/idem"
)

func main() {
	r := httprouter.New()
	notes.Register(r)
	log.Fatal(http.ListenAndServe(":8080", idem.Middleware(r)))
}
