package libs

import (
	"context"
	"net/http"
	"strings"

	retrygo "github.com/avast/retry-go/v4"
	retrygo5 "github.com/avast/retry-go/v5"
	"github.com/sethvargo/go-retry"
)

const url = "https://api.example.com/refunds"

func retryGo() error {
	return retrygo.Do(func() error { // want `idemretry: retry.Do retries POST https://api.example.com/refunds without an idempotency key`
		_, err := http.Post(url, "application/json", strings.NewReader("{}"))
		return err
	}, retrygo.Attempts(3))
}

func goRetryRetryable(ctx context.Context) error {
	b := retry.WithMaxRetries(3, retry.NewExponential(100))
	return retry.Do(ctx, b, func(ctx context.Context) error { // want `idemretry: retry.Do retries POST https://api.example.com/refunds without an idempotency key`
		if _, err := http.Post(url, "application/json", strings.NewReader("{}")); err != nil {
			return retry.RetryableError(err)
		}
		return nil
	})
}

// goRetryPlain never wraps an error in RetryableError: it does not retry.
func goRetryPlain(ctx context.Context) error {
	b := retry.WithMaxRetries(3, retry.NewExponential(100))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		_, err := http.Post(url, "application/json", strings.NewReader("{}"))
		return err
	})
}

func retryGoV5() error {
	return retrygo5.New(retrygo5.Attempts(3)).Do(func() error { // want `idemretry: retry.Do retries POST https://api.example.com/refunds without an idempotency key`
		_, err := http.Post(url, "application/json", strings.NewReader("{}"))
		return err
	})
}
