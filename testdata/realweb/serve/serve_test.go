package serve_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/gin-gonic/gin"

	"example.com/platform/idem"
	"example.com/realweb/echoapp"
	"example.com/realweb/fiberapp"
	"example.com/realweb/ginapp"
)

// writes counts the statements the handlers execute.
var writes atomic.Int64

type connector struct{}

func (connector) Connect(context.Context) (driver.Conn, error) { return conn{}, nil }
func (connector) Driver() driver.Driver                        { return nil }

type conn struct{}

func (conn) Prepare(string) (driver.Stmt, error) { return nil, errors.New("not supported") }
func (conn) Close() error                        { return nil }
func (conn) Begin() (driver.Tx, error)           { return nil, errors.New("not supported") }
func (conn) ExecContext(context.Context, string, []driver.NamedValue) (driver.Result, error) {
	writes.Add(1)
	return driver.RowsAffected(1), nil
}

// A route is a request and whether the platform middleware (or fiber's
// idempotency middleware) keeps a duplicate of it from the handler.
type route struct {
	method, path string
	protected    bool
}

var n atomic.Int64

// duplicate returns the headers of a request that every idempotency
// middleware of the module rejects: its Idempotency-Key was already
// claimed, and its X-Idempotency-Key (fiber's header) is not a UUID.
func duplicate() map[string]string {
	key := fmt.Sprintf("key-%d", n.Add(1))
	idem.Claim(key)
	return map[string]string{idem.KeyHeader: key, "X-Idempotency-Key": "not-a-uuid"}
}

// reaches reports whether serving the request executed a statement.
func reaches(t *testing.T, serve func(method, path string, header map[string]string), rt route) bool {
	t.Helper()
	before := writes.Load()
	func() {
		defer func() { _ = recover() }()
		serve(rt.method, rt.path, duplicate())
	}()
	return writes.Load() > before
}

func check(t *testing.T, serve func(method, path string, header map[string]string), routes []route) {
	t.Helper()
	for _, rt := range routes {
		if got := reaches(t, serve, rt); got == rt.protected {
			t.Errorf("%s %s: a duplicate reaches the handler: %v, want %v", rt.method, rt.path, got, !rt.protected)
		}
	}
}

func serveHTTP(h http.Handler) func(method, path string, header map[string]string) {
	return func(method, path string, header map[string]string) {
		req := httptest.NewRequest(method, path, nil)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
}

// db is the database every app of the module writes to.
var db = sql.OpenDB(connector{})

func TestMain(m *testing.M) {
	ginapp.DB, echoapp.DB, fiberapp.DB = db, db, db
	gin.SetMode(gin.ReleaseMode)
	m.Run()
}

func TestGin(t *testing.T) {
	check(t, serveHTTP(ginapp.NewRouter()), []route{
		{"POST", "/v1/early", false}, {"PATCH", "/v1/early/1", false}, {"POST", "/v1/early-group/x", false},
		{"POST", "/v1/handle", false}, {"POST", "/v1/any", false}, {"POST", "/v1/match", false},
		{"POST", "/v1/wrapf", false}, {"POST", "/v1/wraph", true},
		{"POST", "/v1/chain", true}, {"POST", "/v1/chain-last", false}, {"POST", "/v1/chain-other", false},
		{"POST", "/v1/with/x", true}, {"POST", "/v1/group/before", false}, {"POST", "/v1/group/after", true},
		{"POST", "/v1/group/sub/x", true}, {"POST", "/v2/bare/orders", false}, {"POST", "/v1/group/v2/orders", true},
		{"POST", "/v1/late", true}, {"POST", "/v1/late-group/x", true}, {"POST", "/v1/early-group/y", false},
	})
	check(t, serveHTTP(ginapp.NewDefault().Handler()), []route{
		{"POST", "/v3/before", false}, {"POST", "/v3/after", true},
	})
}

func TestEcho(t *testing.T) {
	check(t, serveHTTP(echoapp.New()), []route{
		{"POST", "/v1/items", false}, {"PATCH", "/v1/items/1", false}, {"POST", "/v1/add", false},
		{"POST", "/v1/any", false}, {"PATCH", "/v1/match", false},
		{"POST", "/v1/route-mw", true}, {"POST", "/v1/route-mw-wrapped", true}, {"POST", "/v1/route-mw-other", false},
		{"POST", "/v1/wrap-handler", true}, {"POST", "/v1/wrap-handler-bare", false},
		{"POST", "/v1/group/before", false}, {"POST", "/v1/group/before-sub/x", false},
		{"POST", "/v1/group/after", true}, {"POST", "/v1/group/after-sub/x", true}, {"POST", "/v1/with/x", true},
	})
	check(t, serveHTTP(echoapp.NewProtected()), []route{
		{"POST", "/v2/orders", true}, {"POST", "/v2/carts/x", true},
	})
}

func TestFiber(t *testing.T) {
	app := fiberapp.New()
	serve := func(method, path string, header map[string]string) {
		req := httptest.NewRequest(method, path, nil)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		resp.Body.Close()
	}
	check(t, serve, []route{
		{"POST", "/v1/items", false}, {"PATCH", "/v1/items/1", false}, {"POST", "/v1/add-lower", false},
		{"POST", "/v1/chain", true}, {"POST", "/v1/chain-fiber", true}, {"POST", "/v1/chain-adaptor", true},
		{"POST", "/v1/chain-last", false}, {"POST", "/v1/chain-other", false},
		{"POST", "/v1/net-http", true}, {"POST", "/v1/net-http-bare", false},
		{"POST", "/v1/scoped/early", false}, {"POST", "/v1/scoped/x", true}, {"POST", "/v1/scopedx", true},
		{"POST", "/v1/other", false}, {"POST", "/v1/a/x", true}, {"POST", "/v1/c/x", false},
		{"POST", "/api/before", false}, {"POST", "/api/after", true}, {"POST", "/api/direct", true},
		{"POST", "/web/direct", false}, {"POST", "/other-group/x", false}, {"POST", "/route/x", true},
		{"POST", "/bare-route/x", false}, {"POST", "/mounted/x", false}, {"POST", "/late-mount/x", true},
		{"POST", "/late", true},
	})
}
