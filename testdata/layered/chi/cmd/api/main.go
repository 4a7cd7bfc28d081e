// Command api serves the API.
package main

import (
	"database/sql"
	"log"

	"example.com/layered/chi/httpapi"
	"example.com/layered/chi/orders"
	"example.com/platform/idem"
)

func main() {
	db, _ := sql.Open("postgres", "")
	srv := httpapi.New(orders.NewHandler(db), idem.NewRedisStore(nil, 0))
	log.Fatal(srv.Start(":8080"))
}
