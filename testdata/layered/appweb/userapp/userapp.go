// Package userapp registers the user routes on the application's router.
package userapp

import (
	"database/sql"
	"net/http"

	"example.com/platform/idem"

	"example.com/layered/appweb/web"
)

const version = "v1"

type api struct{ db *sql.DB }

// Routes adds the user routes to app.
func Routes(app *web.App, db *sql.DB, method string) {
	a := &api{db: db}
	app.HandlerFunc(http.MethodPost, version, "/users", a.create) // want `idemhandler: POST /v1/users is served without idempotency middleware`
	app.HandlerFunc(http.MethodPost, version, "/users/import", a.create, idem.Middleware)
	app.HandlerFunc(http.MethodGet, version, "/users/{id}", a.get)
	app.HandlerFunc(http.MethodPut, version, "/users/{id}", a.replace)
	app.HandlerFunc(http.MethodPost, version, "/users/{id}/touch", a.touch) // not mutating: an upsert by id
	app.HandlerFunc(method, version, "/users/{id}/roles", a.create)         // its method is not a constant: not decided
	app.HandlerFunc("PATCH", "", "/profile", a.create)                      // want `idemhandler: PATCH /profile is served without idempotency middleware`
	app.Raw("POST /users/raw", a.create)                                    // want `idemhandler: POST /users/raw is served without idempotency middleware`
}

func (a *api) create(w http.ResponseWriter, r *http.Request) {
	a.db.ExecContext(r.Context(), `INSERT INTO users (name) VALUES ($1)`, r.FormValue("name"))
}

func (a *api) get(w http.ResponseWriter, r *http.Request) {
	a.db.QueryRowContext(r.Context(), `SELECT name FROM users WHERE id = $1`, r.PathValue("id"))
}

func (a *api) replace(w http.ResponseWriter, r *http.Request) {
	a.db.ExecContext(r.Context(), `UPDATE users SET name = $1 WHERE id = $2`, r.FormValue("name"), r.PathValue("id"))
}

func (a *api) touch(w http.ResponseWriter, r *http.Request) {
	a.db.ExecContext(r.Context(), `INSERT INTO seen (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, r.PathValue("id"))
}
