package testfileson

import (
	"net/http"
	"testing"
)

// tests: true turns findings in test files on.
func TestServer(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/test-only", func(w http.ResponseWriter, r *http.Request) { work() }) // want `POST /v1/test-only is served`
	http.ListenAndServe(":0", mux)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
