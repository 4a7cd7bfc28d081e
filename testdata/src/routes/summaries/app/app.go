// Package app imports svc: the summaries of svc are applied at its calls.
package app

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/platform/idem"
	"routes/summaries/svc"
)

// Serve serves a router built from svc's pieces.
func Serve() {
	r := chi.NewRouter()
	r.Use(svc.Stack()...)
	svc.Register(r)
	r.Mount("/pay", svc.New())
	http.ListenAndServe(":8080", svc.Wrap(r))
	svc.NewServer().Start()
	_ = idem.Middleware
}
