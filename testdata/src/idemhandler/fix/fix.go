package fix

import (
	"net/http"

	"example.com/platform/idem"
	"github.com/go-chi/chi/v5"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

var _ = idem.Middleware

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/a", create)               // want `POST /v1/a is served`
	mux.Handle("POST /v1/b", http.HandlerFunc(create)) // want `POST /v1/b is served`
	r := chi.NewRouter()
	r.Post("/v1/c", create) // want `POST /v1/c is served`
	mux.Handle("/chi/", r)
	http.ListenAndServe(":8080", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
