// Package retrybilling is a client of a billing API, for the retry tests.
package retrybilling

import (
	"context"
	"net/http"
	"strings"
)

const base = "https://billing.example.com"

// Charge charges an amount.
func Charge(ctx context.Context, amount int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/charges", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// ChargeWithKey charges an amount under an idempotency key.
func ChargeWithKey(ctx context.Context, idempotencyKey string, amount int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/charges", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", idempotencyKey)
	_, err = http.DefaultClient.Do(req)
	return err
}

// Balance reads the balance.
func Balance(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/balance", nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// Settle settles the day's charges.
func Settle() error {
	_, err := http.Post(base+"/settlements", "application/json", strings.NewReader("{}"))
	return err
}
