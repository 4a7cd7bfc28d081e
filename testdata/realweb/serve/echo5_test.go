package serve_test

import (
	"testing"

	"example.com/realweb/echo5app"
)

func TestEcho5(t *testing.T) {
	echo5app.DB = db
	check(t, serveHTTP(echo5app.New()), []route{
		{"POST", "/v1/items", false}, {"PATCH", "/v1/items/1", false}, {"POST", "/v1/add", false},
		{"POST", "/v1/any", false}, {"PATCH", "/v1/match", false},
		{"POST", "/v1/add-route", false}, {"POST", "/v1/add-route-mw", true},
		{"POST", "/v1/route-mw", true}, {"POST", "/v1/route-mw-wrapped", true}, {"POST", "/v1/route-mw-other", false},
		{"POST", "/v1/wrap-handler", true}, {"POST", "/v1/wrap-handler-bare", false},
		{"POST", "/v1/group/before", false}, {"POST", "/v1/group/before-sub/x", false},
		{"POST", "/v1/group/after", true}, {"POST", "/v1/group/after-sub/x", true}, {"POST", "/v1/with/x", true},
	})
	check(t, serveHTTP(echo5app.NewProtected()), []route{
		{"POST", "/v2/orders", true}, {"POST", "/v2/carts/x", true},
	})
}
