// Command items serves the item routes, and the admin routes on a
// second listener behind a server literal.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"example.com/layered/nethttp/admin"
	"example.com/layered/nethttp/items"
)

func main() {
	db, _ := sql.Open("postgres", "")
	mux := http.NewServeMux()
	(&items.Service{DB: db}).Routes(mux)
	srv := &http.Server{Addr: ":9000", Handler: admin.Mux()}
	go srv.ListenAndServe()
	go http.ListenAndServe(":9001", admin.Audit())
	log.Fatal(http.ListenAndServe(":8080", mux))
}
