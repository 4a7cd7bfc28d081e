package sites

import (
	"context"
	"net/http"
	"strings"
	"time"

	retrygo "github.com/avast/retry-go/v4"
	v4 "github.com/cenkalti/backoff/v4"
	v5 "github.com/cenkalti/backoff/v5"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/sethvargo/go-retry"
)

func post() error {
	_, err := http.Post("https://api.example.com/x", "application/json", strings.NewReader("{}"))
	return err
}

func opV5() (int, error) { return 0, post() }

func sites(ctx context.Context) {
	_ = v4.Retry(post, v4.NewExponentialBackOff())                                      // want `retry backoff.Retry ops=1`
	_, _ = v5.Retry(ctx, opV5, v5.WithMaxTries(3))                                      // want `retry backoff.Retry ops=1`
	_ = retrygo.Do(post)                                                                // want `retry retry.Do ops=1`
	_ = retry.Do(ctx, retry.NewConstant(time.Second), func(ctx context.Context) error { // want `retry retry.Do ops=0`
		return retry.RetryableError(nil)
	})
	_ = retry.Do(ctx, retry.NewConstant(time.Second), func(ctx context.Context) error { return nil })
	_, _ = retryablehttp.Get("https://api.example.com/x")
	_, _ = retryablehttp.Post("https://api.example.com/x", "application/json", nil) // want `retry retryablehttp.Post ops=1`
	for attempt := range 3 {                                                        // want `retry retry loop ops=1`
		if err := post(); err == nil {
			return
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
}
