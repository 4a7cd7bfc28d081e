// Command notes implements the note stores itself and serves the routes.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"

	"example.com/layered/ifaces/notes"
)

type pgNotes struct{ db *sql.DB }

func (s pgNotes) Archive(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE notes SET archived = true WHERE id = $1`, id)
	return err
}

// pinner is generic: which instantiations implement notes.Pinner is not
// looked into, so the route stays opaque.
type pinner[T any] struct{ db *sql.DB }

func (p *pinner[T]) Pin(ctx context.Context, id string) error {
	_, err := p.db.ExecContext(ctx, `UPDATE notes SET pinned = true WHERE id = $1`, id)
	return err
}

func main() {
	db, _ := sql.Open("postgres", "")
	log.Fatal(http.ListenAndServe(":8080", notes.Routes(pgNotes{db: db}, &pinner[int]{db: db})))
}
