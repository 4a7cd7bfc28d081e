package accounts

import (
	"net/http/httptest"
	"testing"
)

// A test server serves the routes only to test them: it decides
// nothing, and the routes are judged where the service serves them.
func TestServe(t *testing.T) {
	r, err := New("/test")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(r)
	defer srv.Close()
}
