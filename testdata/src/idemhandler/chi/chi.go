package chi

import (
	"net/http"

	"example.com/platform/idem"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func create(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	r := chi.NewRouter()
	r.Use(middleware.Logger)

	// Reads and naturally idempotent writes.
	r.Get("/v1/items", create)
	r.Head("/v1/items", create)
	r.Put("/v1/items/{id}", create)
	r.Delete("/v1/items/{id}", create)

	// Bare mutating routes.
	r.Post("/v1/items", create)       // want `idemhandler: POST /v1/items is served without idempotency middleware \(clients and proxies retry POST\); wrap it in idem.Middleware or exempt it with an ADR`
	r.Patch("/v1/items/{id}", create) // want `idemhandler: PATCH /v1/items/\{id\} is served without idempotency middleware`

	// With.
	r.With(idem.Middleware).Post("/v1/with", create)
	r.With(idem.New(nil)).Post("/v1/with-new", create)
	r.With(middleware.RequestID).Post("/v1/with-other", create) // want `POST /v1/with-other is served`

	// Group.
	r.Group(func(r chi.Router) {
		r.Use(idem.Middleware)
		r.Post("/v1/group", create)
	})
	r.Group(func(r chi.Router) {
		r.Use(middleware.Recoverer)
		r.Post("/v1/group-other", create) // want `POST /v1/group-other is served`
	})
	g := r.Group(nil)
	g.Use(idem.Middleware)
	g.Post("/v1/group-var", create)

	// Route.
	r.Route("/v1/orders", func(r chi.Router) {
		r.Use(idem.Middleware)
		r.Post("/", create)
		r.Route("/{id}/lines", func(r chi.Router) {
			r.Post("/", create)
		})
	})
	r.Route("/v1/carts", func(r chi.Router) {
		r.Post("/", create)              // want `POST /v1/carts/ is served`
		r.Post("/{id}/checkout", create) // want `POST /v1/carts/\{id\}/checkout is served`
		r.Get("/{id}", create)
	})

	// Mount.
	api := chi.NewRouter()
	api.Post("/x", create) // want `POST /api/x is served`
	r.Mount("/api", api)

	protectedAPI := chi.NewRouter()
	protectedAPI.Use(idem.Middleware)
	protectedAPI.Post("/x", create)
	r.Mount("/papi", protectedAPI)

	wrappedAPI := chi.NewRouter()
	wrappedAPI.Post("/x", create)
	r.Mount("/wapi", idem.Middleware(wrappedAPI))

	// Chain.
	r.Method("POST", "/v1/chain", chi.Chain(idem.Middleware).HandlerFunc(create))
	r.Handle("/v1/chain-handler", chi.Chain(middleware.Logger, idem.Middleware).Handler(http.HandlerFunc(create)))
	r.Method("POST", "/v1/chain-other", chi.Chain(middleware.Logger).HandlerFunc(create)) // want `POST /v1/chain-other is served`

	// Handle and HandleFunc with method patterns; Method and MethodFunc.
	r.Handle("POST /v1/handle", http.HandlerFunc(create)) // want `POST /v1/handle is served`
	r.HandleFunc("PATCH /v1/handlefunc", create)          // want `PATCH /v1/handlefunc is served`
	r.HandleFunc("GET /v1/handlefunc", create)            //
	r.Handle("POST /v1/handle-wrapped", idem.Middleware(http.HandlerFunc(create)))
	r.Method("post", "/v1/method", http.HandlerFunc(create)) // want `POST /v1/method is served`
	r.MethodFunc("PATCH", "/v1/methodfunc", create)          // want `PATCH /v1/methodfunc is served`
	r.MethodFunc("GET", "/v1/methodfunc", create)

	// Walking the tree reads it and leaves the routes as they are.
	chi.Walk(r, func(method, route string, h http.Handler, mws ...func(http.Handler) http.Handler) error { return nil })

	http.ListenAndServe(":8080", r)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
