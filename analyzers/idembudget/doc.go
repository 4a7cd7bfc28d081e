// Package idembudget defines an Analyzer that reports retries with no
// bound or no backoff between attempts.
//
// # Analyzer idembudget
//
// idembudget: report retries with no bound or no backoff between attempts
//
// A retry without a bound never gives up, and one without backoff tries
// again at once: when a dependency struggles, every client turns into a
// load generator and an outage becomes a retry storm.
//
// The check reports, at the retry call or at the for keyword of a
// hand-written retry loop:
//
//   - cenkalti/backoff v4: an ExponentialBackOff whose MaxElapsedTime is 0,
//     a ConstantBackOff or ZeroBackOff not wrapped in WithMaxRetries or
//     WithContext; a ZeroBackOff anywhere (no backoff);
//   - cenkalti/backoff v5: WithMaxElapsedTime(0) without WithMaxTries, with
//     a context visibly without deadline (context.Background or TODO);
//     WithBackOff(&ZeroBackOff{}) (no backoff);
//   - avast/retry-go v4 and v5: Attempts(0) or UntilSucceeded(), unless a
//     Context option passes a context that has, or may have, a deadline;
//     v3, v4 and v5: Delay(0) with DelayType(FixedDelay) (no backoff);
//   - sethvargo/go-retry: a backoff without WithMaxRetries or
//     WithMaxDuration (and Constant, Exponential, Fibonacci) whose context
//     visibly has no deadline (context.Background or TODO);
//   - failsafe-go: a retry policy with WithMaxRetries(-1) or
//     WithMaxAttempts(-1) and no WithMaxDuration (no bound); one without
//     WithDelay, WithBackoff, WithRandomDelay or WithDelayFunc (no backoff:
//     failsafe-go retries at once by default);
//   - a for loop that goes round again when a call that reaches a
//     dependency fails: with no condition (or only err != nil) and no way
//     out but success (no bound), or with no sleep, timer, channel
//     receive, select or call named like a wait or backoff in its body or
//     the functions of the package it calls (no backoff). Loops that call
//     until success without reaching a dependency (rejection sampling,
//     parsing) are not retries;
//   - a poll loop (a for {} loop that sends an HTTP request and has no
//     pause): no backoff, and no bound unless it checks a context that is
//     not visibly context.Background or TODO;
//   - watermill's middleware.Retry with an InitialInterval of 0 or none
//     (no backoff).
//
// A bound that is a variable, and a context whose origin is not visible,
// get the benefit of the doubt.
//
// Bad:
//
//	for {
//		if err := publish(ctx, ev); err == nil {
//			return nil
//		}
//	}
//
// Good:
//
//	for attempt := range 5 {
//		if err := publish(ctx, ev); err == nil {
//			return nil
//		}
//		time.Sleep(time.Duration(1<<attempt) * 100 * time.Millisecond)
//	}
//
// Exempt with an ADR:
//
//	//idem:exempt(budget) ADR-0042 the leader election loop must never give up
//	for { ... }
package idembudget
