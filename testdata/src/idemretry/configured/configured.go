package configured

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

const url = "https://api.example.com/items"

func send(ctx context.Context, c *retryablehttp.Client, method, header, key string) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set(header, key)
	_, err = c.Do(req)
	return err
}

func defaultHeader(ctx context.Context, key string) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key) // not a configured key header
	_, err = c.Do(req)                     // want `idemretry: retryablehttp.Client.Do retries POST https://api.example.com/items without an idempotency key \(a retried POST can apply twice\); set the X-Dedup-Key header`
	return err
}

func configuredHeader(ctx context.Context, key string) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("x-dedup-key", key)
	_, err = c.Do(req)
	return err
}

func put(ctx context.Context) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPut, url, nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `idemretry: retryablehttp.Client.Do retries PUT https://api.example.com/items without an idempotency key`
	return err
}

func del(ctx context.Context) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodDelete, url, nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}
