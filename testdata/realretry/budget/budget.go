// Package budget holds retries whose bound or backoff idembudget checks,
// around operations idemretry does not hold against a retry (reads).
package budget

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
	retrygo3 "github.com/avast/retry-go/v3"
	retrygo "github.com/avast/retry-go/v4"
)

const statusURL = "https://api.example.com/jobs/1"

func get() error {
	resp, err := http.Get(statusURL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func retryGoNoDelay() error {
	return retrygo.Do(get, retrygo.Delay(0), retrygo.DelayType(retrygo.FixedDelay)) // want `idembudget: retry.Do has no backoff between attempts \(Delay\(0\) with DelayType\(FixedDelay\) tries again at once`
}

func retryGoV3NoDelay() error {
	return retrygo3.Do(get, retrygo3.DelayType(retrygo3.FixedDelay), retrygo3.Delay(0)) // want `idembudget: retry.Do has no backoff between attempts`
}

func retryGoDelays() error {
	if err := retrygo.Do(get, retrygo.Delay(0)); err != nil { // the default BackOffDelay with random jitter
		return err
	}
	if err := retrygo.Do(get, retrygo.DelayType(retrygo.FixedDelay)); err != nil { // the default delay of 100ms
		return err
	}
	return retrygo3.Do(get, retrygo3.Attempts(0)) // v3: no attempt at all
}

// waitReady polls the job until it is done, with no pause.
func waitReady(c *http.Client) error {
	for { // want `idembudget: poll loop has no bound \(it polls until the answer says it is done` `idembudget: poll loop has no backoff between attempts \(it polls again at once`
		resp, err := c.Get(statusURL)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return nil
		}
	}
}

// waitReadyCtx polls until the context is done: bounded, but with no
// pause.
func waitReadyCtx(ctx context.Context, c *http.Client) error {
	for { // want `idembudget: poll loop has no backoff between attempts`
		if err := ctx.Err(); err != nil {
			return err
		}
		resp, err := c.Get(statusURL)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return nil
		}
	}
}

// waitReadySlowly is a periodic poller: it pauses between rounds.
func waitReadySlowly(c *http.Client) error {
	for {
		resp, err := c.Get(statusURL)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return nil
		}
		time.Sleep(time.Second)
	}
}

// tick retries on a ticker until success or until ctx is done.
func tick(ctx context.Context) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if err := get(); err == nil {
				return nil
			}
		}
	}
}

// tickForever is tick with a context that is never done.
func tickForever() error {
	ctx := context.Background()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for { // want `idembudget: retry loop has no bound \(it goes round until the call succeeds`
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if err := get(); err == nil {
				return nil
			}
		}
	}
}

// shards reads the shard queues in turn, with no pause: each round has
// another target, so it is not a retry.
func shards(c *http.Client, n int) (*http.Response, error) {
	var err error
	for shard := 0; shard < n; shard++ {
		var resp *http.Response
		resp, err = c.Get(fmt.Sprintf("https://queues.example.com/%d", shard))
		if err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// watermillNoBackoff retries a handler with no interval.
func watermillNoBackoff(sub message.Subscriber) (*message.Router, error) {
	r, err := message.NewRouter(message.RouterConfig{}, watermill.NopLogger{})
	if err != nil {
		return nil, err
	}
	r.AddMiddleware(middleware.Retry{MaxRetries: 3}.Middleware) // want `idembudget: watermill middleware.Retry has no backoff between attempts \(an InitialInterval of 0 retries at once`
	r.AddNoPublisherHandler("poll", "jobs", sub, func(*message.Message) error { return get() })
	return r, nil
}
