// Package loops holds hand-written retry loops of the shapes services
// write, and loops that are not retries.
package loops

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

// Client posts events to a collector.
type Client struct {
	http        *http.Client
	url         string
	maxAttempts int
}

// Send posts body, retrying a few times: a counted loop that builds the
// request inside, sends it through the client in a field, returns from a
// nested if on success and sleeps between attempts.
func (c *Client) Send(ctx context.Context, body []byte) error {
	var lastErr error
	for attempt := 0; attempt < c.maxAttempts; attempt++ { // want `idemretry: retry loop retries POST \{c.url\} without an idempotency key`
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
			lastErr = fmt.Errorf("status %d", resp.StatusCode)
		} else {
			lastErr = err
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	return lastErr
}

// SendKeyed is Send with an idempotency key fixed before the first
// attempt.
func (c *Client) SendKeyed(ctx context.Context, key string, body []byte) error {
	var lastErr error
	for attempt := 0; attempt < c.maxAttempts; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		resp, err := c.http.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
		}
		lastErr = err
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	return lastErr
}

// Register retries a POST on a ticker until it succeeds or the context
// is done.
func (c *Client) Register(ctx context.Context, body []byte) error {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for { // want `idemretry: retry loop retries POST \{c.url\} without an idempotency key`
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
			resp, err := c.http.Post(c.url, "application/json", bytes.NewReader(body))
			if err == nil {
				resp.Body.Close()
				return nil
			}
		}
	}
}

// Announce POSTs in a loop until the collector accepts, with no pause.
func (c *Client) Announce(body []byte) {
	for { // want `idemretry: poll loop retries POST \{c.url\} without an idempotency key`
		resp, err := c.http.Post(c.url, "application/json", bytes.NewReader(body))
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusAccepted {
			return
		}
	}
}

// FanOut posts to one replica after another until one accepts: each
// round has another target, so it is not a retry.
func (c *Client) FanOut(ctx context.Context, replicas []string, body []byte) error {
	var err error
	for i := 0; i < len(replicas); i++ {
		var resp *http.Response
		resp, err = c.http.Post(replicas[i], "application/json", bytes.NewReader(body))
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// Shards posts to the shard queues in turn: the counter picks the
// target.
func (c *Client) Shards(ctx context.Context, n int, body []byte) error {
	var err error
	for shard := range n {
		target := fmt.Sprintf("%s/queues/%d", c.url, shard)
		var resp *http.Response
		if resp, err = c.http.Post(target, "application/json", bytes.NewReader(body)); err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}
