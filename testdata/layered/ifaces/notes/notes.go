// Package notes registers the note routes on stores its command
// implements itself.
package notes

import (
	"context"
	"net/http"
)

// Store archives notes.
type Store interface {
	Archive(ctx context.Context, id string) error
}

// Restorer restores notes: implemented by a store that updates by id,
// decorated by one that also records each restore.
type Restorer interface {
	Restore(ctx context.Context, id string) error
}

// Pinner pins notes: implemented by a generic type.
type Pinner interface {
	Pin(ctx context.Context, id string) error
}

// Routes returns the note routes.
func Routes(s Store, p Pinner, rs Restorer) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /notes/{id}/archive", func(w http.ResponseWriter, r *http.Request) {
		s.Archive(r.Context(), r.PathValue("id")) // implemented in the command, updating by id: not mutating
	})
	mux.HandleFunc("POST /notes/{id}/pin", func(w http.ResponseWriter, r *http.Request) { // want `idemhandler: POST /notes/\{id\}/pin is served without idempotency middleware`
		p.Pin(r.Context(), r.PathValue("id"))
	})
	mux.HandleFunc("POST /notes/{id}/restore", func(w http.ResponseWriter, r *http.Request) { // want `idemhandler: POST /notes/\{id\}/restore is served without idempotency middleware`
		rs.Restore(r.Context(), r.PathValue("id"))
	})
	return mux
}
