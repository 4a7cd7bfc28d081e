// Package more uses the real resty, failsafe-go and gRPC retry modules.
package more

import (
	"context"
	"net/http"
	"strings"
	"time"

	retrygo5 "github.com/avast/retry-go/v5"
	"github.com/failsafe-go/failsafe-go"
	"github.com/failsafe-go/failsafe-go/failsafehttp"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
	resty2 "github.com/go-resty/resty/v2"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
	resty3 "resty.dev/v3"
)

const url = "https://api.example.com/payouts"

func restyV2() error {
	c := resty2.New().SetRetryCount(3)
	_, err := c.R().SetBody(`{}`).Post(url) // want `idemretry: resty Request.Post retries POST https://api.example.com/payouts without an idempotency key`
	return err
}

func restyV3(key string) error {
	c := resty3.New().SetRetryCount(3).SetRetryAllowNonIdempotent(true)
	_, err := c.R().SetBody(`{}`).Post(url) // want `idemretry: resty Request.Post retries POST https://api.example.com/payouts without an idempotency key`
	if err != nil {
		return err
	}
	_, err = c.R().SetHeader("Idempotency-Key", key).SetBody(`{}`).Post(url)
	return err
}

func failsafeRun() error {
	rp := retrypolicy.NewBuilder[any]().WithMaxRetries(3).WithBackoff(time.Second, time.Minute).Build()
	return failsafe.With[any](rp).Run(func() error { // want `idemretry: failsafe Run retries POST https://api.example.com/payouts without an idempotency key`
		_, err := http.Post(url, "application/json", strings.NewReader("{}"))
		return err
	})
}

func failsafeTransport(ctx context.Context) error {
	client := &http.Client{Transport: failsafehttp.NewRoundTripper(nil, failsafehttp.NewRetryPolicyBuilder().Build())}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	_, err = client.Do(req) // want `idemretry: the retrying http.Client's Do retries POST https://api.example.com/payouts without an idempotency key`
	return err
}

const serviceConfig = `{"methodConfig": [{"name": [{"service": "shop.v1.Payouts", "method": "Create"}], "retryPolicy": {"maxAttempts": 3}}]}`

func dial() (*grpc.ClientConn, error) {
	return grpc.NewClient("payouts:443",
		grpc.WithDefaultServiceConfig(serviceConfig), // want `idemretry: grpc.WithDefaultServiceConfig retries gRPC /shop.v1.Payouts/Create without an idempotency key`
		grpc.WithChainUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(3))))
}

func retryGoV5() error {
	return retrygo5.New(retrygo5.Attempts(3)).Do(func() error { // want `idemretry: retry.Do retries POST https://api.example.com/payouts without an idempotency key`
		_, err := http.Post(url, "application/json", strings.NewReader("{}"))
		return err
	})
}
