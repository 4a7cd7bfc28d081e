// Package gorillaapp registers routes on the real gorilla/mux v1.8.1 router
// in the ways mux offers and serves them. Each expected idemhandler finding
// is marked by an analysistest expectation on its registration line;
// NOTES.md explains every case.
package gorillaapp

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/platform/idem"
)

var db *sql.DB

// create writes a row: a handler with side effects.
func create(w http.ResponseWriter, r *http.Request) {
	if _, err := db.ExecContext(r.Context(), `INSERT INTO things (name) VALUES ($1)`, r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// read only reads.
func read(w http.ResponseWriter, r *http.Request) {
	var name string
	if err := db.QueryRowContext(r.Context(), `SELECT name FROM things WHERE id = $1`, mux.Vars(r)["id"]).Scan(&name); err != nil {
		http.NotFound(w, r)
		return
	}
	_, _ = w.Write([]byte(name))
}

// things serves any method and creates on POST.
func things(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		create(w, r)
		return
	}
	read(w, r)
}

func noCache(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// routes registers the same routes on whatever router it is given; it is
// called once with a protected and once with a bare subrouter.
func routes(r *mux.Router) {
	r.HandleFunc("/items", create).Methods(http.MethodPost) // want `idemhandler: POST /v2/bare/items is served without idempotency middleware`
	r.HandleFunc("/items", read).Methods(http.MethodGet)
}

// NewRouter builds the router that Serve serves.
func NewRouter() *mux.Router {
	r := mux.NewRouter()
	r.Use(noCache)

	// Methods after the registration.
	r.HandleFunc("/v1/bare", create).Methods("POST")                          // want `idemhandler: POST /v1/bare is served without idempotency middleware`
	r.HandleFunc("/v1/bare/{id}", create).Methods("PATCH")                    // want `idemhandler: PATCH /v1/bare/\{id\} is served without idempotency middleware`
	r.Handle("/v1/handle", http.HandlerFunc(create)).Methods(http.MethodPost) // want `idemhandler: POST /v1/handle is served without idempotency middleware`
	r.HandleFunc("/v1/things/{id}", read).Methods("GET", "HEAD")
	r.HandleFunc("/v1/things/{id}", create).Methods("PUT")
	r.HandleFunc("/v1/things/{id}", create).Methods(http.MethodDelete)
	r.HandleFunc("/v1/lower", create).Methods("post") // want `idemhandler: POST /v1/lower is served without idempotency middleware`
	r.Handle("/v1/wrapped", idem.Middleware(http.HandlerFunc(create))).Methods("POST")

	// Several methods: one finding naming the first mutating one.
	r.HandleFunc("/v1/multi", create).Methods("GET", "PATCH", "POST") // want `idemhandler: PATCH /v1/multi is served without idempotency middleware`
	r.HandleFunc("/v1/narrowed", create).Methods("GET", "POST").Methods("GET")

	// Methods before the handler.
	r.Methods("POST").Path("/v1/before").HandlerFunc(create)              // want `idemhandler: POST /v1/before is served without idempotency middleware`
	r.Path("/v1/path").Methods("PATCH").Handler(http.HandlerFunc(create)) // want `idemhandler: PATCH /v1/path is served without idempotency middleware`
	r.Methods("GET").Path("/v1/before").HandlerFunc(read)

	// A route kept in a variable and configured later.
	later := r.HandleFunc("/v1/later", create) // want `idemhandler: POST /v1/later is served without idempotency middleware`
	later.Methods("POST").Name("later")

	// No Methods: any method reaches the handler, which decides.
	r.HandleFunc("/v1/any", things) // want `idemhandler: POST /v1/any is served without idempotency middleware`
	r.HandleFunc("/v1/any-read", read)

	// Routes mux never matches.
	r.HandleFunc("v1/no-slash", create).Methods("POST")
	r.HandleFunc("/v1/build-only", create).Methods("POST").BuildOnly()

	// Subrouters.
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/orders", create).Methods("POST") // want `idemhandler: POST /api/orders is served without idempotency middleware`
	api.HandleFunc("/orders/{id}", read).Methods("GET")
	v1 := api.PathPrefix("/v1/").Subrouter()
	v1.HandleFunc("/carts", create).Methods("POST") // want `idemhandler: POST /api/v1/carts is served without idempotency middleware`

	papi := r.PathPrefix("/papi").Subrouter()
	papi.Use(idem.Middleware)
	papi.HandleFunc("/orders", create).Methods("POST")
	papi.PathPrefix("/nested").Subrouter().HandleFunc("/x", create).Methods("POST")

	lapi := r.PathPrefix("/lapi").Subrouter()
	lapi.HandleFunc("/orders", create).Methods("POST")
	lapi.Use(idem.Middleware)

	posts := r.Methods("POST").PathPrefix("/posts").Subrouter()
	posts.HandleFunc("/x", create) // want `idemhandler: POST /posts/x is served without idempotency middleware`

	// A helper called with a protected and with a bare subrouter.
	v2 := r.PathPrefix("/v2/protected").Subrouter()
	v2.Use(idem.Middleware)
	routes(v2)
	routes(r.PathPrefix("/v2/bare").Subrouter())

	return r
}

// NewProtectedRouter uses the middleware on the root router after the
// routes, and so protects them and every subrouter.
func NewProtectedRouter() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/v1/orders", create).Methods("POST")
	sub := r.PathPrefix("/v1/carts").Subrouter()
	sub.HandleFunc("/{id}", create).Methods("PATCH")
	r.Use(idem.Middleware)
	return r
}

// Serve serves both routers.
func Serve() error {
	go http.ListenAndServe(":8081", NewProtectedRouter())
	return http.ListenAndServe(":8080", NewRouter())
}
