package failsafe

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/failsafe-go/failsafe-go"
	"github.com/failsafe-go/failsafe-go/failsafehttp"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
)

const url = "https://api.example.com/captures"

func executor() error {
	rp := retrypolicy.NewBuilder[any]().WithMaxRetries(3).WithBackoff(time.Second, time.Minute).Build()
	return failsafe.With[any](rp).Run(func() error { // want `idemretry: failsafe Run retries POST https://api.example.com/captures without an idempotency key`
		_, err := http.Post(url, "application/json", strings.NewReader("{}"))
		return err
	})
}

func roundTripper(ctx context.Context) error {
	client := &http.Client{Transport: failsafehttp.NewRoundTripper(nil, failsafehttp.NewRetryPolicyBuilder().Build())}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	_, err = client.Do(req) // want `idemretry: the retrying http.Client's Do retries POST https://api.example.com/captures without an idempotency key`
	return err
}

func request(ctx context.Context, key string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	_, err = failsafehttp.NewRequest(req, http.DefaultClient, failsafehttp.NewRetryPolicyBuilder().Build()).Do()
	return err
}
