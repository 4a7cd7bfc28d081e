package fix

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/google/uuid"
)

const url = "https://api.example.com/charges"

func closure(ctx context.Context) error {
	err := backoff.Retry(func() error {
		key := uuid.NewString() // want `idemretry: idempotency key minted by uuid.NewString`
		req, err := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader("{}"))
		if err != nil {
			return backoff.Permanent(err)
		}
		req.Header.Set("Idempotency-Key", key)
		_, err = http.DefaultClient.Do(req)
		return err
	}, backoff.NewExponentialBackOff())
	return err
}

func loop(ctx context.Context) error {
	for attempt := range 3 {
		k := uuid.New().String() // want `idemretry: idempotency key minted by uuid.New`
		req, err := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader("{}"))
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", k)
		if _, err := http.DefaultClient.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil
}

// taken: the name key is already used before the retry, no fix.
func taken(ctx context.Context, key string) error {
	return backoff.Retry(func() error {
		key := uuid.NewString() // want `idemretry: idempotency key minted by uuid.NewString`
		req, _ := http.NewRequestWithContext(ctx, "POST", url, nil)
		req.Header.Set("Idempotency-Key", key)
		_, err := http.DefaultClient.Do(req)
		return err
	}, backoff.NewExponentialBackOff())
}

// indirect: the closure is held in a variable, no fix.
func indirect(ctx context.Context) error {
	op := func() error {
		key := uuid.NewString() // want `idemretry: idempotency key minted by uuid.NewString`
		req, _ := http.NewRequestWithContext(ctx, "POST", url, nil)
		req.Header.Set("Idempotency-Key", key)
		_, err := http.DefaultClient.Do(req)
		return err
	}
	return backoff.Retry(op, backoff.NewExponentialBackOff())
}

// loopVar: the key uses the loop variable, no fix.
func loopVar(ctx context.Context) error {
	for attempt := range 3 {
		k := uuid.NewString() + string(rune('0'+attempt)) // want `idemretry: idempotency key minted by uuid.NewString`
		req, _ := http.NewRequestWithContext(ctx, "POST", url, nil)
		req.Header.Set("Idempotency-Key", k)
		if _, err := http.DefaultClient.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}
