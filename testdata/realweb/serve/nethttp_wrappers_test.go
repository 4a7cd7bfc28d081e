package serve_test

import (
	"testing"

	"example.com/realweb/promapp"
	"example.com/realweb/routegroupapp"
)

func TestRoutegroup(t *testing.T) {
	routegroupapp.DB = db
	check(t, serveHTTP(routegroupapp.New()), []route{
		{"POST", "/v1/orders", true}, {"POST", "/v1/group", true}, {"POST", "/v1/api/x", true},
	})
	check(t, serveHTTP(routegroupapp.NewBare()), []route{
		{"POST", "/v2/items", false}, {"POST", "/v2/any", false}, {"PATCH", "/v2/items/1", false},
		{"POST", "/v2/wrapped", true}, {"POST", "/v2/wrap", true}, {"POST", "/v2/with", true},
		{"POST", "/v2/with-other", false}, {"POST", "/v2/api/after", true}, {"POST", "/v2/api/early", false},
		{"POST", "/v2/api/sub", true}, {"POST", "/v2/api", true},
		{"POST", "/v2/route", true}, {"POST", "/v2/route-bare", false},
	})
	check(t, serveHTTP(routegroupapp.NewMux()), []route{
		{"POST", "/v3/orders", false}, {"POST", "/v3/with", true},
	})
	check(t, serveHTTP(routegroupapp.NewBase()), []route{
		{"POST", "/v4/bare", false}, {"POST", "/v4/with", true},
	})
}

func TestPrometheusRoute(t *testing.T) {
	promapp.DB = db
	check(t, serveHTTP(promapp.New()), []route{
		{"POST", "/v1/items", false}, {"POST", "/v1/wrapped", true},
		{"POST", "/api/orders", false}, {"POST", "/api/protected", true}, {"POST", "/api/counted", false},
		{"POST", "/lit/x", true},
	})
}
