// Package older uses the majors of retry libraries that services still
// import: avast/retry-go v3 (under both of its import paths) and
// go-grpc-middleware v1's grpc_retry.
package older

import (
	"context"
	"net/http"
	"strings"

	retrygo "github.com/avast/retry-go"
	retrygo3 "github.com/avast/retry-go/v3"
	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/retry"
	"google.golang.org/grpc"
)

const url = "https://api.example.com/refunds"

func post() error {
	_, err := http.Post(url, "application/json", strings.NewReader("{}"))
	return err
}

func postKeyed(key string) func() error {
	return func() error {
		req, err := http.NewRequest(http.MethodPost, url, strings.NewReader("{}"))
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		_, err = http.DefaultClient.Do(req)
		return err
	}
}

func retryGoV3() error {
	return retrygo3.Do(post, retrygo3.Attempts(3)) // want `idemretry: retry.Do retries POST https://api.example.com/refunds without an idempotency key`
}

func retryGoV3Unsuffixed() error {
	return retrygo.Do(func() error { // want `idemretry: retry.Do retries POST https://api.example.com/refunds \(in older.post\) without an idempotency key`
		return post()
	})
}

func retryGoV3Keyed(key string) error {
	return retrygo3.Do(postKeyed(key), retrygo3.Attempts(3))
}

// CreateRefundRequest, Refund and refundsClient have the shape of
// generated gRPC client code.
type (
	CreateRefundRequest struct{}
	Refund              struct{}
	GetRefundRequest    struct{}
	refundsClient       interface {
		CreateRefund(ctx context.Context, in *CreateRefundRequest, opts ...grpc.CallOption) (*Refund, error)
		GetRefund(ctx context.Context, in *GetRefundRequest, opts ...grpc.CallOption) (*Refund, error)
	}
)

func grpcRetryV1(ctx context.Context, c refundsClient) error {
	if _, err := c.GetRefund(ctx, &GetRefundRequest{}, grpc_retry.WithMax(3)); err != nil {
		return err
	}
	_, err := c.CreateRefund(ctx, &CreateRefundRequest{}, grpc_retry.WithMax(3)) // want `idemretry: retry.WithMax retries refundsClient.CreateRefund without an idempotency key`
	if err != nil {
		return err
	}
	_, err = c.CreateRefund(ctx, &CreateRefundRequest{}, grpc_retry.WithMax(0))
	return err
}

func dialV1() (*grpc.ClientConn, error) {
	return grpc.NewClient("refunds:443",
		grpc.WithChainUnaryInterceptor(grpc_retry.UnaryClientInterceptor(grpc_retry.WithMax(3)))) // want `idemretry: retry.UnaryClientInterceptor retries refundsClient.CreateRefund \(and every call on the connection\) without an idempotency key`
}
