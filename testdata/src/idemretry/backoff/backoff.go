package backoff

import (
	"context"
	"net/http"
	"strings"

	v4 "github.com/cenkalti/backoff/v4"
	v5 "github.com/cenkalti/backoff/v5"
	"github.com/google/uuid"
)

const url = "https://api.example.com/transfers"

func unkeyedV4(ctx context.Context) error {
	return v4.Retry(func() error { // want `idemretry: backoff.Retry retries POST https://api.example.com/transfers without an idempotency key`
		_, err := http.Post(url, "application/json", strings.NewReader("{}"))
		return err
	}, v4.NewExponentialBackOff())
}

func keyOutsideV4(ctx context.Context) error {
	key := uuid.NewString()
	return v4.Retry(func() error {
		req, err := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader("{}"))
		if err != nil {
			return v4.Permanent(err)
		}
		req.Header.Set("Idempotency-Key", key)
		_, err = http.DefaultClient.Do(req)
		return err
	}, v4.NewExponentialBackOff())
}

func mintedV5(ctx context.Context) (*http.Response, error) {
	return v5.Retry(ctx, func() (*http.Response, error) {
		key := uuid.NewString() // want `idemretry: idempotency key minted by uuid.NewString inside the retried code of backoff.Retry`
		req, err := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader("{}"))
		if err != nil {
			return nil, v5.Permanent(err)
		}
		req.Header["Idempotency-Key"] = []string{key}
		return http.DefaultClient.Do(req)
	}, v5.WithMaxTries(5))
}

// post is a function of the package retried by name.
func post() error {
	_, err := http.Post(url, "application/json", strings.NewReader("{}"))
	return err
}

func named() error {
	return v4.RetryNotify(post, v4.WithMaxRetries(v4.NewExponentialBackOff(), 3), nil) // want `idemretry: backoff.RetryNotify retries POST https://api.example.com/transfers without an idempotency key`
}

// read is not reported.
func read(ctx context.Context) error {
	return v4.Retry(func() error {
		_, err := http.Get(url)
		return err
	}, v4.NewExponentialBackOff())
}
