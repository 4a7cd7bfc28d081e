package main

import (
	"database/sql"
	"net/http"
	"time"

	"example.com/shop/platform/idem"
)

// admin serves the operator endpoints on the internal listener.
type admin struct {
	db *sql.DB
}

func newAdminMux(a *admin) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/jobs/{jobID}", a.getJob)
	mux.HandleFunc("POST /admin/reindex", a.reindex)
	mux.Handle("POST /admin/rebuild", idem.Middleware(http.HandlerFunc(a.rebuild)))
	return mux
}

// reindex queues a full rebuild of the product search index.
func (a *admin) reindex(w http.ResponseWriter, r *http.Request) {
	a.enqueue(w, r, "search.reindex")
}

// rebuild queues a rebuild of the price cache.
func (a *admin) rebuild(w http.ResponseWriter, r *http.Request) {
	a.enqueue(w, r, "prices.rebuild")
}

func (a *admin) enqueue(w http.ResponseWriter, r *http.Request, kind string) {
	id := newID("job")
	if _, err := a.db.ExecContext(r.Context(),
		`INSERT INTO admin_jobs (id, kind, requested_at) VALUES ($1, $2, $3)`,
		id, kind, time.Now()); err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"id": id, "kind": kind, "status": "queued"})
}

func (a *admin) getJob(w http.ResponseWriter, r *http.Request) {
	var kind, status string
	err := a.db.QueryRowContext(r.Context(),
		`SELECT kind, status FROM admin_jobs WHERE id = $1`, r.PathValue("jobID")).Scan(&kind, &status)
	if err == sql.ErrNoRows {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		serverError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"id": r.PathValue("jobID"), "kind": kind, "status": status})
}
