// Command items serves the item routes, and the admin routes on a
// second listener behind a server literal.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"example.com/layered/nethttp/admin"
	"example.com/layered/nethttp/hooks"
	"example.com/layered/nethttp/items"
	"example.com/layered/nethttp/tables"
)

func main() {
	db, _ := sql.Open("postgres", "")
	mux := http.NewServeMux()
	(&items.Service{DB: db}).Routes(mux)
	hooks.Register(mux, db, []byte("secret"))
	tables.Register(mux)
	mux.HandleFunc("POST /hooks/direct", hooks.Ping)     // not mutating: the fact of hooks.Ping says it is seen whole
	mux.HandleFunc("POST /hooks/archive", hooks.Archive) // want `idemhandler: POST /hooks/archive is served without idempotency middleware`
	srv := &http.Server{Addr: ":9000", Handler: admin.Mux()}
	go srv.ListenAndServe()
	go http.ListenAndServe(":9001", admin.Audit())
	log.Fatal(http.ListenAndServe(":8080", mux))
}
