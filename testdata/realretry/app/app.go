// Package app uses the real retry modules, so that the stubs of the
// analysistest tests cannot drift from them.
package app

import (
	"context"
	"net/http"
	"strings"
	"time"

	retrygo "github.com/avast/retry-go/v4"
	v4 "github.com/cenkalti/backoff/v4"
	v5 "github.com/cenkalti/backoff/v5"
	"github.com/google/uuid"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/sethvargo/go-retry"
	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/paymentintent"
)

const url = "https://api.example.com/charges"

func post() error {
	_, err := http.Post(url, "application/json", strings.NewReader("{}"))
	return err
}

func backoffV4() error {
	return v4.Retry(post, v4.NewExponentialBackOff()) // want `idemretry: backoff.Retry retries POST https://api.example.com/charges without an idempotency key`
}

func backoffV5(ctx context.Context) (*http.Response, error) {
	return v5.Retry(ctx, func() (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, "POST", url, nil)
		if err != nil {
			return nil, v5.Permanent(err)
		}
		req.Header.Set("Idempotency-Key", uuid.NewString()) // want `idemretry: idempotency key minted by uuid.NewString inside the retried code of backoff.Retry`
		return http.DefaultClient.Do(req)
	}, v5.WithMaxTries(4))
}

func retryable(ctx context.Context) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, []byte("{}"))
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `idemretry: retryablehttp.Client.Do retries POST https://api.example.com/charges without an idempotency key`
	return err
}

func retryableKeyed(ctx context.Context, key string) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, []byte("{}"))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	_, err = c.Do(req)
	return err
}

func retryGo() error {
	return retrygo.Do(post, retrygo.Attempts(3)) // want `idemretry: retry.Do retries POST https://api.example.com/charges without an idempotency key`
}

func goRetry(ctx context.Context) error {
	b := retry.WithMaxRetries(3, retry.NewExponential(100*time.Millisecond))
	return retry.Do(ctx, b, func(ctx context.Context) error { // want `idemretry: retry.Do retries POST https://api.example.com/charges \(in app.post\) without an idempotency key`
		if err := post(); err != nil {
			return retry.RetryableError(err)
		}
		return nil
	})
}

func stripeLoop(amount int64) (*stripe.PaymentIntent, error) {
	var err error
	for attempt := range 3 { // want `idemretry: retry loop retries paymentintent.New without an idempotency key`
		var pi *stripe.PaymentIntent
		if pi, err = paymentintent.New(&stripe.PaymentIntentParams{Amount: stripe.Int64(amount)}); err == nil {
			return pi, nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil, err
}

func stripeClient(ctx context.Context, sc *stripe.Client, orderID string, amount int64) (*stripe.PaymentIntent, error) {
	params := &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(amount)}
	params.SetIdempotencyKey("order-" + orderID)
	return v4.RetryWithData(func() (*stripe.PaymentIntent, error) {
		return sc.V1PaymentIntents.Create(ctx, params)
	}, v4.NewExponentialBackOff())
}

func stripeClientMinted(ctx context.Context, sc *stripe.Client, amount int64) (*stripe.PaymentIntent, error) {
	return v4.RetryWithData(func() (*stripe.PaymentIntent, error) {
		params := &stripe.PaymentIntentCreateParams{Amount: stripe.Int64(amount)}
		params.SetIdempotencyKey(stripe.NewIdempotencyKey()) // want `idemretry: idempotency key minted by stripe.NewIdempotencyKey inside the retried code of backoff.RetryWithData`
		return sc.V1PaymentIntents.Create(ctx, params)
	}, v4.NewExponentialBackOff())
}
