// Package inert has functions the route evaluator may skip as top-level
// evaluations (marked inert) and near misses it must evaluate.
package inert

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"

	"routes/inert/lib"
)

type server struct {
	mux     *http.ServeMux  // a slot that can hold a router
	fallout any             // a slot that can hold anything
	name    string          // a slot that holds no router
	store   map[string]bool // neither
}

var shared http.Handler

// Handlers use the request and response side of net/http only.

func (s *server) create(w http.ResponseWriter, r *http.Request) { // want "inert"
	var v map[string]string
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.store[r.PathValue("id")] = true
	reply(w, http.StatusCreated, v)
}

func reply(w http.ResponseWriter, status int, v any) { // want "inert"
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (s *server) rename(n string) { s.name = n } // want "inert"

func outbound() (*http.Response, error) { // want "inert"
	req, err := http.NewRequest(http.MethodGet, "https://example.com", http.NoBody)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// Near misses: each uses something that can change the model.

func (s *server) routes() { // a router API
	s.mux.HandleFunc("POST /items", s.create)
}

func newServer() *server { // a router constructor
	return &server{mux: http.NewServeMux()}
}

func setup() { // uses a function that is not inert
	newServer().routes()
}

func (s *server) keep(m *http.ServeMux) { // a slot and a parameter of a router type
	s.mux = m
}

func (s *server) hold(v any) { // a slot that can hold a router
	s.fallout = v
}

func replace() { // a package-level slot of handler type
	shared = nil
}

func convert(f func(http.ResponseWriter, *http.Request)) { // a handler type
	_ = http.HandlerFunc(f)
}

func wrapped() { // a function of the package that is not inert
	_ = wrap()
}

func wrap() http.Handler { return nil }

func external() { // a function of another package returning a handler
	lib.Handler()
}

func taking() { // a function of another package taking a handler
	lib.Take(nil)
}

func naming(r *http.Request) string { // want "inert"
	return lib.Name(r)
}

func defaults() { // the default ServeMux
	_ = http.DefaultServeMux
}

func chiRouter() { // another router package
	_ = chi.NewRouter()
}

// A function literal counts for the function that holds it.
func literal() func() {
	return func() { http.Handle("/", nil) }
}

func recursive(n int) int { // want "inert"
	if n == 0 {
		return 0
	}
	return recursive(n - 1)
}
