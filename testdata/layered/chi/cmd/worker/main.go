// Command worker serves the same API behind a tracing wrapper.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"example.com/layered/chi/httpapi"
	"example.com/layered/chi/orders"
	"example.com/layered/chi/tracing"
	"example.com/platform/idem"
)

func main() {
	db, _ := sql.Open("postgres", "")
	srv := httpapi.New(orders.NewHandler(db), idem.NewRedisStore(nil, 0))
	log.Fatal(http.ListenAndServe(":9090", tracing.Wrap(srv.Handler())))
}
