package retryablehttp

import (
	"context"
	"net/http"

	"github.com/google/uuid"
	"github.com/hashicorp/go-retryablehttp"
)

const url = "https://api.example.com/orders"

func unkeyed(ctx context.Context, body []byte) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `idemretry: retryablehttp.Client.Do retries POST https://api.example.com/orders without an idempotency key`
	return err
}

func keyed(ctx context.Context, body []byte) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", uuid.NewString()) // once, before the client's first attempt
	_, err = c.Do(req)
	return err
}

func get(ctx context.Context) error {
	c := retryablehttp.NewClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

func noRetries(body []byte) error {
	c := retryablehttp.NewClient()
	c.RetryMax = 0
	_, err := c.Post(url, "application/json", body)
	return err
}

func literalNoRetries(body []byte) error {
	c := &retryablehttp.Client{}
	_, err := c.Post(url, "application/json", body)
	return err
}

func customPolicy(body []byte) error {
	c := retryablehttp.NewClient()
	c.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) { return false, nil }
	_, err := c.Post(url, "application/json", body)
	return err
}

func packageLevel(body []byte) error {
	_, err := retryablehttp.Post(url, "application/json", body) // want `idemretry: retryablehttp.Post retries POST https://api.example.com/orders without an idempotency key`
	return err
}

type client struct {
	http *http.Client
}

func newClient() *client {
	return &client{http: retryablehttp.NewClient().StandardClient()}
}

func (c *client) create(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, "PATCH", url, nil)
	if err != nil {
		return err
	}
	_, err = c.http.Do(req) // want `idemretry: the retrying http.Client's Do retries PATCH https://api.example.com/orders without an idempotency key`
	return err
}

func plain(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, "POST", url, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req) // no retry
	return err
}

// api is handed a retrying client through its constructor.
type api struct {
	hc *http.Client
}

func newAPI(hc *http.Client) *api { return &api{hc: hc} }

func wire() *api { return newAPI(retryablehttp.NewClient().StandardClient()) }

func (a *api) create(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	_, err = a.hc.Post(url, "application/json", nil) // want `idemretry: the retrying http.Client's Post retries POST https://api.example.com/orders`
	if err != nil {
		return err
	}
	_, err = a.hc.Do(req) // want `idemretry: the retrying http.Client's Do retries POST https://api.example.com/orders`
	return err
}
