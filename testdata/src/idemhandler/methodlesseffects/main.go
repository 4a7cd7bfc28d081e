// Package main serves method-less routes whose handlers have side effects.
package main

import (
	"database/sql"
	"net/http"

	"example.com/platform/idem"
)

var db *sql.DB

func create(w http.ResponseWriter, r *http.Request) {
	db.ExecContext(r.Context(), "INSERT INTO orders (id) VALUES ($1)", r.FormValue("id"))
}

func upsert(w http.ResponseWriter, r *http.Request) {
	db.ExecContext(r.Context(), "INSERT INTO orders (id) VALUES ($1) ON CONFLICT DO NOTHING", r.FormValue("id"))
}

func list(w http.ResponseWriter, r *http.Request) {
	db.QueryContext(r.Context(), "SELECT id FROM orders")
}

//idem:readonly
func warm(w http.ResponseWriter, r *http.Request) {
	db.ExecContext(r.Context(), "INSERT INTO cache_hits (n) VALUES (1)")
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", create) // want `idemhandler: ANY /orders is served without idempotency middleware \(its handler inserts into orders, and clients and proxies retry ANY\)`
	mux.HandleFunc("/upsert", upsert)
	mux.HandleFunc("/list", list)
	mux.HandleFunc("/warm", warm)
	mux.Handle("/protected", idem.Middleware(http.HandlerFunc(create)))
	mux.HandleFunc("/lit", func(w http.ResponseWriter, r *http.Request) { // want `ANY /lit is served`
		db.Exec("DELETE FROM sessions; INSERT INTO audit VALUES (1)")
		db.Exec("INSERT INTO audit VALUES (1)")
	})
	mux.HandleFunc("POST /explicit", create) // want `POST /explicit is served`
	http.ListenAndServe(":8080", mux)
}
