package idem_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/idemlint/idemlint/idemtest"
	_ "modernc.org/sqlite" // the driver of sqltest

	"example.com/shop/internal/sqltest"
	"example.com/shop/platform/idem"
)

// paymentsSchema is the table of the test route's side effect.
const paymentsSchema = `CREATE TABLE payments (id integer PRIMARY KEY, request text NOT NULL)`

// A payments route records a payment per request it serves, after the
// provider's latency, so that concurrent duplicates overlap.
type payments struct{ db *sql.DB }

func (p payments) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	time.Sleep(10 * time.Millisecond)
	res, err := p.db.ExecContext(r.Context(), `INSERT INTO payments (request) VALUES ($1)`, string(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	id, _ := res.LastInsertId()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Location", fmt.Sprintf("/v1/payments/pay_%d", id))
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, `{"id":"pay_%d","status":"pending"}`, id)
}

// A testPayments is the payments route on a new database with its
// store. The route moves money, so its contract fails closed.
type testPayments struct {
	route payments
	store *idem.SQLStore
	// Of the route's contract.
	effects    func() int
	breakStore func() (restore func())
}

func newPayments(t *testing.T) testPayments {
	db := sqltest.Open(t, idem.SQLSchema, paymentsSchema)
	return testPayments{
		route:      payments{db},
		store:      idem.NewSQLStore(db),
		effects:    func() int { return sqltest.Count(t, db, `SELECT count(*) FROM payments`) },
		breakStore: func() func() { return sqltest.Offline(t, db, "idempotency_keys") },
	}
}

// paymentBody is the body of a payment request.
var paymentBody = []byte(`{"amount":1000,"currency":"eur"}`)

// TestContract runs each scenario of the contract against the middleware
// with the shared SQL store.
func TestContract(t *testing.T) {
	for _, s := range []idemtest.Scenario{idemtest.SequentialDuplicate, idemtest.ConcurrentDuplicates, idemtest.BodyMismatch, idemtest.StoreDown} {
		t.Run(s.String(), func(t *testing.T) {
			p := newPayments(t)
			idemtest.TestRoute(t, idem.New(p.store)(p.route), idemtest.Contract{
				Method: http.MethodPost, Path: "/v1/payments", Body: paymentBody,
				Effects: p.effects, BreakStore: p.breakStore, Skip: all &^ s,
			})
		})
	}
}

// all is every scenario of a route's contract.
const all = idemtest.SequentialDuplicate | idemtest.ConcurrentDuplicates | idemtest.BodyMismatch | idemtest.StoreDown

// Stores with one bug each, around the SQL store.
type (
	// checkThenSetStore claims a key that has no recorded response by
	// checking, then setting: another request may claim it in between,
	// and every request in flight does.
	checkThenSetStore struct{ idem.Store }
	// bodylessStore keeps no response body, so replays have none.
	bodylessStore struct{ idem.Store }
	// digestlessStore keeps no request digest, so a key is not bound to
	// the body it was first sent with.
	digestlessStore struct{ idem.Store }
)

func (s checkThenSetStore) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if _, done, err := s.Lookup(ctx, key); err != nil || done {
		return false, err
	}
	if err := s.Release(ctx, key); err != nil {
		return false, err
	}
	return s.Store.Claim(ctx, key, ttl)
}

func (s bodylessStore) Lookup(ctx context.Context, key string) (idem.Response, bool, error) {
	res, ok, err := s.Store.Lookup(ctx, key)
	res.Body = nil
	return res, ok, err
}

func (s digestlessStore) Complete(ctx context.Context, key string, res idem.Response) error {
	res.RequestDigest = ""
	return s.Store.Complete(ctx, key, res)
}

// A recordingTB is a testing.TB that records failures instead of failing
// the test.
type recordingTB struct {
	testing.TB
	errors []string
}

func (r *recordingTB) Helper()             {}
func (r *recordingTB) Logf(string, ...any) {}
func (r *recordingTB) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recordingTB) Fatalf(format string, args ...any) {
	r.TB.Fatalf(format, args...)
}

// TestEachBugFailsItsScenario runs the contract against broken
// idempotency layers, through a recording testing.TB, and checks that
// each fails exactly the scenarios it breaks, with messages that name
// them.
func TestEachBugFailsItsScenario(t *testing.T) {
	for _, tc := range []struct {
		name  string
		layer func(idem.Store) func(http.Handler) http.Handler
		want  idemtest.Scenario
	}{
		{"correct", func(s idem.Store) func(http.Handler) http.Handler { return idem.New(s) }, 0},
		{"no dedup", func(idem.Store) func(http.Handler) http.Handler {
			return func(h http.Handler) http.Handler { return h }
		}, all},
		{"check then set", func(s idem.Store) func(http.Handler) http.Handler { return idem.New(checkThenSetStore{s}) }, idemtest.ConcurrentDuplicates},
		{"replay drops the body", func(s idem.Store) func(http.Handler) http.Handler { return idem.New(bodylessStore{s}) }, idemtest.SequentialDuplicate},
		{"fail open on a financial route", func(s idem.Store) func(http.Handler) http.Handler { return idem.New(s, idem.FailOpen()) }, idemtest.StoreDown},
		{"key not bound to the body", func(s idem.Store) func(http.Handler) http.Handler { return idem.New(digestlessStore{s}) }, idemtest.BodyMismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newPayments(t)
			rec := &recordingTB{TB: t}
			rs := idemtest.TestRoute(rec, tc.layer(p.store)(p.route), idemtest.Contract{
				Method: http.MethodPost, Path: "/v1/payments", Body: paymentBody,
				Effects: p.effects, BreakStore: p.breakStore,
			})
			var failed idemtest.Scenario
			for _, msg := range rec.errors {
				named := false
				for _, r := range rs {
					if strings.HasPrefix(msg, "idemtest: POST /v1/payments: "+r.Scenario.String()+": ") {
						failed |= r.Scenario
						named = true
					}
				}
				if !named {
					t.Errorf("a failure names no scenario: %s", msg)
				}
			}
			if failed != tc.want || rs.Failed() != tc.want {
				t.Errorf("failed %s (results: %s), want %s\n%s", failed, rs.Failed(), tc.want, strings.Join(rec.errors, "\n"))
			}
		})
	}
}

// TestConsumerContract redelivers messages to a handler wrapped in
// Consumer with the shared SQL store.
func TestConsumerContract(t *testing.T) {
	db := sqltest.Open(t, idem.SQLSchema, `CREATE TABLE refunds (message text NOT NULL)`)
	idem.SetDefaultStore(idem.NewSQLStore(db))
	t.Cleanup(func() { idem.SetDefaultStore(nil) })
	apply := idem.Consumer(func(ctx context.Context, msg []byte) error {
		time.Sleep(10 * time.Millisecond)
		_, err := db.ExecContext(ctx, `INSERT INTO refunds (message) VALUES ($1)`, string(msg))
		return err
	})
	var next atomic.Int64
	idemtest.TestConsumer(t, apply, func() []byte {
		return fmt.Appendf(nil, `{"refund_id":"re_%d","amount":500}`, next.Add(1))
	}, idemtest.Redelivery{
		Effects: func() int { return sqltest.Count(t, db, `SELECT count(*) FROM refunds`) },
	})
}
