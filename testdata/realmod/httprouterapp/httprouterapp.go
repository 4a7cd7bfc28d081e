// Package httprouterapp registers routes on the real
// julienschmidt/httprouter v1.3.0 router and serves it. Each expected
// idemhandler finding is marked by an analysistest expectation on its
// registration line; NOTES.md explains every case.
package httprouterapp

import (
	"database/sql"
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/platform/idem"
)

var db *sql.DB

// create writes a row: a handle with side effects.
func create(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	if _, err := db.ExecContext(r.Context(), `INSERT INTO things (name) VALUES ($1)`, r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// read only reads.
func read(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	var name string
	if err := db.QueryRowContext(r.Context(), `SELECT name FROM things WHERE id = $1`, ps.ByName("id")).Scan(&name); err != nil {
		http.NotFound(w, r)
		return
	}
	_, _ = w.Write([]byte(name))
}

// createStd is create as a net/http handler function.
func createStd(w http.ResponseWriter, r *http.Request) {
	create(w, r, httprouter.ParamsFromContext(r.Context()))
}

// NewRouter builds the router that Serve serves bare.
func NewRouter() *httprouter.Router {
	router := httprouter.New()
	router.GET("/v1/things/:id", read)
	router.HEAD("/v1/things/:id", read)
	router.OPTIONS("/v1/things", read)
	router.PUT("/v1/things/:id", create)
	router.DELETE("/v1/things/:id", create)

	router.POST("/v1/things", create)                                  // want `idemhandler: POST /v1/things is served without idempotency middleware`
	router.PATCH("/v1/things/:id", create)                             // want `idemhandler: PATCH /v1/things/:id is served without idempotency middleware`
	router.Handle(http.MethodPost, "/v1/handle", create)               // want `idemhandler: POST /v1/handle is served without idempotency middleware`
	router.Handler("POST", "/v1/handler", http.HandlerFunc(createStd)) // want `idemhandler: POST /v1/handler is served without idempotency middleware`
	router.HandlerFunc("PATCH", "/v1/handlerfunc", createStd)          // want `idemhandler: PATCH /v1/handlerfunc is served without idempotency middleware`

	// Wrapped per route.
	router.Handler(http.MethodPost, "/v1/wrapped", idem.Middleware(http.HandlerFunc(createStd)))
	return router
}

// NewWrappedRouter builds the router that Serve wraps whole.
func NewWrappedRouter() *httprouter.Router {
	router := httprouter.New()
	router.POST("/v1/orders", create)
	router.PATCH("/v1/orders/:id", create)
	return router
}

// Serve serves the bare router and the wrapped one.
func Serve() error {
	go http.ListenAndServe(":8081", idem.Middleware(NewWrappedRouter()))
	return http.ListenAndServe(":8080", NewRouter())
}
