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

func (s pgNotes) Restore(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE notes SET archived = false WHERE id = $1`, id)
	return err
}

// auditedNotes decorates a restorer: it records each restore, an insert
// of its own that a repeat makes twice.
type auditedNotes struct {
	next notes.Restorer
	db   *sql.DB
}

func (s auditedNotes) Restore(ctx context.Context, id string) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO note_events (note_id, kind) VALUES ($1, 'restored')`, id); err != nil {
		return err
	}
	return s.next.Restore(ctx, id)
}

// pinner is generic: which instantiations implement notes.Pinner is not
// looked into, so the route stays opaque.
type pinner[T any] struct{ db *sql.DB }

func (p *pinner[T]) Pin(ctx context.Context, id string) error {
	_, err := p.db.ExecContext(ctx, `UPDATE notes SET pinned = true WHERE id = $1`, id)
	return err
}

// loggedNotes decorates a store: Archive calls the store it wraps, so it
// adds nothing to what the other implementations do.
type loggedNotes struct{ next notes.Store }

func (s loggedNotes) Archive(ctx context.Context, id string) error {
	log.Printf("archiving %s", id)
	return s.next.Archive(ctx, id)
}

// loggedPinner decorates a pinner: the generic one it wraps still leaves
// the route opaque.
type loggedPinner struct{ next notes.Pinner }

func (p loggedPinner) Pin(ctx context.Context, id string) error {
	log.Printf("pinning %s", id)
	return p.next.Pin(ctx, id)
}

func main() {
	db, _ := sql.Open("postgres", "")
	store := loggedNotes{next: pgNotes{db: db}}
	pins := loggedPinner{next: &pinner[int]{db: db}}
	restorer := auditedNotes{next: pgNotes{db: db}, db: db}
	log.Fatal(http.ListenAndServe(":8080", notes.Routes(store, pins, restorer)))
}
