// Package idemtest runs the duplicate-injection contract of the
// idempotency standard against a real HTTP handler or queue consumer.
//
// Static checks prove that idempotency middleware is in a route's chain;
// only a test proves that the route really is idempotent: that the claim
// on a key is atomic, that a retry gets the first response back byte for
// byte, that a key reused with another body is refused, and that the
// route does what was decided when the dedup store is down. TestRoute
// runs these four scenarios against a handler, usually the service's own
// router with its real middleware and store:
//
//	func TestCreateChargeContract(t *testing.T) {
//		router, db := newTestService(t)
//		idemtest.TestRoute(t, router, idemtest.Contract{
//			Method:  http.MethodPost,
//			Path:    "/v1/charges",
//			Header:  http.Header{"Content-Type": {"application/json"}},
//			Body:    []byte(`{"customer_id":"cus_1","amount":1000,"currency":"eur"}`),
//			Effects: func() int { return count(t, db, "charges") },
//			BreakStore: func() (restore func()) {
//				rename(t, db, "idempotency_keys", "idempotency_keys_offline")
//				return func() { rename(t, db, "idempotency_keys_offline", "idempotency_keys") }
//			},
//		})
//	}
//
// The scenarios, each with a fresh idempotency key:
//
//   - SequentialDuplicate: the request, then the same request with the
//     same key. The side effect happens once, and the second response
//     is a replay of the first: the same status, body and ReplayHeaders.
//   - ConcurrentDuplicates: Concurrency identical requests at once. The
//     side effect happens once; every response is the served one's
//     status (a replay) or ConflictStatus (the first is in flight).
//   - BodyMismatch: the request, then the key with MismatchBody. The
//     second gets an error status, and the side effect does not happen
//     again.
//   - StoreDown: the request while BreakStore has made the dedup store
//     unavailable. It is refused with a server error and no side effect,
//     or, with FailOpen, served once.
//
// Contract.Skip leaves scenarios out. TestRoute fails the test once per
// failed scenario, with a message naming it and what it saw (statuses,
// side effects); CheckRoute returns the same Results without a test, to
// show that a route breaks the contract.
//
// TestConsumer delivers a message to a queue handler twice, one delivery
// after the other, and another message several times at once, and checks
// that each message's side effect happened once.
//
// For staging, a Duplicator re-sends a fraction of POST and PATCH
// requests that carry an idempotency key, with the same key and body, as
// an http.RoundTripper for clients or as HTTP middleware for servers,
// and counts what it duplicated: the dedup hits of the middleware should
// climb by that much while side effects stay flat.
//
// idemlint's inventory counts a call of TestRoute as the contract test of
// the route its Contract names, when Method and Path are constants (see
// docs/reports.md in idemlint). The package uses only the standard library.
package idemtest
