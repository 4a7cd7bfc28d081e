package main

// The duplicate-injection contract of each mutating route, run against
// the real routers, middleware and handlers with the shared SQL store on
// an embedded database.

import (
	"database/sql"
	"net/http"
	"testing"

	"github.com/idemlint/idemlint/idemtest"
	_ "modernc.org/sqlite" // the driver of sqltest

	"example.com/shop/internal/sqltest"
	"example.com/shop/platform/idem"
)

// schema creates the tables the handlers write, in SQL that PostgreSQL and
// SQLite both accept.
var schema = []string{
	idem.SQLSchema,
	`CREATE TABLE charges (id text PRIMARY KEY, customer_id text NOT NULL, amount bigint NOT NULL, currency text NOT NULL,
		source text, status text NOT NULL, refunded bigint NOT NULL DEFAULT 0, provider_id text)`,
	`CREATE TABLE outbox (topic text NOT NULL, key text NOT NULL, payload bytea NOT NULL)`,
	`CREATE TABLE refunds (id text PRIMARY KEY, charge_id text NOT NULL, amount bigint NOT NULL, status text, created_at timestamptz)`,
	`CREATE TABLE orders (id text PRIMARY KEY, customer_id text NOT NULL, status text NOT NULL, total bigint NOT NULL)`,
	`CREATE TABLE carts (id text PRIMARY KEY, customer_id text NOT NULL)`,
	`CREATE TABLE cart_items (cart_id text NOT NULL, sku text NOT NULL, quantity integer NOT NULL, unit_price bigint NOT NULL,
		PRIMARY KEY (cart_id, sku))`,
	`CREATE TABLE payouts (id text PRIMARY KEY, seller_id text NOT NULL, amount bigint NOT NULL, currency text NOT NULL, status text NOT NULL)`,
	`CREATE TABLE event_counts (name text NOT NULL, day date NOT NULL, count bigint NOT NULL, PRIMARY KEY (name, day))`,
	`CREATE TABLE admin_jobs (id text PRIMARY KEY, kind text NOT NULL, status text NOT NULL DEFAULT 'queued', requested_at timestamptz NOT NULL)`,
}

// jsonBody is the header of a JSON request.
var jsonBody = http.Header{"Content-Type": {"application/json"}}

// A testShop is the service on a new database: its public API and its
// admin endpoints, with the platform's default store set.
type testShop struct {
	t     *testing.T
	db    *sql.DB
	api   http.Handler
	admin http.Handler
}

func newTestShop(t *testing.T) *testShop {
	db := sqltest.Open(t, schema...)
	store := idem.NewSQLStore(db)
	idem.SetDefaultStore(store)
	t.Cleanup(func() { idem.SetDefaultStore(nil) })
	return &testShop{
		t:     t,
		db:    db,
		api:   newRouter(&handlers{db: db}, store),
		admin: newAdminMux(&admin{db: db}),
	}
}

// rows returns a Contract.Effects that counts the rows of table.
func (s *testShop) rows(table string) func() int {
	return func() int { return sqltest.Count(s.t, s.db, `SELECT count(*) FROM `+table) }
}

// storeOffline is a Contract.BreakStore: it takes the idempotency keys'
// table away.
func (s *testShop) storeOffline() (restore func()) {
	return sqltest.Offline(s.t, s.db, "idempotency_keys")
}

func TestCreateChargeContract(t *testing.T) {
	s := newTestShop(t)
	idemtest.TestRoute(t, s.api, idemtest.Contract{
		Method:     http.MethodPost,
		Path:       "/v1/charges",
		Header:     jsonBody,
		Body:       []byte(`{"customer_id":"cus_1","amount":1000,"currency":"eur","source":"tok_visa"}`),
		Effects:    s.rows("charges"),
		BreakStore: s.storeOffline,
	})
}

func TestCreateOrderContract(t *testing.T) {
	s := newTestShop(t)
	idemtest.TestRoute(t, s.api, idemtest.Contract{
		Method:     http.MethodPost,
		Path:       "/v1/orders",
		Header:     jsonBody,
		Body:       []byte(`{"customer_id":"cus_1","cart_id":"cart_1"}`),
		Effects:    s.rows("orders"),
		BreakStore: s.storeOffline,
	})
}

// The analytics route is marked harmless: it keeps serving while the
// store is down.
func TestTrackEventContract(t *testing.T) {
	s := newTestShop(t)
	idemtest.TestRoute(t, s.api, idemtest.Contract{
		Method: http.MethodPost,
		Path:   "/v1/events",
		Header: jsonBody,
		Body:   []byte(`{"name":"product_viewed","session_id":"sess_1"}`),
		Effects: func() int {
			return sqltest.Count(t, s.db, `SELECT coalesce(sum(count), 0) FROM event_counts`)
		},
		BreakStore: s.storeOffline,
		FailOpen:   true,
	})
}

func TestCreatePayoutContract(t *testing.T) {
	s := newTestShop(t)
	idemtest.TestRoute(t, s.api, idemtest.Contract{
		Method:     http.MethodPost,
		Path:       "/v1/payouts",
		Header:     jsonBody,
		Body:       []byte(`{"seller_id":"sel_1","amount":5000,"currency":"eur"}`),
		Effects:    s.rows("payouts"),
		BreakStore: s.storeOffline,
	})
}

func TestRebuildContract(t *testing.T) {
	s := newTestShop(t)
	idemtest.TestRoute(t, s.admin, idemtest.Contract{
		Method:     http.MethodPost,
		Path:       "/admin/rebuild",
		Effects:    s.rows("admin_jobs"),
		BreakStore: s.storeOffline,
	})
}

// TestUnprotectedRoutesBreakTheContract runs the contract against the
// routes idemlint reports: each runs its side effect again for a retry
// with the same key. Wrapping one in idem.Middleware turns its check into
// a contract test that passes (see README.md).
func TestUnprotectedRoutesBreakTheContract(t *testing.T) {
	s := newTestShop(t)
	if _, err := s.db.Exec(`INSERT INTO charges (id, customer_id, amount, currency, status) VALUES ('ch_paid', 'cus_1', 100000, 'eur', 'succeeded')`); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		handler http.Handler
		c       idemtest.Contract
	}{
		{s.api, idemtest.Contract{Method: http.MethodPost, Path: "/v1/refunds", Header: jsonBody,
			Body: []byte(`{"charge_id":"ch_paid","amount":100}`), Effects: s.rows("refunds")}},
		{s.api, idemtest.Contract{Method: http.MethodPost, Path: "/v1/carts/", Header: jsonBody,
			Body: []byte(`{"customer_id":"cus_1"}`), Effects: s.rows("carts")}},
		{s.admin, idemtest.Contract{Method: http.MethodPost, Path: "/admin/reindex", Effects: s.rows("admin_jobs")}},
	} {
		tc.c.Skip = idemtest.ConcurrentDuplicates | idemtest.BodyMismatch | idemtest.StoreDown
		rs, err := idemtest.CheckRoute(tc.handler, tc.c)
		if err != nil {
			t.Fatal(err)
		}
		if r := rs[0]; r.Scenario != idemtest.SequentialDuplicate || !r.Failed() || r.Effects != 2 {
			t.Errorf("%s %s: %s; want the sequential duplicate to run the side effect twice", tc.c.Method, tc.c.Path, r)
		} else {
			t.Logf("%s %s: %s", tc.c.Method, tc.c.Path, r)
		}
	}
}
