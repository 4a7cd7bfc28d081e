// Package idemretry defines an Analyzer that reports retries around
// non-idempotent operations and idempotency keys minted per attempt.
//
// # Analyzer idemretry
//
// idemretry: report retries of non-idempotent operations and keys minted inside retried code
//
// A retry repeats its operation when an attempt fails, and an attempt that
// timed out may well have succeeded: retrying a POST, a PATCH or a payment
// without an idempotency key can apply it twice. The key must be fixed
// before the first attempt; a key minted inside the retried code is new on
// every attempt, so the server cannot tell the attempts apart.
//
// The check reports, at the retry call or at the for keyword of a
// hand-written retry loop:
//
//   - a retried outbound POST or PATCH (net/http, go-retryablehttp,
//     go-resty, failsafehttp; PUT and DELETE too when configuration removes
//     them from naturally-idempotent-methods) that sets none of the
//     configured key-headers (default Idempotency-Key, X-Idempotency-Key)
//     to a value fixed before the first attempt;
//   - a retried stripe-go call that moves money (paymentintent, charge,
//     refund, transfer and payout New; the stripe.Client V1 services'
//     Create) without a key set by the caller: stripe-go mints its own key
//     per call, so a caller's retry sends a new key each time (stripe-go's
//     internal retries are fine);
//   - a retried call of a function of another package whose inferred side
//     effects (passes/effects) include an outbound request, a payment, a
//     mail or //idem:mutates that is not naturally idempotent, unless an
//     argument looks like a key (a name with key, idem, dedup or token);
//   - a gRPC retry or hedging policy (grpc.WithDefaultServiceConfig with a
//     constant JSON config) over a method that does not read as a read
//     (Get, List, Search, Watch, Check, Count, ...): named, or every method
//     of a named service known from generated full-method-name constants;
//     go-grpc-middleware's retry.WithMax(n > 0) on a call of such a method,
//     or on retry.UnaryClientInterceptor when the package calls one.
//
// It reports, at the minting call, a key minted inside the retried code
// (google/uuid, gofrs/uuid, satori/go.uuid, oklog/ulid, rs/xid,
// stripe.NewIdempotencyKey, crypto/rand) that becomes the key header, the
// stripe key or a key argument: every attempt sends a new key.
//
// Retries recognised: cenkalti/backoff v4 (Retry, RetryNotify,
// RetryWithData, ...) and v5 (Retry), avast/retry-go v3 (Do), v4 (Do,
// DoWithData) and v5 (New(...).Do), sethvargo/go-retry (only when the function wraps
// an error in retry.RetryableError), failsafe-go executors with a retry
// policy and failsafehttp (NewRequest(...).Do, an http.Client whose
// Transport is NewRoundTripper with a retry policy), go-retryablehttp
// clients (RetryMax defaults to 4 and the default policy retries any
// method; the package-level Post and PostForm; the *http.Client of
// StandardClient or a retryablehttp.RoundTripper), go-resty v2 clients
// with SetRetryCount(n > 0) and resty v3 ones that also
// SetRetryAllowNonIdempotent(true), watermill's middleware.Retry added
// to a router or handler (it runs the handler again), gRPC retry
// policies, and for loops that go round again when a call that reaches a
// dependency fails.
// Retried code is followed into functions of the same package, with their
// parameters bound to the caller's arguments. When a key's provenance is
// unknown, nothing is reported.
//
// Bad:
//
//	err := backoff.Retry(func() error {
//		req, _ := http.NewRequestWithContext(ctx, "POST", chargesURL, body)
//		req.Header.Set("Idempotency-Key", uuid.NewString())
//		_, err := client.Do(req)
//		return err
//	}, backoff.NewExponentialBackOff())
//
// Good:
//
//	key := uuid.NewString()
//	err := backoff.Retry(func() error {
//		req, _ := http.NewRequestWithContext(ctx, "POST", chargesURL, body)
//		req.Header.Set("Idempotency-Key", key)
//		_, err := client.Do(req)
//		return err
//	}, backoff.NewExponentialBackOff())
//
// Exempt with an ADR:
//
//	//idem:exempt(retry) ADR-0042 the ledger dedups transfers by reference
//	err := backoff.Retry(postTransfer, b)
//
// When the key is minted by a statement `k := uuid.NewString()` at the top
// level of the retried closure or loop body, using nothing defined inside
// it, a suggested fix moves that statement before the retry.
package idemretry
