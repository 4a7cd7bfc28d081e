// Command invoices serves the invoice routes.
package main

import (
	"log"
	"net/http"

	"example.com/layered/alice/invoices"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", invoices.Mux()))
}
