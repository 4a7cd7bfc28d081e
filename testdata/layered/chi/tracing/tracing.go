// Package tracing wraps a whole handler, as tracing and logging packages
// do.
package tracing

import (
	"log"
	"net/http"
)

// Wrap logs every request before passing it to next.
func Wrap(next http.Handler) http.Handler {
	return &logger{next: next}
}

type logger struct{ next http.Handler }

func (l *logger) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log.Println(r.Method, r.URL.Path)
	l.next.ServeHTTP(w, r)
}
