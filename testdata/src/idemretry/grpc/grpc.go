package grpc

import (
	"context"

	"example.com/retrypb"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
)

const retryCharge = `{"methodConfig": [{
  "name": [{"service": "shop.v1.Payments", "method": "Charge"}],
  "retryPolicy": {"maxAttempts": 4, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}
}]}`

const retryService = `{"methodConfig": [{"name": [{"service": "shop.v1.Payments"}], "retryPolicy": {"maxAttempts": 3}}]}`

const retryReads = `{"methodConfig": [{
  "name": [{"service": "shop.v1.Payments", "method": "GetCharge"}, {"service": "shop.v1.Catalog"}],
  "retryPolicy": {"maxAttempts": 4}
}]}`

const noRetry = `{"methodConfig": [{"name": [{"service": "shop.v1.Payments"}], "timeout": "1s"}]}`

func dial() {
	_, _ = grpc.NewClient("payments:443", grpc.WithDefaultServiceConfig(retryCharge))  // want `idemretry: grpc.WithDefaultServiceConfig retries gRPC /shop.v1.Payments/Charge without an idempotency key`
	_, _ = grpc.NewClient("payments:443", grpc.WithDefaultServiceConfig(retryService)) // want `idemretry: grpc.WithDefaultServiceConfig retries gRPC /shop.v1.Payments/Charge without an idempotency key`
	_, _ = grpc.NewClient("payments:443", grpc.WithDefaultServiceConfig(retryReads))
	_, _ = grpc.NewClient("payments:443", grpc.WithDefaultServiceConfig(noRetry))
}

func perCall(ctx context.Context, c retrypb.PaymentsClient) {
	_, _ = c.Charge(ctx, &retrypb.ChargeRequest{}, retry.WithMax(3)) // want `idemretry: retry.WithMax retries PaymentsClient.Charge without an idempotency key`
	_, _ = c.GetCharge(ctx, &retrypb.GetChargeRequest{}, retry.WithMax(3))
	_, _ = c.Charge(ctx, &retrypb.ChargeRequest{})
}

func interceptor() {
	_, _ = grpc.NewClient("payments:443", grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(3)))) // want `idemretry: retry.UnaryClientInterceptor retries PaymentsClient.Charge \(and every call on the connection\)`
	_, _ = grpc.NewClient("payments:443", grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor()))
}
