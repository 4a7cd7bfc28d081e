package serve_test

import (
	"net/http/httptest"
	"testing"

	"example.com/realweb/fiber3app"
)

func TestFiber3(t *testing.T) {
	fiber3app.DB = db
	app := fiber3app.New()
	serve := func(method, path string, header map[string]string) {
		req := httptest.NewRequest(method, path, nil)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := app.Test(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		resp.Body.Close()
	}
	check(t, serve, []route{
		{"POST", "/v1/items", false}, {"PATCH", "/v1/items/1", false}, {"POST", "/v1/add-lower", false},
		{"POST", "/v1/add-two", false}, {"POST", "/v1/all", false},
		{"POST", "/v1/chain", true}, {"POST", "/v1/chain-fiber", true}, {"POST", "/v1/chain-adaptor", true},
		{"POST", "/v1/chain-last", false}, {"POST", "/v1/chain-other", false},
		{"POST", "/v1/net-http", true}, {"POST", "/v1/net-http-direct", true},
		{"POST", "/v1/net-http-bare", false}, {"POST", "/v1/net-http-func", false},
		{"POST", "/v1/scoped/early", false}, {"POST", "/v1/scoped/x", true}, {"POST", "/v1/scopedx", false},
		{"POST", "/v1/other", false}, {"POST", "/v1/a/x", true}, {"POST", "/v1/c/x", false},
		{"POST", "/api/before", false}, {"POST", "/api/after", true}, {"POST", "/api/direct", true},
		{"POST", "/web/direct", false}, {"POST", "/other-group/x", false}, {"POST", "/route/x", true},
		{"POST", "/bare-route/x", false},
		{"POST", "/chain-bare", false}, {"POST", "/chain-use", true}, {"POST", "/chain-mw", true},
		{"POST", "/mounted/x", false}, {"POST", "/late-mount/x", true}, {"POST", "/late", true},
	})
}
