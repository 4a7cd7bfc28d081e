// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp v0.7.8.
package retryablehttp

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

type Request struct {
	*http.Request
}

func FromRequest(r *http.Request) (*Request, error) { return &Request{r}, nil }

func NewRequest(method, url string, rawBody interface{}) (*Request, error) { return nil, nil }

func NewRequestWithContext(ctx context.Context, method, url string, rawBody interface{}) (*Request, error) {
	return nil, nil
}

type CheckRetry func(ctx context.Context, resp *http.Response, err error) (bool, error)

type Backoff func(min, max time.Duration, attemptNum int, resp *http.Response) time.Duration

type Client struct {
	HTTPClient *http.Client
	Logger     interface{}

	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	RetryMax     int

	CheckRetry CheckRetry
	Backoff    Backoff
}

func NewClient() *Client { return &Client{RetryMax: 4} }

func DefaultRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return false, nil
}

func ErrorPropagatedRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return false, nil
}

func (c *Client) Do(req *Request) (*http.Response, error) { return nil, nil }

func Get(url string) (*http.Response, error) { return nil, nil }

func (c *Client) Get(url string) (*http.Response, error) { return nil, nil }

func Head(url string) (*http.Response, error) { return nil, nil }

func (c *Client) Head(url string) (*http.Response, error) { return nil, nil }

func Post(url, bodyType string, body interface{}) (*http.Response, error) { return nil, nil }

func (c *Client) Post(url, bodyType string, body interface{}) (*http.Response, error) {
	return nil, nil
}

func PostForm(url string, data url.Values) (*http.Response, error) { return nil, nil }

func (c *Client) PostForm(url string, data url.Values) (*http.Response, error) { return nil, nil }

func (c *Client) StandardClient() *http.Client { return nil }

type RoundTripper struct {
	Client *Client
}

func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }
