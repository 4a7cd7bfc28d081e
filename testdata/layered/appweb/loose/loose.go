// Package loose wraps a ServeMux in methods that look like router
// wrappers but do not build the route from the caller's method and path
// in a way the analysis follows: none of its routes is the caller's.
package loose

import (
	"fmt"
	"net/http"
)

// App is the application's router.
type App struct {
	mux *http.ServeMux
}

// New returns an application with no routes.
func New() *App { return &App{mux: http.NewServeMux()} }

// ServeHTTP serves the application's routes.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }

// Versioned registers h below a numbered version: %d is not followed.
func (a *App) Versioned(method string, version int, path string, h http.HandlerFunc) {
	a.mux.HandleFunc(fmt.Sprintf("%s /v%d%s", method, version, path), h)
}

// Guarded adds a prefix when middleware is given: a test of something
// other than a string parameter.
func (a *App) Guarded(method, path string, h http.HandlerFunc, mw ...func(http.Handler) http.Handler) {
	p := path
	if len(mw) > 0 {
		p = "/guarded" + path
	}
	a.mux.HandleFunc(method+" "+p, h)
}

// Audited serves h after audit: the literal calls two handlers.
func (a *App) Audited(method, path string, h, audit http.HandlerFunc) {
	a.mux.HandleFunc(method+" "+path, func(w http.ResponseWriter, r *http.Request) {
		audit(w, r)
		h(w, r)
	})
}

// Get registers h for GET requests, whatever method it is given.
func (a *App) Get(method, path string, h http.HandlerFunc) {
	a.mux.HandleFunc("GET "+path, h)
}

// Defaults registers the application's own routes: the same near misses
// as a call from another package.
func Defaults(a *App, h, audit http.HandlerFunc) {
	a.Get(http.MethodPost, "/defaults", h)
	a.Versioned(http.MethodPost, 1, "/defaults", h)
	a.Guarded(http.MethodPost, "/defaults", h)
	a.Audited(http.MethodPost, "/defaults/audited", h, audit)
}
