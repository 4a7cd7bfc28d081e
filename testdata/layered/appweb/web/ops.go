package web

import (
	"database/sql"
	"net/http"
)

type ops struct{ db *sql.DB }

// Ops adds the application's own operational routes to app.
func Ops(app *App, db *sql.DB) {
	o := ops{db: db}
	app.HandlerFunc(http.MethodPost, "", "/ops/reindex", o.reindex) // want `idemhandler: POST /ops/reindex is served without idempotency middleware`
	app.HandlerFunc(http.MethodGet, "ops", "/health", o.health)
}

// Maintenance adds the maintenance route, for the method the caller
// picks.
func Maintenance(app *App, db *sql.DB, method string) {
	o := ops{db: db}
	app.HandlerFunc(method, "ops", "/maintenance", o.reindex) // want `idemhandler: POST /ops/maintenance is served without idempotency middleware`
}

func (o ops) reindex(w http.ResponseWriter, r *http.Request) {
	o.db.ExecContext(r.Context(), `INSERT INTO reindex_requests (at) VALUES (now())`)
}

func (o ops) health(w http.ResponseWriter, r *http.Request) {
	o.db.PingContext(r.Context())
}
