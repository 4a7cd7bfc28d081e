// Command shapes serves the account routes behind wrappers written in
// the command: a struct holding next, a function returning a closure,
// and a closure variable wrapping one handler.
package main

import (
	"log"
	"net/http"

	"example.com/layered/shapes/accounts"
	"example.com/platform/idem"
)

type logHandler struct{ next http.Handler }

func (l *logHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log.Println(r.URL.Path)
	l.next.ServeHTTP(w, r)
}

func ensureSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

func main() {
	router, err := accounts.New("")
	if err != nil {
		log.Fatal(err)
	}
	var handler http.Handler = router
	handler = &logHandler{next: handler}
	handler = ensureSession(handler)
	go http.ListenAndServe(":8080", handler)

	protect := func(h http.Handler) http.Handler { return idem.Middleware(h) }
	mux := http.NewServeMux()
	mux.Handle("POST /refunds", protect(http.HandlerFunc(refund)))
	mux.Handle("/", accounts.Handler(false))
	log.Fatal(http.ListenAndServe(":8081", mux))
}

func refund(w http.ResponseWriter, r *http.Request) {}
