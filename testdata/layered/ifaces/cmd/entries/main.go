// Command entries wires the stores into the entry handlers and serves
// them: it imports every implementation, so the interface calls of the
// handlers resolve here.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"example.com/layered/ifaces/audit"
	"example.com/layered/ifaces/entries"
	"example.com/layered/ifaces/memory"
	"example.com/layered/ifaces/postgres"
	"example.com/layered/ifaces/store"
	"example.com/layered/ifaces/usecase"
)

func main() {
	db, _ := sql.Open("postgres", "")
	var tags store.Tags = postgres.Tags{DB: db}
	if os.Getenv("AUDIT") != "" {
		tags = &audit.Tags{DB: db}
	}
	h := &entries.Handler{
		Entries:   &postgres.Entries{DB: db},
		Tags:      tags,
		Counters:  memory.New(),
		Bookmarks: &usecase.Bookmarks{Repo: &postgres.Bookmarks{DB: db}},
	}
	log.Fatal(http.ListenAndServe(":8080", h.Routes()))
}
