package helpers

import (
	"net/http"

	"example.com/platform/idem"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type server struct {
	router *chi.Mux
	store  idem.Store
}

func (s *server) createOrder(w http.ResponseWriter, r *http.Request)  { work() }
func (s *server) createRefund(w http.ResponseWriter, r *http.Request) { work() }

// routes registers on whatever router it is given.
func routes(r chi.Router, s *server) {
	r.Post("/orders", s.createOrder) // want `POST /bare/orders is served`
}

func newRouter(s *server) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Route("/safe", func(r chi.Router) {
		r.Use(idem.New(s.store))
		routes(r, s)
	})
	r.Route("/bare", func(r chi.Router) {
		routes(r, s)
	})
	return r
}

// protect applies the platform middleware: a wrapper of it is middleware.
func protect(h http.Handler) http.Handler { return idem.Middleware(h) }

func withProtect() {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/protected", protect(http.HandlerFunc(create)))
	mux.Handle("POST /v1/logged", logged(http.HandlerFunc(create))) // want `POST /v1/logged is served`
	http.ListenAndServe(":8081", mux)
}

func logged(h http.Handler) http.Handler { return h }

func create(w http.ResponseWriter, r *http.Request) { work() }

// A router in a struct field, built in one method and served in another.
func newServer() *server {
	s := &server{router: chi.NewRouter()}
	s.routes()
	return s
}

func (s *server) routes() {
	s.router.Post("/v1/refunds", s.createRefund) // want `POST /v1/refunds is served`
	s.router.With(idem.Middleware).Post("/v1/orders", s.createOrder)
}

func (s *server) start() error { return http.ListenAndServe(":8080", s.router) }

func main() {
	http.ListenAndServe(":8080", newRouter(&server{}))
	newServer().start()
	withProtect()
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
