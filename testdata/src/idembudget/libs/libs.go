package libs

import (
	"context"
	"time"

	retrygo "github.com/avast/retry-go/v4"
	retrygo5 "github.com/avast/retry-go/v5"
	v4 "github.com/cenkalti/backoff/v4"
	v5 "github.com/cenkalti/backoff/v5"
	"github.com/sethvargo/go-retry"
)

func op() error { return nil }

func opV5() (int, error) { return 0, nil }

func v4Cases(ctx context.Context) {
	b := v4.NewExponentialBackOff()
	b.MaxElapsedTime = 0
	_ = v4.Retry(op, b) // want `idembudget: backoff.Retry has no bound \(its BackOff never stops`

	_ = v4.Retry(op, &v4.ExponentialBackOff{InitialInterval: time.Second}) // want `idembudget: backoff.Retry has no bound`
	_ = v4.Retry(op, v4.NewConstantBackOff(time.Second))                   // want `idembudget: backoff.Retry has no bound`
	_ = v4.Retry(op, &v4.ZeroBackOff{})                                    // want `idembudget: backoff.Retry has no bound` `idembudget: backoff.Retry has no backoff between attempts`
	_ = v4.Retry(op, v4.NewExponentialBackOff(v4.WithMaxElapsedTime(0)))   // want `idembudget: backoff.Retry has no bound`

	_ = v4.Retry(op, v4.NewExponentialBackOff())
	_ = v4.Retry(op, v4.WithMaxRetries(v4.NewConstantBackOff(time.Second), 5))
	_ = v4.Retry(op, v4.WithContext(v4.NewConstantBackOff(time.Second), ctx))
	_ = v4.Retry(op, v4.WithMaxRetries(&v4.ZeroBackOff{}, 3)) // want `idembudget: backoff.Retry has no backoff between attempts`
}

func v5Cases(ctx context.Context) {
	_, _ = v5.Retry(context.Background(), opV5, v5.WithMaxElapsedTime(0)) // want `idembudget: backoff.Retry has no bound \(WithMaxElapsedTime\(0\) without WithMaxTries`
	_, _ = v5.Retry(context.Background(), opV5, v5.WithMaxElapsedTime(0), v5.WithMaxTries(5))
	_, _ = v5.Retry(ctx, opV5)
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, _ = v5.Retry(tctx, opV5, v5.WithMaxElapsedTime(0))
	_, _ = v5.Retry(ctx, opV5, v5.WithBackOff(&v5.ZeroBackOff{})) // want `idembudget: backoff.Retry has no backoff between attempts`
}

func retryGoCases(ctx context.Context) {
	_ = retrygo.Do(op, retrygo.Attempts(0))      // want `idembudget: retry.Do has no bound`
	_ = retrygo.Do(op, retrygo.UntilSucceeded()) // want `idembudget: retry.Do has no bound`
	_ = retrygo.Do(op, retrygo.Attempts(5))
	_ = retrygo.Do(op)
	n := uint(0)
	_ = retrygo.Do(op, retrygo.Attempts(n))
	tctx, cancel := context.WithDeadline(ctx, time.Now().Add(time.Minute))
	defer cancel()
	_ = retrygo.Do(op, retrygo.UntilSucceeded(), retrygo.Context(tctx))
}

func goRetryCases(ctx context.Context) {
	f := func(ctx context.Context) error { return retry.RetryableError(op()) }
	_ = retry.Do(context.Background(), retry.NewExponential(time.Second), f) // want `idembudget: retry.Do has no bound \(its backoff has no WithMaxRetries or WithMaxDuration and its context no deadline`
	_ = retry.Constant(context.TODO(), time.Second, f)                       // want `idembudget: retry.Constant has no bound`
	_ = retry.Do(context.Background(), retry.WithMaxRetries(3, retry.NewExponential(time.Second)), f)
	_ = retry.Do(context.Background(), retry.WithJitter(time.Millisecond, retry.WithMaxDuration(time.Minute, retry.NewFibonacci(time.Second))), f)
	_ = retry.Do(ctx, retry.NewExponential(time.Second), f) // a caller's context: benefit of the doubt
	tctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_ = retry.Do(tctx, retry.NewExponential(time.Second), f)
	// never wraps RetryableError: no retry
	_ = retry.Do(context.Background(), retry.NewExponential(time.Second), func(ctx context.Context) error { return op() })
}

func retryGoV5Cases() {
	_ = retrygo5.New(retrygo5.UntilSucceeded()).Do(op) // want `idembudget: retry.Do has no bound`
	r := retrygo5.New(retrygo5.Attempts(0))
	_ = r.Do(op) // want `idembudget: retry.Do has no bound`
	_ = retrygo5.New(retrygo5.Attempts(3)).Do(op)
	_, _ = retrygo5.NewWithData[int](retrygo5.UntilSucceeded()).Do(opV5) // want `idembudget: retry.Do has no bound`
}
