// Package retries defines an analysis pass that finds the retries of a
// package and what they retry. It does not report diagnostics.
//
// A retry is a call to a retry mechanism (cenkalti/backoff v4 and v5,
// avast/retry-go v3, v4 and v5, sethvargo/go-retry, failsafe-go, a
// hashicorp/go-retryablehttp client or a retrying *http.Client, a retrying
// go-resty request, watermill's middleware.Retry added to a router or
// handler, a gRPC retry policy or go-grpc-middleware retry option), a
// hand-written retry loop: a for loop whose body makes a call and leaves
// the loop when the call's error is nil, going round again otherwise, or
// a poll loop: a for {} loop with no such exit that sends an HTTP request
// and does not pause. For each retry the pass records:
//
//   - the retried operations that are not naturally idempotent: outbound
//     POST and PATCH requests (net/http, retryablehttp, resty) and stripe-go
//     calls that move money, followed into functions of the same package;
//     calls of other packages' functions whose inferred effects
//     (passes/effects) are requests, payments or mails and not naturally
//     idempotent; gRPC methods that do not read as reads. Each with
//     whether it carries an idempotency key fixed before the first
//     attempt;
//   - the idempotency keys minted inside the retried code (a new key per
//     attempt), with the statement to hoist when hoisting is mechanical;
//   - why the retry has no bound or no backoff, when the code shows it.
//
// A loop is a retry only when its attempts reach a dependency: loops that
// call until success without one (rejection sampling, parsing) are not.
//
// Mechanism knowledge lives in one file per mechanism (loop.go,
// backoff.go, retryablehttp.go, resty.go, retrygo.go, goretry.go,
// failsafe.go, watermill.go, grpc.go); ops.go, stripe.go and keys.go
// describe retried operations and key provenance. Only hand-written loops
// are looked for in a package that imports none of the mechanisms, no
// outbound client and no stripe-go package, and only where an attempt can
// reach a dependency: the package has effects, or its imports reach
// context, a networking or a database package. Only the functions whose
// body holds a loop or calls a mechanism are walked ([effects.Result.Body]).
package retries
