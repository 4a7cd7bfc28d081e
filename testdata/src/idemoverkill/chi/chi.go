package chi

import (
	"context"
	"net/http"

	"example.com/platform/idem"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func get(w http.ResponseWriter, r *http.Request)    {}
func create(w http.ResponseWriter, r *http.Request) {}

var store *idem.RedisStore

// elsewhere stands for code the analysis cannot see.
var elsewhere interface{ Register(r chi.Router) }

// createClaiming claims the key itself.
func createClaiming(w http.ResponseWriter, r *http.Request) {
	store.Claim(context.Background(), r.Header.Get("Idempotency-Key"))
}

func reads() {
	r := chi.NewRouter()
	r.Use(middleware.Logger)

	// Attached to one read route.
	r.With(idem.Middleware).Get("/v1/with", get)                                    // want `idemoverkill: GET /v1/with is a read wrapped in idempotency middleware idem.Middleware \(a read is safe to repeat; dedup only adds a store round trip and turns legitimate repeats into conflicts\); remove it from this read-only group or sub-router or exempt it with an ADR`
	r.Method(http.MethodGet, "/v1/wrapped", idem.Middleware(http.HandlerFunc(get))) // want `GET /v1/wrapped is a read wrapped in idempotency middleware idem.Middleware .*remove it from this route`
	r.Method("HEAD", "/v1/wrapped", idem.Middleware(http.HandlerFunc(get)))         // want `HEAD /v1/wrapped is a read`
	r.Method("OPTIONS", "/v1/wrapped", idem.Middleware(http.HandlerFunc(get)))      // want `OPTIONS /v1/wrapped is a read`

	// A read-only sub-router.
	r.Route("/v1/reports", func(r chi.Router) {
		r.Use(idem.Middleware)
		r.Get("/daily", get)  // want `GET /v1/reports/daily is a read`
		r.Head("/daily", get) // want `HEAD /v1/reports/daily is a read`
	})

	// A sub-router handed to code the analysis cannot see: it may
	// register writes there.
	r.Route("/v1/shared", func(r chi.Router) {
		r.Use(idem.Middleware)
		r.Get("/", get)
		elsewhere.Register(r)
	})

	// A mixed sub-router: the middleware serves the POST.
	r.Route("/v1/orders", func(r chi.Router) {
		r.Use(idem.Middleware)
		r.Get("/", get)
		r.Post("/", create)
	})

	// Mutating routes with one layer, and reads without one.
	r.With(idem.Middleware).Post("/v1/charges", create)
	r.Method(http.MethodPost, "/v1/wrapped", idem.Middleware(http.HandlerFunc(create)))
	r.Get("/v1/plain", get)
	r.Put("/v1/plain", create)

	//idem:exempt(overkill) ADR-0051 repeats of the daily report are served from the store
	r.With(idem.Middleware).Get("/v1/exempt", get)

	http.ListenAndServe(":8080", r)
}

// Router-wide middleware also covers the reads: not overkill.
func routerWide() {
	r := chi.NewRouter()
	r.Use(idem.Middleware)
	r.Get("/v1/items", get)
	r.Head("/v1/items", get)
	r.Post("/v1/items", create)
	http.ListenAndServe(":8080", r)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/items", get)
	http.ListenAndServe(":8081", idem.Middleware(mux))
}

// Two layers on one path.
func double() {
	r := chi.NewRouter()
	r.Use(idem.Middleware)
	r.With(idem.Middleware).Post("/v1/twice", create) // want `idemoverkill: POST /v1/twice is deduplicated twice, by idem.Middleware and idem.Middleware \(the inner layer finds the key the outer one just claimed and rejects every request as a duplicate\); keep one layer or exempt it with an ADR`
	r.Post("/v1/claims", createClaiming)              // want `POST /v1/claims is deduplicated twice, by idem.Middleware and by a dedup claim in its handler`

	sub := chi.NewRouter()
	sub.Use(idem.New(store))
	sub.Patch("/x", create) // want `PATCH /api/x is deduplicated twice, by idem.Middleware and idem.New`
	r.Mount("/api", sub)
	http.ListenAndServe(":8080", r)

	bare := chi.NewRouter()
	bare.Post("/v1/claims", createClaiming)
	bare.With(idem.Middleware).Post("/v1/once", create)
	http.ListenAndServe(":8081", bare)
}
