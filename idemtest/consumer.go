package idemtest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// A Redelivery is the redelivery contract of a queue consumer: how to
// count its side effect and how many concurrent deliveries to make.
// Its scenarios are SequentialDuplicate (a message delivered, then
// delivered again) and ConcurrentDuplicates (a message delivered
// Concurrency times at once).
type Redelivery struct {
	// Effects returns how many times the consumer's side effect has
	// happened so far. Required; it is called as Contract.Effects is.
	Effects func() int
	// Concurrency is the number of concurrent deliveries; by default 8.
	Concurrency int
	// Skip is the set of scenarios not to run.
	Skip Scenario
}

// TestConsumer delivers a message to handle twice, one delivery after the
// other, and a second message Concurrency times at once, and fails t
// once for each scenario in which the side effect did not happen exactly
// once or the first delivery failed. A redelivery after the message was
// handled must succeed, so that the broker stops redelivering it;
// concurrent deliveries may fail, to be redelivered later. message
// returns a new message, one the consumer has not seen, on each call.
func TestConsumer[M any](t testing.TB, handle func(context.Context, M) error, message func() M, r Redelivery) Results {
	t.Helper()
	rs, err := CheckConsumer(handle, message, r)
	if err != nil {
		t.Fatalf("idemtest: %v", err)
		return nil
	}
	report(t, "consumer", rs)
	return rs
}

// CheckConsumer runs the redelivery contract as TestConsumer does and
// returns what each scenario saw, without a test to fail. It returns an
// error only for an invalid contract.
func CheckConsumer[M any](handle func(context.Context, M) error, message func() M, r Redelivery) (Results, error) {
	switch {
	case handle == nil || message == nil:
		return nil, errors.New("redelivery: a handler and a message function are required")
	case r.Effects == nil:
		return nil, errors.New("redelivery: Effects is required: it counts the consumer's side effect")
	case r.Concurrency < 0 || r.Concurrency == 1:
		return nil, fmt.Errorf("redelivery: Concurrency %d: want at least 2 (0 for the default)", r.Concurrency)
	case r.Skip&(BodyMismatch|StoreDown) != 0:
		return nil, fmt.Errorf("redelivery: Skip %s: a consumer has no such scenario", r.Skip&(BodyMismatch|StoreDown))
	}
	if r.Concurrency == 0 {
		r.Concurrency = defaultConcurrency
	}
	ctx := context.Background()
	var rs Results
	for _, s := range []Scenario{SequentialDuplicate, ConcurrentDuplicates} {
		if r.Skip&s != 0 {
			rs = append(rs, Result{Scenario: s, Skipped: true})
			continue
		}
		msg := message()
		deliveries := 2
		if s == ConcurrentDuplicates {
			deliveries = r.Concurrency
		}
		errs := make([]error, deliveries)
		n := during(r.Effects, func() {
			if s == SequentialDuplicate {
				for i := range errs {
					errs[i] = deliver(ctx, handle, msg)
				}
				return
			}
			atOnce(len(errs), func(i int) { errs[i] = deliver(ctx, handle, msg) })
		})
		res := Result{Scenario: s, Errors: errs, Effects: n}
		switch {
		case n != 1:
			res.Problem = fmt.Sprintf("the side effect happened %d times, want once", n)
		case s == SequentialDuplicate && errs[0] != nil:
			res.Problem = fmt.Sprintf("the first delivery failed: %v", errs[0])
		case s == SequentialDuplicate && errs[1] != nil:
			res.Problem = fmt.Sprintf("the redelivery failed (%v), want it acknowledged: the broker would redeliver it again", errs[1])
		case !slices.Contains(errs, nil):
			res.Problem = fmt.Sprintf("every delivery failed: %v", errs[0])
		}
		rs = append(rs, res)
	}
	return rs, nil
}

// deliver calls handle, turning a panic into an error.
func deliver[M any](ctx context.Context, handle func(context.Context, M) error, msg M) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the handler panicked: %v", p)
		}
	}()
	return handle(ctx, msg)
}
