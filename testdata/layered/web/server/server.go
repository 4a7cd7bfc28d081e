// Package server holds the gin engine of a service in a field and runs
// it; other packages add their routes to the field.
package server

import "github.com/gin-gonic/gin"

// Server holds the engine.
type Server struct {
	Engine *gin.Engine
}

// New returns a server with an engine of its own.
func New() *Server { return &Server{Engine: gin.New()} }

// Run serves the engine.
func (s *Server) Run() error { return s.Engine.Run(":8080") }
