package effects

import (
	"context"

	"example.com/retrybilling"
	"github.com/cenkalti/backoff/v4"
	"github.com/google/uuid"
)

func charge(ctx context.Context, amount int64) error {
	return backoff.Retry(func() error { // want `idemretry: backoff.Retry retries retrybilling.Charge \(which sends POST https://billing.example.com/charges\) without an idempotency key \(a retried call can apply twice\); hand it an idempotency key`
		return retrybilling.Charge(ctx, amount)
	}, backoff.NewExponentialBackOff())
}

func keyed(ctx context.Context, orderID string, amount int64) error {
	key := "charge-" + orderID
	return backoff.Retry(func() error {
		return retrybilling.ChargeWithKey(ctx, key, amount)
	}, backoff.NewExponentialBackOff())
}

func minted(ctx context.Context, amount int64) error {
	return backoff.Retry(func() error {
		return retrybilling.ChargeWithKey(ctx, uuid.NewString(), amount) // want `idemretry: idempotency key minted by uuid.NewString inside the retried code of backoff.Retry`
	}, backoff.NewExponentialBackOff())
}

func read(ctx context.Context) error {
	return backoff.Retry(func() error {
		return retrybilling.Balance(ctx)
	}, backoff.NewExponentialBackOff())
}

func settle() error {
	return backoff.Retry(retrybilling.Settle, backoff.NewExponentialBackOff()) // want `idemretry: backoff.Retry retries retrybilling.Settle \(which sends POST https://billing.example.com/settlements\) without an idempotency key`
}
