// Package web is the application's own router type: it wraps a ServeMux,
// and the domain packages register their routes through its HandlerFunc
// method with a method, a version group and a path, which it turns into
// a Go 1.22 pattern.
package web

import (
	"context"
	"fmt"
	"net/http"
)

// A HandlerFunc handles one request.
type HandlerFunc func(w http.ResponseWriter, r *http.Request)

// A MidFunc wraps a handler.
type MidFunc func(http.Handler) http.Handler

// A Logger writes the application's log.
type Logger interface{ Info(msg string) }

// App is the application's router.
type App struct {
	mux *http.ServeMux
	log Logger
	mw  []MidFunc
}

// NewApp returns an application with no routes, whose routes are all
// wrapped in mw, first outermost.
func NewApp(log Logger, mw ...MidFunc) *App {
	return &App{mux: http.NewServeMux(), log: log, mw: mw}
}

// ServeHTTP serves the application's routes.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mux.ServeHTTP(w, r)
}

type ctxKey struct{}

// HandlerFunc registers handler for method and path, below group when
// there is one, wrapped in mw, first outermost.
func (a *App) HandlerFunc(method string, group string, path string, handler HandlerFunc, mw ...MidFunc) {
	h := wrapMiddleware(mw, http.HandlerFunc(handler))
	h = wrapMiddleware(a.mw, h)
	finalPath := path
	if group != "" {
		finalPath = "/" + group + path
	}
	finalPath = fmt.Sprintf("%s %s", method, finalPath)
	a.mux.HandleFunc(finalPath, func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), ctxKey{}, finalPath)
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Raw registers handler under a pattern the caller builds.
func (a *App) Raw(pattern string, handler HandlerFunc) {
	a.mux.HandleFunc(pattern, handler)
}

func wrapMiddleware(mw []MidFunc, h http.Handler) http.Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		if m := mw[i]; m != nil {
			h = m(h)
		}
	}
	return h
}
