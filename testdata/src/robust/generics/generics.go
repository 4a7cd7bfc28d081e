// Package generics registers routes through generic handler factories and
// a generic router. Every mutating route is protected.
package generics

import (
	"context"
	"encoding/json"
	"net/http"

	"example.com/platform/idem"
)

// JSON adapts a typed function to an HTTP handler.
func JSON[In, Out any](fn func(context.Context, In) (Out, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in In
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out, err := fn(r.Context(), in)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(out)
	}
}

// Entity is what the generic store holds.
type Entity interface {
	comparable
	Key() string
}

// Store is a generic repository.
type Store[T Entity] interface {
	Put(ctx context.Context, v T) error
	Get(ctx context.Context, key string) (T, error)
}

// Create returns a handler that decodes a T and stores it.
func Create[T Entity](s Store[T]) http.HandlerFunc {
	return JSON(func(ctx context.Context, v T) (T, error) { return v, s.Put(ctx, v) })
}

// Get returns a handler that reads a T by key.
func Get[T Entity](s Store[T]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := s.Get(r.Context(), r.PathValue("key"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		json.NewEncoder(w).Encode(v)
	}
}

// Router is a router bound to a service of any type.
type Router[S any] struct {
	mux *http.ServeMux
	svc S
}

// NewRouter returns a router for svc.
func NewRouter[S any](svc S) *Router[S] { return &Router[S]{mux: http.NewServeMux(), svc: svc} }

// Mutate registers a mutating route behind the platform middleware.
func (r *Router[S]) Mutate(pattern string, h http.Handler) { r.mux.Handle(pattern, idem.Middleware(h)) }

// Read registers a read-only route.
func (r *Router[S]) Read(pattern string, h http.Handler) { r.mux.Handle(pattern, h) }

func (r *Router[S]) ServeHTTP(w http.ResponseWriter, req *http.Request) { r.mux.ServeHTTP(w, req) }

// Pair is a generic value with a generic method set.
type Pair[K comparable, V any] struct {
	K K
	V V
}

func (p Pair[K, V]) Swap() Pair[string, K] { return Pair[string, K]{V: p.K} }

type item struct{ ID string }

func (i item) Key() string { return i.ID }

type items struct{}

func (items) Put(ctx context.Context, v item) error             { return nil }
func (items) Get(ctx context.Context, key string) (item, error) { return item{ID: key}, nil }

type service struct{ store items }

func (s service) create(ctx context.Context, in item) (item, error) { return in, s.store.Put(ctx, in) }

// Serve serves the generic router and a mux of generic handlers.
func Serve() {
	r := NewRouter(service{})
	r.Mutate("POST /v1/items", JSON(r.svc.create))
	r.Read("GET /v1/items/{key}", Get[item](r.svc.store))
	go http.ListenAndServe(":8080", r)

	mux := http.NewServeMux()
	mux.Handle("POST /v1/things", idem.Middleware(Create[item](items{})))
	mux.Handle("PATCH /v1/things/{key}", idem.Middleware(JSON(service{}.create)))
	mux.Handle("GET /v1/things/{key}", Get(Store[item](items{})))
	http.ListenAndServe(":8081", mux)
}
