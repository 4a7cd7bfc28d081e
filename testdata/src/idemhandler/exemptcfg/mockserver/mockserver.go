// Package mockserver is a test double compiled into a non-test package,
// exempted as a whole by the exempt setting.
package mockserver

import "net/http"

func create(w http.ResponseWriter, r *http.Request) {}

// Serve serves the double.
func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/charges", create)
	return http.ListenAndServe(":9090", mux)
}
