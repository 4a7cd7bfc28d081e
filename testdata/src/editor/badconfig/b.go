package badconfig

import "net/http"

// Serve has a finding that no check reports while the configuration is
// invalid.
func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/charges", create)
	return http.ListenAndServe(":8080", mux)
}
