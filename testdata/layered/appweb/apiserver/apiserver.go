// Package apiserver is a service's own server type over gorilla/mux: its
// Post and Put methods register a handler for a path.
package apiserver

import (
	"net/http"

	"github.com/gorilla/mux"
)

// Server holds the router.
type Server struct {
	router *mux.Router
}

// New returns a server with no routes.
func New() *Server { return &Server{router: mux.NewRouter()} }

// Post registers h for POST requests to path.
func (s *Server) Post(path string, h http.HandlerFunc) {
	s.router.HandleFunc(path, h).Methods("POST")
}

// Put registers h for PUT requests to path.
func (s *Server) Put(path string, h http.HandlerFunc) {
	s.router.HandleFunc(path, h).Methods(http.MethodPut)
}

// Handle registers h for method and path.
func (s *Server) Handle(method, path string, h http.HandlerFunc) {
	s.router.HandleFunc(path, h).Methods(method)
}

// Run serves the routes.
func (s *Server) Run() error { return http.ListenAndServe(":8080", s.router) }
